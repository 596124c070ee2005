//! How many users an experiment needs: per variant, for a minimum detectable effect at
//! a power and significance level (two-sided), on a conversion rate or a mean; and how
//! many days that takes at a given traffic.

use serde::{Deserialize, Serialize};

use super::{check_fraction, MAX_VARIANTS};
use crate::names::named_enum;
use crate::stats::gamma::{normal_density, normal_survival};
use crate::stats::special::normal_quantile;
use crate::{input, Error, Result};

named_enum!(
    /// What an experiment measures.
    #[derive(Default)]
    SampleMetric, "metric" {
        /// A conversion rate (a share of users): `baseline` is the control's rate, a
        /// fraction strictly between 0 and 1.
        #[default]
        Proportion = "proportion" | "conversion",
        /// A mean per user (revenue, sessions): `baseline` is the control's mean and the
        /// `standard_deviation` option is required.
        Mean = "mean",
    }
);

named_enum!(
    /// How a minimum detectable effect is expressed.
    #[derive(Default)]
    EffectKind, "effect kind" {
        /// A fraction of the baseline: 0.05 detects a 5 % lift (10 % → 10.5 %).
        #[default]
        Relative = "relative",
        /// In the metric's own unit: 0.005 detects 10 % → 10.5 %.
        Absolute = "absolute",
    }
);

/// The options of [`sample_size`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct SampleSizeOptions {
    /// What is measured: "proportion" (a conversion rate, the default) or "mean".
    pub metric: SampleMetric,
    /// The standard deviation of the metric per user; required for "mean", refused for "proportion".
    pub standard_deviation: Option<f64>,
    /// How `minimum_detectable_effect` is read: "relative" (a fraction of the baseline, the default) or "absolute".
    pub effect: EffectKind,
    /// The significance level α of the two-sided test, a fraction. Default 0.05.
    pub alpha: f64,
    /// The power 1 − β: the chance of detecting a true effect of that size. Default 0.8.
    pub power: f64,
    /// How many variants share the traffic, control included. Default 2.
    #[serde(deserialize_with = "input::deserialize_count")]
    pub variants: u64,
    /// Users entering the experiment per day (all variants together); gives `days`.
    pub daily_users: Option<f64>,
}

impl Default for SampleSizeOptions {
    fn default() -> Self {
        SampleSizeOptions {
            metric: SampleMetric::Proportion,
            standard_deviation: None,
            effect: EffectKind::Relative,
            alpha: 0.05,
            power: 0.8,
            variants: 2,
            daily_users: None,
        }
    }
}

/// The result of [`sample_size`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SampleSize {
    /// Users needed in each variant, rounded up.
    pub users_per_variant: u64,
    /// The unrounded solution (what statsmodels' `solve_power` returns).
    pub exact_users_per_variant: f64,
    /// `users_per_variant` × the number of variants.
    pub total_users: u64,
    /// The standardized effect: Cohen's h for a proportion, Cohen's d for a mean (≥ 0).
    pub effect_size: f64,
    /// Whole days to reach `total_users` at `daily_users`, when it was given.
    pub days: Option<u64>,
}

/// 2^53: the largest count a float holds exactly, and so the largest sample pmkit plans.
const MAX_USERS: f64 = 9_007_199_254_740_992.0;

/// The users per variant a two-sided z test at `alpha` needs to detect the standardized
/// effect `effect_size` with probability `power`, for two equal groups: the n with
/// Φ̄(c − e √(n/2)) + Φ(−c − e √(n/2)) = power, c = Φ⁻¹(1 − α/2) (both tails counted, as
/// statsmodels' `NormalIndPower` does). `effect_size` must be > 0 and `power` > `alpha`.
pub(crate) fn users_per_variant(effect_size: f64, alpha: f64, power: f64) -> f64 {
    let c = normal_quantile(1.0 - alpha / 2.0);
    // Solve for u = e √(n/2): the power is increasing in u, from α at u = 0.
    let power_at = |u: f64| normal_survival(c - u) + normal_survival(c + u);
    // Start from the one-tail solution; keep a bracket so a Newton step that leaves it
    // falls back to bisection.
    let (mut low, mut high) = (0.0, c + normal_quantile(power) + 10.0);
    let mut u = (c + normal_quantile(power)).clamp(low, high);
    for _ in 0..200 {
        let gap = power_at(u) - power;
        if gap > 0.0 {
            high = u;
        } else {
            low = u;
        }
        let slope = normal_density(c - u) - normal_density(c + u);
        let newton = u - gap / slope;
        let next = if slope > 0.0 && newton > low && newton < high {
            newton
        } else {
            0.5 * (low + high)
        };
        if (next - u).abs() <= 4.0 * f64::EPSILON * u {
            u = next;
            break;
        }
        u = next;
    }
    2.0 * (u / effect_size).powi(2)
}

