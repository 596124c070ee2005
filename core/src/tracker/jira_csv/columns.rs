//! Where each column of a Jira CSV export is, and one row read into a story.

use super::super::jira_dates::DateReader;
use super::JiraCsvImportOptions;
use crate::tracker::ImportWarning;
use crate::work::csv::Record;
use crate::work::{Link, LinkKind, StatusMap, Story};
use crate::{Error, Result};

/// Header names read (compared without case, after undoing pandas' `Sprint.1` and
/// polars' `Sprint_duplicated_0` renames); every other column is ignored.
const KEY: &[&str] = &["issue key", "key"];
const SUMMARY: &[&str] = &["summary"];
const STATUS: &[&str] = &["status"];
const ISSUE_ID: &[&str] = &["issue id"];
const ISSUE_TYPE: &[&str] = &["issue type"];
/// Story-point columns in the order they win: company-managed projects' field, then
/// team-managed projects' (Atlassian: "Story points and story point estimate fields").
const POINTS: &[&str] = &[
    "custom field (story points)",
    "story points",
    "custom field (story point estimate)",
    "story point estimate",
];
const SPRINT: &[&str] = &["sprint", "custom field (sprint)"];
const CREATED: &[&str] = &["created"];
const RESOLVED: &[&str] = &["resolved"];
const UPDATED: &[&str] = &["updated"];
/// Parent columns in the order they win: a direct parent (a sub-task's story, a
/// story's epic in new Jira) before the older Epic Link field.
const PARENT: &[&str] = &[
    "parent key",
    "parent",
    "parent id",
    "custom field (epic link)",
];
const DESCRIPTION: &[&str] = &["description"];
const LABELS: &[&str] = &["labels"];
const PRIORITY: &[&str] = &["priority"];
const ASSIGNEE: &[&str] = &["assignee"];
const REPORTER: &[&str] = &["reporter"];
const RESOLUTION: &[&str] = &["resolution"];
const COMPONENTS: &[&str] = &["components", "component/s"];
const FIX_VERSIONS: &[&str] = &["fix versions", "fix version/s"];
const WATCHERS: &[&str] = &["watchers"];
const ATTACHMENTS: &[&str] = &["attachment", "attachments"];
const LINKS: &[(&str, LinkKind)] = &[
    ("outward issue link (blocks)", LinkKind::Blocks),
    ("inward issue link (blocks)", LinkKind::BlockedBy),
    ("outward issue link (relates)", LinkKind::RelatesTo),
    ("inward issue link (relates)", LinkKind::RelatesTo),
];

/// A header name as compared: trimmed, lowercased, and with a dataframe's rename of
/// a repeated column undone (`Sprint.1`, `Sprint_duplicated_0` → `sprint`) when the
/// bare name is in the header too, which is how pandas and polars rename.
fn base_names(header: &[String]) -> Vec<String> {
    let names: Vec<String> = header
        .iter()
        .map(|name| name.trim().to_lowercase())
        .collect();
    names
        .iter()
        .map(|name| {
            let renamed = name
                .rsplit_once('.')
                .filter(|(_, n)| !n.is_empty() && n.chars().all(|ch| ch.is_ascii_digit()))
                .or_else(|| {
                    name.rsplit_once("_duplicated_")
                        .filter(|(_, n)| !n.is_empty() && n.chars().all(|ch| ch.is_ascii_digit()))
                })
                .map(|(base, _)| base);
            match renamed {
                Some(base) if names.iter().any(|other| other == base) => base.to_owned(),
                _ => name.clone(),
            }
        })
        .collect()
}

/// Where each read column is in the header.
pub(super) struct Columns {
    pub width: usize,
    /// The header as written, for warnings.
    shown: Vec<String>,
    key: usize,
    summary: usize,
    status: usize,
    issue_id: Option<usize>,
    issue_type: Option<usize>,
    points: Vec<usize>,
    sprints: Vec<usize>,
    pub created: Option<usize>,
    pub resolved: Option<usize>,
    pub updated: Option<usize>,
    parents: Vec<usize>,
    description: Option<usize>,
    labels: Vec<usize>,
    priority: Option<usize>,
    assignee: Option<usize>,
    reporter: Option<usize>,
    resolution: Option<usize>,
    components: Vec<usize>,
    fix_versions: Vec<usize>,
    watchers: Vec<usize>,
    attachments: Vec<usize>,
    links: Vec<(usize, LinkKind)>,
}

/// One row read: the story, its parent as written (an id or a key, resolved once
/// every row is read) and its warnings.
pub(super) struct Row {
    pub line: usize,
    pub story: Story,
    pub parent: Option<String>,
    pub warnings: Vec<ImportWarning>,
}

