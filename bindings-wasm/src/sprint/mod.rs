//! `pmkit::sprint` for JavaScript: sprints, calendars, capacity, the sprint report and
//! velocity. Sprints, calendars, members, logs and histories are plain objects in
//! their JSON form (dates as ISO strings inside them); top-level dates take a `Date`
//! (its UTC day) or an ISO string.

use wasm_bindgen::prelude::*;

use crate::convert::{self, count, from_js_value, optional_text, optional_texts, to_js_value};
use crate::errors::IntoJs;
use pmkit::sprint::{self as core, SprintLog, SprintOutcome, WorkCalendar};

#[wasm_bindgen(typescript_custom_section)]
const SPRINT_TYPES: &'static str = r#"
export type SprintState = "planned" | "active" | "closed";
export type WeekDay = "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday";
export type CountBy = "points" | "items";
export type SprintEventKind = "added" | "removed" | "re_estimated" | "completed" | "reopened" | "cancelled" | "carried_over";

/** A time box of at most one month; both dates included. */
export interface Sprint { id: string; name: string; goal?: string | null; start: string; end: string; team?: string[]; state?: SprintState; }

/** A team's working weekdays (default Monday to Friday) and holidays. */
export interface WorkCalendar { working_weekdays?: WeekDay[]; holidays?: string[]; }

/** A member's availability: days off, focus factor 0..=1 (default 1), hours per day. */
export interface Member { name: string; days_off?: string[]; focus_factor?: number; hours_per_day?: number | null; }

export interface MemberCapacity { name: string; available_days: number; focus_days: number; hours: number | null; }

export interface SprintCapacity { working_days: number; members: MemberCapacity[]; available_days: number; focus_days: number; hours: number | null; }

/** One item of the commitment at sprint start; points null = unestimated. */
export interface Commitment { id: string; points?: number | null; carried_in?: boolean; }

/** One entry of the append-only log; points only for "added" and "re_estimated". */
export interface SprintEvent { date: string; kind: SprintEventKind; id: string; points?: number | null; }

/** The sprint, the team calendar, the commitment at start and the events since. */
export interface SprintLog { sprint: Sprint; calendar?: WorkCalendar; commitment: Commitment[]; events?: SprintEvent[]; }

export interface Tally { items: number; points: number; }

export interface CarryOver { id: string; points: number; committed: boolean; }

/** Day series have one value per calendar day (end of day); `working` flags working days. */
export interface SprintReport {
  sprint_id: string; count_by: CountBy; working_days: number;
  dates: string[]; working: boolean[]; ideal: number[]; remaining: number[]; scope: number[]; done: number[];
  committed: Tally; completed: Tally; completed_committed: Tally; added: Tally; removed: Tally;
  cancelled: Tally; re_estimated: Tally; carried_in: Tally; carry_over: CarryOver[];
  say_do_ratio: number | null;
}

/** One closed sprint's numbers. */
export interface SprintOutcome { sprint_id: string; committed_points?: number; committed_items?: number; completed_points: number; completed_items: number; available_person_days?: number | null; }

export interface CapacityPlan { focus_factor: number; points: number; sprints: number; }

export interface VelocityStats { mean: number; median: number; standard_deviation: number | null; min: number; max: number; trend: number | null; }

export interface Velocity { sprint_ids: string[]; points: VelocityStats; items: VelocityStats; }
"#;

fn calendar_arg(value: JsValue) -> Result<WorkCalendar, JsValue> {
    if value.is_null() || value.is_undefined() {
        return Ok(WorkCalendar::default());
    }
    from_js_value("calendar", value)
}

fn log_arg(value: JsValue) -> Result<SprintLog, JsValue> {
    let log: SprintLog = from_js_value("log", value)?;
    log.validate().map_err(|err| err.within("log")).js()?;
    Ok(log)
}

fn history_arg(value: JsValue) -> Result<Vec<SprintOutcome>, JsValue> {
    from_js_value("history", value)
}

fn window_arg(window: Option<f64>) -> Result<u64, JsValue> {
    window.map_or(Ok(pmkit::metrics::DEFAULT_VELOCITY_WINDOW), |w| {
        count("window", w)
    })
}

/// A sprint, checked: at most one month, not ending before it starts.
#[wasm_bindgen(js_name = newSprint, unchecked_return_type = "Sprint")]
#[allow(clippy::too_many_arguments)]
pub fn new_sprint(
    #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Date | string")] start: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Date | string")] end: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | null | undefined")] goal: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string[] | null | undefined")] team: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SprintState | null | undefined")] state: JsValue,
) -> Result<JsValue, JsValue> {
    let id = &convert::text("id", id)?;
    let name = &convert::text("name", name)?;
    let goal = optional_text("goal", goal)?;
    let team = optional_texts("team", team)?;
    let state = optional_text("state", state)?;
    let start = crate::dates::date("start", &start)?;
    let end = crate::dates::date("end", &end)?;
    let mut sprint = core::Sprint::new(id, name, start, end).js()?;
    sprint.goal = goal;
    sprint.team = team.unwrap_or_default();
    if let Some(state) = state {
        sprint.state = core::SprintState::parse("state", &state).js()?;
    }
    sprint.validate().js()?;
    to_js_value(&sprint)
}

