//! Per item: when it entered each column, its cycle time, lead time and blocked days.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::model::{Board, Item, Moment, Workflow};
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
    /// The column of its latest mapped status; `None` if no status was ever mapped.
    pub column: Option<String>,
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
    /// Statuses found in transitions but in no column, sorted. Moves to them are
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
        }
        Ok(())
    }
}

/// Each item's entry date into every column, cycle time, lead time, blocked days and
/// current column, from its status history.
///
/// **Rules** (those of jira-agile-metrics' `CycleTimeCalculator`): an item sits in the
/// first transition's `from` status from `created` on; each transition to a mapped
/// status records the first time the item entered that column and clears the entries
/// of every later column (a move backwards); transitions to unmapped statuses are
/// ignored and listed in `unmapped_statuses`. Cycle time runs from the first entry
/// among the committed..done columns to the first entry among done and later columns;
/// lead time from `created` to that done entry. Both are in days by `counting`
/// ([`Counting::Elapsed`] is jira-agile-metrics' rule: same day = 0).
///
/// **Errors**: a workflow whose columns or markers are inconsistent, transitions out of
/// time order or before `created`, negative or NaN points, a blocked period ending
/// before it starts, an open blocked period starting after `today` — each naming the
/// field (`items[3].transitions[1].at`).
///
/// **Source**: jira-agile-metrics 0.24, `calculators/cycletime.py`; Vacanti,
/// *Actionable Agile Metrics for Predictability* (2015), ch. 2–3.
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
pub fn item_timelines(
    items: &[Item],
    workflow: &Workflow,
    today: NaiveDate,
    counting: Counting,
) -> Result<Timelines> {
    let board = Board::new(workflow)?;
    let mut unmapped = BTreeSet::new();
    let mut timelines = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let timeline = timeline_of(item, &board, today, counting, &mut unmapped)
            .map_err(|err| err.within(&format!("items[{index}]")))?;
        timelines.push(timeline);
    }
    Ok(Timelines {
        columns: board.names.clone(),
        backlog: board.backlog,
        committed: board.committed,
        done: board.done,
        today,
        counting,
        items: timelines,
        unmapped_statuses: unmapped.into_iter().collect(),
    })
}

