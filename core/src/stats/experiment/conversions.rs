//! Comparing variants on a conversion rate: the two-proportion z test, the absolute
//! and relative lift with their intervals, the Bayesian probability of being best and
//! expected loss, a sample-ratio check, a verdict and how many more users it needs.

use serde::{Deserialize, Serialize};

use super::bayes::{self, Posterior};
use super::ratio::{sample_ratio_mismatch, SampleRatioCheck, SampleRatioOptions};
use super::sample_size::{cohens_h, users_per_variant};
use super::{check_fraction, check_variant_count};
use crate::input::{self, Field, Indexed};
use crate::names::named_enum;
use crate::stats::gamma::upper_gamma;
use crate::stats::{proportion_interval, z_of_level, Interval, ProportionIntervalOptions};
use crate::{Error, Result};

/// The largest number of terms of the closed-form Bayesian sum (two variants): it has
/// as many terms as the smallest of the four shape parameters (about the smaller count
/// of conversions or of non-conversions), so this bounds the work of one call. Beyond
/// it the probabilities are simulated.
pub const MAX_EXACT_TERMS: u64 = 1_000_000;
/// The default number of simulated draws (three or more variants): the probabilities
/// are then within about ±0.003 (two standard errors) of their exact values.
pub const DEFAULT_DRAWS: u64 = 100_000;
/// The most draws × variants one simulation may take (about a second of work).
pub const MAX_DRAWS: u64 = 20_000_000;

named_enum!(
    /// Which variance the two-proportion z test uses.
    #[derive(Default)]
    ZTestVariance, "z test variance" {
        /// Pooled (the default, the classic test of "no difference"): both groups'
        /// rates estimated together, p (1 − p) (1/n₁ + 1/n₀). statsmodels' `proportions_ztest`.
        #[default]
        Pooled = "pooled",
        /// Unpooled (Wald): p₁ (1 − p₁)/n₁ + p₀ (1 − p₀)/n₀, the variance of the lift's
        /// interval. statsmodels' `test_proportions_2indep(method="wald")`.
        Unpooled = "unpooled" | "wald",
    }
);

named_enum!(
    /// What an experiment's result says to do.
    Verdict, "verdict" {
        /// A variant converts significantly better than the control: ship it (`winner`).
        Winner = "winner",
        /// Every other variant converts significantly worse: keep the control.
        ControlWins = "control_wins",
        /// No significant difference yet, and fewer users than the minimum detectable
        /// effect needs: keep the test running (`more_users_needed`, `days_left`).
        KeepRunning = "keep_running",
        /// Enough users for the minimum detectable effect and no significant difference:
        /// any true effect is probably smaller than it.
        NoDifference = "no_difference",
        /// The split of users is not the one intended (`sample_ratio`): fix the
        /// assignment before trusting any number here.
        SampleRatioMismatch = "sample_ratio_mismatch",
    }
);

/// The options of [`compare_conversions`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ConversionOptions {
    /// The confidence level of the intervals; 1 − level is the test's significance α. Default 0.95.
    pub level: f64,
    /// The z test's variance: "pooled" (the default) or "unpooled".
    pub variance: ZTestVariance,
    /// The smallest relative lift worth detecting (0.05 = 5 % of the control's rate), for the verdict and "how much longer". Default 0.05.
    pub minimum_detectable_effect: f64,
    /// The power wanted for that effect. Default 0.8.
    pub power: f64,
    /// Users entering the experiment per day (all variants together); gives `days_left`.
    pub daily_users: Option<f64>,
    /// The intended split, one weight per variant; `None` (the default) is an equal split.
    pub expected_split: Option<Vec<f64>>,
    /// The sample-ratio check's p-value threshold. Default 0.001.
    pub srm_threshold: f64,
    /// Simulated draws for the Bayesian numbers when there is no closed form (three or more variants). Default (`None`): 100,000, or fewer with many variants so that draws × variants stays within 20,000,000.
    #[serde(deserialize_with = "input::deserialize_optional_count")]
    pub draws: Option<u64>,
    /// The simulation's seed: the same seed, the same numbers in every language. Default 0.
    #[serde(deserialize_with = "input::deserialize_count")]
    pub seed: u64,
}

