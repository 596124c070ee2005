//! Import the pages of a Jira REST search with changelogs.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{roadmap_epic, sprint_named, ImportWarning, SprintChange, TrackerImport};
use crate::flow::{Item, Moment};
use crate::work::{
    Backlog, EstimateScale, Link, LinkKind, Status, StatusCategory, StatusMap, Story,
};
use crate::{Error, Result};

mod adf;
mod fields;
mod history;
mod raw;
#[cfg(test)]
mod tests;

pub use raw::{
    JiraChangeItem, JiraChangelog, JiraHistory, JiraIssue, JiraPage, JiraPages, MAX_ISSUES,
    MAX_JSON_BYTES,
};

use fields::{field_list, field_text, looks_like_sprints, sprints_of, FieldIds};

/// The options of [`import_jira_json`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct JiraJsonImportOptions {
    /// Status name → category ("to_do", "in_progress", "done", "cancelled"). A status
    /// not named here takes Jira's own status category (new → to_do, indeterminate →
    /// in_progress, done → done), with a warning naming it. Empty by default.
    pub statuses: BTreeMap<String, String>,
    /// The story-point field, by id ("customfield_10016") or name ("Story Points");
    /// `None` (the default) reads every field `names` calls "Story Points" or "Story
    /// point estimate", the first filled one winning.
    pub points_field: Option<String>,
    /// Resolutions that mean the work was dropped: an issue in a done status (by Jira's
    /// category) with one of them is cancelled, never done. Compared without case.
    pub cancelled_resolutions: Vec<String>,
    /// The team's estimate scale: every story-point value must be a card weight of it.
    /// `None` (the default) checks no scale.
    pub scale: Option<EstimateScale>,
    /// Issue types that are epics (compared without case); an issue type at
    /// hierarchy level 1 is an epic too.
    pub epic_types: Vec<String>,
    /// Complete change histories by issue key, for issues whose search changelog was
    /// truncated: the `values` of `GET /rest/api/3/issue/{key}/changelog` (every page).
    /// Given for an issue, they replace its changelog. Empty by default.
    pub changelogs: BTreeMap<String, Vec<JiraHistory>>,
}

impl Default for JiraJsonImportOptions {
    fn default() -> Self {
        JiraJsonImportOptions {
            statuses: BTreeMap::new(),
            points_field: None,
            cancelled_resolutions: [
                "Won't Do",
                "Won't Fix",
                "Duplicate",
                "Cannot Reproduce",
                "Declined",
                "Cancelled",
                "Canceled",
                "Obsolete",
            ]
            .into_iter()
            .map(str::to_owned)
            .collect(),
            scale: None,
            epic_types: vec!["Epic".to_owned()],
            changelogs: BTreeMap::new(),
        }
    }
}

