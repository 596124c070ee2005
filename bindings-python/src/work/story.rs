//! Stories and acceptance criteria for Python. `to_connextra`, `invest_findings` and
//! `is_ready` come from the API description (`pmkit_api::work!`, expanded in
//! `work/mod.rs`); `parse_story` and `parse_acceptance_criteria` stay hand-written, as
//! they return plain dicts in the core's JSON form.

use pyo3::prelude::*;

use crate::errors::IntoPy;
use crate::record::{record, to_python};
use pmkit::work::{self as core, Story};

record!(
    /// One broken rule: `rule`, `severity` ("error" or "warning") and `message`.
    Finding(core::Finding) { rule, severity, message }
);

/// A story (dict) from its Connextra sentence: "As a <persona>, I want <goal>, so that <benefit>".
#[pyfunction]
fn parse_story<'py>(
    py: Python<'py>,
    id: &Bound<'py, PyAny>,
    text: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let id = crate::convert::text("id", id)?;
    let text = crate::convert::text("text", text)?;
    to_python(py, &Story::parse(&id, &text).py()?)
}

/// Given / When / Then scenarios (a list of dicts) from Gherkin-style text.
#[pyfunction]
fn parse_acceptance_criteria<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let text = crate::convert::text("text", text)?;
    to_python(py, &core::parse_acceptance_criteria(&text).py()?)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Finding>()?;
    m.add_function(wrap_pyfunction!(parse_story, m)?)?;
    m.add_function(wrap_pyfunction!(parse_acceptance_criteria, m)?)?;
    Ok(())
}
