//! `pmkit::sprint` for Python: sprints, calendars, capacity, the sprint report and velocity.
//!
//! Sprints, calendars, members, logs and histories cross as dicts in their JSON form
//! (dates as ISO strings inside them); top-level date arguments take a
//! `datetime.date` or an ISO string. A dict of the wrong shape is `InvalidInputError`
//! on the parameter; a broken rule is the core's error prefixed with the parameter
//! (`log.events[1].points`).

use pyo3::prelude::*;

use crate::errors::IntoPy;
use crate::record::{from_python, record, to_python};
use pmkit::sprint::{self as core, SprintLog, SprintOutcome, WorkCalendar};

record!(
    /// Working days, available person-days, focus days and hours of a sprint.
    SprintCapacity(core::SprintCapacity) { working_days, members, available_days, focus_days, hours }
);

record!(
    /// The points to commit at the team's historical focus factor.
    CapacityPlan(core::CapacityPlan) { focus_factor, points, sprints }
);

record!(
    /// Burndown, burnup, committed vs completed, scope change, carry-over and say/do.
    SprintReport(core::SprintReport) {
        sprint_id, count_by, working_days, dates, working, ideal, remaining, scope, done,
        committed, completed, completed_committed, added, removed, cancelled, re_estimated,
        carried_in, carry_over, say_do_ratio
    }
    methods {
        /// The burndown chart of this report: `burndown_chart(self, ...)`.
        #[pyo3(signature = (*, width = 720.0, height = 400.0, theme = "light"))]
        fn chart(&self, width: f64, height: f64, theme: &str) -> PyResult<crate::chart::Chart> {
            crate::chart::draw(pmkit::chart::burndown_chart, &self.0, width, height, theme)
        }
    }
);

record!(
    /// Velocity over the last closed sprints, in points and items.
    Velocity(core::Velocity) { sprint_ids, points, items }
);

fn calendar_arg(value: Option<&Bound<'_, PyAny>>) -> PyResult<WorkCalendar> {
    match value.filter(|value| !value.is_none()) {
        None => Ok(WorkCalendar::default()),
        Some(value) => from_python("calendar", value),
    }
}

fn log_arg(value: &Bound<'_, PyAny>) -> PyResult<SprintLog> {
    let log: SprintLog = from_python("log", value)?;
    log.validate().map_err(|err| err.within("log")).py()?;
    Ok(log)
}

fn history_arg(value: &Bound<'_, PyAny>) -> PyResult<Vec<SprintOutcome>> {
    from_python("history", value)
}

/// A sprint (dict), checked: at most one month, not ending before it starts.
#[pyfunction]
#[pyo3(signature = (id, name, start, end, goal = None, team = None, state = None))]
#[allow(clippy::too_many_arguments)]
fn new_sprint<'py>(
    py: Python<'py>,
    id: &str,
    name: &str,
    start: &Bound<'py, PyAny>,
    end: &Bound<'py, PyAny>,
    goal: Option<String>,
    team: Option<Vec<String>>,
    state: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let start = crate::dates::date("start", start)?;
    let end = crate::dates::date("end", end)?;
    let mut sprint = core::Sprint::new(id, name, start, end).py()?;
    sprint.goal = goal;
    sprint.team = team.unwrap_or_default();
    if let Some(state) = state {
        sprint.state = core::SprintState::parse("state", state).py()?;
    }
    sprint.validate().py()?;
    to_python(py, &sprint)
}

/// The working days (ISO strings) from `start` to `end`, both included.
#[pyfunction]
#[pyo3(signature = (start, end, calendar = None))]
fn working_days<'py>(
    py: Python<'py>,
    start: &Bound<'py, PyAny>,
    end: &Bound<'py, PyAny>,
    calendar: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let start = crate::dates::date("start", start)?;
    let end = crate::dates::date("end", end)?;
    let days = calendar_arg(calendar)?.working_days(start, end).py()?;
    to_python(py, &days)
}

/// Per member: working days minus days off, times the focus factor or hours per day.
#[pyfunction]
#[pyo3(signature = (sprint, members, calendar = None))]
fn sprint_capacity(
    sprint: &Bound<'_, PyAny>,
    members: &Bound<'_, PyAny>,
    calendar: Option<&Bound<'_, PyAny>>,
) -> PyResult<SprintCapacity> {
    let sprint: core::Sprint = from_python("sprint", sprint)?;
    let members: Vec<core::Member> = from_python("members", members)?;
    core::sprint_capacity(&sprint, &calendar_arg(calendar)?, &members)
        .py()
        .map(Into::into)
}

/// Points to commit: completed points per available person-day over the last
/// `window` sprints, times `available_person_days`.
#[pyfunction]
#[pyo3(signature = (history, available_person_days, window = 3.0))]
fn plan_capacity(
    history: &Bound<'_, PyAny>,
    available_person_days: f64,
    window: f64,
) -> PyResult<CapacityPlan> {
    let history = history_arg(history)?;
    let window = pmkit::input::count("window", window).py()?;
    core::plan_capacity(&history, available_person_days, window)
        .py()
        .map(Into::into)
}

/// The sprint report of a log (dict), counting by "points" or "items".
#[pyfunction]
#[pyo3(signature = (log, count_by = "points"))]
fn sprint_report(log: &Bound<'_, PyAny>, count_by: &str) -> PyResult<SprintReport> {
    let log = log_arg(log)?;
    let count_by = core::CountBy::parse("count_by", count_by).py()?;
    core::sprint_report(&log, count_by).py().map(Into::into)
}

/// A sprint log (dict) from its JSON text.
#[pyfunction]
fn sprint_log_from_json<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    to_python(py, &SprintLog::from_json(text).py()?)
}

/// The sprint log as JSON text, byte for byte what Rust and JavaScript write.
#[pyfunction]
fn sprint_log_to_json(log: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(log_arg(log)?.to_json())
}

/// Velocity over the last `window` closed sprints (dicts, oldest first).
#[pyfunction]
#[pyo3(signature = (history, window = 3.0))]
fn velocity(history: &Bound<'_, PyAny>, window: f64) -> PyResult<Velocity> {
    let history = history_arg(history)?;
    let window = pmkit::input::count("window", window).py()?;
    core::velocity(&history, window).py().map(Into::into)
}

/// The hand-computed sample sprint log (a dict) that `make demo` reports on.
#[pyfunction]
fn sample_sprint(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_python(py, &core::sample_sprint())
}

/// Five closed sprints (dicts), oldest first, ending with the sample sprint.
#[pyfunction]
fn sample_sprint_history(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_python(py, &core::sample_sprint_history())
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<SprintCapacity>()?;
    m.add_class::<CapacityPlan>()?;
    m.add_class::<SprintReport>()?;
    m.add_class::<Velocity>()?;
    m.add_function(wrap_pyfunction!(new_sprint, m)?)?;
    m.add_function(wrap_pyfunction!(working_days, m)?)?;
    m.add_function(wrap_pyfunction!(sprint_capacity, m)?)?;
    m.add_function(wrap_pyfunction!(plan_capacity, m)?)?;
    m.add_function(wrap_pyfunction!(sprint_report, m)?)?;
    m.add_function(wrap_pyfunction!(sprint_log_from_json, m)?)?;
    m.add_function(wrap_pyfunction!(sprint_log_to_json, m)?)?;
    m.add_function(wrap_pyfunction!(velocity, m)?)?;
    m.add_function(wrap_pyfunction!(sample_sprint, m)?)?;
    m.add_function(wrap_pyfunction!(sample_sprint_history, m)?)?;
    Ok(())
}
