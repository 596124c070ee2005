//! `pmkit::forecast` for JavaScript: Monte Carlo "when", "how many" and multi-epic forecasts.
//!
//! Histories cross as any array-like of numbers (an Array, a Float64Array). The seed
//! defaults to 0, so a call without one is still reproducible, and gives the same
//! numbers as Rust and Python for the same arguments.

use wasm_bindgen::prelude::*;

use crate::convert::{count, from_js_value, numbers, optional_numbers, to_js_value};
use crate::dates::date;
use crate::errors::IntoJs;

#[wasm_bindgen(typescript_custom_section)]
const FORECAST_TYPES: &'static str = r#"
/** One completion percentile: `level` of the trials finished within `periods`. */
export interface PeriodPercentile {
  level: number;
  periods: number;
  /** The day those periods end ("2026-05-01"), when a start was given; else null. */
  date: string | null;
}
/** How many trials took exactly `periods` periods. */
export interface PeriodCount { periods: number; trials: number; }
/** The result of forecastWhen. */
export interface WhenForecast {
  trials: number;
  percentiles: PeriodPercentile[];
  /** Share of trials done by the deadline, when one was given; else null. */
  deadline_probability: number | null;
  /** The day the probability was computed for ("2026-05-01"), when given; else null. */
  deadline: string | null;
  /** Whole periods from the start to the deadline; null without one or before the start. */
  deadline_periods: number | null;
  mean_periods: number;
  distribution: PeriodCount[];
}
/** The result of forecastHowMany: at level 0.85, at least `value` in 85 % of trials. */
export interface HowManyForecast { trials: number; periods: number; percentiles: Percentile[]; mean: number; }
/** An epic whose size is a range of items (or points). */
export interface Epic { name: string; low: number; high: number; }
/** A risk that adds low..high items to `epic` with `probability`. */
export interface Risk { name: string; epic: string; probability: number; low: number; high: number; }
/** The range of the split rate (0.2 = 20 % more work). */
export interface SplitRate { low: number; high: number; }
export interface EpicForecast { name: string; percentiles: PeriodPercentile[]; }
/** The result of forecastEpics. */
export interface EpicsForecast { trials: number; epics: EpicForecast[]; all: PeriodPercentile[]; }
"#;

