//! The JavaScript API of pmkit: thin wasm-bindgen wrappers over the core.
//!
//! Names are the camelCase of the Rust names (`net_promoter_score` →
//! `netPromoterScore`). Results are plain objects in the core's JSON form, typed by
//! the TypeScript interfaces each submodule declares. Errors are real `Error`
//! objects whose `name` is `"PmkitError"`, with `kind` and `field` set.

mod analytics;
mod chart;
mod convert;
mod dashboard;
mod dates;
mod errors;
mod flow;
mod forecast;
mod json_value;
mod metrics;
mod roadmap;
mod roles;
mod scorecard;
mod sprint;
mod stats;
mod work;

// The declarations generated from the API description (`pmkit-api`), in the module's
// own `.d.ts` so hand-written and generated declarations can refer to each other.
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const API_TYPES: &str = include_str!("../js/api.d.ts");
