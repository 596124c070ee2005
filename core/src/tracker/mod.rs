//! What every tracker importer gives back: flow items, a backlog, sprints and the
//! warnings about what the export did not say.
//!
//! A tracker import ([`import_jira_csv`], [`import_jira_json`], [`import_linear_csv`],
//! [`import_github_issues`]) reads an
//! export once and hands each part to the module that works on it:
//!
//! - [`TrackerImport::items`]: each issue's status history in exactly the form
//!   [`item_timelines`](crate::flow::item_timelines) takes, for cycle times, CFD,
//!   throughput and forecasts;
//! - [`TrackerImport::backlog`]: the stories, bugs and tasks as a
//!   [`Backlog`], for backlog health, ranking and point totals;
//! - [`TrackerImport::epics`]: epics as roadmap epics (they are not stories, so they
//!   are never counted as backlog work), and [`TrackerImport::subtasks`]: sub-tasks,
//!   each naming its parent in `parent` (kept out of the backlog, so their points are
//!   not counted twice);
//! - [`TrackerImport::sprints`]: the sprints the issues name, with what the export
//!   says about them;
//! - [`TrackerImport::warnings`]: every value the importer could not read or had to
//!   choose between, by issue key, field and reason. Nothing is defaulted silently:
//!   a caller who wants strictness fails when `warnings` is not empty.

use serde::{Deserialize, Serialize};

mod github;
mod jira_csv;
mod jira_dates;
mod jira_json;
mod jira_months;
mod linear_csv;

pub use github::{
    import_github_issues, GithubEvent, GithubImportOptions, GithubIssue, GithubIssues, GithubLabel,
    GithubMilestone, GithubNamed, GithubProjectCard, GithubPullRequestRef, GithubUser,
};
pub use jira_csv::{import_jira_csv, JiraCsvImportOptions};
pub use jira_json::{
    import_jira_json, JiraChangeItem, JiraChangelog, JiraHistory, JiraIssue, JiraJsonImportOptions,
    JiraPage, JiraPages, MAX_ISSUES, MAX_JSON_BYTES,
};
pub use linear_csv::{import_linear_csv, LinearCsvImportOptions};

use crate::flow::{Item, Moment};
use crate::roadmap::RoadmapItem;
use crate::work::{Backlog, Story};

/// The result of a tracker import: flow items, backlog, epics, sub-tasks, sprints and
/// warnings (see the [module documentation](self)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TrackerImport {
    /// One flow item per backlog story that has a created date (same keys, same
    /// order), in the form `item_timelines` takes.
    pub items: Vec<Item>,
    /// The stories, bugs and tasks (not epics, not sub-tasks), in export order.
    pub backlog: Backlog,
    /// The epics, as roadmap items of level `epic`; their stories name them in `parent`.
    pub epics: Vec<RoadmapItem>,
    /// The sub-tasks, each with its parent's key in `parent`.
    pub subtasks: Vec<Story>,
    /// The sprints the issues name, in the order they were first met.
    pub sprints: Vec<TrackerSprint>,
    /// What could not be read, or was chosen among conflicting values.
    pub warnings: Vec<ImportWarning>,
}

/// Something an import could not read or had to decide, said instead of hidden.
///
/// JSON form: `{"item": "PAY-7", "field": "Custom field (Story point estimate)",
/// "reason": "5 differs from Custom field (Story Points) 3; kept 3"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ImportWarning {
    /// The issue key it concerns; `None` for the whole export (a header, a page).
    #[serde(default)]
    pub item: Option<String>,
    /// The field or column, as the tracker names it (`"Sprint"`, `"changelog"`).
    pub field: String,
    /// What was wrong and what the importer did about it.
    pub reason: String,
}

impl ImportWarning {
    /// A warning about `item`'s `field`.
    pub fn new(item: Option<&str>, field: impl Into<String>, reason: impl Into<String>) -> Self {
        ImportWarning {
            item: item.map(str::to_owned),
            field: field.into(),
            reason: reason.into(),
        }
    }
}

