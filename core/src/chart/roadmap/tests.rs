//! Tests of the roadmap chart: hand-computed bar, arrow and today positions, the lanes
//! board, degenerate roadmaps, escaping, themes and determinism.

use super::*;
use crate::chart::test_support::{assert_well_formed, attr_after};
use crate::chart::Theme;
use crate::roadmap::{sample_roadmap, Dependency, DependencyKind, Lane, Level, Target};

fn day(month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, d).unwrap()
}

fn item(
    id: &str,
    title: &str,
    status: StatusCategory,
    dates: (Option<Target>, Option<Target>),
) -> RoadmapItem {
    RoadmapItem {
        id: id.into(),
        title: title.into(),
        level: Level::Epic,
        parent: None,
        owner: None,
        status,
        start: dates.0,
        target: dates.1,
        lane: None,
        estimate: None,
    }
}

/// A in March (in progress), B in April (to do), B after A.
fn two_epics() -> Roadmap {
    let march = Some(Target::Month(2026, 3));
    let april = Some(Target::Month(2026, 4));
    Roadmap {
        product: "P".into(),
        items: vec![
            item("A", "Alpha", StatusCategory::InProgress, (march, march)),
            item("B", "Beta", StatusCategory::ToDo, (april, april)),
        ],
        dependencies: vec![Dependency {
            from: "A".into(),
            to: "B".into(),
            kind: DependencyKind::FinishToStart,
            lag_days: 0,
        }],
        releases: vec![],
        milestones: vec![],
        lifecycle: None,
    }
}

#[test]
fn two_epics_by_hand() {
    // 720 × 400, one legend row (To do, In progress, Dependency, Today): plot y 66.
    // Labels "A Alpha" → 8 chars reserved: x = 16 + 20 + 52.8 + 6 = 94.8 .. 704.
    // Days: Mar 1 – Apr 30 = 61, 609.2 / 61 px each. Strip 11 + 6 → rows from 83 to
    // 345, two of 131 px; bars 22 px high around 148.5 and 279.5.
    let chart = roadmap_chart(&two_epics(), day(3, 16), &ChartOptions::default());
    assert_well_formed(&chart.svg);
    let svg = &chart.svg;
    let bar =
        |class: &str, name: &str| attr_after(svg, &format!("class=\"{class}\""), "rect", name);
    // A: day 0 to the end of day 30 = 94.8 + 31 × 9.9869 = 404.39.
    assert_eq!(bar("bar bar-in_progress", "x"), "94.8");
    assert_eq!(bar("bar bar-in_progress", "width"), "309.59");
    assert_eq!(bar("bar bar-in_progress", "y"), "137.5");
    assert_eq!(bar("bar bar-to_do", "x"), "404.39");
    assert_eq!(bar("bar bar-to_do", "width"), "299.61");
    assert_eq!(bar("bar bar-to_do", "y"), "268.5");
    // Finish-to-start with no room to turn: out 8 px, down to the gap between rows
    // (279.5 − 65.5 = 214), back 16 px, down, in.
    assert_eq!(
        attr_after(svg, "class=\"dependency\"", "path", "d"),
        "M404.39,148.5 L412.39,148.5 L412.39,214 L396.39,214 L396.39,279.5 L404.39,279.5"
    );
    // Today, 16 March = day 15, at its centre: 94.8 + 15.5 × 9.9869 = 249.6.
    assert_eq!(attr_after(svg, "class=\"today\"", "line", "x1"), "249.6");
    assert_eq!(
        chart.description,
        "2 items from 2026-03-01 to 2026-04-30 (1 to do, 1 in progress). 1 dependency: \
         A → B. Today is 2026-03-16."
    );
}

