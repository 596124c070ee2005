//! Import GitHub issues and their timelines.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use super::{describe, sprint_named, ImportWarning, TrackerImport, TrackerSprint};
use crate::flow::{Item, Moment};
use crate::work::{Backlog, Status, StatusCategory, Story};
use crate::{Error, Result};

mod history;
mod raw;
#[cfg(test)]
mod tests;

pub use raw::{
    GithubEvent, GithubIssue, GithubIssues, GithubLabel, GithubMilestone, GithubNamed,
    GithubProjectCard, GithubPullRequestRef, GithubUser,
};

use history::History;

/// The options of [`import_github_issues`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct GithubImportOptions {
    /// Each issue's timeline by issue number (`"42"` or `"#42"`): every page of
    /// `GET /repos/{owner}/{repo}/issues/{number}/timeline` (or its `/events`, or the
    /// GraphQL `timelineItems` nodes), in any order. An issue without one goes from
    /// `open_status` to its closing status at `closed_at`, and a warning says so.
    pub timelines: BTreeMap<String, Vec<GithubEvent>>,
    /// Labels that are statuses (`"in progress"`, `"status: review"`), compared
    /// without case: adding one moves the issue into it, removing the current one moves
    /// it back. Empty by default (statuses then come from project columns only).
    pub status_labels: Vec<String>,
    /// Category ("to_do", "in_progress", "done", "cancelled") of each project column,
    /// Projects v2 status and status label, by name (compared without case). A name not
    /// listed is in progress, with a warning naming it. Empty by default.
    pub statuses: BTreeMap<String, String>,
    /// The status of an open issue outside any column or status label (category to
    /// do). "Open" by default.
    pub open_status: String,
    /// The status of an issue closed as completed (category done). "Closed" by default.
    pub closed_status: String,
    /// The status of an issue closed as not planned or duplicate (category cancelled).
    /// "Not planned" by default.
    pub not_planned_status: String,
    /// Whether pull requests (which the issues endpoint lists too) are imported as
    /// items; by default they are left out, and a warning counts them.
    pub include_pull_requests: bool,
}

impl Default for GithubImportOptions {
    fn default() -> Self {
        GithubImportOptions {
            timelines: BTreeMap::new(),
            status_labels: Vec::new(),
            statuses: BTreeMap::new(),
            open_status: "Open".to_owned(),
            closed_status: "Closed".to_owned(),
            not_planned_status: "Not planned".to_owned(),
            include_pull_requests: false,
        }
    }
}

/// GitHub's default and largest page sizes: a list or a timeline of exactly this many
/// may be one page of a longer one.
const PAGE_SIZES: [usize; 2] = [30, 100];