impl Columns {
    pub fn new(header: &Record, options: &JiraCsvImportOptions) -> Result<Self> {
        let names = base_names(&header.fields);
        let all = |wanted: &[&str]| -> Vec<usize> {
            // In the order of `wanted` (preference), then of the header.
            wanted
                .iter()
                .flat_map(|want| {
                    names
                        .iter()
                        .enumerate()
                        .filter(move |(_, name)| name == want)
                        .map(|(index, _)| index)
                })
                .collect()
        };
        let first = |wanted: &[&str]| all(wanted).first().copied();
        let required = |wanted: &[&str], shown: &str| {
            first(wanted).ok_or_else(|| {
                Error::parse(
                    format!("line {}", header.line),
                    format!("no {shown:?} column; a Jira export has Issue key, Summary and Status columns"),
                )
            })
        };
        // The caller's story-point columns first, then Jira's, then any other header
        // that names story points ("Custom field (Story Points (old))").
        let declared: Vec<String> = options
            .points_fields
            .iter()
            .map(|name| name.trim().to_lowercase())
            .collect();
        let declared: Vec<&str> = declared.iter().map(String::as_str).collect();
        let mut points = all(&declared);
        for index in all(POINTS).into_iter().chain(
            names
                .iter()
                .enumerate()
                .filter(|(_, name)| name.contains("story point"))
                .map(|(index, _)| index),
        ) {
            if !points.contains(&index) {
                points.push(index);
            }
        }
        Ok(Columns {
            width: names.len(),
            shown: header
                .fields
                .iter()
                .map(|name| name.trim().to_owned())
                .collect(),
            key: required(KEY, "Issue key")?,
            summary: required(SUMMARY, "Summary")?,
            status: required(STATUS, "Status")?,
            issue_id: first(ISSUE_ID),
            issue_type: first(ISSUE_TYPE),
            points,
            sprints: all(SPRINT),
            created: first(CREATED),
            resolved: first(RESOLVED),
            updated: first(UPDATED),
            parents: all(PARENT),
            description: first(DESCRIPTION),
            labels: all(LABELS),
            priority: first(PRIORITY),
            assignee: first(ASSIGNEE),
            reporter: first(REPORTER),
            resolution: first(RESOLUTION),
            components: all(COMPONENTS),
            fix_versions: all(FIX_VERSIONS),
            watchers: all(WATCHERS),
            attachments: all(ATTACHMENTS),
            links: LINKS
                .iter()
                .flat_map(|&(name, kind)| all(&[name]).into_iter().map(move |index| (index, kind)))
                .collect(),
        })
    }

    /// The header names of the columns not read (each name once, in header order).
    pub fn unread(&self) -> Vec<String> {
        let used: std::collections::HashSet<usize> = [self.key, self.summary, self.status]
            .into_iter()
            .chain(
                [
                    self.issue_id,
                    self.issue_type,
                    self.created,
                    self.resolved,
                    self.updated,
                    self.description,
                    self.priority,
                    self.assignee,
                    self.reporter,
                    self.resolution,
                ]
                .into_iter()
                .flatten(),
            )
            .chain(
                [
                    &self.points,
                    &self.sprints,
                    &self.parents,
                    &self.labels,
                    &self.components,
                    &self.fix_versions,
                    &self.watchers,
                    &self.attachments,
                ]
                .into_iter()
                .flatten()
                .copied(),
            )
            .chain(self.links.iter().map(|&(index, _)| index))
            .collect();
        let mut unread: Vec<String> = Vec::new();
        for (index, name) in self.shown.iter().enumerate() {
            if !used.contains(&index) && !unread.contains(name) {
                unread.push(name.clone());
            }
        }
        unread
    }

    /// The header name of column `index` as written.
    fn shown(&self, index: usize) -> &str {
        self.shown.get(index).map(String::as_str).unwrap_or("")
    }

