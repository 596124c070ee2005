//! Churn, feature adoption, funnels and the stickiness histogram for Python.

use pyo3::prelude::*;

use super::columns::{self, with_log, Column, EventParams, Ids};
use super::counts::Counts;
use super::named::named_record;
use crate::errors::{to_py, IntoPy};
use crate::record::record;
use pmkit::analytics::{self as core, Period};

record!(
    /// The result of `activity_churn`: per period, active users and those who then stayed away.
    Churn(core::Churn) {
        period, inactive_days, period_starts, active, churned, churn_rate, retention_rate, last_day
    }
);

named_record!(
    /// The result of `feature_adoption`: feature users over active users per period, and time to first use.
    Adoption(core::Adoption) {
        period, period_starts, active, users, rate, ever_active, ever_adopted,
        cumulative_rate, adopters, days_to_first_use, median_days_to_first_use,
        mean_days_to_first_use
    }
    named { feature }
);

named_record!(
    /// The result of `event_funnel`: users reaching each step, conversion, median time between steps.
    Funnel(core::Funnel) {
        window_seconds, order, reached, conversion_from_previous, conversion_from_start,
        overall, median_seconds_from_previous
    }
    named { steps }
);

record!(
    /// The result of `stickiness_histogram`: users active on exactly (and at least) k days per period.
    StickinessHistogram(core::StickinessHistogram) {
        period, period_starts, period_days, complete, active, users, at_least
    }
);

/// Checked columns of one call, and how its event parameters are read.
struct Log<'py> {
    ids: Ids<'py>,
    times: Column<'py, i64>,
    unit: core::TimeUnit,
    offset: i64,
    events: Option<Column<'py, i64>>,
    params: EventParams,
}

fn log<'py>(
    user_ids: &Bound<'py, PyAny>,
    times: &Bound<'py, PyAny>,
    events: Option<&Bound<'py, PyAny>>,
    unit: Option<&str>,
    utc_offset_minutes: f64,
) -> PyResult<Log<'py>> {
    let ids = columns::user_ids(user_ids)?;
    let (times, unit) = columns::times(times, unit)?;
    let (events, params) = match events.filter(|value| !value.is_none()) {
        Some(value) => {
            let (codes, params) = columns::events(value)?;
            (Some(codes), params)
        }
        None => (None, EventParams::NoEvents),
    };
    let offset = core::whole_number("utc_offset_minutes", utc_offset_minutes).py()?;
    Ok(Log {
        ids,
        times,
        unit,
        offset,
        events,
        params,
    })
}

fn not_empty(user_ids: &Bound<'_, PyAny>) -> PyResult<()> {
    if user_ids.len().unwrap_or(1) == 0 {
        return Err(to_py(pmkit::Error::undefined(
            "user_ids",
            "is empty; at least one event is needed",
        )));
    }
    Ok(())
}

fn count(field: &str, value: f64) -> PyResult<u64> {
    pmkit::input::count(field, value).py()
}

// ---- churn ----

fn churn_counts_of(
    py: Python<'_>,
    user_ids: &Bound<'_, PyAny>,
    times: &Bound<'_, PyAny>,
    period: &str,
    inactive_days: f64,
    unit: Option<&str>,
    utc_offset_minutes: f64,
) -> PyResult<core::ChurnCounts> {
    let Log {
        ids,
        times,
        unit,
        offset,
        ..
    } = log(user_ids, times, None, unit, utc_offset_minutes)?;
    let period = Period::parse("period", period).py()?;
    let inactive_days = count("inactive_days", inactive_days)?;
    let no_events: Option<&Column<'_, i64>> = None;
    with_log!(ids, times, unit, offset, no_events, |log| {
        py.detach(|| core::activity_churn_counts(&log, period, inactive_days))
            .py()
    })
}

/// Churn from activity: per calendar period, users active in it who had no event in the
/// `inactive_days` after it ended (None while not yet observable), with churn and
/// retention rates.
#[pyfunction]
#[pyo3(signature = (user_ids, times, period = "week", inactive_days = 30.0, unit = None, utc_offset_minutes = 0.0))]
fn activity_churn(
    py: Python<'_>,
    user_ids: &Bound<'_, PyAny>,
    times: &Bound<'_, PyAny>,
    period: &str,
    inactive_days: f64,
    unit: Option<&str>,
    utc_offset_minutes: f64,
) -> PyResult<Churn> {
    count("inactive_days", inactive_days)?;
    not_empty(user_ids)?;
    let counts = churn_counts_of(
        py,
        user_ids,
        times,
        period,
        inactive_days,
        unit,
        utc_offset_minutes,
    )?;
    counts.finish().py().map(Into::into)
}

