//! Dispatch for `pmkit::chart`, and the golden SVG files of `vectors/chart.json`.
//!
//! A chart case's model argument is either inline JSON or a call
//! `{"call": "sprint_report", "args": {...}}` that every runner evaluates through its
//! own dispatch (nested calls allowed), so each language builds the model from the
//! bundled samples itself. The other args are `ChartOptions`' fields (null = default),
//! read as every described function's options are (`options_arg`).
//! The expected `svg` is the path of a golden file under `vectors/`; the chart's SVG
//! must equal its bytes. With `PMKIT_BLESS=1` the Rust runner rewrites the golden
//! files from what Rust draws instead of comparing (then review `git diff vectors/`).

use std::path::PathBuf;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::{json, opt};
use pmkit::chart::{self as c, ChartOptions};

/// An argument with every `{"call", "args"}` replaced by that call's JSON result.
fn resolve(value: &Value) -> pmkit::Result<Value> {
    match value.as_object() {
        Some(object) if object.len() == 2 && object.contains_key("call") => {
            let function = object["call"].as_str().expect("call names a function");
            let mut args = serde_json::Map::new();
            for (name, arg) in object["args"].as_object().expect("call args object") {
                args.insert(name.clone(), resolve(arg)?);
            }
            crate::dispatch(function, &Value::Object(args))
                .unwrap_or_else(|| panic!("no Rust dispatcher for {function}"))
        }
        _ => Ok(value.clone()),
    }
}

/// A model argument (resolved); a shape error names the parameter, as in the bindings.
fn model<T: DeserializeOwned>(args: &Value, name: &str) -> pmkit::Result<T> {
    let value = resolve(opt(args, name).unwrap_or(&Value::Null))?;
    pmkit::json::from_value(name, value)
}

/// The args besides the positional `models`, read as the chart's options (null or
/// absent = the default), then checked.
fn options(args: &Value, models: &[&str]) -> pmkit::Result<ChartOptions> {
    crate::options_arg::<ChartOptions>(args, models)?.checked()
}

fn draw<T: DeserializeOwned>(
    args: &Value,
    name: &str,
    chart: fn(&T, &ChartOptions) -> c::Chart,
) -> pmkit::Result<Value> {
    let model: T = model(args, name)?;
    json(options(args, &[name]).map(|options| chart(&model, &options)))
}

pub fn call(function: &str, args: &Value) -> Option<pmkit::Result<Value>> {
    Some(match function {
        "burndown_chart" => draw(args, "report", c::burndown_chart),
        "burnup_chart" => draw(args, "report", c::burnup_chart),
        "velocity_chart" => draw(
            args,
            "history",
            |history: &Vec<pmkit::sprint::SprintOutcome>, options| {
                c::velocity_chart(history, options)
            },
        ),
        "cumulative_flow_chart" => draw(args, "flow", c::cumulative_flow_chart),
        "cycle_time_chart" => draw(args, "timelines", c::cycle_time_chart),
        "forecast_chart" => forecast_chart(args),
        "roadmap_chart" => roadmap_chart(args),
        "retention_chart" => draw(args, "retention", c::retention_chart),
        "active_users_chart" => draw(args, "active", c::active_users_chart),
        "experiment_chart" => draw(args, "result", c::experiment_chart),
        "retention_projection_chart" => draw(args, "fit", c::retention_projection_chart),
        "mrr_chart" => draw(args, "months", |months: &Vec<_>, options| {
            c::mrr_chart(months, options)
        }),
        // The flow samples the chart cases build on (no other dispatcher serves them).
        "sample_items" => json(Ok(pmkit::flow::sample_items())),
        "sample_workflow" => json(Ok(pmkit::flow::sample_workflow())),
        "sample_today" => json(Ok(pmkit::flow::sample_today())),
        _ => return None,
    })
}

/// The roadmap is checked (errors prefixed `roadmap.`), then `today` read, as the
/// bindings do.
/// As the bindings: the forecast is checked before it is drawn.
fn forecast_chart(args: &Value) -> pmkit::Result<Value> {
    let forecast: pmkit::forecast::WhenForecast = model(args, "forecast")?;
    forecast.check().map_err(|err| err.within("forecast"))?;
    json(options(args, &["forecast"]).map(|options| c::forecast_chart(&forecast, &options)))
}

fn roadmap_chart(args: &Value) -> pmkit::Result<Value> {
    let roadmap: pmkit::roadmap::Roadmap = model(args, "roadmap")?;
    roadmap.check().map_err(|err| err.within("roadmap"))?;
    let today = resolve(opt(args, "today").unwrap_or(&Value::Null))?;
    let today = pmkit::input::date("today", today.as_str().unwrap_or_default())?;
    json(
        options(args, &["roadmap", "today"])
            .map(|options| c::roadmap_chart(&roadmap, today, &options)),
    )
}

/// A case's `expected`, its golden `svg` path replaced by the file's text once the
/// actual SVG matches it byte for byte (or, with `PMKIT_BLESS=1`, after writing the
/// actual SVG to the file). Cases without a golden file are returned as they are.
pub fn expected(case: &Value, actual: &Value) -> Value {
    let mut expected = case["expected"].clone();
    let Some(path) = expected
        .get("svg")
        .and_then(Value::as_str)
        .filter(|path| path.ends_with(".svg"))
        .map(str::to_owned)
    else {
        return expected;
    };
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../vectors")
        .join(&path);
    let svg = actual["svg"].as_str().expect("a chart has an svg");
    if std::env::var("PMKIT_BLESS").is_ok_and(|value| value == "1") {
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, svg).unwrap();
    }
    let golden = std::fs::read_to_string(&file)
        .unwrap_or_else(|err| panic!("{path}: {err} (PMKIT_BLESS=1 writes it)"));
    if let Some((line, (got, want))) = svg
        .lines()
        .zip(golden.lines())
        .enumerate()
        .find(|(_, (got, want))| got != want)
    {
        panic!(
            "{}: {path} differs at line {}:\n  got  {got}\n  want {want}",
            case["name"],
            line + 1
        );
    }
    assert_eq!(svg, golden, "{}: {path} (trailing lines)", case["name"]);
    expected["svg"] = Value::String(golden);
    expected
}
