//! Active users and retention for Python: whole-log metrics and their partial counts.

use pyo3::prelude::*;

use super::columns::{self, with_log, EventParams};
use super::counts::Counts;
use super::named::named_record;
use crate::errors::IntoPy;
use crate::record::record;
use pmkit::analytics::{self as core, Period, RetentionOptions};

record!(
    /// The result of `active_users`: DAU, rolling WAU and MAU, stickiness, calendar weeks and months.
    ActiveUsers(core::ActiveUsers) {
        days, dau, wau, mau, stickiness, week, weeks, weekly, months, monthly
    }
    methods {
        /// DAU, WAU and MAU over the days: `active_users_chart(self, ...)`.
        #[pyo3(signature = (*, width = 720.0, height = 400.0, theme = "light"))]
        fn chart(&self, width: f64, height: f64, theme: &str) -> PyResult<crate::chart::Chart> {
            crate::chart::draw(pmkit::chart::active_users_chart, &self.0, width, height, theme)
        }
    }
);

named_record!(
    /// The result of `retention`: the cohort matrix as counts and rates, and the weighted average.
    Retention(core::Retention) {
        cohort_starts, cohort_sizes, counts, rates, average, average_returned,
        average_cohort_users, last_day, last_period_complete
    }
    named { options }
    methods {
        /// The cohort heatmap: `retention_chart(self, ...)`.
        #[pyo3(signature = (*, width = 720.0, height = 400.0, theme = "light"))]
        fn chart(&self, width: f64, height: f64, theme: &str) -> PyResult<crate::chart::Chart> {
            crate::chart::draw(pmkit::chart::retention_chart, &self.0, width, height, theme)
        }
    }
);

fn offset(value: f64) -> PyResult<i64> {
    core::whole_number("utc_offset_minutes", value).py()
}

fn active_counts(
    py: Python<'_>,
    user_ids: &Bound<'_, PyAny>,
    times: &Bound<'_, PyAny>,
    unit: Option<&str>,
    utc_offset_minutes: f64,
    week: &str,
) -> PyResult<core::ActiveUserCounts> {
    let ids = columns::user_ids(user_ids)?;
    let (times, unit) = columns::times(times, unit)?;
    let offset = offset(utc_offset_minutes)?;
    let week = Period::parse("week", week).py()?;
    let no_events: Option<columns::Column<'_, i64>> = None;
    with_log!(ids, times, unit, offset, no_events.as_ref(), |log| {
        py.detach(|| core::active_user_counts(&log, week)).py()
    })
}

/// Daily, weekly and monthly active users per day (rolling 7- and 30-day windows), DAU/MAU
/// stickiness, and distinct users per calendar week and month.
#[pyfunction]
#[pyo3(signature = (user_ids, times, unit = None, utc_offset_minutes = 0.0, week = "week"))]
fn active_users(
    py: Python<'_>,
    user_ids: &Bound<'_, PyAny>,
    times: &Bound<'_, PyAny>,
    unit: Option<&str>,
    utc_offset_minutes: f64,
    week: &str,
) -> PyResult<ActiveUsers> {
    if user_ids.len().unwrap_or(1) == 0 {
        return Err(crate::errors::to_py(pmkit::Error::undefined(
            "user_ids",
            "is empty; at least one event is needed",
        )));
    }
    let counts = active_counts(py, user_ids, times, unit, utc_offset_minutes, week)?;
    counts.finish().py().map(Into::into)
}

/// Partial counts of `active_users` for a shard of users; merge with `merge_counts`.
#[pyfunction]
#[pyo3(signature = (user_ids, times, unit = None, utc_offset_minutes = 0.0, week = "week"))]
fn active_user_counts(
    py: Python<'_>,
    user_ids: &Bound<'_, PyAny>,
    times: &Bound<'_, PyAny>,
    unit: Option<&str>,
    utc_offset_minutes: f64,
    week: &str,
) -> PyResult<Counts> {
    let counts = active_counts(py, user_ids, times, unit, utc_offset_minutes, week)?;
    Ok(Counts(core::Counts::ActiveUsers(counts), None))
}

