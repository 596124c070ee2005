//! The sample-ratio-mismatch check: did the variants receive the share of users the
//! experiment meant to give them?

use serde::{Deserialize, Serialize};

use super::check_variant_count;
use crate::input::{self, Indexed};
use crate::stats::gamma::chi_square_survival;
use crate::{Error, Result};

/// The options of [`sample_ratio_mismatch`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct SampleRatioOptions {
    /// The intended split, one weight per variant (any positive numbers: [50, 50],
    /// [0.9, 0.1]); `None` (the default) is an equal split.
    pub expected_split: Option<Vec<f64>>,
    /// The p-value below which the split counts as a mismatch. Default 0.001, the
    /// conventional threshold for this check (it runs on every experiment).
    pub threshold: f64,
}

impl Default for SampleRatioOptions {
    fn default() -> Self {
        SampleRatioOptions {
            expected_split: None,
            threshold: 0.001,
        }
    }
}

/// The result of [`sample_ratio_mismatch`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SampleRatioCheck {
    /// Pearson's chi-square statistic, Σ (observed − expected)² / expected.
    pub statistic: f64,
    /// Degrees of freedom: the number of variants − 1.
    pub degrees_of_freedom: u64,
    /// P(χ² ≥ statistic): the chance of a split at least this uneven if the assignment
    /// works as intended.
    pub p_value: f64,
    /// The users each variant should have had, from the total and the intended split.
    pub expected: Vec<f64>,
    /// Whether `p_value` is below the threshold: the assignment is probably broken, and
    /// the experiment's results should not be trusted until it is explained.
    pub mismatch: bool,
}

/// The shares of `expected_split` (or an equal split of `variants`), summing to 1.
pub(super) fn expected_shares(split: Option<&[f64]>, variants: usize) -> Result<Vec<f64>> {
    let Some(weights) = split else {
        return Ok(vec![1.0 / variants as f64; variants]);
    };
    input::same_length("expected_split", weights, "users", &vec![(); variants])?;
    for (index, &weight) in weights.iter().enumerate() {
        super::positive(Indexed("expected_split", index), weight)?;
    }
    let total: f64 = weights.iter().sum();
    if !total.is_finite() {
        return Err(Error::out_of_range(
            "expected_split",
            "sums beyond the largest float; give shares or percentages",
        ));
    }
    Ok(weights.iter().map(|weight| weight / total).collect())
}

