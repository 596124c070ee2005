//! The scorecard (`pmkit::scorecard`) for Python: every KPI of a product snapshot.

use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::errors::IntoPy;
use crate::record::{from_python, record, to_python};

record!(
    /// Every KPI computed for one product: `kpi_scorecard(snapshot)`.
    Scorecard(pmkit::scorecard::Scorecard) { product, currency, readings, missing }
);

/// A snapshot from a dict (the JSON form) or JSON text.
fn to_snapshot(value: &Bound<'_, PyAny>) -> PyResult<pmkit::scorecard::ProductSnapshot> {
    if value.is_instance_of::<PyString>() {
        let text: String = value.extract()?;
        return pmkit::scorecard::ProductSnapshot::from_json(&text).py();
    }
    from_python("snapshot", value)
}

/// Every KPI the snapshot (a dict in the JSON form, or JSON text) has inputs for.
#[pyfunction]
fn kpi_scorecard(snapshot: &Bound<'_, PyAny>) -> PyResult<Scorecard> {
    pmkit::scorecard::scorecard(&to_snapshot(snapshot)?)
        .py()
        .map(Into::into)
}

/// The bundled sample product (what `make demo` reports on), as a dict.
#[pyfunction]
fn sample_snapshot(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_python(py, &pmkit::scorecard::sample_snapshot())
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Scorecard>()?;
    m.add_function(wrap_pyfunction!(kpi_scorecard, m)?)?;
    m.add_function(wrap_pyfunction!(sample_snapshot, m)?)?;
    Ok(())
}
