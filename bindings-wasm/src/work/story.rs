//! Stories and acceptance criteria for JavaScript. `toConnextra`, `investFindings` and
//! `isReady` come from the API description (`pmkit_api::work!`, expanded in
//! `work/mod.rs`), and so do the types of stories (`Story`, `Scenario`, `Finding` ...);
//! `parseStory` and `parseAcceptanceCriteria` stay hand-written with their Python twins.

use wasm_bindgen::prelude::*;

use crate::convert::{self, to_js_value};
use crate::errors::IntoJs;
use pmkit::work::{self as core, Story};

/// A story from its Connextra sentence: "As a <persona>, I want <goal>, so that <benefit>".
#[wasm_bindgen(js_name = parseStory, unchecked_return_type = "Story")]
pub fn parse_story(
    #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    let id = &convert::text("id", id)?;
    let text = &convert::text("text", text)?;
    to_js_value(&Story::parse(id, text).js()?)
}

/// Given / When / Then scenarios from Gherkin-style text.
#[wasm_bindgen(js_name = parseAcceptanceCriteria, unchecked_return_type = "Scenario[]")]
pub fn parse_acceptance_criteria(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    let text = &convert::text("text", text)?;
    to_js_value(&core::parse_acceptance_criteria(text).js()?)
}
