//! Dispatch for `pmkit::forecast`: positional arguments by name, the rest read into the
//! core's options structs (`WhenOptions`, `HowManyOptions`, `EpicsOptions`), as the
//! bindings read them, so the defaults live only in the core.

use serde_json::Value;

use crate::{f64_arg, f64s_arg, json, options_arg, serde_arg};
use pmkit::forecast::{self, EpicsOptions, HowManyOptions, WhenOptions};

fn forecast_when(args: &Value) -> pmkit::Result<Value> {
    let remaining = f64_arg(args, "remaining");
    let history = f64s_arg(args, "history");
    let options: WhenOptions = options_arg(args, &["remaining", "history"])?;
    let (simulation, calendar) = options.simulation_and_calendar()?;
    json(forecast::forecast_when(
        remaining,
        &history,
        &options.levels,
        &simulation,
        calendar.as_ref(),
        options.deadline,
    ))
}

fn forecast_how_many(args: &Value) -> pmkit::Result<Value> {
    let history = f64s_arg(args, "history");
    let options: HowManyOptions = options_arg(args, &["history"])?;
    let (simulation, periods) = options.simulation_and_horizon()?;
    json(forecast::forecast_how_many(
        &history,
        periods,
        &options.levels,
        &simulation,
    ))
}

fn forecast_epics(args: &Value) -> pmkit::Result<Value> {
    let epics = serde_arg(args, "epics");
    let history = f64s_arg(args, "history");
    let options: EpicsOptions = options_arg(args, &["epics", "history"])?;
    let (simulation, calendar) = options.simulation_and_calendar()?;
    let plan = forecast::EpicPlan {
        epics,
        wip_limit: options.wip_limit,
        split_rate: options.split_rate,
        risks: options.risks.clone(),
    };
    json(forecast::forecast_epics(
        &plan,
        &history,
        &options.levels,
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
