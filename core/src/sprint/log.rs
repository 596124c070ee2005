//! The sprint's record: the commitment snapshot at start, then an append-only event log.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::calendar::WorkCalendar;
use super::sprint::Sprint;
use crate::names::named_enum;
use crate::{input, Error, Result};

named_enum!(
    /// What happened to a sprint item.
    EventKind, "sprint event kind" {
        /// Entered the sprint after it started (scope added), with its `points`.
        Added = "added",
        /// Taken out of the sprint unfinished (scope removed; back to the backlog).
        Removed = "removed",
        /// Its estimate changed to `points`: a scope change, never burn.
        ReEstimated = "re_estimated" | "reestimated",
        /// Met the Definition of Done.
        Completed = "completed" | "done",
        /// Was done, is open again.
        Reopened = "reopened",
        /// Dropped without being finished (won't do). Leaves the scope; never done.
        Cancelled = "cancelled" | "canceled",
        /// Marked, unfinished, to move to the next sprint at close. Changes no number:
        /// the carry-over list is every item still open at close.
        CarriedOver = "carried_over",
    }
);

named_enum!(
    /// What sprint numbers count: story points or items.
    CountBy, "count" {
        /// Story points (an unestimated item counts 0).
        Points = "points",
        /// Items, each counting 1 whatever its estimate.
        Items = "items" | "count",
    }
);

/// One item of the commitment snapshot taken at sprint start.
///
/// JSON form: `{"id": "PAY-7", "points": 5, "carried_in": false}`; `points` may be
/// `null` (unestimated: 0 points, still 1 item) and `carried_in` left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    /// The item's key.
    pub id: String,
    /// Its estimate at sprint start, in points.
    #[serde(default)]
    pub points: Option<f64>,
    /// Whether it spilled over from an earlier sprint (its points are what is left).
    #[serde(default)]
    pub carried_in: bool,
}

/// One entry of the append-only event log.
///
/// JSON form: `{"date": "2026-03-04", "kind": "re_estimated", "id": "C", "points": 8}`.
/// `points` is read for `added` (the estimate it enters with; `null` = unestimated)
/// and `re_estimated` (the new estimate, required), and must be absent otherwise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SprintEvent {
    /// The day it happened (within the sprint).
    pub date: NaiveDate,
    /// What happened.
    pub kind: EventKind,
    /// The item's key.
    pub id: String,
    /// The estimate, for `added` and `re_estimated`.
    #[serde(default)]
    pub points: Option<f64>,
}

/// Everything pmkit needs to report on a sprint: the sprint, the team's calendar, the
/// commitment at start and the events since, oldest first.
///
/// JSON form: `{"sprint": {…}, "calendar": {…}, "commitment": […], "events": […]}`;
/// `calendar` may be left out (Monday to Friday, no holidays), `events` too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SprintLog {
    /// The sprint.
    pub sprint: Sprint,
    /// The team's working days.
    #[serde(default)]
    pub calendar: WorkCalendar,
    /// The items and estimates at sprint start.
    pub commitment: Vec<Commitment>,
    /// What happened since, in date order.
    #[serde(default)]
    pub events: Vec<SprintEvent>,
}

/// Where an item is in the sprint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ItemState {
    Open,
    Done,
    Removed,
    Cancelled,
}

/// An item as the log is replayed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TrackedItem {
    pub id: String,
    /// In the commitment snapshot.
    pub committed: bool,
    /// The estimate at sprint start (committed items), for the say/do ratio.
    pub start_points: f64,
    /// The estimate now.
    pub points: f64,
    pub state: ItemState,
}

impl SprintLog {
    /// A log from its JSON text, checked as [`SprintLog::validate`] checks.
    ///
    /// **Errors**: text that is not a log's JSON shape ([`Error::Parse`] on `text`);
    /// then as [`SprintLog::validate`].
    pub fn from_json(text: &str) -> Result<Self> {
        let log: SprintLog = crate::json::from_str("text", text)?;
        log.validate()?;
        Ok(log)
    }

