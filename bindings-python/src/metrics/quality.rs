//! Defect density and defect escape rate (`pmkit::metrics` quality) for Python.

use pyo3::prelude::*;

use crate::errors::IntoPy;

/// Defect density: (severity-weighted) defects per KLOC.
#[pyfunction]
#[pyo3(signature = (defect_counts, size_kloc, severity_weights = None))]
fn defect_density(
    defect_counts: Vec<f64>,
    size_kloc: f64,
    severity_weights: Option<Vec<f64>>,
) -> PyResult<f64> {
    let defect_counts = pmkit::input::counts("defect_counts", &defect_counts).py()?;
    pmkit::metrics::defect_density(&defect_counts, size_kloc, severity_weights.as_deref()).py()
}

/// Defect escape rate: found_in_production / all defects found, as a fraction.
#[pyfunction]
fn defect_escape_rate(found_in_production: f64, found_before_release: f64) -> PyResult<f64> {
    let found_in_production =
        pmkit::input::count("found_in_production", found_in_production).py()?;
    let found_before_release =
        pmkit::input::count("found_before_release", found_before_release).py()?;
    pmkit::metrics::defect_escape_rate(found_in_production, found_before_release).py()
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(defect_density, m)?)?;
    m.add_function(wrap_pyfunction!(defect_escape_rate, m)?)?;
    Ok(())
}
