//! One issue of a Jira search page read: its story, its flow item and its sprints.

use std::collections::BTreeMap;

use serde_json::Value;

use super::fields::{self, field_list, field_text, looks_like_sprints, sprints_of, FieldIds};
use super::{adf, history, JiraChangelog, JiraIssue, JiraJsonImportOptions};
use crate::flow::{Item, Moment};
use crate::tracker::{ImportWarning, SprintChangeKind};
use crate::work::{Link, LinkKind, Status, StatusCategory, StatusMap, Story};
use crate::{Error, Result};

/// One issue read: its story, its flow item (when its history is complete) and its
/// sprint changes.
pub(super) struct Converted {
    pub story: Story,
    pub kind: Kind,
    pub item: Option<Item>,
    pub sprint_changes: Vec<(Moment, String, SprintChangeKind)>,
    pub sprint_infos: Vec<fields::SprintInfo>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Epic,
    Subtask,
    Work,
}

pub(super) struct Reader<'a> {
    pub options: &'a JiraJsonImportOptions,
    pub statuses: StatusMap,
    pub ids: FieldIds,
    /// Field id → name, from every page's `names`.
    pub names: BTreeMap<String, String>,
    pub warnings: Vec<ImportWarning>,
    /// Statuses already warned about (taken from Jira's category).
    pub seen_statuses: Vec<String>,
}

