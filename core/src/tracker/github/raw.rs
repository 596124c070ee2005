//! The shapes GitHub's REST API returns, as far as the importer reads them.
//!
//! `GET /repos/{owner}/{repo}/issues?state=all` returns a list of issues (pull requests
//! too, marked by `pull_request`), 30 per page by default and at most 100;
//! `GET /repos/{owner}/{repo}/issues/{number}/timeline` returns an issue's events
//! (`labeled`, `closed`, `moved_columns_in_project`, `project_v2_item_status_changed`
//! …), also paginated. The same events from the GraphQL API (`timelineItems` nodes with
//! `__typename` and camelCase fields) are read too.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::super::{MAX_ISSUES, MAX_JSON_BYTES};
use crate::{Error, Result};

/// One issue of `GET /repos/{owner}/{repo}/issues`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GithubIssue {
    /// Its number in the repository (`42`, shown `#42`).
    pub number: u64,
    /// GitHub's global id.
    #[serde(default)]
    pub id: Option<u64>,
    /// Its title.
    pub title: String,
    /// Its text (Markdown).
    #[serde(default)]
    pub body: Option<String>,
    /// `"open"` or `"closed"`.
    pub state: String,
    /// Why it was closed: `"completed"`, `"not_planned"`, `"duplicate"`, or `"reopened"`.
    #[serde(default)]
    pub state_reason: Option<String>,
    /// Its labels (objects with `name`, or names).
    #[serde(default)]
    pub labels: Vec<GithubLabel>,
    /// Who it is assigned to (the first assignee).
    #[serde(default)]
    pub assignee: Option<GithubUser>,
    /// Who opened it.
    #[serde(default)]
    pub user: Option<GithubUser>,
    /// Its milestone.
    #[serde(default)]
    pub milestone: Option<GithubMilestone>,
    /// Its issue type (organisations' issue types).
    #[serde(default, rename = "type")]
    pub issue_type: Option<GithubNamed>,
    /// When it was opened (`"2024-03-04T10:15:00Z"`).
    pub created_at: String,
    /// When it last changed.
    #[serde(default)]
    pub updated_at: Option<String>,
    /// When it was last closed.
    #[serde(default)]
    pub closed_at: Option<String>,
    /// Present on pull requests, which the issues endpoint lists too.
    #[serde(default)]
    pub pull_request: Option<GithubPullRequestRef>,
}

/// The `pull_request` mark of an issue that is a pull request.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GithubPullRequestRef {
    /// The pull request's API address.
    #[serde(default)]
    pub url: Option<String>,
}

/// A label: an object with a name (REST, GraphQL), or its name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum GithubLabel {
    /// `{"name": "bug", ...}`.
    Object(GithubNamed),
    /// `"bug"`.
    Name(String),
}

impl GithubLabel {
    /// The label's name.
    pub fn name(&self) -> &str {
        match self {
            GithubLabel::Object(named) => &named.name,
            GithubLabel::Name(name) => name,
        }
    }
}

/// Anything GitHub names (a label, an issue type).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GithubNamed {
    /// Its name.
    pub name: String,
}

/// A user.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GithubUser {
    /// The login.
    pub login: String,
}

/// A milestone, read as a sprint.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GithubMilestone {
    /// Its title.
    pub title: String,
    /// Its number.
    #[serde(default)]
    pub number: Option<u64>,
    /// `"open"` or `"closed"`.
    #[serde(default)]
    pub state: Option<String>,
    /// When it is due.
    #[serde(default)]
    pub due_on: Option<String>,
    /// When it was closed.
    #[serde(default)]
    pub closed_at: Option<String>,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
}

