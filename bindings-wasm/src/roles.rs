//! The two product roles (`pmkit::roles`) for JavaScript.
//!
//! Roles and activity kinds arrive as their snake_case names and are parsed by the
//! core. Results are plain objects, so `SalaryBenchmark::position_in_range` becomes the
//! function `salaryPositionInRange(role, salary)`.

use wasm_bindgen::prelude::*;

use crate::convert::{text, to_js_value};
use crate::errors::IntoJs;
use pmkit::roles::{self as core, ActivityKind, Role};

#[wasm_bindgen(typescript_custom_section)]
const ROLE_TYPES: &'static str = r#"
/** The horizon a role works on: strategic (product manager) or tactical (product owner). */
export type Horizon = "strategic" | "tactical";

/** A kind of product work; ownerOf says which role owns it. */
export type ActivityKind =
  | "market_analysis" | "competitor_analysis" | "market_research" | "opportunity_identification"
  | "product_strategy" | "long_term_vision" | "portfolio_planning" | "roadmap_update"
  | "stakeholder_alignment" | "department_alignment" | "lifecycle_management"
  | "product_marketing" | "sales_support" | "customer_engagement"
  | "feature_development_oversight" | "requirements_to_stories" | "story_writing"
  | "backlog_refinement" | "backlog_prioritization" | "sprint_monitoring"
  | "development_team_liaison";

/** A duty of one of the roles. */
export type Responsibility =
  | "market_trend_analysis" | "long_term_vision" | "market_research" | "product_strategy"
  | "lifecycle_management" | "department_alignment" | "portfolio_planning"
  | "product_marketing_and_sales_support" | "customer_engagement" | "stakeholder_communication"
  | "backlog_management" | "user_story_creation" | "requirements_to_stories"
  | "roadmap_adherence" | "sprint_goal_delivery" | "stakeholder_liaison";

/** A skill or trait a role needs. */
export type Skill =
  | "product_development_process" | "development_environments" | "agile_methodologies"
  | "communication_and_leadership" | "task_prioritization" | "customer_research"
  | "organization" | "management" | "technical" | "strategic_thinking"
  | "stakeholder_management" | "product_and_market_dynamics";

/** A key performance indicator a role is judged by. */
export type Kpi =
  | "lifecycle_progression" | "market_share_impact" | "customer_satisfaction"
  | "revenue_and_profitability_forecasts" | "development_velocity"
  | "stakeholder_satisfaction" | "backlog_management_quality" | "customer_alignment";

/** What moves a salary within the benchmark's range. */
export type SalaryFactor =
  | "years_of_experience" | "location" | "company_size" | "work_arrangement" | "market_status";

/** An id with its human label. */
export interface Labeled<T extends string> {
  id: T;
  label: string;
}

/** A KPI with the metrics (snake_case metric ids, e.g. "team_velocity") that evidence it. */
export interface KpiIndicator {
  id: Kpi;
  label: string;
  metrics: string[];
}

/** The result of roleProfile: what a role does, needs and is judged by. */
export interface RoleProfile {
  role: Role;
  title: string;
  horizon: Horizon;
  /** The role in one line. */
  focus: string;
  responsibilities: Labeled<Responsibility>[];
  skills: Labeled<Skill>[];
  kpis: KpiIndicator[];
  /** Every metric tracking the role (snake_case metric ids). */
  metrics: string[];
  /** The activity kinds the role owns. */
  activities: Labeled<ActivityKind>[];
}

/** The result of salaryBenchmark: published annual salary figures for a role. */
export interface SalaryBenchmark {
  role: Role;
  average: number;
  low: number;
  high: number;
  /** ISO 4217 code, "USD". */
  currency: string;
  /** "US". */
  country: string;
  /** "Indeed". */
  source: string;
  factors: SalaryFactor[];
}

/** The result of ownerOf. */
export interface ActivityOwner {
  role: Role;
  horizon: Horizon;
}

/** One piece of work in a scenario. */
export interface Activity {
  description: string;
  kind: ActivityKind;
  owner: ActivityOwner;
}

/** The result of workedExample: both roles at work on one initiative. */
export interface WorkedExample {
  product: string;
  initiative: string;
  /** Product manager's first. */
  activities: Activity[];
}

/** The result of productManagerHeadcount. */
export interface Headcount {
  role: Role;
  country: string;
  /** A lower bound ("over 500,000"). */
  at_least: number;
  source: string;
}
"#;

/// The profile of a role: responsibilities, skills, KPIs and metrics.
#[wasm_bindgen(js_name = roleProfile, unchecked_return_type = "RoleProfile")]
pub fn role_profile(
    #[wasm_bindgen(unchecked_param_type = "Role")] role: JsValue,
) -> Result<JsValue, JsValue> {
    let role = text("role", role)?;
    to_js_value(&core::role_profile(Role::parse("role", &role).js()?))
}

/// Both profiles, product manager first.
#[wasm_bindgen(js_name = roleProfiles, unchecked_return_type = "RoleProfile[]")]
pub fn role_profiles() -> Result<JsValue, JsValue> {
    to_js_value(&core::role_profiles())
}

/// The published salary figures for a role (Indeed, US, annual USD).
#[wasm_bindgen(js_name = salaryBenchmark, unchecked_return_type = "SalaryBenchmark")]
pub fn salary_benchmark(
    #[wasm_bindgen(unchecked_param_type = "Role")] role: JsValue,
) -> Result<JsValue, JsValue> {
    let role = text("role", role)?;
    to_js_value(&core::salary_benchmark(Role::parse("role", &role).js()?))
}

/// Where `salary` sits in the published range of `role`: 0 at low, 1 at high, linear
/// between; outside the range throws (`kind` "out_of_range", `field` "salary").
#[wasm_bindgen(js_name = salaryPositionInRange)]
pub fn salary_position_in_range(
    #[wasm_bindgen(unchecked_param_type = "Role")] role: JsValue,
    salary: f64,
) -> Result<f64, JsValue> {
    let role = text("role", role)?;
    core::salary_position_in_range(Role::parse("role", &role).js()?, salary).js()
}

/// The role that owns an activity kind, with its horizon.
#[wasm_bindgen(js_name = ownerOf, unchecked_return_type = "ActivityOwner")]
pub fn owner_of(
    #[wasm_bindgen(unchecked_param_type = "ActivityKind")] kind: JsValue,
) -> Result<JsValue, JsValue> {
    let kind = text("kind", kind)?;
    to_js_value(&core::owner_of(ActivityKind::parse("kind", &kind).js()?))
}

/// The source's worked example: a CRM bringing AI into its portfolio.
#[wasm_bindgen(js_name = workedExample, unchecked_return_type = "WorkedExample")]
pub fn worked_example() -> Result<JsValue, JsValue> {
    to_js_value(&core::worked_example())
}

/// Over 500,000 product managers work in the US.
#[wasm_bindgen(js_name = productManagerHeadcount, unchecked_return_type = "Headcount")]
pub fn product_manager_headcount() -> Result<JsValue, JsValue> {
    to_js_value(&core::product_manager_headcount())
}
