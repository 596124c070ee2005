//! The inputs of flow metrics: work items with their status history, and the workflow
//! that maps statuses to ordered board columns.

use std::collections::HashMap;
use std::fmt;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{input, Error, Result};

/// A point in time as the tracker wrote it: a calendar date and a wall-clock time.
///
/// Its JSON form is text: `"2026-03-02"` (midnight), `"2026-03-02T09:30:00"`,
/// `"2026-03-02 09:30:00"` or RFC 3339 with an offset (`"2026-03-02T09:30:00+01:00"`,
/// `"…Z"`). An offset is dropped and the wall-clock time kept, as
/// jira-agile-metrics does: the day an item moved is the day its tracker showed.
/// It serializes as `"2026-03-02T09:30:00"`.
///
/// ```
/// use pmkit::flow::Moment;
///
/// let moment = Moment::parse("at", "2026-03-02T23:30:00-05:00")?;
/// assert_eq!(moment.date().to_string(), "2026-03-02");
/// assert_eq!(Moment::parse("at", "2026-03-02")?.to_string(), "2026-03-02T00:00:00");
/// # Ok::<(), pmkit::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Moment(pub NaiveDateTime);

impl Moment {
    /// Midnight at the start of `date`.
    pub fn from_date(date: NaiveDate) -> Self {
        Moment(date.and_time(NaiveTime::MIN))
    }

    /// Reads one of the text forms above; [`Error::Parse`] naming `field` otherwise.
    pub fn parse(field: &str, text: &str) -> Result<Self> {
        let text = text.trim();
        if let Some(moment) = Self::parse_plain(text) {
            return Ok(moment);
        }
        if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return Ok(Moment::from_date(date));
        }
        if let Ok(with_offset) = chrono::DateTime::parse_from_rfc3339(text) {
            return Ok(Moment(with_offset.naive_local()));
        }
        for format in [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%d %H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
        ] {
            if let Ok(naive) = NaiveDateTime::parse_from_str(text, format) {
                return Ok(Moment(naive));
            }
        }
        // Jira writes offsets without a colon ("+0100"), which RFC 3339 does not allow.
        for format in ["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%d %H:%M:%S%.f%z"] {
            if let Ok(with_offset) = chrono::DateTime::parse_from_str(text, format) {
                return Ok(Moment(with_offset.naive_local()));
            }
        }
        Err(Error::parse(
            field,
            format!("{text:?} is not a date (YYYY-MM-DD) or a timestamp (YYYY-MM-DDTHH:MM:SS, optionally with an offset)"),
        ))
    }

    /// The two common forms, `YYYY-MM-DD` and `YYYY-MM-DD[T ]HH:MM:SS`, read digit by
    /// digit: status histories hold millions of them, and chrono's general parser
    /// costs several times more. Anything else (or an impossible date) returns `None`
    /// and goes to the general parser, which reports the error.
    fn parse_plain(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        let number = |range: std::ops::Range<usize>| -> Option<u32> {
            bytes.get(range)?.iter().try_fold(0u32, |total, &byte| {
                byte.is_ascii_digit()
                    .then(|| total * 10 + u32::from(byte - b'0'))
            })
        };
        if bytes.len() != 10 && bytes.len() != 19 {
            return None;
        }
        if bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
            return None;
        }
        let year = i32::try_from(number(0..4)?).ok()?;
        let date = NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)?;
        if bytes.len() == 10 {
            return Some(Moment::from_date(date));
        }
        let separator_ok = matches!(bytes.get(10), Some(b'T' | b' '))
            && bytes.get(13) == Some(&b':')
            && bytes.get(16) == Some(&b':');
        if !separator_ok {
            return None;
        }
        let time = NaiveTime::from_hms_opt(number(11..13)?, number(14..16)?, number(17..19)?)?;
        Some(Moment(date.and_time(time)))
    }

    /// The calendar day.
    pub fn date(self) -> NaiveDate {
        self.0.date()
    }
}

impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%dT%H:%M:%S%.f"))
    }
}

