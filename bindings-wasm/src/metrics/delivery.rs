//! Time to market, team velocity, backlog completion and sprint burndown
//! (`pmkit::metrics` delivery) for JavaScript.

use wasm_bindgen::prelude::*;

use crate::convert::{count, numbers, to_js_value};
use crate::dates::date;
use crate::errors::IntoJs;

#[wasm_bindgen(typescript_custom_section)]
const DELIVERY_TYPES: &'static str = r#"
/** The result of teamVelocity: points completed per sprint over the last `sprints` sprints. */
export interface VelocitySummary {
  /** Mean points per sprint: the velocity to plan with. */
  mean: number;
  median: number;
  /** Sample standard deviation (n − 1); null with fewer than 2 sprints. */
  standard_deviation: number | null;
  min: number;
  max: number;
  /** How many sprints were used: the last min(window, completedPoints.length). */
  sprints: number;
}

/** The result of sprintBurndown, indexed by day (index 0 = sprint start). */
export interface SprintBurndown {
  /** committedPoints × (1 − d / sprintDays) for d = 0..=sprintDays. */
  ideal: number[];
  /** [committedPoints, ...remainingPoints]. */
  actual: number[];
  /** actual − ideal per reported day; positive = behind plan. */
  gap: number[];
}
"#;

/// Time to market: whole days from conceptDate to launchDate. A `Date` counts by its
/// UTC calendar day; an ISO string ("2026-11-28") is taken as written.
#[wasm_bindgen(js_name = timeToMarket)]
pub fn time_to_market(
    #[wasm_bindgen(unchecked_param_type = "Date | string")] concept_date: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Date | string")] launch_date: JsValue,
) -> Result<f64, JsValue> {
    let concept_date = date("concept_date", &concept_date)?;
    let launch_date = date("launch_date", &launch_date)?;
    let days = pmkit::metrics::time_to_market(concept_date, launch_date).js()?;
    // Exact: chrono dates span under 2^53 days.
    Ok(days as f64)
}

/// Team velocity over the last `window` sprints (default 3): mean, median, spread, min, max.
#[wasm_bindgen(js_name = teamVelocity, unchecked_return_type = "VelocitySummary")]
pub fn team_velocity(
    #[wasm_bindgen(unchecked_param_type = "ArrayLike<number>")] completed_points: JsValue,
    window: Option<f64>,
) -> Result<JsValue, JsValue> {
    let completed_points = numbers("completed_points", completed_points)?;
    let window = match window {
        Some(window) => count("window", window)?,
        None => pmkit::metrics::DEFAULT_VELOCITY_WINDOW,
    };
    to_js_value(&pmkit::metrics::team_velocity(&completed_points, window).js()?)
}

/// Backlog completion rate: completed / planned work in a period, as a fraction.
#[wasm_bindgen(js_name = backlogCompletionRate)]
pub fn backlog_completion_rate(completed: f64, planned: f64) -> Result<f64, JsValue> {
    pmkit::metrics::backlog_completion_rate(completed, planned).js()
}

/// Sprint burndown: the ideal line, the actual remaining points and the gap per day.
#[wasm_bindgen(js_name = sprintBurndown, unchecked_return_type = "SprintBurndown")]
pub fn sprint_burndown(
    committed_points: f64,
    #[wasm_bindgen(unchecked_param_type = "ArrayLike<number>")] remaining_points: JsValue,
    sprint_days: f64,
) -> Result<JsValue, JsValue> {
    let remaining_points = numbers("remaining_points", remaining_points)?;
    let sprint_days = count("sprint_days", sprint_days)?;
    to_js_value(
        &pmkit::metrics::sprint_burndown(committed_points, &remaining_points, sprint_days).js()?,
    )
}
