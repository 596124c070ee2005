//! Import a Jira CSV export, losing nothing silently.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::jira_dates::{DateReader, NumericOrder};
use super::{
    roadmap_epic, sprint_named, unread_columns, ImportWarning, TrackerImport, TrackerSprint,
};
use crate::flow::{Item, Moment, Transition};
use crate::work::csv::read_records;
use crate::work::{Backlog, EstimateScale, StatusCategory, StatusMap, Story};
use crate::{Error, Result};

mod columns;
#[cfg(test)]
mod tests;

use columns::{whole_number_text, Columns, Row};

/// The options of [`import_jira_csv`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct JiraCsvImportOptions {
    /// The team's estimate scale: every story-point value must be a card weight of it.
    /// `None` (the default) checks no scale.
    pub scale: Option<EstimateScale>,
    /// Story-point columns to read before Jira's own ("Custom field (Estimate)"), by
    /// header name; the first filled one wins. Empty by default.
    pub points_fields: Vec<String>,
    /// The file's date format in chrono's `strftime` syntax ("%d.%m.%Y %H:%M"), for a
    /// locale pmkit does not read by itself; `None` (the default) reads Jira's forms.
    pub date_format: Option<String>,
    /// Issue types that are epics (compared without case, spaces or hyphens).
    pub epic_types: Vec<String>,
    /// Issue types that are sub-tasks (compared without case, spaces or hyphens).
    pub subtask_types: Vec<String>,
}

impl Default for JiraCsvImportOptions {
    fn default() -> Self {
        JiraCsvImportOptions {
            scale: None,
            points_fields: Vec::new(),
            date_format: None,
            epic_types: vec!["Epic".to_owned()],
            subtask_types: vec!["Sub-task".to_owned()],
        }
    }
}

