//! Percentiles of a sample (linear interpolation, numpy's default) and the check of
//! percentile levels that flow and forecast share.

use serde::{Deserialize, Serialize};

use crate::{input, Error, Result};

/// One percentile: the value below which `level` of the sample lies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Percentile {
    /// The level as a fraction (0.85 = 85th percentile).
    pub level: f64,
    /// The percentile, in the sample's unit.
    pub value: f64,
}

/// Percentiles with linear interpolation between the closest ranks.
///
/// **Formula**: sort the `n` values; for level `p` let `h = (n − 1) × p`; the
/// percentile is `x[⌊h⌋] + (h − ⌊h⌋) × (x[⌊h⌋ + 1] − x[⌊h⌋])`. This is numpy's and
/// pandas' default (`linear`, Hyndman & Fan type 7), which jira-agile-metrics uses.
/// Where the gap `x[⌊h⌋ + 1] − x[⌊h⌋]` overflows (values near ±1.8e308) the same
/// point is computed as a weighted mean that cannot overflow: a percentile of finite
/// values is always finite and between its two neighbouring values.
/// **Unit**: the values' unit (days for cycle times).
///
/// **Errors**: no values or no levels ([`Undefined`](crate::Error::Undefined)); a value
/// that is NaN or infinite ([`InvalidInput`](crate::Error::InvalidInput),
/// `values[i]`); a level outside 0..=1 ([`OutOfRange`](crate::Error::OutOfRange),
/// `levels[i]`).
///
/// **Source**: Hyndman, R. J. & Fan, Y. (1996), "Sample Quantiles in Statistical
/// Packages", *The American Statistician* 50(4), definition 7.
///
/// ```
/// use pmkit::stats::percentiles;
///
/// // Sorted 1, 2, 3, 4, 10: the 85th percentile sits at rank 3.4, between 4 and 10.
/// let result = percentiles(&[3.0, 1.0, 4.0, 10.0, 2.0], &[0.5, 0.85])?;
/// assert_eq!(result[0].value, 3.0);
/// assert!((result[1].value - 6.4).abs() < 1e-12);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn percentiles(values: &[f64], levels: &[f64]) -> Result<Vec<Percentile>> {
    input::non_empty("values", values)?;
    input::non_empty("levels", levels)?;
    for (index, &value) in values.iter().enumerate() {
        input::finite(input::Indexed("values", index), value)?;
    }
    check_levels(levels)?;
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let last = sorted.len() - 1;
    Ok(levels
        .iter()
        .map(|&level| {
            let rank = last as f64 * level;
            let below = rank.floor() as usize;
            let fraction = rank - rank.floor();
            let low = sorted.get(below).copied().unwrap_or(0.0);
            let high = sorted.get(below + 1).copied().unwrap_or(low);
            Percentile {
                level,
                value: interpolate(low, high, fraction),
            }
        })
        .collect())
}

/// `low + fraction × (high − low)`, numpy's form, bit for bit whenever `high − low`
/// is finite. When the gap overflows (−1e308 to 1e308) the weighted form
/// `low × (1 − f) + high × f` is used instead, which cannot overflow; either way the
/// result is clamped to `low..=high`, so finite input gives a finite percentile
/// between its neighbours.
fn interpolate(low: f64, high: f64, fraction: f64) -> f64 {
    let gap = high - low;
    let value = if gap.is_finite() {
        low + fraction * gap
    } else {
        low * (1.0 - fraction) + high * fraction
    };
    value.clamp(low, high)
}

/// Fails unless every level is a finite fraction in 0..=1.
pub(crate) fn check_levels(levels: &[f64]) -> Result<()> {
    for (index, &level) in levels.iter().enumerate() {
        let field = format!("levels[{index}]");
        input::finite(&field, level)?;
        if !(0.0..=1.0).contains(&level) {
            return Err(Error::out_of_range(
                field,
                format!(
                    "{level} is outside 0..=1; levels are fractions (0.85 for the 85th percentile)"
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn interpolates_like_numpy() {
        // numpy.percentile([1, 2, 3, 4], [0, 50, 85, 100]) = 1, 2.5, 3.55, 4
        let p = percentiles(&[4.0, 1.0, 3.0, 2.0], &[0.0, 0.5, 0.85, 1.0]).unwrap();
        let values: Vec<f64> = p.iter().map(|p| p.value).collect();
        assert_eq!(values[0], 1.0);
        assert_eq!(values[1], 2.5);
        assert!((values[2] - 3.55).abs() < 1e-12);
        assert_eq!(values[3], 4.0);
        assert_eq!(percentiles(&[7.0], &[0.95]).unwrap()[0].value, 7.0);
    }

    #[test]
    fn bad_samples_and_levels() {
        assert_eq!(
            percentiles(&[], &[0.5]).unwrap_err().kind(),
            ErrorKind::Undefined
        );
        let err = percentiles(&[1.0], &[0.5, 85.0]).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "levels[1]")
        );
        let err = percentiles(&[1.0, f64::NAN], &[0.5]).unwrap_err();
        assert_eq!(err.field(), "values[1]");
    }

    #[test]
    fn extreme_values_do_not_overflow() {
        // The gap 1e308 − (−1e308) is infinite in f64; the median is still 0.
        let p = percentiles(&[-1e308, 1e308], &[0.0, 0.5, 0.25, 1.0]).unwrap();
        let values: Vec<f64> = p.iter().map(|p| p.value).collect();
        assert_eq!(values, vec![-1e308, 0.0, -5e307, 1e308]);
        let p = percentiles(&[-f64::MAX, f64::MAX], &[0.999_999]).unwrap();
        assert!(p[0].value.is_finite() && p[0].value <= f64::MAX);
    }

    proptest::proptest! {
        /// Finite in, finite out: every percentile lies between the sample's min and max
        /// and grows with the level.
        #[test]
        fn finite_and_between_min_and_max(
            values in proptest::collection::vec(proptest::num::f64::NORMAL | proptest::num::f64::ZERO | proptest::num::f64::SUBNORMAL, 1..40),
            mut levels in proptest::collection::vec(0.0..=1.0f64, 1..10),
        ) {
            levels.sort_by(f64::total_cmp);
            let min = values.iter().copied().fold(f64::INFINITY, f64::min);
            let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let result = percentiles(&values, &levels).unwrap();
            for pair in result.windows(2) {
                proptest::prop_assert!(pair[0].value <= pair[1].value);
            }
            for p in &result {
                proptest::prop_assert!(p.value.is_finite());
                proptest::prop_assert!(min <= p.value && p.value <= max);
            }
        }
    }
}
