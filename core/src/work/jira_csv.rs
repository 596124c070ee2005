//! Import a Jira CSV export into a [`Backlog`].

use chrono::{NaiveDate, NaiveDateTime};

use super::backlog::Backlog;
use super::csv::{read_records, Record};
use super::estimate::EstimateScale;
use super::status::StatusMap;
use super::story::{Link, LinkKind, Story};
use crate::{Error, Result};

/// Columns read, by Jira's header names (compared without case); others are ignored.
const KEY: &[&str] = &["issue key", "key"];
const SUMMARY: &[&str] = &["summary"];
const STATUS: &[&str] = &["status"];
const ISSUE_TYPE: &[&str] = &["issue type"];
const POINTS: &[&str] = &[
    "story points",
    "custom field (story points)",
    "story point estimate",
    "custom field (story point estimate)",
];
const SPRINT: &[&str] = &["sprint", "custom field (sprint)"];
const CREATED: &[&str] = &["created"];
const RESOLVED: &[&str] = &["resolved"];
const PARENT: &[&str] = &[
    "parent key",
    "parent",
    "parent id",
    "custom field (epic link)",
];
const DESCRIPTION: &[&str] = &["description"];
const LABELS: &[&str] = &["labels"];
const LINKS: &[(&str, LinkKind)] = &[
    ("outward issue link (blocks)", LinkKind::Blocks),
    ("inward issue link (blocks)", LinkKind::BlockedBy),
    ("outward issue link (relates)", LinkKind::RelatesTo),
    ("inward issue link (relates)", LinkKind::RelatesTo),
];

/// A backlog from the text of a Jira CSV export, stories in file order.
///
/// Read columns (header names compared without case; repeated columns such as
/// Labels and Sprint are all read): **Issue key**, **Summary** and **Status**
/// (required); Issue Type; Story Points (or "Custom field (Story Points)", "Story
/// point estimate"); Sprint (the last non-empty one); Created and Resolved (Jira's
/// `12/Jan/24 3:45 PM` or ISO `2024-01-12[ 15:45[:00]]`; the day is kept); Parent
/// (or "Parent key", "Parent id", "Custom field (Epic Link)"); Description; Labels;
/// Inward / Outward issue link (Blocks / Relates). Any other column is ignored.
///
/// Statuses map to categories through `statuses`, which the caller supplies: pmkit
/// does not guess whether "Closed" means done or cancelled. With a `scale`, every
/// story-point value must be a card weight of it.
///
/// The CSV is read per RFC 4180 (quoted fields, doubled quotes, commas and line
/// breaks inside quotes). Nothing is half-imported: the first bad row fails the
/// whole import.
///
/// **Errors** ([`Error::Parse`] on `line N`, the line the row starts on, unless
/// noted): malformed CSV; a missing required column (`line 1`); a row with more or
/// fewer fields than the header; an empty key or summary; a repeated key; a status
/// not in `statuses`; story points that are not a number, or off the scale
/// ([`Error::OutOfRange`]); an unreadable date; resolved before created
/// ([`Error::InvalidInput`]); empty text ([`Error::Undefined`] on `text`).
///
/// ```
/// use pmkit::work::{import_jira_csv, StatusCategory, StatusMap};
///
/// let csv = "Issue key,Summary,Status,Story Points,Created,Resolved,Labels,Labels\n\
///            PAY-1,Save card,Done,3,12/Jan/24 3:45 PM,20/Jan/24 9:00 AM,checkout,web\n\
///            PAY-2,\"Refunds, partial\",Won't Do,,2024-01-15,2024-02-01,,\n";
/// let statuses = StatusMap::from_names([("Done", "done"), ("Won't Do", "cancelled")])?;
/// let backlog = import_jira_csv(csv, &statuses, None)?;
/// assert_eq!(backlog.stories()[0].labels, ["checkout", "web"]);
/// assert_eq!(backlog.stories()[0].created.unwrap().to_string(), "2024-01-12");
/// assert_eq!(backlog.stories()[1].title, "Refunds, partial");
/// assert_eq!(backlog.stories()[1].status.category, StatusCategory::Cancelled);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn import_jira_csv(
    text: &str,
    statuses: &StatusMap,
    scale: Option<&EstimateScale>,
) -> Result<Backlog> {
    let records = read_records(text)?;
    let mut records = records.into_iter();
    let header = records.next().ok_or_else(|| {
        Error::undefined("text", "is empty; a Jira export starts with a header row")
    })?;
    let columns = Columns::new(&header)?;
    let mut stories: Vec<Story> = Vec::new();
    let mut seen = std::collections::HashMap::new();
    for record in records {
        let line = record.line;
        let story = columns.story(&record, statuses, scale)?;
        if let Some(first) = seen.insert(story.id.clone(), line) {
            return Err(Error::parse(
                format!("line {line}"),
                format!(
                    "issue key {:?} is also on line {first}; keys must be unique",
                    story.id
                ),
            ));
        }
        stories.push(story);
    }
    // Each story was checked with its line number above, so this cannot fail on them.
    Backlog::new(stories, scale.cloned())
}

