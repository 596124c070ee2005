//! The product dashboard (`pmkit::dashboard`) for JavaScript: product files (JSON or a
//! Jira CSV export) and every number and chart the browser page shows.

use wasm_bindgen::prelude::*;

use chrono::NaiveDate;

use crate::convert::{self, count, from_js_value, to_js_value};
use crate::errors::{to_js, IntoJs};
use pmkit::chart::{ChartOptions, Theme};
use pmkit::dashboard::{self as core, ProductFile};

#[wasm_bindgen(typescript_custom_section)]
const DASHBOARD_TYPES: &'static str = r#"
/** A board's status history: the inputs of itemTimelines. */
export interface FlowData { workflow: Workflow; items: Item[]; today: string; }

/** Everything the dashboard shows about one product; every section optional. See docs/dashboard.md. */
export interface ProductFile {
  product?: string;
  /** The day the file describes (ISO date); backlog health runs to it. */
  today?: string | null;
  snapshot?: ProductSnapshot | null;
  sprint?: SprintLog | null;
  sprint_history?: SprintOutcome[] | null;
  flow?: FlowData | null;
  roadmap?: Roadmap | null;
  backlog?: Backlog | null;
}

/** Options of productDashboard: the day for backlog health, and the charts' size and theme. */
export interface DashboardOptions {
  /** A Date (its UTC day) or an ISO date; default: the file's `today`, else its latest backlog date. */
  today?: Date | string | null;
  /** Chart width in pixels (240..=4000, default 720). */
  width?: number | null;
  /** Chart height in pixels (160..=4000, default 400). */
  height?: number | null;
  /** "light" (default) or "dark". */
  theme?: Theme | null;
}

export interface BacklogSummary { totals: PointTotals; health: BacklogHealth | null; }

export interface FlowSummary {
  today: string; items: number; finished: number; in_progress: number;
  /** Cycle-time percentiles at 50/85/95 %, in days; empty when nothing finished. */
  cycle_time: Percentile[];
  lead_time: Percentile[];
  /** Items finished per week; weeks close on `today`'s weekday. */
  throughput: Throughput;
  unmapped_statuses: string[];
}

export interface BacklogForecast {
  /** "backlog": the backlog's open stories; "flow": the board's unfinished items. */
  scope: "backlog" | "flow";
  remaining: number; history: number[]; start: string; period_days: number;
  when: WhenForecast;
}

/** Every number and chart of the dashboard; absent sections are null. */
export interface Dashboard {
  product: string;
  today: string | null;
  scorecard: Scorecard | null;
  backlog: BacklogSummary | null;
  sprint: SprintReport | null;
  velocity: Velocity | null;
  flow: FlowSummary | null;
  forecast: BacklogForecast | null;
  roadmap: RoadmapProgress | null;
  charts: Chart[];
}
"#;

/// A product file from an object in its JSON form or JSON text, checked as the core
/// checks text (errors name the JSON path).
fn file_arg(value: JsValue) -> Result<ProductFile, JsValue> {
    let text = match value.as_string() {
        Some(text) => text,
        None => {
            let json: serde_json::Value = from_js_value("file", value)?;
            json.to_string()
        }
    };
    ProductFile::from_json(&text).js()
}

/// The chart options of the options object, as `pmkit.burndownChart` & co. read theirs.
#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ChartArgs {
    #[serde(default)]
    width: Option<f64>,
    #[serde(default)]
    height: Option<f64>,
    #[serde(default)]
    theme: Option<String>,
}

/// The sample product file: every bundled sample (KPI inputs, sprint 12, five past
/// sprints, the flow board, roadmap and backlog) as of 31 March 2026.
#[wasm_bindgen(js_name = sampleProductFile, unchecked_return_type = "ProductFile")]
pub fn sample_product_file() -> Result<JsValue, JsValue> {
    to_js_value(&core::sample_product_file())
}

