//! Acceptance criteria found inside a tracker description: a Gherkin block
//! (Given / When / Then, in Jira's bullets and bold or plain) or a list under an
//! "Acceptance criteria" heading.

use super::gherkin::{
    parse_acceptance_criteria, split_step, strip_header, Scenario, Step, StepKeyword,
};

/// What a description holds: the criteria found (empty when none), or why a block
/// that looked like criteria could not be read.
pub(crate) type Found = std::result::Result<Vec<Scenario>, String>;

/// The acceptance criteria in `description`.
///
/// 1. **Gherkin**: the lines from the first `Scenario:` / `Given` / `When` line to the
///    last step line, each stripped of list markers (`*`, `-`, `#`, `•`, `1.`), Jira
///    headings (`h3.`) and emphasis (`*Given*`), read by
///    [`parse_acceptance_criteria`]. Only when a `Then` line is present: criteria
///    state an outcome.
/// 2. Otherwise a **heading list**: a line reading "Acceptance criteria" (any case,
///    as `h3.`, `##`, `*bold*` or with a colon), then the list items under it, until
///    the first line that is not an item. Each item is one `Then` step of one
///    scenario named "Acceptance criteria".
///
/// A Gherkin block that does not parse (an `And` first, a scenario without `Then`)
/// gives `Err` with the parser's message, for the importer's warning.
pub(crate) fn criteria_in(description: &str) -> Found {
    let lines: Vec<String> = description.lines().map(clean).collect();
    let is_step = |line: &str| {
        split_step(line).is_some()
            || strip_header(line, &["scenario", "scenario outline", "example"]).is_some()
    };
    let has_then = lines
        .iter()
        .any(|line| matches!(split_step(line), Some((StepKeyword::Then, _))));
    let opens = |line: &str| {
        matches!(
            split_step(line),
            Some((StepKeyword::Given | StepKeyword::When, _))
        ) || strip_header(line, &["scenario", "scenario outline", "example"]).is_some()
    };
    if has_then {
        if let Some(start) = lines.iter().position(|line| opens(line)) {
            let end = lines
                .iter()
                .rposition(|line| is_step(line))
                .unwrap_or(start);
            // Blank lines inside the block are kept (the parser skips them); other
            // prose inside it is an error the parser names.
            let block = lines.get(start..=end).unwrap_or_default().join("\n");
            return parse_acceptance_criteria(&block).map_err(|err| err.to_string());
        }
    }
    let raw: Vec<&str> = description.lines().map(str::trim).collect();
    Ok(heading_list(&lines, &raw).into_iter().collect())
}

/// The "Acceptance criteria" list as one scenario of `Then` steps: the heading found
/// in the cleaned `lines`, the items read from the `raw` lines (where Jira's `#`
/// numbered-list marker is still there).
fn heading_list(lines: &[String], raw: &[&str]) -> Option<Scenario> {
    let heading = lines.iter().position(|line| {
        let bare = line.trim_end_matches(':').trim().to_lowercase();
        bare == "acceptance criteria" || bare == "acceptance criterion"
    })?;
    let mut steps = Vec::new();
    for line in raw.iter().skip(heading + 1) {
        if line.is_empty() {
            if steps.is_empty() {
                continue;
            }
            break;
        }
        match list_item(line) {
            Some(text) => steps.push(Step {
                keyword: StepKeyword::Then,
                text: text.to_owned(),
            }),
            None => break,
        }
    }
    (!steps.is_empty()).then(|| Scenario {
        name: "Acceptance criteria".to_owned(),
        steps,
    })
}

