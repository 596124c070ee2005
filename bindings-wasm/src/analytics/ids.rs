//! Text ids to dense codes, and the sample event log, for JavaScript.

use wasm_bindgen::prelude::*;

use crate::convert::{from_js_value, to_js_value};
use crate::errors::IntoJs;

#[wasm_bindgen(typescript_custom_section)]
const IDS_TYPES: &'static str = r#"
/** The result of encodeIds: a code per value, and every id of the map in code order. */
export interface EncodedIds { codes: number[]; ids: string[]; }
/** The result of sampleEvents: a small, deterministic event log as columns (times in seconds). */
export interface SampleEvents {
  user_ids: number[];
  times: number[];
  events: number[];
  event_names: string[];
  unit: TimeUnit;
}
/** Dense integer codes for text ids, in order of first appearance, continuing `known` (the ids of an earlier call). */
export function encodeIds(values: string[], known?: string[] | null): EncodedIds;
"#;

/// Dense integer codes for text ids, continuing the map `known` when given.
#[wasm_bindgen(js_name = encodeIds, skip_typescript)]
pub fn encode_ids(values: JsValue, known: JsValue) -> Result<JsValue, JsValue> {
    let values: Vec<String> = from_js_value("values", values)?;
    let known: Vec<String> = if known.is_undefined() || known.is_null() {
        Vec::new()
    } else {
        from_js_value("known", known)?
    };
    to_js_value(&pmkit::analytics::encode_ids(&values, &known).js()?)
}

/// A small, deterministic event log of 120 users over eight ISO weeks.
#[wasm_bindgen(js_name = sampleEvents, unchecked_return_type = "SampleEvents")]
pub fn sample_events() -> Result<JsValue, JsValue> {
    to_js_value(&pmkit::analytics::sample_events())
}
