//! A user story: who wants what and why, with its acceptance criteria, estimate,
//! status, priority inputs, dates and links.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::gherkin::Scenario;
use super::prioritize::Priority;
use super::status::Status;
use super::tracker_fields::TrackerFields;
use crate::names::named_enum;
use crate::{input, Error, Result};

named_enum!(
    /// How a story relates to another item.
    LinkKind, "link kind" {
        /// This story blocks the other.
        Blocks = "blocks",
        /// The other item blocks this story.
        BlockedBy = "blocked_by" | "is blocked by",
        /// Related, without an order.
        RelatesTo = "relates_to" | "relates" | "relates to",
    }
);

/// A link from a story to another item, by id.
///
/// JSON form: `{"kind": "blocked_by", "id": "PAY-12"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Link {
    /// How the story relates to the item.
    pub kind: LinkKind,
    /// The other item's id.
    pub id: String,
}

/// A backlog item, usually a user story.
///
/// The JSON form has every field (empty ones as `null` or `[]`); when reading, only
/// `id` and `title` are required. Dates are ISO 8601 (`"2026-01-12"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(extend("x-pmkit-plain" = true)))]
pub struct Story {
    /// The item's key ("PAY-42"), unique in its backlog.
    pub id: String,
    /// A short summary.
    pub title: String,
    /// Who wants it ("returning customer"), from "As a …".
    #[serde(default)]
    pub persona: Option<String>,
    /// What they want ("to pay with a saved card"), from "I want …".
    #[serde(default)]
    pub goal: Option<String>,
    /// Why ("checkout takes one step"), from "so that …".
    #[serde(default)]
    pub benefit: Option<String>,
    /// Free text.
    #[serde(default)]
    pub description: Option<String>,
    /// Given / When / Then scenarios.
    #[serde(default)]
    pub acceptance_criteria: Vec<Scenario>,
    /// Points, a card weight of the team's scale; `None` when unestimated.
    #[serde(default)]
    pub estimate: Option<f64>,
    /// The team's status and its category (default "To Do").
    #[serde(default)]
    pub status: Status,
    /// Prioritization inputs, one optional set per framework.
    #[serde(default)]
    pub priority: Priority,
    /// The parent epic's id.
    #[serde(default)]
    pub parent: Option<String>,
    /// Labels.
    #[serde(default)]
    pub labels: Vec<String>,
    /// The tracker's issue type ("Story", "Bug", "Task").
    #[serde(default)]
    pub issue_type: Option<String>,
    /// The (latest) sprint it was planned into.
    #[serde(default)]
    pub sprint: Option<String>,
    /// The day it was created.
    #[serde(default)]
    pub created: Option<NaiveDate>,
    /// The day it was resolved (done or cancelled).
    #[serde(default)]
    pub resolved: Option<NaiveDate>,
    /// Links to other items.
    #[serde(default)]
    pub links: Vec<Link>,
    /// What the tracker knows beyond the fields above (people, priority level, every
    /// sprint, times of day); left out of the JSON form when empty.
    #[serde(default, skip_serializing_if = "TrackerFields::is_empty")]
    pub tracker: TrackerFields,
}

/// The parts of a Connextra sentence.
struct Connextra {
    persona: String,
    goal: String,
    benefit: Option<String>,
}

impl Story {
    /// A story with an id and a title, everything else empty and the status "To Do".
    ///
    /// **Errors**: an empty id or title ([`Error::InvalidInput`] on `id` / `title`).
    pub fn new(id: &str, title: &str) -> Result<Self> {
        let story = Story {
            id: id.trim().to_owned(),
            title: title.trim().to_owned(),
            persona: None,
            goal: None,
            benefit: None,
            description: None,
            acceptance_criteria: Vec::new(),
            estimate: None,
            status: Status::default(),
            priority: Priority::default(),
            parent: None,
            labels: Vec::new(),
            issue_type: None,
            sprint: None,
            created: None,
            resolved: None,
            links: Vec::new(),
            tracker: TrackerFields::default(),
        };
        story.validate()?;
        Ok(story)
    }

