//! Histograms and duration samples of cycle and lead times (their percentiles come
//! from [`crate::stats::percentiles`]).

use serde::{Deserialize, Serialize};

use super::timeline::Timelines;
use crate::{input, Error, Result};

/// The percentile levels jira-agile-metrics reports for cycle times: 50 %, 85 %, 95 %.
pub const CYCLE_TIME_LEVELS: [f64; 3] = [0.5, 0.85, 0.95];

/// The options of the bindings' `percentiles`: which levels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct PercentilesOptions {
    /// The levels as fractions (0.85 = 85th percentile); [0.5, 0.85, 0.95] by default.
    pub levels: Vec<f64>,
}

impl Default for PercentilesOptions {
    fn default() -> Self {
        PercentilesOptions {
            levels: CYCLE_TIME_LEVELS.to_vec(),
        }
    }
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
/// sample for [`percentiles`](crate::stats::percentiles) and [`histogram`].
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
