//! [`sprint_report`]: burndown, burnup, committed vs completed, scope change,
//! carry-over and the say/do ratio, from a [`SprintLog`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::calendar::calendar_days;
use super::log::{CountBy, EventKind, ItemState, SprintLog, TrackedItem};
use crate::{Error, Result};

/// The options of the bindings' `sprint_report`: what the numbers count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct SprintReportOptions {
    /// Count story points ("points", the default) or items ("items").
    pub count_by: CountBy,
}

impl Default for SprintReportOptions {
    fn default() -> Self {
        SprintReportOptions {
            count_by: CountBy::Points,
        }
    }
}

/// A number of items and their points.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Tally {
    /// How many items (or events, for scope changes).
    pub items: u64,
    /// Their points.
    pub points: f64,
}

impl Tally {
    fn add(&mut self, points: f64) {
        self.items += 1;
        self.points += points;
    }

    /// The tally in one unit: items as a number, or points.
    pub fn in_unit(&self, count_by: CountBy) -> f64 {
        match count_by {
            CountBy::Points => self.points,
            // u64 → f64 is exact below 2^53 items.
            CountBy::Items => self.items as f64,
        }
    }
}

/// An item still open when the sprint closed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CarryOver {
    /// Its key.
    pub id: String,
    /// Its estimate at close.
    pub points: f64,
    /// Whether it was in the commitment (or added during the sprint).
    pub committed: bool,
}

/// The result of [`sprint_report`].
///
/// The day series (`dates` … `done`) have one value per **calendar** day from start
/// to end, each the value at the end of that day; `working` says which days count.
/// Before the first day, remaining and scope are `committed` in the chosen unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SprintReport {
    /// The sprint's id.
    pub sprint_id: String,
    /// What the series and the ratio count: points or items.
    pub count_by: CountBy,
    /// Working days in the sprint, by the calendar.
    pub working_days: u64,
    /// Every calendar day of the sprint.
    pub dates: Vec<NaiveDate>,
    /// Whether each day is a working day.
    pub working: Vec<bool>,
    /// The ideal line: `committed × (N − w) / N`, with `w` the working days through
    /// that day and `N` the sprint's; flat on non-working days, 0 on the last working day.
    pub ideal: Vec<f64>,
    /// The burndown: open work in scope at the end of each day.
    pub remaining: Vec<f64>,
    /// The scope line: open + done work in scope (rises when work is added or
    /// re-estimated up; falls when work is removed, cancelled or re-estimated down).
    pub scope: Vec<f64>,
    /// The burnup: done work at the end of each day.
    pub done: Vec<f64>,
    /// The commitment at start (Jira's "committed": estimates at sprint start).
    pub committed: Tally,
    /// Done at close, whether committed or added later (estimates at close).
    pub completed: Tally,
    /// Committed items done at close, at their estimates at start.
    pub completed_committed: Tally,
    /// `added` events and the points they brought.
    pub added: Tally,
    /// `removed` events and the points they took out.
    pub removed: Tally,
    /// `cancelled` events and the points they took out (never counted as done).
    pub cancelled: Tally,
    /// `re_estimated` events and the net change of points (a scope change, not burn).
    pub re_estimated: Tally,
    /// Committed items that spilled over from an earlier sprint.
    pub carried_in: Tally,
    /// Items open at the end: the carry-over list at close.
    pub carry_over: Vec<CarryOver>,
    /// `completed_committed / committed` in the chosen unit; `None` when nothing was
    /// committed.
    pub say_do_ratio: Option<f64>,
}

/// Open and done work among `items`, in `count_by`.
fn open_and_done(items: &[TrackedItem], count_by: CountBy) -> (f64, f64) {
    let (mut open, mut done) = (Tally::default(), Tally::default());
    for item in items {
        match item.state {
            ItemState::Open => open.add(item.points),
            ItemState::Done => done.add(item.points),
            ItemState::Removed | ItemState::Cancelled => {}
        }
    }
    (open.in_unit(count_by), done.in_unit(count_by))
}

