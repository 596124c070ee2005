//! `pmkit::analytics` for JavaScript: product analytics over event logs given as typed
//! arrays (or any array-like of numbers): active users, retention, and their partial
//! counts for logs split across workers or machines.
//!
//! Columns cross as numbers (a `Float64Array` copies straight into wasm memory; user ids
//! may also come as a `BigInt64Array` or `BigUint64Array`, each id at most 2^53); each
//! value is checked by the core (whole, ids ≥ 0, times within 1970..=9999).

use wasm_bindgen::prelude::*;

use crate::convert::{
    numbers, numbers_hinted, optional_numbers, options as options_of, to_js_value,
};
use crate::errors::IntoJs;
use pmkit::analytics::{self as core, EventLog, RetentionOptions, TimeUnit};

mod described;

#[wasm_bindgen(typescript_custom_section)]
const ANALYTICS_TYPES: &'static str = r#"
/** "day", "week" (ISO, Monday–Sunday), "week_<weekday>" (weeks closing on that day: "week_saturday" is Sunday–Saturday) or "month". */
export type CohortPeriod = string;
/** "first_time" (one cohort per user: the period of their first start event) or "recurring" (every period with a start event). */
export type Cohorts = "first_time" | "recurring";
/** "on" (returned in exactly period k) or "on_or_after" (in period k or later: unbounded retention). */
export type RetentionKind = "on" | "on_or_after";

/** The settings a retention matrix was made with (its JSON form). */
export interface RetentionSettings {
  period: CohortPeriod;
  cohorts: Cohorts;
  kind: RetentionKind;
  start_event: number | null;
  return_event: number | null;
}

/** The settings of the columns, shared by every event-log function's options. */
export interface LogOptions {
  /** The unit of `times`; default "seconds". */
  unit?: TimeUnit | null;
  /** The fixed offset from UTC, in whole minutes, whose calendar days are counted; default 0. */
  utcOffsetMinutes?: number | null;
}

/** The options of retention and retentionCounts. */
export interface RetentionOptions extends LogOptions {
  /** The cohort and return period: "day", "week" (ISO, the default), "week_<weekday>" or "month". */
  period?: CohortPeriod | null;
  /** "first_time" (the default) or "recurring". */
  cohorts?: Cohorts | null;
  /** "on" (the default) or "on_or_after". */
  kind?: RetentionKind | null;
  /** The events column (integer codes), needed by startEvent and returnEvent. */
  events?: ArrayLike<number> | null;
  /** The event code that puts a user in a cohort; default any event. */
  startEvent?: number | null;
  /** The event code that counts as returning; default any event. */
  returnEvent?: number | null;
}

/** The result of retention: the cohort matrix (null = a period after the log's last day). */
export interface Retention {
  options: RetentionSettings;
  cohort_starts: string[];
  cohort_sizes: number[];
  counts: (number | null)[][];
  rates: (number | null)[][];
  /** Weighted average per period over cohorts whose period is complete (right-censored). */
  average: (number | null)[];
  average_returned: number[];
  average_cohort_users: number[];
  last_day: string;
  last_period_complete: boolean;
}

/** Partial counts of one metric for a shard of users (JSON form); merge with mergeCounts. */
export interface Counts {
  metric: "active_users" | "retention" | "activity_churn" | "feature_adoption" | "event_funnel" | "stickiness_histogram";
  [field: string]: unknown;
}

/**
 * The retention matrix: cohorts by calendar period of first (or every) activity and the
 * distinct users of each returning in each later period, as counts and rates.
 */
export function retention(userIds: UserIds, times: ArrayLike<number>, options?: RetentionOptions | null): Retention;
/** Partial counts of retention for a shard of users. */
export function retentionCounts(userIds: UserIds, times: ArrayLike<number>, options?: RetentionOptions | null): Counts;
"#;

