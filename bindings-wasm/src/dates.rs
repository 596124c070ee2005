//! Date arguments from JavaScript: a `Date` or an ISO 8601 string (`"2026-11-28"`).
//!
//! A `Date` is an instant, not a calendar day; pmkit takes its **UTC** year, month and
//! day, so the answer does not depend on the machine's time zone. `new
//! Date("2026-11-28")` and `new Date(Date.UTC(2026, 10, 28))` are midnight UTC and name
//! that day; `new Date(2026, 10, 28)` is local midnight, which is the previous UTC day
//! east of Greenwich: pass an ISO string when in doubt. Text goes through the core's
//! parser, so a bad string is the same `parse` error in every language.

use chrono::NaiveDate;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::errors::{to_js, IntoJs};

/// The calendar date `value` names; errors name `field`.
pub fn date(field: &str, value: &JsValue) -> Result<NaiveDate, JsValue> {
    if let Some(instant) = value.dyn_ref::<js_sys::Date>() {
        if instant.get_time().is_nan() {
            return Err(to_js(pmkit::Error::invalid(
                field,
                "is an Invalid Date (its time is NaN)",
            )));
        }
        // js-sys types the year as u32, but the value crosses as a 32-bit integer, so
        // reinterpreting it as i32 recovers years before 1 CE exactly.
        let year = instant.get_utc_full_year() as i32;
        // getUTCMonth counts from 0.
        let month = instant.get_utc_month() + 1;
        return pmkit::input::date_from_ymd(field, year, month, instant.get_utc_date()).js();
    }
    if let Some(text) = value.as_string() {
        return pmkit::input::date(field, &text).js();
    }
    Err(to_js(pmkit::Error::invalid(
        field,
        format!(
            "expected a Date or an ISO 8601 string (YYYY-MM-DD), got {}",
            value.js_typeof().as_string().unwrap_or_default()
        ),
    )))
}
