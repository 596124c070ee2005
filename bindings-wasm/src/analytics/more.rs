//! Churn, feature adoption, funnels and the stickiness histogram for JavaScript.

use wasm_bindgen::prelude::*;

use super::user_ids_arg;
use crate::convert::{count, numbers, optional_text, to_js_value};
use crate::errors::IntoJs;
use pmkit::analytics::{self as core, EventLog, Period, TimeUnit};

#[wasm_bindgen(typescript_custom_section)]
const MORE_TYPES: &'static str = r#"
/** "sequential" (each step after the previous) or "any_order". */
export type FunnelOrder = "sequential" | "any_order";

/** The result of activityChurn (null = follow-up not observed yet). */
export interface Churn {
  period: CohortPeriod;
  inactive_days: number;
  period_starts: string[];
  active: number[];
  churned: (number | null)[];
  churn_rate: (number | null)[];
  retention_rate: (number | null)[];
  last_day: string;
}
/** The result of featureAdoption. */
export interface Adoption {
  period: CohortPeriod;
  feature: number;
  period_starts: string[];
  active: number[];
  users: number[];
  rate: (number | null)[];
  ever_active: number[];
  ever_adopted: number[];
  cumulative_rate: (number | null)[];
  adopters: number;
  days_to_first_use: number[];
  median_days_to_first_use: number | null;
  mean_days_to_first_use: number | null;
}
/** The result of eventFunnel. */
export interface Funnel {
  steps: number[];
  window_seconds: number;
  order: FunnelOrder;
  reached: number[];
  conversion_from_previous: (number | null)[];
  conversion_from_start: (number | null)[];
  overall: number | null;
  median_seconds_from_previous: (number | null)[];
}
/** The result of stickinessHistogram: users[p][k - 1] were active on exactly k days of period p. */
export interface StickinessHistogram {
  period: CohortPeriod;
  period_starts: string[];
  period_days: number[];
  complete: boolean[];
  active: number[];
  users: number[][];
  at_least: number[][];
}

/** Churn from activity: users active in a period with no event in the inactiveDays (default 30) after it. */
export function activityChurn(userIds: UserIds, times: ArrayLike<number>, period?: CohortPeriod | null, inactiveDays?: number | null, unit?: TimeUnit | null, utcOffsetMinutes?: number | null): Churn;
/** Partial counts of activityChurn for a shard of users. */
export function activityChurnCounts(userIds: UserIds, times: ArrayLike<number>, period?: CohortPeriod | null, inactiveDays?: number | null, unit?: TimeUnit | null, utcOffsetMinutes?: number | null): Counts;
/** Feature adoption per period: users of the feature event over active users, cumulative adoption, days to first use. */
export function featureAdoption(userIds: UserIds, times: ArrayLike<number>, events: ArrayLike<number>, feature: number, period?: CohortPeriod | null, unit?: TimeUnit | null, utcOffsetMinutes?: number | null): Adoption;
/** Partial counts of featureAdoption for a shard of users. */
export function featureAdoptionCounts(userIds: UserIds, times: ArrayLike<number>, events: ArrayLike<number>, feature: number, period?: CohortPeriod | null, unit?: TimeUnit | null, utcOffsetMinutes?: number | null): Counts;
/** A conversion funnel over event codes within windowSeconds (default 30 days) of entering. */
export function eventFunnel(userIds: UserIds, times: ArrayLike<number>, events: ArrayLike<number>, steps: ArrayLike<number>, windowSeconds?: number | null, order?: FunnelOrder | null, unit?: TimeUnit | null, utcOffsetMinutes?: number | null): Funnel;
/** Partial counts of eventFunnel for a shard of users. */
export function eventFunnelCounts(userIds: UserIds, times: ArrayLike<number>, events: ArrayLike<number>, steps: ArrayLike<number>, windowSeconds?: number | null, order?: FunnelOrder | null, unit?: TimeUnit | null, utcOffsetMinutes?: number | null): Counts;
/** Per period, users active on exactly k days of it, and on at least k days. */
export function stickinessHistogram(userIds: UserIds, times: ArrayLike<number>, period?: CohortPeriod | null, unit?: TimeUnit | null, utcOffsetMinutes?: number | null): StickinessHistogram;
/** Partial counts of stickinessHistogram for a shard of users. */
export function stickinessCounts(userIds: UserIds, times: ArrayLike<number>, period?: CohortPeriod | null, unit?: TimeUnit | null, utcOffsetMinutes?: number | null): Counts;
"#;

fn log<'a>(
    user_ids: &'a [f64],
    times: &'a [f64],
    unit: Option<String>,
    utc_offset_minutes: Option<f64>,
) -> Result<EventLog<'a, f64, f64>, JsValue> {
    let unit = unit.map_or(Ok(TimeUnit::default()), |text| {
        TimeUnit::parse("unit", &text).js()
    })?;
    let offset =
        core::whole_number("utc_offset_minutes", utc_offset_minutes.unwrap_or(0.0)).js()?;
    EventLog::new(user_ids, times, unit)
        .js()?
        .with_utc_offset_minutes(offset)
        .js()
}