/// Everything in the pages of a Jira REST search with `expand=changelog` (and
/// `names`): each issue's status history as a flow item, its Flagged history as
/// blocked periods, the sprints and their changes, and the backlog, with a warning
/// for every value the pages lack.
///
/// **Input**: one page or a list of pages as `GET /rest/api/2/search` (Cloud and Data
/// Center) and `GET /rest/api/3/search/jql` (Cloud) return them, JSON text or parsed.
///
/// **What is read**, per issue: `key`, `id`; `fields.summary`, `status` (with
/// `statusCategory`), `issuetype` (`subtask`, `hierarchyLevel`), `created`, `updated`,
/// `resolutiondate`, `resolution`, `priority`, `assignee`, `reporter`, `labels`,
/// `components`, `fixVersions`, `attachment`, `issuelinks` (Blocks, Relates), `parent`
/// (or the Epic Link field), `description` (v2 text or v3 Atlassian Document Format;
/// its acceptance criteria parsed as the CSV import does); the fields `names` calls
/// "Story Points" / "Story point estimate" (or `points_field`), "Sprint" (Cloud objects
/// or Data Center strings, with ids, states and dates) and "Flagged"; and the
/// changelog: `status` changes become the item's transitions, **sorted oldest first
/// here**; `Flagged` changes become blocked periods (a flag set at creation, which Jira
/// does not log, starts at `created`); `Sprint` changes become each sprint's `changes`.
///
/// **Where issues go**: as [`import_jira_csv`](super::import_jira_csv): epics to `epics`,
/// sub-tasks (`issuetype.subtask`) to `subtasks`, the rest to `backlog`, and each backlog
/// issue with a complete changelog to `items`.
///
/// **Never guessed, always said** (`warnings`): an issue whose changelog was truncated
/// (`changelog.total` above the histories returned; Jira returns at most 100 per issue
/// in a search) gets no flow item unless [`JiraJsonImportOptions::changelogs`] gives its
/// complete history; an issue without a changelog (no
/// `expand=changelog`) or without `created` gets none either; pages without `names`
/// (no `expand=names`) cannot name the story-point field unless `points_field` does;
/// story-point fields that disagree; a story-point value that is not a number; a
/// status not in `statuses` (Jira's category is used); an issue listed twice (the first
/// is kept); a parent not in the pages.
///
/// **Errors**: JSON over [`MAX_JSON_BYTES`], nested deeper than 128 levels or with more
/// than [`MAX_ISSUES`] issues; a page or issue of the wrong shape, an issue without
/// `key` or `summary`, a timestamp that does not read ([`Error::Parse`] naming the
/// JSON path, `pages[0].issues[3].fields.created`); a status neither in `statuses` nor
/// with a Jira status category; a bad `statuses` category; story points off `scale`
/// ([`Error::OutOfRange`]); resolved before created ([`Error::InvalidInput`]).
///
/// **Source**: Atlassian, "The Jira Cloud platform REST API: Search for issues using
/// JQL" (`expand=changelog,names`),
/// <https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/>;
/// "Jira Server platform REST API: /rest/api/2/search"; the changelog's shape,
/// <https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-changelog-get>.
///
/// ```
/// use pmkit::tracker::{import_jira_json, JiraJsonImportOptions, JiraPages};
///
/// let page = r#"{"startAt": 0, "maxResults": 50, "total": 1,
///   "names": {"customfield_10016": "Story point estimate"},
///   "issues": [{"id": "10002", "key": "PAY-2", "fields": {
///       "summary": "Save a card", "issuetype": {"name": "Story", "subtask": false},
///       "status": {"name": "Done", "statusCategory": {"key": "done"}},
///       "created": "2024-03-04T10:15:00.000+0100", "customfield_10016": 3,
///       "resolution": {"name": "Done"}, "resolutiondate": "2024-03-08T16:00:00.000+0100"},
///     "changelog": {"startAt": 0, "maxResults": 100, "total": 2, "histories": [
///       {"created": "2024-03-08T16:00:00.000+0100", "items": [{"field": "status", "fromString": "In Progress", "toString": "Done"}]},
///       {"created": "2024-03-05T09:00:00.000+0100", "items": [{"field": "status", "fromString": "To Do", "toString": "In Progress"}]}]}}]}"#;
/// let import = import_jira_json(&JiraPages::from_text(page)?, &JiraJsonImportOptions::default())?;
/// let item = &import.items[0];
/// assert_eq!(item.points, 3.0);
/// assert_eq!(item.transitions[0].to, "In Progress"); // sorted oldest first
/// assert_eq!(import.backlog.stories()[0].status.name, "Done");
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn import_jira_json(
    pages: &JiraPages,
    options: &JiraJsonImportOptions,
) -> Result<TrackerImport> {
    let statuses =
        StatusMap::from_names(options.statuses.iter()).map_err(|err| err.within("statuses"))?;
    let mut warnings = Vec::new();
    let mut names = BTreeMap::new();
    for page in &pages.0 {
        names.extend(
            page.names
                .iter()
                .flatten()
                .map(|(id, name)| (id.clone(), name.clone())),
        );
    }
    let has_issues = pages.0.iter().any(|page| !page.issues.is_empty());
    if names.is_empty() && has_issues && options.points_field.is_none() {
        warnings.push(ImportWarning::new(
            None,
            "names",
            "the pages have no field names (ask with expand=names), so no story-point field is known: every issue is unestimated unless points_field names the field",
        ));
    }
    let ids = FieldIds::find(&names, options.points_field.as_deref());
    let mut reader = Reader {
        options,
        statuses,
        ids,
        names,
        warnings,
        seen_statuses: Vec::new(),
    };
    let mut issues: Vec<Converted> = Vec::new();
    let mut seen: HashMap<String, String> = HashMap::new();
    for (page_index, page) in pages.0.iter().enumerate() {
        for (index, issue) in page.issues.iter().enumerate() {
            let path = if pages.0.len() == 1 {
                format!("pages.issues[{index}]")
            } else {
                format!("pages[{page_index}].issues[{index}]")
            };
            if let Some(first) = seen.get(&issue.key) {
                reader.warnings.push(ImportWarning::new(
                    Some(&issue.key),
                    "key",
                    format!("is listed again at {path} (first at {first}); the first is kept"),
                ));
                continue;
            }
            seen.insert(issue.key.clone(), path.clone());
            issues.push(reader.issue(issue, &path)?);
        }
    }
    assemble(issues, reader)
}

