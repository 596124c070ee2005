//! `pmkit.PmkitError` and one subclass per error kind, mapped with one `match`.

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

create_exception!(
    pmkit,
    PmkitError,
    PyValueError,
    "Bad input to a pmkit function. `kind` is the machine-readable kind, `field` the input at fault."
);
create_exception!(
    pmkit,
    InvalidInputError,
    PmkitError,
    "A malformed value (NaN, not whole, negative, inconsistent)."
);
create_exception!(
    pmkit,
    OutOfRangeError,
    PmkitError,
    "A value outside the range its scale allows."
);
create_exception!(
    pmkit,
    UndefinedMetricError,
    PmkitError,
    "The metric is undefined for this input (empty, zero denominator)."
);
create_exception!(
    pmkit,
    ParseError,
    PmkitError,
    "Text that could not be parsed."
);

/// The Python exception for a core error, with `kind` and `field` attributes set.
pub fn to_py(err: pmkit::Error) -> PyErr {
    let message = err.to_string();
    let py_err = match err.kind() {
        pmkit::ErrorKind::InvalidInput => InvalidInputError::new_err(message),
        pmkit::ErrorKind::OutOfRange => OutOfRangeError::new_err(message),
        pmkit::ErrorKind::Undefined => UndefinedMetricError::new_err(message),
        pmkit::ErrorKind::Parse => ParseError::new_err(message),
        _ => PmkitError::new_err(message),
    };
    Python::attach(|py| {
        let value = py_err.value(py);
        // Setting attributes on a fresh exception instance cannot fail in practice;
        // if it ever did, the exception still carries the full message.
        let _ = value.setattr("kind", err.kind().as_str());
        let _ = value.setattr("field", err.field());
    });
    py_err
}

/// `.py()` on a core result: the value, or the mapped Python exception.
pub trait IntoPy<T> {
    /// Map the core error to its Python exception.
    fn py(self) -> PyResult<T>;
}

impl<T> IntoPy<T> for pmkit::Result<T> {
    fn py(self) -> PyResult<T> {
        self.map_err(to_py)
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("PmkitError", py.get_type::<PmkitError>())?;
    m.add("InvalidInputError", py.get_type::<InvalidInputError>())?;
    m.add("OutOfRangeError", py.get_type::<OutOfRangeError>())?;
    m.add(
        "UndefinedMetricError",
        py.get_type::<UndefinedMetricError>(),
    )?;
    m.add("ParseError", py.get_type::<ParseError>())?;
    Ok(())
}
