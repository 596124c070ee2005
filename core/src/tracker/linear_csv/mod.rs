//! Import Linear's CSV export, saying what it cannot tell.
//!
//! Linear exports issues (Settings → Import / Export → Export CSV, or a view's "Export")
//! as one row per issue with these columns, in this order (newer exports add `UUID`,
//! `Time in status (minutes)`, `Related to`, `Blocked by`, `Duplicate of`):
//!
//! ```text
//! ID,Team,Title,Description,Status,Estimate,Priority,Project ID,Project,Creator,Assignee,
//! Labels,Cycle Number,Cycle Name,Cycle Start,Cycle End,Created,Updated,Started,Triaged,
//! Completed,Canceled,Archived,Due Date,Parent issue,Initiatives,Project Milestone ID,
//! Project Milestone,SLA Status,Roadmaps
//! ```
//!
//! Dates are ISO 8601 in UTC (`2024-05-14T08:53:33.000Z`), labels are joined by `, `,
//! and text a spreadsheet could read as a formula is written with a leading `'`.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::{
    sprint_named, unread_columns, ImportWarning, TrackerImport, TrackerSprint, MAX_ISSUES,
};
use crate::flow::{Item, Moment, Transition};
use crate::roadmap::{Level, RoadmapItem};
use crate::work::csv::{read_records, Record};
use crate::work::{Backlog, EstimateScale, Link, LinkKind, Status, StatusCategory, Story};
use crate::{Error, Result};

mod columns;
#[cfg(test)]
mod tests;

use columns::Columns;

/// The options of [`import_linear_csv`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct LinearCsvImportOptions {
    /// Status name → category ("to_do", "in_progress", "done", "cancelled"). A status
    /// not named here takes the category its issue's dates say (Canceled → cancelled,
    /// Completed → done, Started → in_progress, otherwise to_do), and a warning lists
    /// each status so read. Empty by default.
    pub statuses: BTreeMap<String, String>,
    /// The team's estimate scale: every estimate must be a card weight of it. `None`
    /// (the default) checks no scale.
    pub scale: Option<EstimateScale>,
    /// The status a flow item is given from Created until Started (or until it was
    /// completed or canceled without being started): the CSV does not say which
    /// unstarted status it waited in. "Todo" by default.
    pub unstarted_status: String,
    /// The status a finished item is given from Started until Completed or Canceled:
    /// the CSV does not say which started statuses it went through. "In Progress" by
    /// default.
    pub started_status: String,
}

impl Default for LinearCsvImportOptions {
    fn default() -> Self {
        LinearCsvImportOptions {
            statuses: BTreeMap::new(),
            scale: None,
            unstarted_status: "Todo".to_owned(),
            started_status: "In Progress".to_owned(),
        }
    }
}

/// One issue read from its row, before the file-wide parts (parents, projects,
/// cycles) are put together.
struct Row {
    line: usize,
    story: Story,
    /// Whether the status's category came from the dates (not from `statuses`).
    inferred: bool,
    project: Option<(String, String)>,
    cycle: Option<TrackerSprint>,
    started: Option<NaiveDateTime>,
    /// Completed or Canceled, whichever the issue has.
    finished: Option<NaiveDateTime>,
}