    /// A story from its Connextra sentence: "As a \<persona\>, I want \<goal\>, so
    /// that \<benefit\>". The title is the sentence itself (whitespace collapsed).
    ///
    /// Tolerant of case, punctuation and spacing: "As a" or "As an"; "I want", "I need",
    /// "I would like" or "I'd like"; "so that" optional; commas and a final period
    /// optional. `"to"` after "I want" stays in the goal, so
    /// [`to_connextra`](Story::to_connextra) writes the sentence back.
    ///
    /// **Errors** ([`Error::Parse`] on `text`, naming the missing part): no "As a
    /// \<persona\>" opening; no "I want \<goal\>"; an empty persona, goal or benefit.
    /// An empty id is [`Error::InvalidInput`] on `id`.
    ///
    /// **Source**: Rachel Davies' Connextra card template (2001), in Mike Cohn,
    /// *User Stories Applied* (2004), ch. 2.
    ///
    /// ```
    /// use pmkit::work::Story;
    ///
    /// let story = Story::parse("PAY-1", "As a returning customer, I want to pay with a saved card so that checkout takes one step.")?;
    /// assert_eq!(story.persona.as_deref(), Some("returning customer"));
    /// assert_eq!(story.goal.as_deref(), Some("to pay with a saved card"));
    /// assert_eq!(story.benefit.as_deref(), Some("checkout takes one step"));
    /// assert_eq!(
    ///     story.to_connextra()?,
    ///     "As a returning customer, I want to pay with a saved card, so that checkout takes one step."
    /// );
    /// let err = Story::parse("PAY-2", "Pay with a saved card").unwrap_err();
    /// assert!(err.to_string().contains("persona"));
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    pub fn parse(id: &str, text: &str) -> Result<Self> {
        let sentence = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let parts = parse_connextra(&sentence)?;
        let mut story = Story::new(id, &sentence)?;
        story.persona = Some(parts.persona);
        story.goal = Some(parts.goal);
        story.benefit = parts.benefit;
        Ok(story)
    }

    /// The story as a Connextra sentence: "As a \<persona\>, I want \<goal\>, so
    /// that \<benefit\>." ("As an" before a vowel; the "so that" clause only with a benefit).
    ///
    /// **Errors**: no persona or no goal ([`Error::Undefined`] on `persona` / `goal`).
    pub fn to_connextra(&self) -> Result<String> {
        let persona = present(&self.persona).ok_or_else(|| {
            Error::undefined("persona", "is missing, so there is no \"As a …\" part")
        })?;
        let goal = present(&self.goal).ok_or_else(|| {
            Error::undefined("goal", "is missing, so there is no \"I want …\" part")
        })?;
        let article = if persona.starts_with(|ch: char| "aeiouAEIOU".contains(ch)) {
            "an"
        } else {
            "a"
        };
        let mut sentence = format!("As {article} {persona}, I want {goal}");
        if let Some(benefit) = present(&self.benefit) {
            sentence.push_str(&format!(", so that {benefit}"));
        }
        sentence.push('.');
        Ok(sentence)
    }

    /// Checks the story on its own: id and title not empty, estimate a finite number
    /// in `0..=`[`MAX_POINTS`](crate::input::MAX_POINTS) (10¹²), priority inputs that
    /// can be scored ([`Priority::validate`]), resolved not before created, status name and link ids not empty, no link to itself,
    /// the tracker's times on the story's days ([`TrackerFields::validate`]).
    ///
    /// **Errors**: [`Error::InvalidInput`] on the field at fault (`estimate`, `resolved`,
    /// `links[1].id`, `priority.rice.reach`); an estimate above the cap or a priority
    /// score that overflows is [`Error::OutOfRange`]; a container prefixes it with [`Error::within`].
    pub fn validate(&self) -> Result<()> {
        if self.id.trim().is_empty() {
            return Err(Error::invalid("id", "is empty; every story needs a key"));
        }
        if self.title.trim().is_empty() {
            return Err(Error::invalid(
                "title",
                "is empty; give the story a summary",
            ));
        }
        if self.status.name.trim().is_empty() {
            return Err(Error::invalid("status.name", "is empty"));
        }
        if let Some(points) = self.estimate {
            input::points("estimate", points)?;
        }
        self.priority
            .validate()
            .map_err(|err| err.within("priority"))?;
        if let (Some(created), Some(resolved)) = (self.created, self.resolved) {
            if resolved < created {
                return Err(Error::invalid(
                    "resolved",
                    format!("{resolved} is before created {created}"),
                ));
            }
        }
        self.tracker.validate(self.created, self.resolved)?;
        for (index, link) in self.links.iter().enumerate() {
            if link.id.trim().is_empty() {
                return Err(Error::invalid(format!("links[{index}].id"), "is empty"));
            }
            if link.id == self.id {
                return Err(Error::invalid(
                    format!("links[{index}].id"),
                    "links the story to itself",
                ));
            }
        }
        Ok(())
    }

