//! Stakeholder engagement (`pmkit::metrics` stakeholder) for JavaScript.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::convert::{from_js_value, to_js_value};
use crate::errors::{to_js, IntoJs};

#[wasm_bindgen(typescript_custom_section)]
const STAKEHOLDER_TYPES: &'static str = r#"
/** A level of the PMBOK Stakeholder Engagement Assessment Matrix, least engaged first. */
export type EngagementLevel = "unaware" | "resistant" | "neutral" | "supportive" | "leading";

/** One row of the engagement matrix: where a stakeholder is, and where they are needed. */
export interface Stakeholder {
  /** Who (a person, group or role); not blank. */
  name: string;
  current: EngagementLevel;
  desired: EngagementLevel;
}

/** A stakeholder below the desired level. */
export interface StakeholderGap {
  name: string;
  current: EngagementLevel;
  desired: EngagementLevel;
  /** Levels between current and desired (≥ 1). */
  shortfall: number;
}

/** The result of stakeholderEngagement. */
export interface StakeholderEngagement {
  /** Share of stakeholders at or above their desired level (fraction). */
  share_at_or_above_desired: number;
  /** Mean shortfall in levels over all stakeholders (0..=4). */
  mean_gap: number;
  /** The stakeholders below their desired level, in input order. */
  gaps: StakeholderGap[];
}
"#;

/// Stakeholder engagement on the PMBOK assessment matrix, from plain objects
/// `{ name, current, desired }`.
#[wasm_bindgen(js_name = stakeholderEngagement, unchecked_return_type = "StakeholderEngagement")]
pub fn stakeholder_engagement(
    #[wasm_bindgen(unchecked_param_type = "Stakeholder[]")] stakeholders: JsValue,
) -> Result<JsValue, JsValue> {
    let Some(items) = stakeholders.dyn_ref::<js_sys::Array>() else {
        return Err(to_js(pmkit::Error::invalid(
            "stakeholders",
            "expected an array of { name, current, desired } objects",
        )));
    };
    let stakeholders = items
        .iter()
        .enumerate()
        .map(|(index, item)| from_js_value(&format!("stakeholders[{index}]"), item))
        .collect::<Result<Vec<pmkit::metrics::Stakeholder>, JsValue>>()?;
    to_js_value(&pmkit::metrics::stakeholder_engagement(&stakeholders).js()?)
}