/// Where each read column is in the header.
struct Columns {
    width: usize,
    key: usize,
    summary: usize,
    status: usize,
    issue_type: Option<usize>,
    points: Option<usize>,
    sprints: Vec<usize>,
    created: Option<usize>,
    resolved: Option<usize>,
    parents: Vec<usize>,
    description: Option<usize>,
    labels: Vec<usize>,
    links: Vec<(usize, LinkKind)>,
}

impl Columns {
    fn new(header: &Record) -> Result<Self> {
        let names: Vec<String> = header
            .fields
            .iter()
            .map(|name| name.trim().to_lowercase())
            .collect();
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
        Ok(Columns {
            width: names.len(),
            key: required(KEY, "Issue key")?,
            summary: required(SUMMARY, "Summary")?,
            status: required(STATUS, "Status")?,
            issue_type: first(ISSUE_TYPE),
            points: first(POINTS),
            sprints: all(SPRINT),
            created: first(CREATED),
            resolved: first(RESOLVED),
            parents: all(PARENT),
            description: first(DESCRIPTION),
            labels: all(LABELS),
            links: LINKS
                .iter()
                .flat_map(|&(name, kind)| all(&[name]).into_iter().map(move |index| (index, kind)))
                .collect(),
        })
    }

    fn story(
        &self,
        record: &Record,
        statuses: &StatusMap,
        scale: Option<&EstimateScale>,
    ) -> Result<Story> {
        let field = format!("line {}", record.line);
        if record.fields.len() != self.width {
            return Err(Error::parse(
                &field,
                format!(
                    "has {} fields but the header has {}; check for an unquoted comma or a missing quote",
                    record.fields.len(),
                    self.width
                ),
            ));
        }
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
        let key = cell(self.key);
        if key.is_empty() {
            return Err(Error::parse(&field, "Issue key is empty"));
        }
        let summary = cell(self.summary);
        if summary.is_empty() {
            return Err(Error::parse(&field, format!("Summary of {key} is empty")));
        }
        let mut story =
            Story::new(key, summary).map_err(|err| Error::parse(&field, err.to_string()))?;
        story.status = statuses.status(&field, cell(self.status))?;
        story.issue_type = optional(self.issue_type);
        story.description = optional(self.description);
        story.parent = self
            .parents
            .iter()
            .map(|&index| cell(index))
            .find(|text| !text.is_empty())
            .map(str::to_owned);
        story.sprint = self
            .sprints
            .iter()
            .map(|&index| cell(index))
            .rfind(|text| !text.is_empty())
            .map(str::to_owned);
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
        if let Some(text) = self.points.map(cell).filter(|text| !text.is_empty()) {
            let points: f64 = text
                .parse()
                .ok()
                .filter(|points: &f64| points.is_finite() && *points >= 0.0)
                .ok_or_else(|| {
                    Error::parse(&field, format!("Story Points {text:?} is not a number ≥ 0"))
                })?;
            if let Some(scale) = scale {
                scale.check(&field, points)?;
            }
            story.estimate = Some(points);
        }
        story.created = self
            .created
            .map(cell)
            .filter(|text| !text.is_empty())
            .map(|text| jira_date(&field, "Created", text))
            .transpose()?;
        story.resolved = self
            .resolved
            .map(cell)
            .filter(|text| !text.is_empty())
            .map(|text| jira_date(&field, "Resolved", text))
            .transpose()?;
        story.validate().map_err(|err| match err {
            Error::InvalidInput {
                reason,
                field: name,
            } => Error::invalid(&field, format!("{name} {reason}")),
            other => Error::parse(&field, other.to_string()),
        })?;
        Ok(story)
    }
}

/// The day of a Jira date: `12/Jan/24 3:45 PM`, `12/Jan/2024 15:45`, `12/Jan/24`, or
/// ISO `2024-01-12` with an optional time and offset after it.
fn jira_date(field: &str, column: &str, text: &str) -> Result<NaiveDate> {
    const DATE_TIMES: &[&str] = &[
        "%d/%b/%y %I:%M %p",
        "%d/%b/%Y %I:%M %p",
        "%d/%b/%y %H:%M",
        "%d/%b/%Y %H:%M",
    ];
    const DATES: &[&str] = &["%d/%b/%y", "%d/%b/%Y"];
    let parsed = DATE_TIMES
        .iter()
        .find_map(|format| {
            NaiveDateTime::parse_from_str(text, format)
                .ok()
                .map(|at| at.date())
        })
        .or_else(|| {
            DATES
                .iter()
                .find_map(|format| NaiveDate::parse_from_str(text, format).ok())
        })
        .or_else(|| iso_day(text));
    parsed.ok_or_else(|| {
        Error::parse(
            field,
            format!("{column} {text:?} is not a date; expected Jira's \"12/Jan/24 3:45 PM\" or ISO \"2024-01-12\""),
        )
    })
}