/// One item's timeline; errors name fields inside the item (`transitions[1].at`) and
/// the caller prefixes them with the item's position.
fn timeline_of(
    item: &Item,
    board: &Board,
    today: NaiveDate,
    counting: Counting,
    unmapped: &mut BTreeSet<String>,
) -> Result<ItemTimeline> {
    input::non_negative("points", item.points)?;
    let columns = board.names.len();
    let mut entered: Vec<Option<Moment>> = vec![None; columns];
    let mut current: Option<usize> = None;
    // (moment, column) of every mapped move, kept only to place blocked periods.
    let mut moves: Vec<(Moment, usize)> = Vec::new();
    let keep_moves = !item.blocked.is_empty();

    let mut enter = |column: usize, at: Moment, current: &mut Option<usize>| {
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
    };

    let initial = match item.transitions.first() {
        Some(first) => first.from.as_deref(),
        None => item.status.as_deref(),
    };
    if let Some(status) = initial {
        match board.column_of(status) {
            Some(column) => enter(column, item.created, &mut current),
            None => {
                unmapped.insert(status.to_owned());
            }
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
        previous = transition.at;
        match board.column_of(&transition.to) {
            Some(column) => enter(column, transition.at, &mut current),
            None => {
                unmapped.insert(transition.to.clone());
            }
        }
    }

    let first_in =
        |from: usize, to: usize| entered.iter().take(to).skip(from).find_map(|entry| *entry);
    let committed_at = first_in(board.committed, board.done);
    let done_at = first_in(board.done, columns);
    let cycle_time = match (committed_at, done_at) {
        (Some(start), Some(end)) => Some(counting.days(start, end)),
        _ => None,
    };
    let lead_time = done_at.map(|end| counting.days(item.created, end));

    let mut blocked_days = 0.0;
    for (position, blocked) in item.blocked.iter().enumerate() {
        let end = match (blocked.end, done_at) {
            (Some(end), _) => {
                if end < blocked.start {
                    return Err(Error::invalid(
                        format!("blocked[{position}].end"),
                        format!("{end} is before its start {}", blocked.start),
                    ));
                }
                end
            }
            (None, Some(done)) => done.max(blocked.start),
            (None, None) => {
                let end_of_data = Moment::from_date(today);
                if today < blocked.start.date() {
                    return Err(Error::invalid(
                        format!("blocked[{position}].start"),
                        format!(
                            "{} is after today ({today}) while the flag is still set",
                            blocked.start
                        ),
                    ));
                }
                end_of_data.max(blocked.start)
            }
        };
        // The column the item was in when the flag was set: the last move at or before it.
        let column_then = moves
            .iter()
            .take_while(|(at, _)| *at <= blocked.start)
            .last()
            .or(moves.first())
            .map(|(_, column)| *column);
        // jira-agile-metrics counts a flag whose column is unknown; so does pmkit.
        if !column_then.is_some_and(|column| board.outside_work(column)) {
            blocked_days += match counting {
                Counting::Exact => Counting::Exact.days(blocked.start, end),
                _ => Counting::Elapsed.days(blocked.start, end),
            };
        }
    }

    Ok(ItemTimeline {
        key: item.key.clone(),
        item_type: item.item_type.clone(),
        points: item.points,
        committed_on: committed_at.map(Moment::date),
        done_on: done_at.map(Moment::date),
        cycle_time,
        lead_time,
        blocked_days,
        column: current.and_then(|column| board.names.get(column).cloned()),
        entered,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::model::{Blocked, Transition};
    use crate::flow::sample_workflow;
    use crate::ErrorKind;

    fn at(text: &str) -> Moment {
        Moment::parse("at", text).unwrap()
    }

    fn item(created: &str, moves: &[(&str, &str, &str)]) -> Item {
        Item {
            key: "K-1".into(),
            item_type: "story".into(),
            points: 2.0,
            created: at(created),
            status: None,
            transitions: moves
                .iter()
                .map(|(day, from, to)| Transition {
                    at: at(day),
                    from: Some((*from).into()),
                    to: (*to).into(),
                })
                .collect(),
            blocked: vec![],
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 31).unwrap()
    }

    fn one(item: &Item, counting: Counting) -> ItemTimeline {
        item_timelines(
            std::slice::from_ref(item),
            &sample_workflow(),
            today(),
            counting,
        )
        .unwrap()
        .items
        .remove(0)
    }

    #[test]
    fn same_day_finish_is_zero_elapsed_one_inclusive() {
        let it = item(
            "2026-01-05",
            &[
                ("2026-01-06T09:00:00", "Backlog", "In Progress"),
                ("2026-01-06T15:00:00", "In Progress", "Done"),
            ],
        );
        assert_eq!(one(&it, Counting::Elapsed).cycle_time, Some(0.0));
        assert_eq!(one(&it, Counting::Inclusive).cycle_time, Some(1.0));
        assert_eq!(one(&it, Counting::Exact).cycle_time, Some(0.25));
        assert_eq!(one(&it, Counting::Elapsed).lead_time, Some(1.0));
    }

    #[test]
    fn moving_back_clears_later_columns_but_keeps_the_first_entry() {
        // In Progress on the 2nd, Review on the 4th, back to In Progress on the 5th,
        // Review again on the 7th, Done on the 8th.
        let it = item(
            "2026-01-01",
            &[
                ("2026-01-02", "Backlog", "In Progress"),
                ("2026-01-04", "In Progress", "Review"),
                ("2026-01-05", "Review", "In Progress"),
                ("2026-01-07", "In Progress", "Review"),
                ("2026-01-08", "Review", "Done"),
            ],
        );
        let timeline = one(&it, Counting::Elapsed);
        assert_eq!(timeline.entered[1], Some(at("2026-01-02")));
        assert_eq!(timeline.entered[2], Some(at("2026-01-07")));
        assert_eq!(timeline.cycle_time, Some(6.0));
    }

    #[test]
    fn straight_to_done_has_lead_time_but_no_cycle_time() {
        let it = item("2026-01-01", &[("2026-01-03", "Backlog", "Done")]);
        let timeline = one(&it, Counting::Elapsed);
        assert_eq!(timeline.cycle_time, None);
        assert_eq!(timeline.lead_time, Some(2.0));
        assert_eq!(timeline.committed_on, None);
    }

    #[test]
    fn unmapped_statuses_are_ignored_and_listed() {
        let it = item(
            "2026-01-01",
            &[
                ("2026-01-02", "Backlog", "In Progress"),
                ("2026-01-03", "In Progress", "Parked"),
            ],
        );
        let timelines =
            item_timelines(&[it], &sample_workflow(), today(), Counting::Elapsed).unwrap();
        assert_eq!(timelines.unmapped_statuses, vec!["Parked".to_string()]);
        assert_eq!(timelines.items[0].column.as_deref(), Some("In Progress"));
    }

    #[test]
    fn blocked_days_count_only_in_progress() {
        let mut it = item(
            "2026-01-01",
            &[
                ("2026-01-05", "Backlog", "In Progress"),
                ("2026-01-20", "In Progress", "Done"),
            ],
        );
        it.blocked = vec![
            // In the backlog: not counted.
            Blocked {
                start: at("2026-01-02"),
                end: Some(at("2026-01-04")),
            },
            // In progress, 3 days.
            Blocked {
                start: at("2026-01-06"),
                end: Some(at("2026-01-09")),
            },
            // Still set: runs to done on the 20th, 2 days.
            Blocked {
                start: at("2026-01-18"),
                end: None,
            },
        ];
        assert_eq!(one(&it, Counting::Elapsed).blocked_days, 5.0);
    }

    #[test]
    fn out_of_order_history_names_the_transition() {
        let it = item(
            "2026-01-01",
            &[
                ("2026-01-05", "Backlog", "In Progress"),
                ("2026-01-04", "In Progress", "Done"),
            ],
        );
        let err =
            item_timelines(&[it], &sample_workflow(), today(), Counting::Elapsed).unwrap_err();
        assert_eq!(err.field(), "items[0].transitions[1].at");
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert_eq!(
            Counting::parse("counting", "nope").unwrap_err().kind(),
            ErrorKind::Parse
        );
    }

    #[test]
    fn item_without_transitions_sits_in_its_status() {
        let mut it = item("2026-01-10", &[]);
        it.status = Some("in progress".into());
        let timeline = one(&it, Counting::Elapsed);
        assert_eq!(timeline.committed_on, NaiveDate::from_ymd_opt(2026, 1, 10));
        assert_eq!(timeline.column.as_deref(), Some("In Progress"));
    }
}
