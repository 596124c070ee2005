//! Dispatch for `pmkit::flow`: positional arguments by their Python names, the rest
//! read into the function's options struct (as the bindings read them).

use serde_json::Value;

use crate::{json, options_arg, serde_arg, str_arg};
use pmkit::flow::{self, Timelines};

fn item_timelines(args: &Value) -> pmkit::Result<Value> {
    let items: Vec<flow::Item> = serde_arg(args, "items");
    let workflow: flow::Workflow = serde_arg(args, "workflow");
    let today = pmkit::input::date("today", str_arg(args, "today"))?;
    let options: flow::TimelinesOptions = options_arg(args, &["items", "workflow", "today"])?;
    json(flow::item_timelines(&items, &workflow, today, options))
}

/// The timelines argument and the options of a function over timelines.
fn over_timelines<T: serde::de::DeserializeOwned>(args: &Value) -> pmkit::Result<(Timelines, T)> {
    Ok((
        serde_arg(args, "timelines"),
        options_arg(args, &["timelines"])?,
    ))
}

pub fn call(function: &str, args: &Value) -> Option<pmkit::Result<Value>> {
    Some(match function {
        "item_timelines" => item_timelines(args),
        "throughput" => {
            over_timelines(args).and_then(|(timelines, o): (_, flow::ThroughputOptions)| {
                json(flow::throughput(
                    &timelines, o.period, o.measure, o.start, o.end,
                ))
            })
        }
        "cancelled_work" => {
            over_timelines(args).and_then(|(timelines, o): (_, flow::ThroughputOptions)| {
                json(flow::cancelled_work(
                    &timelines, o.period, o.measure, o.start, o.end,
                ))
            })
        }
        "cumulative_flow" => {
            over_timelines(args).and_then(|(timelines, o): (_, flow::MeasureOptions)| {
                json(flow::cumulative_flow(&timelines, o.measure))
            })
        }
        "wip" => over_timelines(args).and_then(|(timelines, o): (_, flow::MeasureOptions)| {
            json(flow::wip(&timelines, o.measure))
        }),
        "net_flow" => over_timelines(args).and_then(|(timelines, o): (_, flow::NetFlowOptions)| {
            json(flow::net_flow(&timelines, o.period, o.measure))
        }),
        "ageing_wip" => json(flow::ageing_wip(&serde_arg(args, "timelines"))),
        "durations" => {
            over_timelines(args).and_then(|(timelines, o): (_, flow::DurationsOptions)| {
                json(Ok(flow::durations(&timelines, o.kind)))
            })
        }
        "percentiles" => json((|| {
            let options: flow::PercentilesOptions = options_arg(args, &["values"])?;
            flow::percentiles(&crate::f64s_arg(args, "values"), &options.levels)
        })()),
        "histogram" => json(flow::histogram(&crate::f64s_arg(args, "values"))),
        _ => return None,
    })
}
