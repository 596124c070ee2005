//! `pmkit::chart` for JavaScript: one function per chart, each taking its model (the
//! plain object another pmkit function returns, or an input object) and an optional
//! options object `{ width?, height?, theme? }`, and returning a `Chart` object whose
//! `svg` is the document.

use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::convert::{count, from_js_value, shape_of, to_js_value};
use crate::errors::{to_js, IntoJs};
use pmkit::chart::{self as core, ChartOptions, Theme};

#[wasm_bindgen(typescript_custom_section)]
const CHART_TYPES: &'static str = r#"
/** The colour theme of a chart. */
export type Theme = "light" | "dark";

/** Which chart a Chart is; names files (`burndown.svg`) and element ids. */
export type ChartKind =
  | "burndown" | "burnup" | "velocity" | "cumulative_flow" | "cycle_time"
  | "forecast" | "roadmap" | "retention" | "active_users";

/** Size and theme of a chart; an absent or null field takes its default. */
export interface ChartOptions {
  /** Width in pixels, a whole number 240..=4000 (default 720). */
  width?: number | null;
  /** Height in pixels, a whole number 160..=4000 (default 400). */
  height?: number | null;
  /** "light" (default) or "dark". */
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
"#;

/// The options object as it arrives; unknown keys are an error on `options`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Options {
    #[serde(default)]
    width: Option<f64>,
    #[serde(default)]
    height: Option<f64>,
    #[serde(default)]
    theme: Option<String>,
}

/// A size in pixels: a whole number (`count`), then the core's range check.
fn pixels(field: &str, value: Option<f64>, default: u32) -> Result<u32, JsValue> {
    match value {
        None => Ok(default),
        Some(value) => Ok(u32::try_from(count(field, value)?).unwrap_or(u32::MAX)),
    }
}

/// Checked options (errors name `width`, `height`, `theme`, or `options` for its shape).
fn options(value: Option<JsValue>) -> Result<ChartOptions, JsValue> {
    let given: Options = match value {
        Some(value) if !value.is_null() && !value.is_undefined() => {
            // The shape (unknown keys, types) is checked through JSON as everywhere, but
            // JSON has no NaN or Infinity (they become null, i.e. the default), so the
            // numbers are then read directly, for `count` to reject them.
            shape_of::<Options>("options", value.clone())?;
            serde_wasm_bindgen::from_value(value)
                .map_err(|err| to_js(pmkit::Error::invalid("options", err.to_string())))?
        }
        _ => Options::default(),
    };
    let defaults = ChartOptions::default();
    let width = pixels("width", given.width, defaults.width)?;
    let height = pixels("height", given.height, defaults.height)?;
    let theme = match given.theme {
        Some(text) => Theme::parse("theme", &text).js()?,
        None => defaults.theme,
    };
    ChartOptions::new(width, height, theme).js()
}

fn draw<T: ?Sized>(
    chart: fn(&T, &ChartOptions) -> core::Chart,
    model: &T,
    options_value: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    to_js_value(&chart(model, &options(options_value)?))
}

/// The sprint's burndown (a `sprintReport` result): remaining, ideal and scope.
#[wasm_bindgen(js_name = burndownChart, unchecked_return_type = "Chart")]
pub fn burndown_chart(
    #[wasm_bindgen(unchecked_param_type = "SprintReport")] report: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ChartOptions | null")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let report: pmkit::sprint::SprintReport = from_js_value("report", report)?;
    draw(core::burndown_chart, &report, options)
}

/// The sprint's burnup (a `sprintReport` result): done against scope.
#[wasm_bindgen(js_name = burnupChart, unchecked_return_type = "Chart")]
pub fn burnup_chart(
    #[wasm_bindgen(unchecked_param_type = "SprintReport")] report: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ChartOptions | null")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let report: pmkit::sprint::SprintReport = from_js_value("report", report)?;
    draw(core::burnup_chart, &report, options)
}

/// Committed vs completed points per closed sprint (oldest first), with the mean.
#[wasm_bindgen(js_name = velocityChart, unchecked_return_type = "Chart")]
pub fn velocity_chart(
    #[wasm_bindgen(unchecked_param_type = "SprintOutcome[]")] history: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ChartOptions | null")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let history: Vec<pmkit::sprint::SprintOutcome> = from_js_value("history", history)?;
    draw(core::velocity_chart, history.as_slice(), options)
}

/// The cumulative flow of a board (a `cumulativeFlow` result): one band per column.
#[wasm_bindgen(js_name = cumulativeFlowChart, unchecked_return_type = "Chart")]
pub fn cumulative_flow_chart(
    #[wasm_bindgen(unchecked_param_type = "CumulativeFlow")] flow: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ChartOptions | null")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let flow: pmkit::flow::CumulativeFlow = from_js_value("flow", flow)?;
    draw(core::cumulative_flow_chart, &flow, options)
}

/// Cycle time of each finished item (an `itemTimelines` result) by finish day, with
/// percentile lines.
#[wasm_bindgen(js_name = cycleTimeChart, unchecked_return_type = "Chart")]
pub fn cycle_time_chart(
    #[wasm_bindgen(unchecked_param_type = "Timelines")] timelines: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ChartOptions | null")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let timelines: pmkit::flow::Timelines = from_js_value("timelines", timelines)?;
    draw(core::cycle_time_chart, &timelines, options)
}

/// The histogram of a Monte Carlo "when" forecast (a `forecastWhen` result), with its
/// percentiles.
#[wasm_bindgen(js_name = forecastChart, unchecked_return_type = "Chart")]
pub fn forecast_chart(
    #[wasm_bindgen(unchecked_param_type = "WhenForecast")] forecast: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ChartOptions | null")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let forecast: pmkit::forecast::WhenForecast = from_js_value("forecast", forecast)?;
    draw(core::forecast_chart, &forecast, options)
}

/// The roadmap as a timeline, with `today` (a `Date`, its UTC day, or an ISO date)
/// marked.
#[wasm_bindgen(js_name = roadmapChart, unchecked_return_type = "Chart")]
pub fn roadmap_chart(
    #[wasm_bindgen(unchecked_param_type = "Roadmap")] roadmap: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Date | string")] today: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ChartOptions | null")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let roadmap: pmkit::roadmap::Roadmap = from_js_value("roadmap", roadmap)?;
    roadmap.check().map_err(|err| err.within("roadmap")).js()?;
    let today = crate::dates::date("today", &today)?;
    let options = self::options(options)?;
    to_js_value(&core::roadmap_chart(&roadmap, today, &options))
}

/// The retention matrix (a `retention` result) as a cohort heatmap.
#[wasm_bindgen(js_name = retentionChart, unchecked_return_type = "Chart")]
pub fn retention_chart(
    #[wasm_bindgen(unchecked_param_type = "Retention")] retention: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ChartOptions | null")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let retention: pmkit::analytics::Retention = from_js_value("retention", retention)?;
    draw(core::retention_chart, &retention, options)
}

/// Daily, weekly and monthly active users (an `activeUsers` result) over the days.
#[wasm_bindgen(js_name = activeUsersChart, unchecked_return_type = "Chart")]
pub fn active_users_chart(
    #[wasm_bindgen(unchecked_param_type = "ActiveUsers")] active: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ChartOptions | null")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let active: pmkit::analytics::ActiveUsers = from_js_value("active", active)?;
    draw(core::active_users_chart, &active, options)
}
