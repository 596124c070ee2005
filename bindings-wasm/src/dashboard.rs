//! The product dashboard (`pmkit::dashboard`) for JavaScript: product files (JSON or a
//! Jira CSV export) and every number and chart the browser page shows.

use wasm_bindgen::prelude::*;

use crate::convert::{from_js_value, js_functions, FromJs};
use crate::errors::IntoJs;
use pmkit::dashboard::ProductFile;

/// A product file from an object in its JSON form or JSON text, checked as the core
/// checks text (errors name the JSON path).
impl FromJs for ProductFile {
    fn from_js(field: &str, value: JsValue) -> Result<Self, JsValue> {
        let text = match crate::json_value::string(field, &value).js()? {
            Some(text) => text,
            None => {
                let json: serde_json::Value = from_js_value(field, value)?;
                json.to_string()
            }
        };
        ProductFile::from_json(&text).js()
    }
}

pmkit_api::dashboard!(js_functions);
