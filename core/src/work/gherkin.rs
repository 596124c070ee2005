//! Acceptance criteria as Given / When / Then scenarios, read from Gherkin-style text.

use serde::{Deserialize, Serialize};

use crate::names::named_enum;
use crate::{Error, Result};

named_enum!(
    /// The keyword a step starts with. `And` and `But` continue the step before them
    /// and are kept as written.
    StepKeyword, "step keyword" {
        /// A precondition.
        Given = "given",
        /// The action.
        When = "when",
        /// The expected outcome.
        Then = "then",
        /// Another step of the same kind as the one before.
        And = "and",
        /// A contrasting step of the same kind as the one before.
        But = "but",
    }
);

impl StepKeyword {
    /// The keyword as written in Gherkin ("Given").
    pub const fn word(self) -> &'static str {
        match self {
            StepKeyword::Given => "Given",
            StepKeyword::When => "When",
            StepKeyword::Then => "Then",
            StepKeyword::And => "And",
            StepKeyword::But => "But",
        }
    }
}

/// One step: its keyword and the text after it.
///
/// JSON form: `{"keyword": "given", "text": "a saved report"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Step {
    /// The keyword the step starts with.
    pub keyword: StepKeyword,
    /// The rest of the line, trimmed.
    pub text: String,
}

/// A scenario: an optional name and its steps in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(extend("x-pmkit-plain" = true)))]
pub struct Scenario {
    /// The text after `Scenario:` (empty when the steps came without a header).
    pub name: String,
    /// The steps, in order.
    pub steps: Vec<Step>,
}

impl Scenario {
    /// The scenario as Gherkin text (`Scenario: name` then one indented step a line).
    pub fn to_gherkin(&self) -> String {
        let mut out = format!("Scenario: {}", self.name).trim_end().to_owned();
        for step in &self.steps {
            out.push_str(&format!("\n  {} {}", step.keyword.word(), step.text));
        }
        out
    }
}

/// Acceptance criteria from Gherkin-style text: scenarios of Given / When / Then steps.
///
/// Reads `Scenario:` (or `Example:`, `Scenario Outline:`) headers and steps starting
/// with Given, When, Then, And or But (any case). Blank lines, `#` comments, `@tags`
/// and one `Feature:` line are skipped. Steps before any header form an unnamed
/// scenario. Each step keeps the keyword it was written with.
///
/// **Errors** ([`Error::Parse`] on `line N`, counting from 1): a line that is neither a
/// header nor a step; `And` / `But` as a scenario's first step; a scenario without
/// steps, or without a `Then` step (criteria must state an outcome); data tables and
/// doc strings (not supported); no scenario at all (on `text`).
///
/// **Source**: the Gherkin reference, <https://cucumber.io/docs/gherkin/reference/>.
///
/// ```
/// use pmkit::work::{parse_acceptance_criteria, StepKeyword};
///
/// let criteria = parse_acceptance_criteria(
///     "Scenario: export\n  Given a saved report\n  When I click Export\n  Then a CSV downloads\n  And it has a header row",
/// )?;
/// assert_eq!(criteria[0].name, "export");
/// assert_eq!(criteria[0].steps.len(), 4);
/// assert_eq!(criteria[0].steps[3].keyword, StepKeyword::And);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn parse_acceptance_criteria(text: &str) -> Result<Vec<Scenario>> {
    let mut scenarios: Vec<(usize, Scenario)> = Vec::new();
    let mut seen_feature = false;
    for (index, raw) in text.lines().enumerate() {
        let line_no = index + 1;
        let field = format!("line {line_no}");
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with('@') {
            continue;
        }
        if line.starts_with('|') || line.starts_with("\"\"\"") || line.starts_with("```") {
            return Err(Error::parse(
                field,
                "data tables and doc strings are not supported; write each case as its own step",
            ));
        }
        if strip_header(line, &["feature"]).is_some() {
            if seen_feature || !scenarios.is_empty() {
                return Err(Error::parse(
                    field,
                    "only one Feature: line is allowed, before the scenarios",
                ));
            }
            seen_feature = true;
            continue;
        }
        if let Some(name) = strip_header(
            line,
            &[
                "scenario outline",
                "scenario template",
                "scenario",
                "example",
            ],
        ) {
            close_scenario(scenarios.last())?;
            scenarios.push((
                line_no,
                Scenario {
                    name: name.to_owned(),
                    steps: Vec::new(),
                },
            ));
            continue;
        }
        let (keyword, rest) = split_step(line).ok_or_else(|| {
            Error::parse(
                &field,
                format!(
                    "{line:?} is not a step; steps start with Given, When, Then, And or But, scenarios with \"Scenario:\""
                ),
            )
        })?;
        if scenarios.is_empty() {
            scenarios.push((
                line_no,
                Scenario {
                    name: String::new(),
                    steps: Vec::new(),
                },
            ));
        }
        if let Some((_, scenario)) = scenarios.last_mut() {
            if scenario.steps.is_empty() && matches!(keyword, StepKeyword::And | StepKeyword::But) {
                return Err(Error::parse(
                    field,
                    format!(
                        "{} cannot start a scenario; it continues a Given, When or Then step",
                        keyword.word()
                    ),
                ));
            }
            if rest.is_empty() {
                return Err(Error::parse(
                    field,
                    format!("the {} step has no text", keyword.word()),
                ));
            }
            scenario.steps.push(Step {
                keyword,
                text: rest.to_owned(),
            });
        }
    }
    close_scenario(scenarios.last())?;
    if scenarios.is_empty() {
        return Err(Error::parse(
            "text",
            "has no scenario; write steps starting with Given, When and Then",
        ));
    }
    Ok(scenarios
        .into_iter()
        .map(|(_, scenario)| scenario)
        .collect())
}

