//! Dispatch for `pmkit::scorecard`.

use super::*;
use serde_json::Value;

pub fn call(function: &str, args: &Value) -> Option<pmkit::Result<Value>> {
    Some(match function {
        "kpi_scorecard" => {
            let snapshot = opt(args, "snapshot").expect("snapshot");
            // The bindings read an object as its JSON text (`pmkit_api::JsonOrText`).
            let text = match snapshot.as_str() {
                Some(text) => text.to_owned(),
                None => snapshot.to_string(),
            };
            let snapshot = pmkit::scorecard::ProductSnapshot::from_json(&text);
            snapshot.and_then(|snapshot| json(pmkit::scorecard::scorecard(&snapshot)))
        }
        _ => return None,
    })
}
