//! `pmkit::chart` for Python: the `Chart` class (inline SVG in Jupyter, `save`) and one
//! function per chart, with keyword options `width`, `height` and `theme`.
//!
//! A model argument is the result object its function returns (`SprintReport` …) or
//! that object's `to_dict()` form; inputs (histories, roadmaps) are dicts. The
//! `.chart()` methods of the result classes call [`draw`].

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::pyclass::boolean_struct::True;
use pyo3::PyClass;
use serde::de::DeserializeOwned;

use crate::errors::IntoPy;
use crate::record::{from_python, to_python};
use pmkit::chart::{self as core, ChartOptions, Theme};

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

/// A size in pixels: a whole number (`count`), then the core's range check.
fn pixels(field: &str, value: f64) -> PyResult<u32> {
    let count = pmkit::input::count(field, value).py()?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

/// Checked options from the keyword arguments (errors name `width`, `height`, `theme`).
pub fn options(width: f64, height: f64, theme: &str) -> PyResult<ChartOptions> {
    let width = pixels("width", width)?;
    let height = pixels("height", height)?;
    let theme = Theme::parse("theme", theme).py()?;
    ChartOptions::new(width, height, theme).py()
}

/// Draw `model` with the keyword options: what every function and `.chart()` does.
pub fn draw<T: ?Sized>(
    chart: fn(&T, &ChartOptions) -> core::Chart,
    model: &T,
    width: f64,
    height: f64,
    theme: &str,
) -> PyResult<Chart> {
    Ok(chart(model, &options(width, height, theme)?).into())
}

/// A model argument: the result object `R` (its core value is cloned) or its
/// `to_dict()` form (a shape error names `field`).
fn model<R, T>(field: &str, value: &Bound<'_, PyAny>, core_of: fn(&R) -> &T) -> PyResult<T>
where
    R: PyClass<Frozen = True> + Sync,
    T: DeserializeOwned + Clone,
{
    match value.cast::<R>() {
        Ok(native) => Ok(core_of(native.get()).clone()),
        Err(_) => from_python(field, value),
    }
}

/// A chart function over one result object `$class` (or its `to_dict()` form), named
/// after the core's, with the keyword options every chart takes.
macro_rules! model_chart {
    ($(#[$doc:meta])* $name:ident($arg:ident: $class:ty)) => {
        $(#[$doc])*
        #[pyfunction]
        #[pyo3(signature = ($arg, *, width = 720.0, height = 400.0, theme = "light"))]
        fn $name($arg: &Bound<'_, PyAny>, width: f64, height: f64, theme: &str) -> PyResult<Chart> {
            let model = model(stringify!($arg), $arg, |value: &$class| &value.0)?;
            draw(core::$name, &model, width, height, theme)
        }
    };
}

model_chart!(
    /// The sprint's burndown: remaining, ideal and scope over its days.
    burndown_chart(report: crate::sprint::SprintReport)
);

model_chart!(
    /// The sprint's burnup: done against scope over its days.
    burnup_chart(report: crate::sprint::SprintReport)
);

/// Committed vs completed points per closed sprint (dicts, oldest first), with the mean.
#[pyfunction]
#[pyo3(signature = (history, *, width = 720.0, height = 400.0, theme = "light"))]
fn velocity_chart(
    history: &Bound<'_, PyAny>,
    width: f64,
    height: f64,
    theme: &str,
) -> PyResult<Chart> {
    let history: Vec<pmkit::sprint::SprintOutcome> = from_python("history", history)?;
    draw(
        core::velocity_chart,
        history.as_slice(),
        width,
        height,
        theme,
    )
}

model_chart!(
    /// The cumulative flow of a board (a `cumulative_flow` result): one band per column.
    cumulative_flow_chart(flow: crate::flow::CumulativeFlow)
);

model_chart!(
    /// Cycle time of each finished item (an `item_timelines` result) by finish day, with
    /// percentile lines.
    cycle_time_chart(timelines: crate::flow::Timelines)
);

model_chart!(
    /// The histogram of a Monte Carlo "when" forecast (a `forecast_when` result), with its
    /// percentiles.
    forecast_chart(forecast: crate::forecast::WhenForecast)
);

/// The roadmap (a dict) as a timeline, with `today` (a `datetime.date` or ISO string)
/// marked.
#[pyfunction]
#[pyo3(signature = (roadmap, today, *, width = 720.0, height = 400.0, theme = "light"))]
fn roadmap_chart(
    roadmap: &Bound<'_, PyAny>,
    today: &Bound<'_, PyAny>,
    width: f64,
    height: f64,
    theme: &str,
) -> PyResult<Chart> {
    let roadmap: pmkit::roadmap::Roadmap = from_python("roadmap", roadmap)?;
    roadmap.check().map_err(|err| err.within("roadmap")).py()?;
    let today = crate::dates::date("today", today)?;
    let options = options(width, height, theme)?;
    Ok(core::roadmap_chart(&roadmap, today, &options).into())
}

model_chart!(
    /// The retention matrix (a `retention` result) as a cohort heatmap.
    retention_chart(retention: crate::analytics::Retention)
);

model_chart!(
    /// Daily, weekly and monthly active users (an `active_users` result) over the days.
    active_users_chart(active: crate::analytics::ActiveUsers)
);

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Chart>()?;
    m.add_function(wrap_pyfunction!(burndown_chart, m)?)?;
    m.add_function(wrap_pyfunction!(burnup_chart, m)?)?;
    m.add_function(wrap_pyfunction!(velocity_chart, m)?)?;
    m.add_function(wrap_pyfunction!(cumulative_flow_chart, m)?)?;
    m.add_function(wrap_pyfunction!(cycle_time_chart, m)?)?;
    m.add_function(wrap_pyfunction!(forecast_chart, m)?)?;
    m.add_function(wrap_pyfunction!(roadmap_chart, m)?)?;
    m.add_function(wrap_pyfunction!(retention_chart, m)?)?;
    m.add_function(wrap_pyfunction!(active_users_chart, m)?)?;
    Ok(())
}
