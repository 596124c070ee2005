//! NPS and CSAT (`pmkit::metrics` satisfaction) for JavaScript.

use wasm_bindgen::prelude::*;

use crate::convert::to_js_value;
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
"#;

/// Net Promoter Score of answers on 0..=10: 100 × (% promoters − % detractors).
#[wasm_bindgen(js_name = netPromoterScore, unchecked_return_type = "NpsResult")]
pub fn net_promoter_score(
    #[wasm_bindgen(unchecked_param_type = "ArrayLike<number>")] responses: Vec<f64>,
) -> Result<JsValue, JsValue> {
    to_js_value(&pmkit::metrics::net_promoter_score(&responses).js()?)
}
