//! The described analytics functions (`pmkit_api::analytics!`) for Python: how their
//! column parameters are read (dedicated [`Reader`]s for `UserIds`, `Times` and
//! `EventIds`, through the readers of [`super::columns`]: they keep numpy's borrow, so
//! they carry the GIL token's lifetime) and how partial counts come back (the `Counts`
//! class).

use pyo3::prelude::*;

use super::columns::{self, Column, Ids};
use super::counts::{counts_arg, finished, Counts};
use super::more::{Adoption, Funnel};
use crate::convert::{python_functions, FromPy, IntoPython, ReadDedicated, Reader};
use pmkit_api::columns::{EventValues, IdValues, TimeValues, Values, Work};

pmkit_api::analytics!(python_functions);

/// Numpy's read-only borrow of a contiguous array, as a column's values.
struct NumpyBorrow<'py, T: numpy::Element>(numpy::PyReadonlyArray1<'py, T>);

impl<T: numpy::Element> AsRef<[T]> for NumpyBorrow<'_, T> {
    fn as_ref(&self) -> &[T] {
        // `values` only wraps arrays whose slice it has read.
        self.0.as_slice().unwrap_or(&[])
    }
}

/// A column's values: the numpy borrow itself when the array is contiguous (the
/// readers make it so), else one copy.
fn values<'py, T: numpy::Element + Clone + 'py>(column: Column<'py, T>) -> Values<'py, T> {
    match column {
        Column::Borrowed(array) => match array.as_slice() {
            Ok(_) => Values::borrowed(NumpyBorrow(array)),
            Err(_) => Values::owned(array.as_array().to_vec()),
        },
        Column::Owned(values) => Values::owned(values),
    }
}

/// Runs a metric with the GIL released, so other Python threads (Dask's threaded
/// scheduler) run while the core counts; the columns stay borrowed meanwhile.
fn detached(work: Work<'_>) {
    Python::attach(|py| py.detach(work));
}

/// `user_ids`: int64 and uint64 arrays borrowed, other integers converted, floats
/// checked to be whole, text ids numbered once (see `columns::user_ids_named`).
impl<'py> ReadDedicated<'py, pmkit_api::UserIds<'py>> for Reader<pmkit_api::UserIds<'py>> {
    fn read(&self, field: &str, value: &Bound<'py, PyAny>) -> PyResult<pmkit_api::UserIds<'py>> {
        let values = match columns::user_ids_named(field, value)? {
            Ids::Signed(column) => IdValues::Signed(values(column)),
            Ids::Unsigned(column) => IdValues::Unsigned(values(column)),
        };
        Ok(pmkit_api::UserIds {
            values,
            run: detached,
        })
    }
}

/// `times`: datetime64 viewed as int64 in its own unit, aware pandas datetimes at their
/// UTC instants, Python datetimes and dates, or whole numbers in the `unit` option
/// (see `columns::times_with_own_unit`).
impl<'py> ReadDedicated<'py, pmkit_api::Times<'py>> for Reader<pmkit_api::Times<'py>> {
    fn read(&self, field: &str, value: &Bound<'py, PyAny>) -> PyResult<pmkit_api::Times<'py>> {
        let (column, own_unit) = columns::times_with_own_unit(field, value)?;
        Ok(pmkit_api::Times {
            values: TimeValues::Whole(values(column)),
            own_unit,
        })
    }
}

/// Partial counts come back as the `Counts` class, with their event names.
impl IntoPython for pmkit_api::analytics::Partial {
    fn into_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(Py::new(py, Counts(self.counts, self.event_names))?.into_any())
    }
}

/// Partial counts: a `Counts` object (with its event names) or their dict form.
impl FromPy for pmkit_api::analytics::Partial {
    fn from_py(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Self> {
        let Counts(counts, event_names) = counts_arg(field, value)?;
        Ok(pmkit_api::analytics::Partial {
            counts,
            event_names,
        })
    }
}

/// A list (or other sequence) of partial counts, each named `parts[i]` in errors.
impl FromPy for Vec<pmkit_api::analytics::Partial> {
    fn from_py(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Self> {
        crate::convert::sequence(field, value)?
            .iter()
            .enumerate()
            .map(|(index, part)| FromPy::from_py(&format!("{field}[{index}]"), part))
            .collect()
    }
}

/// A finished metric comes back as its result class, reporting its event names.
impl IntoPython for pmkit_api::analytics::Finished {
    fn into_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        finished(py, self.metric, self.event_names)
    }
}

/// `events`: integer codes (int64 borrowed), or text names numbered once, whose map the
/// metric's event parameters are read against.
impl<'py> ReadDedicated<'py, pmkit_api::EventIds<'py>> for Reader<pmkit_api::EventIds<'py>> {
    fn read(&self, field: &str, value: &Bound<'py, PyAny>) -> PyResult<pmkit_api::EventIds<'py>> {
        let (codes, names) = columns::event_column(field, value)?;
        Ok(pmkit_api::EventIds {
            values: EventValues::Whole(values(codes)),
            names,
        })
    }
}

/// An event parameter: a `str` is a name; anything else an event code (whole, ≥ 0, at
/// most 2^32 - 1).
impl FromPy for pmkit_api::Event {
    fn from_py(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Self> {
        match value.cast::<pyo3::types::PyString>() {
            Ok(text) => Ok(pmkit_api::Event::Name(text.to_cow()?.into_owned())),
            Err(_) => columns::code_number(field, value).map(pmkit_api::Event::Code),
        }
    }
}

/// A list (or other sequence) of event parameters, each named `steps[i]` in errors.
impl FromPy for Vec<pmkit_api::Event> {
    fn from_py(field: &str, value: &Bound<'_, PyAny>) -> PyResult<Self> {
        crate::convert::sequence(field, value)?
            .iter()
            .enumerate()
            .map(|(index, step)| FromPy::from_py(&format!("{field}[{index}]"), step))
            .collect()
    }
}

/// Adoption comes back as its class, reporting the feature's name when names were given.
impl IntoPython for pmkit_api::analytics::Named<pmkit::analytics::Adoption> {
    fn into_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(Py::new(py, Adoption(self.value, self.event_names))?.into_any())
    }
}

/// A funnel comes back as its class, reporting its steps' names when names were given.
impl IntoPython for pmkit_api::analytics::Named<pmkit::analytics::Funnel> {
    fn into_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(Py::new(py, Funnel(self.value, self.event_names))?.into_any())
    }
}
