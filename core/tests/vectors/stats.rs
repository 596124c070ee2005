//! Dispatch for the confidence intervals (`pmkit::stats` and the NPS intervals of
//! `pmkit::metrics`) and the experiments (`pmkit::stats`).

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
        "compare_conversions" => json((|| {
            pmkit::stats::compare_conversions(
                &pmkit::input::counts("users", &f64s_arg(a, "users"))?,
                &pmkit::input::counts("conversions", &f64s_arg(a, "conversions"))?,
                &options_arg(a, &["users", "conversions"])?,
            )
        })()),
        "compare_means" => json((|| {
            pmkit::stats::compare_means(
                &pmkit::input::counts("counts", &f64s_arg(a, "counts"))?,
                &f64s_arg(a, "means"),
                &f64s_arg(a, "standard_deviations"),
                &options_arg(a, &["counts", "means", "standard_deviations"])?,
            )
        })()),
        "compare_mean_values" => json((|| {
            pmkit::stats::compare_mean_values(
                &serde_arg::<Vec<Vec<f64>>>(a, "values"),
                &options_arg(a, &["values"])?,
            )
        })()),
        "sample_size" => json((|| {
            pmkit::stats::sample_size(
                f64_arg(a, "baseline"),
                f64_arg(a, "minimum_detectable_effect"),
                &options_arg(a, &["baseline", "minimum_detectable_effect"])?,
            )
        })()),
        "sample_ratio_mismatch" => json((|| {
            pmkit::stats::sample_ratio_mismatch(
                &pmkit::input::counts("users", &f64s_arg(a, "users"))?,
                &options_arg(a, &["users"])?,
            )
        })()),
        _ => return None,
    })
}