impl Reader<'_> {
    pub(super) fn issue(&mut self, issue: &JiraIssue, path: &str) -> Result<Converted> {
        let key = issue.key.trim();
        let fields = &issue.fields;
        let summary = field_text(fields, "summary").ok_or_else(|| {
            Error::parse(
                format!("{path}.fields.summary"),
                "is missing or empty; ask for the summary field",
            )
        })?;
        let mut story = Story::new(key, &summary).map_err(|err| err.within(path))?;
        let moment = |name: &str| -> Result<Option<Moment>> {
            match fields.get(name) {
                Some(Value::String(text)) if !text.trim().is_empty() => {
                    Moment::parse(&format!("{path}.fields.{name}"), text).map(Some)
                }
                _ => Ok(None),
            }
        };
        let created = moment("created")?;
        let resolved = moment("resolutiondate")?;
        let updated = moment("updated")?;
        story.created = created.map(Moment::date);
        story.resolved = resolved.map(Moment::date);
        story.tracker.created_at = created.map(|at| at.0);
        story.tracker.resolved_at = resolved.map(|at| at.0);
        story.tracker.updated_at = updated.map(|at| at.0);
        story.tracker.issue_id = issue.id.clone();
        story.tracker.priority = field_text(fields, "priority");
        story.tracker.assignee = field_text(fields, "assignee");
        story.tracker.reporter = field_text(fields, "reporter");
        story.tracker.resolution = field_text(fields, "resolution");
        story.tracker.components = field_list(fields, "components");
        story.tracker.fix_versions = field_list(fields, "fixVersions");
        story.tracker.attachments = field_list(fields, "attachment");
        story.labels = field_list(fields, "labels");
        let issue_type = fields.get("issuetype");
        story.issue_type = issue_type.and_then(fields::text_of);
        story.status = self.status(key, path, fields, story.tracker.resolution.as_deref())?;
        story.parent = fields
            .get("parent")
            .and_then(|parent| parent.get("key"))
            .and_then(Value::as_str)
            .map(str::to_owned)
            .or_else(|| {
                self.ids
                    .epic_link
                    .iter()
                    .find_map(|id| field_text(fields, id))
            });
        story.links = links(fields);
        story.description = match fields.get("description") {
            Some(Value::String(text)) if !text.trim().is_empty() => Some(text.clone()),
            Some(doc @ Value::Object(_)) => {
                Some(adf::adf_text(doc)).filter(|text| !text.trim().is_empty())
            }
            _ => None,
        };
        if let Some(description) = &story.description {
            match crate::work::description::criteria_in(description) {
                Ok(criteria) => story.acceptance_criteria = criteria,
                Err(reason) => self.warnings.push(ImportWarning::new(
                    Some(key),
                    "description",
                    format!(
                        "holds acceptance criteria that could not be read ({reason}); none kept"
                    ),
                )),
            }
        }
        story.estimate = self.points(key, path, fields)?;
        let sprint_values: Vec<&Value> = if self.ids.sprint.is_empty() {
            fields
                .values()
                .filter(|value| looks_like_sprints(value))
                .collect()
        } else {
            self.ids
                .sprint
                .iter()
                .filter_map(|id| fields.get(id))
                .collect()
        };
        let sprint_infos: Vec<fields::SprintInfo> =
            sprint_values.into_iter().flat_map(sprints_of).collect();
        story.tracker.sprints = sprint_infos
            .iter()
            .map(|sprint| sprint.name.clone())
            .collect();
        story.sprint = story.tracker.sprints.last().cloned();
        story.validate().map_err(|err| err.within(path))?;
        let kind = kind_of(issue_type, &self.options.epic_types);
        let flagged_now = self.ids.flagged.iter().any(|id| {
            fields
                .get(id)
                .is_some_and(|value| !value.is_null() && value != &Value::Array(Vec::new()))
        });
        let (item, sprint_changes) =
            self.history(issue, path, &story, created, flagged_now, kind)?;
        Ok(Converted {
            story,
            kind,
            item,
            sprint_changes,
            sprint_infos,
        })
    }

    /// The status: `statuses` first, then Jira's own category (a warning, once per
    /// status), then a cancelling resolution.
    fn status(
        &mut self,
        key: &str,
        path: &str,
        fields: &serde_json::Map<String, Value>,
        resolution: Option<&str>,
    ) -> Result<Status> {
        let field = format!("{path}.fields.status");
        let status = fields.get("status");
        let name = status
            .and_then(fields::text_of)
            .ok_or_else(|| Error::parse(&field, "is missing; ask for the status field"))?;
        if let Ok(status) = self.statuses.status(&field, &name) {
            return Ok(status);
        }
        let jira = status
            .and_then(|status| status.pointer("/statusCategory/key"))
            .and_then(Value::as_str);
        let category = match jira {
            Some("new") => StatusCategory::ToDo,
            Some("indeterminate") => StatusCategory::InProgress,
            Some("done") => StatusCategory::Done,
            _ => {
                return Err(Error::parse(
                    field,
                    format!("status {name:?} of {key} is not in statuses and has no Jira status category; add it to statuses"),
                ))
            }
        };
        let cancelled = category == StatusCategory::Done
            && resolution.is_some_and(|resolution| {
                self.options
                    .cancelled_resolutions
                    .iter()
                    .any(|cancel| cancel.trim().eq_ignore_ascii_case(resolution.trim()))
            });
        if !self.seen_statuses.contains(&name) {
            self.warnings.push(ImportWarning::new(
                None,
                "status",
                format!("{name:?} is not in statuses; Jira's status category {:?} is used (done with a cancelling resolution is cancelled)", jira.unwrap_or("")),
            ));
            self.seen_statuses.push(name.clone());
        }
        Ok(Status {
            name,
            category: if cancelled {
                StatusCategory::Cancelled
            } else {
                category
            },
        })
    }

    /// The story points: the first filled story-point field, each checked.
    fn points(
        &mut self,
        key: &str,
        path: &str,
        fields: &serde_json::Map<String, Value>,
    ) -> Result<Option<f64>> {
        let mut kept: Option<(f64, &str)> = None;
        for id in &self.ids.points {
            let Some(value) = fields.get(id.as_str()).filter(|value| !value.is_null()) else {
                continue;
            };
            let shown = self.names_of(id);
            let Some(points) = value
                .as_f64()
                .filter(|points| points.is_finite() && *points >= 0.0)
            else {
                self.warnings.push(ImportWarning::new(
                    Some(key),
                    shown,
                    format!("{value} is not a number ≥ 0; not read"),
                ));
                continue;
            };
            if let Some(scale) = &self.options.scale {
                scale.check(&format!("{path}.fields.{id}"), points)?;
            }
            match kept {
                None => kept = Some((points, id)),
                Some((first, first_id)) if first != points => {
                    let first_shown = self.names_of(first_id);
                    self.warnings.push(ImportWarning::new(
                        Some(key),
                        shown,
                        format!("{points} differs from {first_shown} {first}; kept {first}"),
                    ));
                }
                Some(_) => {}
            }
        }
        Ok(kept.map(|(points, _)| points))
    }

    /// A field id as shown in warnings: "Story Points (customfield_10026)".
    fn names_of(&self, id: &str) -> String {
        match self.names.get(id) {
            Some(name) => format!("{name} ({id})"),
            None => id.to_owned(),
        }
    }

    /// The flow item and sprint changes of an issue's changelog; none for an issue
    /// without a complete changelog or a created date (each said in a warning).
    #[allow(clippy::type_complexity)]
    fn history(
        &mut self,
        issue: &JiraIssue,
        path: &str,
        story: &Story,
        created: Option<Moment>,
        flagged_now: bool,
        kind: Kind,
    ) -> Result<(Option<Item>, Vec<(Moment, String, SprintChangeKind)>)> {
        let key = story.id.as_str();
        // The caller's complete history replaces a (truncated) search changelog.
        let complete = self
            .options
            .changelogs
            .get(key)
            .map(|histories| JiraChangelog {
                start_at: Some(0),
                max_results: None,
                total: Some(histories.len() as u64),
                histories: histories.clone(),
            });
        let from_options = complete.is_some();
        let Some(changelog) = complete.as_ref().or(issue.changelog.as_ref()) else {
            if kind == Kind::Work {
                self.warnings.push(ImportWarning::new(
                    Some(key),
                    "changelog",
                    "is missing (ask with expand=changelog), so the issue has no flow item",
                ));
            }
            return Ok((None, Vec::new()));
        };
        if let Some(reason) = history::truncated(changelog) {
            self.warnings.push(ImportWarning::new(
                Some(key),
                "changelog",
                reason.replace("{key}", key),
            ));
            return Ok((None, Vec::new()));
        }
        let where_from = if from_options {
            format!("changelogs[{key:?}]")
        } else {
            format!("{path}.changelog")
        };
        let read = history::read(
            key,
            &where_from,
            changelog,
            &self.ids.sprint,
            &self.ids.flagged,
            &mut self.warnings,
        )?;
        let Some(created) = created else {
            if kind == Kind::Work {
                self.warnings.push(ImportWarning::new(
                    Some(key),
                    "created",
                    "is missing, so the issue has no flow item",
                ));
            }
            return Ok((None, read.sprints));
        };
        let item = Item {
            key: key.to_owned(),
            item_type: story.issue_type.clone().unwrap_or_default(),
            points: story.estimate.unwrap_or(0.0),
            created,
            status: Some(story.status.name.clone()),
            blocked: history::blocked_periods(&read.flags, created, flagged_now),
            transitions: read.transitions,
        };
        Ok((Some(item), read.sprints))
    }
}