fn period_of(period: Option<String>) -> Result<Period, JsValue> {
    Period::parse("period", period.as_deref().unwrap_or("week")).js()
}

fn code(field: &str, value: f64) -> Result<u32, JsValue> {
    let number = count(field, value)?;
    u32::try_from(number)
        .map_err(|_| {
            pmkit::Error::out_of_range(field, format!("{number} is larger than {}", u32::MAX))
        })
        .js()
}

fn not_empty(user_ids: &[f64]) -> Result<(), JsValue> {
    if user_ids.is_empty() {
        return Err(crate::errors::to_js(pmkit::Error::undefined(
            "user_ids",
            "is empty; at least one event is needed",
        )));
    }
    Ok(())
}

fn churn_counts_of(
    user_ids: &[f64],
    times: &[f64],
    period: Option<String>,
    inactive_days: Option<f64>,
    unit: Option<String>,
    utc_offset_minutes: Option<f64>,
) -> Result<core::ChurnCounts, JsValue> {
    let period = period_of(period)?;
    let inactive_days = count("inactive_days", inactive_days.unwrap_or(30.0))?;
    let log = log(user_ids, times, unit, utc_offset_minutes)?;
    core::activity_churn_counts(&log, period, inactive_days).js()
}

/// Churn from activity per period.
#[wasm_bindgen(js_name = activityChurn, skip_typescript)]
pub fn activity_churn(
    user_ids: JsValue,
    times: JsValue,
    period: JsValue,
    inactive_days: Option<f64>,
    unit: JsValue,
    utc_offset_minutes: Option<f64>,
) -> Result<JsValue, JsValue> {
    let user_ids = user_ids_arg(user_ids)?;
    let times = numbers("times", times)?;
    let period = optional_text("period", period)?;
    let unit = optional_text("unit", unit)?;
    count("inactive_days", inactive_days.unwrap_or(30.0))?;
    not_empty(&user_ids)?;
    let counts = churn_counts_of(
        &user_ids,
        &times,
        period,
        inactive_days,
        unit,
        utc_offset_minutes,
    )?;
    to_js_value(&counts.finish().js()?)
}

/// Partial counts of `activityChurn`.
#[wasm_bindgen(js_name = activityChurnCounts, skip_typescript)]
pub fn activity_churn_counts(
    user_ids: JsValue,
    times: JsValue,
    period: JsValue,
    inactive_days: Option<f64>,
    unit: JsValue,
    utc_offset_minutes: Option<f64>,
) -> Result<JsValue, JsValue> {
    let user_ids = user_ids_arg(user_ids)?;
    let times = numbers("times", times)?;
    let period = optional_text("period", period)?;
    let unit = optional_text("unit", unit)?;
    let counts = churn_counts_of(
        &user_ids,
        &times,
        period,
        inactive_days,
        unit,
        utc_offset_minutes,
    )?;
    to_js_value(&core::Counts::ActivityChurn(counts))
}

#[allow(clippy::too_many_arguments)]
fn adoption_counts_of(
    user_ids: &[f64],
    times: &[f64],
    events: &[f64],
    feature: f64,
    period: Option<String>,
    unit: Option<String>,
    utc_offset_minutes: Option<f64>,
) -> Result<core::AdoptionCounts, JsValue> {
    let log = log(user_ids, times, unit, utc_offset_minutes)?
        .with_events(events)
        .js()?;
    let feature = code("feature", feature)?;
    let period = period_of(period)?;
    core::feature_adoption_counts(&log, feature, period).js()
}

/// Feature adoption per period, cumulative adoption, and days to first use.
#[wasm_bindgen(js_name = featureAdoption, skip_typescript)]
#[allow(clippy::too_many_arguments)]
pub fn feature_adoption(
    user_ids: JsValue,
    times: JsValue,
    events: JsValue,
    feature: f64,
    period: JsValue,
    unit: JsValue,
    utc_offset_minutes: Option<f64>,
) -> Result<JsValue, JsValue> {
    let user_ids = user_ids_arg(user_ids)?;
    let times = numbers("times", times)?;
    let events = numbers("events", events)?;
    let period = optional_text("period", period)?;
    let unit = optional_text("unit", unit)?;
    not_empty(&user_ids)?;
    let counts = adoption_counts_of(
        &user_ids,
        &times,
        &events,
        feature,
        period,
        unit,
        utc_offset_minutes,
    )?;
    to_js_value(&counts.finish().js()?)
}

/// Partial counts of `featureAdoption`.
#[wasm_bindgen(js_name = featureAdoptionCounts, skip_typescript)]
#[allow(clippy::too_many_arguments)]
pub fn feature_adoption_counts(
    user_ids: JsValue,
    times: JsValue,
    events: JsValue,
    feature: f64,
    period: JsValue,
    unit: JsValue,
    utc_offset_minutes: Option<f64>,
) -> Result<JsValue, JsValue> {
    let user_ids = user_ids_arg(user_ids)?;
    let times = numbers("times", times)?;
    let events = numbers("events", events)?;
    let period = optional_text("period", period)?;
    let unit = optional_text("unit", unit)?;
    let counts = adoption_counts_of(
        &user_ids,
        &times,
        &events,
        feature,
        period,
        unit,
        utc_offset_minutes,
    )?;
    to_js_value(&core::Counts::FeatureAdoption(counts))
}

