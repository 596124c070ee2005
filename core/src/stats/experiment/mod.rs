//! A/B (and A/B/n) experiments: compare variants on a conversion rate
//! ([`compare_conversions`]) or a mean ([`compare_means`]), plan how many users a test
//! needs ([`sample_size`]) and check that the traffic split is the one intended
//! ([`sample_ratio_mismatch`]).
//!
//! The first variant is always the control; every other variant is compared with it.
//! The frequentist tests and intervals equal statsmodels' and scipy's to 1e-9 (the
//! Python tests check a few hundred generated cases); the Bayesian probabilities use
//! the closed forms of Evan Miller and Chris Stucchio where they exist, and a seeded
//! simulation on pmkit's own generator otherwise, so the numbers are the same in Rust,
//! Python and JavaScript.

mod bayes;
mod conversions;
mod means;
mod ratio;
mod sample_size;

pub use conversions::{
    compare_conversions, ConversionComparison, ConversionOptions, ConversionVariant, Verdict,
    ZTestVariance, DEFAULT_DRAWS, MAX_DRAWS, MAX_EXACT_TERMS,
};
pub use means::{compare_mean_values, compare_means, MeanComparison, MeanVariant};
pub use ratio::{sample_ratio_mismatch, SampleRatioCheck, SampleRatioOptions};
pub use sample_size::{sample_size, EffectKind, SampleMetric, SampleSize, SampleSizeOptions};

use crate::{Error, Result};

/// The most variants one experiment may have (control included): bounds the work of
/// the pairwise tests, the chi-square's degrees of freedom and the simulation.
pub const MAX_VARIANTS: usize = 1_000;

/// Checks the number of variants: 2..=[`MAX_VARIANTS`], errors on `field`.
fn check_variant_count(field: &str, count: usize) -> Result<()> {
    if count < 2 {
        return Err(Error::undefined(
            field,
            format!(
                "has {count} variant(s); an experiment compares at least 2 (the control first)"
            ),
        ));
    }
    if count > MAX_VARIANTS {
        return Err(Error::out_of_range(
            field,
            format!("has {count} variants, more than the limit of {MAX_VARIANTS}"),
        ));
    }
    Ok(())
}

/// Checks a significance level or power: a finite fraction strictly between 0 and 1.
fn check_fraction(field: &str, value: f64) -> Result<f64> {
    crate::input::finite(field, value)?;
    if value <= 0.0 || value >= 1.0 {
        return Err(Error::out_of_range(
            field,
            format!("must lie strictly between 0 and 1 (a fraction such as 0.05), got {value}"),
        ));
    }
    Ok(value)
}

/// Checks a quantity that must be strictly positive (a traffic, a weight, a spread):
/// NaN, infinite or negative is [`Error::InvalidInput`], 0 is [`Error::OutOfRange`].
fn positive(field: impl crate::input::Field, value: f64) -> Result<f64> {
    crate::input::non_negative(field, value)?;
    if value == 0.0 {
        return Err(Error::out_of_range(
            field.name(),
            "is 0; it must be more than 0",
        ));
    }
    Ok(value)
}
