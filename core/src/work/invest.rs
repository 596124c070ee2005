//! INVEST lint and the Definition of Ready.
//!
//! Bill Wake's INVEST (2003): a good story is Independent, Negotiable, Valuable,
//! Estimable, Small and Testable. [`invest_findings`] checks what can be checked
//! mechanically; a team's Definition of Ready is the list of [`Rule`]s it insists on,
//! and [`is_ready`] says whether a story passes them.

use serde::{Deserialize, Serialize};

use super::story::Story;
use crate::names::named_enum;
use crate::{input, Error, Result};

named_enum!(
    /// A quality rule. All but `must_have_share` apply to one story (and can be part of
    /// a Definition of Ready); `must_have_share` applies to a whole backlog.
    Rule, "rule" {
        /// Valuable: the story says why ("so that …").
        MissingBenefit = "missing_benefit",
        /// Testable: the story has acceptance criteria.
        MissingAcceptanceCriteria = "missing_acceptance_criteria",
        /// Estimable: the story has an estimate.
        Unestimated = "unestimated",
        /// Small: the estimate is not over the team's limit or share of velocity.
        TooBig = "too_big",
        /// Independent: nothing still open blocks the story.
        Blocked = "blocked",
        /// Testable: the goal avoids vague words ("fast", "easy", "user-friendly" …).
        VagueGoal = "vague_goal",
        /// Backlog: must-haves are over 60 % of the planned effort (DSDM).
        MustHaveShare = "must_have_share",
    }
);

impl Rule {
    /// The rules that apply to a single story, in the order findings are reported.
    pub const STORY_RULES: &'static [Rule] = &[
        Rule::MissingBenefit,
        Rule::MissingAcceptanceCriteria,
        Rule::Unestimated,
        Rule::TooBig,
        Rule::Blocked,
        Rule::VagueGoal,
    ];

    /// The severity of a finding of this rule.
    pub const fn severity(self) -> Severity {
        match self {
            Rule::MissingBenefit | Rule::VagueGoal | Rule::MustHaveShare => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

named_enum!(
    /// How serious a finding is.
    Severity, "severity" {
        /// Should be fixed before the story is worked on.
        Error = "error",
        /// Worth a conversation.
        Warning = "warning",
    }
);

/// One broken rule, with a message saying what to do.
///
/// JSON form: `{"rule": "unestimated", "severity": "error", "message": "..."}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Finding {
    /// The rule.
    pub rule: Rule,
    /// Its severity.
    pub severity: Severity,
    /// What is wrong and how to fix it.
    pub message: String,
}

/// The options of [`invest_findings`] in the bindings: the context and the rules.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct InvestOptions {
    /// What the lint needs beyond the story (velocity, resolved items ...), every field
    /// optional; `None` (the default) is `InvestContext::default()`.
    pub context: Option<InvestContext>,
    /// The story rules to check (`Rule::STORY_RULES`); empty (the default) checks them all.
    pub rules: Vec<Rule>,
}

/// The options of [`is_ready`] in the bindings: the lint's context.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ReadyOptions {
    /// What the lint needs beyond the story (velocity, resolved items ...), every field
    /// optional; `None` (the default) is `InvestContext::default()`.
    pub context: Option<InvestContext>,
}

/// Vague words that make a goal untestable (whole words, any case).
pub const VAGUE_WORDS: &[&str] = &[
    "easy",
    "easily",
    "fast",
    "quick",
    "quickly",
    "simple",
    "simply",
    "intuitive",
    "user-friendly",
    "user friendly",
    "seamless",
    "seamlessly",
    "flexible",
    "efficient",
    "robust",
    "better",
    "improve",
    "improved",
    "optimal",
    "optimize",
    "etc",
    "and/or",
    "as needed",
    "if possible",
];

