//! Retention for Python (its columns and event parameters read as the described
//! functions read theirs, the work in pmkit-api), and the result class
//! of the described `active_users`.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use std::marker::PhantomData;

use super::counts::Counts;
use super::named::named_record;
use crate::convert::{FromPy, ReadDedicated, Reader};
use crate::errors::IntoPy;
use crate::record::record;
use pmkit::analytics::{self as core, RetentionOptions};
use pmkit_api::analytics::{
    retention as retention_of, retention_counts as retention_counts_of, RetentionEvents,
    RetentionFn,
};

record!(
    /// The result of `active_users`: DAU, rolling WAU and MAU, stickiness, calendar weeks and months.
    ActiveUsers(core::ActiveUsers) {
        days, dau, wau, mau, stickiness, week, weeks, weekly, months, monthly
    }
    methods {
        /// DAU, WAU and MAU over the days: `active_users_chart(self, **options)`.
        #[pyo3(signature = (**options))]
        fn chart(
            &self,
            py: Python<'_>,
            options: Option<&Bound<'_, PyDict>>,
        ) -> PyResult<crate::chart::Chart> {
            crate::chart::chart_with(py, pmkit::chart::active_users_chart, &self.0, options)
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
        /// The cohort heatmap: `retention_chart(self, **options)`.
        #[pyo3(signature = (**options))]
        fn chart(
            &self,
            py: Python<'_>,
            options: Option<&Bound<'_, PyDict>>,
        ) -> PyResult<crate::chart::Chart> {
            crate::chart::chart_with(py, pmkit::chart::retention_chart, &self.0, options)
        }
    }
);

/// The empty-log error of a whole-log metric.
pub(super) fn not_empty(user_ids: &Bound<'_, PyAny>) -> PyResult<()> {
    if user_ids.len().unwrap_or(1) == 0 {
        return Err(crate::errors::to_py(pmkit::Error::undefined(
            "user_ids",
            "is empty; at least one event is needed",
        )));
    }
    Ok(())
}

/// Keyword arguments, and the values of some taken out of them.
type Taken<'py> = (Bound<'py, PyDict>, Vec<Option<Bound<'py, PyAny>>>);

/// `options` without the keywords a binding reads itself (event codes or names).
pub(super) fn without<'py>(
    py: Python<'py>,
    options: Option<&Bound<'py, PyDict>>,
    names: &[&str],
) -> PyResult<Taken<'py>> {
    let rest = match options {
        Some(options) => options.copy()?,
        None => PyDict::new(py),
    };
    let mut taken = Vec::with_capacity(names.len());
    for name in names {
        let value = rest.get_item(name)?.filter(|value| !value.is_none());
        if rest.contains(name)? {
            rest.del_item(name)?;
        }
        taken.push(value);
    }
    Ok((rest, taken))
}

/// The columns and event parameters of `retention` and `retention_counts`, read as the
/// described functions read theirs, handed to pmkit-api's `retention` or
/// `retention_counts` (which read the event names against the column, without the GIL).
fn with_retention_args<R>(
    py: Python<'_>,
    user_ids: &Bound<'_, PyAny>,
    times: &Bound<'_, PyAny>,
    events: Option<&Bound<'_, PyAny>>,
    options: Option<&Bound<'_, PyDict>>,
    call: RetentionFn<R>,
) -> PyResult<R> {
    let (rest, taken) = without(py, options, &["start_event", "return_event"])?;
    let options: RetentionOptions = crate::convert::options(py, Some(&rest))?;
    let user_ids: pmkit_api::UserIds<'_> = Reader(PhantomData).read("user_ids", user_ids)?;
    let times: pmkit_api::Times<'_> = Reader(PhantomData).read("times", times)?;
    let events: Option<pmkit_api::EventIds<'_>> = events
        .filter(|value| !value.is_none())
        .map(|value| Reader(PhantomData).read("events", value))
        .transpose()?;
    let event = |field: &str, value: Option<&Bound<'_, PyAny>>| {
        value
            .map(|value| pmkit_api::Event::from_py(field, value))
            .transpose()
    };
    let given = RetentionEvents {
        start_event: event("start_event", taken[0].as_ref())?,
        return_event: event("return_event", taken[1].as_ref())?,
    };
    call(&user_ids, &times, events.as_ref(), &given, &options).py()
}

/// The retention matrix: cohorts by calendar period of first (or every) activity, and the
/// distinct users of each returning in each later period, as counts and rates. Options
/// (keywords): `period`, `cohorts`, `kind`, `start_event`, `return_event` (codes, or
/// names when `events` holds names), `unit`, `utc_offset_minutes` (see `RetentionOptions`).
#[pyfunction]
#[pyo3(signature = (user_ids, times, *, events = None, **options))]
fn retention(
    py: Python<'_>,
    user_ids: &Bound<'_, PyAny>,
    times: &Bound<'_, PyAny>,
    events: Option<&Bound<'_, PyAny>>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Retention> {
    not_empty(user_ids)?;
    let named = with_retention_args(py, user_ids, times, events, options, retention_of)?;
    Ok(Retention(named.value, named.event_names))
}

/// Partial counts of `retention` for a shard of users; merge with `merge_counts`.
#[pyfunction]
#[pyo3(signature = (user_ids, times, *, events = None, **options))]
fn retention_counts(
    py: Python<'_>,
    user_ids: &Bound<'_, PyAny>,
    times: &Bound<'_, PyAny>,
    events: Option<&Bound<'_, PyAny>>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Counts> {
    let partial = with_retention_args(py, user_ids, times, events, options, retention_counts_of)?;
    Ok(Counts(partial.counts, partial.event_names))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<ActiveUsers>()?;
    m.add_class::<Retention>()?;
    m.add_function(wrap_pyfunction!(retention, m)?)?;
    m.add_function(wrap_pyfunction!(retention_counts, m)?)?;
    Ok(())
}
