//! Product quality: defect density and defect escape rate.

use serde::{Deserialize, Serialize};

use crate::{input, Error, Result};

/// The options of [`defect_density`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct DefectDensityOptions {
    /// What one defect of each severity level is worth, in the order of
    /// `defect_counts` (e.g. `[10, 3, 1]`); `None` (the default) counts every defect 1.
    pub severity_weights: Option<Vec<f64>>,
}

/// Defect density: (severity-weighted) defects per thousand lines of code.
///
/// **Formula**: `Σ defect_counts[i] × severity_weights[i] / size_kloc`; without weights
/// every defect counts 1, so it is `Σ defect_counts / size_kloc`. **Unit**: defects per
/// KLOC. Lower is better.
///
/// **Variants**: `defect_counts` holds one count per severity level, in any order the
/// caller chooses (e.g. critical, major, minor); `severity_weights`, when given, says
/// what one defect of each level is worth (e.g. `[10, 3, 1]`). Pass a single count and
/// no weights for the plain metric. Size may be any size measure in thousands (function
/// points / 1,000 work too); keep it the same across the products you compare.
///
/// **Errors**: no severity levels ([`Undefined`](crate::Error::Undefined),
/// `defect_counts`); `size_kloc` 0 ([`Undefined`](crate::Error::Undefined)) or negative
/// or NaN ([`InvalidInput`](crate::Error::InvalidInput)); weights of another length
/// than the counts ([`InvalidInput`](crate::Error::InvalidInput), `severity_weights`);
/// a negative or NaN weight ([`InvalidInput`](crate::Error::InvalidInput),
/// `severity_weights[i]`); a result too large for a 64-bit float
/// ([`OutOfRange`](crate::Error::OutOfRange), `severity_weights` or `size_kloc`).
///
/// **Source**: ISTQB Glossary, "defect density" ("the number of defects per unit size
/// of a work product"); IEEE Std 982.1-2005, *Standard Dictionary of Measures of the
/// Software Aspects of Dependability*, defect density.
///
/// ```
/// use pmkit::metrics::{defect_density, DefectDensityOptions};
///
/// // 30 defects in 15,000 lines: 2 per KLOC.
/// assert_eq!(defect_density(&[30], 15.0, &DefectDensityOptions::default())?, 2.0);
/// // 2 critical (×10), 5 major (×3), 10 minor (×1) in 9 KLOC: 45 / 9 = 5.
/// let weights = DefectDensityOptions { severity_weights: Some(vec![10.0, 3.0, 1.0]) };
/// assert_eq!(defect_density(&[2, 5, 10], 9.0, &weights)?, 5.0);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn defect_density(
    defect_counts: &[u64],
    size_kloc: f64,
    options: &DefectDensityOptions,
) -> Result<f64> {
    let severity_weights = options.severity_weights.as_deref();
    input::non_empty("defect_counts", defect_counts)?;
    input::positive("size_kloc", size_kloc)?;
    // u64 → f64 rounds only above 2^53, far beyond any count of defects.
    let weighted: f64 = match severity_weights {
        None => defect_counts.iter().map(|&count| count as f64).sum(),
        Some(weights) => {
            input::same_length("severity_weights", weights, "defect_counts", defect_counts)?;
            for (index, &weight) in weights.iter().enumerate() {
                input::non_negative(input::Indexed("severity_weights", index), weight)?;
            }
            defect_counts
                .iter()
                .zip(weights)
                .map(|(&count, weight)| count as f64 * weight)
                .sum()
        }
    };
    if !weighted.is_finite() {
        return Err(Error::out_of_range(
            "severity_weights",
            "are so large that the weighted defect count overflows a 64-bit float",
        ));
    }
    let density = weighted / size_kloc;
    if !density.is_finite() {
        return Err(Error::out_of_range(
            "size_kloc",
            format!("{size_kloc} is so small that the density overflows a 64-bit float"),
        ));
    }
    Ok(density)
}

