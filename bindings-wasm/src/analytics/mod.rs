//! `pmkit::analytics` for JavaScript: product analytics over event logs given as typed
//! arrays (or any array-like of numbers), every function described in `pmkit-api`
//! (see `described`), and the one type still declared by hand: the partial counts'
//! JSON form, whose fields depend on the metric.
//!
//! Columns cross as numbers (a `Float64Array` copies straight into wasm memory; user ids
//! may also come as a `BigInt64Array` or `BigUint64Array`, each id at most 2^53); each
//! value is checked by the core (whole, ids ≥ 0, times within 1970..=9999).

use wasm_bindgen::prelude::*;

mod described;
mod log;

#[wasm_bindgen(typescript_custom_section)]
const ANALYTICS_TYPES: &'static str = r#"
/** Partial counts of one metric for a shard of users (JSON form); merge with mergeCounts. */
export interface Counts {
  metric: "active_users" | "retention" | "activity_churn" | "feature_adoption" | "event_funnel" | "stickiness_histogram";
  [field: string]: unknown;
}
"#;