/// One issue read: its story, its flow item (when its history is complete) and its
/// sprint changes.
struct Converted {
    story: Story,
    kind: Kind,
    item: Option<Item>,
    sprint_changes: Vec<(Moment, String, super::SprintChangeKind)>,
    sprint_infos: Vec<fields::SprintInfo>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Epic,
    Subtask,
    Work,
}

struct Reader<'a> {
    options: &'a JiraJsonImportOptions,
    statuses: StatusMap,
    ids: FieldIds,
    /// Field id → name, from every page's `names`.
    names: BTreeMap<String, String>,
    warnings: Vec<ImportWarning>,
    /// Statuses already warned about (taken from Jira's category).
    seen_statuses: Vec<String>,
}

impl Reader<'_> {
    fn issue(&mut self, issue: &JiraIssue, path: &str) -> Result<Converted> {
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
    ) -> Result<(Option<Item>, Vec<(Moment, String, super::SprintChangeKind)>)> {
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

/// Issues sorted into backlog, epics and sub-tasks; sprints gathered.
fn assemble(issues: Vec<Converted>, reader: Reader<'_>) -> Result<TrackerImport> {
    let Reader {
        options,
        mut warnings,
        ..
    } = reader;
    let keys: std::collections::HashSet<String> =
        issues.iter().map(|issue| issue.story.id.clone()).collect();
    let (mut stories, mut epics, mut subtasks, mut items) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut sprints = Vec::new();
    for issue in issues {
        let Converted {
            story,
            kind,
            item,
            sprint_changes,
            sprint_infos,
        } = issue;
        for info in sprint_infos {
            let sprint = sprint_named(&mut sprints, &info.name);
            sprint.id = sprint.id.take().or(info.id);
            sprint.state = sprint.state.take().or(info.state);
            sprint.start = sprint.start.or(info.start);
            sprint.end = sprint.end.or(info.end);
            sprint.completed = sprint.completed.or(info.completed);
            sprint.goal = sprint.goal.take().or(info.goal);
            sprint.items.push(story.id.clone());
        }
        for (at, name, kind) in sprint_changes {
            sprint_named(&mut sprints, &name)
                .changes
                .push(SprintChange {
                    key: story.id.clone(),
                    at,
                    kind,
                });
        }
        if let Some(parent) = story
            .parent
            .as_deref()
            .filter(|parent| !keys.contains(*parent))
        {
            if kind == Kind::Subtask {
                warnings.push(ImportWarning::new(
                    Some(&story.id),
                    "parent",
                    format!("sub-task of {parent}, which is not in these pages"),
                ));
            }
        }
        match kind {
            Kind::Epic => epics.push(roadmap_epic(story)),
            Kind::Subtask => subtasks.push(story),
            Kind::Work => {
                items.extend(item);
                stories.push(story);
            }
        }
    }
    for sprint in &mut sprints {
        sprint
            .changes
            .sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.key.cmp(&b.key)));
    }
    let backlog = Backlog::new(stories, options.scale.clone())?;
    Ok(TrackerImport {
        items,
        backlog,
        epics,
        subtasks,
        sprints,
        warnings,
    })
}
