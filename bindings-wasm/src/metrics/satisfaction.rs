//! NPS and CSAT (`pmkit::metrics` satisfaction) for JavaScript.

use wasm_bindgen::prelude::*;

use crate::convert::{count, numbers, optional_text, to_js_value};
use crate::errors::IntoJs;

#[wasm_bindgen(typescript_custom_section)]
const METRIC_TYPES: &'static str = r#"
/** The result of netPromoterScore. */
export interface NpsResult {
  /** % promoters − % detractors, from −100 to 100. */
  score: number;
  promoters: number;
  passives: number;
  detractors: number;
  responses: number;
}

/** How customerSatisfactionScore summarises answers: share of satisfied answers, or mean answer. */
export type CsatMethod = "share" | "mean";

/**
 * Customer satisfaction score of whole-number answers on 1..=scaleMax (default 5): the
 * share of answers of at least satisfiedMin (default 4) with method "share" (the
 * default), or the mean answer with "mean".
 */
export function customerSatisfactionScore(responses: ArrayLike<number>, scaleMax?: number | null, satisfiedMin?: number | null, method?: CsatMethod | null): number;
"#;

/// Net Promoter Score of answers on 0..=10: 100 × (% promoters − % detractors).
#[wasm_bindgen(js_name = netPromoterScore, unchecked_return_type = "NpsResult")]
pub fn net_promoter_score(
    #[wasm_bindgen(unchecked_param_type = "ArrayLike<number>")] responses: JsValue,
) -> Result<JsValue, JsValue> {
    let responses = numbers("responses", responses)?;
    to_js_value(&pmkit::metrics::net_promoter_score(&responses).js()?)
}

/// Customer satisfaction score of answers on 1..=scaleMax (default 5): the share of
/// answers of at least satisfiedMin (default 4) with method "share" (the default), or
/// the mean answer with "mean".
// Typed by hand above: wasm-bindgen drops the `?` of an optional parameter whose type
// is overridden, which would make `method` required in TypeScript.
#[wasm_bindgen(js_name = customerSatisfactionScore, skip_typescript)]
pub fn customer_satisfaction_score(
    #[wasm_bindgen(unchecked_param_type = "ArrayLike<number>")] responses: JsValue,
    #[wasm_bindgen(js_name = "scaleMax")] scale_max: Option<f64>,
    #[wasm_bindgen(js_name = "satisfiedMin")] satisfied_min: Option<f64>,
    method: JsValue,
) -> Result<f64, JsValue> {
    let responses = numbers("responses", responses)?;
    let method = optional_text("method", method)?;
    let method = match method {
        Some(text) => pmkit::metrics::CsatMethod::parse("method", &text).js()?,
        None => pmkit::metrics::CsatMethod::default(),
    };
    pmkit::metrics::customer_satisfaction_score(
        &responses,
        count("scale_max", scale_max.unwrap_or(5.0))?,
        count("satisfied_min", satisfied_min.unwrap_or(4.0))?,
        method,
    )
    .js()
}
