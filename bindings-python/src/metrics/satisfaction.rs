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

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NpsResult>()?;
    m.add_function(wrap_pyfunction!(net_promoter_score, m)?)?;
    Ok(())
}