/// Everything in a Linear CSV export: the issues as a backlog, projects as roadmap
/// epics, cycles as sprints, flow items built from the issues' dates, and warnings for
/// what the export does not say.
///
/// **Columns read** (header names compared without case): ID, Title and Status
/// (required); Description (its acceptance criteria too, as for Jira); Estimate;
/// Priority ("No priority" is none); Project ID and Project (each project a roadmap
/// epic, id = Project ID or its name); Creator (`tracker.reporter`) and Assignee;
/// Labels (split on commas); Team, Cycle Number, Cycle Name, Cycle Start and Cycle End
/// (each cycle a sprint named "{Team} {Cycle Name}", or "{Team} Cycle {Number}" when
/// unnamed: Linear numbers cycles per team); Created, Updated, Started, Completed,
/// Canceled; Parent issue; UUID (`tracker.issue_id`); Blocked by, Blocks and Related
/// to (links). Every other column is named in one warning (field `header`).
///
/// **Statuses**: `statuses` first; otherwise the dates decide, as Linear's workflow
/// state types do: an issue with a Canceled date is cancelled, one with a Completed
/// date done, one with a Started date in progress, any other to do. One warning lists
/// the statuses read that way, and says when one status got two categories.
///
/// **Flow items are approximate**, and a warning says so: Linear's CSV has no status
/// history, only the moments an issue was created, first started, and completed or
/// canceled. So each item is in `unstarted_status` from Created to Started, in
/// `started_status` from Started to Completed/Canceled, then in its current status (an
/// unfinished started item goes straight to its current status at Started; an item
/// never started or finished sits in its current status from Created). Lead times,
/// throughput, cancelled counts and cycle times from Started to Completed are exact
/// (they are Linear's own timestamps); the time spent in each started status (In
/// Progress vs In Review), moves back, reopenings and time in triage are not in the
/// export, so a CFD shows every finished item's started time as `started_status`. Map
/// `unstarted_status` and `started_status` to the workflow's columns.
///
/// **Projects and parents**: an issue's `parent` is its Parent issue, or else its
/// project's epic id. Linear has no sub-task type: sub-issues stay in the backlog.
///
/// **Errors** ([`Error::Parse`] on `line N`, the line the row starts on, unless
/// noted): malformed CSV; a missing ID, Title or Status column (`line 1`); more than
/// [`MAX_ISSUES`] rows ([`Error::OutOfRange`] on `text`); a row with more or fewer
/// fields than the header; an empty ID or title; a repeated ID; an estimate that is
/// not a number ≥ 0, or off the scale ([`Error::OutOfRange`]); a date that is not ISO
/// 8601 (naming the column and the text); Started, Completed or Canceled before
/// Created, or Completed/Canceled before Started ([`Error::InvalidInput`]); an unknown
/// category in `statuses` (on `statuses["name"]`); empty text ([`Error::Undefined`] on
/// `text`).
///
/// **Source**: Linear, "Exporting data" (CSV export of issues),
/// <https://linear.app/docs/exporting-data>; "Issue status" (workflow state types
/// backlog, unstarted, started, completed, canceled), <https://linear.app/docs/configuring-workflows>.
///
/// ```
/// use pmkit::tracker::{import_linear_csv, LinearCsvImportOptions};
///
/// let csv = "ID,Team,Title,Status,Estimate,Created,Started,Completed,Canceled\n\
///            ENG-1,Engineering,Save a card,Done,3,2024-03-04T10:15:00.000Z,2024-03-05T09:30:00.000Z,2024-03-08T16:00:00.000Z,\n\
///            ENG-2,Engineering,Pay with it,In Review,5,2024-03-05T14:30:00.000Z,2024-03-06T09:00:00.000Z,,\n\
///            ENG-3,Engineering,Apple Pay,Canceled,,2024-03-06T08:00:00.000Z,,,2024-03-07T12:00:00.000Z\n";
/// let import = import_linear_csv(csv, &LinearCsvImportOptions::default())?;
/// let done = &import.items[0];
/// assert_eq!(done.transitions.len(), 2); // Todo → In Progress at Started, → Done at Completed
/// assert_eq!(done.transitions[1].to, "Done");
/// assert_eq!(import.backlog.stories()[2].status.category, pmkit::work::StatusCategory::Cancelled);
/// assert!(import.warnings.iter().any(|w| w.field == "Status" && w.reason.contains("no status history")));
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn import_linear_csv(text: &str, options: &LinearCsvImportOptions) -> Result<TrackerImport> {
    let statuses = crate::work::StatusMap::from_names(&options.statuses)?;
    let mut records = read_records(text)?.into_iter();
    let header = records.next().ok_or_else(|| {
        Error::undefined("text", "is empty; a Linear export starts with a header row")
    })?;
    let columns = Columns::new(&header)?;
    let records: Vec<Record> = records.collect();
    if records.len() > MAX_ISSUES {
        return Err(Error::out_of_range(
            "text",
            format!(
                "holds {} issues; at most {MAX_ISSUES} are read in one import",
                records.len()
            ),
        ));
    }
    let mut warnings = Vec::new();
    let unread = columns.unread();
    warnings.extend(unread_columns(&unread));
    let mut rows = Vec::with_capacity(records.len());
    let mut seen = HashMap::new();
    for record in &records {
        let row = columns.row(record, &statuses, options, &mut warnings)?;
        if let Some(first) = seen.insert(row.story.id.clone(), row.line) {
            return Err(Error::parse(
                format!("line {}", row.line),
                format!(
                    "ID {:?} is also on line {first}; IDs must be unique",
                    row.story.id
                ),
            ));
        }
        rows.push(row);
    }
    inferred_statuses(&rows, &mut warnings);
    assemble(rows, options, warnings)
}

