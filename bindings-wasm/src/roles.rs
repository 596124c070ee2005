//! The two product roles (`pmkit::roles`) for JavaScript: the functions come from the
//! API description (`pmkit_api::roles!`), except `salaryBenchmark`, kept hand-written
//! with its Python twin (whose result class has a method). Its result is a plain
//! object, so `SalaryBenchmark::position_in_range` is the described function
//! `salaryPositionInRange(role, salary)`.

use wasm_bindgen::prelude::*;

use crate::convert::{js_functions, text, to_js_value};
use crate::errors::IntoJs;
use pmkit::roles::{self as core, Role};

pmkit_api::roles!(js_functions);

#[wasm_bindgen(typescript_custom_section)]
const SALARY_TYPES: &'static str = r#"
/** What moves a salary within the benchmark's range. */
export type SalaryFactor =
  | "years_of_experience" | "location" | "company_size" | "work_arrangement" | "market_status";

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
"#;

/// The published salary figures for a role (Indeed, US, annual USD).
#[wasm_bindgen(js_name = salaryBenchmark, unchecked_return_type = "SalaryBenchmark")]
pub fn salary_benchmark(
    #[wasm_bindgen(unchecked_param_type = "Role")] role: JsValue,
) -> Result<JsValue, JsValue> {
    let role = text("role", role)?;
    to_js_value(&core::salary_benchmark(Role::parse("role", &role).js()?))
}
