//! The scorecard (`pmkit::scorecard`) for JavaScript: every KPI of a product snapshot.

use wasm_bindgen::prelude::*;

use crate::convert::{from_js_value, to_js_value};
use crate::errors::IntoJs;

#[wasm_bindgen(typescript_custom_section)]
const SCORECARD_TYPES: &'static str = r#"
/** The inputs of every KPI for one product (each section optional); see docs/scorecard.md. */
export interface ProductSnapshot {
  product?: string;
  currency?: string;
  investment?: { gain: number; cost: number; years?: number | null } | null;
  csat_responses?: number[] | null;
  nps_responses?: number[] | null;
  sales?: { prices: number[]; quantities: number[] } | null;
  monthly_fees?: number[] | null;
  funnel?: { steps: string[]; counts: number[] } | null;
  adoption?: { feature?: string; feature_users: number; active_users: number } | null;
  usage?: { dau: number; mau: number } | null;
  customers?: { at_start: number; lost: number; new?: number } | null;
  launch?: { concept_date: string; launch_date: string } | null;
  quality?: { defect_counts: number[]; severity_weights?: number[] | null; size_kloc: number; found_in_production: number; found_before_release: number } | null;
  velocity?: { completed_points: number[]; window?: number } | null;
  backlog?: { completed: number; planned: number } | null;
  sprint?: { committed_points: number; remaining_points: number[]; sprint_days: number } | null;
  stakeholders?: { name: string; current: string; desired: string }[] | null;
  purchases?: { average_purchase_value: number; purchase_frequency: number; customer_lifespan: number; margin?: number } | null;
  market?: { product_revenue: number; total_market_revenue: number } | null;
  forecast?: { actual_revenue: number; forecast_revenue: number } | null;
}

/** One KPI of a scorecard. */
export interface KpiReading {
  metric: string;
  name: string;
  /** The headline value, in `unit`. */
  value: number;
  unit: string;
  formula: string;
  owners: ("product_manager" | "product_owner")[];
  note: string | null;
}

/** Every KPI computed for one product. */
export interface Scorecard {
  product: string;
  currency: string;
  readings: KpiReading[];
  /** Metrics whose inputs the snapshot lacks. */
  missing: string[];
}
"#;

/// Every KPI the snapshot (an object in the JSON form, or JSON text) has inputs for.
#[wasm_bindgen(js_name = kpiScorecard, unchecked_return_type = "Scorecard")]
pub fn kpi_scorecard(
    #[wasm_bindgen(unchecked_param_type = "ProductSnapshot | string")] snapshot: JsValue,
) -> Result<JsValue, JsValue> {
    let snapshot = match snapshot.as_string() {
        Some(text) => pmkit::scorecard::ProductSnapshot::from_json(&text).js()?,
        None => from_js_value("snapshot", snapshot)?,
    };
    to_js_value(&pmkit::scorecard::scorecard(&snapshot).js()?)
}

/// The bundled sample product (what `make demo` reports on).
#[wasm_bindgen(js_name = sampleSnapshot, unchecked_return_type = "ProductSnapshot")]
pub fn sample_snapshot() -> Result<JsValue, JsValue> {
    to_js_value(&pmkit::scorecard::sample_snapshot())
}
