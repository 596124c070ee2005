//! `pmkit::roadmap` for JavaScript: validation, progress roll-up, lifecycle and
//! feasibility. Roadmaps, backlogs, lifecycles and epics are plain objects in their
//! JSON form; top-level dates take a `Date` (its UTC day) or an ISO string.

use wasm_bindgen::prelude::*;

use crate::convert::{self, count, from_js_value, numbers, to_js_value};
use crate::errors::IntoJs;
use pmkit::roadmap::{self as core, Lifecycle, PlannedEpic, Roadmap, Stage};
use pmkit::work::{Backlog, BacklogParts};

#[wasm_bindgen(typescript_custom_section)]
const ROADMAP_TYPES: &'static str = r#"
export type RoadmapLevel = "product" | "objective" | "key_result" | "theme" | "initiative" | "epic" | "story";
export type Lane = "now" | "next" | "later";
export type DependencyKind = "finish_to_start" | "start_to_start" | "finish_to_finish" | "start_to_finish";
export type LifecycleStage = "introduction" | "growth" | "maturity" | "decline";
export type IssueKind = "cycle" | "parent_cycle" | "missing_item" | "level_order" | "outside_parent" | "dependency_violated";
/** "2026-11-28", "2026-11", "2026-Q4", "2026-H2" or "2026". */
export type Target = string;

export interface RoadmapItem {
  id: string; title: string; level: RoadmapLevel; parent?: string | null;
  owner?: "product_manager" | "product_owner" | null; status?: StatusCategory;
  start?: Target | null; target?: Target | null; lane?: Lane | null; estimate?: number | null;
}
export interface Dependency { from: string; to: string; kind?: DependencyKind; lag_days?: number; }
export interface Release { id: string; name: string; date: string; items?: string[]; }
export interface Milestone { id: string; name: string; date: string; }
export interface StageChange { stage: LifecycleStage; date: string; }
export interface Lifecycle { history: StageChange[]; }
export interface Roadmap {
  product: string; items: RoadmapItem[]; dependencies?: Dependency[]; releases?: Release[];
  milestones?: Milestone[]; lifecycle?: Lifecycle | null;
}

export interface RoadmapIssue { kind: IssueKind; items: string[]; message: string; }
export interface RoadmapValidation { valid: boolean; issues: RoadmapIssue[]; cycles_truncated: boolean; }

export interface Progress {
  done_points: number; total_points: number; done_items: number; total_items: number;
  cancelled_items: number; unestimated_items: number; points_fraction: number | null; items_fraction: number | null;
}
export interface ItemProgress { id: string; level: RoadmapLevel; progress: Progress; }
export interface LevelProgress { level: RoadmapLevel; items: number; progress: Progress; }
export interface RoadmapProgress { items: ItemProgress[]; levels: LevelProgress[]; unplanned: string[]; }

export interface PlannedEpic { id: string; remaining_points: number; target?: Target | null; }
export interface Allocation { epic: string; points: number; }
export interface PlannedSprint { number: number; start: string; end: string; allocations: Allocation[]; }
export interface EpicProjection {
  id: string; remaining_points: number; start_sprint: number | null; finish_sprint: number | null;
  finish_date: string | null; target: Target | null; misses_target: boolean;
}
export interface Feasibility { mean_velocity: number; sprints_needed: number; epics: EpicProjection[]; missed: string[]; sprints: PlannedSprint[]; }
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

/// A roadmap from its JSON text.
#[wasm_bindgen(js_name = roadmapFromJson, unchecked_return_type = "Roadmap")]
pub fn roadmap_from_json(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    let text = &convert::text("text", text)?;
    to_js_value(&Roadmap::from_json(text).js()?)
}

/// The roadmap as JSON text, byte for byte what Rust and Python write.
#[wasm_bindgen(js_name = roadmapToJson)]
pub fn roadmap_to_json(
    #[wasm_bindgen(unchecked_param_type = "Roadmap")] roadmap: JsValue,
) -> Result<String, JsValue> {
    Ok(roadmap_arg(roadmap)?.to_json())
}

/// Every cycle (with its path), missing item, misplaced child and violated dependency.
#[wasm_bindgen(js_name = validateRoadmap, unchecked_return_type = "RoadmapValidation")]
pub fn validate_roadmap(
    #[wasm_bindgen(unchecked_param_type = "Roadmap")] roadmap: JsValue,
) -> Result<JsValue, JsValue> {
    to_js_value(&roadmap_arg(roadmap)?.validate().js()?)
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

/// The ranked epics laid into future sprints at mean velocity; defaults: 14-day
/// sprints, 1 epic at a time, a window of 3 sprints.
#[wasm_bindgen(js_name = feasibility, unchecked_return_type = "Feasibility")]
pub fn feasibility(
    #[wasm_bindgen(unchecked_param_type = "PlannedEpic[]")] epics: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ArrayLike<number>")] velocity_history: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Date | string")] first_sprint_start: JsValue,
    sprint_length_days: Option<f64>,
    wip_limit: Option<f64>,
    window: Option<f64>,
) -> Result<JsValue, JsValue> {
    let velocity_history = numbers("velocity_history", velocity_history)?;
    let epics: Vec<PlannedEpic> = from_js_value("epics", epics)?;
    let start = crate::dates::date("first_sprint_start", &first_sprint_start)?;
    let length = count("sprint_length_days", sprint_length_days.unwrap_or(14.0))?;
    let wip_limit = count("wip_limit", wip_limit.unwrap_or(1.0))?;
    let window = count("window", window.unwrap_or(3.0))?;
    to_js_value(
        &core::feasibility(&epics, &velocity_history, start, length, wip_limit, window).js()?,
    )
}

/// A lifecycle that entered `stage` on `date`.
#[wasm_bindgen(js_name = newLifecycle, unchecked_return_type = "Lifecycle")]
pub fn new_lifecycle(
    #[wasm_bindgen(unchecked_param_type = "LifecycleStage | \"sunset\"")] stage: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Date | string")] date: JsValue,
) -> Result<JsValue, JsValue> {
    let stage = &convert::text("stage", stage)?;
    let stage = Stage::parse("stage", stage).js()?;
    let date = crate::dates::date("date", &date)?;
    to_js_value(&Lifecycle::new(stage, date))
}

/// A new lifecycle moved to `stage` on `date`; backward only with `allowBackward`.
#[wasm_bindgen(js_name = advanceLifecycle, unchecked_return_type = "Lifecycle")]
pub fn advance_lifecycle(
    #[wasm_bindgen(unchecked_param_type = "Lifecycle")] lifecycle: JsValue,
    #[wasm_bindgen(unchecked_param_type = "LifecycleStage | \"sunset\"")] stage: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Date | string")] date: JsValue,
    allow_backward: Option<bool>,
) -> Result<JsValue, JsValue> {
    let stage = &convert::text("stage", stage)?;
    let mut lifecycle: Lifecycle = from_js_value("lifecycle", lifecycle)?;
    lifecycle
        .check()
        .map_err(|err| err.within("lifecycle"))
        .js()?;
    let stage = Stage::parse("stage", stage).js()?;
    let date = crate::dates::date("date", &date)?;
    lifecycle
        .advance(stage, date, allow_backward.unwrap_or(false))
        .js()?;
    to_js_value(&lifecycle)
}

/// The checkout roadmap that matches the sample backlog and `make demo`.
#[wasm_bindgen(js_name = sampleRoadmap, unchecked_return_type = "Roadmap")]
pub fn sample_roadmap() -> Result<JsValue, JsValue> {
    to_js_value(&core::sample_roadmap())
}