#[test]
fn the_sample_is_a_timeline_in_hierarchy_order() {
    let chart = roadmap_chart(&sample_roadmap(), day(3, 16), &ChartOptions::default());
    assert_well_formed(&chart.svg);
    assert_eq!(
        chart.description,
        "7 items from 2026-01-01 to 2026-12-31 (5 in progress, 2 to do). 1 dependency: \
         PAY-1 → PAY-3. Release Checkout 2.0 on 2026-06-01. Milestone Holiday-season code \
         freeze on 2026-11-01. Today is 2026-03-16."
    );
    // Parents before children: OBJ-1, KR-1, TH-1, IN-1, PAY-1, PAY-2, PAY-3.
    let order: Vec<usize> = [
        "OBJ-1 ", "KR-1 ", "TH-1 ", "IN-1 ", "PAY-1 ", "PAY-2 ", "PAY-3 ",
    ]
    .iter()
    .map(|id| chart.svg.find(&format!(">{id}")).unwrap())
    .collect();
    assert!(order.windows(2).all(|pair| pair[0] < pair[1]), "{order:?}");
    // PAY-2 has only a target: a diamond; the release and milestone are named.
    assert_eq!(chart.svg.matches("fill-opacity=\"0.4\"").count(), 4);
    assert!(chart.svg.contains(">Checkout 2.0</text>"));
    assert!(chart.svg.contains("class=\"milestone\""));
    assert!(!chart.svg.contains("dependency broken"));
}

#[test]
fn broken_dependencies_stand_out_and_undated_items_are_listed() {
    let mut roadmap = two_epics();
    roadmap.items.swap(0, 1); // same rows order changes nothing about the dates
    roadmap.items[0].start = Some(Target::Month(2026, 3)); // B now starts with A
    roadmap
        .items
        .push(item("C", "Gamma", StatusCategory::Done, (None, None)));
    let chart = roadmap_chart(&roadmap, day(3, 16), &ChartOptions::default());
    assert_well_formed(&chart.svg);
    assert!(chart.svg.contains("class=\"dependency broken\""));
    assert!(chart.svg.contains(">Broken dependency</text>"));
    assert!(chart.svg.contains(">No dates</text>"));
    assert!(chart
        .svg
        .contains("class=\"undated\" fill=\"#59636e\">C</text>"));
    assert!(chart
        .description
        .contains("1 item without dates: C. 1 dependency: A → B (broken by the dates)."));
}

#[test]
fn without_dates_the_lanes_board_is_drawn() {
    let mut roadmap = sample_roadmap();
    for item in &mut roadmap.items {
        item.start = None;
        item.target = None;
    }
    roadmap.items[1].lane = None;
    let chart = roadmap_chart(&roadmap, day(3, 16), &ChartOptions::default());
    assert_well_formed(&chart.svg);
    assert_eq!(chart.svg.matches("class=\"card ").count(), 6);
    assert!(chart.svg.contains(">Now (4)</text>"));
    assert!(chart.svg.contains(">Next (1)</text>"));
    assert!(chart.svg.contains(">No lane: KR-1</text>"));
    assert_eq!(
        chart.description,
        "7 items without dates, by lane (5 in progress, 2 to do). Now: OBJ-1, TH-1, IN-1, \
         PAY-1; Next: PAY-2; Later: PAY-3; no lane: KR-1."
    );
}

#[test]
fn crowded_lanes_and_rows_end_with_a_count() {
    let mut roadmap = Roadmap {
        product: "P".into(),
        items: vec![],
        dependencies: vec![],
        releases: vec![],
        milestones: vec![],
        lifecycle: None,
    };
    for index in 0..40 {
        let mut it = item(
            &format!("E-{index}"),
            "x",
            StatusCategory::ToDo,
            (None, None),
        );
        it.lane = Some(Lane::Now);
        roadmap.items.push(it);
    }
    let small = ChartOptions::new(240, 160, Theme::Light).unwrap();
    let chart = roadmap_chart(&roadmap, day(3, 16), &small);
    assert_well_formed(&chart.svg);
    assert!(chart.svg.contains(" more</text>"));
    for it in &mut roadmap.items {
        it.target = Some(Target::Month(2026, 5));
    }
    let chart = roadmap_chart(&roadmap, day(3, 16), &small);
    assert_well_formed(&chart.svg);
    assert!(chart.svg.contains(" more</text>"));
}

