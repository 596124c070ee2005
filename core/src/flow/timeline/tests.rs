//! Tests of item timelines: entries, moves back, counting rules, unmapped and
//! cancelled statuses, and the today boundary.

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
    let err = item_timelines(
        std::slice::from_ref(&it),
        &sample_workflow(),
        today(),
        Counting::Elapsed,
    )
    .unwrap_err();
    assert_eq!(err.field(), "items[0].transitions[1].to");
    assert!(err.reason().contains("\"Parked\""), "{err}");
    let options = TimelinesOptions {
        unmapped: Unmapped::Ignore,
        ..TimelinesOptions::default()
    };
    let timelines = item_timelines(&[it], &sample_workflow(), today(), &options).unwrap();
    assert_eq!(timelines.unmapped_statuses, vec!["Parked".to_string()]);
    assert_eq!(timelines.items[0].column.as_deref(), Some("In Progress"));
    // The status an item starts in is checked too, named where it was read.
    let mut it = item("2026-01-01", &[]);
    it.status = Some("Triage".into());
    let err = item_timelines(&[it], &sample_workflow(), today(), Counting::Elapsed).unwrap_err();
    assert_eq!(err.field(), "items[0].status");
}

fn cancelling_workflow() -> Workflow {
    let mut workflow = sample_workflow();
    workflow.cancelled = vec!["Won't Do".into(), "Duplicate".into()];
    workflow
}

#[test]
fn cancelled_items_leave_the_flow_and_say_from_where() {
    let it = item(
        "2026-01-01",
        &[
            ("2026-01-02", "Backlog", "In Progress"),
            ("2026-01-04", "In Progress", "Won't Do"),
            // Moves between cancelled statuses keep the first cancellation.
            ("2026-01-06", "Won't Do", "Duplicate"),
        ],
    );
    let timelines =
        item_timelines(&[it], &cancelling_workflow(), today(), Counting::Elapsed).unwrap();
    let timeline = &timelines.items[0];
    assert_eq!(timeline.cancelled_on, NaiveDate::from_ymd_opt(2026, 1, 4));
    assert_eq!(timeline.cancelled_from.as_deref(), Some("In Progress"));
    assert_eq!((timeline.column.as_deref(), timeline.done_on), (None, None));
    assert!(timeline.wasted());
    // Done, then cancelled: not done.
    let it = item(
        "2026-01-01",
        &[
            ("2026-01-02", "Backlog", "Done"),
            ("2026-01-03", "Done", "won't do"),
        ],
    );
    let timelines =
        item_timelines(&[it], &cancelling_workflow(), today(), Counting::Elapsed).unwrap();
    assert_eq!(timelines.items[0].lead_time, None);
    assert!(!timelines.items[0].wasted());
    // Reopened: an ordinary item again.
    let it = item(
        "2026-01-01",
        &[
            ("2026-01-02", "Backlog", "Won't Do"),
            ("2026-01-05", "Won't Do", "In Progress"),
        ],
    );
    let timelines =
        item_timelines(&[it], &cancelling_workflow(), today(), Counting::Elapsed).unwrap();
    assert_eq!(timelines.items[0].cancelled_on, None);
    assert_eq!(timelines.items[0].column.as_deref(), Some("In Progress"));
}

#[test]
fn nothing_may_happen_after_today() {
    let late = |it: Item| {
        item_timelines(&[it], &sample_workflow(), today(), Counting::Elapsed)
            .map(|_| ())
            .unwrap_err()
            .to_string()
    };
    // Later the same day is today.
    let it = item(
        "2026-01-01",
        &[("2026-01-31T23:59:59", "Backlog", "In Progress")],
    );
    assert!(item_timelines(&[it], &sample_workflow(), today(), Counting::Elapsed).is_ok());
    let it = item("2026-01-01", &[("2026-02-01", "Backlog", "In Progress")]);
    assert_eq!(
        late(it),
        "items[0].transitions[0].at: 2026-02-01T00:00:00 is after today (2026-01-31)"
    );
    assert_eq!(
        late(item("2026-02-02", &[])),
        "items[0].created: 2026-02-02T00:00:00 is after today (2026-01-31)"
    );
    let mut it = item("2026-01-01", &[("2026-01-02", "Backlog", "In Progress")]);
    it.blocked = vec![Blocked {
        start: at("2026-01-03"),
        end: Some(at("2026-02-03")),
    }];
    assert!(late(it.clone()).starts_with("items[0].blocked[0].end: 2026-02-03"));
    it.blocked[0] = Blocked {
        start: at("2026-02-03"),
        end: None,
    };
    assert!(late(it).starts_with("items[0].blocked[0].start: 2026-02-03"));
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
    let err = item_timelines(&[it], &sample_workflow(), today(), Counting::Elapsed).unwrap_err();
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
