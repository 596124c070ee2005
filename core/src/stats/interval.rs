//! Confidence intervals on a proportion (conversion, adoption, churn, retention,
//! completion, defect escape, the CSAT share ...): Wilson, Agresti–Coull and the exact
//! Clopper–Pearson interval.

use serde::{Deserialize, Serialize};

use super::special::{beta_quantile, normal_quantile};
use crate::names::named_enum;
use crate::{input, Error, Result};

named_enum!(
    /// How a proportion's interval is computed.
    #[derive(Default)]
    ProportionMethod, "interval method" {
        /// The Wilson score interval (the default): good coverage at every n, never
        /// outside 0..1, not degenerate at 0 or n successes.
        #[default]
        Wilson = "wilson",
        /// Agresti–Coull: the Wald interval around the Wilson centre with z² added
        /// trials (clipped to 0..1).
        AgrestiCoull = "agresti_coull",
        /// Clopper–Pearson, "exact": from beta quantiles; at least the nominal coverage
        /// (conservative, usually the widest).
        ClopperPearson = "clopper_pearson" | "exact" | "beta",
    }
);

/// An estimate with its confidence interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Interval {
    /// The point estimate (successes / trials for a proportion).
    pub value: f64,
    /// The lower bound.
    pub low: f64,
    /// The upper bound.
    pub high: f64,
    /// The confidence level, a fraction (0.95).
    pub level: f64,
    /// The method's name (`"wilson"`, `"agresti_coull"`, `"clopper_pearson"`).
    pub method: String,
}

/// The options of [`proportion_interval`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ProportionIntervalOptions {
    /// The confidence level, a fraction strictly between 0 and 1. Default 0.95.
    pub level: f64,
    /// The method: "wilson" (default), "agresti_coull" or "clopper_pearson" ("exact").
    pub method: ProportionMethod,
}

impl Default for ProportionIntervalOptions {
    fn default() -> Self {
        ProportionIntervalOptions {
            level: 0.95,
            method: ProportionMethod::Wilson,
        }
    }
}

/// The largest number of trials the exact (Clopper–Pearson) method takes: its beta
/// quantiles need about √trials terms each, so this bounds the work of one call.
/// Wilson and Agresti–Coull take any count.
pub const MAX_EXACT_TRIALS: u64 = 1_000_000_000_000;

/// The two-sided z of a confidence level: Φ⁻¹(1 − (1 − level) / 2).
///
/// **Errors**: a level that is NaN, infinite or outside the open interval 0..1
/// ([`Error::OutOfRange`] on `level`).
pub(crate) fn z_of_level(level: f64) -> Result<f64> {
    input::finite("level", level)?;
    if level <= 0.0 || level >= 1.0 {
        return Err(Error::out_of_range(
            "level",
            format!("must lie strictly between 0 and 1 (a fraction such as 0.95), got {level}"),
        ));
    }
    Ok(normal_quantile(0.5 + level / 2.0))
}