/// GitHub issues (what `GET /repos/{owner}/{repo}/issues?state=all` returns, one page
/// or a list of pages) and their timelines, as a tracker import: each issue a backlog
/// story and a flow item whose status history comes from its timeline.
///
/// **Statuses**, oldest event first: an issue starts in `open_status` when opened;
/// `added_to_project` and `moved_columns_in_project` (classic projects) move it into
/// the card's column, `project_v2_item_status_changed` into the Projects v2 status,
/// `labeled` with one of `status_labels` into that label (and `unlabeled` of the
/// current one, or `removed_from_project`, back to `open_status`); `closed` moves it to
/// `closed_status` (state reason completed, or none) or `not_planned_status` (not
/// planned, duplicate), `reopened` back to where it was. Moves while closed are
/// remembered for a reopening but do not change the status (automation often moves a
/// closed issue's card to a Done column). The story's status category: done for
/// `closed_status`, cancelled for `not_planned_status`, to do for `open_status`, and
/// `statuses` for columns and labels.
///
/// **Other fields**: `#number` is the key, `title`, `body` (and its acceptance
/// criteria), labels (other than status labels), assignee, author (`reporter`), issue
/// type, `created_at`, `closed_at` (`resolved`), `updated_at`, `state_reason`
/// (`tracker.resolution`), the milestone as a sprint (its due date the end). GitHub has
/// no estimates: `estimate` stays empty and items have 0 points.
///
/// **Warnings**, never silent guesses: pull requests left out; issues without a
/// timeline (their items go straight from open to closed, so cycle times are unknown);
/// a list or timeline of exactly 30 or 100 entries (GitHub's page sizes: it may be one
/// page of several; pass every page); columns, statuses and labels not in `statuses`; a
/// timeline given for an issue not in the list; events of more than one project;
/// a `closed` event without a state reason when the issue's own reason is not planned.
///
/// **Errors**: an issue or event of the wrong shape (named by its path); two issues
/// with one number ([`Error::Parse`] on `issues`); an unreadable timestamp
/// ([`Error::Parse`] on `issues[3].created_at` or `timelines["42"][5].created_at`); a
/// used event without a time; an unknown category in `statuses`; closed before
/// created ([`Error::InvalidInput`]).
///
/// **Source**: GitHub REST API, "List repository issues" and "List timeline events for
/// an issue", <https://docs.github.com/en/rest/issues/issues>,
/// <https://docs.github.com/en/rest/issues/timeline>; "Issue event types",
/// <https://docs.github.com/en/rest/using-the-rest-api/issue-event-types>.
///
/// ```
/// use pmkit::tracker::{import_github_issues, GithubImportOptions, GithubIssues};
///
/// let issues = GithubIssues::from_text(r#"[{"number": 7, "title": "Save a card", "state": "closed",
///     "state_reason": "completed", "created_at": "2024-03-04T10:15:00Z", "closed_at": "2024-03-08T16:00:00Z"}]"#)?;
/// let options: GithubImportOptions = serde_json::from_str(r#"{"timelines": {"7": [
///     {"event": "added_to_project", "created_at": "2024-03-05T09:30:00Z", "project_card": {"column_name": "In progress"}},
///     {"event": "closed", "created_at": "2024-03-08T16:00:00Z", "state_reason": "completed"}]},
///     "statuses": {"In progress": "in_progress"}}"#).unwrap();
/// let import = import_github_issues(&issues, &options)?;
/// let item = &import.items[0];
/// assert_eq!(item.key, "#7");
/// assert_eq!(item.transitions[0].to, "In progress");
/// assert_eq!(item.transitions[1].to, "Closed");
/// assert!(import.warnings.is_empty());
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn import_github_issues(
    issues: &GithubIssues,
    options: &GithubImportOptions,
) -> Result<TrackerImport> {
    let categories = crate::work::StatusMap::from_names(&options.statuses)?;
    let mut warnings = Vec::new();
    let timelines = timelines_by_number(issues, options, &mut warnings)?;
    let mut stories = Vec::new();
    let mut items = Vec::new();
    let mut sprints: Vec<TrackerSprint> = Vec::new();
    let mut numbers = HashSet::new();
    let mut pull_requests = 0usize;
    let mut without_timeline = Vec::new();
    let mut unmapped: Vec<String> = Vec::new();
    for (page_index, page) in issues.pages.iter().enumerate() {
        if PAGE_SIZES.contains(&page.len()) {
            warnings.push(ImportWarning::new(
                None,
                "issues",
                format!(
                    "page {page_index} holds exactly {} issues, one of GitHub's page sizes: if the response had a Link header with rel=\"next\", fetch the next pages and pass them too",
                    page.len()
                ),
            ));
        }
        for (index, issue) in page.iter().enumerate() {
            let path = if issues.pages.len() > 1 {
                format!("issues[{page_index}][{index}]")
            } else {
                format!("issues[{index}]")
            };
            if !numbers.insert(issue.number) {
                return Err(Error::parse(
                    "issues",
                    format!(
                        "issue #{} is listed twice (at {path}); pass each page once",
                        issue.number
                    ),
                ));
            }
            if issue.pull_request.is_some() && !options.include_pull_requests {
                pull_requests += 1;
                continue;
            }
            let events = timelines
                .get(&issue.number)
                .map(|(key, events)| (key.as_str(), events.as_slice()));
            if events.is_none() {
                without_timeline.push(format!("#{}", issue.number));
            }
            let key = format!("#{}", issue.number);
            let history = History::read(issue, &path, events, options, &key, &mut warnings)?;
            // Every column, Projects v2 status and status label the issue passed through.
            for status in history.transitions.iter().map(|transition| &transition.to) {
                let fixed = [
                    &options.open_status,
                    &options.closed_status,
                    &options.not_planned_status,
                ];
                if !fixed.contains(&status)
                    && categories.status("statuses", status).is_err()
                    && !unmapped.contains(status)
                {
                    unmapped.push(status.clone());
                }
            }
            let story = story(issue, &path, &history, options, &categories, &mut warnings)?;
            if let Some(milestone) = &issue.milestone {
                let sprint = sprint_named(&mut sprints, &milestone.title);
                sprint.id = sprint.id.take().or(milestone.number.map(|n| n.to_string()));
                sprint.state = sprint.state.take().or(milestone.state.clone());
                sprint.goal = sprint
                    .goal
                    .take()
                    .or(milestone.description.clone().filter(|d| !d.is_empty()));
                if let Some(due) = &milestone.due_on {
                    sprint.end = Some(Moment::parse(&format!("{path}.milestone.due_on"), due)?);
                }
                if let Some(closed) = &milestone.closed_at {
                    sprint.completed = Some(Moment::parse(
                        &format!("{path}.milestone.closed_at"),
                        closed,
                    )?);
                }
                sprint.items.push(key.clone());
            }
            items.push(Item {
                key,
                item_type: story.issue_type.clone().unwrap_or_default(),
                points: 0.0,
                created: history.created,
                status: Some(story.status.name.clone()),
                transitions: history.transitions,
                blocked: Vec::new(),
            });
            stories.push(story);
        }
    }
    if pull_requests > 0 {
        warnings.push(ImportWarning::new(
            None,
            "pull_request",
            format!("{pull_requests} pull request(s) left out (the issues endpoint lists them too); pass include_pull_requests to import them"),
        ));
    }
    if !without_timeline.is_empty() {
        warnings.push(ImportWarning::new(
            None,
            "timelines",
            format!(
                "{} issue(s) have no timeline, so their items go straight from {:?} to closed and their cycle times are unknown: {}",
                without_timeline.len(),
                options.open_status,
                without_timeline.join(", ")
            ),
        ));
    }
    if !unmapped.is_empty() {
        warnings.push(ImportWarning::new(
            None,
            "statuses",
            format!(
                "not in statuses, so read as in_progress: {}; name each in statuses",
                unmapped.join(", ")
            ),
        ));
    }
    Ok(TrackerImport {
        items,
        backlog: Backlog::new(stories, None)?,
        epics: Vec::new(),
        subtasks: Vec::new(),
        sprints,
        warnings,
    })
}

