//! Prioritization scores and the Kano model for Python.

use pyo3::prelude::*;

use super::{backlog_arg, unestimated_arg};
use crate::errors::IntoPy;
use crate::record::record;
use pmkit::work::{self as core, Framework, KanoAnswer};

record!(
    /// A priority score with its provenance: `framework`, `variant`, `inputs`, `score`.
    Score(core::Score) { framework, variant, inputs, score }
);

record!(
    /// The MoSCoW breakdown of the open stories of a backlog.
    MoscowSummary(core::MoscowSummary) { must, should, could, wont, uncategorized, must_have_share, findings }
);

record!(
    /// Respondents' Kano answers on one feature: counts, category, better and worse.
    KanoSummary(core::KanoSummary) {
        attractive, one_dimensional, must_be, indifferent, reverse, questionable,
        respondents, category, better, worse
    }
);

/// RICE: reach × impact × confidence / effort (variant "intercom" or "unrestricted").
#[pyfunction]
#[pyo3(signature = (reach, impact, confidence, effort, variant = None))]
fn rice_score(
    reach: f64,
    impact: f64,
    confidence: f64,
    effort: f64,
    variant: Option<&str>,
) -> PyResult<Score> {
    let variant = Framework::Rice.variant("variant", variant).py()?;
    let inputs = core::RiceInputs {
        reach,
        impact,
        confidence,
        effort,
    };
    core::rice_score(&inputs, variant).py().map(Into::into)
}

/// ICE: impact, confidence, ease on 1..=10 (variant "product" or "mean").
#[pyfunction]
#[pyo3(signature = (impact, confidence, ease, variant = None))]
fn ice_score(impact: f64, confidence: f64, ease: f64, variant: Option<&str>) -> PyResult<Score> {
    let variant = Framework::Ice.variant("variant", variant).py()?;
    let inputs = core::IceInputs {
        impact,
        confidence,
        ease,
    };
    core::ice_score(&inputs, variant).py().map(Into::into)
}

/// WSJF: (user-business value + time criticality + risk reduction) / job size
/// (variant "unrestricted" or "modified_fibonacci").
#[pyfunction]
#[pyo3(signature = (user_business_value, time_criticality, risk_reduction, job_size, variant = None))]
fn wsjf_score(
    user_business_value: f64,
    time_criticality: f64,
    risk_reduction: f64,
    job_size: f64,
    variant: Option<&str>,
) -> PyResult<Score> {
    let variant = Framework::Wsjf.variant("variant", variant).py()?;
    let inputs = core::WsjfInputs {
        user_business_value,
        time_criticality,
        risk_reduction,
        job_size,
    };
    core::wsjf_score(&inputs, variant).py().map(Into::into)
}

/// Value / effort ratio.
#[pyfunction]
fn value_effort_score(value: f64, effort: f64) -> PyResult<Score> {
    core::value_effort_score(&core::ValueEffortInputs { value, effort })
        .py()
        .map(Into::into)
}

/// The value / effort quadrant: "quick_win", "big_bet", "fill_in" or "money_pit".
#[pyfunction]
fn value_effort_quadrant(
    value: f64,
    effort: f64,
    value_threshold: f64,
    effort_threshold: f64,
) -> PyResult<&'static str> {
    core::value_effort_quadrant(value, effort, value_threshold, effort_threshold)
        .py()
        .map(|quadrant| quadrant.as_str())
}

/// A MoSCoW category ("must", "should", "could", "won't") as a score: 3, 2, 1, 0.
#[pyfunction]
fn moscow_score(category: &str) -> PyResult<Score> {
    core::Moscow::parse("category", category)
        .py()
        .map(|category| core::moscow_score(category).into())
}

/// MoSCoW breakdown of the backlog's open stories, with the must-have share of effort.
#[pyfunction]
#[pyo3(signature = (backlog, unestimated_weight = None))]
fn moscow_summary(
    backlog: &Bound<'_, PyAny>,
    unestimated_weight: Option<f64>,
) -> PyResult<MoscowSummary> {
    let backlog = backlog_arg(backlog)?;
    Ok(backlog
        .moscow_summary(unestimated_arg(unestimated_weight)?)
        .into())
}

/// The Kano category of one respondent's functional and dysfunctional answers.
#[pyfunction]
fn kano_category(functional: &str, dysfunctional: &str) -> PyResult<&'static str> {
    let functional = KanoAnswer::parse("functional", functional).py()?;
    let dysfunctional = KanoAnswer::parse("dysfunctional", dysfunctional).py()?;
    Ok(core::kano_category(functional, dysfunctional).as_str())
}

/// Kano category counts, category, better and worse over many respondents.
#[pyfunction]
fn kano_summary(functional: Vec<String>, dysfunctional: Vec<String>) -> PyResult<KanoSummary> {
    let functional = answers("functional", &functional)?;
    let dysfunctional = answers("dysfunctional", &dysfunctional)?;
    core::kano_summary(&functional, &dysfunctional)
        .py()
        .map(Into::into)
}

fn answers(name: &str, texts: &[String]) -> PyResult<Vec<KanoAnswer>> {
    texts
        .iter()
        .enumerate()
        .map(|(index, text)| KanoAnswer::parse(&format!("{name}[{index}]"), text))
        .collect::<pmkit::Result<Vec<_>>>()
        .py()
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Score>()?;
    m.add_class::<MoscowSummary>()?;
    m.add_class::<KanoSummary>()?;
    m.add_function(wrap_pyfunction!(rice_score, m)?)?;
    m.add_function(wrap_pyfunction!(ice_score, m)?)?;
    m.add_function(wrap_pyfunction!(wsjf_score, m)?)?;
    m.add_function(wrap_pyfunction!(value_effort_score, m)?)?;
    m.add_function(wrap_pyfunction!(value_effort_quadrant, m)?)?;
    m.add_function(wrap_pyfunction!(moscow_score, m)?)?;
    m.add_function(wrap_pyfunction!(moscow_summary, m)?)?;
    m.add_function(wrap_pyfunction!(kano_category, m)?)?;
    m.add_function(wrap_pyfunction!(kano_summary, m)?)?;
    Ok(())
}
