//! Feature adoption and funnels for Python (their event parameters are codes or names),
//! and the result classes of the described `activity_churn` and `stickiness_histogram`.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::columns::{self, with_log, Column, EventParams, Ids};
use super::counts::Counts;
use super::metrics::not_empty;
use super::named::named_record;
use crate::errors::IntoPy;
use crate::record::record;
use pmkit::analytics::{self as core, EventFunnelOptions, FeatureAdoptionOptions};

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
    unit: Option<core::TimeUnit>,
    utc_offset_minutes: i64,
) -> PyResult<Log<'py>> {
    let ids = columns::user_ids(user_ids)?;
    let (times, unit) = columns::times(times, unit.map(core::TimeUnit::as_str))?;
    let (events, params) = match events.filter(|value| !value.is_none()) {
        Some(value) => {
            let (codes, params) = columns::events(value)?;
            (Some(codes), params)
        }
        None => (None, EventParams::NoEvents),
    };
    Ok(Log {
        ids,
        times,
        unit,
        offset: utc_offset_minutes,
        events,
        params,
    })
}

// ---- adoption ----

fn adoption_counts_of(
    py: Python<'_>,
    user_ids: &Bound<'_, PyAny>,
    times: &Bound<'_, PyAny>,
    events: &Bound<'_, PyAny>,
    feature: &Bound<'_, PyAny>,
    options: &FeatureAdoptionOptions,
    shard: bool,
) -> PyResult<(core::AdoptionCounts, Option<Vec<String>>)> {
    let Log {
        ids,
        times,
        unit,
        offset,
        events,
        mut params,
    } = log(
        user_ids,
        times,
        Some(events),
        options.unit,
        options.utc_offset_minutes,
    )?;
    let (feature, label) = params.code("feature", feature, shard)?;
    let mut counts = with_log!(ids, times, unit, offset, events.as_ref(), |log| {
        py.detach(|| core::feature_adoption_counts(&log, feature, options))
            .py()
    })?;
    counts.feature = label;
    Ok((counts, params.given()))
}

/// Feature adoption per calendar period: users of the `feature` event over active users,
/// cumulative adoption, and days from a user's first event to their first use. Options
/// (keywords): `period`, `unit`, `utc_offset_minutes` (see `FeatureAdoptionOptions`).
#[pyfunction]
#[pyo3(signature = (user_ids, times, events, feature, **options))]
fn feature_adoption(
    py: Python<'_>,
    user_ids: &Bound<'_, PyAny>,
    times: &Bound<'_, PyAny>,
    events: &Bound<'_, PyAny>,
    feature: &Bound<'_, PyAny>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Adoption> {
    let options: FeatureAdoptionOptions = crate::convert::options(py, options)?;
    not_empty(user_ids)?;
    let (counts, names) =
        adoption_counts_of(py, user_ids, times, events, feature, &options, false)?;
    Ok(Adoption(counts.finish().py()?, names))
}

/// Partial counts of `feature_adoption` for a shard of users.
#[pyfunction]
#[pyo3(signature = (user_ids, times, events, feature, **options))]
fn feature_adoption_counts(
    py: Python<'_>,
    user_ids: &Bound<'_, PyAny>,
    times: &Bound<'_, PyAny>,
    events: &Bound<'_, PyAny>,
    feature: &Bound<'_, PyAny>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Counts> {
    let options: FeatureAdoptionOptions = crate::convert::options(py, options)?;
    let (counts, names) = adoption_counts_of(py, user_ids, times, events, feature, &options, true)?;
    Ok(Counts(core::Counts::FeatureAdoption(counts), names))
}

// ---- funnels ----

fn funnel_counts_of(
    py: Python<'_>,
    user_ids: &Bound<'_, PyAny>,
    times: &Bound<'_, PyAny>,
    events: &Bound<'_, PyAny>,
    steps: &Bound<'_, PyAny>,
    options: &EventFunnelOptions,
    shard: bool,
) -> PyResult<(core::FunnelCounts, Option<Vec<String>>)> {
    let Log {
        ids,
        times,
        unit,
        offset,
        events,
        mut params,
    } = log(
        user_ids,
        times,
        Some(events),
        options.unit,
        options.utc_offset_minutes,
    )?;
    let (steps, labels): (Vec<u32>, Vec<u32>) = crate::convert::sequence("steps", steps)?
        .iter()
        .enumerate()
        .map(|(index, step)| params.code(&format!("steps[{index}]"), step, shard))
        .collect::<PyResult<Vec<_>>>()?
        .into_iter()
        .unzip();
    let mut counts = with_log!(ids, times, unit, offset, events.as_ref(), |log| {
        py.detach(|| core::event_funnel_counts(&log, &steps, options))
            .py()
    })?;
    counts.steps = labels;
    Ok((counts, params.given()))
}

/// A conversion funnel: users reaching each step (event codes or names) within
/// `window_seconds` of entering, in order ("sequential") or in any order ("any_order"),
/// with per-step and overall conversion and the median seconds between steps. Options
/// (keywords): `window_seconds`, `order`, `unit`, `utc_offset_minutes` (see
/// `EventFunnelOptions`).
#[pyfunction]
#[pyo3(signature = (user_ids, times, events, steps, **options))]
fn event_funnel(
    py: Python<'_>,
    user_ids: &Bound<'_, PyAny>,
    times: &Bound<'_, PyAny>,
    events: &Bound<'_, PyAny>,
    steps: &Bound<'_, PyAny>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Funnel> {
    let options: EventFunnelOptions = crate::convert::options(py, options)?;
    let (counts, names) = funnel_counts_of(py, user_ids, times, events, steps, &options, false)?;
    not_empty(user_ids)?;
    Ok(Funnel(counts.finish().py()?, names))
}

/// Partial counts of `event_funnel` for a shard of users.
#[pyfunction]
#[pyo3(signature = (user_ids, times, events, steps, **options))]
fn event_funnel_counts(
    py: Python<'_>,
    user_ids: &Bound<'_, PyAny>,
    times: &Bound<'_, PyAny>,
    events: &Bound<'_, PyAny>,
    steps: &Bound<'_, PyAny>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Counts> {
    let options: EventFunnelOptions = crate::convert::options(py, options)?;
    let (counts, names) = funnel_counts_of(py, user_ids, times, events, steps, &options, true)?;
    Ok(Counts(core::Counts::EventFunnel(counts), names))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Churn>()?;
    m.add_class::<Adoption>()?;
    m.add_class::<Funnel>()?;
    m.add_class::<StickinessHistogram>()?;
    m.add_function(wrap_pyfunction!(feature_adoption, m)?)?;
    m.add_function(wrap_pyfunction!(feature_adoption_counts, m)?)?;
    m.add_function(wrap_pyfunction!(event_funnel, m)?)?;
    m.add_function(wrap_pyfunction!(event_funnel_counts, m)?)?;
    Ok(())
}