/// The timelines by issue number (`"42"` or `"#42"`), with warnings for truncated
/// ones and for timelines of issues not in the list.
fn timelines_by_number<'a>(
    issues: &GithubIssues,
    options: &'a GithubImportOptions,
    warnings: &mut Vec<ImportWarning>,
) -> Result<BTreeMap<u64, (String, &'a Vec<GithubEvent>)>> {
    let listed: HashSet<u64> = issues
        .pages
        .iter()
        .flatten()
        .map(|issue| issue.number)
        .collect();
    let mut by_number = BTreeMap::new();
    for (key, events) in &options.timelines {
        let number: u64 = key.trim().trim_start_matches('#').parse().map_err(|_| {
            Error::parse(
                format!("timelines[{key:?}]"),
                "is not an issue number (\"42\" or \"#42\")",
            )
        })?;
        let field = format!("timelines[{key:?}]");
        if by_number.insert(number, (field, events)).is_some() {
            return Err(Error::parse(
                format!("timelines[{key:?}]"),
                format!("issue #{number} has two timelines"),
            ));
        }
        if !listed.contains(&number) {
            warnings.push(ImportWarning::new(
                Some(&format!("#{number}")),
                "timelines",
                "a timeline for an issue not in issues; not read",
            ));
        }
        if PAGE_SIZES.contains(&events.len()) {
            warnings.push(ImportWarning::new(
                Some(&format!("#{number}")),
                "timelines",
                format!(
                    "holds exactly {} events, one of GitHub's page sizes: if the timeline response had a Link header with rel=\"next\", pass every page",
                    events.len()
                ),
            ));
        }
    }
    Ok(by_number)
}

/// The issue as a backlog story.
fn story(
    issue: &GithubIssue,
    path: &str,
    history: &History,
    options: &GithubImportOptions,
    categories: &crate::work::StatusMap,
    warnings: &mut Vec<ImportWarning>,
) -> Result<Story> {
    let key = format!("#{}", issue.number);
    let title = issue.title.trim();
    if title.is_empty() {
        return Err(Error::parse(
            format!("{path}.title"),
            format!("issue {key} has an empty title"),
        ));
    }
    let mut story = Story::new(&key, title).map_err(|err| err.within(path))?;
    let status = &history.status;
    let category = if *status == options.closed_status {
        StatusCategory::Done
    } else if *status == options.not_planned_status {
        StatusCategory::Cancelled
    } else if *status == options.open_status {
        StatusCategory::ToDo
    } else {
        match categories.status("statuses", status) {
            Ok(known) => known.category,
            // Named in the `statuses` warning, as every unmapped status passed through.
            Err(_) => StatusCategory::InProgress,
        }
    };
    story.status = Status {
        name: status.clone(),
        category,
    };
    describe(
        &mut story,
        issue.body.clone().filter(|body| !body.trim().is_empty()),
        warnings,
    );
    story.labels = issue
        .labels
        .iter()
        .map(GithubLabel::name)
        .filter(|name| !history::is_status_label(name, options))
        .map(str::to_owned)
        .collect();
    story.issue_type = issue.issue_type.as_ref().map(|kind| kind.name.clone());
    story.sprint = issue
        .milestone
        .as_ref()
        .map(|milestone| milestone.title.clone());
    story.created = Some(history.created.date());
    story.resolved = history.closed.map(|at| at.date());
    let tracker = &mut story.tracker;
    tracker.issue_id = issue.id.map(|id| id.to_string());
    tracker.assignee = issue.assignee.as_ref().map(|user| user.login.clone());
    tracker.reporter = issue.user.as_ref().map(|user| user.login.clone());
    tracker.resolution = issue
        .state_reason
        .clone()
        .filter(|_| history.closed.is_some());
    tracker.sprints = story.sprint.iter().cloned().collect();
    tracker.created_at = Some(history.created.0);
    tracker.resolved_at = history.closed.map(|at| at.0);
    tracker.updated_at = issue
        .updated_at
        .as_deref()
        .map(|text| Moment::parse(&format!("{path}.updated_at"), text).map(|at| at.0))
        .transpose()?;
    story.validate().map_err(|err| err.within(path))?;
    Ok(story)
}