/// The chi-square goodness-of-fit test of the users each variant received against the
/// intended split: a sample ratio mismatch (SRM) means the assignment or the logging is
/// broken, and the experiment's comparison is not trustworthy.
///
/// **Formula**: with N = Σ users and shares wᵢ (normalized `expected_split`, equal by
/// default), Eᵢ = N wᵢ, χ² = Σ (Oᵢ − Eᵢ)² / Eᵢ on k − 1 degrees of freedom, and the
/// p-value is Q((k − 1)/2, χ²/2), the regularized upper incomplete gamma function
/// (Numerical Recipes §6.2). `mismatch` when the p-value is below `threshold` (0.001).
///
/// **Errors**: fewer than 2 or more than [`MAX_VARIANTS`](super::MAX_VARIANTS) variants, or no
/// users at all (`users`); an `expected_split` of the wrong length or with a weight
/// that is not positive (`expected_split[i]`); a `threshold` outside 0..1.
///
/// **Sources**: Pearson's chi-square test (scipy's `chisquare`, whose documented
/// examples — [16, 18, 16, 14, 12, 12]: χ² = 2.0, p = 0.8491 — this reproduces);
/// Fabijan, A. et al. (2019), "Diagnosing Sample Ratio Mismatch in Online Controlled
/// Experiments", *KDD '19* (the check and its 0.001 threshold).
///
/// ```
/// use pmkit::stats::{sample_ratio_mismatch, SampleRatioOptions};
///
/// // A 50/50 test that logged 50,000 and 51,000 users: p ≈ 0.0017, suspicious but
/// // not below 0.001; 50,000 and 52,000 are a mismatch.
/// let close = sample_ratio_mismatch(&[50_000, 51_000], &SampleRatioOptions::default())?;
/// assert!(!close.mismatch && close.p_value > 0.001 && close.p_value < 0.002);
/// let broken = sample_ratio_mismatch(&[50_000, 52_000], &SampleRatioOptions::default())?;
/// assert!(broken.mismatch);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn sample_ratio_mismatch(
    users: &[u64],
    options: &SampleRatioOptions,
) -> Result<SampleRatioCheck> {
    check_variant_count("users", users.len())?;
    super::check_fraction("threshold", options.threshold)?;
    let shares = expected_shares(options.expected_split.as_deref(), users.len())?;
    let total: f64 = users.iter().map(|&count| count as f64).sum();
    if total == 0.0 {
        return Err(Error::undefined(
            "users",
            "are all 0; the split of no users cannot be checked",
        ));
    }
    let expected: Vec<f64> = shares.iter().map(|share| share * total).collect();
    let statistic: f64 = users
        .iter()
        .zip(&expected)
        .map(|(&observed, &expected)| (observed as f64 - expected).powi(2) / expected)
        .sum();
    let degrees_of_freedom = users.len() as u64 - 1;
    let p_value = chi_square_survival(statistic, degrees_of_freedom as f64)
        .ok_or_else(|| Error::undefined("users", "the chi-square p-value did not converge"))?
        .clamp(0.0, 1.0);
    Ok(SampleRatioCheck {
        statistic,
        degrees_of_freedom,
        p_value,
        expected,
        mismatch: p_value < options.threshold,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reproduces_scipy_examples() {
        // scipy.stats.chisquare([16, 18, 16, 14, 12, 12]) and with f_exp [16, 16, 16, 16, 16, 8].
        let even = sample_ratio_mismatch(&[16, 18, 16, 14, 12, 12], &SampleRatioOptions::default())
            .unwrap();
        assert!((even.statistic - 2.0).abs() < 1e-13);
        assert!((even.p_value - 0.849_145_036_084_609_6).abs() < 1e-13);
        assert_eq!(even.degrees_of_freedom, 5);
        let options = SampleRatioOptions {
            expected_split: Some(vec![16.0, 16.0, 16.0, 16.0, 16.0, 8.0]),
            ..Default::default()
        };
        let uneven = sample_ratio_mismatch(&[16, 18, 16, 14, 12, 12], &options).unwrap();
        assert!((uneven.statistic - 3.5).abs() < 1e-13);
        assert!((uneven.p_value - 0.623_387_627_749_582_2).abs() < 1e-13);
    }

    #[test]
    fn huge_counts_stay_finite() {
        let check =
            sample_ratio_mismatch(&[u64::MAX, u64::MAX / 2], &SampleRatioOptions::default())
                .unwrap();
        assert!(check.statistic.is_finite() && check.mismatch && check.p_value == 0.0);
    }

    #[test]
    fn bad_input_names_the_field() {
        let default = SampleRatioOptions::default();
        assert_eq!(
            sample_ratio_mismatch(&[5], &default).unwrap_err().field(),
            "users"
        );
        assert_eq!(
            sample_ratio_mismatch(&[0, 0], &default)
                .unwrap_err()
                .field(),
            "users"
        );
        let wrong = SampleRatioOptions {
            expected_split: Some(vec![1.0, 0.0]),
            ..Default::default()
        };
        assert_eq!(
            sample_ratio_mismatch(&[5, 5], &wrong).unwrap_err().field(),
            "expected_split[1]"
        );
        let short = SampleRatioOptions {
            expected_split: Some(vec![1.0]),
            ..Default::default()
        };
        assert_eq!(
            sample_ratio_mismatch(&[5, 5], &short).unwrap_err().field(),
            "expected_split"
        );
    }
}
