//! Churn, feature adoption, funnels and the stickiness histogram for JavaScript.

use wasm_bindgen::prelude::*;

use super::{in_js_names, log_of, not_empty, user_ids_arg};
use crate::convert::{count, number, numbers, options as options_of, to_js_value};
use crate::errors::IntoJs;
use pmkit::analytics::{
    self as core, ActivityChurnOptions, EventFunnelOptions, FeatureAdoptionOptions,
    StickinessOptions,
};

#[wasm_bindgen(typescript_custom_section)]
const MORE_TYPES: &'static str = r#"
/** "sequential" (each step after the previous) or "any_order". */
export type FunnelOrder = "sequential" | "any_order";

/** The options of activityChurn and activityChurnCounts. */
export interface ActivityChurnOptions extends LogOptions {
  /** The period: "day", "week" (ISO, the default), "week_<weekday>" or "month". */
  period?: CohortPeriod | null;
  /** Days without an event after a period that make an active user churned; default 30. */
  inactiveDays?: number | null;
}
/** The options of featureAdoption and featureAdoptionCounts. */
export interface FeatureAdoptionOptions extends LogOptions {
  /** The period: "day", "week" (ISO, the default), "week_<weekday>" or "month". */
  period?: CohortPeriod | null;
}
/** The options of eventFunnel and eventFunnelCounts. */
export interface EventFunnelOptions extends LogOptions {
  /** Seconds from entering the funnel within which the later steps count; default 30 days. */
  windowSeconds?: number | null;
  /** "sequential" (the default) or "any_order". */
  order?: FunnelOrder | null;
}
/** The options of stickinessHistogram and stickinessCounts. */
export interface StickinessOptions extends LogOptions {
  /** The period: "day", "week" (ISO, the default), "week_<weekday>" or "month". */
  period?: CohortPeriod | null;
}

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
export function activityChurn(userIds: UserIds, times: ArrayLike<number>, options?: ActivityChurnOptions | null): Churn;
/** Partial counts of activityChurn for a shard of users. */
export function activityChurnCounts(userIds: UserIds, times: ArrayLike<number>, options?: ActivityChurnOptions | null): Counts;
/** Feature adoption per period: users of the feature event over active users, cumulative adoption, days to first use. */
export function featureAdoption(userIds: UserIds, times: ArrayLike<number>, events: ArrayLike<number>, feature: number, options?: FeatureAdoptionOptions | null): Adoption;
/** Partial counts of featureAdoption for a shard of users. */
export function featureAdoptionCounts(userIds: UserIds, times: ArrayLike<number>, events: ArrayLike<number>, feature: number, options?: FeatureAdoptionOptions | null): Counts;
/** A conversion funnel over event codes within windowSeconds (default 30 days) of entering. */
export function eventFunnel(userIds: UserIds, times: ArrayLike<number>, events: ArrayLike<number>, steps: ArrayLike<number>, options?: EventFunnelOptions | null): Funnel;
/** Partial counts of eventFunnel for a shard of users. */
export function eventFunnelCounts(userIds: UserIds, times: ArrayLike<number>, events: ArrayLike<number>, steps: ArrayLike<number>, options?: EventFunnelOptions | null): Counts;
/** Per period, users active on exactly k days of it, and on at least k days. */
export function stickinessHistogram(userIds: UserIds, times: ArrayLike<number>, options?: StickinessOptions | null): StickinessHistogram;
/** Partial counts of stickinessHistogram for a shard of users. */
export function stickinessCounts(userIds: UserIds, times: ArrayLike<number>, options?: StickinessOptions | null): Counts;
"#;

fn code(field: &str, value: f64) -> Result<u32, JsValue> {
    let number = count(field, value)?;
    u32::try_from(number)
        .map_err(|_| {
            pmkit::Error::out_of_range(field, format!("{number} is larger than {}", u32::MAX))
        })
        .js()
}

fn churn_counts_of(
    user_ids: JsValue,
    times: JsValue,
    options: JsValue,
    whole: bool,
) -> Result<core::ChurnCounts, JsValue> {
    let user_ids = user_ids_arg(user_ids)?;
    let times = numbers("times", times)?;
    let options: ActivityChurnOptions = options_of("options", options)?;
    if whole {
        not_empty(&user_ids)?;
    }
    let log = log_of(&user_ids, &times, options.unit, options.utc_offset_minutes)?;
    core::activity_churn_counts(&log, &options).js()
}

/// Churn from activity per period.
#[wasm_bindgen(js_name = activityChurn, skip_typescript)]
pub fn activity_churn(
    user_ids: JsValue,
    times: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    in_js_names(|| {
        to_js_value(
            &churn_counts_of(user_ids, times, options, true)?
                .finish()
                .js()?,
        )
    })
}

/// Partial counts of `activityChurn`.
#[wasm_bindgen(js_name = activityChurnCounts, skip_typescript)]
pub fn activity_churn_counts(
    user_ids: JsValue,
    times: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    in_js_names(|| {
        to_js_value(&core::Counts::ActivityChurn(churn_counts_of(
            user_ids, times, options, false,
        )?))
    })
}

