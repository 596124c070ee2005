//! Dispatch for the confidence intervals: `pmkit::stats` and the NPS intervals of
//! `pmkit::metrics`.

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
        "nps_interval" => json((|| {
            pmkit::metrics::nps_interval(
                &f64s_arg(a, "responses"),
                &options_arg(a, &["responses"])?,
            )
        })()),
        "nps_change_interval" => json((|| {
            pmkit::metrics::nps_change_interval(
                &f64s_arg(a, "before"),
                &f64s_arg(a, "after"),
                &options_arg(a, &["before", "after"])?,
            )
        })()),
        _ => return None,
    })
}
