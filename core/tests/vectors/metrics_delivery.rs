//! Dispatch for the product owner's metrics: delivery, quality, stakeholders, catalog.
//!
//! Arguments are converted the way the bindings convert them: dates from ISO text
//! through `pmkit::input::date`, counts through `pmkit::input::count`, each stakeholder
//! object on its own so a shape error names `stakeholders[i]`; defaults are the bindings'.

use super::*;
use serde_json::Value;

pub fn call(function: &str, args: &Value) -> Option<pmkit::Result<Value>> {
    use pmkit::metrics as m;
    let a = args;
    Some(match function {
        "time_to_market" => (|| {
            json(m::time_to_market(
                date_arg(a, "concept_date")?,
                date_arg(a, "launch_date")?,
            ))
        })(),
        "team_velocity" => (|| {
            json(m::team_velocity(
                &f64s_arg(a, "completed_points"),
                &options_arg(a, &["completed_points"])?,
            ))
        })(),
        "backlog_completion_rate" => json(m::backlog_completion_rate(
            f64_arg(a, "completed"),
            f64_arg(a, "planned"),
        )),
        "sprint_burndown" => (|| {
            json(m::sprint_burndown(
                f64_arg(a, "committed_points"),
                &f64s_arg(a, "remaining_points"),
                count_arg(a, "sprint_days")?,
            ))
        })(),
        "defect_density" => (|| {
            json(m::defect_density(
                &pmkit::input::counts("defect_counts", &f64s_arg(a, "defect_counts"))?,
                f64_arg(a, "size_kloc"),
                &options_arg(a, &["defect_counts", "size_kloc"])?,
            ))
        })(),
        "defect_escape_rate" => (|| {
            json(m::defect_escape_rate(
                count_arg(a, "found_in_production")?,
                count_arg(a, "found_before_release")?,
            ))
        })(),
        "stakeholder_engagement" => (|| {
            let items = opt(a, "stakeholders")
                .and_then(Value::as_array)
                .expect("stakeholders list");
            let stakeholders = items
                .iter()
                .enumerate()
                .map(|(index, item)| {
                    // As record::from_python / convert::from_js_value do in the bindings.
                    pmkit::json::from_value::<m::Stakeholder>(
                        &format!("stakeholders[{index}]"),
                        item.clone(),
                    )
                })
                .collect::<pmkit::Result<Vec<_>>>()?;
            json(m::stakeholder_engagement(&stakeholders))
        })(),
        "metrics_catalog" => json(Ok(m::metrics_catalog())),
        _ => return None,
    })
}

/// A date given as ISO text, parsed as the bindings parse strings.
fn date_arg(args: &Value, name: &str) -> pmkit::Result<chrono::NaiveDate> {
    pmkit::input::date(name, str_arg(args, name))
}
