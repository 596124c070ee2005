//! `pmkit::analytics` for JavaScript: product analytics over event logs given as typed
//! arrays (or any array-like of numbers): active users, retention, and their partial
//! counts for logs split across workers or machines.
//!
//! Columns cross as numbers (a `Float64Array` copies straight into wasm memory; user ids
//! may also come as a `BigInt64Array` or `BigUint64Array`, each id at most 2^53); each
//! value is checked by the core (whole, ids ≥ 0, times within 1970..=9999).

use wasm_bindgen::prelude::*;

use crate::convert::{optional_numbers, options as options_of, to_js_value, FromJs};
use crate::errors::IntoJs;
use pmkit::analytics::RetentionOptions;
use pmkit_api::analytics::{
    retention as retention_of, retention_counts as retention_counts_of, RetentionEvents,
    RetentionFn,
};
use pmkit_api::columns::{EventValues, Values};

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

/// The columns and options of `retention` and `retentionCounts`, read as the described
/// functions read theirs, handed to pmkit-api's `retention` or `retention_counts`.
fn with_retention_args<R>(
    user_ids: JsValue,
    times: JsValue,
    options: JsValue,
    call: RetentionFn<R>,
) -> Result<R, JsValue> {
    let user_ids = pmkit_api::UserIds::from_js("user_ids", user_ids)?;
    let times = pmkit_api::Times::from_js("times", times)?;
    let (events, options) = retention_options(options)?;
    let events = events.map(|codes| pmkit_api::EventIds {
        values: EventValues::Float(Values::owned(codes)),
        names: None,
    });
    // JavaScript's event parameters are codes, which the options already hold.
    let given = RetentionEvents {
        start_event: options.start_event.map(pmkit_api::Event::Code),
        return_event: options.return_event.map(pmkit_api::Event::Code),
    };
    call(&user_ids, &times, events.as_ref(), &given, &options).js()
}

/// The retention matrix of cohorts by calendar period, as counts and rates.
#[wasm_bindgen(skip_typescript)]
pub fn retention(user_ids: JsValue, times: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    in_js_names(|| {
        let named = with_retention_args(user_ids, times, options, retention_of)?;
        to_js_value(&named.value)
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
        let partial = with_retention_args(user_ids, times, options, retention_counts_of)?;
        to_js_value(&partial.counts)
    })
}
