//! `pmkit.PmkitError` and one subclass per error kind, mapped with one `match`.

use pyo3::create_exception;
use pyo3::exceptions::{PyKeyboardInterrupt, PyValueError};
use pyo3::prelude::*;
use std::sync::{Arc, Mutex};

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

/// Runs a call so that Ctrl-C (or a notebook's "interrupt") stops it: the core's long
/// loops ask, every few milliseconds of work, whether a signal arrived
/// (`pmkit::cancel`), and Python's signal handlers run then, on the calling thread. A
/// handler's exception (`KeyboardInterrupt` for SIGINT) ends the call and is raised in
/// place of its result; every other error is mapped by [`to_py`]. Worker threads and
/// calls from threads other than the caller's never touch the interpreter: signals are
/// handled on the main thread only, and a call made elsewhere just runs to its end.
pub fn interruptible<T>(
    _attached: Python<'_>,
    call: impl FnOnce() -> pmkit::Result<T>,
) -> PyResult<T> {
    let caller = std::thread::current().id();
    let raised: Arc<Mutex<Option<PyErr>>> = Arc::default();
    let slot = Arc::clone(&raised);
    let check = move || {
        if std::thread::current().id() != caller {
            return false;
        }
        Python::attach(|py| match py.check_signals() {
            Ok(()) => false,
            Err(err) => {
                if let Ok(mut slot) = slot.lock() {
                    *slot = Some(err);
                }
                true
            }
        })
    };
    match pmkit::cancel::with_cancel_check(check, call) {
        Ok(value) => Ok(value),
        Err(err) if err.kind() == pmkit::ErrorKind::Cancelled => Err(raised
            .lock()
            .ok()
            .and_then(|mut slot| slot.take())
            .unwrap_or_else(|| PyKeyboardInterrupt::new_err(err.to_string()))),
        Err(err) => Err(to_py(err)),
    }
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
