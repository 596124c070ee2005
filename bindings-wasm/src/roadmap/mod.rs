//! `pmkit::roadmap` for JavaScript: validation, progress roll-up, lifecycle and
//! feasibility. Most functions come from the API description (`pmkit_api::roadmap!`);
//! the two that read a backlog (`roadmapProgress`, `remainingEpics`) are written here
//! until the backlog's JSON form is described. Roadmaps, backlogs, lifecycles and
//! epics are plain objects in their JSON form; top-level dates take a `Date` (its UTC
//! day) or an ISO string.

use wasm_bindgen::prelude::*;

use crate::convert::{from_js_value, js_functions, to_js_value};
use crate::errors::IntoJs;
use pmkit::roadmap::{self as core, Roadmap};
use pmkit::work::{Backlog, BacklogParts};

pmkit_api::roadmap!(js_functions);

// The progress roll-up's result; the roadmap types come from the description.
#[wasm_bindgen(typescript_custom_section)]
const ROADMAP_TYPES: &'static str = r#"
export interface Progress {
  done_points: number; total_points: number; done_items: number; total_items: number;
  cancelled_items: number; unestimated_items: number; points_fraction: number | null; items_fraction: number | null;
}
export interface ItemProgress { id: string; level: Level; progress: Progress; }
export interface LevelProgress { level: Level; items: number; progress: Progress; }
export interface RoadmapProgress { items: ItemProgress[]; levels: LevelProgress[]; unplanned: string[]; }
"#;

fn roadmap_arg(value: JsValue) -> Result<Roadmap, JsValue> {
    let roadmap: Roadmap = from_js_value("roadmap", value)?;
    roadmap.check().map_err(|err| err.within("roadmap")).js()?;
    Ok(roadmap)
}

fn backlog_arg(value: JsValue) -> Result<Backlog, JsValue> {
    let parts: BacklogParts = from_js_value("backlog", value)?;
    Backlog::try_from(parts)
        .map_err(|err| err.within("backlog"))
        .js()
}

/// Done / total points and items per item and level, from the backlog; cancelled excluded.
#[wasm_bindgen(js_name = roadmapProgress, unchecked_return_type = "RoadmapProgress")]
pub fn roadmap_progress(
    #[wasm_bindgen(unchecked_param_type = "Roadmap")] roadmap: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Backlog")] backlog: JsValue,
) -> Result<JsValue, JsValue> {
    let roadmap = roadmap_arg(roadmap)?;
    let backlog = backlog_arg(backlog)?;
    to_js_value(&core::roadmap_progress(&roadmap, &backlog).js()?)
}

/// The open epics in rank order with their remaining points.
#[wasm_bindgen(js_name = remainingEpics, unchecked_return_type = "PlannedEpic[]")]
pub fn remaining_epics(
    #[wasm_bindgen(unchecked_param_type = "Roadmap")] roadmap: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Backlog")] backlog: JsValue,
) -> Result<JsValue, JsValue> {
    let roadmap = roadmap_arg(roadmap)?;
    let backlog = backlog_arg(backlog)?;
    to_js_value(&core::remaining_epics(&roadmap, &backlog).js()?)
}
