//! Date arguments from Python: a `datetime.date` or an ISO 8601 string (`"2026-11-28"`).
//!
//! A `datetime.datetime` is rejected rather than truncated: which calendar day it
//! falls on depends on a time zone pmkit cannot know. The caller says which day by
//! passing `dt.date()` (or `dt.astimezone(tz).date()`). Text goes through the core's
//! parser, so a bad string is the same `parse` error in every language.

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDateTime, PyString, PyTypeMethods};

use crate::errors::{to_py, IntoPy};

/// The calendar date `value` names; errors name `field`.
pub fn date(field: &str, value: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
    // datetime.datetime subclasses datetime.date, so it must be caught first.
    if value.is_instance_of::<PyDateTime>() {
        return Err(to_py(pmkit::Error::invalid(
            field,
            "is a datetime.datetime, whose calendar day depends on a time zone; \
             pass a datetime.date (e.g. value.date()) or an ISO 8601 string",
        )));
    }
    if value.is_instance_of::<PyDate>() {
        return value.extract::<NaiveDate>();
    }
    if value.is_instance_of::<PyString>() {
        let text: String = value.extract()?;
        return pmkit::input::date(field, &text).py();
    }
    let type_name = value
        .get_type()
        .name()
        .map(|name| name.to_string())
        .unwrap_or_else(|_| "an unknown type".to_owned());
    Err(to_py(pmkit::Error::invalid(
        field,
        format!("expected a datetime.date or an ISO 8601 string (YYYY-MM-DD), got {type_name}"),
    )))
}

/// Whether `value` is a `datetime.date` or `datetime.datetime` (pandas' `Timestamp`
/// included), which option dictionaries pass on as ISO text.
pub fn is_date_like(value: &Bound<'_, PyAny>) -> bool {
    value.is_instance_of::<PyDate>()
}
