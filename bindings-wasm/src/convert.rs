//! Conversions between JavaScript values and the core's types.

use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::prelude::*;

use crate::errors::to_js;

/// A core value as a plain JavaScript object in its JSON form (maps as objects,
/// `None` as `null`, 64-bit integers as numbers).
pub fn to_js_value<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&serializer)
        .map_err(|err| to_js(pmkit::Error::invalid("result", err.to_string())))
}

/// A plain JavaScript object as a core value; a shape error names `field` and the path
/// inside it (`items[3].at`).
///
/// The value passes through `serde_json::Value` because serde-wasm-bindgen reads only
/// the fields a struct names, so a misspelt key would be silently dropped; through
/// JSON values, `deny_unknown_fields` rejects it as it does in Rust and Python.
pub fn from_js_value<T: DeserializeOwned>(field: &str, value: JsValue) -> Result<T, JsValue> {
    let json: serde_json::Value = serde_wasm_bindgen::from_value(value)
        .map_err(|err| to_js(pmkit::Error::invalid(field, err.to_string())))?;
    pmkit::json::from_value(field, json).map_err(to_js)
}

/// A whole-number count passed as a JavaScript number.
pub fn count(field: &str, value: f64) -> Result<u64, JsValue> {
    pmkit::input::count(field, value).map_err(to_js)
}
