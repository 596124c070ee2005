//! `pmkit::roadmap` for Python: validation, progress roll-up, lifecycle and feasibility.
//!
//! Roadmaps, backlogs, lifecycles and epics cross as dicts in their JSON form (dates
//! and targets as strings inside them); top-level date arguments take a
//! `datetime.date` or an ISO string. A dict of the wrong shape is `InvalidInputError`
//! on the parameter; a broken rule is the core's error prefixed with the parameter
//! (`roadmap.items[2].id`).

use pyo3::prelude::*;

use crate::errors::IntoPy;
use crate::record::{from_python, record, to_python};
use pmkit::roadmap::{self as core, Lifecycle, PlannedEpic, Roadmap, Stage};
use pmkit::work::{Backlog, BacklogParts};

record!(
    /// Every cycle, missing item, misplaced child and violated dependency.
    RoadmapValidation(core::RoadmapValidation) { valid, issues, cycles_truncated }
);

record!(
    /// Done / total points and items per roadmap item and per level.
    RoadmapProgress(core::RoadmapProgress) { items, levels, unplanned }
);

record!(
    /// The ranked epics laid into future sprints at mean velocity.
    Feasibility(core::Feasibility) { mean_velocity, sprints_needed, epics, missed, sprints }
);

fn roadmap_arg(value: &Bound<'_, PyAny>) -> PyResult<Roadmap> {
    let roadmap: Roadmap = from_python("roadmap", value)?;
    roadmap.check().map_err(|err| err.within("roadmap")).py()?;
    Ok(roadmap)
}

fn backlog_arg(value: &Bound<'_, PyAny>) -> PyResult<Backlog> {
    let parts: BacklogParts = from_python("backlog", value)?;
    Backlog::try_from(parts)
        .map_err(|err| err.within("backlog"))
        .py()
}

fn lifecycle_arg(value: &Bound<'_, PyAny>) -> PyResult<Lifecycle> {
    let lifecycle: Lifecycle = from_python("lifecycle", value)?;
    lifecycle
        .check()
        .map_err(|err| err.within("lifecycle"))
        .py()?;
    Ok(lifecycle)
}

/// A roadmap (dict) from its JSON text.
#[pyfunction]
fn roadmap_from_json<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    to_python(py, &Roadmap::from_json(text).py()?)
}

/// The roadmap as JSON text, byte for byte what Rust and JavaScript write.
#[pyfunction]
fn roadmap_to_json(roadmap: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(roadmap_arg(roadmap)?.to_json())
}

/// Every cycle (with its path), missing item, misplaced child and violated dependency.
#[pyfunction]
fn validate_roadmap(roadmap: &Bound<'_, PyAny>) -> PyResult<RoadmapValidation> {
    roadmap_arg(roadmap)?.validate().py().map(Into::into)
}

/// Done / total points and items per item and level, from the backlog; cancelled excluded.
#[pyfunction]
fn roadmap_progress(
    roadmap: &Bound<'_, PyAny>,
    backlog: &Bound<'_, PyAny>,
) -> PyResult<RoadmapProgress> {
    let roadmap = roadmap_arg(roadmap)?;
    let backlog = backlog_arg(backlog)?;
    core::roadmap_progress(&roadmap, &backlog)
        .py()
        .map(Into::into)
}

/// The open epics (dicts) in rank order with their remaining points.
#[pyfunction]
fn remaining_epics<'py>(
    py: Python<'py>,
    roadmap: &Bound<'py, PyAny>,
    backlog: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let roadmap = roadmap_arg(roadmap)?;
    let backlog = backlog_arg(backlog)?;
    to_python(py, &core::remaining_epics(&roadmap, &backlog).py()?)
}

/// The ranked epics laid into future sprints at mean velocity, `wip_limit` at a time.
#[pyfunction]
#[pyo3(signature = (epics, velocity_history, first_sprint_start, sprint_length_days = 14.0, wip_limit = 1.0, window = 3.0))]
fn feasibility(
    epics: &Bound<'_, PyAny>,
    velocity_history: Vec<f64>,
    first_sprint_start: &Bound<'_, PyAny>,
    sprint_length_days: f64,
    wip_limit: f64,
    window: f64,
) -> PyResult<Feasibility> {
    let epics: Vec<PlannedEpic> = from_python("epics", epics)?;
    let start = crate::dates::date("first_sprint_start", first_sprint_start)?;
    let length = pmkit::input::count("sprint_length_days", sprint_length_days).py()?;
    let wip_limit = pmkit::input::count("wip_limit", wip_limit).py()?;
    let window = pmkit::input::count("window", window).py()?;
    core::feasibility(&epics, &velocity_history, start, length, wip_limit, window)
        .py()
        .map(Into::into)
}

/// A lifecycle (dict) that entered `stage` on `date`.
#[pyfunction]
fn new_lifecycle<'py>(
    py: Python<'py>,
    stage: &str,
    date: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let stage = Stage::parse("stage", stage).py()?;
    let date = crate::dates::date("date", date)?;
    to_python(py, &Lifecycle::new(stage, date))
}

/// A new lifecycle (dict) moved to `stage` on `date`; backward only with `allow_backward`.
#[pyfunction]
#[pyo3(signature = (lifecycle, stage, date, allow_backward = false))]
fn advance_lifecycle<'py>(
    py: Python<'py>,
    lifecycle: &Bound<'py, PyAny>,
    stage: &str,
    date: &Bound<'py, PyAny>,
    allow_backward: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let mut lifecycle = lifecycle_arg(lifecycle)?;
    let stage = Stage::parse("stage", stage).py()?;
    let date = crate::dates::date("date", date)?;
    lifecycle.advance(stage, date, allow_backward).py()?;
    to_python(py, &lifecycle)
}

/// The checkout roadmap (a dict) that matches the sample backlog and `make demo`.
#[pyfunction]
fn sample_roadmap(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_python(py, &core::sample_roadmap())
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<RoadmapValidation>()?;
    m.add_class::<RoadmapProgress>()?;
    m.add_class::<Feasibility>()?;
    m.add_function(wrap_pyfunction!(roadmap_from_json, m)?)?;
    m.add_function(wrap_pyfunction!(roadmap_to_json, m)?)?;
    m.add_function(wrap_pyfunction!(validate_roadmap, m)?)?;
    m.add_function(wrap_pyfunction!(roadmap_progress, m)?)?;
    m.add_function(wrap_pyfunction!(remaining_epics, m)?)?;
    m.add_function(wrap_pyfunction!(feasibility, m)?)?;
    m.add_function(wrap_pyfunction!(new_lifecycle, m)?)?;
    m.add_function(wrap_pyfunction!(advance_lifecycle, m)?)?;
    m.add_function(wrap_pyfunction!(sample_roadmap, m)?)?;
    Ok(())
}