/// What the lint needs to know beyond the story itself.
///
/// JSON form (every field optional): `{"max_points": 13, "velocity": 30,
/// "max_velocity_share": 0.5, "resolved_items": ["PAY-3"]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InvestContext {
    /// A story estimated above this many points is too big.
    pub max_points: Option<f64>,
    /// The team's velocity in points per sprint.
    pub velocity: Option<f64>,
    /// With a velocity, a story above this fraction of it is too big (default 0.5).
    pub max_velocity_share: f64,
    /// Ids of items that are done or cancelled; a blocker not listed counts as open.
    pub resolved_items: Vec<String>,
}

impl Default for InvestContext {
    fn default() -> Self {
        InvestContext {
            max_points: None,
            velocity: None,
            max_velocity_share: 0.5,
            resolved_items: Vec::new(),
        }
    }
}

impl InvestContext {
    /// Checks the numbers.
    ///
    /// **Errors**: `max_points` or `velocity` NaN, infinite or negative
    /// ([`Error::InvalidInput`]); `max_velocity_share` outside 0..=1 ([`Error::OutOfRange`]).
    pub fn validate(&self) -> Result<()> {
        if let Some(points) = self.max_points {
            input::non_negative("max_points", points)?;
        }
        if let Some(velocity) = self.velocity {
            input::non_negative("velocity", velocity)?;
        }
        let share = input::non_negative("max_velocity_share", self.max_velocity_share)?;
        if share > 1.0 {
            return Err(Error::out_of_range(
                "max_velocity_share",
                format!("{share} is above 1; it is a fraction of a sprint's velocity"),
            ));
        }
        Ok(())
    }
}

/// INVEST findings of a story, for the given rules (every story rule when `rules` is empty).
///
/// Rules and what fires them:
///
/// | rule | severity | fires when |
/// |---|---|---|
/// | `missing_benefit` | warning | no benefit ("so that …") |
/// | `missing_acceptance_criteria` | error | no scenario |
/// | `unestimated` | error | no estimate |
/// | `too_big` | error | estimate > `max_points`, or > `max_velocity_share` × `velocity` |
/// | `blocked` | error | a `blocked_by` link to an item not in `resolved_items` |
/// | `vague_goal` | warning | the goal (or title, without a goal) has a word of [`VAGUE_WORDS`] |
///
/// **Errors**: an invalid story or context ([`Error::InvalidInput`] /
/// [`Error::OutOfRange`], fields prefixed `story.` / `context.`); `must_have_share` in
/// `rules` ([`Error::InvalidInput`] on `rules[i]`: it is a backlog rule).
///
/// **Source**: Bill Wake, "INVEST in Good Stories, and SMART Tasks", xp123.com, 2003.
///
/// ```
/// use pmkit::work::{invest_findings, InvestContext, Rule, Story};
///
/// let mut story = Story::parse("PAY-1", "As a shopper, I want a fast checkout")?;
/// story.estimate = Some(13.0);
/// let context = InvestContext { velocity: Some(20.0), ..InvestContext::default() };
/// let rules: Vec<Rule> = invest_findings(&story, &context, &[])?.iter().map(|f| f.rule).collect();
/// assert_eq!(rules, [Rule::MissingBenefit, Rule::MissingAcceptanceCriteria, Rule::TooBig, Rule::VagueGoal]);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn invest_findings(
    story: &Story,
    context: &InvestContext,
    rules: &[Rule],
) -> Result<Vec<Finding>> {
    story.validate().map_err(|err| err.within("story"))?;
    context.validate().map_err(|err| err.within("context"))?;
    for (index, rule) in rules.iter().enumerate() {
        if !Rule::STORY_RULES.contains(rule) {
            return Err(Error::invalid(
                format!("rules[{index}]"),
                format!("{rule} is a backlog rule, not a story rule"),
            ));
        }
    }
    let wanted = |rule: Rule| rules.is_empty() || rules.contains(&rule);
    let mut findings = Vec::new();
    let mut report = |rule: Rule, message: String| {
        if wanted(rule) {
            findings.push(Finding {
                rule,
                severity: rule.severity(),
                message,
            });
        }
    };
    if story
        .benefit
        .as_deref()
        .is_none_or(|benefit| benefit.trim().is_empty())
    {
        report(
            Rule::MissingBenefit,
            format!("{} does not say why; add \"so that <benefit>\"", story.id),
        );
    }
    if story.acceptance_criteria.is_empty() {
        report(
            Rule::MissingAcceptanceCriteria,
            format!(
                "{} has no acceptance criteria; add Given / When / Then scenarios",
                story.id
            ),
        );
    }
    match story.estimate {
        None => report(
            Rule::Unestimated,
            format!("{} has no estimate; estimate it with the team", story.id),
        ),
        Some(points) => {
            if let Some(reason) = too_big(points, context) {
                report(
                    Rule::TooBig,
                    format!("{} is {points} points, {reason}; split it", story.id),
                );
            }
        }
    }
    let open_blockers: Vec<&str> = story
        .blockers()
        .filter(|blocker| {
            !context
                .resolved_items
                .iter()
                .any(|resolved| resolved == blocker)
        })
        .collect();
    if !open_blockers.is_empty() {
        report(
            Rule::Blocked,
            format!(
                "{} is blocked by open item(s) {}",
                story.id,
                open_blockers.join(", ")
            ),
        );
    }
    let goal = story.goal.as_deref().unwrap_or(&story.title);
    let vague = vague_words(goal);
    if !vague.is_empty() {
        report(
            Rule::VagueGoal,
            format!(
                "{}'s goal uses vague word(s) {}; say what can be measured or tested",
                story.id,
                vague.join(", ")
            ),
        );
    }
    Ok(findings)
}

