//! Defect density and defect escape rate (`pmkit::metrics` quality) for JavaScript.

use wasm_bindgen::prelude::*;

use crate::convert::{count, numbers, optional_numbers};
use crate::errors::IntoJs;

/// Defect density: (severity-weighted) defects per KLOC. `severityWeights`, when
/// given, has one weight per entry of `defectCounts`.
#[wasm_bindgen(js_name = defectDensity)]
pub fn defect_density(
    #[wasm_bindgen(unchecked_param_type = "ArrayLike<number>")] defect_counts: JsValue,
    size_kloc: f64,
    #[wasm_bindgen(unchecked_optional_param_type = "ArrayLike<number> | null")]
    severity_weights: Option<JsValue>,
) -> Result<f64, JsValue> {
    let defect_counts = numbers("defect_counts", defect_counts)?;
    let severity_weights = optional_numbers("severity_weights", severity_weights)?;
    let defect_counts = pmkit::input::counts("defect_counts", &defect_counts).js()?;
    pmkit::metrics::defect_density(&defect_counts, size_kloc, severity_weights.as_deref()).js()
}

/// Defect escape rate: foundInProduction / all defects found, as a fraction.
#[wasm_bindgen(js_name = defectEscapeRate)]
pub fn defect_escape_rate(
    found_in_production: f64,
    found_before_release: f64,
) -> Result<f64, JsValue> {
    pmkit::metrics::defect_escape_rate(
        count("found_in_production", found_in_production)?,
        count("found_before_release", found_before_release)?,
    )
    .js()
}
