//! `pmkit::roadmap` for Python: validation, progress roll-up, lifecycle and feasibility.
//! The functions come from the API description (`pmkit_api::roadmap!`); this file
//! holds their result classes.
//!
//! Roadmaps, backlogs, lifecycles and epics cross as dicts in their JSON form (dates
//! and targets as strings inside them); top-level date arguments take a
//! `datetime.date` or an ISO string. A dict of the wrong shape is `InvalidInputError`
//! on the parameter; a broken rule is the core's error prefixed with the parameter
//! (`roadmap.items[2].id`).

use pyo3::prelude::*;

use crate::convert::python_functions;
use crate::record::record;
use pmkit::roadmap as core;

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

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<RoadmapValidation>()?;
    m.add_class::<RoadmapProgress>()?;
    m.add_class::<Feasibility>()?;
    register_functions(m)
}
