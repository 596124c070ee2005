//! Dispatch for `pmkit::sprint`.

use serde_json::Value;

pub fn call(_function: &str, _args: &Value) -> Option<pmkit::Result<Value>> {
    None
}
