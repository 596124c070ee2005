//! Comparing variants on a mean per user (revenue, sessions, time on task) with
//! Welch's t test, from each variant's count, mean and standard deviation or from the
//! raw values.

use serde::{Deserialize, Serialize};

use super::check_variant_count;
use crate::input::{self, Field, Indexed};
use crate::stats::gamma::upper_gamma;
use crate::stats::special::{t_two_sided_p, t_two_sided_quantile};
use crate::stats::{z_of_level, Interval, LevelOptions};
use crate::{Error, Result};

/// Above this many degrees of freedom the t distribution is the normal one to better
/// than 1e-9 at the usual levels, and the normal is used: the incomplete beta's fraction
/// would need about √ν terms.
const NORMAL_DEGREES_OF_FREEDOM: f64 = 1e9;

/// One variant's summary: how many users, their mean and their sample standard
/// deviation (divided by n − 1).
#[derive(Debug, Clone, PartialEq)]
struct MeanSample {
    count: u64,
    mean: f64,
    standard_deviation: f64,
}

impl MeanSample {
    /// The summary of raw `values` (one per user): the mean and the two-pass sample
    /// standard deviation, as numpy's `mean` and `std(ddof=1)`.
    ///
    /// **Errors**: fewer than 2 values (`field`); a value that is not finite
    /// (`field[i]`); sums beyond the largest float (`field`).
    fn from_values(field: &str, values: &[f64]) -> Result<MeanSample> {
        if values.len() < 2 {
            return Err(Error::undefined(
                field,
                format!(
                    "has {} value(s); a standard deviation needs at least 2",
                    values.len()
                ),
            ));
        }
        for (index, &value) in values.iter().enumerate() {
            input::finite(Indexed(field, index), value)?;
        }
        let n = values.len() as f64;
        let mean = values.iter().sum::<f64>() / n;
        let squares: f64 = values.iter().map(|value| (value - mean).powi(2)).sum();
        let standard_deviation = (squares / (n - 1.0)).sqrt();
        if !mean.is_finite() || !standard_deviation.is_finite() {
            return Err(Error::out_of_range(
                field,
                "its sums exceed the largest float; rescale the values (thousands, millions)",
            ));
        }
        Ok(MeanSample {
            count: values.len() as u64,
            mean,
            standard_deviation,
        })
    }
}

/// One variant's result in [`MeanComparison`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MeanVariant {
    /// Users in the variant.
    pub count: u64,
    /// The variant's mean.
    pub mean: f64,
    /// The variant's sample standard deviation.
    pub standard_deviation: f64,
    /// Mean − control's mean with Welch's interval (method "welch"); `None` for the control.
    pub difference: Option<Interval>,
    /// The difference as a fraction of the control's mean; `None` for the control or a
    /// control mean of 0.
    pub relative_difference: Option<f64>,
    /// Welch's t statistic; `None` for the control and when both standard deviations are 0.
    pub t: Option<f64>,
    /// The Welch–Satterthwaite degrees of freedom (not a whole number).
    pub degrees_of_freedom: Option<f64>,
    /// The two-sided p-value of `t`.
    pub p_value: Option<f64>,
    /// Whether `p_value` is below 1 − level.
    pub significant: bool,
}

/// The result of [`compare_means`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MeanComparison {
    /// One entry per variant, the control first.
    pub variants: Vec<MeanVariant>,
    /// The confidence level used.
    pub level: f64,
}

/// Welch's test of `variant` against `control`: (t, ν, p, the interval's half-width),
/// or `None` when both standard deviations are 0.
fn welch(
    control: &MeanSample,
    variant: &MeanSample,
    alpha: f64,
    z: f64,
) -> Option<(f64, f64, f64, f64)> {
    let error = |sample: &MeanSample| sample.standard_deviation / (sample.count as f64).sqrt();
    let (e0, e1) = (error(control), error(variant));
    let se = e0.hypot(e1);
    if se.is_nan() || se <= 0.0 {
        return None;
    }
    // ν = (e₀² + e₁²)² / (e₀⁴/(n₀ − 1) + e₁⁴/(n₁ − 1)), scale-free: computed on e / max(e)
    // so that huge standard deviations do not overflow the fourth powers.
    let scale = e0.max(e1);
    let (w0, w1) = (e0 / scale, e1 / scale);
    let df = (w0 * w0 + w1 * w1).powi(2)
        / (w0.powi(4) / (control.count as f64 - 1.0) + w1.powi(4) / (variant.count as f64 - 1.0));
    let t = (variant.mean - control.mean) / se;
    let normal_p = || upper_gamma(0.5, 0.5 * t * t).unwrap_or(1.0);
    let (p, multiplier) = if df > NORMAL_DEGREES_OF_FREEDOM {
        (normal_p(), z)
    } else {
        (
            t_two_sided_p(t, df).unwrap_or_else(normal_p),
            t_two_sided_quantile("counts", alpha, df).unwrap_or(z),
        )
    };
    Some((t, df, p.clamp(0.0, 1.0), multiplier * se))
}