/// Epic, sub-task or other work, by `issuetype`.
fn kind_of(issue_type: Option<&Value>, epic_types: &[String]) -> Kind {
    let Some(issue_type) = issue_type else {
        return Kind::Work;
    };
    if issue_type.get("subtask").and_then(Value::as_bool) == Some(true) {
        return Kind::Subtask;
    }
    let name = fields::text_of(issue_type).unwrap_or_default();
    let epic = epic_types
        .iter()
        .any(|epic| epic.trim().eq_ignore_ascii_case(&name))
        || issue_type.get("hierarchyLevel").and_then(Value::as_i64) == Some(1);
    if epic {
        Kind::Epic
    } else {
        Kind::Work
    }
}

/// Blocks and Relates links of `issuelinks`.
fn links(fields: &serde_json::Map<String, Value>) -> Vec<Link> {
    let mut links = Vec::new();
    for link in fields
        .get("issuelinks")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let kind_name = link
            .pointer("/type/name")
            .and_then(Value::as_str)
            .unwrap_or("");
        let (outward, inward) = match kind_name.to_lowercase().as_str() {
            "blocks" => (LinkKind::Blocks, LinkKind::BlockedBy),
            "relates" => (LinkKind::RelatesTo, LinkKind::RelatesTo),
            _ => continue,
        };
        if let Some(key) = link.pointer("/outwardIssue/key").and_then(Value::as_str) {
            links.push(Link {
                kind: outward,
                id: key.to_owned(),
            });
        }
        if let Some(key) = link.pointer("/inwardIssue/key").and_then(Value::as_str) {
            links.push(Link {
                kind: inward,
                id: key.to_owned(),
            });
        }
    }
    links
}
