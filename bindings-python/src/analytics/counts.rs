//! Partial counts for Python: one picklable `Counts` class for every metric, merged with
//! `merge_counts` and finished with `finish_counts` (or `Counts.finish()`).

use pyo3::prelude::*;
use pyo3::types::PyTuple;

use super::metrics::{ActiveUsers, Retention};
use super::more::{Adoption, Churn, Funnel, StickinessHistogram};
use crate::errors::IntoPy;
use crate::record::{from_python, to_python};
use pmkit::analytics as core;

/// Partial counts of one metric for a shard of users. Counts of shards partitioned by
/// user add up (`merge_counts`); `finish()` gives the metric. Pickles through its dict
/// form, so it crosses process boundaries (Dask, multiprocessing).
#[pyclass(frozen, module = "pmkit")]
#[derive(Debug, Clone)]
pub struct Counts(pub core::Counts);

/// A `Counts` object (borrowed) or its dict form.
fn counts_arg(field: &str, value: &Bound<'_, PyAny>) -> PyResult<core::Counts> {
    match value.cast::<Counts>() {
        Ok(native) => Ok(native.get().0.clone()),
        Err(_) => from_python(field, value),
    }
}

/// The finished metric as its result class.
fn finished(py: Python<'_>, metric: core::Metric) -> PyResult<Py<PyAny>> {
    Ok(match metric {
        core::Metric::ActiveUsers(value) => Py::new(py, ActiveUsers(value))?.into_any(),
        core::Metric::Retention(value) => Py::new(py, Retention(value))?.into_any(),
        core::Metric::ActivityChurn(value) => Py::new(py, Churn(value))?.into_any(),
        core::Metric::FeatureAdoption(value) => Py::new(py, Adoption(value))?.into_any(),
        core::Metric::EventFunnel(value) => Py::new(py, Funnel(value))?.into_any(),
        core::Metric::StickinessHistogram(value) => {
            Py::new(py, StickinessHistogram(value))?.into_any()
        }
    })
}

#[pymethods]
impl Counts {
    /// Counts from their dict form (`to_dict()`).
    #[new]
    fn new(value: &Bound<'_, PyAny>) -> PyResult<Self> {
        counts_arg("counts", value).map(Counts)
    }

    /// The metric these counts are of (`"retention"`).
    #[getter]
    fn metric(&self) -> &'static str {
        self.0.metric()
    }

    /// The counts in their JSON form (the same shape in Rust, Python and JavaScript).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0)
    }

    /// These counts plus another shard's.
    fn merge(&self, other: &Bound<'_, PyAny>) -> PyResult<Counts> {
        let mut total = self.0.clone();
        total.merge(&counts_arg("other", other)?, "other").py()?;
        Ok(Counts(total))
    }

    /// The metric these counts describe.
    fn finish(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        finished(py, self.0.finish().py()?)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let class = py.get_type::<Counts>();
        let args = PyTuple::new(py, [self.to_dict(py)?])?;
        PyTuple::new(py, [class.into_any(), args.into_any()])
    }

    fn __repr__(&self) -> String {
        format!("Counts(metric={:?})", self.0.metric())
    }

    fn __eq__(&self, other: PyRef<'_, Self>) -> bool {
        self.0 == other.0
    }
}

/// The sum of partial counts from shards partitioned by user.
#[pyfunction]
fn merge_counts(py: Python<'_>, parts: &Bound<'_, PyAny>) -> PyResult<Counts> {
    let parts: Vec<core::Counts> = parts
        .try_iter()?
        .enumerate()
        .map(|(index, part)| counts_arg(&format!("parts[{index}]"), &part?))
        .collect::<PyResult<_>>()?;
    py.detach(|| core::merge_counts(&parts)).py().map(Counts)
}

/// The metric that (merged) partial counts describe.
#[pyfunction]
fn finish_counts(py: Python<'_>, counts: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    let counts = counts_arg("counts", counts)?;
    finished(py, counts.finish().py()?)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Counts>()?;
    m.add_function(wrap_pyfunction!(merge_counts, m)?)?;
    m.add_function(wrap_pyfunction!(finish_counts, m)?)?;
    Ok(())
}