impl Serialize for Moment {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Moment {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        // A visitor rather than `String::deserialize`: no copy of each timestamp's text.
        struct MomentText;
        impl serde::de::Visitor<'_> for MomentText {
            type Value = Moment;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an ISO 8601 date or timestamp")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> std::result::Result<Moment, E> {
                Moment::parse("moment", text).map_err(|err| E::custom(err.reason()))
            }
        }
        deserializer.deserialize_str(MomentText)
    }
}

// The schema the typings generator reads: text (a date or a timestamp).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Moment {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Moment".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A date (\"2026-03-02\") or a timestamp (\"2026-03-02T09:30:00\"; an offset is allowed and the wall-clock time kept).",
        })
    }
}

/// One move of an item from a status to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Transition {
    /// When it moved.
    pub at: Moment,
    /// The status it left; `None` when unknown. The first transition's `from` is the
    /// status the item was created in.
    #[serde(default)]
    pub from: Option<String>,
    /// The status it entered.
    pub to: String,
}

/// A period during which an item was blocked (flagged); `end` is `None` while it still is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Blocked {
    /// When the flag was set.
    pub start: Moment,
    /// When it was cleared; `None` while it is still set.
    #[serde(default)]
    pub end: Option<Moment>,
}

/// A work item (story, bug, task …) and its status history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Item {
    /// Its identifier (`"PROJ-42"`).
    pub key: String,
    /// Its type (`"story"`, `"bug"`), for throughput by type. Empty when unknown.
    #[serde(default)]
    pub item_type: String,
    /// Its size in story points, for counting by points; 0 when unestimated.
    #[serde(default)]
    pub points: f64,
    /// When it was created: the start of its lead time, and the moment it entered
    /// its first status.
    pub created: Moment,
    /// Its current status. Used only for an item without transitions: it has been in
    /// this status since `created` (an item with transitions starts in the first
    /// transition's `from`).
    #[serde(default)]
    pub status: Option<String>,
    /// Its status changes, oldest first.
    #[serde(default)]
    pub transitions: Vec<Transition>,
    /// The periods it was blocked, in any order.
    #[serde(default)]
    pub blocked: Vec<Blocked>,
}

/// A board column: a name and the tracker statuses that map to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Column {
    /// Its name (`"In Progress"`).
    pub name: String,
    /// The statuses shown in it; matched without regard to case.
    pub statuses: Vec<String>,
}

/// The ordered columns of a board, and which of them mark the backlog, the point of
/// commitment (work started) and done, and which statuses mean the work was cancelled.
///
/// Columns before `committed` are the backlog side; `committed` up to (not including)
/// `done` are work in progress; `done` and any columns after it are finished.
/// jira-agile-metrics' defaults are the first, second and last columns.
///
/// `cancelled` names the statuses of withdrawn work ("Won't Do", "Cancelled"), or a
/// column holding them: an item whose latest status is one of them is cancelled, not
/// finished and not in progress (see [`item_timelines`](super::item_timelines)). A
/// column named there is not a column of the board: the other three markers cannot
/// name it, and the cumulative flow has no band for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Workflow {
    /// The columns, left (backlog) to right (done).
    pub columns: Vec<Column>,
    /// The backlog column's name.
    pub backlog: String,
    /// The name of the first column of work in progress: cycle time starts here.
    pub committed: String,
    /// The name of the first finished column: cycle and lead time end here.
    pub done: String,
    /// Statuses that mean the item was withdrawn ("Won't Do"), or the name of a column
    /// holding such statuses; matched without regard to case. Empty by default.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cancelled: Vec<String>,
}

/// Where a status puts an item: a board column (by index), or out of the flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// The column at this index of the board (cancelled columns left out).
    Column(usize),
    /// A cancelled status: the item was withdrawn.
    Cancelled,
}

/// A validated workflow: column positions and a status → column lookup.
#[derive(Debug, Clone)]
pub(crate) struct Board {
    pub names: Vec<String>,
    pub backlog: usize,
    pub committed: usize,
    pub done: usize,
    /// (status, place), scanned in order: boards have a few dozen statuses at most,
    /// where comparing strings beats hashing them.
    exact: Vec<(String, Place)>,
    folded: HashMap<String, Place>,
}

