//! `pmkit::flow` for JavaScript: item timelines, throughput, cumulative flow, WIP, net
//! flow, ageing WIP, percentiles and histograms.
//!
//! Items, workflows and timelines cross as plain objects in their JSON form
//! (timestamps as ISO strings); samples of numbers as any array-like.

use wasm_bindgen::prelude::*;

use crate::convert::{from_js_value, js_functions, optional_text, to_js_value};
use crate::dates::date;
use crate::errors::IntoJs;

pmkit_api::flow!(js_functions);

#[wasm_bindgen(typescript_custom_section)]
const FLOW_TYPES: &'static str = r#"
/** A date ("2026-03-02") or timestamp ("2026-03-02T09:30:00", offsets allowed; the wall-clock time is kept). */
export type Moment = string;
/** "elapsed" (calendar days, same day = 0: jira-agile-metrics), "inclusive" (same day = 1) or "exact" (fractional days). */
export type Counting = "elapsed" | "inclusive" | "exact";
/** "day", "week" (Monday–Sunday) or "week_<weekday>" for weeks closing on that day ("week_monday"). */
export type Period = string;
/** Count items, or their story points. */
export type Measure = "items" | "points";
/** Which span durations() collects. */
export type DurationKind = "cycle_time" | "lead_time";

export interface Transition { at: Moment; from?: string | null; to: string; }
export interface Blocked { start: Moment; end?: Moment | null; }
/** A work item and its status history (transitions oldest first). */
export interface Item {
  key: string;
  item_type?: string;
  points?: number;
  created: Moment;
  /** Used only without transitions: the status it has been in since created. */
  status?: string | null;
  transitions?: Transition[];
  blocked?: Blocked[];
}
export interface Column { name: string; statuses: string[]; }
/** Ordered columns; backlog, committed and done name columns. */
export interface Workflow { columns: Column[]; backlog: string; committed: string; done: string; }

export interface ItemTimeline {
  key: string;
  item_type: string;
  points: number;
  /** First entry into each column (null if none), aligned with Timelines.columns. */
  entered: (Moment | null)[];
  committed_on: string | null;
  done_on: string | null;
  /** Days committed → done; null unless both. */
  cycle_time: number | null;
  /** Days created → done; null until done. */
  lead_time: number | null;
  blocked_days: number;
  column: string | null;
}
/** The result of itemTimelines. */
export interface Timelines {
  columns: string[];
  backlog: number;
  committed: number;
  done: number;
  today: string;
  counting: Counting;
  items: ItemTimeline[];
  /** Statuses in no column; moves to them were ignored. */
  unmapped_statuses: string[];
}
/** The result of throughput: values[i] finished in the period ending ends[i]. */
export interface Throughput { period: Period; ends: string[]; values: number[]; by_type: Record<string, number[]>; }
/** The result of cumulativeFlow: counts[column][day]. */
export interface CumulativeFlow { dates: string[]; columns: string[]; counts: number[][]; }
/** The result of wip: committed minus done at the end of each day. */
export interface Wip { dates: string[]; values: number[]; }
/** The result of netFlow. */
export interface NetFlow { period: Period; ends: string[]; arrivals: number[]; departures: number[]; net: number[]; }
/** One open item of ageingWip. */
export interface AgeingItem { key: string; item_type: string; column: string; started: string; age_days: number; }
/** One percentile: the value below which `level` of the sample lies. */
"#;

fn optional_date(field: &str, value: &JsValue) -> Result<Option<chrono::NaiveDate>, JsValue> {
    if value.is_undefined() || value.is_null() {
        Ok(None)
    } else {
        date(field, value).map(Some)
    }
}

fn timelines_arg(value: JsValue) -> Result<pmkit::flow::Timelines, JsValue> {
    from_js_value("timelines", value)
}

fn measure_arg(measure: Option<String>) -> Result<pmkit::flow::Measure, JsValue> {
    match measure {
        Some(text) => pmkit::flow::Measure::parse("measure", &text).js(),
        None => Ok(pmkit::flow::Measure::default()),
    }
}

fn period_arg(period: Option<String>) -> Result<pmkit::flow::Period, JsValue> {
    pmkit::flow::Period::parse("period", period.as_deref().unwrap_or("week")).js()
}

/// Each item's column entry times, cycle time, lead time, blocked days and column.
/// `counting` is "elapsed" (default), "inclusive" or "exact".
#[wasm_bindgen(js_name = itemTimelines, unchecked_return_type = "Timelines")]
pub fn item_timelines(
    #[wasm_bindgen(unchecked_param_type = "Item[]")] items: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Workflow")] workflow: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Date | string")] today: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Counting | null")] counting: JsValue,
) -> Result<JsValue, JsValue> {
    let counting = optional_text("counting", counting)?;
    let items: Vec<pmkit::flow::Item> = from_js_value("items", items)?;
    let workflow: pmkit::flow::Workflow = from_js_value("workflow", workflow)?;
    let today = date("today", &today)?;
    let counting = match counting {
        Some(text) => pmkit::flow::Counting::parse("counting", &text).js()?,
        None => pmkit::flow::Counting::default(),
    };
    to_js_value(&pmkit::flow::item_timelines(&items, &workflow, today, counting).js()?)
}