/// The sprint report: burndown, burnup and every scope and commitment number, from the
/// commitment at start and the event log, counting by points or by items.
///
/// **Rules** (each fixes a common complaint about trackers):
/// - Days are calendar days; the ideal line falls by `committed / N` on each of the
///   `N` working days of the calendar and stays flat on weekends and holidays.
/// - The ideal line starts from the commitment and never moves when scope changes; the
///   scope line shows the change.
/// - A re-estimate changes scope and remaining by the same amount; it never burns.
/// - Cancelled work leaves the scope and is never done; removed work likewise.
/// - Committed items that spilled over from an earlier sprint are in the commitment
///   with their remaining estimate, so the burndown does not forget them.
/// - `completed` counts every item done at close (including scope added later) at
///   its estimate at close; `completed_committed` only committed items, at their
///   estimate at start, so the say/do ratio compares like with like.
/// - Events on a non-working day count at the end of that day.
///
/// **Errors**: every error of [`SprintLog::validate`]; a calendar with no working day
/// in the sprint ([`Error::Undefined`] on `calendar`).
///
/// **Sources**: Atlassian, "Sprint report" and "Velocity chart" (committed = estimates
/// at sprint start; completed includes issues added later); Mike Cohn, *Agile
/// Estimating and Planning* (2005), ch. 19 (burndown; scope change shown apart).
///
/// ```
/// use pmkit::sprint::{sample_sprint, sprint_report, CountBy};
///
/// // Mon 2 – Fri 13 March 2026, holiday on the 10th: 9 working days, 18 points committed.
/// let report = sprint_report(&sample_sprint(), CountBy::Points)?;
/// assert_eq!(report.working_days, 9);
/// assert_eq!(report.ideal[0], 16.0); // 18 − 2 after day 1
/// assert_eq!(report.ideal[5], 8.0);  // Saturday: flat
/// assert_eq!(report.remaining.last(), Some(&8.0)); // C, 8 points, carried over
/// assert_eq!((report.completed.points, report.completed_committed.points), (13.0, 10.0));
/// assert_eq!(report.say_do_ratio, Some(10.0 / 18.0));
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn sprint_report(log: &SprintLog, count_by: CountBy) -> Result<SprintReport> {
    let mut added = Tally::default();
    let mut removed = Tally::default();
    let mut cancelled = Tally::default();
    let mut re_estimated = Tally::default();
    // (date, open, done) after each event.
    let mut after_events: Vec<(NaiveDate, f64, f64)> = Vec::with_capacity(log.events.len());
    let items = log.replay(|event, before, items| {
        let now = items
            .iter()
            .find(|item| item.id == event.id)
            .map_or(0.0, |item| item.points);
        match event.kind {
            EventKind::Added => added.add(now),
            EventKind::Removed => removed.add(before),
            EventKind::Cancelled => cancelled.add(before),
            EventKind::ReEstimated => re_estimated.add(now - before),
            EventKind::Completed | EventKind::Reopened | EventKind::CarriedOver => {}
        }
        let (open, done) = open_and_done(items, count_by);
        after_events.push((event.date, open, done));
    })?;

    let sprint = &log.sprint;
    let dates = calendar_days(sprint.start, sprint.end).map_err(|err| err.within("sprint"))?;
    let working: Vec<bool> = dates
        .iter()
        .map(|&day| log.calendar.is_working_day(day))
        .collect();
    let working_days = working.iter().filter(|&&working| working).count() as u64;
    if working_days == 0 {
        return Err(Error::undefined(
            "calendar",
            format!(
                "has no working day from {} to {}, so there is no burndown",
                sprint.start, sprint.end
            ),
        ));
    }

    let mut committed = Tally::default();
    let mut carried_in = Tally::default();
    for (item, start) in items.iter().zip(&log.commitment) {
        committed.add(item.start_points);
        if start.carried_in {
            carried_in.add(item.start_points);
        }
    }
    let start_total = committed.in_unit(count_by);

    let (mut ideal, mut remaining, mut scope, mut done) = (vec![], vec![], vec![], vec![]);
    let (mut open_now, mut done_now) = (start_total, 0.0);
    let mut next_event = 0;
    let mut worked = 0u64;
    for (&day, &is_working) in dates.iter().zip(&working) {
        while let Some(&(date, open, finished)) = after_events.get(next_event) {
            if date > day {
                break;
            }
            (open_now, done_now) = (open, finished);
            next_event += 1;
        }
        if is_working {
            worked += 1;
        }
        // (N − w) / N rather than 1 − w / N, so the last working day is exactly 0.
        ideal.push(start_total * ((working_days - worked) as f64 / working_days as f64));
        remaining.push(open_now);
        done.push(done_now);
        scope.push(open_now + done_now);
    }

    let mut completed = Tally::default();
    let mut completed_committed = Tally::default();
    let mut carry_over = Vec::new();
    for item in &items {
        match item.state {
            ItemState::Done => {
                completed.add(item.points);
                if item.committed {
                    completed_committed.add(item.start_points);
                }
            }
            ItemState::Open => carry_over.push(CarryOver {
                id: item.id.clone(),
                points: item.points,
                committed: item.committed,
            }),
            ItemState::Removed | ItemState::Cancelled => {}
        }
    }
    let say_do_ratio =
        (start_total > 0.0).then(|| completed_committed.in_unit(count_by) / start_total);
    Ok(SprintReport {
        sprint_id: sprint.id.clone(),
        count_by,
        working_days,
        dates,
        working,
        ideal,
        remaining,
        scope,
        done,
        committed,
        completed,
        completed_committed,
        added,
        removed,
        cancelled,
        re_estimated,
        carried_in,
        carry_over,
        say_do_ratio,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sprint::{sample_sprint, Commitment, SprintEvent};
    use crate::ErrorKind;

    #[test]
    fn the_sample_by_hand_in_points() {
        let report = sprint_report(&sample_sprint(), CountBy::Points).unwrap();
        // Mon 2 .. Fri 13 March; weekend 7–8, holiday 10.
        assert_eq!(
            report.working,
            [true, true, true, true, true, false, false, true, false, true, true, true]
        );
        assert_eq!(
            report.ideal,
            [16.0, 14.0, 12.0, 10.0, 8.0, 8.0, 8.0, 6.0, 6.0, 4.0, 2.0, 0.0]
        );
        assert_eq!(
            report.remaining,
            [18.0, 15.0, 18.0, 16.0, 16.0, 16.0, 16.0, 19.0, 19.0, 16.0, 11.0, 8.0]
        );
        assert_eq!(
            report.done,
            [0.0, 3.0, 3.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 10.0, 13.0]
        );
        assert_eq!(
            report.scope,
            [18.0, 18.0, 21.0, 21.0, 21.0, 21.0, 21.0, 24.0, 24.0, 21.0, 21.0, 21.0]
        );
        assert_eq!(
            report.re_estimated,
            Tally {
                items: 1,
                points: 3.0
            }
        );
        assert_eq!(
            report.added,
            Tally {
                items: 1,
                points: 3.0
            }
        );
        assert_eq!(
            report.cancelled,
            Tally {
                items: 1,
                points: 3.0
            }
        );
        assert_eq!(report.removed, Tally::default());
        assert_eq!(
            report.completed,
            Tally {
                items: 4,
                points: 13.0
            }
        );
        assert_eq!(
            report.completed_committed,
            Tally {
                items: 3,
                points: 10.0
            }
        );
        assert_eq!(report.carry_over.len(), 1);
        assert_eq!(report.carry_over[0].points, 8.0);
    }

    #[test]
    fn the_sample_by_hand_in_items() {
        let report = sprint_report(&sample_sprint(), CountBy::Items).unwrap();
        assert_eq!(
            report.remaining,
            [5.0, 4.0, 4.0, 3.0, 3.0, 3.0, 3.0, 4.0, 4.0, 3.0, 2.0, 1.0]
        );
        assert_eq!(report.ideal[0], 5.0 * 8.0 / 9.0);
        assert_eq!(report.say_do_ratio, Some(3.0 / 5.0));
    }

    #[test]
    fn reopen_and_remove_move_the_lines() {
        let mut log = sample_sprint();
        log.events.truncate(1); // D done on the 3rd
        log.events.push(SprintEvent {
            date: log.sprint.start.succ_opt().unwrap(),
            kind: EventKind::Reopened,
            id: "D".into(),
            points: None,
        });
        log.events.push(SprintEvent {
            date: log.sprint.end,
            kind: EventKind::Removed,
            id: "D".into(),
            points: None,
        });
        let report = sprint_report(&log, CountBy::Points).unwrap();
        assert_eq!(report.done[1], 0.0); // done and reopened the same day
        assert_eq!(report.remaining[11], 15.0);
        assert_eq!(
            report.removed,
            Tally {
                items: 1,
                points: 3.0
            }
        );
        assert_eq!(report.say_do_ratio, Some(0.0));
    }

    #[test]
    fn log_errors_name_the_event() {
        let mut log = sample_sprint();
        log.events[1].points = None; // a re-estimate without its new estimate
        let err = sprint_report(&log, CountBy::Points).unwrap_err();
        assert_eq!(err.field(), "events[1].points");

        let mut log = sample_sprint();
        log.events[2].id = "Z".into();
        assert_eq!(
            sprint_report(&log, CountBy::Points).unwrap_err().field(),
            "events[2].id"
        );

        let mut log = sample_sprint();
        log.events.swap(0, 1);
        assert_eq!(
            sprint_report(&log, CountBy::Points).unwrap_err().field(),
            "events[1].date"
        );

        let mut log = sample_sprint();
        log.events[0].date = log.sprint.end.succ_opt().unwrap();
        let err = sprint_report(&log, CountBy::Points).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "events[0].date")
        );

        let mut log = sample_sprint();
        log.events.push(SprintEvent {
            date: log.sprint.end,
            kind: EventKind::Completed,
            id: "A".into(),
            points: None,
        });
        let err = sprint_report(&log, CountBy::Points).unwrap_err();
        assert!(err.reason().contains("reopen"));

        let mut log = sample_sprint();
        log.commitment.push(Commitment {
            id: "A".into(),
            points: None,
            carried_in: false,
        });
        assert_eq!(
            sprint_report(&log, CountBy::Points).unwrap_err().field(),
            "commitment[5].id"
        );
    }

    #[test]
    fn a_sprint_of_holidays_has_no_burndown() {
        let mut log = sample_sprint();
        log.calendar.working_weekdays.clear();
        let err = sprint_report(&log, CountBy::Points).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::Undefined, "calendar")
        );
    }

    #[test]
    fn empty_commitment_has_no_say_do() {
        let mut log = sample_sprint();
        log.commitment.clear();
        log.events.clear();
        let report = sprint_report(&log, CountBy::Points).unwrap();
        assert_eq!(report.say_do_ratio, None);
        assert!(report.ideal.iter().all(|&value| value == 0.0));
    }
}