/// Partial counts of `activity_churn` for a shard of users.
#[pyfunction]
#[pyo3(signature = (user_ids, times, period = "week", inactive_days = 30.0, unit = None, utc_offset_minutes = 0.0))]
fn activity_churn_counts(
    py: Python<'_>,
    user_ids: &Bound<'_, PyAny>,
    times: &Bound<'_, PyAny>,
    period: &str,
    inactive_days: f64,
    unit: Option<&str>,
    utc_offset_minutes: f64,
) -> PyResult<Counts> {
    let counts = churn_counts_of(
        py,
        user_ids,
        times,
        period,
        inactive_days,
        unit,
        utc_offset_minutes,
    )?;
    Ok(Counts(core::Counts::ActivityChurn(counts), None))
}

// ---- adoption ----

#[allow(clippy::too_many_arguments)]
fn adoption_counts_of(
    py: Python<'_>,
    user_ids: &Bound<'_, PyAny>,
    times: &Bound<'_, PyAny>,
    events: &Bound<'_, PyAny>,
    feature: &Bound<'_, PyAny>,
    period: &str,
    unit: Option<&str>,
    utc_offset_minutes: f64,
    shard: bool,
) -> PyResult<(core::AdoptionCounts, Option<Vec<String>>)> {
    let Log {
        ids,
        times,
        unit,
        offset,
        events,
        mut params,
    } = log(user_ids, times, Some(events), unit, utc_offset_minutes)?;
    let (feature, label) = params.code("feature", feature, shard)?;
    let period = Period::parse("period", period).py()?;
    let mut counts = with_log!(ids, times, unit, offset, events.as_ref(), |log| {
        py.detach(|| core::feature_adoption_counts(&log, feature, period))
            .py()
    })?;
    counts.feature = label;
    Ok((counts, params.given()))
}

/// Feature adoption per calendar period: users of the `feature` event over active users,
/// cumulative adoption, and days from a user's first event to their first use.
#[pyfunction]
#[pyo3(signature = (user_ids, times, events, feature, period = "week", unit = None, utc_offset_minutes = 0.0))]
#[allow(clippy::too_many_arguments)]
fn feature_adoption(
    py: Python<'_>,
    user_ids: &Bound<'_, PyAny>,
    times: &Bound<'_, PyAny>,
    events: &Bound<'_, PyAny>,
    feature: &Bound<'_, PyAny>,
    period: &str,
    unit: Option<&str>,
    utc_offset_minutes: f64,
) -> PyResult<Adoption> {
    not_empty(user_ids)?;
    let (counts, names) = adoption_counts_of(
        py,
        user_ids,
        times,
        events,
        feature,
        period,
        unit,
        utc_offset_minutes,
        false,
    )?;
    Ok(Adoption(counts.finish().py()?, names))
}

/// Partial counts of `feature_adoption` for a shard of users.
#[pyfunction]
#[pyo3(signature = (user_ids, times, events, feature, period = "week", unit = None, utc_offset_minutes = 0.0))]
#[allow(clippy::too_many_arguments)]
fn feature_adoption_counts(
    py: Python<'_>,
    user_ids: &Bound<'_, PyAny>,
    times: &Bound<'_, PyAny>,
    events: &Bound<'_, PyAny>,
    feature: &Bound<'_, PyAny>,
    period: &str,
    unit: Option<&str>,
    utc_offset_minutes: f64,
) -> PyResult<Counts> {
    let (counts, names) = adoption_counts_of(
        py,
        user_ids,
        times,
        events,
        feature,
        period,
        unit,
        utc_offset_minutes,
        true,
    )?;
    Ok(Counts(core::Counts::FeatureAdoption(counts), names))
}

// ---- funnels ----

#[allow(clippy::too_many_arguments)]
fn funnel_counts_of(
    py: Python<'_>,
    user_ids: &Bound<'_, PyAny>,
    times: &Bound<'_, PyAny>,
    events: &Bound<'_, PyAny>,
    steps: &Bound<'_, PyAny>,
    window_seconds: f64,
    order: &str,
    unit: Option<&str>,
    utc_offset_minutes: f64,
    shard: bool,
) -> PyResult<(core::FunnelCounts, Option<Vec<String>>)> {
    let Log {
        ids,
        times,
        unit,
        offset,
        events,
        mut params,
    } = log(user_ids, times, Some(events), unit, utc_offset_minutes)?;
    let (steps, labels): (Vec<u32>, Vec<u32>) = steps
        .try_iter()?
        .enumerate()
        .map(|(index, step)| params.code(&format!("steps[{index}]"), &step?, shard))
        .collect::<PyResult<Vec<_>>>()?
        .into_iter()
        .unzip();
    let window_seconds = count("window_seconds", window_seconds)?;
    let order = core::FunnelOrder::parse("order", order).py()?;
    let mut counts = with_log!(ids, times, unit, offset, events.as_ref(), |log| {
        py.detach(|| core::event_funnel_counts(&log, &steps, window_seconds, order))
            .py()
    })?;
    counts.steps = labels;
    Ok((counts, params.given()))
}