/// Whether a story passes a team's Definition of Ready: none of `definition_of_ready`'s
/// rules has a finding (warnings included: the team picked the rule).
///
/// **Errors**: as [`invest_findings`]; an empty definition is [`Error::Undefined`] on
/// `definition_of_ready` (it would make every story ready).
///
/// ```
/// use pmkit::work::{is_ready, parse_acceptance_criteria, InvestContext, Rule, Story};
///
/// let mut story = Story::parse("PAY-1", "As a shopper, I want to save my card so that I pay faster")?;
/// let ready = [Rule::MissingAcceptanceCriteria, Rule::Unestimated];
/// assert!(!is_ready(&story, &ready, &InvestContext::default())?);
/// story.estimate = Some(3.0);
/// story.acceptance_criteria = parse_acceptance_criteria("Given a saved card\nWhen I pay\nThen I am not asked for it")?;
/// assert!(is_ready(&story, &ready, &InvestContext::default())?);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn is_ready(
    story: &Story,
    definition_of_ready: &[Rule],
    context: &InvestContext,
) -> Result<bool> {
    input::non_empty("definition_of_ready", definition_of_ready)?;
    invest_findings(story, context, definition_of_ready)
        .map_err(|err| {
            if err.field().starts_with("rules") {
                Error::invalid(
                    err.field().replacen("rules", "definition_of_ready", 1),
                    err.reason(),
                )
            } else {
                err
            }
        })
        .map(|findings| findings.is_empty())
}

/// Why `points` is too big, if it is.
fn too_big(points: f64, context: &InvestContext) -> Option<String> {
    if let Some(max) = context.max_points {
        if points > max {
            return Some(format!("over the team's limit of {max}"));
        }
    }
    if let Some(velocity) = context.velocity {
        let limit = context.max_velocity_share * velocity;
        if points > limit {
            return Some(format!(
                "over {}% of the velocity of {velocity} ({limit} points)",
                context.max_velocity_share * 100.0
            ));
        }
    }
    None
}

