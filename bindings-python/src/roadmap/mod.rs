//! `pmkit::roadmap` for Python: validation, progress roll-up, lifecycle and feasibility.
//! Most functions come from the API description (`pmkit_api::roadmap!`); the two that
//! read a backlog (`roadmap_progress`, `remaining_epics`) are written here until the
//! backlog's JSON form is described.
//!
//! Roadmaps, backlogs, lifecycles and epics cross as dicts in their JSON form (dates
//! and targets as strings inside them); top-level date arguments take a
//! `datetime.date` or an ISO string. A dict of the wrong shape is `InvalidInputError`
//! on the parameter; a broken rule is the core's error prefixed with the parameter
//! (`roadmap.items[2].id`).

use pyo3::prelude::*;

use crate::convert::python_functions;
use crate::errors::IntoPy;
use crate::record::{from_python, record, to_python};
use pmkit::roadmap::{self as core, Roadmap};
use pmkit::work::{Backlog, BacklogParts};

pmkit_api::roadmap!(python_functions);

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

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<RoadmapValidation>()?;
    m.add_class::<RoadmapProgress>()?;
    m.add_class::<Feasibility>()?;
    m.add_function(wrap_pyfunction!(roadmap_progress, m)?)?;
    m.add_function(wrap_pyfunction!(remaining_epics, m)?)?;
    register_functions(m)
}
