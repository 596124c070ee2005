//! Prioritization scores and the Kano model for JavaScript: the functions come from the
//! API description (`pmkit_api::work!`, expanded in `work/mod.rs`), and so do their
//! result types; the answers `kanoCategory` and `kanoSummary` read are named here.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const PRIORITIZE_TYPES: &'static str = r#"
export type KanoAnswer = "like" | "must_be" | "neutral" | "live_with" | "dislike";
"#;