/// The vague words in `text`, as whole words, in [`VAGUE_WORDS`] order.
fn vague_words(text: &str) -> Vec<&'static str> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|ch: char| !(ch.is_alphanumeric() || ch == '-' || ch == '/' || ch == '\''))
        .filter(|word| !word.is_empty())
        .collect();
    let padded = format!(" {} ", words.join(" "));
    VAGUE_WORDS
        .iter()
        .copied()
        .filter(|vague| padded.contains(&format!(" {vague} ")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::work::{parse_acceptance_criteria, Link, LinkKind};
    use crate::ErrorKind;

    fn good_story() -> Story {
        let mut story = Story::parse(
            "S-1",
            "As a PO, I want a burndown chart so that I see sprint risk",
        )
        .unwrap();
        story.estimate = Some(5.0);
        story.acceptance_criteria =
            parse_acceptance_criteria("Given a sprint\nThen I see its burndown").unwrap();
        story
    }

    #[test]
    fn a_good_story_has_no_findings() {
        assert!(
            invest_findings(&good_story(), &InvestContext::default(), &[])
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn too_big_by_limit_or_velocity() {
        let story = good_story();
        let limit = InvestContext {
            max_points: Some(3.0),
            ..InvestContext::default()
        };
        assert_eq!(
            invest_findings(&story, &limit, &[]).unwrap()[0].rule,
            Rule::TooBig
        );
        let velocity = InvestContext {
            velocity: Some(10.0),
            ..InvestContext::default()
        };
        assert!(invest_findings(&story, &velocity, &[]).unwrap().is_empty()); // 5 is exactly half
        let velocity = InvestContext {
            velocity: Some(9.0),
            ..InvestContext::default()
        };
        let findings = invest_findings(&story, &velocity, &[]).unwrap();
        assert!(findings[0].message.contains("50% of the velocity of 9"));
    }

    #[test]
    fn blocked_unless_blocker_resolved() {
        let mut story = good_story();
        story.links.push(Link {
            kind: LinkKind::BlockedBy,
            id: "S-9".into(),
        });
        story.links.push(Link {
            kind: LinkKind::RelatesTo,
            id: "S-8".into(),
        });
        let findings = invest_findings(&story, &InvestContext::default(), &[]).unwrap();
        assert_eq!(findings.len(), 1);
        assert_eq!(
            (findings[0].rule, findings[0].severity),
            (Rule::Blocked, Severity::Error)
        );
        let resolved = InvestContext {
            resolved_items: vec!["S-9".into()],
            ..InvestContext::default()
        };
        assert!(invest_findings(&story, &resolved, &[]).unwrap().is_empty());
    }

    #[test]
    fn vague_words_are_whole_words() {
        assert_eq!(
            vague_words("A FAST, user-friendly export etc."),
            ["fast", "user-friendly", "etc"]
        );
        assert!(vague_words("breakfast exports").is_empty());
        assert_eq!(vague_words("export as needed"), ["as needed"]);
    }

    #[test]
    fn rules_filter_and_validate() {
        let story = Story::new("S-1", "t").unwrap();
        let findings =
            invest_findings(&story, &InvestContext::default(), &[Rule::Unestimated]).unwrap();
        assert_eq!(findings.len(), 1);
        let err =
            invest_findings(&story, &InvestContext::default(), &[Rule::MustHaveShare]).unwrap_err();
        assert_eq!(err.field(), "rules[0]");
        let err = is_ready(
            &story,
            &[Rule::Unestimated, Rule::MustHaveShare],
            &InvestContext::default(),
        )
        .unwrap_err();
        assert_eq!(err.field(), "definition_of_ready[1]");
        let err = is_ready(&story, &[], &InvestContext::default()).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Undefined);
        let bad = InvestContext {
            max_velocity_share: 2.0,
            ..InvestContext::default()
        };
        assert_eq!(
            invest_findings(&story, &bad, &[]).unwrap_err().field(),
            "context.max_velocity_share"
        );
    }
}