#[allow(clippy::too_many_arguments)]
fn funnel_counts_of(
    user_ids: &[f64],
    times: &[f64],
    events: &[f64],
    steps: &[f64],
    window_seconds: Option<f64>,
    order: Option<String>,
    unit: Option<String>,
    utc_offset_minutes: Option<f64>,
) -> Result<core::FunnelCounts, JsValue> {
    let log = log(user_ids, times, unit, utc_offset_minutes)?
        .with_events(events)
        .js()?;
    let steps: Vec<u32> = steps
        .iter()
        .enumerate()
        .map(|(index, &step)| code(&format!("steps[{index}]"), step))
        .collect::<Result<_, _>>()?;
    let window = count(
        "window_seconds",
        window_seconds.unwrap_or(core::DEFAULT_WINDOW_SECONDS as f64),
    )?;
    let order = order.map_or(Ok(core::FunnelOrder::default()), |text| {
        core::FunnelOrder::parse("order", &text).js()
    })?;
    core::event_funnel_counts(&log, &steps, window, order).js()
}

/// A conversion funnel over event codes.
#[wasm_bindgen(js_name = eventFunnel, skip_typescript)]
#[allow(clippy::too_many_arguments)]
pub fn event_funnel(
    user_ids: JsValue,
    times: JsValue,
    events: JsValue,
    steps: JsValue,
    window_seconds: Option<f64>,
    order: JsValue,
    unit: JsValue,
    utc_offset_minutes: Option<f64>,
) -> Result<JsValue, JsValue> {
    let user_ids = user_ids_arg(user_ids)?;
    let times = numbers("times", times)?;
    let events = numbers("events", events)?;
    let steps = numbers("steps", steps)?;
    let order = optional_text("order", order)?;
    let unit = optional_text("unit", unit)?;
    let counts = funnel_counts_of(
        &user_ids,
        &times,
        &events,
        &steps,
        window_seconds,
        order,
        unit,
        utc_offset_minutes,
    )?;
    not_empty(&user_ids)?;
    to_js_value(&counts.finish().js()?)
}

/// Partial counts of `eventFunnel`.
#[wasm_bindgen(js_name = eventFunnelCounts, skip_typescript)]
#[allow(clippy::too_many_arguments)]
pub fn event_funnel_counts(
    user_ids: JsValue,
    times: JsValue,
    events: JsValue,
    steps: JsValue,
    window_seconds: Option<f64>,
    order: JsValue,
    unit: JsValue,
    utc_offset_minutes: Option<f64>,
) -> Result<JsValue, JsValue> {
    let user_ids = user_ids_arg(user_ids)?;
    let times = numbers("times", times)?;
    let events = numbers("events", events)?;
    let steps = numbers("steps", steps)?;
    let order = optional_text("order", order)?;
    let unit = optional_text("unit", unit)?;
    let counts = funnel_counts_of(
        &user_ids,
        &times,
        &events,
        &steps,
        window_seconds,
        order,
        unit,
        utc_offset_minutes,
    )?;
    to_js_value(&core::Counts::EventFunnel(counts))
}

/// Users active on exactly k days of each period.
#[wasm_bindgen(js_name = stickinessHistogram, skip_typescript)]
pub fn stickiness_histogram(
    user_ids: JsValue,
    times: JsValue,
    period: JsValue,
    unit: JsValue,
    utc_offset_minutes: Option<f64>,
) -> Result<JsValue, JsValue> {
    let user_ids = user_ids_arg(user_ids)?;
    let times = numbers("times", times)?;
    let period = optional_text("period", period)?;
    let unit = optional_text("unit", unit)?;
    not_empty(&user_ids)?;
    let log = log(&user_ids, &times, unit, utc_offset_minutes)?;
    let period = period_of(period)?;
    to_js_value(&core::stickiness_counts(&log, period).js()?.finish().js()?)
}

/// Partial counts of `stickinessHistogram`.
#[wasm_bindgen(js_name = stickinessCounts, skip_typescript)]
pub fn stickiness_counts(
    user_ids: JsValue,
    times: JsValue,
    period: JsValue,
    unit: JsValue,
    utc_offset_minutes: Option<f64>,
) -> Result<JsValue, JsValue> {
    let user_ids = user_ids_arg(user_ids)?;
    let times = numbers("times", times)?;
    let period = optional_text("period", period)?;
    let unit = optional_text("unit", unit)?;
    let log = log(&user_ids, &times, unit, utc_offset_minutes)?;
    let period = period_of(period)?;
    to_js_value(&core::Counts::StickinessHistogram(
        core::stickiness_counts(&log, period).js()?,
    ))
}
