//! `pmkit::chart` for Python: the `Chart` class (inline SVG in Jupyter, `save`), the
//! chart functions from the API description (`pmkit_api::chart!`, keyword options
//! `width`, `height`, `theme` read into the core's `ChartOptions`), and [`chart_with`]
//! for the `.chart(**options)` methods of the result classes.
//!
//! A leaf module: it imports no other area. A model argument is the result object its
//! function returns (`SprintReport` …, read through its `to_dict()`) or that dict.

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::python_functions;
use crate::errors::IntoPy;
use crate::record::to_python;
use pmkit::chart::{self as core, ChartOptions};

/// A drawn chart: its kind, title, description, size and the SVG document.
///
/// Jupyter shows it inline (`_repr_svg_`); `str(chart)` is the SVG; `save(path)`
/// writes it.
#[pyclass(frozen, module = "pmkit")]
#[derive(Debug, Clone)]
pub struct Chart(pub core::Chart);

#[pymethods]
impl Chart {
    /// Which chart (`"burndown"`, `"velocity"` …).
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }

    /// The title, as drawn and as the SVG's `<title>`.
    #[getter]
    fn title(&self) -> String {
        self.0.title.clone()
    }

    /// The data in words (the SVG's `<desc>`), for alt text.
    #[getter]
    fn description(&self) -> String {
        self.0.description.clone()
    }

    /// Width in pixels.
    #[getter]
    fn width(&self) -> u32 {
        self.0.width
    }

    /// Height in pixels.
    #[getter]
    fn height(&self) -> u32 {
        self.0.height
    }

    /// The SVG document.
    #[getter]
    fn svg(&self) -> String {
        self.0.svg.clone()
    }

    /// The SVG, for IPython/Jupyter's inline display.
    fn _repr_svg_(&self) -> String {
        self.0.svg.clone()
    }

    /// Write the SVG document to `path` (a str or os.PathLike) as UTF-8.
    fn save(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        std::fs::write(&path, self.0.svg.as_bytes()).map_err(|err| {
            // OSError(errno, strerror, filename): Python picks the subclass
            // (FileNotFoundError, PermissionError, ...) and its message names the path.
            let Some(errno) = err.raw_os_error() else {
                return PyErr::from(err);
            };
            let strerror = py
                .import("os")
                .and_then(|os| os.call_method1("strerror", (errno,)))
                .and_then(|text| text.extract::<String>())
                .unwrap_or_else(|_| err.to_string());
            let filename = path.to_string_lossy().into_owned();
            pyo3::exceptions::PyOSError::new_err((errno, strerror, filename))
        })
    }

    /// The value in its JSON form (the same shape in Rust, Python and JavaScript).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0)
    }

    fn __str__(&self) -> String {
        self.0.svg.clone()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let title = pyo3::types::PyString::new(py, &self.0.title).repr()?;
        Ok(format!(
            "Chart(kind='{}', title={title}, width={}, height={})",
            self.0.kind.as_str(),
            self.0.width,
            self.0.height
        ))
    }

    fn __eq__(&self, other: PyRef<'_, Self>) -> bool {
        self.0 == other.0
    }
}

impl From<core::Chart> for Chart {
    fn from(value: core::Chart) -> Self {
        Self(value)
    }
}

impl crate::convert::IntoPython for core::Chart {
    fn into_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(Py::new(py, Chart(self))?.into_any())
    }
}

pmkit_api::chart!(python_functions);

/// Draw `model` with the chart options given as keyword arguments (`**options`: the
/// core's `ChartOptions`, `None` meaning the default; errors name the keyword). What
/// a result class's `.chart(**options)` calls.
pub fn chart_with<T: ?Sized>(
    py: Python<'_>,
    chart: fn(&T, &ChartOptions) -> core::Chart,
    model: &T,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Chart> {
    let options: ChartOptions = crate::convert::options(py, options)?;
    Ok(chart(model, &options.checked().py()?).into())
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Chart>()?;
    register_functions(m)
}
