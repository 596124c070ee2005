//! Where each column of a Linear CSV export is, and one row read into an issue.

use chrono::NaiveDateTime;

use super::{links, status_of, LinearCsvImportOptions, Row};
use crate::flow::Moment;
use crate::tracker::jira_dates::iso;
use crate::tracker::{describe, ImportWarning, TrackerSprint};
use crate::work::csv::Record;
use crate::work::{LinkKind, StatusMap, Story};
use crate::{Error, Result};

/// The columns read, by their lowercased header name.
#[derive(Debug, Default)]
pub(super) struct Columns {
    /// The header as written, for messages and the unread list.
    shown: Vec<String>,
    id: usize,
    title: usize,
    status: usize,
    team: Option<usize>,
    description: Option<usize>,
    estimate: Option<usize>,
    priority: Option<usize>,
    project_id: Option<usize>,
    project: Option<usize>,
    creator: Option<usize>,
    assignee: Option<usize>,
    labels: Option<usize>,
    cycle_number: Option<usize>,
    cycle_name: Option<usize>,
    cycle_start: Option<usize>,
    cycle_end: Option<usize>,
    created: Option<usize>,
    updated: Option<usize>,
    started: Option<usize>,
    completed: Option<usize>,
    canceled: Option<usize>,
    parent: Option<usize>,
    uuid: Option<usize>,
    links: Vec<(usize, LinkKind)>,
}

/// Linear's guard against spreadsheet formulas: a leading `'` before `=`, `+`, `-` or
/// `@` (its own importer strips it the same way).
fn unguarded(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => text,
    }
}

impl Columns {
    /// The columns of `header`.
    ///
    /// **Errors**: no ID, Title or Status column ([`Error::Parse`] on `line 1`).
    pub fn new(header: &Record) -> Result<Self> {
        let names: Vec<String> = header
            .fields
            .iter()
            .map(|name| name.trim().to_lowercase())
            .collect();
        let find = |wanted: &[&str]| {
            wanted
                .iter()
                .find_map(|name| names.iter().position(|have| have == name))
        };
        let required = |name: &str| {
            find(&[&name.to_lowercase()]).ok_or_else(|| {
                Error::parse(
                    "line 1",
                    format!("the header has no {name} column; is this Linear's CSV export?"),
                )
            })
        };
        let links = [
            ("blocked by", LinkKind::BlockedBy),
            ("blocks", LinkKind::Blocks),
            ("related to", LinkKind::RelatesTo),
        ]
        .into_iter()
        .filter_map(|(name, kind)| Some((find(&[name])?, kind)))
        .collect();
        Ok(Columns {
            shown: header
                .fields
                .iter()
                .map(|name| name.trim().to_owned())
                .collect(),
            id: find(&["id", "identifier"]).map_or_else(|| required("ID"), Ok)?,
            title: required("Title")?,
            status: required("Status")?,
            team: find(&["team"]),
            description: find(&["description"]),
            estimate: find(&["estimate"]),
            priority: find(&["priority"]),
            project_id: find(&["project id"]),
            project: find(&["project"]),
            creator: find(&["creator"]),
            assignee: find(&["assignee"]),
            labels: find(&["labels"]),
            cycle_number: find(&["cycle number"]),
            cycle_name: find(&["cycle name"]),
            cycle_start: find(&["cycle start"]),
            cycle_end: find(&["cycle end"]),
            created: find(&["created"]),
            updated: find(&["updated"]),
            started: find(&["started"]),
            completed: find(&["completed"]),
            canceled: find(&["canceled", "cancelled"]),
            parent: find(&["parent issue", "parent"]),
            uuid: find(&["uuid"]),
            links,
        })
    }

    /// The header names of the columns not read, in header order.
    pub fn unread(&self) -> Vec<String> {
        let used: Vec<usize> = [self.id, self.title, self.status]
            .into_iter()
            .chain(
                [
                    self.team,
                    self.description,
                    self.estimate,
                    self.priority,
                    self.project_id,
                    self.project,
                    self.creator,
                    self.assignee,
                    self.labels,
                    self.cycle_number,
                    self.cycle_name,
                    self.cycle_start,
                    self.cycle_end,
                    self.created,
                    self.updated,
                    self.started,
                    self.completed,
                    self.canceled,
                    self.parent,
                    self.uuid,
                ]
                .into_iter()
                .flatten(),
            )
            .chain(self.links.iter().map(|&(index, _)| index))
            .collect();
        self.shown
            .iter()
            .enumerate()
            .filter(|(index, name)| !used.contains(index) && !name.is_empty())
            .map(|(_, name)| name.clone())
            .collect()
    }

