//! Dispatch for `pmkit::flow`: arguments by their Python names, in positional order.

use serde_json::Value;

use crate::{json, opt_str, options_arg, serde_arg, str_arg};
use pmkit::flow::{self, Counting, DurationKind, Measure, Period, Timelines};

fn date(args: &Value, name: &str) -> pmkit::Result<chrono::NaiveDate> {
    pmkit::input::date(name, str_arg(args, name))
}

fn opt_date(args: &Value, name: &str) -> pmkit::Result<Option<chrono::NaiveDate>> {
    opt_str(args, name)
        .map(|text| pmkit::input::date(name, text))
        .transpose()
}

fn measure(args: &Value) -> pmkit::Result<Measure> {
    opt_str(args, "measure").map_or(Ok(Measure::default()), |text| {
        Measure::parse("measure", text)
    })
}

fn period(args: &Value) -> pmkit::Result<Period> {
    Period::parse("period", opt_str(args, "period").unwrap_or("week"))
}

fn item_timelines(args: &Value) -> pmkit::Result<Value> {
    let items: Vec<flow::Item> = serde_arg(args, "items");
    let workflow: flow::Workflow = serde_arg(args, "workflow");
    let today = date(args, "today")?;
    let counting = opt_str(args, "counting").map_or(Ok(Counting::default()), |text| {
        Counting::parse("counting", text)
    })?;
    json(flow::item_timelines(&items, &workflow, today, counting))
}

fn throughput(args: &Value) -> pmkit::Result<Value> {
    let timelines: Timelines = serde_arg(args, "timelines");
    let (period, measure) = (period(args)?, measure(args)?);
    let (start, end) = (opt_date(args, "start")?, opt_date(args, "end")?);
    json(flow::throughput(&timelines, period, measure, start, end))
}

fn durations(args: &Value) -> pmkit::Result<Value> {
    let timelines: Timelines = serde_arg(args, "timelines");
    let kind = opt_str(args, "kind").map_or(Ok(DurationKind::default()), |text| {
        DurationKind::parse("kind", text)
    })?;
    json(Ok(flow::durations(&timelines, kind)))
}

pub fn call(function: &str, args: &Value) -> Option<pmkit::Result<Value>> {
    Some(match function {
        "item_timelines" => item_timelines(args),
        "throughput" => throughput(args),
        "cumulative_flow" => {
            let timelines: Timelines = serde_arg(args, "timelines");
            measure(args).and_then(|measure| json(flow::cumulative_flow(&timelines, measure)))
        }
        "wip" => {
            let timelines: Timelines = serde_arg(args, "timelines");
            measure(args).and_then(|measure| json(flow::wip(&timelines, measure)))
        }
        "net_flow" => {
            let timelines: Timelines = serde_arg(args, "timelines");
            period(args).and_then(|period| {
                measure(args).and_then(|measure| json(flow::net_flow(&timelines, period, measure)))
            })
        }
        "ageing_wip" => json(flow::ageing_wip(&serde_arg(args, "timelines"))),
        "durations" => durations(args),
        "percentiles" => json((|| {
            let options: flow::PercentilesOptions = options_arg(args, &["values"])?;
            flow::percentiles(&crate::f64s_arg(args, "values"), &options.levels)
        })()),
        "histogram" => json(flow::histogram(&crate::f64s_arg(args, "values"))),
        _ => return None,
    })
}
