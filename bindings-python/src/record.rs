//! `record!`: a frozen Python class around a core result type.
//!
//! The class holds the core value; each named field is a read-only attribute
//! converted through serde (enums become their lowercase string, lists become lists),
//! and `to_dict()` returns the whole value in its JSON form. One macro keeps every
//! result class alike: attributes, `to_dict`, `__repr__` and `__eq__`.
//!
//! A record may carry extra methods in an optional trailing `methods { ... }` block,
//! spliced into the same `#[pymethods]` impl (so one impl per class, without pyo3's
//! `multiple-pymethods` feature and its `inventory` dependency):
//!
//! ```text
//! record!(
//!     /// Docs.
//!     SalaryBenchmark(core::SalaryBenchmark) { low, high }
//!     methods {
//!         fn position_in_range(&self, salary: f64) -> PyResult<f64> { ... }
//!     }
//! );
//! ```
//!
//! Three more optional parts, before `methods`:
//!
//! - `chart(pmkit::chart::burndown_chart, "doc")` gives the class a
//!   `.chart(**options)` method drawing itself with that chart function (its Python
//!   stub comes from the typings generator's `CHART_METHODS`).
//!
//! - A field marked `: date` (`days: date`) reads as `datetime.date` (or a list of
//!   them) instead of the ISO text of the JSON form; `to_dict()` keeps the JSON form.
//! - `with table` gives the class `to_arrow()`, `to_polars()`, `to_pandas()` (each
//!   with `wide=False`) and `_repr_html_()`, from the core type's
//!   [`Tabular`](pmkit_api::table::Tabular) impl (see [`crate::frames`]):
//!
//! ```text
//! record!(
//!     /// Docs.
//!     Churn(core::Churn) { period, period_starts: date, active, last_day: date }
//!     with table
//! );
//! ```

use pyo3::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

/// A serde value as a Python object (dicts, lists, str, int, float, None).
pub fn to_python<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, value)
        .map_err(|err| pyo3::exceptions::PyTypeError::new_err(err.to_string()))
}

/// A Python object (dicts, lists, str, numbers) as a core value; a shape error is a
/// `PmkitError` of kind `invalid_input` naming `field` and the path inside it
/// (`items[3].at`).
pub fn from_python<T: DeserializeOwned>(field: &str, value: &Bound<'_, PyAny>) -> PyResult<T> {
    check_depth(value, &mut field.to_owned(), 0)?;
    let mut depythonizer = pythonize::Depythonizer::from_object(value);
    pmkit::json::from_deserializer(field, &mut depythonizer).map_err(crate::errors::to_py)
}

/// A field holding dates (`NaiveDate`, a list or option of them) as `datetime.date`
/// objects.
pub fn dates<'py, T>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>>
where
    T: Clone + IntoPyObject<'py>,
{
    use pyo3::IntoPyObjectExt;
    value.clone().into_bound_py_any(py)
}

/// A field's Python value: its serde form, or `datetime.date`s for a field marked
/// `: date` in `record!`.
macro_rules! field_value {
    ($py:expr, $value:expr) => {
        $crate::record::to_python($py, $value)
    };
    ($py:expr, $value:expr, date) => {
        $crate::record::dates($py, $value)
    };
}

pub(crate) use field_value;

/// Nesting deeper than this is an error: the reader below is recursive, and a dict
/// nested 10,000 deep (or a cyclic one) must not overflow the stack.
const MAX_DEPTH: usize = 128;

/// Fails when `value` nests dicts, lists or tuples deeper than [`MAX_DEPTH`], naming
/// the path where it went too deep.
pub(crate) fn check_depth(
    value: &Bound<'_, PyAny>,
    path: &mut String,
    depth: usize,
) -> PyResult<()> {
    use pyo3::types::{PyDict, PyList, PyTuple};
    let too_deep = |path: &str| {
        crate::errors::to_py(pmkit::Error::invalid(
            path,
            format!("nests deeper than {MAX_DEPTH} levels (is it cyclic?)"),
        ))
    };
    if let Ok(dict) = value.cast::<PyDict>() {
        if depth >= MAX_DEPTH {
            return Err(too_deep(path));
        }
        let at = path.len();
        for (key, item) in dict.iter() {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&key.str().map(|key| key.to_string()).unwrap_or_default());
            check_depth(&item, path, depth + 1)?;
            path.truncate(at);
        }
    } else if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() {
        if depth >= MAX_DEPTH {
            return Err(too_deep(path));
        }
        let at = path.len();
        for (index, item) in value.try_iter()?.enumerate() {
            path.push_str(&format!("[{index}]"));
            check_depth(&item?, path, depth + 1)?;
            path.truncate(at);
        }
    }
    Ok(())
}

