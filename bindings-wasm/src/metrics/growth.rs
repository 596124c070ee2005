//! Growth and usage metrics (`pmkit::metrics` growth) for JavaScript.

use wasm_bindgen::prelude::*;

use crate::convert::{count, numbers, optional_text, to_js_value};
use crate::errors::IntoJs;

#[wasm_bindgen(typescript_custom_section)]
const GROWTH_TYPES: &'static str = r#"
/** The result of funnelConversion. Fields are snake_case (the JSON form); with n steps, step_rates and drop_off have n − 1 entries. */
export interface FunnelConversion {
  /** steps[i + 1] / steps[i]; null when nobody reached step i. */
  step_rates: (number | null)[];
  /** steps[i] / steps[0]: share of the funnel's entrants who reached step i. */
  cumulative_rates: number[];
  /** steps[i] − steps[i + 1]: people lost between step i and the next. */
  drop_off: number[];
  /** last / first: conversion through the whole funnel. */
  overall: number;
}

/** The denominator of churnRate: customers at start, the average customer count, or start + new. */
export type ChurnMethod = "start" | "average" | "serviced";

/**
 * Churn rate: customers lost over customers at start ("start", the default), the
 * average customer count ("average") or every customer serviced ("serviced").
 * newCustomers defaults to 0.
 */
export function churnRate(customersAtStart: number, customersLost: number, newCustomers?: number | null, method?: ChurnMethod | null): number;
"#;

/// Conversion rate: conversions / visitors, as a fraction.
#[wasm_bindgen(js_name = conversionRate)]
pub fn conversion_rate(conversions: f64, visitors: f64) -> Result<f64, JsValue> {
    pmkit::metrics::conversion_rate(
        count("conversions", conversions)?,
        count("visitors", visitors)?,
    )
    .js()
}

/// Funnel conversion: step-to-step rates, share of entrants per step, drop-off, overall.
#[wasm_bindgen(js_name = funnelConversion, unchecked_return_type = "FunnelConversion")]
pub fn funnel_conversion(
    #[wasm_bindgen(unchecked_param_type = "ArrayLike<number>")] steps: JsValue,
) -> Result<JsValue, JsValue> {
    let steps = numbers("steps", steps)?;
    let steps = pmkit::input::counts("steps", &steps).js()?;
    to_js_value(&pmkit::metrics::funnel_conversion(&steps).js()?)
}

/// Feature adoption rate: featureUsers / activeUsers, as a fraction.
#[wasm_bindgen(js_name = featureAdoptionRate)]
pub fn feature_adoption_rate(
    #[wasm_bindgen(js_name = "featureUsers")] feature_users: f64,
    #[wasm_bindgen(js_name = "activeUsers")] active_users: f64,
) -> Result<f64, JsValue> {
    pmkit::metrics::feature_adoption_rate(
        count("feature_users", feature_users)?,
        count("active_users", active_users)?,
    )
    .js()
}

/// Stickiness: dau / mau, as a fraction.
#[wasm_bindgen(js_name = stickiness)]
pub fn stickiness(dau: f64, mau: f64) -> Result<f64, JsValue> {
    pmkit::metrics::stickiness(dau, mau).js()
}

/// Churn rate: customers lost over customers at start ("start", the default), the
/// average customer count ("average") or every customer serviced ("serviced").
// Typed by hand above: wasm-bindgen drops the `?` of an optional parameter whose type
// is overridden, which would make `method` required in TypeScript.
#[wasm_bindgen(js_name = churnRate, skip_typescript)]
pub fn churn_rate(
    #[wasm_bindgen(js_name = "customersAtStart")] customers_at_start: f64,
    #[wasm_bindgen(js_name = "customersLost")] customers_lost: f64,
    #[wasm_bindgen(js_name = "newCustomers")] new_customers: Option<f64>,
    method: JsValue,
) -> Result<f64, JsValue> {
    let method = optional_text("method", method)?;
    let method = match method {
        Some(text) => pmkit::metrics::ChurnMethod::parse("method", &text).js()?,
        None => pmkit::metrics::ChurnMethod::default(),
    };
    pmkit::metrics::churn_rate(
        count("customers_at_start", customers_at_start)?,
        count("customers_lost", customers_lost)?,
        count("new_customers", new_customers.unwrap_or(0.0))?,
        method,
    )
    .js()
}

/// Customer retention rate: (customersAtEnd − newCustomers) / customersAtStart.
#[wasm_bindgen(js_name = customerRetentionRate)]
pub fn customer_retention_rate(
    #[wasm_bindgen(js_name = "customersAtStart")] customers_at_start: f64,
    #[wasm_bindgen(js_name = "customersAtEnd")] customers_at_end: f64,
    #[wasm_bindgen(js_name = "newCustomers")] new_customers: f64,
) -> Result<f64, JsValue> {
    pmkit::metrics::customer_retention_rate(
        count("customers_at_start", customers_at_start)?,
        count("customers_at_end", customers_at_end)?,
        count("new_customers", new_customers)?,
    )
    .js()
}
