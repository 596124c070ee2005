//! Tests of the roadmap's marker names: hand-computed spots, names near the right
//! edge, a second row, and no overlap on crowded timelines at both sizes.

use super::*;
use crate::chart::test_support::assert_well_formed;
use crate::chart::{roadmap_chart, ChartOptions, Theme};
use crate::roadmap::{sample_roadmap, Milestone, Release};

fn day(year: i32, month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, d).unwrap()
}

fn spot(tier: usize, span: (f64, f64), right: bool, label: &str) -> Option<NameSpot> {
    Some(NameSpot {
        tier,
        span,
        right,
        label: label.to_owned(),
    })
}

#[test]
fn names_go_right_then_left_then_to_a_second_row() {
    // Plot 100..700 at 10 px: 6 px a character, 3 px from the line.
    let lines = [
        (300.0, "Today"),          // right: 303..333
        (650.0, "Holiday freeze"), // 84 px: right would end at 737, so left: 563..647
        (600.0, "Launch"),         // 36 px: both sides hit "Holiday freeze" → row 2
        (110.0, "Kickoff"),        // 42 px: right, 113..155
    ];
    let spots = place_names(&lines, (100.0, 700.0), 10.0, 2);
    assert_eq!(
        spots,
        [
            spot(0, (303.0, 333.0), true, "Today"),
            spot(0, (563.0, 647.0), false, "Holiday freeze"),
            spot(1, (603.0, 639.0), true, "Launch"),
            spot(0, (113.0, 155.0), true, "Kickoff"),
        ]
    );
    // With one row "Launch" has no free spot, whole or cut: it is left out.
    let one = place_names(&lines, (100.0, 700.0), 10.0, 1);
    assert_eq!(one[2], None);
    assert_eq!(one[1], spots[1]);
}

#[test]
fn names_without_room_are_cut_to_the_longest_free_room() {
    // A 40-character name is first cut to half the plot 100..400: 25 characters,
    // 150 px. At 250 neither side has 150 px (147 each): cut to the right's 147 px,
    // 24 characters (a tie with the left, and right comes first).
    let name = "A very long release name of forty chars.";
    assert_eq!(name.chars().count(), 40);
    let spots = place_names(&[(250.0, name)], (100.0, 400.0), 10.0, 2);
    assert_eq!(
        spots,
        [spot(0, (253.0, 397.0), true, "A very long release nam…")]
    );
    // Beside a name already placed the room ends 6 px before it: "Today" at 300
    // takes 303..333; "Holiday freeze" at 380 has 17 px on the right (2 characters,
    // left out), and 380 − 3 − 339 = 38 px on the left in the top row but 277 px (its
    // whole 84 px) in the second: whole beats cut.
    let lines = [(300.0, "Today"), (380.0, "Holiday freeze")];
    let spots = place_names(&lines, (100.0, 400.0), 10.0, 2);
    assert_eq!(spots[1], spot(1, (293.0, 377.0), false, "Holiday freeze"));
    // With one row it is cut to the 38 px: 6 characters.
    let spots = place_names(&lines, (100.0, 400.0), 10.0, 1);
    assert_eq!(spots[1], spot(0, (341.0, 377.0), false, "Holid…"));
    // A short name fits whole; one cut under four characters and `…` is left out.
    let spots = place_names(
        &[(104.0, "Go"), (112.0, "Release")],
        (100.0, 130.0),
        10.0,
        2,
    );
    assert_eq!(spots, [spot(0, (107.0, 119.0), true, "Go"), None]);
}

/// The marker names of `svg` as `(class, x, y, anchor, text)`.
fn marker_names(svg: &str) -> Vec<(String, f64, f64, String, String)> {
    let mut out = Vec::new();
    for class in ["today", "release", "milestone"] {
        let open = format!("<g class=\"{class}\">");
        for (at, _) in svg.match_indices(&open) {
            let group = &svg[at..at + svg[at..].find("</g>").unwrap()];
            let Some(text) = group.find("<text ") else {
                continue;
            };
            let tag = &group[text..text + group[text..].find('>').unwrap()];
            let attr = |name: &str| {
                let key = format!(" {name}=\"");
                let value = &tag[tag.find(&key).unwrap() + key.len()..];
                value[..value.find('"').unwrap()].to_owned()
            };
            let body = &group[text + tag.len() + 1..group.find("</text>").unwrap()];
            out.push((
                class.to_owned(),
                attr("x").parse().unwrap(),
                attr("y").parse().unwrap(),
                attr("text-anchor"),
                body.to_owned(),
            ));
        }
    }
    out
}

