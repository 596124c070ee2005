//! Dispatch for the stats module: confidence intervals.

use super::*;
use serde_json::Value;

pub fn call(function: &str, a: &Value) -> Option<pmkit::Result<Value>> {
    Some(match function {
        "proportion_interval" => json((|| {
            pmkit::stats::proportion_interval(
                count_arg(a, "successes")?,
                count_arg(a, "trials")?,
                &options_arg(a, &["successes", "trials"])?,
            )
        })()),
        _ => return None,
    })
}