    /// The date cells of `record` (for deciding the file's numeric date order).
    pub fn date_cells<'a>(&self, record: &'a Record) -> impl Iterator<Item = &'a str> {
        [self.created, self.resolved, self.updated]
            .into_iter()
            .flatten()
            .filter_map(|index| record.fields.get(index).map(|text| text.trim()))
            .filter(|text| !text.is_empty())
    }

    /// Checks that `record` has as many fields as the header.
    pub fn check_width(&self, record: &Record) -> Result<()> {
        if record.fields.len() == self.width {
            return Ok(());
        }
        Err(Error::parse(
            format!("line {}", record.line),
            format!(
                "has {} fields but the header has {}; check for an unquoted comma or a missing quote",
                record.fields.len(),
                self.width
            ),
        ))
    }

    pub fn row(
        &self,
        record: &Record,
        statuses: &StatusMap,
        options: &JiraCsvImportOptions,
        dates: &DateReader,
    ) -> Result<Row> {
        let field = format!("line {}", record.line);
        let cell = |index: usize| {
            record
                .fields
                .get(index)
                .map(|text| text.trim())
                .unwrap_or("")
        };
        let optional = |index: Option<usize>| {
            index
                .map(cell)
                .filter(|text| !text.is_empty())
                .map(str::to_owned)
        };
        let every = |indexes: &[usize]| -> Vec<String> {
            indexes
                .iter()
                .map(|&index| cell(index))
                .filter(|text| !text.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let key = cell(self.key);
        if key.is_empty() {
            return Err(Error::parse(&field, "Issue key is empty"));
        }
        let summary = cell(self.summary);
        if summary.is_empty() {
            return Err(Error::parse(&field, format!("Summary of {key} is empty")));
        }
        let mut warnings = Vec::new();
        let mut story =
            Story::new(key, summary).map_err(|err| Error::parse(&field, err.to_string()))?;
        story.status = statuses.status(&field, cell(self.status))?;
        story.issue_type = optional(self.issue_type);
        crate::tracker::describe(&mut story, optional(self.description), &mut warnings);
        let parent = self
            .parents
            .iter()
            .map(|&index| cell(index))
            .find(|text| !text.is_empty());
        let tracker = &mut story.tracker;
        tracker.issue_id = optional(self.issue_id).map(|id| whole_number_text(&id));
        tracker.sprints = every(&self.sprints);
        story.sprint = tracker.sprints.last().cloned();
        tracker.priority = optional(self.priority);
        tracker.assignee = optional(self.assignee);
        tracker.reporter = optional(self.reporter);
        tracker.resolution = optional(self.resolution);
        tracker.components = every(&self.components);
        tracker.fix_versions = every(&self.fix_versions);
        tracker.watchers = every(&self.watchers);
        tracker.attachments = every(&self.attachments);
        story.labels = self
            .labels
            .iter()
            .flat_map(|&index| cell(index).split_whitespace())
            .map(str::to_owned)
            .collect();
        story.links = self
            .links
            .iter()
            .filter(|&&(index, _)| !cell(index).is_empty())
            .map(|&(index, kind)| Link {
                kind,
                id: cell(index).to_owned(),
            })
            .collect();
        story.estimate = self.points(&field, key, &cell, options, &mut warnings)?;
        // (the moment, whether the text gave a time of day)
        let date = |index: Option<usize>, column: &str| {
            index
                .map(cell)
                .filter(|text| !text.is_empty())
                .map(|text| {
                    dates
                        .read(&field, column, text)
                        .map(|at| (at, text.contains(':')))
                })
                .transpose()
        };
        // A time of day is kept in `tracker` only when the export wrote one.
        let timed = |read: Option<(chrono::NaiveDateTime, bool)>| {
            read.filter(|(_, timed)| *timed).map(|(at, _)| at)
        };
        let created = date(self.created, "Created")?;
        let resolved = date(self.resolved, "Resolved")?;
        story.created = created.map(|(at, _)| at.date());
        story.resolved = resolved.map(|(at, _)| at.date());
        story.tracker.created_at = timed(created);
        story.tracker.resolved_at = timed(resolved);
        story.tracker.updated_at = date(self.updated, "Updated")?.map(|(at, _)| at);
        crate::tracker::validate_row(&story, &field)?;
        Ok(Row {
            line: record.line,
            story,
            parent: parent.map(str::to_owned),
            warnings,
        })
    }

    /// The story points: the first filled story-point column, each checked; a later
    /// filled column that disagrees is a warning naming the one kept.
    fn points<'a>(
        &self,
        field: &str,
        key: &str,
        cell: &dyn Fn(usize) -> &'a str,
        options: &JiraCsvImportOptions,
        warnings: &mut Vec<ImportWarning>,
    ) -> Result<Option<f64>> {
        let mut kept: Option<(f64, usize)> = None;
        for &index in &self.points {
            let text = cell(index);
            if text.is_empty() {
                continue;
            }
            let column = self.shown(index);
            let points: f64 = text
                .parse()
                .ok()
                .filter(|points: &f64| points.is_finite() && *points >= 0.0)
                .ok_or_else(|| {
                    Error::parse(field, format!("{column} {text:?} is not a number ≥ 0"))
                })?;
            if let Some(scale) = &options.scale {
                scale.check(field, points)?;
            }
            match kept {
                None => kept = Some((points, index)),
                Some((first, at)) if first != points => warnings.push(ImportWarning::new(
                    Some(key),
                    column,
                    format!(
                        "{points} differs from {} {first}; kept {first}",
                        self.shown(at)
                    ),
                )),
                Some(_) => {}
            }
        }
        Ok(kept.map(|(points, _)| points))
    }
}

/// `"10001.0"` (a pandas float column) → `"10001"`; other text unchanged.
pub(super) fn whole_number_text(text: &str) -> String {
    match text.strip_suffix(".0") {
        Some(whole) if !whole.is_empty() && whole.chars().all(|ch| ch.is_ascii_digit()) => {
            whole.to_owned()
        }
        _ => text.to_owned(),
    }
}