#[allow(clippy::too_many_arguments)]
fn retention_counts_of(
    py: Python<'_>,
    user_ids: &Bound<'_, PyAny>,
    times: &Bound<'_, PyAny>,
    period: &str,
    cohorts: &str,
    kind: &str,
    events: Option<&Bound<'_, PyAny>>,
    start_event: Option<&Bound<'_, PyAny>>,
    return_event: Option<&Bound<'_, PyAny>>,
    unit: Option<&str>,
    utc_offset_minutes: f64,
    shard: bool,
) -> PyResult<(core::RetentionCounts, Option<Vec<String>>)> {
    let ids = columns::user_ids(user_ids)?;
    let (times, unit) = columns::times(times, unit)?;
    let (events, mut params) = match events.filter(|value| !value.is_none()) {
        Some(value) => {
            let (codes, params) = columns::events(value)?;
            (Some(codes), params)
        }
        None => (None, EventParams::NoEvents),
    };
    let mut event = |field: &str, value: Option<&Bound<'_, PyAny>>| {
        value
            .filter(|value| !value.is_none())
            .map(|value| params.code(field, value, shard))
            .transpose()
    };
    let start = event("start_event", start_event)?;
    let back = event("return_event", return_event)?;
    let mut options = RetentionOptions {
        period: Period::parse("period", period).py()?,
        cohorts: core::Cohorts::parse("cohorts", cohorts).py()?,
        kind: core::RetentionKind::parse("kind", kind).py()?,
        start_event: start.map(|(code, _)| code),
        return_event: back.map(|(code, _)| code),
    };
    let offset = offset(utc_offset_minutes)?;
    let mut counts = with_log!(ids, times, unit, offset, events.as_ref(), |log| {
        py.detach(|| core::retention_counts(&log, &options)).py()
    })?;
    options.start_event = start.map(|(_, label)| label);
    options.return_event = back.map(|(_, label)| label);
    counts.options = options;
    Ok((counts, params.given()))
}

/// The retention matrix: cohorts by calendar period of first (or every) activity, and the
/// distinct users of each returning in each later period, as counts and rates.
#[pyfunction]
#[pyo3(signature = (
    user_ids, times, period = "week", cohorts = "first_time", kind = "on", events = None,
    start_event = None, return_event = None, unit = None, utc_offset_minutes = 0.0
))]
#[allow(clippy::too_many_arguments)]
fn retention(
    py: Python<'_>,
    user_ids: &Bound<'_, PyAny>,
    times: &Bound<'_, PyAny>,
    period: &str,
    cohorts: &str,
    kind: &str,
    events: Option<&Bound<'_, PyAny>>,
    start_event: Option<&Bound<'_, PyAny>>,
    return_event: Option<&Bound<'_, PyAny>>,
    unit: Option<&str>,
    utc_offset_minutes: f64,
) -> PyResult<Retention> {
    if user_ids.len().unwrap_or(1) == 0 {
        return Err(crate::errors::to_py(pmkit::Error::undefined(
            "user_ids",
            "is empty; at least one event is needed",
        )));
    }
    let (counts, names) = retention_counts_of(
        py,
        user_ids,
        times,
        period,
        cohorts,
        kind,
        events,
        start_event,
        return_event,
        unit,
        utc_offset_minutes,
        false,
    )?;
    Ok(Retention(counts.finish().py()?, names))
}

/// Partial counts of `retention` for a shard of users; merge with `merge_counts`.
#[pyfunction]
#[pyo3(signature = (
    user_ids, times, period = "week", cohorts = "first_time", kind = "on", events = None,
    start_event = None, return_event = None, unit = None, utc_offset_minutes = 0.0
))]
#[allow(clippy::too_many_arguments)]
fn retention_counts(
    py: Python<'_>,
    user_ids: &Bound<'_, PyAny>,
    times: &Bound<'_, PyAny>,
    period: &str,
    cohorts: &str,
    kind: &str,
    events: Option<&Bound<'_, PyAny>>,
    start_event: Option<&Bound<'_, PyAny>>,
    return_event: Option<&Bound<'_, PyAny>>,
    unit: Option<&str>,
    utc_offset_minutes: f64,
) -> PyResult<Counts> {
    let (counts, names) = retention_counts_of(
        py,
        user_ids,
        times,
        period,
        cohorts,
        kind,
        events,
        start_event,
        return_event,
        unit,
        utc_offset_minutes,
        true,
    )?;
    Ok(Counts(core::Counts::Retention(counts), names))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<ActiveUsers>()?;
    m.add_class::<Retention>()?;
    m.add_function(wrap_pyfunction!(active_users, m)?)?;
    m.add_function(wrap_pyfunction!(active_user_counts, m)?)?;
    m.add_function(wrap_pyfunction!(retention, m)?)?;
    m.add_function(wrap_pyfunction!(retention_counts, m)?)?;
    Ok(())
}
