//! Dispatch for `pmkit::forecast`: arguments by their Python names, in positional
//! order, converted in the order the bindings convert them (so the first error is the same).

use serde_json::Value;

use crate::{f64s_arg, json, opt, opt_count, opt_f64, opt_str, serde_arg};
use pmkit::forecast::{self, Calendar, Simulation};

fn simulation(args: &Value) -> pmkit::Result<Simulation> {
    let trials = opt_count(args, "trials")?.unwrap_or(forecast::DEFAULT_TRIALS);
    let seed = pmkit::input::count("seed", opt_f64(args, "seed").unwrap_or(0.0))?;
    Simulation::new(trials, seed)
}

fn calendar(args: &Value) -> pmkit::Result<Option<Calendar>> {
    let period_days =
        pmkit::input::count("period_days", opt_f64(args, "period_days").unwrap_or(1.0))?;
    opt_str(args, "start")
        .map(|text| Calendar::new(pmkit::input::date("start", text)?, period_days))
        .transpose()
}

fn deadline(args: &Value) -> pmkit::Result<Option<chrono::NaiveDate>> {
    opt_str(args, "deadline")
        .map(|text| pmkit::input::date("deadline", text))
        .transpose()
}

fn levels(args: &Value) -> Vec<f64> {
    opt(args, "levels").map_or_else(
        || forecast::WHEN_LEVELS.to_vec(),
        |value| serde_json::from_value(value.clone()).expect("levels"),
    )
}

fn forecast_when(args: &Value) -> pmkit::Result<Value> {
    let remaining = crate::f64_arg(args, "remaining");
    let history = f64s_arg(args, "history");
    let simulation = simulation(args)?;
    let levels = levels(args);
    let calendar = calendar(args)?;
    let deadline = deadline(args)?;
    json(forecast::forecast_when(
        remaining,
        &history,
        &levels,
        &simulation,
        calendar.as_ref(),
        deadline,
    ))
}

fn forecast_how_many(args: &Value) -> pmkit::Result<Value> {
    let history = f64s_arg(args, "history");
    let simulation = simulation(args)?;
    let levels = levels(args);
    let calendar = calendar(args)?;
    let deadline = deadline(args)?;
    let periods = opt_count(args, "periods")?;
    let periods = forecast::horizon_periods(periods, calendar.as_ref(), deadline)?;
    json(forecast::forecast_how_many(
        &history,
        periods,
        &levels,
        &simulation,
    ))
}

fn forecast_epics(args: &Value) -> pmkit::Result<Value> {
    let plan = forecast::EpicPlan {
        epics: serde_arg(args, "epics"),
        wip_limit: pmkit::input::count("wip_limit", opt_f64(args, "wip_limit").unwrap_or(1.0))?,
        split_rate: opt(args, "split_rate").map(|_| serde_arg(args, "split_rate")),
        risks: opt(args, "risks").map_or_else(Vec::new, |_| serde_arg(args, "risks")),
    };
    let history = f64s_arg(args, "history");
    let simulation = simulation(args)?;
    let levels = levels(args);
    let calendar = calendar(args)?;
    json(forecast::forecast_epics(
        &plan,
        &history,
        &levels,
        &simulation,
        calendar.as_ref(),
    ))
}

pub fn call(function: &str, args: &Value) -> Option<pmkit::Result<Value>> {
    Some(match function {
        "forecast_when" => forecast_when(args),
        "forecast_how_many" => forecast_how_many(args),
        "forecast_epics" => forecast_epics(args),
        _ => return None,
    })
}