/// The `user_ids` column; a text id is an error that points to `encodeIds`.
fn user_ids_arg(value: JsValue) -> Result<Vec<f64>, JsValue> {
    numbers_hinted(
        "user_ids",
        value,
        " (text ids: map them to numbers with encodeIds first)",
    )
}

/// Every parameter and option name of the event-log functions, renamed to camelCase in
/// their errors (`userIds[3]`, `utcOffsetMinutes`).
const NAMES: [&str; 16] = [
    "user_ids",
    "times",
    "events",
    "feature",
    "steps",
    "week",
    "period",
    "cohorts",
    "kind",
    "start_event",
    "return_event",
    "unit",
    "utc_offset_minutes",
    "inactive_days",
    "window_seconds",
    "order",
];

/// `call`, with its error's field named as JavaScript spells it.
fn in_js_names(call: impl FnOnce() -> Result<JsValue, JsValue>) -> Result<JsValue, JsValue> {
    call().map_err(|err| {
        let names: Vec<String> = NAMES.iter().map(|name| (*name).to_owned()).collect();
        crate::errors::javascript_field(err, &names)
    })
}

/// The error of a whole-log metric of no events.
fn not_empty(user_ids: &[f64]) -> Result<(), JsValue> {
    if user_ids.is_empty() {
        return Err(crate::errors::to_js(pmkit::Error::undefined(
            "user_ids",
            "is empty; at least one event is needed",
        )));
    }
    Ok(())
}

/// The log of two columns read as numbers, with the options' column settings.
fn log_of<'a>(
    user_ids: &'a [f64],
    times: &'a [f64],
    unit: Option<TimeUnit>,
    utc_offset_minutes: i64,
) -> Result<EventLog<'a, f64, f64>, JsValue> {
    EventLog::new(user_ids, times, unit.unwrap_or_default())
        .js()?
        .with_utc_offset_minutes(utc_offset_minutes)
        .js()
}

/// The retention options object: the `events` column it may hold, and the options.
fn retention_options(value: JsValue) -> Result<(Option<Vec<f64>>, RetentionOptions), JsValue> {
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Ok((None, options_of("options", value)?));
    }
    let events = js_sys::Reflect::get(&value, &"events".into())?;
    if events.is_undefined() {
        return Ok((None, options_of("options", value)?));
    }
    let rest = js_sys::Object::assign(&js_sys::Object::new(), value.unchecked_ref());
    js_sys::Reflect::delete_property(&rest, &"events".into())?;
    let events = optional_numbers("events", events)?;
    Ok((events, options_of("options", rest.into())?))
}

fn retention_counts_of(
    user_ids: JsValue,
    times: JsValue,
    options: JsValue,
    whole: bool,
) -> Result<core::RetentionCounts, JsValue> {
    let user_ids = user_ids_arg(user_ids)?;
    let times = numbers("times", times)?;
    let (events, options) = retention_options(options)?;
    if whole {
        not_empty(&user_ids)?;
    }
    let log = log_of(&user_ids, &times, options.unit, options.utc_offset_minutes)?;
    match &events {
        Some(events) => {
            core::retention_counts(&log.with_events(events.as_slice()).js()?, &options).js()
        }
        None => core::retention_counts(&log, &options).js(),
    }
}

/// The retention matrix of cohorts by calendar period, as counts and rates.
#[wasm_bindgen(skip_typescript)]
pub fn retention(user_ids: JsValue, times: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    in_js_names(|| {
        to_js_value(
            &retention_counts_of(user_ids, times, options, true)?
                .finish()
                .js()?,
        )
    })
}

/// Partial counts of `retention` for a shard of users.
#[wasm_bindgen(js_name = retentionCounts, skip_typescript)]
pub fn retention_counts(
    user_ids: JsValue,
    times: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    in_js_names(|| {
        to_js_value(&core::Counts::Retention(retention_counts_of(
            user_ids, times, options, false,
        )?))
    })
}
