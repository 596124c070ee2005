//! Dispatch for `pmkit::sprint`.

use serde_json::Value;

pub fn call(function: &str, _args: &Value) -> Option<pmkit::Result<Value>> {
    match function {
        _ => None,
    }
}
