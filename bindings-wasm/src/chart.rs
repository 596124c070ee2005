//! `pmkit::chart` for JavaScript: one function per chart, from the API description
//! (`pmkit_api::chart!`), each taking its model (the plain object another pmkit
//! function returns, or an input object) and an optional options object `{ width?,
//! height?, theme? }` read into the core's `ChartOptions` (its defaults), and
//! returning a `Chart` object whose `svg` is the document.
//!
//! Their TypeScript declarations are written here by hand until the models' types
//! are in the description (see `api/src/chart.rs`).

use wasm_bindgen::prelude::*;

use crate::convert::js_functions;
#[wasm_bindgen(typescript_custom_section)]
const CHART_TYPES: &'static str = r#"
/** The colour theme of a chart. */
export type Theme = "light" | "dark";

/** Which chart a Chart is; names files (`burndown.svg`) and element ids. */
export type ChartKind =
  | "burndown" | "burnup" | "velocity" | "cumulative_flow" | "cycle_time"
  | "forecast" | "roadmap" | "retention" | "active_users";

/** Size and theme of a chart (the core's ChartOptions); an absent or null field takes its default. */
export interface ChartOptions {
  /** Width in pixels, a whole number from 240 to 4000. */
  width?: number | null;
  /** Height in pixels, a whole number from 160 to 4000. */
  height?: number | null;
  /** The colour theme: "light" or "dark". */
  theme?: Theme | null;
}

/** A drawn chart: what it shows and the SVG document (UTF-8, ends with "</svg>\n"). */
export interface Chart {
  kind: ChartKind;
  /** The title, as drawn and as the SVG's <title>. */
  title: string;
  /** The data in words (the SVG's <desc>), for alt text. */
  description: string;
  width: number;
  height: number;
  svg: string;
}

/** The sprint's burndown (a sprintReport result): remaining, ideal and scope. @throws {PmkitError} on bad input. */
export function burndownChart(report: SprintReport, options?: ChartOptions | null): Chart;
/** The sprint's burnup (a sprintReport result): done against scope. @throws {PmkitError} on bad input. */
export function burnupChart(report: SprintReport, options?: ChartOptions | null): Chart;
/** Committed vs completed points per closed sprint (oldest first), with the mean. @throws {PmkitError} on bad input. */
export function velocityChart(history: SprintOutcome[], options?: ChartOptions | null): Chart;
/** The cumulative flow of a board (a cumulativeFlow result): one band per column. @throws {PmkitError} on bad input. */
export function cumulativeFlowChart(flow: CumulativeFlow, options?: ChartOptions | null): Chart;
/** Cycle time of each finished item (an itemTimelines result) by finish day, with percentile lines. @throws {PmkitError} on bad input. */
export function cycleTimeChart(timelines: Timelines, options?: ChartOptions | null): Chart;
/** The histogram of a Monte Carlo "when" forecast (a forecastWhen result), with its percentiles. @throws {PmkitError} on bad input. */
export function forecastChart(forecast: WhenForecast, options?: ChartOptions | null): Chart;
/** The roadmap as a timeline, with `today` (a Date, its UTC day, or an ISO date) marked. @throws {PmkitError} on bad input. */
export function roadmapChart(roadmap: Roadmap, today: Date | string, options?: ChartOptions | null): Chart;
/** The retention matrix (a retention result) as a cohort heatmap. @throws {PmkitError} on bad input. */
export function retentionChart(retention: Retention, options?: ChartOptions | null): Chart;
/** Daily, weekly and monthly active users (an activeUsers result) over the days. @throws {PmkitError} on bad input. */
export function activeUsersChart(active: ActiveUsers, options?: ChartOptions | null): Chart;
"#;

pmkit_api::chart!(js_functions);