/// Compares variants on a mean per user with Welch's t test, each against variant 0
/// (the control), from per-variant `counts`, `means` and sample `standard_deviations`
/// (see [`compare_mean_values`] for raw values).
///
/// **Formula**: with eᵢ² = sᵢ² / nᵢ, t = (x̄₁ − x̄₀) / √(e₁² + e₀²) on the
/// Welch–Satterthwaite ν = (e₁² + e₀²)² / (e₁⁴/(n₁ − 1) + e₀⁴/(n₀ − 1)) degrees of
/// freedom; the two-sided p-value is I_{ν/(ν+t²)}(ν/2, ½) (the regularized incomplete
/// beta), and the difference's interval x̄₁ − x̄₀ ± t_{ν, 1−α/2} √(e₁² + e₀²). Welch's
/// test does not assume equal variances; it assumes the means are roughly normal
/// (large samples, or metrics without heavy tails: revenue per user with a few whales
/// needs many users or a capped metric). Above 10^9 degrees of freedom the normal
/// distribution stands in for the t. No correction for several variants.
///
/// **Edge cases**: both standard deviations 0 give no t, ν or p-value (the interval is
/// the point). **Units**: the metric's own; `relative_difference` a fraction.
///
/// **Errors**: fewer than 2 or more than [`MAX_VARIANTS`](super::MAX_VARIANTS) variants
/// (`counts`); columns of different lengths (`means`, `standard_deviations`); a count
/// below 2 (`counts[i]`); a mean or standard deviation that is not finite, or a negative
/// standard deviation (`means[i]`, `standard_deviations[i]`); a difference beyond the
/// largest float (`means`); a level outside 0..1.
///
/// **Sources**: Welch, B. L. (1947), "The Generalization of 'Student's' Problem when
/// Several Different Population Variances are Involved", *Biometrika* 34, 28–35;
/// Satterthwaite, F. E. (1946), *Biometrics Bulletin* 2(6), 110–114. Equal to scipy's
/// `ttest_ind_from_stats(..., equal_var=False)`.
///
/// ```
/// use pmkit::stats::{compare_means, LevelOptions};
///
/// // scipy's ttest_ind_from_stats example (13 users, mean 15, variance 87.5 against
/// // 11 users, mean 12, variance 39), under Welch: t = 0.9358, p = 0.3600.
/// let result = compare_means(&[11, 13], &[12.0, 15.0], &[39f64.sqrt(), 87.5f64.sqrt()], &LevelOptions::default())?;
/// let variant = &result.variants[1];
/// assert!((variant.t.unwrap() - 0.935_8).abs() < 1e-4);
/// assert!((variant.p_value.unwrap() - 0.360_0).abs() < 1e-4);
/// assert_eq!(variant.difference.as_ref().unwrap().value, 3.0);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn compare_means(
    counts: &[u64],
    means: &[f64],
    standard_deviations: &[f64],
    options: &LevelOptions,
) -> Result<MeanComparison> {
    check_variant_count("counts", counts.len())?;
    input::same_length("means", means, "counts", counts)?;
    input::same_length("standard_deviations", standard_deviations, "counts", counts)?;
    let mut samples = Vec::with_capacity(counts.len());
    for (index, ((&count, &mean), &deviation)) in counts
        .iter()
        .zip(means)
        .zip(standard_deviations)
        .enumerate()
    {
        if count < 2 {
            return Err(Error::undefined(
                Indexed("counts", index).name(),
                format!("is {count}; a standard deviation needs at least 2 users"),
            ));
        }
        input::finite(Indexed("means", index), mean)?;
        input::non_negative(Indexed("standard_deviations", index), deviation)?;
        samples.push(MeanSample {
            count,
            mean,
            standard_deviation: deviation,
        });
    }
    compare_samples(&samples, options)
}

/// [`compare_means`] from raw values: `values[i]` holds one number per user of variant
/// `i` (the control first), summarized as numpy's `mean` and `std(ddof=1)` do
/// (two passes).
///
/// **Errors**: those of [`compare_means`] on `values`; a variant with fewer than 2
/// values (`values[i]`); a value that is not finite (`values[i][j]`).
///
/// ```
/// use pmkit::stats::{compare_mean_values, LevelOptions};
///
/// // scipy's ttest_ind example data; with equal_var=False scipy gives the same t and p.
/// let control = [2.0, 4.0, 6.0, 9.0, 11.0, 13.0, 14.0, 15.0, 18.0, 19.0, 21.0];
/// let variant = [1.0, 3.0, 4.0, 6.0, 11.0, 13.0, 15.0, 19.0, 22.0, 24.0, 25.0, 26.0, 26.0];
/// let result = compare_mean_values(&[control.to_vec(), variant.to_vec()], &LevelOptions::default())?;
/// assert!((result.variants[1].p_value.unwrap() - 0.360_0).abs() < 1e-4);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn compare_mean_values(values: &[Vec<f64>], options: &LevelOptions) -> Result<MeanComparison> {
    check_variant_count("values", values.len())?;
    let samples = values
        .iter()
        .enumerate()
        .map(|(index, values)| MeanSample::from_values(&Indexed("values", index).name(), values))
        .collect::<Result<Vec<_>>>()?;
    compare_samples(&samples, options)
}

