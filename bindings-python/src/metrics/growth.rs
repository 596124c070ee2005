//! Growth and usage metrics (`pmkit::metrics` growth) for Python.

use pyo3::prelude::*;

use crate::errors::IntoPy;

/// Conversion rate: conversions / visitors, as a fraction.
#[pyfunction]
fn conversion_rate(conversions: f64, visitors: f64) -> PyResult<f64> {
    let conversions = pmkit::input::count("conversions", conversions).py()?;
    let visitors = pmkit::input::count("visitors", visitors).py()?;
    pmkit::metrics::conversion_rate(conversions, visitors).py()
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(conversion_rate, m)?)?;
    Ok(())
}
