//! `pmkit::analytics` for JavaScript: product analytics over event logs given as typed
//! arrays (or any array-like of numbers): active users, retention, and their partial
//! counts for logs split across workers or machines.
//!
//! Columns cross as numbers (a `Float64Array` copies straight into wasm memory; user ids
//! may also come as a `BigInt64Array` or `BigUint64Array`, each id at most 2^53); each
//! value is checked by the core (whole, ids ≥ 0, times within 1970..=9999).

use wasm_bindgen::prelude::*;

use crate::convert::{
    from_js_value, numbers, numbers_hinted, optional_numbers, optional_text, to_js_value,
};
use crate::errors::IntoJs;
use pmkit::analytics::{self as core, EventLog, Period, RetentionOptions, TimeUnit};

mod ids;
mod more;

#[wasm_bindgen(typescript_custom_section)]
const ANALYTICS_TYPES: &'static str = r#"
/** A user ids column: numbers, or 64-bit integers of at most 2^53 (text ids: encode them with encodeIds). */
export type UserIds = ArrayLike<number> | BigInt64Array | BigUint64Array;
/** The unit of a times column: "seconds" (default), "milliseconds" (Date.getTime()), "microseconds", "nanoseconds", or "days" (day numbers since 1970-01-01); or "s", "ms", "us", "ns", "D". */
export type TimeUnit = "days" | "seconds" | "milliseconds" | "microseconds" | "nanoseconds" | "D" | "s" | "ms" | "us" | "ns";
/** "day", "week" (ISO, Monday–Sunday), "week_<weekday>" (weeks closing on that day: "week_saturday" is Sunday–Saturday) or "month". */
export type CohortPeriod = string;
/** "first_time" (one cohort per user: the period of their first start event) or "recurring" (every period with a start event). */
export type Cohorts = "first_time" | "recurring";
/** "on" (returned in exactly period k) or "on_or_after" (in period k or later: unbounded retention). */
export type RetentionKind = "on" | "on_or_after";

/** The result of activeUsers (dates are ISO strings). */
export interface ActiveUsers {
  days: string[];
  /** Distinct users active each day. */
  dau: number[];
  /** Distinct users active in the 7 days ending each day. */
  wau: number[];
  /** Distinct users active in the 30 days ending each day. */
  mau: number[];
  /** dau / mau per day; null where mau is 0. */
  stickiness: (number | null)[];
  week: CohortPeriod;
  weeks: string[];
  weekly: number[];
  months: string[];
  monthly: number[];
}

export interface RetentionOptions {
  period: CohortPeriod;
  cohorts: Cohorts;
  kind: RetentionKind;
  start_event: number | null;
  return_event: number | null;
}

