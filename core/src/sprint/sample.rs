//! The hand-computed sample sprint and a five-sprint history, for docs, tests and `make demo`.

use chrono::NaiveDate;

use super::calendar::WorkCalendar;
use super::log::{Commitment, EventKind, SprintEvent, SprintLog};
use super::sprint::{Sprint, SprintState};
use super::velocity::SprintOutcome;

fn march(day: u32) -> NaiveDate {
    // Days 1..=31 of March 2026 all exist; the fallback is never taken.
    NaiveDate::from_ymd_opt(2026, 3, day).unwrap_or_default()
}

/// Sprint 12 of the checkout team: Mon 2 – Fri 13 March 2026, a weekend in the
/// middle and a holiday on Tuesday 10 March (9 working days), 18 points committed.
/// During it: D (3) done on the 3rd; C re-estimated 5 → 8 on the 4th; E (2) done on
/// the 5th; F (3) added on Monday the 9th; B (3) cancelled on the 11th; A (5) done on
/// the 12th, F on the 13th; C carried over. `docs/sprints.md` works every number out
/// by hand.
pub fn sample_sprint() -> SprintLog {
    let event = |day, kind, id: &str, points| SprintEvent {
        date: march(day),
        kind,
        id: id.to_owned(),
        points,
    };
    let committed = |id: &str, points: f64| Commitment {
        id: id.to_owned(),
        points: Some(points),
        carried_in: false,
    };
    SprintLog {
        sprint: Sprint {
            id: "S-12".to_owned(),
            name: "Sprint 12".to_owned(),
            goal: Some("Customers can pay with a saved card".to_owned()),
            start: march(2),
            end: march(13),
            team: vec![
                "ana".to_owned(),
                "ben".to_owned(),
                "chen".to_owned(),
                "dana".to_owned(),
            ],
            state: SprintState::Closed,
        },
        calendar: WorkCalendar {
            holidays: vec![march(10)],
            ..WorkCalendar::default()
        },
        commitment: vec![
            committed("A", 5.0),
            committed("B", 3.0),
            committed("C", 5.0),
            committed("D", 3.0),
            committed("E", 2.0),
        ],
        events: vec![
            event(3, EventKind::Completed, "D", None),
            event(4, EventKind::ReEstimated, "C", Some(8.0)),
            event(5, EventKind::Completed, "E", None),
            event(9, EventKind::Added, "F", Some(3.0)),
            event(11, EventKind::Cancelled, "B", None),
            event(12, EventKind::Completed, "A", None),
            event(13, EventKind::Completed, "F", None),
            event(13, EventKind::CarriedOver, "C", None),
        ],
    }
}

/// Five closed sprints of the same team, oldest first, ending with the sample sprint
/// (S-12: 13 points and 4 items done, 34 person-days).
pub fn sample_sprint_history() -> Vec<SprintOutcome> {
    let outcome =
        |id: &str, committed: f64, committed_items, points: f64, items, days: f64| SprintOutcome {
            sprint_id: id.to_owned(),
            committed_points: committed,
            committed_items,
            completed_points: points,
            completed_items: items,
            available_person_days: Some(days),
        };
    vec![
        outcome("S-8", 23.0, 7, 21.0, 6, 38.0),
        outcome("S-9", 20.0, 6, 18.0, 5, 36.0),
        outcome("S-10", 24.0, 7, 24.0, 7, 40.0),
        outcome("S-11", 22.0, 6, 20.0, 6, 38.0),
        outcome("S-12", 18.0, 5, 13.0, 4, 34.0),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sprint::{sprint_report, CountBy};

    #[test]
    fn the_sample_is_valid_and_round_trips() {
        let log = sample_sprint();
        log.validate().unwrap();
        assert_eq!(SprintLog::from_json(&log.to_json()).unwrap(), log);
    }

    #[test]
    fn the_sample_history_ends_with_the_sample_sprint() {
        let report = sprint_report(&sample_sprint(), CountBy::Points).unwrap();
        let last = sample_sprint_history().pop().unwrap();
        assert_eq!(last.completed_points, report.completed.points);
        assert_eq!(last.completed_items, report.completed.items);
        assert_eq!(last.committed_points, report.committed.points);
    }
}
