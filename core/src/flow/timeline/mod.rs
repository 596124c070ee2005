//! Per item: when it entered each column, its cycle time, lead time and blocked days.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::model::{Board, Item, Moment, Place, Workflow};
use super::options::{TimelinesOptions, Unmapped};
use crate::{input, Error, Result};

/// How a span between two moments becomes a number of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Counting {
    /// Whole calendar days between the two dates: an item started and finished on the
    /// same day took 0 days. jira-agile-metrics' rule (the default).
    #[default]
    Elapsed,
    /// Calendar days counting both ends: the same day is 1 day. The convention of
    /// Kanban guides and ActionableAgile (Vacanti, *Actionable Agile Metrics for
    /// Predictability*, 2015), which avoids zero-day cycle times.
    Inclusive,
    /// Exact time between the two timestamps, in fractional days (86,400 s a day).
    Exact,
}

impl Counting {
    /// Reads `"elapsed"`, `"inclusive"` or `"exact"`; [`Error::Parse`] naming `field` otherwise.
    pub fn parse(field: &str, text: &str) -> Result<Self> {
        match text {
            "elapsed" => Ok(Counting::Elapsed),
            "inclusive" => Ok(Counting::Inclusive),
            "exact" => Ok(Counting::Exact),
            _ => Err(Error::parse(
                field,
                format!("{text:?} is not one of \"elapsed\", \"inclusive\", \"exact\""),
            )),
        }
    }

    /// Days from `from` to `to` by this rule.
    pub(crate) fn days(self, from: Moment, to: Moment) -> f64 {
        match self {
            Counting::Elapsed => (to.date() - from.date()).num_days() as f64,
            Counting::Inclusive => (to.date() - from.date()).num_days() as f64 + 1.0,
            Counting::Exact => (to.0 - from.0).num_milliseconds() as f64 / 86_400_000.0,
        }
    }
}

/// One item's path through the workflow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ItemTimeline {
    /// The item's key.
    pub key: String,
    /// The item's type.
    pub item_type: String,
    /// The item's points.
    pub points: f64,
    /// When it first entered each column (one entry per workflow column, in order), or
    /// `None`. A move back to an earlier column clears the later columns' entries, so
    /// the entries never go back in time from left to right.
    pub entered: Vec<Option<Moment>>,
    /// The day work started: the first entry among the columns from `committed` up to
    /// `done`. `None` if it never started (or went straight to done).
    pub committed_on: Option<NaiveDate>,
    /// The day it finished: the first entry among `done` and later columns.
    pub done_on: Option<NaiveDate>,
    /// Days from committed to done, by the chosen [`Counting`]; `None` unless both exist.
    pub cycle_time: Option<f64>,
    /// Days from created to done, by the chosen [`Counting`]; `None` until done.
    pub lead_time: Option<f64>,
    /// Days blocked while in progress (flags set in a backlog or done column do not
    /// count); a flag still set runs to the done moment, or to `today` if not done.
    pub blocked_days: f64,
    /// The column of its latest mapped status; `None` if no status was ever mapped,
    /// or if the item is cancelled.
    pub column: Option<String>,
    /// The day it was cancelled: its latest status is one of the workflow's
    /// `cancelled` statuses, entered on that day. A cancelled item has no done day,
    /// cycle time or lead time, is not in progress, and leaves the cumulative flow's
    /// bands on this day. `None` for an item that is not cancelled.
    #[serde(default)]
    pub cancelled_on: Option<NaiveDate>,
    /// The column a cancelled item was in when it was cancelled (jira-agile-metrics
    /// groups waste by it); `None` if it was in none, or is not cancelled.
    #[serde(default)]
    pub cancelled_from: Option<String>,
}

impl ItemTimeline {
    /// Whether it was cancelled after work on it started: jira-agile-metrics' waste.
    pub fn wasted(&self) -> bool {
        self.cancelled_on.is_some() && self.committed_on.is_some()
    }
}