/// A sprint as a tracker export knows it: always a name, and whatever else the export
/// carries (a CSV names sprints only; Jira's REST fields add ids, states and dates).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TrackerSprint {
    /// Its name (`"PAY Sprint 12"`).
    pub name: String,
    /// The tracker's id, when the export gives it.
    #[serde(default)]
    pub id: Option<String>,
    /// The tracker's state (`"closed"`, `"active"`, `"future"`), lowercased.
    #[serde(default)]
    pub state: Option<String>,
    /// When it started.
    #[serde(default)]
    pub start: Option<Moment>,
    /// When it was planned to end.
    #[serde(default)]
    pub end: Option<Moment>,
    /// When it was closed.
    #[serde(default)]
    pub completed: Option<Moment>,
    /// Its goal.
    #[serde(default)]
    pub goal: Option<String>,
    /// The keys of the issues whose Sprint field names it when the export was taken,
    /// in export order (Jira keeps every sprint an unfinished issue was carried through).
    pub items: Vec<String>,
    /// Issues added to it or removed from it, oldest first (from a changelog; empty
    /// for a CSV, which has no history).
    pub changes: Vec<SprintChange>,
}

impl TrackerSprint {
    /// A sprint known by its name only.
    pub fn named(name: &str) -> Self {
        TrackerSprint {
            name: name.to_owned(),
            id: None,
            state: None,
            start: None,
            end: None,
            completed: None,
            goal: None,
            items: Vec::new(),
            changes: Vec::new(),
        }
    }
}

/// Whether an issue entered or left a sprint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SprintChangeKind {
    /// The issue was put into the sprint.
    Added,
    /// The issue was taken out of the sprint.
    Removed,
}

/// One change of an issue's Sprint field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SprintChange {
    /// The issue's key.
    pub key: String,
    /// When the Sprint field changed.
    pub at: Moment,
    /// Added or removed.
    pub kind: SprintChangeKind,
}

/// An epic issue as a roadmap epic: its key, summary, parent, status category and
/// points.
pub(crate) fn roadmap_epic(story: Story) -> RoadmapItem {
    RoadmapItem {
        id: story.id,
        title: story.title,
        level: crate::roadmap::Level::Epic,
        parent: story.parent,
        owner: None,
        status: story.status.category,
        start: None,
        target: None,
        lane: None,
        estimate: story.estimate,
    }
}

/// The one warning naming the columns an import did not read, if any.
pub(crate) fn unread_columns(unread: &[String]) -> Option<ImportWarning> {
    (!unread.is_empty()).then(|| {
        ImportWarning::new(
            None,
            "header",
            format!(
                "{} column(s) not read (pmkit has no field for them): {}",
                unread.len(),
                unread.join(", ")
            ),
        )
    })
}

/// The story's description and the acceptance criteria in it (a Gherkin block or an
/// "Acceptance criteria" list); criteria that cannot be read are a warning, none kept.
pub(crate) fn describe(
    story: &mut Story,
    description: Option<String>,
    warnings: &mut Vec<ImportWarning>,
) {
    story.description = description;
    if let Some(description) = &story.description {
        match crate::work::description::criteria_in(description) {
            Ok(criteria) => story.acceptance_criteria = criteria,
            Err(reason) => warnings.push(ImportWarning::new(
                Some(&story.id),
                "Description",
                format!("holds acceptance criteria that could not be read ({reason}); none kept"),
            )),
        }
    }
}

/// Checks a story read from CSV row `field` (`line 4`): its own errors are reported on
/// the row, naming the story field in the message.
pub(crate) fn validate_row(story: &Story, field: &str) -> crate::Result<()> {
    story.validate().map_err(|err| match err {
        crate::Error::InvalidInput {
            reason,
            field: name,
        } => crate::Error::invalid(field, format!("{name} {reason}")),
        other => crate::Error::parse(field, other.to_string()),
    })
}

/// The sprint named `name` in `sprints`, added at the end when new.
pub(crate) fn sprint_named<'a>(
    sprints: &'a mut Vec<TrackerSprint>,
    name: &str,
) -> &'a mut TrackerSprint {
    let index = match sprints.iter().position(|sprint| sprint.name == name) {
        Some(index) => index,
        None => {
            sprints.push(TrackerSprint::named(name));
            sprints.len() - 1
        }
    };
    &mut sprints[index]
}

// docs/trackers.md's Rust examples run as doc tests.
#[doc = include_str!("../../../docs/trackers.md")]
#[cfg(doctest)]
pub struct TrackersDoctests;