/// The comparison of checked samples.
fn compare_samples(samples: &[MeanSample], options: &LevelOptions) -> Result<MeanComparison> {
    let z = z_of_level(options.level)?;
    let alpha = 1.0 - options.level;
    let control = &samples[0];
    let mut variants = Vec::with_capacity(samples.len());
    for (index, sample) in samples.iter().enumerate() {
        let compared = index > 0;
        let difference = sample.mean - control.mean;
        if !difference.is_finite() {
            return Err(Error::out_of_range(
                "means",
                "their difference exceeds the largest float; rescale the metric",
            ));
        }
        let test = if compared {
            welch(control, sample, alpha, z)
        } else {
            None
        };
        let half = test.map_or(0.0, |(_, _, _, half)| half);
        variants.push(MeanVariant {
            count: sample.count,
            mean: sample.mean,
            standard_deviation: sample.standard_deviation,
            difference: compared.then(|| Interval {
                value: difference,
                low: difference - half,
                high: difference + half,
                level: options.level,
                method: "welch".to_owned(),
            }),
            relative_difference: (compared && control.mean != 0.0)
                .then(|| difference / control.mean),
            t: test.map(|(t, ..)| t),
            degrees_of_freedom: test.map(|(_, df, ..)| df),
            p_value: test.map(|(_, _, p, _)| p),
            significant: test.is_some_and(|(_, _, p, _)| p < alpha),
        });
    }
    Ok(MeanComparison {
        variants,
        level: options.level,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_scipy_welch() {
        // scipy.stats.ttest_ind_from_stats(15, √87.5, 13, 12, √39, 11, equal_var=False).
        let result = compare_means(
            &[11, 13],
            &[12.0, 15.0],
            &[39f64.sqrt(), 87.5f64.sqrt()],
            &LevelOptions::default(),
        )
        .unwrap();
        let variant = &result.variants[1];
        assert!(
            (variant.t.unwrap() - 0.935_846_193_555_604_8).abs() < 1e-12,
            "{:?}",
            variant.t
        );
        assert!(
            (variant.p_value.unwrap() - 0.359_998_186_932_442_34).abs() < 1e-11,
            "{:?}",
            variant.p_value
        );
        assert!((variant.degrees_of_freedom.unwrap() - 20.984_611_233_429_92).abs() < 1e-10);
    }

    #[test]
    fn zero_spread_and_huge_values_stay_finite() {
        let flat =
            compare_means(&[5, 5], &[1.0, 2.0], &[0.0, 0.0], &LevelOptions::default()).unwrap();
        assert_eq!(flat.variants[1].t, None);
        let difference = flat.variants[1].difference.as_ref().unwrap();
        assert_eq!((difference.low, difference.high), (1.0, 1.0));
        let huge = compare_means(
            &[u64::MAX, u64::MAX],
            &[1e300, 2e300],
            &[1e307, 1e307],
            &LevelOptions::default(),
        )
        .unwrap();
        assert!(huge.variants[1].p_value.is_some_and(f64::is_finite));
        let err = compare_means(
            &[5, 5],
            &[-1e308, 1e308],
            &[1.0, 1.0],
            &LevelOptions::default(),
        )
        .unwrap_err();
        assert_eq!(err.field(), "means");
    }

    #[test]
    fn bad_input_names_the_field() {
        let level = LevelOptions::default();
        assert_eq!(
            compare_means(&[5], &[1.0], &[1.0], &level)
                .unwrap_err()
                .field(),
            "counts"
        );
        assert_eq!(
            compare_means(&[5, 1], &[1.0, 1.0], &[1.0, 1.0], &level)
                .unwrap_err()
                .field(),
            "counts[1]"
        );
        assert_eq!(
            compare_means(&[5, 5], &[1.0], &[1.0, 1.0], &level)
                .unwrap_err()
                .field(),
            "means"
        );
        assert_eq!(
            compare_means(&[5, 5], &[1.0, 1.0], &[1.0, -1.0], &level)
                .unwrap_err()
                .field(),
            "standard_deviations[1]"
        );
        let err = compare_mean_values(&[vec![1.0, 2.0], vec![f64::NAN, 1.0]], &level).unwrap_err();
        assert_eq!(err.field(), "values[1][0]");
        let err = compare_mean_values(&[vec![1.0, 2.0], vec![1.0]], &level).unwrap_err();
        assert_eq!(err.field(), "values[1]");
    }
}