/// The day of an ISO date or date-time: the first ten characters must be `YYYY-MM-DD`
/// and anything after them must start with a space or `T`.
fn iso_day(text: &str) -> Option<NaiveDate> {
    let day = NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()?;
    let rest = text.get(10..)?;
    if rest.is_empty() {
        return Some(day);
    }
    let time = rest.strip_prefix(['T', ' '])?;
    // The time must at least be HH:MM.
    let hm = time.get(..5)?;
    chrono::NaiveTime::parse_from_str(hm, "%H:%M")
        .ok()
        .map(|_| day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::work::{ScalePreset, StatusCategory};
    use crate::ErrorKind;

    fn statuses() -> StatusMap {
        StatusMap::from_names([
            ("To Do", "to_do"),
            ("In Progress", "in_progress"),
            ("Done", "done"),
            ("Won't Do", "cancelled"),
        ])
        .unwrap()
    }

    const HEADER: &str = "Summary,Issue key,Issue id,Issue Type,Status,Custom field (Story Points),Sprint,Sprint,Created,Resolved,Parent,Inward issue link (Blocks),Description\n";

    #[test]
    fn reads_every_column() {
        let csv = format!(
            "{HEADER}\"Export, as CSV\",PAY-7,10007,Story,in progress,5,Sprint 1,Sprint 2,2024-01-12 15:45,,PAY-1,PAY-3,\"Line one\nline two\"\n"
        );
        let backlog = import_jira_csv(
            &csv,
            &statuses(),
            Some(&EstimateScale::preset(ScalePreset::Fibonacci)),
        )
        .unwrap();
        let story = &backlog.stories()[0];
        assert_eq!(story.id, "PAY-7");
        assert_eq!(story.title, "Export, as CSV");
        assert_eq!(story.status.name, "In Progress");
        assert_eq!(story.status.category, StatusCategory::InProgress);
        assert_eq!(story.estimate, Some(5.0));
        assert_eq!(story.sprint.as_deref(), Some("Sprint 2"));
        assert_eq!(story.parent.as_deref(), Some("PAY-1"));
        assert_eq!(story.issue_type.as_deref(), Some("Story"));
        assert_eq!(
            story.links,
            [Link {
                kind: LinkKind::BlockedBy,
                id: "PAY-3".into()
            }]
        );
        assert_eq!(story.description.as_deref(), Some("Line one\nline two"));
        assert_eq!(story.created, NaiveDate::from_ymd_opt(2024, 1, 12));
    }

    #[test]
    fn dates_in_jira_and_iso_forms() {
        let day = NaiveDate::from_ymd_opt(2024, 1, 12);
        for text in [
            "12/Jan/24 3:45 PM",
            "12/jan/2024 11:05 am",
            "12/Jan/24 15:45",
            "12/Jan/24",
            "2024-01-12",
            "2024-01-12T15:45:00.000+0100",
            "2024-01-12 15:45",
        ] {
            assert_eq!(jira_date("line 2", "Created", text).ok(), day, "{text}");
        }
        for text in [
            "2024-13-01",
            "12/Foo/24",
            "yesterday",
            "2024-01-12x",
            "12/Jan/24 25:00",
        ] {
            assert!(jira_date("line 2", "Created", text).is_err(), "{text}");
        }
    }

    #[test]
    fn a_bad_row_fails_the_whole_import_naming_its_line() {
        let good = "PAY-1,S,Done,3\n";
        let cases = [
            (
                "PAY-2,S,Shipped,3\n",
                ErrorKind::Parse,
                "not in the status mapping",
            ),
            ("PAY-2,S,Done,three\n", ErrorKind::Parse, "not a number"),
            (
                "PAY-2,S,Done,4\n",
                ErrorKind::OutOfRange,
                "not on the fibonacci scale",
            ),
            ("PAY-1,S,Done,3\n", ErrorKind::Parse, "also on line 2"),
            ("PAY-2,S,Done\n", ErrorKind::Parse, "3 fields"),
            (",S,Done,3\n", ErrorKind::Parse, "Issue key is empty"),
        ];
        for (row, kind, says) in cases {
            let csv = format!("Issue key,Summary,Status,Story Points\n{good}{row}");
            let err = import_jira_csv(
                &csv,
                &statuses(),
                Some(&EstimateScale::preset(ScalePreset::Fibonacci)),
            )
            .unwrap_err();
            assert_eq!((err.kind(), err.field()), (kind, "line 3"), "{row}");
            assert!(err.reason().contains(says), "{row}: {err}");
        }
    }

    #[test]
    fn header_problems() {
        let err = import_jira_csv("Issue key,Status\nA,Done\n", &statuses(), None).unwrap_err();
        assert_eq!(err.field(), "line 1");
        assert!(err.reason().contains("Summary"));
        assert_eq!(
            import_jira_csv("", &statuses(), None).unwrap_err().kind(),
            ErrorKind::Undefined
        );
        assert!(
            import_jira_csv("Issue key,Summary,Status\n", &statuses(), None)
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn resolved_before_created_is_invalid() {
        let csv = "Issue key,Summary,Status,Created,Resolved\nA,S,Done,2024-02-01,2024-01-01\n";
        let err = import_jira_csv(csv, &statuses(), None).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::InvalidInput, "line 2")
        );
        assert!(err.reason().contains("resolved"));
    }
}