#[test]
fn degenerate_roadmaps_draw_a_note() {
    let mut roadmap = two_epics();
    roadmap.items.clear();
    let chart = roadmap_chart(&roadmap, day(3, 16), &ChartOptions::default());
    assert!(chart.svg.contains(">No roadmap items to draw</text>"));
    assert_eq!(chart.description, "No roadmap items to draw: P, 0 items.");

    let mut roadmap = two_epics();
    for it in &mut roadmap.items {
        it.start = None;
        it.target = None;
    }
    let chart = roadmap_chart(&roadmap, day(3, 16), &ChartOptions::default());
    assert!(chart.svg.contains(">No item has a date or a lane</text>"));

    let mut roadmap = two_epics();
    roadmap.items[1].target = Some(Target::Year(2200));
    let chart = roadmap_chart(&roadmap, day(3, 16), &ChartOptions::default());
    assert_well_formed(&chart.svg);
    assert!(chart
        .svg
        .contains(">The dates span more than 100 years</text>"));
}

#[test]
fn a_distant_today_is_named_not_drawn() {
    let chart = roadmap_chart(&two_epics(), day(12, 1), &ChartOptions::default());
    assert!(!chart.svg.contains("class=\"today\""));
    assert!(chart
        .description
        .ends_with("Today (2026-12-01) is outside the timeline."));
    // Within a month of the span it widens the timeline to include it.
    let chart = roadmap_chart(&two_epics(), day(5, 20), &ChartOptions::default());
    assert!(chart.svg.contains("class=\"today\""));
    assert!(chart
        .description
        .starts_with("2 items from 2026-03-01 to 2026-05-31"));
}

#[test]
fn parent_loops_and_missing_parents_still_draw_every_item() {
    let mut roadmap = two_epics();
    roadmap.items[0].parent = Some("B".into());
    roadmap.items[1].parent = Some("A".into());
    roadmap.items.push(item(
        "C",
        "Gamma",
        StatusCategory::ToDo,
        (None, Some(Target::Month(2026, 4))),
    ));
    roadmap.items[2].parent = Some("missing".into());
    let rows = hierarchy(&roadmap);
    let ids: Vec<&str> = rows.iter().map(|(item, _)| item.id.as_str()).collect();
    assert_eq!(ids, ["C", "A", "B"]);
    assert_eq!(rows[2].1, 1);
    let chart = roadmap_chart(&roadmap, day(3, 16), &ChartOptions::default());
    assert_well_formed(&chart.svg);
}

#[test]
fn names_are_escaped_and_output_is_deterministic_in_both_themes() {
    let mut roadmap = two_epics();
    roadmap.product = "<Q&A \"app\">".into();
    roadmap.items[0].title = "a < b & c".into();
    for theme in [Theme::Light, Theme::Dark] {
        for (width, height) in [(720, 400), (240, 160), (4000, 4000)] {
            let options = ChartOptions::new(width, height, theme).unwrap();
            let chart = roadmap_chart(&roadmap, day(3, 16), &options);
            assert_well_formed(&chart.svg);
            assert!(chart.svg.contains(theme.palette().background));
            assert_eq!(chart, roadmap_chart(&roadmap, day(3, 16), &options));
        }
    }
    let chart = roadmap_chart(&roadmap, day(3, 16), &ChartOptions::default());
    assert!(chart
        .svg
        .contains("Roadmap — &lt;Q&amp;A &quot;app&quot;&gt;"));
    assert!(chart.svg.contains("A a &lt; b &amp; c"));
}

#[test]
fn every_dependency_kind_draws_an_arrow() {
    for kind in [
        DependencyKind::StartToStart,
        DependencyKind::FinishToFinish,
        DependencyKind::StartToFinish,
    ] {
        let mut roadmap = two_epics();
        roadmap.dependencies[0].kind = kind;
        let chart = roadmap_chart(&roadmap, day(3, 16), &ChartOptions::default());
        assert_well_formed(&chart.svg);
        let d = attr_after(&chart.svg, "class=\"dependency", "path", "d");
        assert!(d.starts_with('M'), "{kind}: {d}");
    }
    // Start-to-start A → B: from A's start (94.8) out left to 86.8, down to B's row,
    // in to B's start (404.39) from the left: a direct elbow.
    let mut roadmap = two_epics();
    roadmap.dependencies[0].kind = DependencyKind::StartToStart;
    let chart = roadmap_chart(&roadmap, day(3, 16), &ChartOptions::default());
    assert_eq!(
        attr_after(&chart.svg, "class=\"dependency", "path", "d"),
        "M94.8,148.5 L86.8,148.5 L86.8,279.5 L404.39,279.5"
    );
}
