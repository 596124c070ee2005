//! `named_record!`: a result class whose event codes read back as the event names the
//! call was given (`Funnel.steps == ["view", "cart"]`), else as codes.
//!
//! The class holds the core value and, when events were names, the names its event
//! codes stand for (code `k` is `names[k]`, see `pmkit_api::analytics::Named`). Attributes and
//! `to_dict()` are the core's serde form with the event fields relabelled; everything
//! else is as `record!` makes it.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

/// `value` (a field in its Python form) with event codes replaced by `names[code]`: an
/// int, a list of ints, or the `start_event` / `return_event` entries of a dict.
pub fn relabel<'py>(
    value: Bound<'py, PyAny>,
    names: Option<&[String]>,
) -> PyResult<Bound<'py, PyAny>> {
    let Some(names) = names else {
        return Ok(value);
    };
    let py = value.py();
    if let Ok(dict) = value.cast::<PyDict>() {
        for key in ["start_event", "return_event"] {
            if let Some(code) = dict.get_item(key)? {
                dict.set_item(key, relabel(code, Some(names))?)?;
            }
        }
        return Ok(value);
    }
    if let Ok(list) = value.cast::<PyList>() {
        let items = list
            .iter()
            .map(|item| relabel(item, Some(names)))
            .collect::<PyResult<Vec<_>>>()?;
        return Ok(PyList::new(py, items)?.into_any());
    }
    match value
        .extract::<usize>()
        .ok()
        .and_then(|code| names.get(code))
    {
        Some(name) => Ok(pyo3::types::PyString::new(py, name).into_any()),
        None => Ok(value),
    }
}

macro_rules! named_record {
    (
        $(#[$meta:meta])* $name:ident($core:ty) { $($field:ident $(: $conv:ident)?),* $(,)? }
        named { $($named:ident),* $(,)? }
        $(with $with:ident)?
        $(chart($chart:path, $chart_doc:literal))?
        $(methods { $($method:tt)* })?
    ) => {
        $(#[$meta])*
        #[pyclass(frozen, module = "pmkit")]
        #[derive(Debug, Clone)]
        pub struct $name(pub $core, pub Option<Vec<String>>);

        #[pymethods]
        impl $name {
            $(
                #[getter]
                fn $named<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                    $crate::analytics::named::relabel(
                        $crate::record::to_python(py, &self.0.$named)?,
                        self.1.as_deref(),
                    )
                }
            )*
            $(
                #[getter]
                fn $field<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                    $crate::record::field_value!(py, &self.0.$field $(, $conv)?)
                }
            )*

            $(
                #[doc = concat!("The result as an Arrow ", stringify!($with), " (PyCapsule), event names in place of codes: the long form, or the wide one.")]
                #[pyo3(signature = (*, wide = false))]
                fn to_arrow<'py>(&self, py: Python<'py>, wide: bool) -> PyResult<Bound<'py, PyAny>> {
                    $crate::frames::frame(py, &self.0, self.1.as_deref(), wide, $crate::frames::Frame::Arrow)
                }

                /// The result as a polars DataFrame: the long form, or the wide one.
                #[pyo3(signature = (*, wide = false))]
                fn to_polars<'py>(&self, py: Python<'py>, wide: bool) -> PyResult<Bound<'py, PyAny>> {
                    $crate::frames::frame(py, &self.0, self.1.as_deref(), wide, $crate::frames::Frame::Polars)
                }

                /// The result as a pandas DataFrame: the long form, or the wide one.
                #[pyo3(signature = (*, wide = false))]
                fn to_pandas<'py>(&self, py: Python<'py>, wide: bool) -> PyResult<Bound<'py, PyAny>> {
                    $crate::frames::frame(py, &self.0, self.1.as_deref(), wide, $crate::frames::Frame::Pandas)
                }

                /// The long form as an HTML table, for Jupyter.
                fn _repr_html_(&self) -> String {
                    $crate::frames::html(stringify!($name), &pmkit_api::table::Tabular::table(&self.0, self.1.as_deref()))
                }
            )?

            /// The value in its JSON form (the same shape in Rust, Python and JavaScript),
            /// with event names in place of codes when the call was given names.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                let dict = $crate::record::to_python(py, &self.0)?;
                if self.1.is_some() {
                    $(dict.set_item(stringify!($named), self.$named(py)?)?;)*
                }
                Ok(dict)
            }

            fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                let fields: Vec<String> = vec![
                    $(format!("{}={}", stringify!($named), self.$named(py)?.repr()?),)*
                    $(format!("{}={}", stringify!($field), self.$field(py)?.repr()?),)*
                ];
                Ok(format!("{}({})", stringify!($name), fields.join(", ")))
            }

            fn __eq__(&self, other: PyRef<'_, Self>) -> bool {
                self.0 == other.0 && self.1 == other.1
            }

            $(
                #[doc = $chart_doc]
                #[pyo3(signature = (**options))]
                fn chart(
                    &self,
                    py: Python<'_>,
                    options: Option<&Bound<'_, pyo3::types::PyDict>>,
                ) -> PyResult<$crate::chart::Chart> {
                    $crate::chart::chart_with(py, $chart, &self.0, options)
                }
            )?
            $($($method)*)?
        }
    };
}

pub(crate) use named_record;
