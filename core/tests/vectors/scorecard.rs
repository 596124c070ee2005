//! Dispatch for `pmkit::scorecard`.

use super::*;
use serde_json::Value;

pub fn call(function: &str, args: &Value) -> Option<pmkit::Result<Value>> {
    Some(match function {
        "kpi_scorecard" => {
            let snapshot = opt(args, "snapshot").expect("snapshot");
            let snapshot = match snapshot.as_str() {
                Some(text) => pmkit::scorecard::ProductSnapshot::from_json(text),
                // An object arrives as structured data, as a dict or JS object does.
                None => pmkit::json::from_value("snapshot", snapshot.clone()),
            };
            snapshot.and_then(|snapshot| json(pmkit::scorecard::scorecard(&snapshot)))
        }
        _ => return None,
    })
}
