//! The scorecard (`pmkit::scorecard`) for JavaScript: every KPI of a product snapshot.

use wasm_bindgen::prelude::*;

use crate::convert::{from_js_value, to_js_value};
use crate::errors::IntoJs;

/// Every KPI the snapshot (an object in the JSON form, or JSON text) has inputs for.
#[wasm_bindgen(js_name = kpiScorecard, unchecked_return_type = "Scorecard")]
pub fn kpi_scorecard(
    #[wasm_bindgen(unchecked_param_type = "ProductSnapshot | string")] snapshot: JsValue,
) -> Result<JsValue, JsValue> {
    let snapshot = match crate::json_value::string("snapshot", &snapshot).js()? {
        Some(text) => pmkit::scorecard::ProductSnapshot::from_json(&text).js()?,
        None => from_js_value("snapshot", snapshot)?,
    };
    to_js_value(&pmkit::scorecard::scorecard(&snapshot).js()?)
}

/// The bundled sample product (what `make demo` reports on).
#[wasm_bindgen(js_name = sampleSnapshot, unchecked_return_type = "ProductSnapshot")]
pub fn sample_snapshot() -> Result<JsValue, JsValue> {
    to_js_value(&pmkit::scorecard::sample_snapshot())
}
