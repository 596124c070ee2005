//! The backlog (`pmkit::work`) for Python.
//!
//! Stories, backlogs and scales cross as dicts in their JSON form (the same shape in
//! Rust, Python and JavaScript); results are `record!` classes. A dict of the wrong
//! shape is `InvalidInputError` on the parameter; a broken rule of the core (a repeated
//! id, an estimate off the scale) is the core's error prefixed with the parameter
//! (`backlog.stories[1].id`).

use pyo3::prelude::*;

use crate::convert::python_functions;
use crate::record::from_python;
use pmkit::work::{Backlog, BacklogParts, EstimateScale, ScaleParts};

use crate::errors::IntoPy;

mod backlog;
mod estimate;
mod prioritize;
mod story;

pmkit_api::work!(python_functions);

/// A backlog from its dict form; errors name `backlog`.
fn backlog_arg(value: &Bound<'_, PyAny>) -> PyResult<Backlog> {
    let parts: BacklogParts = from_python("backlog", value)?;
    Backlog::try_from(parts)
        .map_err(|err| err.within("backlog"))
        .py()
}

/// An optional scale from its dict form; errors name `name`.
fn scale_arg(name: &str, value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<EstimateScale>> {
    let Some(value) = value.filter(|value| !value.is_none()) else {
        return Ok(None);
    };
    let parts: ScaleParts = from_python(name, value)?;
    EstimateScale::try_from(parts)
        .map(Some)
        .map_err(|err| err.within(name))
        .py()
}

/// A 1-based rank given as a float.
fn rank_arg(rank: f64) -> PyResult<usize> {
    let rank = pmkit::input::count("rank", rank).py()?;
    usize::try_from(rank)
        .map_err(|_| crate::errors::to_py(pmkit::Error::out_of_range("rank", "is too large")))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    story::register(m)?;
    prioritize::register(m)?;
    backlog::register(m)?;
    register_functions(m)
}
