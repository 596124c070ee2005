//! Time to market, team velocity, backlog completion and sprint burndown
//! (`pmkit::metrics` delivery) for Python.

use pyo3::prelude::*;

use crate::dates::date;
use crate::errors::IntoPy;
use crate::record::record;

record!(
    /// The result of `team_velocity`: the spread of points completed over recent sprints.
    VelocitySummary(pmkit::metrics::VelocitySummary) {
        mean, median, standard_deviation, min, max, sprints
    }
);

record!(
    /// The result of `sprint_burndown`: ideal and actual remaining points per day, and the gap.
    SprintBurndown(pmkit::metrics::SprintBurndown) { ideal, actual, gap }
);

/// Time to market: whole days from concept_date to launch_date.
#[pyfunction]
fn time_to_market(
    concept_date: &Bound<'_, PyAny>,
    launch_date: &Bound<'_, PyAny>,
) -> PyResult<i64> {
    let concept_date = date("concept_date", concept_date)?;
    let launch_date = date("launch_date", launch_date)?;
    pmkit::metrics::time_to_market(concept_date, launch_date).py()
}

/// Team velocity over the last `window` sprints: mean, median, spread, min, max.
// The default is pmkit::metrics::DEFAULT_VELOCITY_WINDOW, written as a literal so that
// Python's signature shows it (a test checks they agree).
#[pyfunction]
#[pyo3(signature = (completed_points, window = 3.0))]
fn team_velocity(completed_points: Vec<f64>, window: f64) -> PyResult<VelocitySummary> {
    let window = pmkit::input::count("window", window).py()?;
    pmkit::metrics::team_velocity(&completed_points, window)
        .py()
        .map(Into::into)
}

/// Backlog completion rate: completed / planned work in a period, as a fraction.
#[pyfunction]
fn backlog_completion_rate(completed: f64, planned: f64) -> PyResult<f64> {
    pmkit::metrics::backlog_completion_rate(completed, planned).py()
}

/// Sprint burndown: the ideal line, the actual remaining points and the gap per day.
#[pyfunction]
fn sprint_burndown(
    committed_points: f64,
    remaining_points: Vec<f64>,
    sprint_days: f64,
) -> PyResult<SprintBurndown> {
    let sprint_days = pmkit::input::count("sprint_days", sprint_days).py()?;
    pmkit::metrics::sprint_burndown(committed_points, &remaining_points, sprint_days)
        .py()
        .map(Into::into)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<VelocitySummary>()?;
    m.add_class::<SprintBurndown>()?;
    m.add_function(wrap_pyfunction!(time_to_market, m)?)?;
    m.add_function(wrap_pyfunction!(team_velocity, m)?)?;
    m.add_function(wrap_pyfunction!(backlog_completion_rate, m)?)?;
    m.add_function(wrap_pyfunction!(sprint_burndown, m)?)?;
    Ok(())
}
