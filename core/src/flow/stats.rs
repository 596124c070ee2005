//! Percentiles and histograms of cycle and lead times.

use serde::{Deserialize, Serialize};

use super::timeline::Timelines;
use crate::{input, Error, Result};

/// The percentile levels jira-agile-metrics reports for cycle times: 50 %, 85 %, 95 %.
pub const CYCLE_TIME_LEVELS: [f64; 3] = [0.5, 0.85, 0.95];

/// One percentile: the value below which `level` of the sample lies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
/// use pmkit::flow::percentiles;
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
        input::finite(&format!("values[{index}]"), value)?;
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
                value: low + fraction * (high - low),
            }
        })
        .collect())
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

/// The most one-day bins [`histogram`] makes (about 2,700 years of days).
pub const MAX_HISTOGRAM_BINS: usize = 1_000_000;

/// Counts of values per one-day bin: `counts[d]` is how many values lie in `d..d+1`,
/// for `d` from 0 to the largest value's day. An empty sample gives no bins.
///
/// The same bins as jira-agile-metrics' `HistogramCalculator` (`numpy.histogram` with
/// edges 0, 1, …, max + 1).
///
/// **Errors**: a negative, NaN or infinite value ([`InvalidInput`](crate::Error::InvalidInput));
/// a value past [`MAX_HISTOGRAM_BINS`] days ([`OutOfRange`](crate::Error::OutOfRange)).
///
/// ```
/// assert_eq!(pmkit::flow::histogram(&[0.0, 2.0, 2.0, 1.5])?, vec![1, 1, 2]);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn histogram(values: &[f64]) -> Result<Vec<u64>> {
    let mut counts: Vec<u64> = Vec::new();
    for (index, &value) in values.iter().enumerate() {
        let field = format!("values[{index}]");
        input::non_negative(&field, value)?;
        if value >= MAX_HISTOGRAM_BINS as f64 {
            return Err(Error::out_of_range(
                field,
                format!(
                    "{value} is past the {MAX_HISTOGRAM_BINS} one-day bins a histogram may have"
                ),
            ));
        }
        // Whole and below the bin limit, so the conversion is exact.
        let bin = value.floor() as usize;
        if counts.len() <= bin {
            counts.resize(bin + 1, 0);
        }
        if let Some(count) = counts.get_mut(bin) {
            *count += 1;
        }
    }
    Ok(counts)
}

/// Which span of an item's timeline [`durations`] collects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DurationKind {
    /// Committed to done (the default).
    #[default]
    CycleTime,
    /// Created to done.
    LeadTime,
}

impl DurationKind {
    /// Reads `"cycle_time"` or `"lead_time"`; [`Error::Parse`] naming `field` otherwise.
    pub fn parse(field: &str, text: &str) -> Result<Self> {
        match text {
            "cycle_time" => Ok(DurationKind::CycleTime),
            "lead_time" => Ok(DurationKind::LeadTime),
            _ => Err(Error::parse(
                field,
                format!("{text:?} is not \"cycle_time\" or \"lead_time\""),
            )),
        }
    }
}

/// The cycle (or lead) times of every finished item, in input order, in days: the
/// sample for [`percentiles`] and [`histogram`].
///
/// ```
/// use pmkit::flow::{durations, item_timelines, percentiles, sample_items, sample_today, sample_workflow, Counting, DurationKind, CYCLE_TIME_LEVELS};
///
/// let timelines = item_timelines(&sample_items(), &sample_workflow(), sample_today(), Counting::Elapsed)?;
/// let cycle_times = durations(&timelines, DurationKind::CycleTime);
/// let p = percentiles(&cycle_times, &CYCLE_TIME_LEVELS)?;
/// assert!(p[0].value <= p[1].value && p[1].value <= p[2].value);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn durations(timelines: &Timelines, kind: DurationKind) -> Vec<f64> {
    timelines
        .items
        .iter()
        .filter_map(|item| match kind {
            DurationKind::CycleTime => item.cycle_time,
            DurationKind::LeadTime => item.lead_time,
        })
        .collect()
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
    fn histogram_bins_by_whole_day() {
        assert_eq!(histogram(&[]).unwrap(), Vec::<u64>::new());
        assert_eq!(histogram(&[3.0]).unwrap(), vec![0, 0, 0, 1]);
        assert_eq!(histogram(&[-1.0]).unwrap_err().field(), "values[0]");
        assert_eq!(
            histogram(&[1e12]).unwrap_err().kind(),
            ErrorKind::OutOfRange
        );
    }
}
