//! Feature adoption and funnels for JavaScript (hand-written until their event
//! parameters are described; the other analytics functions come from `pmkit_api::analytics!`).

use wasm_bindgen::prelude::*;

use super::{in_js_names, log_of, not_empty, user_ids_arg};
use crate::convert::{count, number, numbers, options as options_of, to_js_value};
use crate::errors::IntoJs;
use pmkit::analytics::{self as core, EventFunnelOptions, FeatureAdoptionOptions};

#[wasm_bindgen(typescript_custom_section)]
const MORE_TYPES: &'static str = r#"
/** "sequential" (each step after the previous) or "any_order". */
export type FunnelOrder = "sequential" | "any_order";

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
/** Feature adoption per period: users of the feature event over active users, cumulative adoption, days to first use. */
export function featureAdoption(userIds: UserIds, times: ArrayLike<number>, events: ArrayLike<number>, feature: number, options?: FeatureAdoptionOptions | null): Adoption;
/** Partial counts of featureAdoption for a shard of users. */
export function featureAdoptionCounts(userIds: UserIds, times: ArrayLike<number>, events: ArrayLike<number>, feature: number, options?: FeatureAdoptionOptions | null): Counts;
/** A conversion funnel over event codes within windowSeconds (default 30 days) of entering. */
export function eventFunnel(userIds: UserIds, times: ArrayLike<number>, events: ArrayLike<number>, steps: ArrayLike<number>, options?: EventFunnelOptions | null): Funnel;
/** Partial counts of eventFunnel for a shard of users. */
export function eventFunnelCounts(userIds: UserIds, times: ArrayLike<number>, events: ArrayLike<number>, steps: ArrayLike<number>, options?: EventFunnelOptions | null): Counts;
"#;

fn code(field: &str, value: f64) -> Result<u32, JsValue> {
    let number = count(field, value)?;
    u32::try_from(number)
        .map_err(|_| {
            pmkit::Error::out_of_range(field, format!("{number} is larger than {}", u32::MAX))
        })
        .js()
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