/// A conversion funnel: users reaching each step (event codes or names) within
/// `window_seconds` of entering, in order ("sequential") or in any order ("any_order"),
/// with per-step and overall conversion and the median seconds between steps.
#[pyfunction]
#[pyo3(signature = (
    user_ids, times, events, steps, window_seconds = 2_592_000.0, order = "sequential", unit = None,
    utc_offset_minutes = 0.0
))]
#[allow(clippy::too_many_arguments)]
fn event_funnel(
    py: Python<'_>,
    user_ids: &Bound<'_, PyAny>,
    times: &Bound<'_, PyAny>,
    events: &Bound<'_, PyAny>,
    steps: &Bound<'_, PyAny>,
    window_seconds: f64,
    order: &str,
    unit: Option<&str>,
    utc_offset_minutes: f64,
) -> PyResult<Funnel> {
    let (counts, names) = funnel_counts_of(
        py,
        user_ids,
        times,
        events,
        steps,
        window_seconds,
        order,
        unit,
        utc_offset_minutes,
        false,
    )?;
    not_empty(user_ids)?;
    Ok(Funnel(counts.finish().py()?, names))
}

/// Partial counts of `event_funnel` for a shard of users.
#[pyfunction]
#[pyo3(signature = (
    user_ids, times, events, steps, window_seconds = 2_592_000.0, order = "sequential", unit = None,
    utc_offset_minutes = 0.0
))]
#[allow(clippy::too_many_arguments)]
fn event_funnel_counts(
    py: Python<'_>,
    user_ids: &Bound<'_, PyAny>,
    times: &Bound<'_, PyAny>,
    events: &Bound<'_, PyAny>,
    steps: &Bound<'_, PyAny>,
    window_seconds: f64,
    order: &str,
    unit: Option<&str>,
    utc_offset_minutes: f64,
) -> PyResult<Counts> {
    let (counts, names) = funnel_counts_of(
        py,
        user_ids,
        times,
        events,
        steps,
        window_seconds,
        order,
        unit,
        utc_offset_minutes,
        true,
    )?;
    Ok(Counts(core::Counts::EventFunnel(counts), names))
}

// ---- stickiness histogram ----

fn stickiness_counts_of(
    py: Python<'_>,
    user_ids: &Bound<'_, PyAny>,
    times: &Bound<'_, PyAny>,
    period: &str,
    unit: Option<&str>,
    utc_offset_minutes: f64,
) -> PyResult<core::StickinessCounts> {
    let Log {
        ids,
        times,
        unit,
        offset,
        ..
    } = log(user_ids, times, None, unit, utc_offset_minutes)?;
    let period = Period::parse("period", period).py()?;
    let no_events: Option<&Column<'_, i64>> = None;
    with_log!(ids, times, unit, offset, no_events, |log| {
        py.detach(|| core::stickiness_counts(&log, period)).py()
    })
}

/// The stickiness histogram: per calendar period, users active on exactly k days of it
/// (``users[p][k - 1]``) and on at least k days (``at_least``).
#[pyfunction]
#[pyo3(signature = (user_ids, times, period = "week", unit = None, utc_offset_minutes = 0.0))]
fn stickiness_histogram(
    py: Python<'_>,
    user_ids: &Bound<'_, PyAny>,
    times: &Bound<'_, PyAny>,
    period: &str,
    unit: Option<&str>,
    utc_offset_minutes: f64,
) -> PyResult<StickinessHistogram> {
    not_empty(user_ids)?;
    let counts = stickiness_counts_of(py, user_ids, times, period, unit, utc_offset_minutes)?;
    counts.finish().py().map(Into::into)
}

/// Partial counts of `stickiness_histogram` for a shard of users.
#[pyfunction]
#[pyo3(signature = (user_ids, times, period = "week", unit = None, utc_offset_minutes = 0.0))]
fn stickiness_counts(
    py: Python<'_>,
    user_ids: &Bound<'_, PyAny>,
    times: &Bound<'_, PyAny>,
    period: &str,
    unit: Option<&str>,
    utc_offset_minutes: f64,
) -> PyResult<Counts> {
    let counts = stickiness_counts_of(py, user_ids, times, period, unit, utc_offset_minutes)?;
    Ok(Counts(core::Counts::StickinessHistogram(counts), None))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Churn>()?;
    m.add_class::<Adoption>()?;
    m.add_class::<Funnel>()?;
    m.add_class::<StickinessHistogram>()?;
    m.add_function(wrap_pyfunction!(activity_churn, m)?)?;
    m.add_function(wrap_pyfunction!(activity_churn_counts, m)?)?;
    m.add_function(wrap_pyfunction!(feature_adoption, m)?)?;
    m.add_function(wrap_pyfunction!(feature_adoption_counts, m)?)?;
    m.add_function(wrap_pyfunction!(event_funnel, m)?)?;
    m.add_function(wrap_pyfunction!(event_funnel_counts, m)?)?;
    m.add_function(wrap_pyfunction!(stickiness_histogram, m)?)?;
    m.add_function(wrap_pyfunction!(stickiness_counts, m)?)?;
    Ok(())
}
