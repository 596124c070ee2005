//! Dispatch for `pmkit::sprint`. Sprints, calendars, members, logs and histories arrive
//! in their JSON form and are read as the bindings read them: a shape error is
//! `invalid_input` on the parameter, a broken rule of a log is the core's error
//! prefixed with `log.`.

use super::*;
use pmkit::sprint::{self as s, CountBy, SprintLog, SprintState, WorkCalendar};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A JSON-form argument; a shape error names the parameter.
fn data<T: DeserializeOwned>(args: &Value, name: &str) -> pmkit::Result<T> {
    pmkit::json::from_value(name, opt(args, name).cloned().unwrap_or(Value::Null))
}

fn date(args: &Value, name: &str) -> pmkit::Result<chrono::NaiveDate> {
    pmkit::input::date(name, str_arg(args, name))
}

fn calendar(args: &Value) -> pmkit::Result<WorkCalendar> {
    match opt(args, "calendar") {
        None => Ok(WorkCalendar::default()),
        Some(_) => data(args, "calendar"),
    }
}

fn log(args: &Value) -> pmkit::Result<SprintLog> {
    let log: SprintLog = data(args, "log")?;
    log.validate().map_err(|err| err.within("log"))?;
    Ok(log)
}

fn window(args: &Value) -> pmkit::Result<u64> {
    Ok(opt_count(args, "window")?.unwrap_or(pmkit::metrics::DEFAULT_VELOCITY_WINDOW))
}

pub fn call(function: &str, args: &Value) -> Option<pmkit::Result<Value>> {
    let result = match function {
        "new_sprint" => json((|| {
            let mut sprint = s::Sprint::new(
                str_arg(args, "id"),
                str_arg(args, "name"),
                date(args, "start")?,
                date(args, "end")?,
            )?;
            sprint.goal = opt_str(args, "goal").map(str::to_owned);
            if opt(args, "team").is_some() {
                sprint.team = serde_arg(args, "team");
            }
            if let Some(state) = opt_str(args, "state") {
                sprint.state = SprintState::parse("state", state)?;
            }
            sprint.validate()?;
            Ok(sprint)
        })()),
        "working_days" => json((|| {
            calendar(args)?.working_days(date(args, "start")?, date(args, "end")?)
        })()),
        "sprint_capacity" => json((|| {
            let sprint: s::Sprint = data(args, "sprint")?;
            let members: Vec<s::Member> = data(args, "members")?;
            s::sprint_capacity(&sprint, &calendar(args)?, &members)
        })()),
        "plan_capacity" => json((|| {
            let history: Vec<s::SprintOutcome> = data(args, "history")?;
            s::plan_capacity(
                &history,
                f64_arg(args, "available_person_days"),
                window(args)?,
            )
        })()),
        "sprint_report" => json((|| {
            let count_by =
                CountBy::parse("count_by", opt_str(args, "count_by").unwrap_or("points"))?;
            s::sprint_report(&log(args)?, count_by)
        })()),
        "sprint_log_from_json" => json(SprintLog::from_json(str_arg(args, "text"))),
        "sprint_log_to_json" => json(log(args).map(|log| log.to_json())),
        "velocity" => json((|| {
            let history: Vec<s::SprintOutcome> = data(args, "history")?;
            s::velocity(&history, window(args)?)
        })()),
        "sample_sprint" => json(Ok(s::sample_sprint())),
        "sample_sprint_history" => json(Ok(s::sample_sprint_history())),
        _ => return None,
    };
    Some(result)
}
