//! Prioritization scores and the Kano model for JavaScript.

use wasm_bindgen::prelude::*;

use super::{backlog_arg, unestimated_arg};
use crate::convert::{optional_text, text, texts, to_js_value};
use crate::errors::IntoJs;
use pmkit::work::{self as core, Framework, KanoAnswer};

#[wasm_bindgen(typescript_custom_section)]
const PRIORITIZE_TYPES: &'static str = r#"
export type Framework = "rice" | "ice" | "wsjf" | "value_effort" | "moscow";
export type Variant = "intercom" | "unrestricted" | "product" | "mean" | "modified_fibonacci" | "ratio" | "standard";

/** A priority score with its provenance. Higher ranks first. */
export interface Score {
  framework: Framework;
  variant: Variant;
  inputs: RiceInputs | IceInputs | WsjfInputs | ValueEffortInputs | { category: Moscow };
  score: number;
}

export interface MoscowTotals { stories: number; effort: number; unestimated: number; }

/** The MoSCoW breakdown of a backlog's open stories. */
export interface MoscowSummary {
  must: MoscowTotals;
  should: MoscowTotals;
  could: MoscowTotals;
  wont: MoscowTotals;
  uncategorized: number;
  /** Must effort / (must + should + could effort); null when that is 0. */
  must_have_share: number | null;
  findings: Finding[];
}

export type KanoAnswer = "like" | "must_be" | "neutral" | "live_with" | "dislike";
export type KanoCategory = "attractive" | "one_dimensional" | "must_be" | "indifferent" | "reverse" | "questionable";

/** Respondents' Kano answers on one feature. */
export interface KanoSummary {
  attractive: number;
  one_dimensional: number;
  must_be: number;
  indifferent: number;
  reverse: number;
  questionable: number;
  respondents: number;
  category: KanoCategory;
  /** (A + O) / (A + O + M + I). */
  better: number;
  /** −(O + M) / (A + O + M + I). */
  worse: number;
}
"#;

/// RICE: reach × impact × confidence / effort (variant "intercom" or "unrestricted").
#[wasm_bindgen(js_name = riceScore, unchecked_return_type = "Score")]
pub fn rice_score(
    reach: f64,
    impact: f64,
    confidence: f64,
    effort: f64,
    #[wasm_bindgen(unchecked_optional_param_type = "string | null")] variant: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let variant = optional_text("variant", variant)?;
    let variant = Framework::Rice
        .variant("variant", variant.as_deref())
        .js()?;
    let inputs = core::RiceInputs {
        reach,
        impact,
        confidence,
        effort,
    };
    to_js_value(&core::rice_score(&inputs, variant).js()?)
}

/// ICE: impact, confidence, ease on 1..=10 (variant "product" or "mean").
#[wasm_bindgen(js_name = iceScore, unchecked_return_type = "Score")]
pub fn ice_score(
    impact: f64,
    confidence: f64,
    ease: f64,
    #[wasm_bindgen(unchecked_optional_param_type = "string | null")] variant: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let variant = optional_text("variant", variant)?;
    let variant = Framework::Ice.variant("variant", variant.as_deref()).js()?;
    let inputs = core::IceInputs {
        impact,
        confidence,
        ease,
    };
    to_js_value(&core::ice_score(&inputs, variant).js()?)
}

/// WSJF: (user-business value + time criticality + risk reduction) / job size
/// (variant "unrestricted" or "modified_fibonacci").
#[wasm_bindgen(js_name = wsjfScore, unchecked_return_type = "Score")]
pub fn wsjf_score(
    user_business_value: f64,
    time_criticality: f64,
    risk_reduction: f64,
    job_size: f64,
    #[wasm_bindgen(unchecked_optional_param_type = "string | null")] variant: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let variant = optional_text("variant", variant)?;
    let variant = Framework::Wsjf
        .variant("variant", variant.as_deref())
        .js()?;
    let inputs = core::WsjfInputs {
        user_business_value,
        time_criticality,
        risk_reduction,
        job_size,
    };
    to_js_value(&core::wsjf_score(&inputs, variant).js()?)
}

