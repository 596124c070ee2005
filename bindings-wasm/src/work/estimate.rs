//! Estimate scales for JavaScript.

use wasm_bindgen::prelude::*;

use super::scale_arg;
use crate::convert::{optional_text, to_js_value};
use crate::errors::{to_js, IntoJs};
use pmkit::work::{EstimateScale, ScalePreset};

#[wasm_bindgen(typescript_custom_section)]
const ESTIMATE_TYPES: &'static str = r#"
export type ScalePreset = "fibonacci" | "modified_fibonacci" | "powers_of_two" | "linear" | "t_shirt";
"#;

/// A ready-made estimate scale (default "modified_fibonacci").
#[wasm_bindgen(js_name = estimateScale, unchecked_return_type = "EstimateScale")]
pub fn estimate_scale(
    #[wasm_bindgen(unchecked_param_type = "ScalePreset | null | undefined")] preset: JsValue,
) -> Result<JsValue, JsValue> {
    let preset = optional_text("preset", preset)?;
    let preset =
        ScalePreset::parse("preset", preset.as_deref().unwrap_or("modified_fibonacci")).js()?;
    to_js_value(&EstimateScale::preset(preset))
}

/// The card whose weight is `points`.
#[wasm_bindgen(js_name = estimateCard, unchecked_return_type = "Card")]
pub fn estimate_card(
    #[wasm_bindgen(unchecked_param_type = "EstimateScale")] scale: JsValue,
    points: f64,
) -> Result<JsValue, JsValue> {
    let scale = required_scale(scale)?;
    to_js_value(scale.card("points", points).js()?)
}

fn required_scale(scale: JsValue) -> Result<EstimateScale, JsValue> {
    scale_arg("scale", scale)?.ok_or_else(|| {
        to_js(pmkit::Error::invalid(
            "scale",
            "is missing; pass a scale such as estimateScale()",
        ))
    })
}
