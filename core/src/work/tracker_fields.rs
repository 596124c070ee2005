//! What a tracker knows about a story beyond pmkit's story model: its tracker id,
//! people, priority level, resolution, every sprint, components, versions, watchers,
//! attachments and the times of day of its dates.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// The tracker's own fields of a story ([`Story::tracker`](super::Story::tracker)),
/// kept so an import loses nothing: all optional, all as the tracker wrote them.
///
/// JSON form: an object with only the fields that are set (`{"assignee": "Ana Lima",
/// "priority": "High", "sprints": ["PAY 1", "PAY 2"]}`); a story without any has no
/// `tracker` key at all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct TrackerFields {
    /// The tracker's internal id (Jira's numeric "Issue id"), as text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issue_id: Option<String>,
    /// The tracker's priority level, as named there ("High", "P1").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
    /// Who it is assigned to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assignee: Option<String>,
    /// Who reported it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reporter: Option<String>,
    /// The resolution ("Done", "Won't Do", "Duplicate").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution: Option<String>,
    /// Every sprint it was planned into, oldest first (the story's `sprint` is the last).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sprints: Vec<String>,
    /// Its components.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<String>,
    /// The versions it is to ship in.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fix_versions: Vec<String>,
    /// Who watches it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub watchers: Vec<String>,
    /// Its attachments, as the export describes each (Jira: "date;author;name;url").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<String>,
    /// When it was created, with the time of day (its date is the story's `created`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<NaiveDateTime>,
    /// When it was resolved, with the time of day (its date is the story's `resolved`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved_at: Option<NaiveDateTime>,
    /// When it was last changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<NaiveDateTime>,
}

impl TrackerFields {
    /// Whether no field is set (the story's JSON form then leaves `tracker` out).
    pub fn is_empty(&self) -> bool {
        self == &TrackerFields::default()
    }

    /// Checks the times against the story's days: `created_at` on `created` and
    /// `resolved_at` on `resolved` when both are given, `resolved_at` and `updated_at`
    /// not before `created_at`.
    ///
    /// **Errors**: [`Error::InvalidInput`] on `tracker.created_at`, `tracker.resolved_at`
    /// or `tracker.updated_at`.
    pub fn validate(&self, created: Option<NaiveDate>, resolved: Option<NaiveDate>) -> Result<()> {
        let same_day = |field: &str,
                        at: Option<NaiveDateTime>,
                        day: Option<NaiveDate>,
                        name: &str| match (at, day) {
            (Some(at), Some(day)) if at.date() != day => Err(Error::invalid(
                field,
                format!("{at} is not on {name} {day}"),
            )),
            _ => Ok(()),
        };
        same_day("tracker.created_at", self.created_at, created, "created")?;
        same_day(
            "tracker.resolved_at",
            self.resolved_at,
            resolved,
            "resolved",
        )?;
        if let Some(created_at) = self.created_at {
            for (field, at) in [
                ("tracker.resolved_at", self.resolved_at),
                ("tracker.updated_at", self.updated_at),
            ] {
                if let Some(at) = at.filter(|at| *at < created_at) {
                    return Err(Error::invalid(
                        field,
                        format!("{at} is before created_at {created_at}"),
                    ));
                }
            }
        }
        Ok(())
    }
}
