//! Dispatch for `pmkit::sprint`. Sprints, calendars, members, logs and histories arrive
//! in their JSON form and are read as the bindings read them: a shape error is
//! `invalid_input` on the parameter, a broken rule of a log is the core's error
//! prefixed with `log.`.

use super::*;
use pmkit::metrics::VelocityOptions;
use pmkit::sprint::{self as s, SprintLog};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A JSON-form argument; a shape error names the parameter.
fn data<T: DeserializeOwned>(args: &Value, name: &str) -> pmkit::Result<T> {
    pmkit::json::from_value(name, opt(args, name).cloned().unwrap_or(Value::Null))
}

fn date(args: &Value, name: &str) -> pmkit::Result<chrono::NaiveDate> {
    pmkit::input::date(name, str_arg(args, name))
}

fn log(args: &Value) -> pmkit::Result<SprintLog> {
    let log: SprintLog = data(args, "log")?;
    log.validate().map_err(|err| err.within("log"))?;
    Ok(log)
}

pub fn call(function: &str, args: &Value) -> Option<pmkit::Result<Value>> {
    let result = match function {
        "new_sprint" => json((|| {
            let options: s::NewSprintOptions = options_arg(args, &["id", "name", "start", "end"])?;
            s::Sprint::with_options(
                str_arg(args, "id"),
                str_arg(args, "name"),
                date(args, "start")?,
                date(args, "end")?,
                &options,
            )
        })()),
        "working_days" => json((|| {
            let options: s::CalendarOptions = options_arg(args, &["start", "end"])?;
            options
                .calendar
                .working_days(date(args, "start")?, date(args, "end")?)
        })()),
        "sprint_capacity" => json((|| {
            let sprint: s::Sprint = data(args, "sprint")?;
            let members: Vec<s::Member> = data(args, "members")?;
            let options: s::CalendarOptions = options_arg(args, &["sprint", "members"])?;
            s::sprint_capacity(&sprint, &options.calendar, &members)
        })()),
        "plan_capacity" => json((|| {
            let history: Vec<s::SprintOutcome> = data(args, "history")?;
            let options: VelocityOptions =
                options_arg(args, &["history", "available_person_days"])?;
            s::plan_capacity(&history, f64_arg(args, "available_person_days"), &options)
        })()),
        "sprint_report" => json((|| {
            let log = log(args)?;
            let options: s::SprintReportOptions = options_arg(args, &["log"])?;
            s::sprint_report(&log, options.count_by)
        })()),
        "sprint_log_from_json" => json(SprintLog::from_json(str_arg(args, "text"))),
        "sprint_log_to_json" => json(log(args).map(|log| log.to_json())),
        "velocity" => json((|| {
            let history: Vec<s::SprintOutcome> = data(args, "history")?;
            let options: VelocityOptions = options_arg(args, &["history"])?;
            s::velocity(&history, &options)
        })()),
        "sample_sprint" => json(Ok(s::sample_sprint())),
        "sample_sprint_history" => json(Ok(s::sample_sprint_history())),
        _ => return None,
    };
    Some(result)
}