fn is_absent(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

fn simulation(
    trials: Option<f64>,
    seed: Option<f64>,
) -> Result<pmkit::forecast::Simulation, JsValue> {
    let trials = match trials {
        Some(trials) => count("trials", trials)?,
        None => pmkit::forecast::DEFAULT_TRIALS,
    };
    let seed = count("seed", seed.unwrap_or(0.0))?;
    pmkit::forecast::Simulation::new(trials, seed).js()
}

fn calendar(
    start: &JsValue,
    period_days: Option<f64>,
) -> Result<Option<pmkit::forecast::Calendar>, JsValue> {
    let period_days = count("period_days", period_days.unwrap_or(1.0))?;
    if is_absent(start) {
        return Ok(None);
    }
    let start = date("start", start)?;
    pmkit::forecast::Calendar::new(start, period_days)
        .js()
        .map(Some)
}

fn optional_date(field: &str, value: &JsValue) -> Result<Option<chrono::NaiveDate>, JsValue> {
    if is_absent(value) {
        Ok(None)
    } else {
        date(field, value).map(Some)
    }
}

fn levels_or_default(levels: Option<Vec<f64>>) -> Vec<f64> {
    levels.unwrap_or_else(|| pmkit::forecast::WHEN_LEVELS.to_vec())
}

/// When will `remaining` items (or points) be done? Monte Carlo over a throughput
/// history (trials 10,000 and seed 0 by default; levels [0.5, 0.7, 0.85, 0.95]).
#[wasm_bindgen(js_name = forecastWhen, unchecked_return_type = "WhenForecast")]
#[allow(clippy::too_many_arguments)] // JavaScript's optional trailing arguments, one per option.
pub fn forecast_when(
    remaining: f64,
    #[wasm_bindgen(unchecked_param_type = "ArrayLike<number>")] history: JsValue,
    trials: Option<f64>,
    seed: Option<f64>,
    #[wasm_bindgen(unchecked_param_type = "ArrayLike<number> | null")] levels: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Date | string | null")] start: JsValue,
    #[wasm_bindgen(js_name = "periodDays")] period_days: Option<f64>,
    #[wasm_bindgen(unchecked_param_type = "Date | string | null")] deadline: JsValue,
) -> Result<JsValue, JsValue> {
    let history = numbers("history", history)?;
    let levels = optional_numbers("levels", levels)?;
    let simulation = simulation(trials, seed)?;
    let levels = levels_or_default(levels);
    let calendar = calendar(&start, period_days)?;
    let deadline = optional_date("deadline", &deadline)?;
    let forecast = pmkit::forecast::forecast_when(
        remaining,
        &history,
        &levels,
        &simulation,
        calendar.as_ref(),
        deadline,
    );
    to_js_value(&forecast.js()?)
}

/// How many items (or points) will be done in `periods` periods (or from `start` to
/// `deadline`)? Percentiles read from the low end: 0.85 → "at least N".
#[wasm_bindgen(js_name = forecastHowMany, unchecked_return_type = "HowManyForecast")]
#[allow(clippy::too_many_arguments)] // JavaScript's optional trailing arguments, one per option.
pub fn forecast_how_many(
    #[wasm_bindgen(unchecked_param_type = "ArrayLike<number>")] history: JsValue,
    periods: Option<f64>,
    trials: Option<f64>,
    seed: Option<f64>,
    #[wasm_bindgen(unchecked_param_type = "ArrayLike<number> | null")] levels: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Date | string | null")] start: JsValue,
    #[wasm_bindgen(js_name = "periodDays")] period_days: Option<f64>,
    #[wasm_bindgen(unchecked_param_type = "Date | string | null")] deadline: JsValue,
) -> Result<JsValue, JsValue> {
    let history = numbers("history", history)?;
    let levels = optional_numbers("levels", levels)?;
    let simulation = simulation(trials, seed)?;
    let levels = levels_or_default(levels);
    let calendar = calendar(&start, period_days)?;
    let deadline = optional_date("deadline", &deadline)?;
    let periods = periods
        .map(|periods| count("periods", periods))
        .transpose()?;
    let periods = pmkit::forecast::horizon_periods(periods, calendar.as_ref(), deadline).js()?;
    to_js_value(&pmkit::forecast::forecast_how_many(&history, periods, &levels, &simulation).js()?)
}

/// When will each epic be done, worked in priority order with at most `wipLimit`
/// (default 1) at once? Sizes are ranges; split rate and risks are optional.
#[wasm_bindgen(js_name = forecastEpics, unchecked_return_type = "EpicsForecast")]
#[allow(clippy::too_many_arguments)] // JavaScript's optional trailing arguments, one per option.
pub fn forecast_epics(
    #[wasm_bindgen(unchecked_param_type = "Epic[]")] epics: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ArrayLike<number>")] history: JsValue,
    #[wasm_bindgen(js_name = "wipLimit")] wip_limit: Option<f64>,
    #[wasm_bindgen(js_name = "splitRate", unchecked_param_type = "SplitRate | null")]
    split_rate: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Risk[] | null")] risks: JsValue,
    trials: Option<f64>,
    seed: Option<f64>,
    #[wasm_bindgen(unchecked_param_type = "ArrayLike<number> | null")] levels: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Date | string | null")] start: JsValue,
    #[wasm_bindgen(js_name = "periodDays")] period_days: Option<f64>,
) -> Result<JsValue, JsValue> {
    let history = numbers("history", history)?;
    let levels = optional_numbers("levels", levels)?;
    let plan = pmkit::forecast::EpicPlan {
        epics: from_js_value("epics", epics)?,
        wip_limit: count("wip_limit", wip_limit.unwrap_or(1.0))?,
        split_rate: if is_absent(&split_rate) {
            None
        } else {
            Some(from_js_value("split_rate", split_rate)?)
        },
        risks: if is_absent(&risks) {
            Vec::new()
        } else {
            from_js_value("risks", risks)?
        },
    };
    let simulation = simulation(trials, seed)?;
    let levels = levels_or_default(levels);
    let calendar = calendar(&start, period_days)?;
    let forecast =
        pmkit::forecast::forecast_epics(&plan, &history, &levels, &simulation, calendar.as_ref());
    to_js_value(&forecast.js()?)
}