/// The result of [`item_timelines`]: every item's timeline and the workflow's shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Timelines {
    /// The column names, in workflow order.
    pub columns: Vec<String>,
    /// Index of the backlog column.
    pub backlog: usize,
    /// Index of the committed column.
    pub committed: usize,
    /// Index of the done column.
    pub done: usize,
    /// The day the data was read (ages and open flags run to it).
    pub today: NaiveDate,
    /// How spans were counted.
    pub counting: Counting,
    /// One timeline per input item, in input order.
    pub items: Vec<ItemTimeline>,
    /// Statuses found in transitions but in no column, sorted (only with
    /// `unmapped="ignore"`; otherwise such a status is an error). Moves to them are
    /// ignored (the item stays where it was), as in jira-agile-metrics.
    pub unmapped_statuses: Vec<String>,
}

impl Timelines {
    /// Checks a value that may have come from outside (JSON): every index in range.
    pub(crate) fn check(&self) -> Result<()> {
        let columns = self.columns.len();
        if !(self.backlog < self.committed && self.committed < self.done && self.done < columns) {
            return Err(Error::invalid(
                "timelines",
                format!(
                    "backlog {}, committed {} and done {} must be increasing column indices below {columns}",
                    self.backlog, self.committed, self.done
                ),
            ));
        }
        for (index, item) in self.items.iter().enumerate() {
            if item.entered.len() != columns {
                return Err(Error::invalid(
                    format!("timelines.items[{index}].entered"),
                    format!("has {} entries for {columns} columns", item.entered.len()),
                ));
            }
            // Checked before naming the field: this runs on every item of every call.
            if !(item.points.is_finite() && item.points >= 0.0) {
                input::non_negative(&format!("timelines.items[{index}].points"), item.points)?;
            }
            if let (Some(cancelled), Some(done)) = (item.cancelled_on, item.done_on) {
                return Err(Error::invalid(
                    format!("timelines.items[{index}].cancelled_on"),
                    format!("is {cancelled} but the item is also done (on {done}); a cancelled item is not done"),
                ));
            }
        }
        Ok(())
    }
}