impl Default for ConversionOptions {
    fn default() -> Self {
        ConversionOptions {
            level: 0.95,
            variance: ZTestVariance::Pooled,
            minimum_detectable_effect: 0.05,
            power: 0.8,
            daily_users: None,
            expected_split: None,
            srm_threshold: 0.001,
            draws: None,
            seed: 0,
        }
    }
}

/// One variant's result in [`ConversionComparison`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ConversionVariant {
    /// Users in the variant.
    pub users: u64,
    /// Users who converted.
    pub conversions: u64,
    /// The conversion rate with its Wilson interval.
    pub rate: Interval,
    /// Rate − control's rate, with its Wald interval (method "wald"); `None` for the control.
    pub absolute_lift: Option<Interval>,
    /// Rate / control's rate − 1, with Katz's log interval (method "katz_log"); `None`
    /// for the control and when either has no conversions.
    pub relative_lift: Option<Interval>,
    /// The z statistic against the control; `None` for the control and when the
    /// variance is 0 (no conversions at all, or all converted).
    pub z: Option<f64>,
    /// The two-sided p-value of `z`.
    pub p_value: Option<f64>,
    /// Whether `p_value` is below 1 − level.
    pub significant: bool,
    /// The posterior probability that this variant has the highest rate.
    pub probability_best: f64,
    /// The expected loss of choosing this variant: E[max rate − this rate], in rate
    /// units (0.001 = 0.1 percentage point).
    pub expected_loss: f64,
}

/// The result of [`compare_conversions`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ConversionComparison {
    /// One entry per variant, the control first.
    pub variants: Vec<ConversionVariant>,
    /// What the result says to do.
    pub verdict: Verdict,
    /// The winning variant's index (0 = control) for "winner" and "control_wins".
    pub winner: Option<u64>,
    /// The confidence level used.
    pub level: f64,
    /// The z test's variance used.
    pub variance: ZTestVariance,
    /// How the Bayesian numbers were computed: "closed_form" or "simulation".
    pub bayesian_method: String,
    /// The sample-ratio-mismatch check of the users against the intended split.
    pub sample_ratio: SampleRatioCheck,
    /// Users each variant needs to detect the minimum detectable effect from the
    /// control's rate; `None` when the control's rate is 0 or 1.
    pub users_needed_per_variant: Option<u64>,
    /// Users still missing over all variants (0 when every variant has enough).
    pub more_users_needed: Option<u64>,
    /// Days until every variant has enough, at `daily_users` and the intended split.
    pub days_left: Option<u64>,
}

/// The z test of variant (x₁ of n₁) against the control (x₀ of n₀): (z, p-value), or
/// `None` when the variance is 0.
fn z_test(
    variance: ZTestVariance,
    (x0, n0): (f64, f64),
    (x1, n1): (f64, f64),
) -> Option<(f64, f64)> {
    let (p0, p1) = (x0 / n0, x1 / n1);
    // Failure shares from the failure counts, not 1 − p, so rates near 1 stay exact.
    let (q0, q1) = ((n0 - x0) / n0, (n1 - x1) / n1);
    let se = match variance {
        ZTestVariance::Pooled => {
            let total = n0 + n1;
            let (p, q) = ((x0 + x1) / total, ((n0 - x0) + (n1 - x1)) / total);
            (p * q * (1.0 / n0 + 1.0 / n1)).sqrt()
        }
        ZTestVariance::Unpooled => (p1 * q1 / n1 + p0 * q0 / n0).sqrt(),
    };
    if se.is_nan() || se <= 0.0 {
        return None;
    }
    let z = (p1 - p0) / se;
    // Two-sided: 2 Φ̄(|z|) = erfc(|z| / √2) = Q(½, z² / 2).
    let p_value = upper_gamma(0.5, 0.5 * z * z)?.clamp(0.0, 1.0);
    Some((z, p_value))
}