impl Board {
    pub fn new(workflow: &Workflow) -> Result<Self> {
        // A `cancelled` entry naming a column makes that whole column cancelled.
        let cancelled_column = |column: &Column| workflow.cancelled.contains(&column.name);
        let board_columns = workflow
            .columns
            .iter()
            .filter(|column| !cancelled_column(column))
            .count();
        if board_columns < 3 {
            return Err(Error::invalid(
                "workflow.columns",
                format!(
                    "has {board_columns} columns besides cancelled ones; a workflow needs at least a backlog, a work-in-progress and a done column"
                ),
            ));
        }
        let mut exact = Vec::new();
        let mut folded = HashMap::new();
        let mut names = Vec::with_capacity(board_columns);
        let mut seen = Vec::with_capacity(workflow.columns.len());
        for (index, column) in workflow.columns.iter().enumerate() {
            let field = format!("workflow.columns[{index}]");
            if column.name.trim().is_empty() {
                return Err(Error::invalid(format!("{field}.name"), "is empty"));
            }
            if seen.contains(&&column.name) {
                return Err(Error::invalid(
                    format!("{field}.name"),
                    format!(
                        "{:?} names an earlier column too; names must be unique",
                        column.name
                    ),
                ));
            }
            seen.push(&column.name);
            input::non_empty(&format!("{field}.statuses"), &column.statuses)?;
            let place = if cancelled_column(column) {
                Place::Cancelled
            } else {
                Place::Column(names.len())
            };
            for (position, status) in column.statuses.iter().enumerate() {
                let key = status.to_lowercase();
                if folded.insert(key, place).is_some() {
                    return Err(Error::invalid(
                        format!("{field}.statuses[{position}]"),
                        format!("{status:?} is mapped to another column too; a status belongs to one column"),
                    ));
                }
                exact.push((status.clone(), place));
            }
            if place != Place::Cancelled {
                names.push(column.name.clone());
            }
        }
        for (position, status) in workflow.cancelled.iter().enumerate() {
            if seen.contains(&status) {
                continue; // a cancelled column, read above
            }
            if status.trim().is_empty() {
                return Err(Error::invalid(
                    format!("workflow.cancelled[{position}]"),
                    "is empty",
                ));
            }
            match folded.insert(status.to_lowercase(), Place::Cancelled) {
                None | Some(Place::Cancelled) => exact.push((status.clone(), Place::Cancelled)),
                Some(Place::Column(column)) => {
                    let name = names.get(column).cloned().unwrap_or_default();
                    return Err(Error::invalid(
                        format!("workflow.cancelled[{position}]"),
                        format!("{status:?} is mapped to the column {name:?} too; a cancelled status belongs to no column"),
                    ));
                }
            }
        }
        let position = |field: &str, name: &str| {
            names.iter().position(|n| n == name).ok_or_else(|| {
                Error::invalid(
                    field,
                    format!("{name:?} is not one of the columns {names:?}"),
                )
            })
        };
        let backlog = position("workflow.backlog", &workflow.backlog)?;
        let committed = position("workflow.committed", &workflow.committed)?;
        let done = position("workflow.done", &workflow.done)?;
        if committed <= backlog {
            return Err(Error::invalid(
                "workflow.committed",
                format!(
                    "{:?} must come after the backlog column {:?}",
                    workflow.committed, workflow.backlog
                ),
            ));
        }
        if done <= committed {
            return Err(Error::invalid(
                "workflow.done",
                format!(
                    "{:?} must come after the committed column {:?}",
                    workflow.done, workflow.committed
                ),
            ));
        }
        Ok(Board {
            names,
            backlog,
            committed,
            done,
            exact,
            folded,
        })
    }

    /// Where a status puts an item, ignoring case; `None` for an unmapped status.
    pub fn place_of(&self, status: &str) -> Option<Place> {
        // The exact lookup spares a lowercase copy for the usual, well-cased status.
        self.exact
            .iter()
            .find(|(name, _)| name == status)
            .map(|(_, place)| *place)
            .or_else(|| self.folded.get(&status.to_lowercase()).copied())
    }