/// A confidence interval on the proportion `successes / trials`.
///
/// **Formulas** (z = Φ⁻¹(1 − α/2), α = 1 − level, p̂ = x / n):
/// - *Wilson*: centre (x + z²/2) / (n + z²), half-width
///   z / (n + z²) · √(x (n − x) / n + z²/4).
/// - *Agresti–Coull*: ñ = n + z², p̃ = (x + z²/2) / ñ, p̃ ± z √(p̃ (1 − p̃) / ñ),
///   clipped to 0..1.
/// - *Clopper–Pearson*: low = B⁻¹(α/2; x, n − x + 1) (0 when x = 0),
///   high = B⁻¹(1 − α/2; x + 1, n − x) (1 when x = n), B⁻¹ the beta quantile.
///
/// `value` is p̂ in every method. **Unit**: fractions.
///
/// **Errors**: `trials` of 0 ([`Error::Undefined`] on `trials`); `successes` above
/// `trials` ([`Error::OutOfRange`] on `successes`); a level outside the open interval
/// 0..1 ([`Error::OutOfRange`] on `level`); the exact method above
/// [`MAX_EXACT_TRIALS`] trials ([`Error::OutOfRange`] on `trials`).
///
/// **Sources**: Wilson, E. B. (1927), "Probable Inference, the Law of Succession, and
/// Statistical Inference", *JASA* 22, 209–212; Agresti, A. & Coull, B. A. (1998),
/// "Approximate Is Better than 'Exact' for Interval Estimation of Binomial
/// Proportions", *The American Statistician* 52(2), 119–126; Clopper, C. J. & Pearson,
/// E. S. (1934), *Biometrika* 26(4), 404–413; Brown, Cai & DasGupta (2001), "Interval
/// Estimation for a Binomial Proportion", *Statistical Science* 16(2) (which recommends
/// Wilson). The bounds equal statsmodels' `proportion_confint` (methods `wilson`,
/// `agresti_coull`, `beta`).
///
/// ```
/// use pmkit::stats::{proportion_interval, ProportionIntervalOptions, ProportionMethod};
///
/// // 81 conversions out of 263 visitors, 95 %: 30.8 %, between 25.5 % and 36.6 %.
/// let wilson = proportion_interval(81, 263, &ProportionIntervalOptions::default())?;
/// assert!((wilson.value - 81.0 / 263.0).abs() < 1e-15);
/// assert!((wilson.low - 0.255_3).abs() < 1e-4 && (wilson.high - 0.366_2).abs() < 1e-4);
///
/// // No successes: Wilson's interval still has width; the exact one starts at 0.
/// let exact = ProportionIntervalOptions { method: ProportionMethod::ClopperPearson, ..Default::default() };
/// let none = proportion_interval(0, 10, &exact)?;
/// assert_eq!(none.low, 0.0);
/// assert!((none.high - 0.308_5).abs() < 1e-4); // 1 − 0.025^(1/10)
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn proportion_interval(
    successes: u64,
    trials: u64,
    options: &ProportionIntervalOptions,
) -> Result<Interval> {
    if trials == 0 {
        return Err(Error::undefined(
            "trials",
            "is 0; a proportion needs at least one trial",
        ));
    }
    input::at_most("successes", successes, "trials", trials)?;
    let z = z_of_level(options.level)?;
    let (x, n) = (successes as f64, trials as f64);
    let estimate = x / n;
    let z2 = z * z;
    let (low, high) = match options.method {
        ProportionMethod::Wilson => {
            let centre = (x + z2 / 2.0) / (n + z2);
            let half = z / (n + z2) * (x * (n - x) / n + z2 / 4.0).sqrt();
            // At 0 (or n) successes the bound is exactly 0 (or 1); the subtraction would
            // leave a rounding residue such as 1e-22.
            let low = if successes == 0 { 0.0 } else { centre - half };
            let high = if successes == trials {
                1.0
            } else {
                centre + half
            };
            (low.max(0.0), high.min(1.0))
        }
        ProportionMethod::AgrestiCoull => {
            let adjusted_trials = n + z2;
            let centre = (x + z2 / 2.0) / adjusted_trials;
            let half = z * (centre * (1.0 - centre) / adjusted_trials).sqrt();
            ((centre - half).max(0.0), (centre + half).min(1.0))
        }
        ProportionMethod::ClopperPearson => {
            if trials > MAX_EXACT_TRIALS {
                return Err(Error::out_of_range(
                    "trials",
                    format!(
                        "is above {MAX_EXACT_TRIALS} for the exact method; use \"wilson\" (at this size they agree to 1e-6)"
                    ),
                ));
            }
            let alpha = 1.0 - options.level;
            let low = if successes == 0 {
                0.0
            } else {
                beta_quantile("trials", alpha / 2.0, x, n - x + 1.0)?
            };
            let high = if successes == trials {
                1.0
            } else {
                beta_quantile("trials", 1.0 - alpha / 2.0, x + 1.0, n - x)?
            };
            // A guard, not an expected path: below MAX_EXACT_TRIALS the quantiles keep
            // their precision, so the estimate always lies between them.
            if !(low <= estimate && estimate <= high) {
                return Err(Error::undefined(
                    "trials",
                    "is too large for the exact method's precision; use \"wilson\"",
                ));
            }
            (low, high)
        }
    };
    Ok(Interval {
        value: estimate,
        low,
        high,
        level: options.level,
        method: options.method.as_str().to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn interval(successes: u64, trials: u64, method: ProportionMethod) -> Interval {
        let options = ProportionIntervalOptions {
            method,
            ..Default::default()
        };
        proportion_interval(successes, trials, &options).unwrap()
    }

    #[test]
    fn wilson_matches_the_hand_computation() {
        // x = 8, n = 20, z = 1.959963984540054: centre (8 + z²/2) / (20 + z²),
        // half z / (20 + z²) √(8·12/20 + z²/4).
        let z: f64 = 1.959_963_984_540_054;
        let z2 = z * z;
        let centre = (8.0 + z2 / 2.0) / (20.0 + z2);
        let half = z / (20.0 + z2) * (8.0 * 12.0 / 20.0 + z2 / 4.0_f64).sqrt();
        let got = interval(8, 20, ProportionMethod::Wilson);
        assert!((got.low - (centre - half)).abs() < 1e-15);
        assert!((got.high - (centre + half)).abs() < 1e-15);
        assert_eq!(got.value, 0.4);
        assert_eq!(got.method, "wilson");
    }

    #[test]
    fn exact_bounds_at_the_edges_have_closed_forms() {
        // x = 0: high = 1 − (α/2)^(1/n); x = n: low = (α/2)^(1/n).
        let none = interval(0, 10, ProportionMethod::ClopperPearson);
        assert_eq!(none.low, 0.0);
        assert!((none.high - (1.0 - 0.025_f64.powf(0.1))).abs() < 1e-13);
        let all = interval(10, 10, ProportionMethod::ClopperPearson);
        assert_eq!(all.high, 1.0);
        assert!((all.low - 0.025_f64.powf(0.1)).abs() < 1e-13);
    }

    #[test]
    fn bounds_match_statsmodels() {
        // statsmodels.stats.proportion.proportion_confint(x, n, method=...) at alpha 0.05.
        let cases = [
            (
                1,
                7,
                ProportionMethod::Wilson,
                0.025_679_624_344_743_55,
                0.513_127_829_274_318_9,
            ),
            (
                1,
                7,
                ProportionMethod::ClopperPearson,
                0.003_610_296_861_900_583_3,
                0.578_723_197_043_195_2,
            ),
            (
                1,
                7,
                ProportionMethod::AgrestiCoull,
                0.005_318_106_200_506_434,
                0.533_489_347_418_556_1,
            ),
            (
                3,
                1000,
                ProportionMethod::ClopperPearson,
                0.000_619_099_931_649_571_3,
                0.008_742_023_238_478_305,
            ),
            (
                999,
                1000,
                ProportionMethod::AgrestiCoull,
                0.993_758_517_256_671_1,
                1.0,
            ),
        ];
        for (x, n, method, low, high) in cases {
            let got = interval(x, n, method);
            assert!(
                (got.low - low).abs() <= 1e-12 * low,
                "{x}/{n} {method}: {}",
                got.low
            );
            assert!(
                (got.high - high).abs() <= 1e-12 * high,
                "{x}/{n} {method}: {}",
                got.high
            );
        }
    }

    #[test]
    fn agresti_coull_contains_wilson() {
        // The same centre, a half-width at least as large.
        for (x, n) in [(1, 7), (50, 100), (3, 1000), (999, 1000)] {
            let wilson = interval(x, n, ProportionMethod::Wilson);
            let agresti = interval(x, n, ProportionMethod::AgrestiCoull);
            assert!(agresti.low <= wilson.low + 1e-15 && wilson.high <= agresti.high + 1e-15);
        }
    }

    #[test]
    fn huge_counts_stay_finite_and_bounded() {
        let got = interval(u64::MAX / 2, u64::MAX, ProportionMethod::Wilson);
        assert!(got.low.is_finite() && got.low <= 0.5 && got.high >= 0.5 && got.high <= 1.0);
        let options = ProportionIntervalOptions {
            method: ProportionMethod::ClopperPearson,
            ..Default::default()
        };
        let err = proportion_interval(1, MAX_EXACT_TRIALS + 1, &options).unwrap_err();
        assert_eq!(err.field(), "trials");
        let large = proportion_interval(400_000_000, MAX_EXACT_TRIALS, &options).unwrap();
        assert!(large.low < 4e-4 && large.high > 4e-4);
    }

    #[test]
    fn bad_input_names_the_field() {
        let default = ProportionIntervalOptions::default();
        assert_eq!(
            proportion_interval(0, 0, &default).unwrap_err().field(),
            "trials"
        );
        assert_eq!(
            proportion_interval(5, 4, &default).unwrap_err().field(),
            "successes"
        );
        for level in [0.0, 1.0, -0.5, f64::NAN, f64::INFINITY] {
            let options = ProportionIntervalOptions {
                level,
                ..Default::default()
            };
            assert_eq!(
                proportion_interval(1, 4, &options).unwrap_err().field(),
                "level"
            );
        }
    }
}
