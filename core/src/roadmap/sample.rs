//! The sample roadmap of the checkout product, matching `pmkit::work::sample_backlog`.

use chrono::NaiveDate;

use super::lifecycle::{Lifecycle, Stage, StageChange};
use super::model::{Dependency, DependencyKind, Level, Milestone, Release, Roadmap, RoadmapItem};
use super::target::{Lane, Target};
use crate::roles::Role;
use crate::work::StatusCategory;

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    // Every date below exists; the fallback is never taken.
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

#[allow(clippy::too_many_arguments)]
fn item(
    id: &str,
    title: &str,
    level: Level,
    parent: Option<&str>,
    owner: Role,
    status: StatusCategory,
    (start, target): (Option<Target>, Option<Target>),
    lane: Lane,
    estimate: Option<f64>,
) -> RoadmapItem {
    RoadmapItem {
        id: id.to_owned(),
        title: title.to_owned(),
        level,
        parent: parent.map(str::to_owned),
        owner: Some(owner),
        status,
        start,
        target,
        lane: Some(lane),
        estimate,
    }
}

/// The checkout product's roadmap: one objective with a key result, a payments theme,
/// the saved-payment-methods initiative and three epics in rank order — PAY-1 saved
/// cards (the sample backlog's stories; started February, due April), PAY-2 wallets
/// (21 points, due 15 June), PAY-3 one-click reorder (13 points, Q3, after PAY-1) — a
/// release, a milestone, and a product in growth since November 2025.
pub fn sample_roadmap() -> Roadmap {
    use Level::*;
    use Role::{ProductManager as Pm, ProductOwner as Po};
    use StatusCategory::{InProgress, ToDo};
    let y = |year| Some(Target::Year(year));
    let h = |year, half| Some(Target::Half(year, half));
    let q = |year, quarter| Some(Target::Quarter(year, quarter));
    let m = |year, month| Some(Target::Month(year, month));
    let d = |year, month, dd| Some(Target::Day(day(year, month, dd)));
    Roadmap {
        product: "Checkout".to_owned(),
        items: vec![
            item(
                "OBJ-1",
                "Make repeat purchases effortless",
                Objective,
                None,
                Pm,
                InProgress,
                (None, y(2026)),
                Lane::Now,
                None,
            ),
            item(
                "KR-1",
                "Repeat checkout in under 30 seconds for 80% of returning customers",
                KeyResult,
                Some("OBJ-1"),
                Pm,
                InProgress,
                (None, h(2026, 2)),
                Lane::Now,
                None,
            ),
            item(
                "TH-1",
                "Payments",
                Theme,
                Some("OBJ-1"),
                Pm,
                InProgress,
                (None, y(2026)),
                Lane::Now,
                None,
            ),
            item(
                "IN-1",
                "Saved payment methods",
                Initiative,
                Some("TH-1"),
                Pm,
                InProgress,
                (q(2026, 1), h(2026, 2)),
                Lane::Now,
                None,
            ),
            item(
                "PAY-1",
                "Saved-card checkout",
                Epic,
                Some("IN-1"),
                Po,
                InProgress,
                (m(2026, 2), m(2026, 4)),
                Lane::Now,
                None,
            ),
            item(
                "PAY-2",
                "Wallets: Apple Pay and Google Pay",
                Epic,
                Some("IN-1"),
                Po,
                ToDo,
                (None, d(2026, 6, 15)),
                Lane::Next,
                Some(21.0),
            ),
            item(
                "PAY-3",
                "One-click reorder",
                Epic,
                Some("IN-1"),
                Po,
                ToDo,
                (m(2026, 7), q(2026, 3)),
                Lane::Later,
                Some(13.0),
            ),
        ],
        dependencies: vec![Dependency {
            from: "PAY-1".to_owned(),
            to: "PAY-3".to_owned(),
            kind: DependencyKind::FinishToStart,
            lag_days: 0,
        }],
        releases: vec![Release {
            id: "R-2.0".to_owned(),
            name: "Checkout 2.0".to_owned(),
            date: day(2026, 6, 1),
            items: vec!["PAY-1".to_owned()],
        }],
        milestones: vec![Milestone {
            id: "M-1".to_owned(),
            name: "Holiday-season code freeze".to_owned(),
            date: day(2026, 11, 1),
        }],
        lifecycle: Some(Lifecycle {
            history: vec![
                StageChange {
                    stage: Stage::Introduction,
                    date: day(2025, 3, 1),
                },
                StageChange {
                    stage: Stage::Growth,
                    date: day(2025, 11, 1),
                },
            ],
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_is_valid_and_round_trips() {
        let roadmap = sample_roadmap();
        let report = roadmap.validate().unwrap();
        assert!(report.valid, "{:?}", report.issues);
        assert_eq!(Roadmap::from_json(&roadmap.to_json()).unwrap(), roadmap);
    }
}