/// One event of an issue's timeline (REST `issues/{number}/timeline` or
/// `issues/{number}/events`, or a GraphQL `timelineItems` node). Only the fields the
/// importer reads are kept; events of other kinds (comments, references) are skipped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GithubEvent {
    /// Its kind: `"labeled"`, `"unlabeled"`, `"closed"`, `"reopened"`,
    /// `"added_to_project"`, `"moved_columns_in_project"`, `"removed_from_project"`,
    /// `"project_v2_item_status_changed"` … (GraphQL: `__typename`, `"ClosedEvent"`).
    #[serde(default, alias = "__typename")]
    pub event: Option<String>,
    /// When it happened (GraphQL: `createdAt`).
    #[serde(default, alias = "createdAt")]
    pub created_at: Option<String>,
    /// The label added or removed.
    #[serde(default)]
    pub label: Option<GithubLabel>,
    /// The classic project card: `column_name`, `previous_column_name`, `project_id`.
    #[serde(default)]
    pub project_card: Option<GithubProjectCard>,
    /// Why it was closed (`"completed"`, `"not_planned"`; GraphQL: `stateReason`,
    /// upper case).
    #[serde(default, alias = "stateReason")]
    pub state_reason: Option<String>,
    /// A Projects v2 status change's new status (`null` when cleared).
    #[serde(default)]
    pub status: Option<String>,
    /// A Projects v2 status change's old status (GraphQL: `previousStatus`).
    #[serde(default, alias = "previousStatus")]
    pub previous_status: Option<String>,
}

/// A classic project card, as a timeline event carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GithubProjectCard {
    /// The column it is in after the event.
    #[serde(default)]
    pub column_name: Option<String>,
    /// The column it left (`moved_columns_in_project`).
    #[serde(default)]
    pub previous_column_name: Option<String>,
    /// The project's id.
    #[serde(default)]
    pub project_id: Option<u64>,
}

/// The issues of one or more `GET /repos/{owner}/{repo}/issues` pages: a list of
/// issues, or a list of such lists (one per page).
#[derive(Debug, Clone, PartialEq)]
pub struct GithubIssues {
    /// Each page's issues, in order.
    pub pages: Vec<Vec<GithubIssue>>,
}

impl GithubIssues {
    /// Reads a list of issues, or a list of pages (lists), from JSON text.
    ///
    /// **Errors** ([`Error::Parse`] on `issues`): text over [`MAX_JSON_BYTES`] or
    /// nested deeper than 128 levels, not JSON, not a list, an issue of the wrong shape
    /// (named by its path, `issues[1][3].number`); more than [`MAX_ISSUES`] issues
    /// ([`Error::OutOfRange`]).
    pub fn from_text(text: &str) -> Result<Self> {
        if text.len() > MAX_JSON_BYTES {
            return Err(Error::parse(
                "issues",
                format!(
                    "is {} bytes of JSON; at most {MAX_JSON_BYTES} are read, so import the pages in parts",
                    text.len()
                ),
            ));
        }
        let value: Value = crate::json::from_str("issues", text)?;
        Self::from_value(value)
    }

    /// Reads a list of issues, or a list of pages, from a parsed JSON value.
    pub fn from_value(value: Value) -> Result<Self> {
        let Value::Array(list) = value else {
            return Err(Error::parse(
                "issues",
                "must be the list GET /repos/{owner}/{repo}/issues returns, or a list of such pages",
            ));
        };
        let paged = !list.is_empty() && list.iter().all(Value::is_array);
        let pages = if paged {
            list.into_iter()
                .enumerate()
                .map(|(page, issues)| crate::json::from_value(&format!("issues[{page}]"), issues))
                .collect::<Result<Vec<Vec<GithubIssue>>>>()?
        } else {
            vec![crate::json::from_value("issues", Value::Array(list))?]
        };
        let count: usize = pages.iter().map(Vec::len).sum();
        if count > MAX_ISSUES {
            return Err(Error::out_of_range(
                "issues",
                format!("hold {count} issues; at most {MAX_ISSUES} are read in one call"),
            ));
        }
        Ok(GithubIssues { pages })
    }
}

impl crate::json::FromJsonText for GithubIssues {
    fn from_json_text(text: &str) -> Result<Self> {
        Self::from_text(text)
    }
}

// The schema the typings generator reads: a list of issues, or a list of pages.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for GithubIssues {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "GithubIssues".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let issue = generator.subschema_for::<GithubIssue>();
        schemars::json_schema!({
            "description": "What `GET /repos/{owner}/{repo}/issues?state=all` returns (a list of issues), or a list of such pages.",
            "anyOf": [
                {"type": "array", "items": issue},
                {"type": "array", "items": {"type": "array", "items": issue}},
            ],
        })
    }
}
