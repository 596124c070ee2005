//! The described analytics functions (`pmkit_api::analytics!`) for Python: how their
//! column parameters are read (dedicated [`Reader`]s for `UserIds`, `Times` and
//! `EventIds`, through [`super::read`]: they keep numpy's or Arrow's borrow, so they
//! carry the GIL token's lifetime) and how partial counts come back (the `Counts`
//! class).

use pyo3::prelude::*;

use super::arrow::Nulls;
use super::columns;
use super::counts::{counts_arg, finished, Counts};
use super::more::{Adoption, Funnel};
use super::read;
use crate::convert::{python_functions, FromPy, IntoPython, ReadDedicated, Reader};

pmkit_api::analytics!(python_functions);

/// `user_ids`: Arrow columns, numpy arrays, Series and lists (see `read::user_ids`); a
/// null is an error naming its row.
impl<'py> ReadDedicated<'py, pmkit_api::UserIds<'py>> for Reader<pmkit_api::UserIds<'py>> {
    fn read(&self, field: &str, value: &Bound<'py, PyAny>) -> PyResult<pmkit_api::UserIds<'py>> {
        read::user_ids(field, value, &mut Nulls::Fail)
    }
}

/// `times`: Arrow timestamps, dates and integers, numpy datetime64 and numbers, Python
/// datetimes and dates (see `read::times`); a null or NaT is an error naming its row.
impl<'py> ReadDedicated<'py, pmkit_api::Times<'py>> for Reader<pmkit_api::Times<'py>> {
    fn read(&self, field: &str, value: &Bound<'py, PyAny>) -> PyResult<pmkit_api::Times<'py>> {
        read::times(field, value, &mut Nulls::Fail)
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

/// `events`: integer codes or text names, Arrow or numpy (see `read::events`); a null
/// is an error naming its row.
impl<'py> ReadDedicated<'py, pmkit_api::EventIds<'py>> for Reader<pmkit_api::EventIds<'py>> {
    fn read(&self, field: &str, value: &Bound<'py, PyAny>) -> PyResult<pmkit_api::EventIds<'py>> {
        read::events(field, value, &mut Nulls::Fail)
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
