//! Dispatch for `pmkit::roadmap`. Roadmaps, backlogs, lifecycles and epics arrive in
//! their JSON form and are read as the bindings read them: a shape error is
//! `invalid_input` on the parameter, a broken rule the core's error prefixed with it.

use super::*;
use pmkit::roadmap::{self as r, Lifecycle, PlannedEpic, Roadmap, Stage};
use pmkit::work::{Backlog, BacklogParts};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A JSON-form argument; a shape error names the parameter.
fn data<T: DeserializeOwned>(args: &Value, name: &str) -> pmkit::Result<T> {
    pmkit::json::from_value(name, opt(args, name).cloned().unwrap_or(Value::Null))
}

fn date(args: &Value, name: &str) -> pmkit::Result<chrono::NaiveDate> {
    pmkit::input::date(name, str_arg(args, name))
}

fn roadmap(args: &Value) -> pmkit::Result<Roadmap> {
    let roadmap: Roadmap = data(args, "roadmap")?;
    roadmap.check().map_err(|err| err.within("roadmap"))?;
    Ok(roadmap)
}

fn backlog(args: &Value) -> pmkit::Result<Backlog> {
    let parts: BacklogParts = data(args, "backlog")?;
    Backlog::try_from(parts).map_err(|err| err.within("backlog"))
}

fn lifecycle(args: &Value) -> pmkit::Result<Lifecycle> {
    let lifecycle: Lifecycle = data(args, "lifecycle")?;
    lifecycle.check().map_err(|err| err.within("lifecycle"))?;
    Ok(lifecycle)
}

pub fn call(function: &str, args: &Value) -> Option<pmkit::Result<Value>> {
    let result = match function {
        "roadmap_from_json" => json(Roadmap::from_json(str_arg(args, "text"))),
        "roadmap_to_json" => json(roadmap(args).map(|roadmap| roadmap.to_json())),
        "validate_roadmap" => json(roadmap(args).and_then(|roadmap| roadmap.validate())),
        "roadmap_progress" => json((|| r::roadmap_progress(&roadmap(args)?, &backlog(args)?))()),
        "remaining_epics" => json((|| r::remaining_epics(&roadmap(args)?, &backlog(args)?))()),
        "feasibility" => json((|| {
            let epics: Vec<PlannedEpic> = data(args, "epics")?;
            let options: r::FeasibilityOptions =
                options_arg(args, &["epics", "velocity_history", "first_sprint_start"])?;
            r::feasibility(
                &epics,
                &f64s_arg(args, "velocity_history"),
                date(args, "first_sprint_start")?,
                &options,
            )
        })()),
        "new_lifecycle" => json((|| {
            Ok(Lifecycle::new(
                Stage::parse("stage", str_arg(args, "stage"))?,
                date(args, "date")?,
            ))
        })()),
        "advance_lifecycle" => json((|| {
            let mut lifecycle = lifecycle(args)?;
            let stage = Stage::parse("stage", str_arg(args, "stage"))?;
            let options: r::AdvanceOptions = options_arg(args, &["lifecycle", "stage", "date"])?;
            lifecycle.advance(stage, date(args, "date")?, options.allow_backward)?;
            Ok(lifecycle)
        })()),
        "sample_roadmap" => json(Ok(r::sample_roadmap())),
        _ => return None,
    };
    Some(result)
}