/// Defect escape rate: the share of defects that reached production.
///
/// **Formula**: `found_in_production / (found_in_production + found_before_release)`.
/// **Unit**: fraction (0.1 = 10 % of defects escaped). Lower is better. It is
/// `1 − DDP`, the ISTQB defect detection percentage of all pre-release testing. Count
/// defects from the same releases on both sides, and count production defects over a
/// fixed window after release (e.g. 30 days) so releases compare fairly.
///
/// **Errors**: both counts 0 ([`Undefined`](crate::Error::Undefined), named
/// `found_before_release`): with no defects at all there is no share.
///
/// **Source**: ISTQB Glossary, "defect detection percentage" (defects found by a test
/// level / those and the ones found afterwards); Atlassian, "Escaped defects".
///
/// ```
/// // 4 escaped, 36 caught by testing: 4 / 40 = 10 % escaped.
/// assert_eq!(pmkit::metrics::defect_escape_rate(4, 36)?, 0.1);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn defect_escape_rate(found_in_production: u64, found_before_release: u64) -> Result<f64> {
    // Summed as floats so two huge counts cannot overflow u64.
    let total = found_in_production as f64 + found_before_release as f64;
    if total == 0.0 {
        return Err(Error::undefined(
            "found_before_release",
            "is 0 and so is found_in_production; with no defects found at all the escape rate is undefined",
        ));
    }
    Ok(found_in_production as f64 / total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defect_density_with(counts: &[u64], size_kloc: f64, weights: Option<&[f64]>) -> Result<f64> {
        let options = DefectDensityOptions {
            severity_weights: weights.map(<[f64]>::to_vec),
        };
        defect_density(counts, size_kloc, &options)
    }
    use crate::ErrorKind;

    #[test]
    fn unweighted_density_is_the_plain_sum() {
        assert_eq!(defect_density_with(&[1, 2, 3], 3.0, None).unwrap(), 2.0);
        assert_eq!(defect_density_with(&[0], 0.5, None).unwrap(), 0.0);
    }

    #[test]
    fn zero_weights_ignore_a_level() {
        // Only the first level counts: 6 / 2 KLOC.
        let density = defect_density_with(&[6, 100], 2.0, Some(&[1.0, 0.0])).unwrap();
        assert_eq!(density, 3.0);
    }

    #[test]
    fn density_errors_name_the_field() {
        let cases: [(Result<f64>, ErrorKind, &str); 5] = [
            (
                defect_density_with(&[], 1.0, None),
                ErrorKind::Undefined,
                "defect_counts",
            ),
            (
                defect_density_with(&[3], 0.0, None),
                ErrorKind::Undefined,
                "size_kloc",
            ),
            (
                defect_density_with(&[3], -2.0, None),
                ErrorKind::InvalidInput,
                "size_kloc",
            ),
            (
                defect_density_with(&[3, 4], 1.0, Some(&[1.0])),
                ErrorKind::InvalidInput,
                "severity_weights",
            ),
            (
                defect_density_with(&[3, 4], 1.0, Some(&[1.0, f64::NAN])),
                ErrorKind::InvalidInput,
                "severity_weights[1]",
            ),
        ];
        for (result, kind, field) in cases {
            let err = result.unwrap_err();
            assert_eq!((err.kind(), err.field()), (kind, field), "{err}");
        }
    }

    #[test]
    fn overflow_is_out_of_range_not_infinity() {
        let err = defect_density_with(&[2, 2], 1.0, Some(&[f64::MAX, f64::MAX])).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "severity_weights")
        );
        let err = defect_density_with(&[1_000], 1e-308, None).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "size_kloc")
        );
    }

    #[test]
    fn escape_rate_bounds() {
        assert_eq!(defect_escape_rate(0, 12).unwrap(), 0.0);
        assert_eq!(defect_escape_rate(5, 0).unwrap(), 1.0);
        assert_eq!(defect_escape_rate(u64::MAX, u64::MAX).unwrap(), 0.5);
        let err = defect_escape_rate(0, 0).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::Undefined, "found_before_release")
        );
    }
}
