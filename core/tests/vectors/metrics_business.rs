//! Dispatch for the product manager's metrics: satisfaction, finance, growth.

use super::*;
use serde_json::Value;

pub fn call(function: &str, args: &Value) -> Option<pmkit::Result<Value>> {
    use pmkit::metrics as m;
    Some(match function {
        "net_promoter_score" => json(m::net_promoter_score(&f64s_arg(args, "responses"))),
        "conversion_rate" => (|| {
            json(m::conversion_rate(
                count_arg(args, "conversions")?,
                count_arg(args, "visitors")?,
            ))
        })(),
        _ => return None,
    })
}
