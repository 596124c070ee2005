//! The product dashboard (`pmkit::dashboard`) for Python: product files (JSON or a
//! Jira CSV export) and every number and chart the browser page shows.

use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::chart::Chart;
use crate::convert::python_functions;
use crate::record::to_python;
use pmkit::dashboard as core;

/// Every number and chart of the dashboard: `product_dashboard(file)`. Sections are
/// dicts in their JSON form (`None` when absent); `charts` are `Chart` objects, shown
/// inline by Jupyter.
#[pyclass(frozen, module = "pmkit")]
#[derive(Debug, Clone)]
pub struct Dashboard(pub core::Dashboard);

#[pymethods]
impl Dashboard {
    #[getter]
    fn product(&self) -> String {
        self.0.product.clone()
    }

    #[getter]
    fn today<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0.today)
    }

    #[getter]
    fn scorecard<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0.scorecard)
    }

    #[getter]
    fn backlog<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0.backlog)
    }

    #[getter]
    fn sprint<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0.sprint)
    }

    #[getter]
    fn velocity<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0.velocity)
    }

    #[getter]
    fn flow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0.flow)
    }

    #[getter]
    fn forecast<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0.forecast)
    }

    #[getter]
    fn roadmap<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0.roadmap)
    }

    #[getter]
    fn charts(&self) -> Vec<Chart> {
        self.0.charts.iter().cloned().map(Chart::from).collect()
    }

    /// The value in its JSON form (the same shape in Rust, Python and JavaScript).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let present = [
            ("scorecard", self.0.scorecard.is_some()),
            ("backlog", self.0.backlog.is_some()),
            ("sprint", self.0.sprint.is_some()),
            ("velocity", self.0.velocity.is_some()),
            ("flow", self.0.flow.is_some()),
            ("forecast", self.0.forecast.is_some()),
            ("roadmap", self.0.roadmap.is_some()),
        ];
        let sections: Vec<&str> = present
            .iter()
            .filter(|(_, shown)| *shown)
            .map(|(name, _)| *name)
            .collect();
        let product = PyString::new(py, &self.0.product).repr()?;
        Ok(format!(
            "Dashboard(product={product}, sections=[{}], charts={})",
            sections.join(", "),
            self.0.charts.len()
        ))
    }

    fn __eq__(&self, other: PyRef<'_, Self>) -> bool {
        self.0 == other.0
    }
}

impl crate::convert::IntoPython for core::Dashboard {
    fn into_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(Py::new(py, Dashboard(self))?.into_any())
    }
}

pmkit_api::dashboard!(python_functions);

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Dashboard>()?;
    register_functions(m)
}
