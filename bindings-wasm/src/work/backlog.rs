//! Backlogs for JavaScript: ranking, totals, move / insert / remove, health, JSON and
//! Jira import. A backlog is a plain object (`{stories, scale}`); functions that change
//! one return a new object and leave the argument untouched.

use std::collections::BTreeMap;

use wasm_bindgen::prelude::*;

use super::{backlog_arg, rank_arg, scale_arg};
use crate::convert::{self, from_js_value, to_js_value};
use crate::errors::IntoJs;
use pmkit::work::{self as core, Backlog, StatusCategory, Story};

#[wasm_bindgen(typescript_custom_section)]
const BACKLOG_TYPES: &'static str = r#"
"#;

fn backlog_value(backlog: &Backlog) -> Result<JsValue, JsValue> {
    to_js_value(backlog)
}

/// A backlog of `stories`, top first, checked against `scale` if given.
#[wasm_bindgen(js_name = newBacklog, unchecked_return_type = "Backlog")]
pub fn new_backlog(
    #[wasm_bindgen(unchecked_param_type = "Story[]")] stories: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EstimateScale | null | undefined")] scale: JsValue,
) -> Result<JsValue, JsValue> {
    let stories: Vec<Story> = from_js_value("stories", stories)?;
    backlog_value(&Backlog::new(stories, scale_arg("scale", scale)?).js()?)
}

/// A backlog from its JSON text.
#[wasm_bindgen(js_name = backlogFromJson, unchecked_return_type = "Backlog")]
pub fn backlog_from_json(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    let text = &convert::text("text", text)?;
    backlog_value(&Backlog::from_json(text).js()?)
}

/// The stories whose status is in `category`, in backlog order.
#[wasm_bindgen(js_name = storiesIn, unchecked_return_type = "Story[]")]
pub fn stories_in(
    #[wasm_bindgen(unchecked_param_type = "Backlog")] backlog: JsValue,
    #[wasm_bindgen(unchecked_param_type = "StatusCategory")] category: JsValue,
) -> Result<JsValue, JsValue> {
    let category = &convert::text("category", category)?;
    let backlog = backlog_arg(backlog)?;
    let category = StatusCategory::parse("category", category).js()?;
    to_js_value(&backlog.stories_in(category))
}

/// A new backlog with story `id` moved to `rank` (1 = top).
#[wasm_bindgen(js_name = moveStory, unchecked_return_type = "Backlog")]
pub fn move_story(
    #[wasm_bindgen(unchecked_param_type = "Backlog")] backlog: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    rank: f64,
) -> Result<JsValue, JsValue> {
    let id = &convert::text("id", id)?;
    let mut backlog = backlog_arg(backlog)?;
    backlog.move_story(id, rank_arg(rank)?).js()?;
    backlog_value(&backlog)
}

/// A new backlog with `story` inserted at `rank` (1 = top; default: the bottom).
#[wasm_bindgen(js_name = insertStory, unchecked_return_type = "Backlog")]
pub fn insert_story(
    #[wasm_bindgen(unchecked_param_type = "Backlog")] backlog: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Story")] story: JsValue,
    rank: Option<f64>,
) -> Result<JsValue, JsValue> {
    let mut backlog = backlog_arg(backlog)?;
    let story: Story = from_js_value("story", story)?;
    let rank = match rank {
        Some(rank) => rank_arg(rank)?,
        None => backlog.len() + 1,
    };
    backlog.insert_story(story, rank).js()?;
    backlog_value(&backlog)
}

/// A new backlog without story `id`.
#[wasm_bindgen(js_name = removeStory, unchecked_return_type = "Backlog")]
pub fn remove_story(
    #[wasm_bindgen(unchecked_param_type = "Backlog")] backlog: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
) -> Result<JsValue, JsValue> {
    let id = &convert::text("id", id)?;
    let mut backlog = backlog_arg(backlog)?;
    backlog.remove_story(id).js()?;
    backlog_value(&backlog)
}

/// A backlog from the text of a Jira CSV export; `statuses` maps each status name to
/// "to_do", "in_progress", "done" or "cancelled".
#[wasm_bindgen(js_name = importJiraCsv, unchecked_return_type = "Backlog")]
pub fn import_jira_csv(
    #[wasm_bindgen(unchecked_param_type = "string")] source: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Record<string, StatusCategory>")] statuses: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EstimateScale | null | undefined")] scale: JsValue,
) -> Result<JsValue, JsValue> {
    let source = &convert::text("source", source)?;
    let statuses: BTreeMap<String, String> = from_js_value("statuses", statuses)?;
    let statuses = core::StatusMap::from_names(statuses).js()?;
    let scale = scale_arg("scale", scale)?;
    backlog_value(&core::import_jira_csv(source, &statuses, scale.as_ref()).js()?)
}

/// The sample checkout backlog that `make demo` reports on.
#[wasm_bindgen(js_name = sampleBacklog, unchecked_return_type = "Backlog")]
pub fn sample_backlog() -> Result<JsValue, JsValue> {
    backlog_value(&core::sample_backlog())
}
