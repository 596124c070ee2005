//! Partial counts for Python: one picklable `Counts` class for every metric, merged with
//! `merge_counts` and finished with `finish_counts` (described: `super::described`) or
//! its own `merge()` and `finish()`.

use pyo3::prelude::*;
use pyo3::types::PyTuple;

use super::metrics::{ActiveUsers, Retention};
use super::more::{Adoption, Churn, Funnel, StickinessHistogram, UserLifecycle};
use crate::errors::IntoPy;
use crate::record::{from_python, to_python};
use pmkit::analytics as core;

/// Partial counts of one metric for a shard of users. Counts of shards partitioned by
/// user add up (`merge_counts`); `finish()` gives the metric. Pickles through its dict
/// form and its event names, so it crosses process boundaries (Dask, multiprocessing).
///
/// The second field holds the event names the counts' event codes stand for (code `k`
/// is `names[k]`) when the call was given names; the finished metric reports them.
#[pyclass(frozen, module = "pmkit")]
#[derive(Debug, Clone)]
pub struct Counts(pub core::Counts, pub Option<Vec<String>>);

/// A `Counts` object (borrowed) or its dict form (which has no event names).
pub(super) fn counts_arg(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Counts> {
    match value.cast::<Counts>() {
        Ok(native) => Ok(native.get().clone()),
        Err(_) => Ok(Counts(from_python(field, value)?, None)),
    }
}

fn same_names(
    field: &str,
    ours: Option<Vec<String>>,
    theirs: Option<Vec<String>>,
) -> PyResult<Option<Vec<String>>> {
    pmkit_api::analytics::same_names(field, ours, theirs).py()
}

/// The finished metric as its result class, reporting `names` for event codes.
pub(super) fn finished(
    py: Python<'_>,
    metric: core::Metric,
    names: Option<Vec<String>>,
) -> PyResult<Py<PyAny>> {
    Ok(match metric {
        core::Metric::ActiveUsers(value) => Py::new(py, ActiveUsers(value))?.into_any(),
        core::Metric::Retention(value) => Py::new(py, Retention(value, names))?.into_any(),
        core::Metric::ActivityChurn(value) => Py::new(py, Churn(value))?.into_any(),
        core::Metric::FeatureAdoption(value) => Py::new(py, Adoption(value, names))?.into_any(),
        core::Metric::EventFunnel(value) => Py::new(py, Funnel(value, names))?.into_any(),
        core::Metric::StickinessHistogram(value) => {
            Py::new(py, StickinessHistogram(value))?.into_any()
        }
        core::Metric::UserLifecycle(value) => Py::new(py, UserLifecycle(value))?.into_any(),
    })
}

#[pymethods]
impl Counts {
    /// Counts from their dict form (`to_dict()`), with the event names their event
    /// codes stand for when the call that made them was given names.
    #[new]
    #[pyo3(signature = (value, event_names = None))]
    fn new(value: &Bound<'_, PyAny>, event_names: Option<Vec<String>>) -> PyResult<Self> {
        let counts = counts_arg("counts", value)?;
        let names = same_names("event_names", counts.1, event_names)?;
        Ok(Counts(counts.0, names))
    }

    /// The event names the counts' event codes stand for (`None`: codes as given).
    #[getter]
    fn event_names(&self) -> Option<Vec<String>> {
        self.1.clone()
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
        let other = counts_arg("other", other)?;
        let names = same_names("other", self.1.clone(), other.1)?;
        let mut total = self.0.clone();
        total.merge(&other.0, "other").py()?;
        Ok(Counts(total, names))
    }

    /// The metric these counts describe.
    fn finish(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        finished(py, self.0.finish().py()?, self.1.clone())
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let class = py.get_type::<Counts>();
        let names = self.1.clone().into_pyobject(py)?;
        let args = PyTuple::new(py, [self.to_dict(py)?, names.into_any()])?;
        PyTuple::new(py, [class.into_any(), args.into_any()])
    }

    fn __repr__(&self) -> String {
        format!("Counts(metric={:?})", self.0.metric())
    }

    fn __eq__(&self, other: PyRef<'_, Self>) -> bool {
        self.0 == other.0 && self.1 == other.1
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Counts>()?;
    Ok(())
}
