//! Stories, acceptance criteria and the INVEST lint for Python.

use pyo3::prelude::*;

use super::{context_arg, rules_arg};
use crate::errors::IntoPy;
use crate::record::{from_python, record, to_python};
use pmkit::work::{self as core, Story};

record!(
    /// One broken rule: `rule`, `severity` ("error" or "warning") and `message`.
    Finding(core::Finding) { rule, severity, message }
);

/// A story (dict) from its Connextra sentence: "As a <persona>, I want <goal>, so that <benefit>".
#[pyfunction]
fn parse_story<'py>(py: Python<'py>, id: &str, text: &str) -> PyResult<Bound<'py, PyAny>> {
    to_python(py, &Story::parse(id, text).py()?)
}

/// The story (a dict) as a Connextra sentence.
#[pyfunction]
fn to_connextra(story: &Bound<'_, PyAny>) -> PyResult<String> {
    let story: Story = from_python("story", story)?;
    story.to_connextra().map_err(|err| err.within("story")).py()
}

/// Given / When / Then scenarios (a list of dicts) from Gherkin-style text.
#[pyfunction]
fn parse_acceptance_criteria<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    to_python(py, &core::parse_acceptance_criteria(text).py()?)
}

/// INVEST findings of a story, for the given rules (all story rules by default).
#[pyfunction]
#[pyo3(signature = (story, context = None, rules = None))]
fn invest_findings(
    story: &Bound<'_, PyAny>,
    context: Option<&Bound<'_, PyAny>>,
    rules: Option<Vec<String>>,
) -> PyResult<Vec<Finding>> {
    let story: Story = from_python("story", story)?;
    let rules = rules_arg("rules", &rules.unwrap_or_default())?;
    core::invest_findings(&story, &context_arg(context)?, &rules)
        .py()
        .map(|findings| findings.into_iter().map(Finding::from).collect())
}

/// Whether a story passes the Definition of Ready (a list of rule names).
#[pyfunction]
#[pyo3(signature = (story, definition_of_ready, context = None))]
fn is_ready(
    story: &Bound<'_, PyAny>,
    definition_of_ready: Vec<String>,
    context: Option<&Bound<'_, PyAny>>,
) -> PyResult<bool> {
    let story: Story = from_python("story", story)?;
    let definition = rules_arg("definition_of_ready", &definition_of_ready)?;
    core::is_ready(&story, &definition, &context_arg(context)?).py()
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Finding>()?;
    m.add_function(wrap_pyfunction!(parse_story, m)?)?;
    m.add_function(wrap_pyfunction!(to_connextra, m)?)?;
    m.add_function(wrap_pyfunction!(parse_acceptance_criteria, m)?)?;
    m.add_function(wrap_pyfunction!(invest_findings, m)?)?;
    m.add_function(wrap_pyfunction!(is_ready, m)?)?;
    Ok(())
}
