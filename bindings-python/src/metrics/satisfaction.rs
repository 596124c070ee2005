//! NPS and CSAT (`pmkit::metrics` satisfaction) for Python.

use pyo3::prelude::*;

use crate::errors::IntoPy;
use crate::record::record;

record!(
    /// The result of `net_promoter_score`.
    NpsResult(pmkit::metrics::NpsResult) { score, promoters, passives, detractors, responses }
);

/// Net Promoter Score of answers on 0..=10: 100 × (% promoters − % detractors).
#[pyfunction]
fn net_promoter_score(responses: Vec<f64>) -> PyResult<NpsResult> {
    pmkit::metrics::net_promoter_score(&responses)
        .py()
        .map(Into::into)
}

/// Customer satisfaction score of answers on 1..=scale_max: the share of answers of at
/// least `satisfied_min` ("share"), or the mean answer ("mean").
#[pyfunction]
#[pyo3(signature = (responses, scale_max = 5.0, satisfied_min = 4.0, method = "share"))]
fn customer_satisfaction_score(
    responses: Vec<f64>,
    scale_max: f64,
    satisfied_min: f64,
    method: &str,
) -> PyResult<f64> {
    pmkit::metrics::customer_satisfaction_score(
        &responses,
        pmkit::input::count("scale_max", scale_max).py()?,
        pmkit::input::count("satisfied_min", satisfied_min).py()?,
        pmkit::metrics::CsatMethod::parse("method", method).py()?,
    )
    .py()
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NpsResult>()?;
    m.add_function(wrap_pyfunction!(net_promoter_score, m)?)?;
    m.add_function(wrap_pyfunction!(customer_satisfaction_score, m)?)?;
    Ok(())
}
