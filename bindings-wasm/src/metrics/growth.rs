//! Growth and usage metrics (`pmkit::metrics` growth) for JavaScript.

use wasm_bindgen::prelude::*;

use crate::convert::count;
use crate::errors::IntoJs;

/// Conversion rate: conversions / visitors, as a fraction.
#[wasm_bindgen(js_name = conversionRate)]
pub fn conversion_rate(conversions: f64, visitors: f64) -> Result<f64, JsValue> {
    pmkit::metrics::conversion_rate(
        count("conversions", conversions)?,
        count("visitors", visitors)?,
    )
    .js()
}
