//! Import the pages of a Jira REST search with changelogs.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::{roadmap_epic, sprint_named, ImportWarning, SprintChange, TrackerImport};
use crate::work::{Backlog, EstimateScale, StatusMap};
use crate::Result;

mod adf;
mod fields;
mod history;
mod raw;
mod reader;
#[cfg(test)]
mod tests;

pub use raw::{
    JiraChangeItem, JiraChangelog, JiraHistory, JiraIssue, JiraPage, JiraPages, MAX_ISSUES,
    MAX_JSON_BYTES,
};

use fields::FieldIds;
use reader::{Converted, Kind, Reader};

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
/// `key` or `summary`, a timestamp that does not read ([`crate::Error::Parse`] naming the
/// JSON path, `pages[0].issues[3].fields.created`); a status neither in `statuses` nor
/// with a Jira status category; a bad `statuses` category; story points off `scale`
/// ([`crate::Error::OutOfRange`]); resolved before created ([`crate::Error::InvalidInput`]).
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
