//! Backlogs for JavaScript: ranking, totals, move / insert / remove, health, JSON and
//! Jira import. A backlog is a plain object (`{stories, scale}`); functions that change
//! one return a new object and leave the argument untouched.

use std::collections::BTreeMap;

use wasm_bindgen::prelude::*;

use super::{backlog_arg, rank_arg, scale_arg};
use crate::convert::{self, from_js_value, to_js_value};
use crate::errors::IntoJs;
use pmkit::work::{self as core, Backlog, Story};

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