/// A line with its Jira heading (`h3.`), Markdown heading (`##`) and emphasis
/// markers removed, and a Gherkin step's list marker removed too, trimmed.
fn clean(raw: &str) -> String {
    let mut line = raw.trim();
    for level in ["h1.", "h2.", "h3.", "h4.", "h5.", "h6."] {
        if let Some(rest) = line.strip_prefix(level) {
            line = rest.trim_start();
        }
    }
    line = line.trim_start_matches('#').trim_start();
    // A whole-line emphasis ("*Acceptance criteria*") or an emphasised keyword
    // ("*Given* a user").
    let mut text = line.to_owned();
    if let Some(inner) = text
        .strip_prefix('*')
        .and_then(|rest| rest.strip_suffix('*'))
    {
        if !inner.contains('*') {
            text = inner.trim().to_owned();
        }
    }
    if let Some(item) = list_item(&text) {
        let item = item.replacen('*', "", 2);
        let item = item.trim();
        if split_step(item).is_some() {
            return item.to_owned();
        }
    }
    // "*Given* a user" without a list marker.
    if text.starts_with('*') {
        let unbold = text.replacen('*', "", 2);
        if split_step(unbold.trim()).is_some() {
            return unbold.trim().to_owned();
        }
    }
    text
}

/// The text of a list item (`* x`, `- x`, `• x`, `1. x`, `1) x`); `None` for other lines.
fn list_item(line: &str) -> Option<&str> {
    for marker in ["* ", "- ", "• ", "# ", "** ", "-- "] {
        if let Some(rest) = line.strip_prefix(marker) {
            return Some(rest.trim()).filter(|text| !text.is_empty());
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        let rest = line.get(digits..)?;
        let rest = rest.strip_prefix(['.', ')'])?;
        if rest.starts_with(' ') {
            return Some(rest.trim()).filter(|text| !text.is_empty());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gherkin_in_jira_bullets_and_bold() {
        let text = "As a shopper I want to save my card.\n\nh3. Acceptance Criteria\n* *Given* a signed-in shopper\n* *When* they tick \"save card\"\n* *Then* the card is stored\n* And it shows on the next visit\n\nNotes: PCI scope.";
        let criteria = criteria_in(text).unwrap();
        assert_eq!(criteria.len(), 1);
        assert_eq!(criteria[0].steps.len(), 4);
        assert_eq!(criteria[0].steps[0].text, "a signed-in shopper");
        assert_eq!(criteria[0].steps[3].keyword, StepKeyword::And);
    }

    #[test]
    fn scenarios_with_headers() {
        let text =
            "Scenario: ok\nGiven a\nWhen b\nThen c\nScenario: bad card\nGiven d\nWhen e\nThen f";
        let criteria = criteria_in(text).unwrap();
        assert_eq!(criteria.len(), 2);
        assert_eq!(criteria[1].name, "bad card");
    }

    #[test]
    fn heading_lists() {
        let text = "Some context.\n\n*Acceptance criteria:*\n# totals include tax\n# a receipt is emailed\n\nOut of scope: refunds";
        let criteria = criteria_in(text).unwrap();
        assert_eq!(criteria[0].name, "Acceptance criteria");
        let texts: Vec<&str> = criteria[0].steps.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["totals include tax", "a receipt is emailed"]);
        let md = "## Acceptance Criteria\n\n- one\n- two\nprose";
        assert_eq!(criteria_in(md).unwrap()[0].steps.len(), 2);
        let numbered = "Acceptance criteria\n1. one\n2) two";
        assert_eq!(criteria_in(numbered).unwrap()[0].steps.len(), 2);
    }

    #[test]
    fn no_criteria_and_broken_blocks() {
        assert!(criteria_in("Just prose. Then more prose.")
            .unwrap()
            .is_empty());
        assert!(criteria_in("Acceptance criteria\n\nnone yet")
            .unwrap()
            .is_empty());
        let err = criteria_in("Given a\nWhen b\nThen c\nsome prose\nThen d").unwrap_err();
        // Steps without a Given or When opening are not a block.
        assert!(criteria_in("And a\nThen b").unwrap().is_empty());
        assert!(err.contains("line 4"), "{err}");
    }
}
