//! Stories, acceptance criteria and the INVEST lint for JavaScript.

use wasm_bindgen::prelude::*;

use super::{context_arg, rules_arg};
use crate::convert::{self, from_js_value, optional_texts, texts, to_js_value};
use crate::errors::IntoJs;
use pmkit::work::{self as core, Story};

#[wasm_bindgen(typescript_custom_section)]
const STORY_TYPES: &'static str = r#"
/** A status category. Cancelled is never counted as done. */
export type StatusCategory = "to_do" | "in_progress" | "done" | "cancelled";

/** A team's status name and its category. */
export interface Status { name: string; category: StatusCategory; }

/** A Given / When / Then step, keeping the keyword it was written with. */
export interface Step { keyword: "given" | "when" | "then" | "and" | "but"; text: string; }

/** A scenario of acceptance criteria. */
export interface Scenario { name: string; steps: Step[]; }

/** A link to another item. */
export interface Link { kind: "blocks" | "blocked_by" | "relates_to"; id: string; }

export interface RiceInputs { reach: number; impact: number; confidence: number; effort: number; }
export interface IceInputs { impact: number; confidence: number; ease: number; }
export interface WsjfInputs { user_business_value: number; time_criticality: number; risk_reduction: number; job_size: number; }
export interface ValueEffortInputs { value: number; effort: number; }
export type Moscow = "must" | "should" | "could" | "wont";

/** A story's prioritization inputs, one optional set per framework. */
export interface Priority {
  moscow?: Moscow | null;
  rice?: RiceInputs | null;
  ice?: IceInputs | null;
  wsjf?: WsjfInputs | null;
  value_effort?: ValueEffortInputs | null;
}

/** A backlog item. When passed in, only `id` and `title` are required; results have every field. */
export interface Story {
  id: string;
  title: string;
  persona?: string | null;
  goal?: string | null;
  benefit?: string | null;
  description?: string | null;
  acceptance_criteria?: Scenario[];
  /** Points: a card weight of the team's scale; null when unestimated. */
  estimate?: number | null;
  status?: Status;
  priority?: Priority;
  /** The parent epic's id. */
  parent?: string | null;
  labels?: string[];
  issue_type?: string | null;
  sprint?: string | null;
  /** ISO date. */
  created?: string | null;
  /** ISO date. */
  resolved?: string | null;
  links?: Link[];
}

/** A quality rule. */
export type Rule = "missing_benefit" | "missing_acceptance_criteria" | "unestimated" | "too_big" | "blocked" | "vague_goal" | "must_have_share";

/** One broken rule. */
export interface Finding { rule: Rule; severity: "error" | "warning"; message: string; }

/** What the INVEST lint needs beyond the story (every field optional). */
export interface InvestContext {
  max_points?: number | null;
  velocity?: number | null;
  /** Default 0.5. */
  max_velocity_share?: number;
  /** Ids of done or cancelled items; a blocker not listed counts as open. */
  resolved_items?: string[];
}
"#;

/// A story from its Connextra sentence: "As a <persona>, I want <goal>, so that <benefit>".
#[wasm_bindgen(js_name = parseStory, unchecked_return_type = "Story")]
pub fn parse_story(
    #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    let id = &convert::text("id", id)?;
    let text = &convert::text("text", text)?;
    to_js_value(&Story::parse(id, text).js()?)
}

/// The story as a Connextra sentence.
#[wasm_bindgen(js_name = toConnextra)]
pub fn to_connextra(
    #[wasm_bindgen(unchecked_param_type = "Story")] story: JsValue,
) -> Result<String, JsValue> {
    let story: Story = from_js_value("story", story)?;
    story.to_connextra().map_err(|err| err.within("story")).js()
}

/// Given / When / Then scenarios from Gherkin-style text.
#[wasm_bindgen(js_name = parseAcceptanceCriteria, unchecked_return_type = "Scenario[]")]
pub fn parse_acceptance_criteria(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    let text = &convert::text("text", text)?;
    to_js_value(&core::parse_acceptance_criteria(text).js()?)
}

/// INVEST findings of a story, for the given rules (all story rules by default).
#[wasm_bindgen(js_name = investFindings, unchecked_return_type = "Finding[]")]
pub fn invest_findings(
    #[wasm_bindgen(unchecked_param_type = "Story")] story: JsValue,
    #[wasm_bindgen(unchecked_param_type = "InvestContext | null | undefined")] context: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Rule[] | null | undefined")] rules: JsValue,
) -> Result<JsValue, JsValue> {
    let rules = optional_texts("rules", rules)?;
    let story: Story = from_js_value("story", story)?;
    let rules = rules_arg("rules", &rules.unwrap_or_default())?;
    to_js_value(&core::invest_findings(&story, &context_arg(context)?, &rules).js()?)
}

/// Whether a story passes the Definition of Ready (a list of rule names).
#[wasm_bindgen(js_name = isReady)]
pub fn is_ready(
    #[wasm_bindgen(unchecked_param_type = "Story")] story: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Rule[]")] definition_of_ready: JsValue,
    #[wasm_bindgen(unchecked_param_type = "InvestContext | null | undefined")] context: JsValue,
) -> Result<bool, JsValue> {
    let definition_of_ready = texts("definition_of_ready", definition_of_ready)?;
    let story: Story = from_js_value("story", story)?;
    let definition = rules_arg("definition_of_ready", &definition_of_ready)?;
    core::is_ready(&story, &definition, &context_arg(context)?).js()
}
