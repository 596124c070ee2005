//! Shared statistics: the seeded random number generator ([`Rng`]) and percentiles
//! ([`percentiles`], [`Percentile`]) that flow metrics and forecasts both use, and the
//! confidence intervals on proportions ([`proportion_interval`]) behind every KPI that
//! is a share, and experiments: [`compare_conversions`], [`compare_means`],
//! [`sample_size`] and [`sample_ratio_mismatch`].
//!
//! A leaf module: it depends on nothing in pmkit but the error type and the input
//! checks, so the `flow` and `forecast` modules share it without depending on each
//! other. `pmkit::forecast::Rng` and `pmkit::flow::{percentiles, Percentile}`
//! are re-exports of the same items.
//!
//! ```
//! use pmkit::stats::{percentiles, Rng};
//!
//! let mut rng = Rng::new(42);
//! let sample: Vec<f64> = (0..100).map(|_| rng.below(10) as f64).collect();
//! let p = percentiles(&sample, &[0.5, 0.95])?;
//! assert!(p[0].value <= p[1].value && p[1].value <= 9.0);
//! # Ok::<(), pmkit::Error>(())
//! ```

mod experiment;
mod gamma;
mod interval;
mod percentile;
mod rng;
mod special;

pub use experiment::{
    compare_conversions, compare_mean_values, compare_means, sample_ratio_mismatch, sample_size,
    ConversionComparison, ConversionOptions, ConversionVariant, EffectKind, MeanComparison,
    MeanVariant, SampleMetric, SampleRatioCheck, SampleRatioOptions, SampleSize, SampleSizeOptions,
    Verdict, ZTestVariance, DEFAULT_DRAWS, MAX_DRAWS, MAX_EXACT_TERMS, MAX_VARIANTS,
};

pub(crate) use interval::z_of_level;
pub use interval::{
    proportion_interval, Interval, LevelOptions, ProportionIntervalOptions, ProportionMethod,
    MAX_EXACT_TRIALS,
};
pub(crate) use percentile::check_levels;
pub use percentile::{percentiles, Percentile};
pub use rng::Rng;

// The Rust examples of docs/evidence.md run as doc tests, so the guide cannot drift.
#[doc = include_str!("../../../docs/evidence.md")]
#[cfg(doctest)]
pub struct EvidenceDoctests;