    /// The log as pretty-printed JSON: the same bytes from Rust, Python and JavaScript.
    pub fn to_json(&self) -> String {
        // Strings, finite numbers and dates only, so this cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Checks the whole log by replaying it.
    ///
    /// **Errors** (fields as in the JSON form): the sprint's own errors (`sprint.end`);
    /// an empty or repeated commitment id, or NaN or negative points
    /// (`commitment[i].id`, `commitment[i].points`); an event dated outside the sprint
    /// ([`Error::OutOfRange`] on `events[i].date`) or before the one above it
    /// (`events[i].date`: the log is append-only); an event on an item that is not in
    /// the sprint, or that its state does not allow (completing a done item, reopening
    /// an open one, adding one already in; `events[i].id`); missing or unexpected
    /// points (`events[i].points`).
    pub fn validate(&self) -> Result<()> {
        self.replay(|_, _, _| {}).map(|_| ())
    }

    /// The commitment as tracked items, checked.
    fn start_items(&self) -> Result<Vec<TrackedItem>> {
        let mut items: Vec<TrackedItem> = Vec::with_capacity(self.commitment.len());
        for (index, item) in self.commitment.iter().enumerate() {
            let field = format!("commitment[{index}]");
            if item.id.trim().is_empty() {
                return Err(Error::invalid(format!("{field}.id"), "is empty"));
            }
            if items.iter().any(|other| other.id == item.id) {
                return Err(Error::invalid(
                    format!("{field}.id"),
                    format!("{:?} appears twice in the commitment", item.id),
                ));
            }
            let points = match item.points {
                Some(points) => input::points(&format!("{field}.points"), points)?,
                None => 0.0,
            };
            items.push(TrackedItem {
                id: item.id.clone(),
                committed: true,
                start_points: points,
                points,
                state: ItemState::Open,
            });
        }
        Ok(items)
    }

    /// Replays the log: checks every event and calls `after` with the event, the item's
    /// points before it (0 for a new item) and the items once it has been applied.
    /// Returns the items at the end.
    pub(crate) fn replay(
        &self,
        mut after: impl FnMut(&SprintEvent, f64, &[TrackedItem]),
    ) -> Result<Vec<TrackedItem>> {
        self.sprint.validate().map_err(|err| err.within("sprint"))?;
        let mut items = self.start_items()?;
        let mut previous: Option<NaiveDate> = None;
        for (index, event) in self.events.iter().enumerate() {
            let field = format!("events[{index}]");
            check_date(&field, event.date, previous, &self.sprint)?;
            previous = Some(event.date);
            let before = apply(&mut items, event).map_err(|err| err.within(&field))?;
            after(event, before, &items);
        }
        Ok(items)
    }
}

fn check_date(
    field: &str,
    date: NaiveDate,
    previous: Option<NaiveDate>,
    sprint: &Sprint,
) -> Result<()> {
    if date < sprint.start || date > sprint.end {
        return Err(Error::out_of_range(
            format!("{field}.date"),
            format!(
                "{date} is outside the sprint ({} to {})",
                sprint.start, sprint.end
            ),
        ));
    }
    if let Some(previous) = previous {
        if date < previous {
            return Err(Error::invalid(
                format!("{field}.date"),
                format!("{date} is before the event above it ({previous}); the log is append-only, oldest first"),
            ));
        }
    }
    Ok(())
}

/// Applies one event and returns the item's points before it (0 for a new item); errors
/// name the event's own fields (`id`, `points`).
fn apply(items: &mut Vec<TrackedItem>, event: &SprintEvent) -> Result<f64> {
    let wants_points = matches!(event.kind, EventKind::Added | EventKind::ReEstimated);
    let points = match (event.points, wants_points) {
        (Some(points), true) => input::points("points", points)?,
        (None, true) if event.kind == EventKind::ReEstimated => {
            return Err(Error::invalid(
                "points",
                "is missing; a re-estimate gives the new estimate",
            ))
        }
        (None, _) => 0.0,
        (Some(_), false) => {
            return Err(Error::invalid(
                "points",
                format!(
                    "is given for a {:?} event, which has no estimate; leave it out",
                    event.kind.as_str()
                ),
            ))
        }
    };
    if event.id.trim().is_empty() {
        return Err(Error::invalid("id", "is empty"));
    }
    let found = items.iter().position(|item| item.id == event.id);
    if event.kind == EventKind::Added {
        match found.and_then(|at| items.get_mut(at)) {
            Some(item) if matches!(item.state, ItemState::Open | ItemState::Done) => {
                return Err(Error::invalid(
                    "id",
                    format!("{:?} is already in the sprint", event.id),
                ))
            }
            // Removed or cancelled earlier, now back: scope added again.
            Some(item) => {
                item.points = points;
                item.state = ItemState::Open;
            }
            None => items.push(TrackedItem {
                id: event.id.clone(),
                committed: false,
                start_points: points,
                points,
                state: ItemState::Open,
            }),
        }
        return Ok(0.0);
    }
    let item = found
        .and_then(|at| items.get_mut(at))
        .filter(|item| matches!(item.state, ItemState::Open | ItemState::Done))
        .ok_or_else(|| {
            Error::invalid(
                "id",
                format!(
                    "{:?} is not in the sprint; add it with an \"added\" event first",
                    event.id
                ),
            )
        })?;
    let (allowed, next) = match event.kind {
        EventKind::Completed => (item.state == ItemState::Open, ItemState::Done),
        EventKind::Reopened => (item.state == ItemState::Done, ItemState::Open),
        EventKind::Removed => (item.state == ItemState::Open, ItemState::Removed),
        EventKind::Cancelled => (item.state == ItemState::Open, ItemState::Cancelled),
        EventKind::CarriedOver => (item.state == ItemState::Open, ItemState::Open),
        // A done item's estimate is history: reopen it before re-estimating.
        EventKind::ReEstimated | EventKind::Added => (item.state == ItemState::Open, item.state),
    };
    if !allowed {
        let now = if item.state == ItemState::Done {
            "done (reopen it first)"
        } else {
            "open"
        };
        return Err(Error::invalid(
            "id",
            format!(
                "{:?} is {now}, so it cannot be {}",
                event.id,
                event.kind.as_str()
            ),
        ));
    }
    let before = item.points;
    if event.kind == EventKind::ReEstimated {
        item.points = points;
    }
    item.state = next;
    Ok(before)
}