/// Each item's entry date into every column, cycle time, lead time, blocked days and
/// current column, from its status history, read at the end of `today`.
///
/// **Rules** (those of jira-agile-metrics' `CycleTimeCalculator`): an item sits in the
/// first transition's `from` status from `created` on; each transition to a mapped
/// status records the first time the item entered that column and clears the entries
/// of every later column (a move backwards). Cycle time runs from the first entry
/// among the committed..done columns to the first entry among done and later columns;
/// lead time from `created` to that done entry. Both are in days by `counting`
/// ([`Counting::Elapsed`] is jira-agile-metrics' rule: same day = 0).
///
/// **Cancelled work**: an item whose latest status is one of the workflow's
/// `cancelled` statuses is cancelled from the first of its last run of moves to them
/// (`cancelled_on`, and the column it left in `cancelled_from`): it has no done day,
/// cycle time or lead time, and leaves WIP, ageing WIP, throughput and the cumulative
/// flow's bands, which count it apart ([`cancelled_work`](super::cancelled_work),
/// [`CumulativeFlow::cancelled`](super::CumulativeFlow::cancelled)). A move out of a
/// cancelled status (reopened) makes it an ordinary item again. This is
/// jira-agile-metrics' "waste", counted on the same board.
///
/// **Unmapped statuses**: with `unmapped` = [`Unmapped::Error`] (the default) a status
/// in no column and not cancelled is an error naming it; with [`Unmapped::Ignore`]
/// moves to it are ignored (the item stays where it was, as in jira-agile-metrics) and
/// it is listed in `unmapped_statuses`. `options` is a [`TimelinesOptions`] or just a
/// [`Counting`] (the rest at their defaults).
///
/// **Errors**: a workflow whose columns or markers are inconsistent; an unmapped status
/// (unless ignored); a creation, transition or flag after `today` (`"2026-03-02 is
/// after today (2026-03-01)"`, as backlog health says it); transitions out of time
/// order or before `created`; negative or NaN points; a blocked period ending before
/// it starts — each naming the field (`items[3].transitions[1].at`).
///
/// **Source**: jira-agile-metrics 0.24, `calculators/cycletime.py` and
/// `calculators/waste.py`; Vacanti, *Actionable Agile Metrics for Predictability*
/// (2015), ch. 2–3.
///
/// ```
/// use pmkit::flow::{item_timelines, sample_workflow, Counting, Item, Moment, Transition};
///
/// let at = |text: &str| Moment::parse("at", text).unwrap();
/// let move_to = |day: &str, from: &str, to: &str| Transition {
///     at: at(day), from: Some(from.into()), to: to.into(),
/// };
/// let item = Item {
///     key: "A-1".into(), item_type: "story".into(), points: 3.0,
///     created: at("2026-03-02"), status: None, blocked: vec![],
///     transitions: vec![
///         move_to("2026-03-03T09:00:00", "Backlog", "In Progress"),
///         move_to("2026-03-05T16:00:00", "In Progress", "Review"),
///         move_to("2026-03-06T11:00:00", "Review", "Done"),
///     ],
/// };
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
/// let timelines = item_timelines(&[item], &sample_workflow(), today, Counting::Elapsed)?;
/// let timeline = &timelines.items[0];
/// assert_eq!(timeline.cycle_time, Some(3.0)); // 3 March → 6 March
/// assert_eq!(timeline.lead_time, Some(4.0)); // 2 March → 6 March
/// assert_eq!(timeline.column.as_deref(), Some("Done"));
/// # Ok::<(), pmkit::Error>(())
/// ```
///
/// A cancelled item, an unknown status and a move after `today`:
///
/// ```
/// use pmkit::flow::{item_timelines, sample_workflow, Item, Moment, TimelinesOptions, Transition, Unmapped};
///
/// let at = |text: &str| Moment::parse("at", text).unwrap();
/// let item = |moves: &[(&str, &str)]| Item {
///     key: "A-2".into(), item_type: "story".into(), points: 1.0,
///     created: at("2026-03-02"), status: None, blocked: vec![],
///     transitions: moves.iter().enumerate().map(|(i, (day, to))| Transition {
///         at: at(day), from: Some(if i == 0 { "To Do" } else { "In Progress" }.into()), to: (*to).into(),
///     }).collect(),
/// };
/// let withdrawn = item(&[("2026-03-03", "In Progress"), ("2026-03-05", "Won't Do")]);
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
///
/// // Unknown to the board: an error, not an item in progress forever.
/// let err = item_timelines(&[withdrawn.clone()], &sample_workflow(), today, &TimelinesOptions::default()).unwrap_err();
/// assert_eq!(err.field(), "items[0].transitions[1].to");
///
/// // Named as cancelled: out of the flow, counted apart.
/// let mut workflow = sample_workflow();
/// workflow.cancelled = vec!["Won't Do".into()];
/// let timelines = item_timelines(&[withdrawn.clone()], &workflow, today, &TimelinesOptions::default())?;
/// assert_eq!(timelines.items[0].cancelled_on.map(|d| d.to_string()).as_deref(), Some("2026-03-05"));
/// assert_eq!(timelines.items[0].cancelled_from.as_deref(), Some("In Progress"));
/// assert_eq!(timelines.items[0].column, None);
///
/// // Ignored, as jira-agile-metrics does: the item stays in progress, the status is listed.
/// let options = TimelinesOptions { unmapped: Unmapped::Ignore, ..Default::default() };
/// let timelines = item_timelines(&[withdrawn], &sample_workflow(), today, &options)?;
/// assert_eq!(timelines.unmapped_statuses, ["Won't Do"]);
///
/// // A move after today is refused, naming it.
/// let future = item(&[("2026-03-10", "In Progress")]);
/// let err = item_timelines(&[future], &sample_workflow(), today, &options).unwrap_err();
/// assert_eq!(err.to_string(), "items[0].transitions[0].at: 2026-03-10T00:00:00 is after today (2026-03-09)");
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn item_timelines(
    items: &[Item],
    workflow: &Workflow,
    today: NaiveDate,
    options: impl Into<TimelinesOptions>,
) -> Result<Timelines> {
    let options = options.into();
    let board = Board::new(workflow)?;
    let mut reading = Reading {
        board: &board,
        today,
        options: &options,
        unmapped: BTreeSet::new(),
    };
    let mut timelines = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let timeline = reading
            .timeline_of(item)
            .map_err(|err| err.within(&format!("items[{index}]")))?;
        timelines.push(timeline);
    }
    Ok(Timelines {
        columns: board.names.clone(),
        backlog: board.backlog,
        committed: board.committed,
        done: board.done,
        today,
        counting: options.counting,
        items: timelines,
        unmapped_statuses: reading.unmapped.into_iter().collect(),
    })
}

