//! Stories and acceptance criteria for Python: the functions come from the API
//! description (`pmkit_api::work!`, expanded in `work/mod.rs`). Stories, scenarios and
//! backlogs are returned as plain dicts in the core's JSON form (their schemas are marked
//! `x-pmkit-plain`, so the stubs declare `TypedDict`s); findings are a result class.

use pyo3::prelude::*;

use crate::convert::IntoPython;
use crate::record::{record, to_python};
use pmkit::work as core;

record!(
    /// One broken rule: `rule`, `severity` ("error" or "warning") and `message`.
    Finding(core::Finding) { rule, severity, message }
);

/// A story is returned as its dict.
impl IntoPython for core::Story {
    fn into_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(to_python(py, &self)?.unbind())
    }
}

/// A scenario is returned as its dict.
impl IntoPython for core::Scenario {
    fn into_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(to_python(py, &self)?.unbind())
    }
}

/// A backlog is returned as its dict (`{"stories": [...], "scale": ...}`).
impl IntoPython for core::Backlog {
    fn into_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(to_python(py, &self)?.unbind())
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Finding>()?;
    Ok(())
}
