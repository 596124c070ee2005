//! Dispatch for the product owner's metrics: delivery, quality, stakeholders, catalog.

use serde_json::Value;

pub fn call(function: &str, _args: &Value) -> Option<pmkit::Result<Value>> {
    match function {
        _ => None,
    }
}