    /// The ids of the items this story is blocked by.
    pub fn blockers(&self) -> impl Iterator<Item = &str> {
        self.links
            .iter()
            .filter(|link| link.kind == LinkKind::BlockedBy)
            .map(|link| link.id.as_str())
    }
}

/// `Some(text)` when the option holds non-blank text.
fn present(text: &Option<String>) -> Option<&str> {
    text.as_deref()
        .map(str::trim)
        .filter(|text| !text.is_empty())
}

/// Where `needle` (lowercase ASCII) starts as whole words in `haystack`, at or after `from`.
fn find_words(haystack: &str, needle: &str, from: usize) -> Option<usize> {
    let lower = haystack.to_ascii_lowercase();
    let mut start = from;
    while let Some(offset) = lower.get(start..)?.find(needle) {
        let at = start + offset;
        let end = at + needle.len();
        let before_ok = lower[..at]
            .chars()
            .next_back()
            .is_none_or(|ch| !ch.is_alphanumeric());
        let after_ok = lower[end..]
            .chars()
            .next()
            .is_none_or(|ch| !ch.is_alphanumeric());
        if before_ok && after_ok {
            return Some(at);
        }
        start = at + needle.len();
    }
    None
}

/// Trim spaces and the punctuation that separates Connextra's clauses.
fn clause(text: &str) -> &str {
    text.trim_matches(|ch: char| ch.is_whitespace() || ",.;:!".contains(ch))
}