/// The lifts of (x₁ of n₁) over (x₀ of n₀) at the two-sided `z`: absolute (Wald) and
/// relative (Katz's log interval; `None` with a zero count).
fn lifts(
    level: f64,
    z: f64,
    (x0, n0): (f64, f64),
    (x1, n1): (f64, f64),
) -> (Interval, Option<Interval>) {
    let (p0, p1) = (x0 / n0, x1 / n1);
    let difference = p1 - p0;
    let se = (p1 * ((n1 - x1) / n1) / n1 + p0 * ((n0 - x0) / n0) / n0).sqrt();
    let absolute = Interval {
        value: difference,
        low: (difference - z * se).max(-1.0),
        high: (difference + z * se).min(1.0),
        level,
        method: "wald".to_owned(),
    };
    let relative = (x0 > 0.0 && x1 > 0.0).then(|| {
        let ratio = p1 / p0;
        let se_log = (1.0 / x1 - 1.0 / n1 + 1.0 / x0 - 1.0 / n0).max(0.0).sqrt();
        Interval {
            value: ratio - 1.0,
            low: ratio * (-z * se_log).exp() - 1.0,
            high: ratio * (z * se_log).exp() - 1.0,
            level,
            method: "katz_log".to_owned(),
        }
    });
    (absolute, relative)
}

/// Checks the two columns: 2..=MAX_VARIANTS variants, users > 0, conversions ≤ users.
fn check_counts(users: &[u64], conversions: &[u64]) -> Result<()> {
    check_variant_count("users", users.len())?;
    input::same_length("conversions", conversions, "users", users)?;
    for (index, (&users, &conversions)) in users.iter().zip(conversions).enumerate() {
        if users == 0 {
            return Err(Error::undefined(
                Indexed("users", index).name(),
                "is 0; a variant's rate needs at least one user",
            ));
        }
        input::at_most(
            &Indexed("conversions", index).name(),
            conversions,
            &Indexed("users", index).name(),
            users,
        )?;
    }
    Ok(())
}

/// The probability of being best and the expected loss of every variant: closed form
/// for two (when its sum is small enough), simulated otherwise.
fn bayesian(
    users: &[u64],
    conversions: &[u64],
    options: &ConversionOptions,
) -> (Vec<f64>, Vec<f64>, &'static str) {
    let posteriors: Vec<Posterior> = users
        .iter()
        .zip(conversions)
        .map(|(&users, &conversions)| Posterior::new(users, conversions))
        .collect();
    if let [a, b] = posteriors[..] {
        if let Some((best, loss)) = bayes::two_variants(a, b) {
            return (best.to_vec(), loss.to_vec(), "closed_form");
        }
    }
    let draws = options
        .draws
        .unwrap_or(DEFAULT_DRAWS.min(MAX_DRAWS / posteriors.len() as u64));
    let (best, loss) = bayes::simulate(&posteriors, draws, options.seed);
    (best, loss, "simulation")
}

