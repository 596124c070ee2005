//! The metric catalog (`pmkit::metrics` catalog) for JavaScript.

use wasm_bindgen::prelude::*;

use crate::convert::to_js_value;

#[wasm_bindgen(typescript_custom_section)]
const CATALOG_TYPES: &'static str = r#"
/** The snake_case id of every metric pmkit computes (also its Rust and Python function name). */
export type MetricId =
  | "return_on_investment" | "customer_satisfaction_score" | "net_promoter_score"
  | "product_revenue" | "monthly_recurring_revenue" | "average_revenue_per_user"
  | "conversion_rate" | "funnel_conversion" | "feature_adoption_rate" | "stickiness"
  | "churn_rate" | "customer_retention_rate" | "time_to_market" | "defect_density"
  | "defect_escape_rate" | "team_velocity" | "backlog_completion_rate" | "sprint_burndown"
  | "stakeholder_engagement" | "customer_lifetime_value" | "market_share"
  | "forecast_attainment";

/** The unit of a metric's headline value; rates are fractions (0.25 = 25 %). */
export type MetricUnit =
  | "fraction" | "score" | "money" | "money_per_month" | "money_per_user" | "days"
  | "defects_per_kloc" | "points" | "points_per_sprint";

/** One metric's catalog entry. */
export interface MetricInfo {
  id: MetricId;
  /** Display name ("Net Promoter Score (NPS)"). */
  name: string;
  /** The role(s) judged by it. */
  owners: Role[];
  unit: MetricUnit;
  /** true: higher is better; false: lower is better; null: neither (burndown, velocity). */
  higher_is_better: boolean | null;
  /** The formula in words, with its variants. */
  formula: string;
  /** The public source the formula follows. */
  source: string;
  /** The snake_case function name; the JavaScript function is its camelCase. */
  function: string;
}
"#;

/// Every metric pmkit computes, with its catalog entry.
#[wasm_bindgen(js_name = metricsCatalog, unchecked_return_type = "MetricInfo[]")]
pub fn metrics_catalog() -> Result<JsValue, JsValue> {
    to_js_value(&pmkit::metrics::metrics_catalog())
}