/// Cohen's h between two rates: |2 asin √p₁ − 2 asin √p₀| (statsmodels'
/// `proportion_effectsize`), the arcsine transform that makes a rate's variance the
/// same at every level.
pub(super) fn cohens_h(baseline: f64, target: f64) -> f64 {
    (2.0 * target.sqrt().asin() - 2.0 * baseline.sqrt().asin()).abs()
}

/// The standardized effect of [`sample_size`]'s inputs: Cohen's h or d, ≥ 0.
fn effect_size(baseline: f64, effect: f64, options: &SampleSizeOptions) -> Result<f64> {
    input::finite("baseline", baseline)?;
    input::finite("minimum_detectable_effect", effect)?;
    if effect == 0.0 {
        return Err(Error::out_of_range(
            "minimum_detectable_effect",
            "is 0; no sample detects an effect of 0",
        ));
    }
    match options.metric {
        SampleMetric::Proportion => {
            if options.standard_deviation.is_some() {
                return Err(Error::invalid(
                    "standard_deviation",
                    "applies only to metric \"mean\"; a proportion's spread follows from its rate",
                ));
            }
            if baseline <= 0.0 || baseline >= 1.0 {
                return Err(Error::out_of_range(
                    "baseline",
                    format!("is the control's conversion rate, a fraction strictly between 0 and 1; got {baseline}"),
                ));
            }
            let target = match options.effect {
                EffectKind::Relative => baseline * (1.0 + effect),
                EffectKind::Absolute => baseline + effect,
            };
            if !(0.0..=1.0).contains(&target) {
                return Err(Error::out_of_range(
                    "minimum_detectable_effect",
                    format!("moves the rate from {baseline} to {target}, outside 0..1"),
                ));
            }
            Ok(cohens_h(baseline, target))
        }
        SampleMetric::Mean => {
            let Some(deviation) = options.standard_deviation else {
                return Err(Error::undefined(
                    "standard_deviation",
                    "is required for metric \"mean\" (the spread of the metric per user)",
                ));
            };
            super::positive("standard_deviation", deviation)?;
            let difference = match options.effect {
                EffectKind::Relative => {
                    if baseline == 0.0 {
                        return Err(Error::undefined(
                            "baseline",
                            "is 0, so a relative effect is 0; give an absolute effect (effect \"absolute\")",
                        ));
                    }
                    effect * baseline
                }
                EffectKind::Absolute => effect,
            };
            // Cohen's d.
            Ok((difference / deviation).abs())
        }
    }
}