/// Compares variants of an experiment on a conversion rate: `users[i]` entered variant
/// `i`, `conversions[i]` of them converted; variant 0 is the control.
///
/// **Formulas** (each variant against the control; p = x / n):
/// - *z test*: z = (p₁ − p₀) / SE, pooled SE = √(p̄ (1 − p̄) (1/n₁ + 1/n₀)) with
///   p̄ = (x₁ + x₀) / (n₁ + n₀), or unpooled SE = √(p₁(1 − p₁)/n₁ + p₀(1 − p₀)/n₀);
///   two-sided p-value 2 Φ̄(|z|). `significant` when p < 1 − level. No correction for
///   several variants: with many, divide α yourself (Bonferroni) or read the Bayesian numbers.
/// - *absolute lift*: p₁ − p₀ ± z_{1−α/2} · unpooled SE (Wald).
/// - *relative lift*: p₁/p₀ − 1 with Katz's log interval,
///   (p₁/p₀) exp(± z √(1/x₁ − 1/n₁ + 1/x₀ − 1/n₀)) − 1 (Katz, D., Baptista, J., Azen,
///   S. P. & Pike, M. C. (1978), "Obtaining Confidence Intervals for the Risk Ratio in
///   Cohort Studies", *Biometrics* 34(3), 469–474; statsmodels'
///   `confint_proportions_2indep(compare="ratio", method="log")`).
/// - *Bayesian*: uniform prior, posterior Beta(1 + x, 1 + n − x); `probability_best` and
///   `expected_loss` = E[max_j p_j − p_i], in closed form for two variants (Evan
///   Miller 2015; Chris Stucchio 2015) with at most [`MAX_EXACT_TERMS`] terms, else
///   simulated with `draws` seeded draws (identical in every language; by default
///   100,000, fewer beyond 200 variants so that draws × variants ≤ [`MAX_DRAWS`]).
/// - *sample ratio*: [`sample_ratio_mismatch`] of `users` against `expected_split`.
/// - *how much longer*: [`sample_size`](super::sample_size)'s users per variant for a
///   relative `minimum_detectable_effect` from the control's rate at α = 1 − level and
///   `power`; the missing users, and the days at `daily_users` for the slowest variant.
///
/// **Verdict**, in this order: "sample_ratio_mismatch" when the split check fails;
/// "winner" when a variant is significantly better (the best such one); "control_wins"
/// when every other variant is significantly worse; "keep_running" while a variant has
/// fewer users than needed; "no_difference" otherwise.
///
/// **Errors**: fewer than 2 or more than [`MAX_VARIANTS`](super::MAX_VARIANTS) variants
/// (`users`); columns of different lengths (`conversions`); a variant without users
/// (`users[i]`); more conversions than users (`conversions[i]`); a level, power or
/// threshold outside 0..1; a minimum detectable effect that is not positive; draws of
/// 0, or draws × variants above [`MAX_DRAWS`] (`draws`); the errors of the split check.
///
/// ```
/// use pmkit::stats::{compare_conversions, ConversionOptions, Verdict};
///
/// // Control: 200 of 10,000 users converted (2.0 %); variant: 260 of 10,000 (2.6 %).
/// let result = compare_conversions(&[10_000, 10_000], &[200, 260], &ConversionOptions::default())?;
/// let variant = &result.variants[1];
/// assert!((variant.p_value.unwrap() - 0.004_65).abs() < 1e-5); // statsmodels: 0.0046511
/// assert!((variant.relative_lift.as_ref().unwrap().value - 0.30).abs() < 1e-12);
/// assert!(variant.probability_best > 0.99);
/// assert_eq!(result.verdict, Verdict::Winner);
/// assert_eq!(result.winner, Some(1));
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn compare_conversions(
    users: &[u64],
    conversions: &[u64],
    options: &ConversionOptions,
) -> Result<ConversionComparison> {
    check_counts(users, conversions)?;
    let z_level = z_of_level(options.level)?;
    let alpha = 1.0 - options.level;
    let power = check_fraction("power", options.power)?;
    let effect = super::positive(
        "minimum_detectable_effect",
        options.minimum_detectable_effect,
    )?;
    if let Some(daily) = options.daily_users {
        super::positive("daily_users", daily)?;
    }
    if options.draws == Some(0) {
        return Err(Error::undefined(
            "draws",
            "is 0; a simulation needs at least one draw",
        ));
    }
    if let Some(draws) = options.draws {
        if draws.saturating_mul(users.len() as u64) > MAX_DRAWS {
            return Err(Error::out_of_range(
                "draws",
                format!(
                    "{draws} draws of {} variants are more than the limit of {MAX_DRAWS} draws × variants; 100,000 draws give ±0.003",
                    users.len()
                ),
            ));
        }
    }
    let sample_ratio = sample_ratio_mismatch(
        users,
        &SampleRatioOptions {
            expected_split: options.expected_split.clone(),
            threshold: options.srm_threshold,
        },
    )
    .map_err(|err| {
        err.map_field(|field| match field {
            "threshold" => "srm_threshold".to_owned(),
            other => other.to_owned(),
        })
    })?;
    let (best, loss, bayesian_method) = bayesian(users, conversions, options);

    let control = (conversions[0] as f64, users[0] as f64);
    let wilson = ProportionIntervalOptions {
        level: options.level,
        ..Default::default()
    };
    let mut variants = Vec::with_capacity(users.len());
    for (index, (&n, &x)) in users.iter().zip(conversions).enumerate() {
        let rate = proportion_interval(x, n, &wilson)?;
        let (absolute_lift, relative_lift, test) = if index == 0 {
            (None, None, None)
        } else {
            let variant = (x as f64, n as f64);
            let (absolute, relative) = lifts(options.level, z_level, control, variant);
            (
                Some(absolute),
                relative,
                z_test(options.variance, control, variant),
            )
        };
        variants.push(ConversionVariant {
            users: n,
            conversions: x,
            rate,
            absolute_lift,
            relative_lift,
            z: test.map(|(z, _)| z),
            p_value: test.map(|(_, p)| p),
            significant: test.is_some_and(|(_, p)| p < alpha),
            probability_best: best[index],
            expected_loss: loss[index],
        });
    }

    // How much longer: the users each variant needs for the effect from the control's rate.
    let baseline = control.0 / control.1;
    let target = baseline * (1.0 + effect);
    let needed = (baseline > 0.0 && target <= 1.0)
        .then(|| users_per_variant(cohens_h(baseline, target), alpha, power).ceil());
    // Beyond 2^53 users the plan is meaningless: reported as unknown.
    let needed = needed
        .filter(|&needed| needed <= 9_007_199_254_740_992.0)
        .map(|n| n as u64);
    let more_users_needed = needed.map(|needed| {
        users
            .iter()
            .map(|&users| needed.saturating_sub(users))
            .fold(0u64, u64::saturating_add)
    });
    let days_left = match (needed, options.daily_users) {
        (Some(needed), Some(daily)) => {
            let shares =
                super::ratio::expected_shares(options.expected_split.as_deref(), users.len())?;
            let days = users
                .iter()
                .zip(&shares)
                .map(|(&users, &share)| needed.saturating_sub(users) as f64 / (daily * share))
                .fold(0.0, f64::max);
            Some(days.ceil().min(9_007_199_254_740_992.0) as u64)
        }
        _ => None,
    };

    let (verdict, winner) = verdict(&variants, sample_ratio.mismatch, needed);
    Ok(ConversionComparison {
        variants,
        verdict,
        winner,
        level: options.level,
        variance: options.variance,
        bayesian_method: bayesian_method.to_owned(),
        sample_ratio,
        users_needed_per_variant: needed,
        more_users_needed,
        days_left,
    })
}

