//! The metric catalog (`pmkit::metrics` catalog) for Python.

use pyo3::prelude::*;

use crate::record::record;

record!(
    /// One metric's catalog entry: name, owners, unit, direction, formula, source, function.
    MetricInfo(pmkit::metrics::MetricInfo) {
        id, name, owners, unit, higher_is_better, formula, source, function
    }
);

/// Every metric pmkit computes, with its catalog entry.
#[pyfunction]
fn metrics_catalog() -> Vec<MetricInfo> {
    pmkit::metrics::metrics_catalog()
        .into_iter()
        .map(Into::into)
        .collect()
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<MetricInfo>()?;
    m.add_function(wrap_pyfunction!(metrics_catalog, m)?)?;
    Ok(())
}
