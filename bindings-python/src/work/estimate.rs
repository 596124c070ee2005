//! Estimate scales for Python.

use pyo3::prelude::*;

use super::scale_arg;
use crate::errors::IntoPy;
use crate::record::to_python;
use pmkit::work::{EstimateScale, ScalePreset};

/// A ready-made estimate scale (a dict): "fibonacci", "modified_fibonacci",
/// "powers_of_two", "linear" or "t_shirt".
#[pyfunction]
#[pyo3(signature = (preset = "modified_fibonacci"))]
fn estimate_scale<'py>(py: Python<'py>, preset: &str) -> PyResult<Bound<'py, PyAny>> {
    let preset = ScalePreset::parse("preset", preset).py()?;
    to_python(py, &EstimateScale::preset(preset))
}

/// The card (a dict) whose weight is `points`.
#[pyfunction]
fn estimate_card<'py>(
    py: Python<'py>,
    scale: &Bound<'py, PyAny>,
    points: f64,
) -> PyResult<Bound<'py, PyAny>> {
    let scale = required_scale(scale)?;
    to_python(py, scale.card("points", points).py()?)
}

fn required_scale(scale: &Bound<'_, PyAny>) -> PyResult<EstimateScale> {
    scale_arg("scale", Some(scale))?.ok_or_else(|| {
        crate::errors::to_py(pmkit::Error::invalid(
            "scale",
            "is None; pass a scale such as estimate_scale()",
        ))
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(estimate_scale, m)?)?;
    m.add_function(wrap_pyfunction!(estimate_card, m)?)?;
    Ok(())
}