    /// The header name of column `index` as written.
    fn shown(&self, index: usize) -> &str {
        self.shown.get(index).map(String::as_str).unwrap_or("")
    }

    /// One row read into an issue.
    ///
    /// **Errors**: see [`import_linear_csv`](super::import_linear_csv).
    pub fn row(
        &self,
        record: &Record,
        statuses: &StatusMap,
        options: &LinearCsvImportOptions,
        warnings: &mut Vec<ImportWarning>,
    ) -> Result<Row> {
        let field = format!("line {}", record.line);
        if record.fields.len() != self.shown.len() {
            return Err(Error::parse(
                &field,
                format!(
                    "has {} fields, the header {}; check the quoting",
                    record.fields.len(),
                    self.shown.len()
                ),
            ));
        }
        let cell = |index: usize| {
            record
                .fields
                .get(index)
                .map(|text| unguarded(text.trim()))
                .unwrap_or("")
        };
        let optional = |index: Option<usize>| {
            index
                .map(cell)
                .filter(|text| !text.is_empty())
                .map(str::to_owned)
        };
        let date = |index: Option<usize>| -> Result<Option<NaiveDateTime>> {
            let Some(index) = index else { return Ok(None) };
            let text = cell(index);
            if text.is_empty() {
                return Ok(None);
            }
            iso(text).map(Some).ok_or_else(|| {
                Error::parse(
                    &field,
                    format!(
                        "{} {text:?} is not an ISO 8601 date (Linear writes 2024-05-14T08:53:33.000Z)",
                        self.shown(index)
                    ),
                )
            })
        };
        let id = cell(self.id);
        if id.is_empty() {
            return Err(Error::parse(&field, "ID is empty"));
        }
        let title = cell(self.title);
        if title.is_empty() {
            return Err(Error::parse(&field, format!("Title of {id} is empty")));
        }
        let status_name = cell(self.status);
        if status_name.is_empty() {
            return Err(Error::parse(&field, format!("Status of {id} is empty")));
        }
        let created = date(self.created)?;
        let started = date(self.started)?;
        let completed = date(self.completed)?;
        let canceled = date(self.canceled)?;
        let mut story =
            Story::new(id, title).map_err(|err| Error::parse(&field, err.to_string()))?;
        let (status, inferred) = status_of(
            statuses,
            status_name,
            started.is_some(),
            completed.is_some(),
            canceled.is_some(),
        );
        story.status = status;
        let finished = match (completed, canceled) {
            (Some(done), Some(dropped)) => {
                warnings.push(ImportWarning::new(
                    Some(id),
                    "Canceled",
                    format!("both Completed ({done}) and Canceled ({dropped}) are filled; the later one ends the flow item"),
                ));
                Some(done.max(dropped))
            }
            (done, dropped) => done.or(dropped),
        };
        if finished.is_some()
            && !matches!(
                story.status.category,
                crate::work::StatusCategory::Done | crate::work::StatusCategory::Cancelled
            )
        {
            warnings.push(ImportWarning::new(
                Some(id),
                "Status",
                format!(
                    "{status_name:?} is {}, yet Completed or Canceled is filled (reopened?); the flow item enters {status_name:?} then",
                    story.status.category.as_str()
                ),
            ));
        }
        self.check_order(&field, created, started, finished)?;
        describe(&mut story, optional(self.description), warnings);
        story.estimate = self.estimate(&field, &cell, options)?;
        story.parent = optional(self.parent);
        story.labels = optional(self.labels)
            .map(|labels| {
                labels
                    .split(',')
                    .map(str::trim)
                    .filter(|label| !label.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        story.links = self
            .links
            .iter()
            .flat_map(|&(index, kind)| links(cell(index), kind))
            .filter(|link| link.id != id)
            .collect();
        story.created = created.map(|at| at.date());
        story.resolved = finished.map(|at| at.date());
        let tracker = &mut story.tracker;
        tracker.issue_id = optional(self.uuid);
        tracker.priority = optional(self.priority).filter(|name| name != "No priority");
        tracker.assignee = optional(self.assignee);
        tracker.reporter = optional(self.creator);
        tracker.resolution = canceled.map(|_| "Canceled".to_owned());
        tracker.created_at = created;
        tracker.resolved_at = finished;
        tracker.updated_at = date(self.updated)?;
        let cycle = self.cycle(&field, &cell, &date)?;
        if let Some(cycle) = &cycle {
            story.sprint = Some(cycle.name.clone());
            story.tracker.sprints = vec![cycle.name.clone()];
        }
        let project = optional(self.project).map(|name| {
            let id = optional(self.project_id).unwrap_or_else(|| name.clone());
            (id, name)
        });
        crate::tracker::validate_row(&story, &field)?;
        Ok(Row {
            line: record.line,
            story,
            inferred,
            project,
            cycle,
            started,
            finished,
        })
    }

    /// Started, Completed and Canceled come after Created, and the end after Started.
    fn check_order(
        &self,
        field: &str,
        created: Option<NaiveDateTime>,
        started: Option<NaiveDateTime>,
        finished: Option<NaiveDateTime>,
    ) -> Result<()> {
        let before = |later: Option<NaiveDateTime>,
                      name: &str,
                      earlier: Option<NaiveDateTime>,
                      earlier_name: &str| match (later, earlier) {
            (Some(later), Some(earlier)) if later < earlier => Err(Error::invalid(
                field,
                format!("{name} {later} is before {earlier_name} {earlier}"),
            )),
            _ => Ok(()),
        };
        before(started, "Started", created, "Created")?;
        before(finished, "Completed/Canceled", created, "Created")?;
        before(finished, "Completed/Canceled", started, "Started")
    }

    /// The estimate: a number ≥ 0, on the scale when there is one.
    fn estimate<'a>(
        &self,
        field: &str,
        cell: &dyn Fn(usize) -> &'a str,
        options: &LinearCsvImportOptions,
    ) -> Result<Option<f64>> {
        let Some(index) = self.estimate else {
            return Ok(None);
        };
        let text = cell(index);
        if text.is_empty() {
            return Ok(None);
        }
        let points: f64 = text
            .parse()
            .ok()
            .filter(|points: &f64| points.is_finite() && *points >= 0.0)
            .ok_or_else(|| Error::parse(field, format!("Estimate {text:?} is not a number ≥ 0")))?;
        crate::input::points(field, points)?;
        if let Some(scale) = &options.scale {
            scale.check(field, points)?;
        }
        Ok(Some(points))
    }

    /// The issue's cycle as a sprint named "{Team} {Cycle Name}" or "{Team} Cycle {N}".
    fn cycle<'a>(
        &self,
        field: &str,
        cell: &dyn Fn(usize) -> &'a str,
        date: &dyn Fn(Option<usize>) -> Result<Option<NaiveDateTime>>,
    ) -> Result<Option<TrackerSprint>> {
        let text = |index: Option<usize>| index.map(cell).filter(|text| !text.is_empty());
        let number = text(self.cycle_number);
        if let Some(number) = number {
            if !number.chars().all(|ch| ch.is_ascii_digit()) {
                return Err(Error::parse(
                    field,
                    format!("Cycle Number {number:?} is not a whole number"),
                ));
            }
        }
        let name = match (text(self.cycle_name), number) {
            (Some(name), _) => name.to_owned(),
            (None, Some(number)) => format!("Cycle {number}"),
            (None, None) => return Ok(None),
        };
        let name = match text(self.team) {
            Some(team) => format!("{team} {name}"),
            None => name,
        };
        let mut sprint = TrackerSprint::named(&name);
        sprint.id = number.map(str::to_owned);
        sprint.start = date(self.cycle_start)?.map(Moment);
        sprint.end = date(self.cycle_end)?.map(Moment);
        Ok(Some(sprint))
    }
}