/// Value / effort ratio.
#[wasm_bindgen(js_name = valueEffortScore, unchecked_return_type = "Score")]
pub fn value_effort_score(value: f64, effort: f64) -> Result<JsValue, JsValue> {
    to_js_value(&core::value_effort_score(&core::ValueEffortInputs { value, effort }).js()?)
}

/// The value / effort quadrant: "quick_win", "big_bet", "fill_in" or "money_pit".
#[wasm_bindgen(js_name = valueEffortQuadrant, unchecked_return_type = "\"quick_win\" | \"big_bet\" | \"fill_in\" | \"money_pit\"")]
pub fn value_effort_quadrant(
    value: f64,
    effort: f64,
    value_threshold: f64,
    effort_threshold: f64,
) -> Result<JsValue, JsValue> {
    let quadrant =
        core::value_effort_quadrant(value, effort, value_threshold, effort_threshold).js()?;
    Ok(JsValue::from_str(quadrant.as_str()))
}

/// A MoSCoW category ("must", "should", "could", "won't") as a score: 3, 2, 1, 0.
#[wasm_bindgen(js_name = moscowScore, unchecked_return_type = "Score")]
pub fn moscow_score(
    #[wasm_bindgen(unchecked_param_type = "string")] category: JsValue,
) -> Result<JsValue, JsValue> {
    let category = &text("category", category)?;
    let category = core::Moscow::parse("category", category).js()?;
    to_js_value(&core::moscow_score(category))
}

/// MoSCoW breakdown of the backlog's open stories, with the must-have share of effort.
#[wasm_bindgen(js_name = moscowSummary, unchecked_return_type = "MoscowSummary")]
pub fn moscow_summary(
    #[wasm_bindgen(unchecked_param_type = "Backlog")] backlog: JsValue,
    unestimated_weight: Option<f64>,
) -> Result<JsValue, JsValue> {
    let backlog = backlog_arg(backlog)?;
    to_js_value(&backlog.moscow_summary(unestimated_arg(unestimated_weight)?))
}

/// The Kano category of one respondent's functional and dysfunctional answers.
#[wasm_bindgen(js_name = kanoCategory, unchecked_return_type = "KanoCategory")]
pub fn kano_category(
    #[wasm_bindgen(unchecked_param_type = "string")] functional: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] dysfunctional: JsValue,
) -> Result<JsValue, JsValue> {
    let functional = &text("functional", functional)?;
    let dysfunctional = &text("dysfunctional", dysfunctional)?;
    let functional = KanoAnswer::parse("functional", functional).js()?;
    let dysfunctional = KanoAnswer::parse("dysfunctional", dysfunctional).js()?;
    Ok(JsValue::from_str(
        core::kano_category(functional, dysfunctional).as_str(),
    ))
}

/// Kano category counts, category, better and worse over many respondents.
#[wasm_bindgen(js_name = kanoSummary, unchecked_return_type = "KanoSummary")]
pub fn kano_summary(
    #[wasm_bindgen(unchecked_param_type = "string[]")] functional: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string[]")] dysfunctional: JsValue,
) -> Result<JsValue, JsValue> {
    let functional = texts("functional", functional)?;
    let dysfunctional = texts("dysfunctional", dysfunctional)?;
    let functional = answers("functional", &functional)?;
    let dysfunctional = answers("dysfunctional", &dysfunctional)?;
    to_js_value(&core::kano_summary(&functional, &dysfunctional).js()?)
}

fn answers(name: &str, texts: &[String]) -> Result<Vec<KanoAnswer>, JsValue> {
    texts
        .iter()
        .enumerate()
        .map(|(index, text)| KanoAnswer::parse(&format!("{name}[{index}]"), text))
        .collect::<pmkit::Result<Vec<_>>>()
        .js()
}
