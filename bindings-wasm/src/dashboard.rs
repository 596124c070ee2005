//! The product dashboard (`pmkit::dashboard`) for JavaScript: product files (JSON or a
//! Jira CSV export) and every number and chart the browser page shows.

use wasm_bindgen::prelude::*;

use crate::convert::{from_js_value, js_functions, FromJs};
use crate::errors::IntoJs;
use pmkit::dashboard::ProductFile;

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

/** Options of productDashboard (the core's DashboardOptions): the day for backlog health, and the charts' size and theme (ChartOptions' defaults). */
export interface DashboardOptions {
  /** A Date (its UTC day) or an ISO date; by default the file's `today`, else its latest backlog date. */
  today?: Date | string | null;
  /** Chart width in pixels, a whole number from 240 to 4000. */
  width?: number | null;
  /** Chart height in pixels, a whole number from 160 to 4000. */
  height?: number | null;
  /** The charts' colour theme: "light" or "dark". */
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

/** The sample product file: every bundled sample as of 31 March 2026. */
export function sampleProductFile(): ProductFile;
/** A product file read from its JSON text, each section checked; errors name the JSON path. @throws {PmkitError} on bad input. */
export function productFileFromJson(text: string): ProductFile;
/** Options of productFileFromJiraCsv (the core's JiraCsvOptions). */
export interface JiraCsvOptions {
  /** Status name → category; by default Jira's built-in workflow statuses. */
  statuses?: Record<string, StatusCategory> | null;
}
/** A backlog-only product file from a Jira CSV export. @throws {PmkitError} on bad input. */
export function productFileFromJiraCsv(text: string, options?: JiraCsvOptions | null): ProductFile;
/** Every number and chart of the dashboard for a product file (an object or JSON text). @throws {PmkitError} on bad input. */
export function productDashboard(file: ProductFile | string, options?: DashboardOptions | null): Dashboard;
"#;

/// A product file from an object in its JSON form or JSON text, checked as the core
/// checks text (errors name the JSON path).
impl FromJs for ProductFile {
    fn from_js(field: &str, value: JsValue) -> Result<Self, JsValue> {
        let text = match value.as_string() {
            Some(text) => text,
            None => {
                let json: serde_json::Value = from_js_value(field, value)?;
                json.to_string()
            }
        };
        ProductFile::from_json(&text).js()
    }
}

pmkit_api::dashboard!(js_functions);