/// One warning naming the statuses whose category came from the issues' dates.
fn inferred_statuses(rows: &[Row], warnings: &mut Vec<ImportWarning>) {
    let mut seen: Vec<(String, Vec<StatusCategory>)> = Vec::new();
    for row in rows.iter().filter(|row| row.inferred) {
        let status = &row.story.status;
        match seen.iter_mut().find(|(name, _)| *name == status.name) {
            Some((_, categories)) if !categories.contains(&status.category) => {
                categories.push(status.category);
            }
            Some(_) => {}
            None => seen.push((status.name.clone(), vec![status.category])),
        }
    }
    if seen.is_empty() {
        return;
    }
    let listed: Vec<String> = seen
        .iter()
        .map(|(name, categories)| {
            let names: Vec<&str> = categories
                .iter()
                .map(|category| category.as_str())
                .collect();
            format!("{name} → {}", names.join(" or "))
        })
        .collect();
    let mixed = seen.iter().any(|(_, categories)| categories.len() > 1);
    warnings.push(ImportWarning::new(
        None,
        "Status",
        format!(
            "not in statuses, so read from the issues' dates (Canceled → cancelled, Completed → done, Started → in_progress, else to_do): {}{}",
            listed.join(", "),
            if mixed { "; a status with two categories has issues whose dates disagree: name it in statuses" } else { "" }
        ),
    ));
}

/// Projects, parents, cycles and flow items, put together from the rows.
fn assemble(
    rows: Vec<Row>,
    options: &LinearCsvImportOptions,
    mut warnings: Vec<ImportWarning>,
) -> Result<TrackerImport> {
    let mut epics: Vec<RoadmapItem> = Vec::new();
    let mut sprints: Vec<TrackerSprint> = Vec::new();
    let mut stories = Vec::with_capacity(rows.len());
    let mut items = Vec::with_capacity(rows.len());
    for row in rows {
        let Row {
            mut story,
            project,
            cycle,
            started,
            finished,
            ..
        } = row;
        if let Some((id, title)) = project {
            if !epics.iter().any(|epic| epic.id == id) {
                epics.push(project_epic(&id, &title));
            }
            if story.parent.is_none() {
                story.parent = Some(id);
            }
        }
        if let Some(cycle) = cycle {
            let sprint = sprint_named(&mut sprints, &cycle.name);
            sprint.id = sprint.id.take().or(cycle.id);
            sprint.start = sprint.start.take().or(cycle.start);
            sprint.end = sprint.end.take().or(cycle.end);
            sprint.items.push(story.id.clone());
        }
        match flow_item(&story, started, finished, options) {
            Some(item) => items.push(item),
            None => warnings.push(ImportWarning::new(
                Some(&story.id),
                "Created",
                "is empty, so the issue has no flow item",
            )),
        }
        stories.push(story);
    }
    for epic in &mut epics {
        epic.status = project_status(&stories, &epic.id);
    }
    if !items.is_empty() {
        warnings.push(ImportWarning::new(
            None,
            "Status",
            format!(
                "a Linear CSV has no status history: items are built from Created, Started, Completed and Canceled, so lead times, throughput and Started → Completed cycle times are exact, but time in each status is approximate: every finished item is in {:?} from Started on, moves back and reopenings are not seen; use Linear's API (issue history) for a full CFD",
                options.started_status
            ),
        ));
    }
    let backlog = Backlog::new(stories, options.scale.clone())?;
    Ok(TrackerImport {
        items,
        backlog,
        epics,
        subtasks: Vec::new(),
        sprints,
        warnings,
    })
}