#[test]
fn the_sample_on_31_march_names_the_milestone_whole() {
    // 720 × 400, one legend row: plot y 66; labels capped at 720 / 3 / 6.6 = 36
    // characters: x = 16 + 20 + 237.6 + 6 = 279.6 .. 704, 365 days of 1.16274 px.
    // Today (day 89) at 279.6 + 89.5 × 1.16274 = 383.67, "Today" right of it; the
    // release (1 June, day 151) at 455.76, "Checkout 2.0" right of it (458.76 ..
    // 537.96). The milestone (1 November, day 304) at 633.65: its name (171.6 px)
    // does not fit right (to 808), left it would reach 459.07 and cross "Checkout
    // 2.0": it goes left in the second row, ending at 630.65, baseline 66 + 11 + 14.
    let chart = roadmap_chart(
        &sample_roadmap(),
        day(2026, 3, 31),
        &ChartOptions::default(),
    );
    assert_well_formed(&chart.svg);
    let names = marker_names(&chart.svg);
    let row = |class: &str| names.iter().find(|n| n.0 == class).unwrap().clone();
    assert_eq!(
        row("today"),
        ("today".into(), 386.67, 77.0, "start".into(), "Today".into())
    );
    assert_eq!(
        row("release"),
        (
            "release".into(),
            458.76,
            77.0,
            "start".into(),
            "Checkout 2.0".into()
        )
    );
    assert_eq!(
        row("milestone"),
        (
            "milestone".into(),
            630.65,
            91.0,
            "end".into(),
            "Holiday-season code freeze".into()
        )
    );
    // The strip holds two rows of names: 11 + 14 + 6 = 31 px, so the rows start at 97
    // and the first of 7 rows of 248 / 7 px is centred at 114.71.
    assert!(chart
        .svg
        .contains(">OBJ-1 Make repeat purchases effortless</text>"));
    assert_eq!(
        texts_y(&chart.svg, ">OBJ-1 Make repeat purchases effortless</text>"),
        "118.38"
    );
}

/// The `y` of the `<text>` whose body ends with `marker`.
fn texts_y(svg: &str, marker: &str) -> String {
    let at = svg.find(marker).unwrap();
    let tag = &svg[svg[..at].rfind("<text ").unwrap()..at];
    let value = &tag[tag.find(" y=\"").unwrap() + 4..];
    value[..value.find('"').unwrap()].to_owned()
}

#[test]
fn crowded_markers_never_overlap_and_stay_inside_the_plot() {
    let mut crowded = sample_roadmap();
    crowded.releases.push(Release {
        id: "r2".into(),
        name: "Year-end release 3.0".into(),
        date: day(2026, 12, 28),
        items: vec![],
    });
    crowded.releases.push(Release {
        id: "r3".into(),
        name: "Autumn 2.5".into(),
        date: day(2026, 10, 20),
        items: vec![],
    });
    crowded.milestones.push(Milestone {
        id: "m2".into(),
        name: "Board review".into(),
        date: day(2026, 12, 10),
    });
    let roadmaps = [sample_roadmap(), crowded];
    let todays = [day(2026, 3, 31), day(2026, 12, 30), day(2027, 2, 1)];
    for roadmap in &roadmaps {
        for today in todays {
            for (width, height) in [(720, 400), (960, 480), (240, 160)] {
                let options = ChartOptions::new(width, height, Theme::Dark).unwrap();
                let chart = roadmap_chart(roadmap, today, &options);
                assert_well_formed(&chart.svg);
                let names = marker_names(&chart.svg);
                // Today is named first, then at least two others (compact charts: one,
                // maybe cut); the sample's two whole.
                let least = if width < 480 { 2 } else { 3 };
                assert!(names.len() >= least, "{today} {width}: {names:?}");
                assert_eq!(names[0].4, "Today");
                if width >= 480 && roadmap.releases.len() == 1 {
                    for whole in ["Checkout 2.0", "Holiday-season code freeze"] {
                        assert!(names.iter().any(|n| n.4 == whole), "{names:?}");
                    }
                }
                let size = if width < 480 { 9.0 } else { 11.0 };
                let spans: Vec<(f64, f64, f64)> = names
                    .iter()
                    .map(|(_, x, y, anchor, text)| {
                        let w = super::super::super::frame::text_width(text, size);
                        if anchor == "end" {
                            (*y, x - w, *x)
                        } else {
                            (*y, *x, x + w)
                        }
                    })
                    .collect();
                let right = f64::from(width) - if width < 480 { 8.0 } else { 16.0 };
                for (index, &(y, a, b)) in spans.iter().enumerate() {
                    assert!(a >= 0.0 && b <= right + 1e-9, "{today} {width}: {names:?}");
                    for &(y2, c, d) in &spans[index + 1..] {
                        assert!(
                            y != y2 || b + 6.0 <= c + 1e-9 || d + 6.0 <= a + 1e-9,
                            "{today} {width}: {names:?}"
                        );
                    }
                }
            }
        }
    }
}