/// A product file read from its JSON text, each section checked; errors name the JSON
/// path (`sprint.events[2].points`).
#[wasm_bindgen(js_name = productFileFromJson, unchecked_return_type = "ProductFile")]
pub fn product_file_from_json(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    let text = &convert::text("text", text)?;
    to_js_value(&ProductFile::from_json(text).js()?)
}

/// A backlog-only product file from a Jira CSV export; statuses map through Jira's
/// default categories unless `statuses` (`{"Status name": "to_do" | "in_progress" |
/// "done" | "cancelled"}`) is given.
#[wasm_bindgen(js_name = productFileFromJiraCsv, unchecked_return_type = "ProductFile")]
pub fn product_file_from_jira_csv(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Record<string, StatusCategory> | null")]
    statuses: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let text = &convert::text("text", text)?;
    let statuses = match statuses.filter(|value| !value.is_null() && !value.is_undefined()) {
        None => None,
        Some(value) => {
            let names: std::collections::BTreeMap<String, String> =
                from_js_value("statuses", value)?;
            Some(pmkit::work::StatusMap::from_names(names).js()?)
        }
    };
    to_js_value(&ProductFile::from_jira_csv(text, statuses.as_ref()).js()?)
}

/// Every number and chart of the dashboard for a product file (an object or JSON text).
#[wasm_bindgen(js_name = productDashboard, unchecked_return_type = "Dashboard")]
pub fn product_dashboard(
    #[wasm_bindgen(unchecked_param_type = "ProductFile | string")] file: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DashboardOptions | null")] options: Option<
        JsValue,
    >,
) -> Result<JsValue, JsValue> {
    let file = file_arg(file)?;
    let (today, chart_options) =
        match options.filter(|value| !value.is_null() && !value.is_undefined()) {
            None => (None, ChartOptions::default()),
            Some(value) => options_arg(value)?,
        };
    to_js_value(&core::dashboard(&file, today, &chart_options).js()?)
}

/// `{today, width, height, theme}`: `today` is a `Date` or an ISO string, read apart
/// (a `Date` does not pass through JSON); the rest is checked as the chart functions
/// check their options (unknown keys are an error on `options`).
fn options_arg(options: JsValue) -> Result<(Option<NaiveDate>, ChartOptions), JsValue> {
    let not_object = || to_js(pmkit::Error::invalid("options", "is not an object"));
    if !options.is_object() {
        return Err(not_object());
    }
    let today = js_sys::Reflect::get(&options, &"today".into()).map_err(|_| not_object())?;
    let today = if today.is_null() || today.is_undefined() {
        None
    } else {
        Some(crate::dates::date("today", &today)?)
    };
    let rest = js_sys::Object::assign(&js_sys::Object::new(), &options.into());
    js_sys::Reflect::delete_property(&rest, &"today".into()).map_err(|_| not_object())?;
    // The shape through JSON, as everywhere; then the numbers read directly, so NaN
    // (which JSON would turn into null, the default) is rejected.
    convert::shape_of::<ChartArgs>("options", rest.clone().into())?;
    let args: ChartArgs = serde_wasm_bindgen::from_value(rest.into())
        .map_err(|err| to_js(pmkit::Error::invalid("options", err.to_string())))?;
    let defaults = ChartOptions::default();
    let pixels = |field: &str, value: Option<f64>, default: u32| -> Result<u32, JsValue> {
        match value {
            None => Ok(default),
            Some(value) => Ok(u32::try_from(count(field, value)?).unwrap_or(u32::MAX)),
        }
    };
    let theme = match args.theme {
        Some(text) => Theme::parse("theme", &text).js()?,
        None => defaults.theme,
    };
    let chart_options = ChartOptions::new(
        pixels("width", args.width, defaults.width)?,
        pixels("height", args.height, defaults.height)?,
        theme,
    )
    .js()?;
    Ok((today, chart_options))
}