fn adoption_counts_of(
    user_ids: JsValue,
    times: JsValue,
    events: JsValue,
    feature: JsValue,
    options: JsValue,
    whole: bool,
) -> Result<core::AdoptionCounts, JsValue> {
    let user_ids = user_ids_arg(user_ids)?;
    let times = numbers("times", times)?;
    let events = numbers("events", events)?;
    let feature = number("feature", &feature)?;
    let options: FeatureAdoptionOptions = options_of("options", options)?;
    if whole {
        not_empty(&user_ids)?;
    }
    let log = log_of(&user_ids, &times, options.unit, options.utc_offset_minutes)?
        .with_events(&events)
        .js()?;
    let feature = code("feature", feature)?;
    core::feature_adoption_counts(&log, feature, &options).js()
}

/// Feature adoption per period, cumulative adoption, and days to first use.
#[wasm_bindgen(js_name = featureAdoption, skip_typescript)]
pub fn feature_adoption(
    user_ids: JsValue,
    times: JsValue,
    events: JsValue,
    feature: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    in_js_names(|| {
        let counts = adoption_counts_of(user_ids, times, events, feature, options, true)?;
        to_js_value(&counts.finish().js()?)
    })
}

/// Partial counts of `featureAdoption`.
#[wasm_bindgen(js_name = featureAdoptionCounts, skip_typescript)]
pub fn feature_adoption_counts(
    user_ids: JsValue,
    times: JsValue,
    events: JsValue,
    feature: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    in_js_names(|| {
        let counts = adoption_counts_of(user_ids, times, events, feature, options, false)?;
        to_js_value(&core::Counts::FeatureAdoption(counts))
    })
}

fn funnel_counts_of(
    user_ids: JsValue,
    times: JsValue,
    events: JsValue,
    steps: JsValue,
    options: JsValue,
) -> Result<(core::FunnelCounts, bool), JsValue> {
    let user_ids = user_ids_arg(user_ids)?;
    let times = numbers("times", times)?;
    let events = numbers("events", events)?;
    let steps = numbers("steps", steps)?;
    let options: EventFunnelOptions = options_of("options", options)?;
    let log = log_of(&user_ids, &times, options.unit, options.utc_offset_minutes)?
        .with_events(&events)
        .js()?;
    let steps: Vec<u32> = steps
        .iter()
        .enumerate()
        .map(|(index, &step)| code(&format!("steps[{index}]"), step))
        .collect::<Result<_, _>>()?;
    let counts = core::event_funnel_counts(&log, &steps, &options).js()?;
    Ok((counts, user_ids.is_empty()))
}

/// A conversion funnel over event codes.
#[wasm_bindgen(js_name = eventFunnel, skip_typescript)]
pub fn event_funnel(
    user_ids: JsValue,
    times: JsValue,
    events: JsValue,
    steps: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    in_js_names(|| {
        let (counts, empty) = funnel_counts_of(user_ids, times, events, steps, options)?;
        if empty {
            not_empty(&[])?;
        }
        to_js_value(&counts.finish().js()?)
    })
}

/// Partial counts of `eventFunnel`.
#[wasm_bindgen(js_name = eventFunnelCounts, skip_typescript)]
pub fn event_funnel_counts(
    user_ids: JsValue,
    times: JsValue,
    events: JsValue,
    steps: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    in_js_names(|| {
        let (counts, _) = funnel_counts_of(user_ids, times, events, steps, options)?;
        to_js_value(&core::Counts::EventFunnel(counts))
    })
}

fn stickiness_counts_of(
    user_ids: JsValue,
    times: JsValue,
    options: JsValue,
    whole: bool,
) -> Result<core::StickinessCounts, JsValue> {
    let user_ids = user_ids_arg(user_ids)?;
    let times = numbers("times", times)?;
    let options: StickinessOptions = options_of("options", options)?;
    if whole {
        not_empty(&user_ids)?;
    }
    let log = log_of(&user_ids, &times, options.unit, options.utc_offset_minutes)?;
    core::stickiness_counts(&log, &options).js()
}

/// Users active on exactly k days of each period.
#[wasm_bindgen(js_name = stickinessHistogram, skip_typescript)]
pub fn stickiness_histogram(
    user_ids: JsValue,
    times: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    in_js_names(|| {
        to_js_value(
            &stickiness_counts_of(user_ids, times, options, true)?
                .finish()
                .js()?,
        )
    })
}

/// Partial counts of `stickinessHistogram`.
#[wasm_bindgen(js_name = stickinessCounts, skip_typescript)]
pub fn stickiness_counts(
    user_ids: JsValue,
    times: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    in_js_names(|| {
        to_js_value(&core::Counts::StickinessHistogram(stickiness_counts_of(
            user_ids, times, options, false,
        )?))
    })
}