/// Items (or points) finished per period ("week" by default), empty periods as 0, in
/// total and by type; `start`/`end` fix the range.
#[wasm_bindgen(js_name = throughput, unchecked_return_type = "Throughput")]
pub fn throughput(
    #[wasm_bindgen(unchecked_param_type = "Timelines")] timelines: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Period | null")] period: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Measure | null")] measure: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Date | string | null")] start: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Date | string | null")] end: JsValue,
) -> Result<JsValue, JsValue> {
    let period = optional_text("period", period)?;
    let measure = optional_text("measure", measure)?;
    let timelines = timelines_arg(timelines)?;
    let period = period_arg(period)?;
    let measure = measure_arg(measure)?;
    let start = optional_date("start", &start)?;
    let end = optional_date("end", &end)?;
    to_js_value(&pmkit::flow::throughput(&timelines, period, measure, start, end).js()?)
}

/// Cumulative flow per day: per column, items (or points) that had reached it or a later column.
#[wasm_bindgen(js_name = cumulativeFlow, unchecked_return_type = "CumulativeFlow")]
pub fn cumulative_flow(
    #[wasm_bindgen(unchecked_param_type = "Timelines")] timelines: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Measure | null")] measure: JsValue,
) -> Result<JsValue, JsValue> {
    let measure = optional_text("measure", measure)?;
    let timelines = timelines_arg(timelines)?;
    to_js_value(&pmkit::flow::cumulative_flow(&timelines, measure_arg(measure)?).js()?)
}

/// Work in progress per day: committed minus done, from the cumulative flow.
#[wasm_bindgen(js_name = wip, unchecked_return_type = "Wip")]
pub fn wip(
    #[wasm_bindgen(unchecked_param_type = "Timelines")] timelines: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Measure | null")] measure: JsValue,
) -> Result<JsValue, JsValue> {
    let measure = optional_text("measure", measure)?;
    let timelines = timelines_arg(timelines)?;
    to_js_value(&pmkit::flow::wip(&timelines, measure_arg(measure)?).js()?)
}

/// Arrivals (commitments) and departures (finishes) per period ("week" by default).
#[wasm_bindgen(js_name = netFlow, unchecked_return_type = "NetFlow")]
pub fn net_flow(
    #[wasm_bindgen(unchecked_param_type = "Timelines")] timelines: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Period | null")] period: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Measure | null")] measure: JsValue,
) -> Result<JsValue, JsValue> {
    let period = optional_text("period", period)?;
    let measure = optional_text("measure", measure)?;
    let timelines = timelines_arg(timelines)?;
    let period = period_arg(period)?;
    to_js_value(&pmkit::flow::net_flow(&timelines, period, measure_arg(measure)?).js()?)
}

/// The items in progress on the timelines' `today`, with their column and age in days.
#[wasm_bindgen(js_name = ageingWip, unchecked_return_type = "AgeingItem[]")]
pub fn ageing_wip(
    #[wasm_bindgen(unchecked_param_type = "Timelines")] timelines: JsValue,
) -> Result<JsValue, JsValue> {
    let timelines = timelines_arg(timelines)?;
    to_js_value(&pmkit::flow::ageing_wip(&timelines).js()?)
}

/// Cycle times ("cycle_time", default) or lead times ("lead_time") of every finished
/// item, in days, in input order.
#[wasm_bindgen(js_name = durations, unchecked_return_type = "number[]")]
pub fn durations(
    #[wasm_bindgen(unchecked_param_type = "Timelines")] timelines: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DurationKind | null")] kind: JsValue,
) -> Result<JsValue, JsValue> {
    let kind = optional_text("kind", kind)?;
    let timelines = timelines_arg(timelines)?;
    let kind = match kind {
        Some(text) => pmkit::flow::DurationKind::parse("kind", &text).js()?,
        None => pmkit::flow::DurationKind::default(),
    };
    to_js_value(&pmkit::flow::durations(&timelines, kind))
}

/// The sample board: Backlog, In Progress, Review, Done.
#[wasm_bindgen(js_name = sampleWorkflow, unchecked_return_type = "Workflow")]
pub fn sample_workflow() -> Result<JsValue, JsValue> {
    to_js_value(&pmkit::flow::sample_workflow())
}

/// 120 sample items of the sample board, read on sampleToday().
#[wasm_bindgen(js_name = sampleItems, unchecked_return_type = "Item[]")]
pub fn sample_items() -> Result<JsValue, JsValue> {
    to_js_value(&pmkit::flow::sample_items())
}

/// The day the sample items were read, "2026-03-31".
#[wasm_bindgen(js_name = sampleToday)]
pub fn sample_today() -> String {
    pmkit::flow::sample_today().to_string()
}

/// Up to `count` synthetic items of the sample board, three a day from `firstDay`,
/// cut at `today`; the same seed gives the same items.
#[wasm_bindgen(js_name = syntheticItems, unchecked_return_type = "Item[]")]
pub fn synthetic_items(
    #[wasm_bindgen(js_name = "count", unchecked_param_type = "number | bigint")]
    item_count: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number | bigint")] seed: JsValue,
    #[wasm_bindgen(js_name = "firstDay", unchecked_param_type = "Date | string")]
    first_day: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Date | string")] today: JsValue,
) -> Result<JsValue, JsValue> {
    let items = crate::convert::count_value("count", &item_count)?;
    let seed = crate::convert::count_value("seed", &seed)?;
    let first_day = date("first_day", &first_day)?;
    let today = date("today", &today)?;
    let items = usize::try_from(items).unwrap_or(usize::MAX);
    to_js_value(&pmkit::flow::synthetic_items(items, seed, first_day, today))
}