/// The verdict and the winner's index (see [`compare_conversions`]).
fn verdict(
    variants: &[ConversionVariant],
    mismatch: bool,
    needed: Option<u64>,
) -> (Verdict, Option<u64>) {
    if mismatch {
        return (Verdict::SampleRatioMismatch, None);
    }
    let lift = |variant: &ConversionVariant| {
        variant
            .absolute_lift
            .as_ref()
            .map_or(0.0, |lift| lift.value)
    };
    let better = variants
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, variant)| variant.significant && lift(variant) > 0.0)
        .max_by(|(_, a), (_, b)| a.rate.value.total_cmp(&b.rate.value));
    if let Some((index, _)) = better {
        return (Verdict::Winner, Some(index as u64));
    }
    if variants
        .iter()
        .skip(1)
        .all(|variant| variant.significant && lift(variant) < 0.0)
    {
        return (Verdict::ControlWins, Some(0));
    }
    let enough =
        needed.is_some_and(|needed| variants.iter().all(|variant| variant.users >= needed));
    if enough {
        (Verdict::NoDifference, None)
    } else {
        (Verdict::KeepRunning, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compare(users: &[u64], conversions: &[u64]) -> ConversionComparison {
        compare_conversions(users, conversions, &ConversionOptions::default()).unwrap()
    }

    #[test]
    fn matches_statsmodels_docstring_example() {
        // statsmodels proportions_ztest(count=[5, 12], nobs=[83, 99]): p = 0.159 (z = −1.408
        // for the first minus the second; here the variant is the second, so z > 0).
        let result = compare(&[83, 99], &[5, 12]);
        let variant = &result.variants[1];
        assert!((variant.z.unwrap() - 1.407_830_415_125_878_7).abs() < 1e-12);
        assert!((variant.p_value.unwrap() - 0.159_181_291_811_569_92).abs() < 1e-12);
        // confint_proportions_2indep(12, 99, 5, 83, method="wald") and (compare="ratio", method="log").
        let absolute = variant.absolute_lift.as_ref().unwrap();
        assert!((absolute.low + 0.021_207_895_074_544_264).abs() < 1e-12);
        assert!((absolute.high - 0.143_150_209_787_943_32).abs() < 1e-12);
        let relative = variant.relative_lift.as_ref().unwrap();
        assert!((relative.low - (0.738_988_319_734_659 - 1.0)).abs() < 1e-12);
        assert!((relative.high - (5.478_614_024_267_444 - 1.0)).abs() < 1e-12);
        assert_eq!(result.bayesian_method, "closed_form");
        let unpooled = ConversionOptions {
            variance: ZTestVariance::Unpooled,
            ..Default::default()
        };
        let wald = compare_conversions(&[83, 99], &[5, 12], &unpooled).unwrap();
        // test_proportions_2indep(12, 99, 5, 83, method="wald"): 1.4541573427709915, 0.14590268849770227.
        assert!((wald.variants[1].z.unwrap() - 1.454_157_342_770_991_5).abs() < 1e-12);
        assert!((wald.variants[1].p_value.unwrap() - 0.145_902_688_497_702_27).abs() < 1e-12);
    }

    #[test]
    fn probabilities_sum_to_one_and_three_variants_simulate_reproducibly() {
        let result = compare(&[5_000, 5_000, 5_000], &[500, 540, 470]);
        assert_eq!(result.bayesian_method, "simulation");
        let total: f64 = result.variants.iter().map(|v| v.probability_best).sum();
        assert!((total - 1.0).abs() < 1e-12);
        assert_eq!(result, compare(&[5_000, 5_000, 5_000], &[500, 540, 470]));
        let two = compare(&[1_000, 1_000], &[100, 100]);
        assert!((two.variants[0].probability_best - 0.5).abs() < 1e-12);
    }

    #[test]
    fn verdicts_follow_the_evidence() {
        assert_eq!(
            compare(&[1_000, 1_000], &[100, 160]).verdict,
            Verdict::Winner
        );
        assert_eq!(
            compare(&[1_000, 1_000], &[160, 100]).verdict,
            Verdict::ControlWins
        );
        let early = compare(&[1_000, 1_000], &[100, 104]);
        assert_eq!(early.verdict, Verdict::KeepRunning);
        assert!(early.more_users_needed.unwrap() > 0);
        let settled = compare(&[200_000, 200_000], &[20_000, 20_050]);
        assert_eq!(settled.verdict, Verdict::NoDifference);
        assert_eq!(settled.more_users_needed, Some(0));
        assert_eq!(
            compare(&[1_000, 1_300], &[100, 130]).verdict,
            Verdict::SampleRatioMismatch
        );
    }

    #[test]
    fn degenerate_and_huge_counts_stay_finite() {
        let none = compare(&[100, 100], &[0, 0]);
        assert_eq!(none.variants[1].z, None);
        assert_eq!(none.variants[1].relative_lift, None);
        assert_eq!(none.users_needed_per_variant, None);
        assert_eq!(none.verdict, Verdict::KeepRunning);
        let huge = compare(&[u64::MAX / 2, u64::MAX / 2], &[u64::MAX / 4, u64::MAX / 4]);
        assert_eq!(huge.bayesian_method, "simulation");
        let variant = &huge.variants[1];
        assert!(variant.p_value.is_some_and(|p| (0.0..=1.0).contains(&p)));
        assert!(variant.expected_loss.is_finite() && variant.probability_best.is_finite());
    }

    #[test]
    fn bad_input_names_the_field() {
        let default = ConversionOptions::default();
        let field = |users: &[u64], conversions: &[u64], options: &ConversionOptions| {
            compare_conversions(users, conversions, options)
                .unwrap_err()
                .field()
                .to_owned()
        };
        assert_eq!(field(&[10], &[1], &default), "users");
        assert_eq!(field(&[10, 10], &[1], &default), "conversions");
        assert_eq!(field(&[10, 0], &[1, 0], &default), "users[1]");
        assert_eq!(field(&[10, 10], &[1, 11], &default), "conversions[1]");
        let level = ConversionOptions {
            level: 1.5,
            ..Default::default()
        };
        assert_eq!(field(&[10, 10], &[1, 1], &level), "level");
        let draws = ConversionOptions {
            draws: Some(MAX_DRAWS),
            ..Default::default()
        };
        assert_eq!(field(&[10, 10], &[1, 1], &draws), "draws");
        let threshold = ConversionOptions {
            srm_threshold: 0.0,
            ..Default::default()
        };
        assert_eq!(field(&[10, 10], &[1, 1], &threshold), "srm_threshold");
    }
}