/// The users per variant (and in total, and days) a two-sided test needs to detect a
/// `minimum_detectable_effect` from `baseline` at significance `alpha` (0.05) with
/// `power` (0.8).
///
/// **Formula**: the effect is standardized as Cohen's h = |2 asin √p₁ − 2 asin √p₀| for
/// a proportion (p₀ = `baseline`, p₁ = p₀ (1 + mde) for a relative effect, p₀ + mde
/// for an absolute one) or Cohen's d = |δ| / σ for a mean. The users per variant n solve
/// Φ̄(c − e √(n/2)) + Φ(−c − e √(n/2)) = power with c = Φ⁻¹(1 − α/2) (Newton's method
/// to full precision), close to the textbook n = 2 ((c + Φ⁻¹(power)) / e)², which
/// leaves out the far tail. `total_users` = ⌈n⌉ × `variants`; `days` =
/// ⌈total / `daily_users`⌉. Each variant is compared with the control at `alpha` (no
/// correction for several variants).
///
/// **Errors**: a `baseline` rate outside the open interval 0..1, or a relative effect
/// on a mean with a `baseline` of 0; an effect of 0 or one that moves the rate outside
/// 0..1 (`minimum_detectable_effect`); `alpha` or `power` outside 0..1, or `power` ≤
/// `alpha`; `standard_deviation` missing for a mean (or given for a proportion); fewer
/// than 2 or more than [`MAX_VARIANTS`] `variants`; a `daily_users` ≤ 0; a sample beyond
/// 2^53 users (`minimum_detectable_effect`: the effect is too small to detect).
///
/// **Sources**: Cohen, J. (1988), *Statistical Power Analysis for the Behavioral
/// Sciences* (2nd ed.), ch. 2 (d) and ch. 6 (h; Table 6.4.1 gives n = 392 for h = 0.2,
/// α = 0.05 two-sided, power 0.8: here 392.443); the same solution as statsmodels'
/// `NormalIndPower().solve_power` (`zt_ind_solve_power`), which stops its root search
/// at about 1e-8 relative; pmkit solves the same equation to full precision.
///
/// ```
/// use pmkit::stats::{sample_size, SampleSizeOptions};
///
/// // A 10 % conversion rate; detect a 10 % relative lift (10 % → 11 %) at 80 % power.
/// let plan = sample_size(0.10, 0.10, &SampleSizeOptions { daily_users: Some(2_000.0), ..Default::default() })?;
/// assert_eq!(plan.users_per_variant, 14_745); // statsmodels: 14,744.10
/// assert_eq!(plan.total_users, 29_490);
/// assert_eq!(plan.days, Some(15));
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn sample_size(
    baseline: f64,
    minimum_detectable_effect: f64,
    options: &SampleSizeOptions,
) -> Result<SampleSize> {
    let alpha = check_fraction("alpha", options.alpha)?;
    let power = check_fraction("power", options.power)?;
    if power <= alpha {
        return Err(Error::out_of_range(
            "power",
            format!("{power} is not above alpha ({alpha}); a test with no sample already has power alpha"),
        ));
    }
    if options.variants < 2 || options.variants > MAX_VARIANTS as u64 {
        return Err(Error::out_of_range(
            "variants",
            format!(
                "is {}; an experiment has 2 to {MAX_VARIANTS} variants, control included",
                options.variants
            ),
        ));
    }
    if let Some(daily) = options.daily_users {
        super::positive("daily_users", daily)?;
    }
    let effect = effect_size(baseline, minimum_detectable_effect, options)?;
    let exact = users_per_variant(effect, alpha, power);
    let total = exact.ceil() * options.variants as f64;
    if total.is_nan() || total > MAX_USERS {
        return Err(Error::out_of_range(
            "minimum_detectable_effect",
            format!(
                "{minimum_detectable_effect} is too small to detect: it needs more than 2^53 users"
            ),
        ));
    }
    // Whole numbers below 2^53, so the conversions are exact.
    let per_variant = exact.ceil() as u64;
    let total_users = per_variant * options.variants;
    let days = options
        .daily_users
        .map(|daily| (total_users as f64 / daily).ceil().min(MAX_USERS) as u64);
    Ok(SampleSize {
        users_per_variant: per_variant,
        exact_users_per_variant: exact,
        total_users,
        effect_size: effect,
        days,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: f64, expected: f64, relative: f64) -> bool {
        (actual - expected).abs() <= relative * expected.abs()
    }

    #[test]
    fn matches_statsmodels_normal_ind_power() {
        // The root of statsmodels' NormalIndPower().power(e, n, 0.05) = 0.8, solved with
        // brentq to 1e-15 (solve_power itself stops at about 1e-8: 392.4430233).
        let n = users_per_variant(0.2, 0.05, 0.8);
        assert!(close(n, 392.443_025_466_31, 1e-12), "{n}");
        let n = users_per_variant(0.5, 0.05, 0.8);
        assert!(close(n, 62.790_884_074_609_6, 1e-12), "{n}");
    }

    #[test]
    fn a_mean_needs_its_standard_deviation() {
        let options = SampleSizeOptions {
            metric: SampleMetric::Mean,
            ..Default::default()
        };
        let err = sample_size(10.0, 0.1, &options).unwrap_err();
        assert_eq!(err.field(), "standard_deviation");
        let options = SampleSizeOptions {
            metric: SampleMetric::Mean,
            standard_deviation: Some(2.0),
            effect: EffectKind::Absolute,
            ..Default::default()
        };
        // d = 1 / 2 = 0.5: 62.79 users per variant.
        let plan = sample_size(10.0, 1.0, &options).unwrap();
        assert_eq!(plan.users_per_variant, 63);
        assert!(close(plan.effect_size, 0.5, 1e-15));
    }

    #[test]
    fn bad_input_names_the_field() {
        let default = SampleSizeOptions::default();
        for (baseline, effect, field) in [
            (0.0, 0.1, "baseline"),
            (1.0, 0.1, "baseline"),
            (f64::NAN, 0.1, "baseline"),
            (0.5, 0.0, "minimum_detectable_effect"),
            (0.8, 0.5, "minimum_detectable_effect"),
            (0.5, 1e-12, "minimum_detectable_effect"),
        ] {
            let err = sample_size(baseline, effect, &default).unwrap_err();
            assert_eq!(err.field(), field, "{baseline} {effect}");
        }
        let weak = SampleSizeOptions {
            power: 0.04,
            ..Default::default()
        };
        assert_eq!(sample_size(0.1, 0.1, &weak).unwrap_err().field(), "power");
        let one = SampleSizeOptions {
            variants: 1,
            ..Default::default()
        };
        assert_eq!(sample_size(0.1, 0.1, &one).unwrap_err().field(), "variants");
    }
}