/// A finished scenario must have steps and state an outcome.
fn close_scenario(last: Option<&(usize, Scenario)>) -> Result<()> {
    let Some((line_no, scenario)) = last else {
        return Ok(());
    };
    let field = format!("line {line_no}");
    if scenario.steps.is_empty() {
        return Err(Error::parse(
            field,
            format!("scenario {:?} has no steps", scenario.name),
        ));
    }
    if !scenario
        .steps
        .iter()
        .any(|step| step.keyword == StepKeyword::Then)
    {
        return Err(Error::parse(
            field,
            format!("scenario {:?} has no Then step; acceptance criteria must state the expected outcome", scenario.name),
        ));
    }
    Ok(())
}

/// `"Scenario: name"` → `Some("name")` for any of `headers` (case-insensitive).
pub(crate) fn strip_header<'a>(line: &'a str, headers: &[&str]) -> Option<&'a str> {
    let (head, rest) = line.split_once(':')?;
    let head = head.trim();
    headers
        .iter()
        .any(|header| head.eq_ignore_ascii_case(header))
        .then(|| rest.trim())
}

/// `"Given a user"` → `(Given, "a user")`; the keyword must be a whole word.
pub(crate) fn split_step(line: &str) -> Option<(StepKeyword, &str)> {
    let word_end = line
        .find(|ch: char| ch.is_whitespace())
        .unwrap_or(line.len());
    let (word, rest) = line.split_at(word_end);
    let keyword = StepKeyword::ALL
        .iter()
        .copied()
        .find(|keyword| word.eq_ignore_ascii_case(keyword.as_str()))?;
    Some((keyword, rest.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn several_scenarios_and_comments() {
        let text = "Feature: export\n# comment\n@smoke\nScenario: one\nGiven a\nWhen b\nThen c\n\nscenario: two\n  given x\n  THEN y\n  but not z\n";
        let criteria = parse_acceptance_criteria(text).unwrap();
        assert_eq!(criteria.len(), 2);
        assert_eq!(criteria[1].name, "two");
        assert_eq!(
            criteria[1].steps[2],
            Step {
                keyword: StepKeyword::But,
                text: "not z".into()
            }
        );
    }

    #[test]
    fn steps_without_a_header_are_one_unnamed_scenario() {
        let criteria = parse_acceptance_criteria("Given a\nThen b").unwrap();
        assert_eq!(criteria[0].name, "");
        assert_eq!(criteria[0].to_gherkin(), "Scenario:\n  Given a\n  Then b");
    }

    #[test]
    fn errors_name_the_line() {
        let err = parse_acceptance_criteria("Scenario: a\nGiven x\nThe user clicks").unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Parse, "line 3"));
        let err = parse_acceptance_criteria("Scenario: a\nAnd x\nThen y").unwrap_err();
        assert_eq!(err.field(), "line 2");
        let err = parse_acceptance_criteria("Scenario: a\nGiven x\nWhen y\nScenario: b\nThen z")
            .unwrap_err();
        assert_eq!(err.field(), "line 1");
        assert!(err.reason().contains("no Then"));
        let err = parse_acceptance_criteria("Scenario: a\n").unwrap_err();
        assert!(err.reason().contains("no steps"));
        let err = parse_acceptance_criteria("  \n# only a comment").unwrap_err();
        assert_eq!(err.field(), "text");
        let err = parse_acceptance_criteria("Given a\n| x | y |\nThen b").unwrap_err();
        assert_eq!(err.field(), "line 2");
    }

    #[test]
    fn keyword_must_be_a_whole_word() {
        assert!(parse_acceptance_criteria("Givenness\nThen b").is_err());
        assert!(parse_acceptance_criteria("Thence\nGiven a\nThen b").is_err());
    }
}