/// A core result type with a result class: a `Record<T>` parameter borrows the class's
/// value instead of reading its `to_dict()` (implemented by [`record!`]).
pub trait Recorded: Sized + 'static {
    /// `value` as a shared record when it is this type's result class.
    fn shared(value: &Bound<'_, PyAny>) -> Option<pmkit_api::Record<Self>>;
}

/// A result class object held by a `Record<T>`: frozen classes are read without the GIL.
pub struct Held<C: pyo3::PyClass>(pub Py<C>);

impl<C, T> AsRef<T> for Held<C>
where
    C: pyo3::PyClass<Frozen = pyo3::pyclass::boolean_struct::True> + Sync + AsRef<T>,
{
    fn as_ref(&self) -> &T {
        self.0.get().as_ref()
    }
}

macro_rules! record {
    (
        $(#[$meta:meta])* $name:ident($core:ty) { $($field:ident $(: $conv:ident)?),* $(,)? }
        $(with $with:ident)?
        $(chart($chart:path, $chart_doc:literal))?
        $(methods { $($method:tt)* })?
    ) => {
        $(#[$meta])*
        #[pyclass(frozen, module = "pmkit")]
        #[derive(Debug, Clone)]
        pub struct $name(pub $core);

        #[pymethods]
        impl $name {
            $(
                #[getter]
                // A getter is named after its field, which may be `new` (new users).
                #[allow(clippy::new_ret_no_self, clippy::wrong_self_convention)]
                fn $field<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                    $crate::record::field_value!(py, &self.0.$field $(, $conv)?)
                }
            )*

            $(
                #[doc = concat!("The result as an Arrow ", stringify!($with), " (PyCapsule): the long form, or the wide one.")]
                #[pyo3(signature = (*, wide = false))]
                fn to_arrow<'py>(&self, py: Python<'py>, wide: bool) -> PyResult<Bound<'py, PyAny>> {
                    $crate::frames::frame(py, &self.0, None, wide, $crate::frames::Frame::Arrow)
                }

                /// The result as a polars DataFrame: the long form, or the wide one.
                #[pyo3(signature = (*, wide = false))]
                fn to_polars<'py>(&self, py: Python<'py>, wide: bool) -> PyResult<Bound<'py, PyAny>> {
                    $crate::frames::frame(py, &self.0, None, wide, $crate::frames::Frame::Polars)
                }

                /// The result as a pandas DataFrame: the long form, or the wide one.
                #[pyo3(signature = (*, wide = false))]
                fn to_pandas<'py>(&self, py: Python<'py>, wide: bool) -> PyResult<Bound<'py, PyAny>> {
                    $crate::frames::frame(py, &self.0, None, wide, $crate::frames::Frame::Pandas)
                }

                /// The long form as an HTML table, for Jupyter.
                fn _repr_html_(&self) -> String {
                    $crate::frames::html(stringify!($name), &pmkit_api::table::Tabular::table(&self.0, None))
                }
            )?

            /// The value in its JSON form (the same shape in Rust, Python and JavaScript).
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                $crate::record::to_python(py, &self.0)
            }

            fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                let fields: Vec<String> = vec![$(
                    format!("{}={}", stringify!($field), self.$field(py)?.repr()?),
                )*];
                Ok(format!("{}({})", stringify!($name), fields.join(", ")))
            }

            fn __eq__(&self, other: PyRef<'_, Self>) -> bool {
                self.0 == other.0
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

        impl $crate::convert::IntoPython for $core {
            fn into_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
                Ok(Py::new(py, $name(self))?.into_any())
            }
        }

        impl AsRef<$core> for $name {
            fn as_ref(&self) -> &$core {
                &self.0
            }
        }

        impl $crate::record::Recorded for $core {
            fn shared(value: &Bound<'_, PyAny>) -> Option<pmkit_api::Record<Self>> {
                let class = value.cast::<$name>().ok()?;
                Some(pmkit_api::Record::shared($crate::record::Held(class.clone().unbind())))
            }
        }

        impl From<$core> for $name {
            fn from(value: $core) -> Self {
                Self(value)
            }
        }
    };
}

pub(crate) use record;