fn parse_connextra(sentence: &str) -> Result<Connextra> {
    let lower = sentence.to_ascii_lowercase();
    let persona_start = ["as an ", "as a "]
        .iter()
        .find(|opening| lower.starts_with(*opening))
        .map(|opening| opening.len())
        .ok_or_else(|| {
            Error::parse(
                "text",
                "missing the persona: a user story starts with \"As a <persona>,\" (Connextra form: \
                 As a <persona>, I want <goal>, so that <benefit>)",
            )
        })?;
    let (want_at, want_len) = ["i want", "i need", "i would like", "i'd like"]
        .iter()
        .filter_map(|phrase| {
            find_words(sentence, phrase, persona_start).map(|at| (at, phrase.len()))
        })
        .min()
        .ok_or_else(|| {
            Error::parse(
                "text",
                "missing the goal: expected \"I want <goal>\" after the persona",
            )
        })?;
    let persona = clause(&sentence[persona_start..want_at]);
    if persona.is_empty() {
        return Err(Error::parse(
            "text",
            "the persona is empty: write who wants it after \"As a\"",
        ));
    }
    let goal_start = want_at + want_len;
    let so_that = find_words(sentence, "so that", goal_start);
    let goal = clause(&sentence[goal_start..so_that.unwrap_or(sentence.len())]);
    if goal.is_empty() {
        return Err(Error::parse(
            "text",
            "the goal is empty: write what they want after \"I want\"",
        ));
    }
    let benefit = match so_that {
        None => None,
        Some(at) => {
            let benefit = clause(&sentence[at + "so that".len()..]);
            if benefit.is_empty() {
                return Err(Error::parse(
                    "text",
                    "the benefit is empty: write why after \"so that\", or drop \"so that\"",
                ));
            }
            Some(benefit.to_owned())
        }
    };
    Ok(Connextra {
        persona: persona.to_owned(),
        goal: goal.to_owned(),
        benefit,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::work::{Backlog, RiceInputs, WsjfInputs};
    use crate::ErrorKind;

    #[test]
    fn priority_inputs_are_checked() {
        let mut story = Story::new("A-1", "Export").unwrap();
        story.priority.rice = Some(RiceInputs {
            reach: f64::NAN,
            impact: 1.0,
            confidence: 0.5,
            effort: 1.0,
        });
        let err = story.validate().unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::InvalidInput, "priority.rice.reach")
        );
        // A backlog cannot hold it, so its JSON (which would say null) is never written.
        let err = Backlog::new(vec![story.clone()], None).unwrap_err();
        assert_eq!(err.field(), "stories[0].priority.rice.reach");
        story.priority.rice = None;
        story.priority.wsjf = Some(WsjfInputs {
            user_business_value: 1.0,
            time_criticality: 1.0,
            risk_reduction: 1.0,
            job_size: 5e-324,
        });
        let err = story.validate().unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "priority.wsjf.job_size")
        );
        story.priority.wsjf.as_mut().unwrap().job_size = 3.0;
        let backlog = Backlog::new(vec![story], None).unwrap();
        assert_eq!(Backlog::from_json(&backlog.to_json()).unwrap(), backlog);
    }

    #[test]
    fn estimates_are_capped() {
        let mut story = Story::new("A-1", "Export").unwrap();
        story.estimate = Some(1.7e308);
        let err = story.validate().unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "estimate")
        );
        story.estimate = Some(crate::input::MAX_POINTS);
        story.validate().unwrap();
    }

    #[test]
    fn tolerant_of_case_and_punctuation() {
        let story = Story::parse("A-1", "as an  ADMIN i need to export users").unwrap();
        assert_eq!(story.persona.as_deref(), Some("ADMIN"));
        assert_eq!(story.goal.as_deref(), Some("to export users"));
        assert_eq!(story.benefit, None);
        assert_eq!(
            story.to_connextra().unwrap(),
            "As an ADMIN, I want to export users."
        );
        let story =
            Story::parse("A-2", "As a PO, I'd like a burndown; so that I see risk!").unwrap();
        assert_eq!(story.goal.as_deref(), Some("a burndown"));
        assert_eq!(story.benefit.as_deref(), Some("I see risk"));
    }

    #[test]
    fn words_inside_other_words_do_not_count() {
        // "I wanted" is not "I want"; "so thatch" is not "so that".
        let err = Story::parse("A", "As a user, I wanted things").unwrap_err();
        assert!(err.reason().contains("goal"));
        let story = Story::parse("A", "As a roofer, I want so thatch lasts").unwrap();
        assert_eq!(story.goal.as_deref(), Some("so thatch lasts"));
    }

    #[test]
    fn missing_parts_are_named() {
        let err = Story::parse("A", "As a , I want x").unwrap_err();
        assert!(err.reason().contains("persona is empty"));
        let err = Story::parse("A", "As a user, I want , so that y").unwrap_err();
        assert!(err.reason().contains("goal is empty"));
        let err = Story::parse("A", "As a user, I want x so that").unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Parse, "text"));
        assert!(err.reason().contains("benefit"));
        let err = Story::parse(" ", "As a user, I want x").unwrap_err();
        assert_eq!(err.field(), "id");
    }

    #[test]
    fn validation_names_the_field() {
        let mut story = Story::new("S-1", "t").unwrap();
        story.estimate = Some(f64::NAN);
        assert_eq!(story.validate().unwrap_err().field(), "estimate");
        story.estimate = Some(3.0);
        story.created = NaiveDate::from_ymd_opt(2026, 1, 5);
        story.resolved = NaiveDate::from_ymd_opt(2026, 1, 3);
        assert_eq!(story.validate().unwrap_err().field(), "resolved");
        story.resolved = None;
        story.links.push(Link {
            kind: LinkKind::BlockedBy,
            id: "S-1".into(),
        });
        assert_eq!(story.validate().unwrap_err().field(), "links[0].id");
        assert_eq!(story.to_connextra().unwrap_err().field(), "persona");
    }

    #[test]
    fn json_reads_with_defaults() {
        let story: Story = serde_json::from_value(
            serde_json::json!({"id": "S-1", "title": "t", "created": "2026-01-02"}),
        )
        .unwrap();
        assert_eq!(story.status, Status::default());
        assert_eq!(story.created, NaiveDate::from_ymd_opt(2026, 1, 2));
        let json = serde_json::to_value(&story).unwrap();
        assert_eq!(json["estimate"], serde_json::Value::Null);
        assert_eq!(json["priority"]["moscow"], serde_json::Value::Null);
        let back: Story = serde_json::from_value(json).unwrap();
        assert_eq!(back, story);
    }
}