/// What every item is read against, and the unmapped statuses met so far.
struct Reading<'a> {
    board: &'a Board,
    today: NaiveDate,
    options: &'a TimelinesOptions,
    unmapped: BTreeSet<String>,
}

impl Reading<'_> {
    /// Where `status` puts the item; `None` for an unmapped status that is ignored,
    /// an error naming `field` for one that is not.
    fn place(&mut self, field: impl FnOnce() -> String, status: &str) -> Result<Option<Place>> {
        if let Some(place) = self.board.place_of(status) {
            return Ok(Some(place));
        }
        match self.options.unmapped {
            Unmapped::Ignore => {
                self.unmapped.insert(status.to_owned());
                Ok(None)
            }
            Unmapped::Error => Err(Error::invalid(
                field(),
                format!(
                    "{status:?} is in no column of the workflow and not in workflow.cancelled; \
                     map it to a column, name it in workflow.cancelled, or set the option \
                     unmapped to \"ignore\" to skip moves to it"
                ),
            )),
        }
    }

    /// An error naming `field` if `moment` falls after `today`.
    fn not_after_today(&self, field: impl FnOnce() -> String, moment: Moment) -> Result<()> {
        if moment.date() > self.today {
            return Err(Error::invalid(
                field(),
                format!("{moment} is after today ({})", self.today),
            ));
        }
        Ok(())
    }

    /// One item's timeline; errors name fields inside the item (`transitions[1].at`)
    /// and the caller prefixes them with the item's position.
    fn timeline_of(&mut self, item: &Item) -> Result<ItemTimeline> {
        input::non_negative("points", item.points)?;
        self.not_after_today(|| "created".into(), item.created)?;
        let board = self.board;
        let counting = self.options.counting;
        let columns = board.names.len();
        let mut entered: Vec<Option<Moment>> = vec![None; columns];
        let mut current: Option<usize> = None;
        // When the item was cancelled and the column it left; cleared by a reopening.
        let mut cancelled: Option<(Moment, Option<usize>)> = None;
        // (moment, column) of every mapped move, kept only to place blocked periods.
        let mut moves: Vec<(Moment, usize)> = Vec::new();
        let keep_moves = !item.blocked.is_empty();

        let mut go = |place: Place, at: Moment, current: &mut Option<usize>| match place {
            Place::Column(column) => {
                cancelled = None;
                if let Some(slot) = entered.get_mut(column) {
                    if slot.is_none() {
                        *slot = Some(at);
                    }
                }
                for later in entered.iter_mut().skip(column + 1) {
                    *later = None;
                }
                *current = Some(column);
                if keep_moves {
                    moves.push((at, column));
                }
            }
            Place::Cancelled => {
                if cancelled.is_none() {
                    cancelled = Some((at, *current));
                }
            }
        };

        let initial = match item.transitions.first() {
            Some(first) => first
                .from
                .as_deref()
                .map(|status| ("transitions[0].from", status)),
            None => item.status.as_deref().map(|status| ("status", status)),
        };
        if let Some((field, status)) = initial {
            if let Some(place) = self.place(|| field.to_owned(), status)? {
                go(place, item.created, &mut current);
            }
        }
        let mut previous = item.created;
        for (position, transition) in item.transitions.iter().enumerate() {
            if transition.at < previous {
                let what = if position == 0 {
                    "the item was created"
                } else {
                    "the previous transition"
                };
                return Err(Error::invalid(
                    format!("transitions[{position}].at"),
                    format!(
                        "{} is before {what} ({previous}); transitions must be oldest first",
                        transition.at
                    ),
                ));
            }
            self.not_after_today(|| format!("transitions[{position}].at"), transition.at)?;
            previous = transition.at;
            let field = || format!("transitions[{position}].to");
            if let Some(place) = self.place(field, &transition.to)? {
                go(place, transition.at, &mut current);
            }
        }

        let first_in =
            |from: usize, to: usize| entered.iter().take(to).skip(from).find_map(|entry| *entry);
        let committed_at = first_in(board.committed, board.done);
        // A cancelled item is not done, whatever columns it had reached.
        let done_at = first_in(board.done, columns).filter(|_| cancelled.is_none());
        let cycle_time = match (committed_at, done_at) {
            (Some(start), Some(end)) => Some(counting.days(start, end)),
            _ => None,
        };
        let lead_time = done_at.map(|end| counting.days(item.created, end));
        // Open flags run to the end of the item's work: done, cancelled, or today.
        let work_end = done_at.or(cancelled.map(|(at, _)| at));

        let mut blocked_days = 0.0;
        for (position, blocked) in item.blocked.iter().enumerate() {
            self.not_after_today(|| format!("blocked[{position}].start"), blocked.start)?;
            let end = match (blocked.end, work_end) {
                (Some(end), _) => {
                    if end < blocked.start {
                        return Err(Error::invalid(
                            format!("blocked[{position}].end"),
                            format!("{end} is before its start {}", blocked.start),
                        ));
                    }
                    self.not_after_today(|| format!("blocked[{position}].end"), end)?;
                    end
                }
                (None, Some(end_of_work)) => end_of_work.max(blocked.start),
                (None, None) => Moment::from_date(self.today).max(blocked.start),
            };
            // The column the item was in when the flag was set: the last move at or before it.
            let column_then = moves
                .iter()
                .take_while(|(at, _)| *at <= blocked.start)
                .last()
                .or(moves.first())
                .map(|(_, column)| *column);
            let after_cancelling = cancelled.is_some_and(|(at, _)| blocked.start >= at);
            // jira-agile-metrics counts a flag whose column is unknown; so does pmkit.
            if !after_cancelling && !column_then.is_some_and(|column| board.outside_work(column)) {
                blocked_days += match counting {
                    Counting::Exact => Counting::Exact.days(blocked.start, end),
                    _ => Counting::Elapsed.days(blocked.start, end),
                };
            }
        }

        let name =
            |column: Option<usize>| column.and_then(|column| board.names.get(column).cloned());
        Ok(ItemTimeline {
            key: item.key.clone(),
            item_type: item.item_type.clone(),
            points: item.points,
            committed_on: committed_at.map(Moment::date),
            done_on: done_at.map(Moment::date),
            cycle_time,
            lead_time,
            blocked_days,
            column: if cancelled.is_some() {
                None
            } else {
                name(current)
            },
            cancelled_on: cancelled.map(|(at, _)| at.date()),
            cancelled_from: cancelled.and_then(|(_, column)| name(column)),
            entered,
        })
    }
}

#[cfg(test)]
mod tests;