/// A Linear project as a roadmap epic (its status is set from its issues afterwards).
fn project_epic(id: &str, title: &str) -> RoadmapItem {
    RoadmapItem {
        id: id.to_owned(),
        title: title.to_owned(),
        level: Level::Epic,
        parent: None,
        owner: None,
        status: StatusCategory::ToDo,
        start: None,
        target: None,
        lane: None,
        estimate: None,
    }
}

/// A project's status from its issues (the CSV has none for projects): done when every
/// issue is done or cancelled and one is done, cancelled when all are cancelled, in
/// progress once one is started or finished, to do otherwise.
fn project_status(stories: &[Story], project: &str) -> StatusCategory {
    let categories: Vec<StatusCategory> = stories
        .iter()
        .filter(|story| story.parent.as_deref() == Some(project))
        .map(|story| story.status.category)
        .collect();
    let all = |wanted: &[StatusCategory]| categories.iter().all(|c| wanted.contains(c));
    if categories.is_empty() || all(&[StatusCategory::ToDo]) {
        StatusCategory::ToDo
    } else if all(&[StatusCategory::Cancelled]) {
        StatusCategory::Cancelled
    } else if all(&[StatusCategory::Done, StatusCategory::Cancelled]) {
        StatusCategory::Done
    } else {
        StatusCategory::InProgress
    }
}

/// The issue's flow item from its dates (see [`import_linear_csv`]); `None` without a
/// Created date.
fn flow_item(
    story: &Story,
    started: Option<NaiveDateTime>,
    finished: Option<NaiveDateTime>,
    options: &LinearCsvImportOptions,
) -> Option<Item> {
    let created = story.tracker.created_at?;
    let current = story.status.name.clone();
    let mut transitions = Vec::new();
    let mut at_status = options.unstarted_status.clone();
    if let Some(at) = started {
        let to = if finished.is_some() {
            options.started_status.clone()
        } else {
            current.clone()
        };
        transitions.push(Transition {
            at: Moment(at),
            from: Some(at_status),
            to: to.clone(),
        });
        at_status = to;
    }
    if let Some(at) = finished {
        transitions.push(Transition {
            at: Moment(at),
            from: Some(at_status),
            to: current.clone(),
        });
    }
    Some(Item {
        key: story.id.clone(),
        item_type: story.issue_type.clone().unwrap_or_default(),
        points: story.estimate.unwrap_or(0.0),
        created: Moment(created),
        status: Some(current),
        transitions,
        blocked: Vec::new(),
    })
}

/// The status of a row: from `statuses` when named there, else from its dates.
fn status_of(
    statuses: &crate::work::StatusMap,
    name: &str,
    started: bool,
    completed: bool,
    canceled: bool,
) -> (Status, bool) {
    if let Ok(status) = statuses.status("Status", name) {
        return (status, false);
    }
    let category = if canceled {
        StatusCategory::Cancelled
    } else if completed {
        StatusCategory::Done
    } else if started {
        StatusCategory::InProgress
    } else {
        StatusCategory::ToDo
    };
    (
        Status {
            name: name.to_owned(),
            category,
        },
        true,
    )
}

/// Links of one kind from a cell of comma-separated issue IDs.
fn links(cell: &str, kind: LinkKind) -> impl Iterator<Item = Link> + '_ {
    cell.split(',')
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .map(move |id| Link {
            kind,
            id: id.to_owned(),
        })
}
