//! Date arguments from Python: a `datetime.date`, a `datetime.datetime` (pandas'
//! `Timestamp` included) or ISO 8601 text, alike wherever a date is meant.
//!
//! A time-zone-aware datetime is an instant and names its **UTC** calendar day, as a
//! JavaScript `Date` and ISO text with `Z` or an offset do; a naive datetime names its
//! own day. Text goes through the core's parser, so a bad string is the same `parse`
//! error in every language.

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDateTime, PyString, PyTypeMethods};

use crate::errors::{to_py, IntoPy};

/// The calendar date `value` names; errors name `field`.
pub fn date(field: &str, value: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
    // datetime.datetime subclasses datetime.date, so it must be caught first.
    if value.is_instance_of::<PyDateTime>() {
        let instant = if value.getattr("tzinfo")?.is_none() {
            value.clone()
        } else {
            let utc = value
                .py()
                .import("datetime")?
                .getattr("timezone")?
                .getattr("utc")?;
            value.call_method1("astimezone", (utc,))?
        };
        let day = instant.call_method0("date")?;
        return day.extract::<NaiveDate>();
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
        format!("expected a datetime.date, a datetime.datetime or an ISO 8601 string (YYYY-MM-DD), got {type_name}"),
    )))
}

/// Whether `value` is a `datetime.date` or `datetime.datetime` (pandas' `Timestamp`
/// included), which option dictionaries pass on as ISO text.
pub fn is_date_like(value: &Bound<'_, PyAny>) -> bool {
    value.is_instance_of::<PyDate>()
}