/// The working days (ISO strings) from `start` to `end`, both included.
#[wasm_bindgen(js_name = workingDays, unchecked_return_type = "string[]")]
pub fn working_days(
    #[wasm_bindgen(unchecked_param_type = "Date | string")] start: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Date | string")] end: JsValue,
    #[wasm_bindgen(unchecked_param_type = "WorkCalendar | null | undefined")] calendar: JsValue,
) -> Result<JsValue, JsValue> {
    let start = crate::dates::date("start", &start)?;
    let end = crate::dates::date("end", &end)?;
    to_js_value(&calendar_arg(calendar)?.working_days(start, end).js()?)
}

/// Per member: working days minus days off, times the focus factor or hours per day.
#[wasm_bindgen(js_name = sprintCapacity, unchecked_return_type = "SprintCapacity")]
pub fn sprint_capacity(
    #[wasm_bindgen(unchecked_param_type = "Sprint")] sprint: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Member[]")] members: JsValue,
    #[wasm_bindgen(unchecked_param_type = "WorkCalendar | null | undefined")] calendar: JsValue,
) -> Result<JsValue, JsValue> {
    let sprint: core::Sprint = from_js_value("sprint", sprint)?;
    let members: Vec<core::Member> = from_js_value("members", members)?;
    to_js_value(&core::sprint_capacity(&sprint, &calendar_arg(calendar)?, &members).js()?)
}

/// Points to commit: completed points per available person-day over the last
/// `window` sprints (default 3), times `availablePersonDays`.
#[wasm_bindgen(js_name = planCapacity, unchecked_return_type = "CapacityPlan")]
pub fn plan_capacity(
    #[wasm_bindgen(unchecked_param_type = "SprintOutcome[]")] history: JsValue,
    available_person_days: f64,
    window: Option<f64>,
) -> Result<JsValue, JsValue> {
    let history = history_arg(history)?;
    let window = window_arg(window)?;
    to_js_value(&core::plan_capacity(&history, available_person_days, window).js()?)
}

/// The sprint report of a log, counting by "points" (default) or "items".
#[wasm_bindgen(js_name = sprintReport, unchecked_return_type = "SprintReport")]
pub fn sprint_report(
    #[wasm_bindgen(unchecked_param_type = "SprintLog")] log: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CountBy | null | undefined")] count_by: JsValue,
) -> Result<JsValue, JsValue> {
    let count_by = optional_text("count_by", count_by)?;
    let log = log_arg(log)?;
    let count_by =
        core::CountBy::parse("count_by", count_by.as_deref().unwrap_or("points")).js()?;
    to_js_value(&core::sprint_report(&log, count_by).js()?)
}

/// A sprint log from its JSON text.
#[wasm_bindgen(js_name = sprintLogFromJson, unchecked_return_type = "SprintLog")]
pub fn sprint_log_from_json(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    let text = &convert::text("text", text)?;
    to_js_value(&SprintLog::from_json(text).js()?)
}

/// The sprint log as JSON text, byte for byte what Rust and Python write.
#[wasm_bindgen(js_name = sprintLogToJson)]
pub fn sprint_log_to_json(
    #[wasm_bindgen(unchecked_param_type = "SprintLog")] log: JsValue,
) -> Result<String, JsValue> {
    Ok(log_arg(log)?.to_json())
}

/// Velocity over the last `window` closed sprints (default 3), oldest first.
#[wasm_bindgen(js_name = velocity, unchecked_return_type = "Velocity")]
pub fn velocity(
    #[wasm_bindgen(unchecked_param_type = "SprintOutcome[]")] history: JsValue,
    window: Option<f64>,
) -> Result<JsValue, JsValue> {
    let history = history_arg(history)?;
    to_js_value(&core::velocity(&history, window_arg(window)?).js()?)
}

/// The hand-computed sample sprint log that `make demo` reports on.
#[wasm_bindgen(js_name = sampleSprint, unchecked_return_type = "SprintLog")]
pub fn sample_sprint() -> Result<JsValue, JsValue> {
    to_js_value(&core::sample_sprint())
}

/// Five closed sprints, oldest first, ending with the sample sprint.
#[wasm_bindgen(js_name = sampleSprintHistory, unchecked_return_type = "SprintOutcome[]")]
pub fn sample_sprint_history() -> Result<JsValue, JsValue> {
    to_js_value(&core::sample_sprint_history())
}
