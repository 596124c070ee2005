//! A reproducible sample board and synthetic status histories, for the demo, the
//! documentation examples and the benchmarks.

use chrono::{Duration, NaiveDate, NaiveTime};

use super::model::{Blocked, Column, Item, Moment, Transition, Workflow};
use crate::stats::Rng;

/// A four-column board: Backlog (statuses "Backlog", "To Do"), In Progress, Review
/// and Done ("Done", "Closed"); committed at In Progress.
///
/// ```
/// let workflow = pmkit::flow::sample_workflow();
/// assert_eq!(workflow.columns.len(), 4);
/// assert_eq!(workflow.committed, "In Progress");
/// ```
pub fn sample_workflow() -> Workflow {
    let column = |name: &str, statuses: &[&str]| Column {
        name: name.to_owned(),
        statuses: statuses.iter().map(|s| (*s).to_owned()).collect(),
    };
    Workflow {
        columns: vec![
            column("Backlog", &["Backlog", "To Do"]),
            column("In Progress", &["In Progress"]),
            column("Review", &["Review"]),
            column("Done", &["Done", "Closed"]),
        ],
        backlog: "Backlog".to_owned(),
        committed: "In Progress".to_owned(),
        done: "Done".to_owned(),
        cancelled: Vec::new(),
    }
}

/// The day [`sample_items`] was "read": 2026-02-20.
pub fn sample_today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 2, 20).unwrap_or_default()
}

/// 120 items of [`sample_workflow`] created from 2026-01-05 (three a day) and read on
/// [`sample_today`], when the latest are still in the backlog or in progress:
/// [`synthetic_items`] with seed 2026.
///
/// ```
/// let items = pmkit::flow::sample_items();
/// assert_eq!(items.len(), 120);
/// assert_eq!(items[0].key, "PM-1");
/// ```
pub fn sample_items() -> Vec<Item> {
    let first_day = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default();
    synthetic_items(120, 2026, first_day, sample_today())
}

/// Up to `count` synthetic items of [`sample_workflow`], three created a day from
/// `first_day`, as seen at the end of `today`: the same seed gives the same items.
///
/// Each item (60 % stories, 25 % bugs, 15 % tasks; 1–8 points) waits 0–9 days in
/// the backlog, works 0–7 days (one in five 8–20 days), is reviewed 0–2 days, goes
/// back to work once in ten, and is blocked for 1–3 days once in eight. Moves happen
/// between 09:00 and 17:59 or a little later. Moves after `today` are dropped, so
/// recent items are still open; items created after `today` are not made.
///
/// ```
/// use chrono::NaiveDate;
///
/// let first = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
/// let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
/// let items = pmkit::flow::synthetic_items(100, 1, first, today);
/// assert_eq!(items.len(), 100);
/// assert_eq!(items, pmkit::flow::synthetic_items(100, 1, first, today));
/// ```
pub fn synthetic_items(
    count: usize,
    seed: u64,
    first_day: NaiveDate,
    today: NaiveDate,
) -> Vec<Item> {
    const TYPES: [&str; 3] = ["story", "bug", "task"];
    const POINTS: [f64; 5] = [1.0, 2.0, 3.0, 5.0, 8.0];
    let mut rng = Rng::new(seed);
    let end_of_today = today.and_time(NaiveTime::MIN) + Duration::days(1);
    // `count` may be far more than the days up to `today` hold (the loop stops there),
    // so it only bounds the first allocation.
    let mut items = Vec::with_capacity(count.min(1 << 16));
    for index in 0..count {
        let roll = rng.below(100);
        let item_type = TYPES[usize::from(roll >= 60) + usize::from(roll >= 85)];
        let points = POINTS.get(rng.below(5) as usize).copied().unwrap_or(1.0);
        let created = first_day.and_time(NaiveTime::MIN)
            + Duration::days((index / 3) as i64)
            + working_hour(&mut rng);
        if created >= end_of_today {
            break;
        }
        // (days after the previous move, from, to)
        let mut moves: Vec<(u64, &str, &str)> = vec![(rng.below(10), "To Do", "In Progress")];
        let work = if rng.below(5) == 0 {
            rng.between(8, 20)
        } else {
            rng.below(8)
        };
        moves.push((work, "In Progress", "Review"));
        if rng.below(10) == 0 {
            moves.push((rng.below(2), "Review", "In Progress"));
            moves.push((rng.between(1, 4), "In Progress", "Review"));
        }
        moves.push((rng.below(3), "Review", "Done"));
        let blocked_roll = rng.below(8);
        let blocked_days = rng.between(1, 3);

        let mut at = created;
        let mut transitions = Vec::with_capacity(moves.len());
        for (days, from, to) in moves {
            // A later hour of a later (or the same) day: moments never go back.
            at += Duration::days(days as i64) + working_hour(&mut rng) - Duration::hours(9);
            if at >= end_of_today {
                break;
            }
            transitions.push(Transition {
                at: Moment(at),
                from: Some(from.to_owned()),
                to: to.to_owned(),
            });
        }
        let mut blocked = Vec::new();
        let flag_start = transitions
            .first()
            .map(|first| first.at.0 + Duration::hours(1));
        // A flag set after today would be a flag from the future: not made.
        if let (0, Some(start)) = (blocked_roll, flag_start.filter(|s| *s < end_of_today)) {
            let end = start + Duration::days(blocked_days as i64);
            blocked.push(Blocked {
                start: Moment(start),
                end: (end < end_of_today).then_some(Moment(end)),
            });
        }
        items.push(Item {
            key: format!("PM-{}", index + 1),
            item_type: item_type.to_owned(),
            points,
            created: Moment(created),
            status: Some("To Do".to_owned()),
            transitions,
            blocked,
        });
    }
    items
}

/// An hour of the working day, 09:00 to 17:59, as an offset from midnight.
fn working_hour(rng: &mut Rng) -> Duration {
    Duration::minutes(9 * 60 + rng.below(9 * 60) as i64)
}
