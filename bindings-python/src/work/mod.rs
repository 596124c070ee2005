//! The backlog (`pmkit::work`) for Python.
//!
//! Stories, backlogs and scales cross as dicts in their JSON form (the same shape in
//! Rust, Python and JavaScript); results are `record!` classes. A dict of the wrong
//! shape is `InvalidInputError` on the parameter; a broken rule of the core (a repeated
//! id, an estimate off the scale) is the core's error prefixed with the parameter
//! (`backlog.stories[1].id`).

use pyo3::prelude::*;

use crate::convert::python_functions;

mod backlog;
mod estimate;
mod prioritize;
mod story;

pmkit_api::work!(python_functions);

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    story::register(m)?;
    prioritize::register(m)?;
    backlog::register(m)?;
    register_functions(m)
}
