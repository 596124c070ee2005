//! The result classes of the described `active_users` and `retention`.

use pyo3::prelude::*;

use super::named::named_record;
use crate::convert::IntoPython;
use crate::record::record;
use pmkit::analytics as core;

record!(
    /// The result of `active_users`: DAU, rolling WAU and MAU, stickiness, calendar weeks and months.
    ActiveUsers(core::ActiveUsers) {
        days: date, dau, wau, mau, stickiness, week, weeks: date, weekly, months: date, monthly
    }
    with table
    chart(pmkit::chart::active_users_chart, "DAU, WAU and MAU over the days: `active_users_chart(self, **options)`.")
);

named_record!(
    /// The result of `retention`: the cohort matrix as counts and rates, and the weighted average.
    Retention(core::Retention) {
        cohort_starts: date, cohort_sizes, counts, rates, average, average_returned,
        average_cohort_users, last_day: date, last_period_complete
    }
    named { options }
    with table
    chart(pmkit::chart::retention_chart, "The cohort heatmap: `retention_chart(self, **options)`.")
);

/// Retention comes back as its class, reporting its event options' names when names
/// were given.
impl IntoPython for pmkit_api::analytics::Named<core::Retention> {
    fn into_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(Py::new(py, Retention(self.value, self.event_names))?.into_any())
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<ActiveUsers>()?;
    m.add_class::<Retention>()?;
    Ok(())
}