/** The result of retention: the cohort matrix (null = a period after the log's last day). */
export interface Retention {
  options: RetentionOptions;
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
 * Daily, weekly and monthly active users per day (rolling 7- and 30-day windows), DAU/MAU
 * stickiness, and distinct users per calendar week and month.
 */
export function activeUsers(userIds: UserIds, times: ArrayLike<number>, unit?: TimeUnit | null, utcOffsetMinutes?: number | null, week?: CohortPeriod | null): ActiveUsers;
/** Partial counts of activeUsers for a shard of users. */
export function activeUserCounts(userIds: UserIds, times: ArrayLike<number>, unit?: TimeUnit | null, utcOffsetMinutes?: number | null, week?: CohortPeriod | null): Counts;
/**
 * The retention matrix: cohorts by calendar period of first (or every) activity and the
 * distinct users of each returning in each later period, as counts and rates.
 */
export function retention(userIds: UserIds, times: ArrayLike<number>, period?: CohortPeriod | null, cohorts?: Cohorts | null, kind?: RetentionKind | null, events?: ArrayLike<number> | null, startEvent?: number | null, returnEvent?: number | null, unit?: TimeUnit | null, utcOffsetMinutes?: number | null): Retention;
/** Partial counts of retention for a shard of users. */
export function retentionCounts(userIds: UserIds, times: ArrayLike<number>, period?: CohortPeriod | null, cohorts?: Cohorts | null, kind?: RetentionKind | null, events?: ArrayLike<number> | null, startEvent?: number | null, returnEvent?: number | null, unit?: TimeUnit | null, utcOffsetMinutes?: number | null): Counts;
/** The sum of partial counts from shards partitioned by user. */
export function mergeCounts(parts: Counts[]): Counts;
/** The metric that (merged) partial counts describe. */
export function finishCounts(counts: Counts): ActiveUsers | Retention | Churn | Adoption | Funnel | StickinessHistogram;
"#;

/// The `user_ids` column; a text id is an error that points to `encodeIds`.
fn user_ids_arg(value: JsValue) -> Result<Vec<f64>, JsValue> {
    numbers_hinted(
        "user_ids",
        value,
        " (text ids: map them to numbers with encodeIds first)",
    )
}

fn unit_of(unit: Option<String>) -> Result<TimeUnit, JsValue> {
    unit.map_or(Ok(TimeUnit::default()), |text| {
        TimeUnit::parse("unit", &text).js()
    })
}

fn offset_of(minutes: Option<f64>) -> Result<i64, JsValue> {
    core::whole_number("utc_offset_minutes", minutes.unwrap_or(0.0)).js()
}

fn event_code(field: &str, value: Option<f64>) -> Result<Option<u32>, JsValue> {
    value
        .map(|number| {
            let code = pmkit::input::count(field, number).js()?;
            u32::try_from(code)
                .map_err(|_| {
                    pmkit::Error::out_of_range(field, format!("{code} is larger than {}", u32::MAX))
                })
                .js()
        })
        .transpose()
}

fn active_counts(
    user_ids: &[f64],
    times: &[f64],
    unit: Option<String>,
    utc_offset_minutes: Option<f64>,
    week: Option<String>,
) -> Result<core::ActiveUserCounts, JsValue> {
    let unit = unit_of(unit)?;
    let offset = offset_of(utc_offset_minutes)?;
    let week = Period::parse("week", week.as_deref().unwrap_or("week")).js()?;
    let log = EventLog::new(user_ids, times, unit)
        .js()?
        .with_utc_offset_minutes(offset)
        .js()?;
    core::active_user_counts(&log, week).js()
}

/// Daily, weekly and monthly active users, DAU/MAU stickiness, calendar weeks and months.
#[wasm_bindgen(js_name = activeUsers, skip_typescript)]
pub fn active_users(
    user_ids: JsValue,
    times: JsValue,
    unit: JsValue,
    utc_offset_minutes: Option<f64>,
    week: JsValue,
) -> Result<JsValue, JsValue> {
    let user_ids = user_ids_arg(user_ids)?;
    let times = numbers("times", times)?;
    let unit = optional_text("unit", unit)?;
    let week = optional_text("week", week)?;
    if user_ids.is_empty() {
        return Err(crate::errors::to_js(pmkit::Error::undefined(
            "user_ids",
            "is empty; at least one event is needed",
        )));
    }
    let counts = active_counts(&user_ids, &times, unit, utc_offset_minutes, week)?;
    to_js_value(&counts.finish().js()?)
}

/// Partial counts of `activeUsers` for a shard of users.
#[wasm_bindgen(js_name = activeUserCounts, skip_typescript)]
pub fn active_user_counts(
    user_ids: JsValue,
    times: JsValue,
    unit: JsValue,
    utc_offset_minutes: Option<f64>,
    week: JsValue,
) -> Result<JsValue, JsValue> {
    let user_ids = user_ids_arg(user_ids)?;
    let times = numbers("times", times)?;
    let unit = optional_text("unit", unit)?;
    let week = optional_text("week", week)?;
    let counts = active_counts(&user_ids, &times, unit, utc_offset_minutes, week)?;
    to_js_value(&core::Counts::ActiveUsers(counts))
}

#[allow(clippy::too_many_arguments)]
fn retention_counts_of(
    user_ids: &[f64],
    times: &[f64],
    period: Option<String>,
    cohorts: Option<String>,
    kind: Option<String>,
    events: Option<Vec<f64>>,
    start_event: Option<f64>,
    return_event: Option<f64>,
    unit: Option<String>,
    utc_offset_minutes: Option<f64>,
) -> Result<core::RetentionCounts, JsValue> {
    let options = RetentionOptions {
        period: Period::parse("period", period.as_deref().unwrap_or("week")).js()?,
        cohorts: cohorts.map_or(Ok(core::Cohorts::default()), |text| {
            core::Cohorts::parse("cohorts", &text).js()
        })?,
        kind: kind.map_or(Ok(core::RetentionKind::default()), |text| {
            core::RetentionKind::parse("kind", &text).js()
        })?,
        start_event: event_code("start_event", start_event)?,
        return_event: event_code("return_event", return_event)?,
    };
    let unit = unit_of(unit)?;
    let offset = offset_of(utc_offset_minutes)?;
    let log = EventLog::new(user_ids, times, unit)
        .js()?
        .with_utc_offset_minutes(offset)
        .js()?;
    match &events {
        Some(events) => {
            core::retention_counts(&log.with_events(events.as_slice()).js()?, &options).js()
        }
        None => core::retention_counts(&log, &options).js(),
    }
}

/// The retention matrix of cohorts by calendar period, as counts and rates.
#[wasm_bindgen(skip_typescript)]
#[allow(clippy::too_many_arguments)]
pub fn retention(
    user_ids: JsValue,
    times: JsValue,
    period: JsValue,
    cohorts: JsValue,
    kind: JsValue,
    events: JsValue,
    start_event: Option<f64>,
    return_event: Option<f64>,
    unit: JsValue,
    utc_offset_minutes: Option<f64>,
) -> Result<JsValue, JsValue> {
    let user_ids = user_ids_arg(user_ids)?;
    let times = numbers("times", times)?;
    let period = optional_text("period", period)?;
    let cohorts = optional_text("cohorts", cohorts)?;
    let kind = optional_text("kind", kind)?;
    let events = optional_numbers("events", events)?;
    let unit = optional_text("unit", unit)?;
    if user_ids.is_empty() {
        return Err(crate::errors::to_js(pmkit::Error::undefined(
            "user_ids",
            "is empty; at least one event is needed",
        )));
    }
    let counts = retention_counts_of(
        &user_ids,
        &times,
        period,
        cohorts,
        kind,
        events,
        start_event,
        return_event,
        unit,
        utc_offset_minutes,
    )?;
    to_js_value(&counts.finish().js()?)
}

/// Partial counts of `retention` for a shard of users.
#[wasm_bindgen(js_name = retentionCounts, skip_typescript)]
#[allow(clippy::too_many_arguments)]
pub fn retention_counts(
    user_ids: JsValue,
    times: JsValue,
    period: JsValue,
    cohorts: JsValue,
    kind: JsValue,
    events: JsValue,
    start_event: Option<f64>,
    return_event: Option<f64>,
    unit: JsValue,
    utc_offset_minutes: Option<f64>,
) -> Result<JsValue, JsValue> {
    let user_ids = user_ids_arg(user_ids)?;
    let times = numbers("times", times)?;
    let period = optional_text("period", period)?;
    let cohorts = optional_text("cohorts", cohorts)?;
    let kind = optional_text("kind", kind)?;
    let events = optional_numbers("events", events)?;
    let unit = optional_text("unit", unit)?;
    let counts = retention_counts_of(
        &user_ids,
        &times,
        period,
        cohorts,
        kind,
        events,
        start_event,
        return_event,
        unit,
        utc_offset_minutes,
    )?;
    to_js_value(&core::Counts::Retention(counts))
}

/// The sum of partial counts from shards partitioned by user.
#[wasm_bindgen(js_name = mergeCounts, skip_typescript)]
pub fn merge_counts(parts: JsValue) -> Result<JsValue, JsValue> {
    let parts: Vec<core::Counts> = from_js_value("parts", parts)?;
    to_js_value(&core::merge_counts(&parts).js()?)
}

/// The metric that (merged) partial counts describe.
#[wasm_bindgen(js_name = finishCounts, skip_typescript)]
pub fn finish_counts(counts: JsValue) -> Result<JsValue, JsValue> {
    let counts: core::Counts = from_js_value("counts", counts)?;
    to_js_value(&counts.finish().js()?)
}