/// `"Sub-task"`, `"subtask"` and `"Sub Task"` compare equal.
fn type_name(text: &str) -> String {
    text.chars()
        .filter(|ch| !matches!(ch, ' ' | '-' | '_'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Everything in a Jira CSV export: stories, epics, sub-tasks, sprints and flow items,
/// with a warning for each value that had to be chosen or could not be read.
///
/// **Columns read** (header names compared without case; a column Jira repeats —
/// Sprint, Labels, Components, Fix versions, Watchers, Attachment, issue links — is
/// read from every copy, including the copies pandas renames `Sprint.1` and polars
/// `Sprint_duplicated_0`): Issue key, Summary and Status (required); Issue id; Issue
/// Type; every story-point column ([`JiraCsvImportOptions::points_fields`], then "Custom
/// field (Story Points)", "Story Points", "Custom field (Story point estimate)", then
/// any header naming story points: the first filled one wins, and a later one that
/// differs is a warning naming both); Sprint (all of them, oldest first: the story's
/// `sprint` is the last); Created, Resolved, Updated (with their times of day, in
/// `tracker`); Parent (or "Parent key", "Parent id", "Custom field (Epic Link)"): a
/// numeric `Issue id` becomes the key of the issue with that id, as Atlassian's CSV
/// exports write it; Description, whose acceptance criteria (a Gherkin block, or a
/// list under an "Acceptance criteria" heading) become the story's; Labels (split on
/// spaces); Priority, Assignee, Reporter, Resolution, Components, Fix versions,
/// Watchers, Attachment (in `tracker`); Inward / Outward issue link (Blocks, Relates).
/// Every other column is named in one warning (field `header`), so nothing is dropped
/// unsaid.
///
/// **Where issues go**: epics ([`JiraCsvImportOptions::epic_types`]) become roadmap epics in
/// `epics`, never backlog stories; sub-tasks ([`JiraCsvImportOptions::subtask_types`]) go to
/// `subtasks` with their parent's key (a parent not in the file is a warning); every
/// other issue is a backlog story and, when it has a Created date, a flow item. A CSV
/// holds no status history, so an item sits in its current status from Created on,
/// or enters it at Resolved when resolved; cycle times need Jira's changelog
/// (`import_jira_json`), and a warning says so.
///
/// **Dates**: Jira's `12/Mar/24 10:15 AM` (also 4-digit years, 24-hour clocks,
/// seconds, no time), ISO `2024-03-12 10:15` (with `T`, seconds, offsets), and numeric
/// `3/12/2024 10:15`; numeric dates are month first unless some date of the file has
/// a first number above 12 (then day first for the whole file); when every numeric date
/// is ambiguous a warning says they were read month first. `date_format` replaces all
/// of this. Month names and AM/PM markers may be in any of the exporting user's
/// languages that pmkit knows (English, French, German, Spanish, Portuguese, Italian, Dutch, Nordic, Polish, Russian, CJK) (`12/janv./24 3:15 PM`,
/// `12/Dez/24`, `12/dic/24 3:15 p. m.`); an unknown name is an error naming the line,
/// the column and the text, never a guess.
///
/// Statuses map to categories through `statuses`, which the caller supplies: pmkit
/// does not guess whether "Closed" means done or cancelled. The CSV is read per
/// RFC 4180. Nothing is half-imported: the first bad row fails the whole import.
///
/// **Errors** ([`Error::Parse`] on `line N`, the line the row starts on, unless
/// noted): malformed CSV; a missing required column (`line 1`); a row with more or
/// fewer fields than the header; an empty key or summary; a repeated key; a status
/// not in `statuses`; story points that are not a number, or off the scale
/// ([`Error::OutOfRange`]); an unreadable date; numeric dates of two locales in one
/// file (on `text`); resolved before created ([`Error::InvalidInput`]); empty text
/// ([`Error::Undefined`] on `text`).
///
/// **Source**: Atlassian, "Export issues to a CSV file" (repeated columns for
/// multi-value fields; `Parent` holding the parent's issue id),
/// <https://support.atlassian.com/jira-software-cloud/docs/export-issues-from-jira/>;
/// "Story points and story point estimate fields" (company-managed vs team-managed).
///
/// ```
/// use pmkit::tracker::{import_jira_csv, JiraCsvImportOptions};
/// use pmkit::work::StatusMap;
///
/// let csv = "Issue key,Issue id,Issue Type,Summary,Status,Custom field (Story Points),Custom field (Story point estimate),Sprint,Sprint,Created,Parent\n\
///            PAY-1,10001,Epic,Saved cards,In Progress,,,,,12/Mar/24 9:00 AM,\n\
///            PAY-2,10002,Story,Save a card,Done,3,,PAY 1,PAY 2,12/Mar/24 10:15 AM,10001\n\
///            PAY-3,10003,Story,Pay with it,To Do,,5,PAY 2,,2024-03-13 08:00,10001\n";
/// let statuses = StatusMap::from_names([("To Do", "to_do"), ("In Progress", "in_progress"), ("Done", "done")])?;
/// let import = import_jira_csv(csv, &statuses, &JiraCsvImportOptions::default())?;
/// let stories = import.backlog.stories();
/// assert_eq!(stories.len(), 2); // the epic is a roadmap epic
/// assert_eq!(import.epics[0].id, "PAY-1");
/// assert_eq!(stories[1].estimate, Some(5.0)); // from the second story-point column
/// assert_eq!(stories[0].parent.as_deref(), Some("PAY-1")); // issue id 10001 resolved
/// assert_eq!(stories[0].tracker.sprints, ["PAY 1", "PAY 2"]);
/// assert_eq!(import.items[0].created.to_string(), "2024-03-12T10:15:00");
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn import_jira_csv(
    text: &str,
    statuses: &StatusMap,
    options: &JiraCsvImportOptions,
) -> Result<TrackerImport> {
    let mut records = read_records(text)?.into_iter();
    let header = records.next().ok_or_else(|| {
        Error::undefined("text", "is empty; a Jira export starts with a header row")
    })?;
    let columns = Columns::new(&header, options)?;
    let records: Vec<_> = records.collect();
    for record in &records {
        columns.check_width(record)?;
    }
    let mut warnings = Vec::new();
    let unread = columns.unread();
    warnings.extend(unread_columns(&unread));
    let order = match &options.date_format {
        Some(_) => NumericOrder::MonthFirst,
        None => {
            let (order, ambiguous) = NumericOrder::of_file(
                records.iter().flat_map(|record| columns.date_cells(record)),
            )?;
            if ambiguous {
                warnings.push(ImportWarning::new(
                    None,
                    "Created",
                    "every numeric date (such as 3/4/2024) reads either way; read month first (Jira's en-US form): pass date_format=\"%d/%m/%Y %H:%M\" if the file is day first",
                ));
            }
            order
        }
    };
    let dates = DateReader {
        declared: options.date_format.clone(),
        order,
    };
    let mut rows = Vec::with_capacity(records.len());
    let mut seen = HashMap::new();
    for record in &records {
        let row = columns.row(record, statuses, options, &dates)?;
        if let Some(first) = seen.insert(row.story.id.clone(), row.line) {
            return Err(Error::parse(
                format!("line {}", row.line),
                format!(
                    "issue key {:?} is also on line {first}; keys must be unique",
                    row.story.id
                ),
            ));
        }
        rows.push(row);
    }
    assemble(rows, options, warnings)
}

/// Parents resolved, issues sorted into backlog, epics and sub-tasks, sprints and
/// flow items built.
fn assemble(
    rows: Vec<Row>,
    options: &JiraCsvImportOptions,
    mut warnings: Vec<ImportWarning>,
) -> Result<TrackerImport> {
    let key_of_id: HashMap<String, String> = rows
        .iter()
        .filter_map(|row| Some((row.story.tracker.issue_id.clone()?, row.story.id.clone())))
        .collect();
    let keys: std::collections::HashSet<String> =
        rows.iter().map(|row| row.story.id.clone()).collect();
    let epic_types: Vec<String> = options
        .epic_types
        .iter()
        .map(|name| type_name(name))
        .collect();
    let subtask_types: Vec<String> = options
        .subtask_types
        .iter()
        .map(|name| type_name(name))
        .collect();
    let is = |story: &Story, types: &[String]| {
        story
            .issue_type
            .as_deref()
            .is_some_and(|kind| types.contains(&type_name(kind)))
    };
    let (mut stories, mut epics, mut subtasks) = (Vec::new(), Vec::new(), Vec::new());
    let mut sprints: Vec<TrackerSprint> = Vec::new();
    for row in rows {
        let Row {
            mut story,
            parent,
            warnings: row_warnings,
            ..
        } = row;
        warnings.extend(row_warnings);
        story.parent = parent.map(|parent| {
            let id = whole_number_text(&parent);
            match key_of_id.get(&id) {
                Some(key) => key.clone(),
                None => {
                    if id.chars().all(|ch| ch.is_ascii_digit()) {
                        warnings.push(ImportWarning::new(
                            Some(&story.id),
                            "Parent",
                            format!("issue id {id} is not in this export; kept as written"),
                        ));
                    }
                    id
                }
            }
        });
        for name in &story.tracker.sprints {
            sprint_named(&mut sprints, name)
                .items
                .push(story.id.clone());
        }
        if is(&story, &epic_types) {
            epics.push(roadmap_epic(story));
        } else if is(&story, &subtask_types) {
            match &story.parent {
                Some(parent) if keys.contains(parent) => {}
                Some(parent) => warnings.push(ImportWarning::new(
                    Some(&story.id),
                    "Parent",
                    format!("sub-task of {parent}, which is not in this export"),
                )),
                None => warnings.push(ImportWarning::new(
                    Some(&story.id),
                    "Parent",
                    "sub-task without a parent",
                )),
            }
            subtasks.push(story);
        } else {
            stories.push(story);
        }
    }
    let items = flow_items(&stories, &mut warnings);
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

/// One flow item per story with a Created date: in its current status since Created,
/// or entering it at Resolved when resolved (a CSV has no status history).
fn flow_items(stories: &[Story], warnings: &mut Vec<ImportWarning>) -> Vec<Item> {
    let mut items = Vec::with_capacity(stories.len());
    for story in stories {
        let Some(created) = story
            .tracker
            .created_at
            .or_else(|| story.created.map(|day| Moment::from_date(day).0))
        else {
            warnings.push(ImportWarning::new(
                Some(&story.id),
                "Created",
                "is empty, so the issue has no flow item",
            ));
            continue;
        };
        let finished = matches!(
            story.status.category,
            StatusCategory::Done | StatusCategory::Cancelled
        );
        let resolved = story
            .tracker
            .resolved_at
            .or_else(|| story.resolved.map(|day| Moment::from_date(day).0));
        let transitions = match resolved {
            Some(at) if finished => vec![Transition {
                at: Moment(at),
                from: None,
                to: story.status.name.clone(),
            }],
            _ => Vec::new(),
        };
        items.push(Item {
            key: story.id.clone(),
            item_type: story.issue_type.clone().unwrap_or_default(),
            points: story.estimate.unwrap_or(0.0),
            created: Moment(created),
            status: Some(story.status.name.clone()),
            transitions,
            blocked: Vec::new(),
        });
    }
    if !items.is_empty() {
        warnings.push(ImportWarning::new(
            None,
            "Status",
            "a CSV export has no status history: items sit in their current status (entered at Resolved when resolved), so cycle times are unknown; import Jira's REST changelog for them",
        ));
    }
    items
}