    /// Columns whose time does not count as blocked time: the backlog side and done.
    pub fn outside_work(&self, column: usize) -> bool {
        column < self.committed || column >= self.done
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn column(name: &str, statuses: &[&str]) -> Column {
        Column {
            name: name.into(),
            statuses: statuses.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn workflow() -> Workflow {
        Workflow {
            columns: vec![
                column("Backlog", &["Backlog", "To Do"]),
                column("Doing", &["In Progress"]),
                column("Done", &["Done", "Closed"]),
            ],
            backlog: "Backlog".into(),
            committed: "Doing".into(),
            done: "Done".into(),
            cancelled: vec![],
        }
    }

    #[test]
    fn cancelled_statuses_and_columns_leave_the_board() {
        let mut wf = workflow();
        wf.cancelled = vec!["Won't Do".into()];
        let board = Board::new(&wf).unwrap();
        assert_eq!(board.place_of("won't do"), Some(Place::Cancelled));
        assert_eq!(board.names.len(), 3);
        // A column named in `cancelled`: its statuses are cancelled, and it is no band.
        let mut wf = workflow();
        wf.columns
            .push(column("Withdrawn", &["Cancelled", "Duplicate"]));
        wf.cancelled = vec!["Withdrawn".into(), "Rejected".into()];
        let board = Board::new(&wf).unwrap();
        assert_eq!(board.names, ["Backlog", "Doing", "Done"]);
        for status in ["DUPLICATE", "Rejected", "cancelled"] {
            assert_eq!(board.place_of(status), Some(Place::Cancelled), "{status}");
        }
        // A cancelled status that a column maps too is ambiguous.
        let mut wf = workflow();
        wf.cancelled = vec!["closed".into()];
        let err = Board::new(&wf).unwrap_err();
        assert_eq!(err.field(), "workflow.cancelled[0]");
        assert!(err.reason().contains("\"Done\""), "{err}");
        // The done marker cannot name a cancelled column.
        let mut wf = workflow();
        wf.cancelled = vec!["Done".into()];
        assert_eq!(Board::new(&wf).unwrap_err().field(), "workflow.columns");
    }

    #[test]
    fn statuses_match_without_case() {
        let board = Board::new(&workflow()).unwrap();
        assert_eq!(board.place_of("in progress"), Some(Place::Column(1)));
        assert_eq!(board.place_of("CLOSED"), Some(Place::Column(2)));
        assert_eq!(board.place_of("Cancelled"), None);
        assert!(board.outside_work(0) && !board.outside_work(1) && board.outside_work(2));
    }

    #[test]
    fn bad_workflows_name_the_field() {
        let mut wf = workflow();
        wf.done = "Doing".into();
        assert_eq!(Board::new(&wf).unwrap_err().field(), "workflow.done");
        let mut wf = workflow();
        wf.committed = "Nope".into();
        assert_eq!(Board::new(&wf).unwrap_err().field(), "workflow.committed");
        let mut wf = workflow();
        wf.columns[2].statuses.push("in progress".into());
        let err = Board::new(&wf).unwrap_err();
        assert_eq!(err.field(), "workflow.columns[2].statuses[2]");
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        let mut wf = workflow();
        wf.columns.pop();
        assert_eq!(Board::new(&wf).unwrap_err().field(), "workflow.columns");
    }

    #[test]
    fn moments_read_every_form() {
        for text in [
            "2026-03-02",
            "2026-03-02T10:00:00",
            "2026-03-02 10:00:00.250",
            "2026-03-02T10:00:00Z",
            "2026-03-02T10:00:00.000+0100",
        ] {
            assert_eq!(
                Moment::parse("at", text).unwrap().date().to_string(),
                "2026-03-02"
            );
        }
        let err = Moment::parse("at", "02/03/2026").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Parse);
        // The fast path and chrono agree, and impossible dates still fail.
        let fast = Moment::parse("at", "2026-03-02 23:59:58").unwrap();
        assert_eq!(fast.to_string(), "2026-03-02T23:59:58");
        assert!(Moment::parse("at", "2026-02-30").is_err());
        assert!(Moment::parse("at", "2026-03-02T24:00:00").is_err());
        assert!(Moment::parse("at", "2026-03-0xT10:00:00").is_err());
        let json =
            serde_json::to_string(&Moment::parse("at", "2026-03-02T10:00:00+05:00").unwrap());
        assert_eq!(json.unwrap(), "\"2026-03-02T10:00:00\"");
    }
}
