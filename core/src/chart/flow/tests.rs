//! Tests of the flow charts: hand-computed positions, overlapping items, degenerate
//! data, escaping, themes and determinism.

use super::*;
use crate::chart::test_support::assert_well_formed;
use crate::chart::Theme;
use crate::flow::{
    cumulative_flow, item_timelines, sample_items, sample_today, sample_workflow, Counting,
    ItemTimeline, Measure,
};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

/// Backlog / Doing / Done over Mon 2 – Tue 3 March.
fn small_flow() -> CumulativeFlow {
    CumulativeFlow {
        dates: vec![day(2), day(3)],
        columns: vec!["Backlog".into(), "Doing".into(), "Done".into()],
        counts: vec![vec![2.0, 3.0], vec![1.0, 2.0], vec![0.0, 1.0]],
        cancelled: vec![0.0, 0.0],
    }
}

/// The `d` of the path with `class`.
fn path_of(svg: &str, class: &str) -> String {
    let at = svg.find(&format!("class=\"{class}\"")).unwrap();
    let start = svg[..at].rfind("d=\"").unwrap() + 3;
    let end = svg[start..].find('"').unwrap() + start;
    svg[start..end].to_owned()
}

#[test]
fn small_flow_by_hand() {
    let chart = cumulative_flow_chart(&small_flow(), &ChartOptions::default());
    assert_well_formed(&chart.svg);
    // One legend row: plot x 81.6..704, y 66..345. y 0..3 (raw 3 / 5 → step 1), 93 px
    // a unit; 2 days of 311.2 px, values at the end of each day: x 392.8 and 704.
    // Backlog from its top (2, 3 → y 159, 66) down to Doing's top (1, 2 → 252, 159).
    assert_eq!(
        path_of(&chart.svg, "band-0"),
        "M81.6,345 L392.8,159 L704,66 L704,159 L392.8,252 Z"
    );
    // Done from its top (0, 1 → 345, 252) down to 0.
    assert_eq!(
        path_of(&chart.svg, "band-2"),
        "M81.6,345 L392.8,345 L704,252 L704,345 L392.8,345 Z"
    );
    assert_eq!(
        chart.description,
        "Cumulative flow of 3 columns over 2 days, 2026-03-02 to 2026-03-03. At the end: \
         Backlog 1, Doing 1, Done 1; 3 entered in all."
    );
    assert!(chart
        .svg
        .contains("<title>Doing: 1 at the end of Mar 3; 2 had reached it</title>"));
    // Legend in column order, each swatch in its band's colour.
    let palette = Theme::Light.palette();
    let legend: Vec<usize> = ["Backlog", "Doing", "Done"]
        .iter()
        .map(|name| chart.svg.find(&format!(">{name}</text>")).unwrap())
        .collect();
    assert!(legend[0] < legend[1] && legend[1] < legend[2]);
    assert!(chart
        .svg
        .contains(&format!("class=\"band-1\" fill=\"{}\"", palette.series(1))));
    assert!(chart.svg.contains(">Cumulative count</text>"));
}

#[test]
fn bands_never_go_negative() {
    // Doing above Backlog on the second day (hand-made data): Backlog's top is raised
    // to 4, so its band is 0 thick there instead of −1.
    let mut flow = small_flow();
    flow.counts[1][1] = 4.0;
    assert_eq!(band_tops(&flow.counts)[0], [2.0, 4.0]);
    let chart = cumulative_flow_chart(&flow, &ChartOptions::default());
    assert_well_formed(&chart.svg);
    // y 0..4 (raw 0.8 → step 1): 69.75 px a unit; Backlog's top = Doing's top at 704.
    assert_eq!(
        path_of(&chart.svg, "band-0"),
        "M81.6,345 L392.8,205.5 L704,66 L704,66 L392.8,275.25 Z"
    );
}

#[test]
fn one_day_flow_and_the_sample() {
    let mut flow = small_flow();
    flow.dates.truncate(1);
    flow.counts.iter_mut().for_each(|row| row.truncate(1));
    let chart = cumulative_flow_chart(&flow, &ChartOptions::default());
    assert_well_formed(&chart.svg);
    assert!(chart.description.contains("over 1 day, 2026-03-02."));
    assert_eq!(
        path_of(&chart.svg, "band-0"),
        // y 0..2 (step 0.5): 139.5 px a unit; Backlog 2 → 66 down to Doing's 1 → 205.5.
        "M81.6,345 L704,66 L704,205.5 Z"
    );

    let timelines = item_timelines(
        &sample_items(),
        &sample_workflow(),
        sample_today(),
        Counting::Elapsed,
    )
    .unwrap();
    let flow = cumulative_flow(&timelines, Measure::Items).unwrap();
    let chart = cumulative_flow_chart(&flow, &ChartOptions::default());
    assert_well_formed(&chart.svg);
    assert_eq!(chart.svg.matches("class=\"band-").count(), 4);
    assert!(chart.description.contains("120 entered in all"));
}

#[test]
fn degenerate_flows_draw_a_note() {
    let mut no_columns = small_flow();
    no_columns.columns.clear();
    let mut no_days = small_flow();
    no_days.dates.clear();
    let mut short_row = small_flow();
    short_row.counts[2].pop();
    let mut missing_row = small_flow();
    missing_row.counts.pop();
    let mut unordered = small_flow();
    unordered.dates.swap(0, 1);
    let mut nan = small_flow();
    nan.counts[1][0] = f64::NAN;
    let mut negative = small_flow();
    negative.counts[2][1] = -1.0;
    let mut zeros = small_flow();
    zeros.counts.iter_mut().flatten().for_each(|v| *v = 0.0);
    let cases = [
        (no_columns, "No columns to draw"),
        (no_days, "No items entered the board"),
        (
            short_row,
            "The flow's counts do not match its columns and dates",
        ),
        (
            missing_row,
            "The flow's counts do not match its columns and dates",
        ),
        (unordered, "The flow's dates are not in order"),
        (
            nan,
            "The flow holds a count that is not a non-negative number",
        ),
        (
            negative,
            "The flow holds a count that is not a non-negative number",
        ),
        (zeros, "Nothing entered the board"),
    ];
    for (flow, note) in cases {
        for options in [
            ChartOptions::default(),
            ChartOptions::new(240, 160, Theme::Dark).unwrap(),
        ] {
            let chart = cumulative_flow_chart(&flow, &options);
            assert_note(&chart, note);
            assert!(!chart.svg.contains("band-"));
        }
    }
}

/// The chart is the empty frame with `note`: whole at full size, cut to fit with `…`
/// in a 240 px thumbnail; the description starts with it.
fn assert_note(chart: &Chart, note: &str) {
    assert_well_formed(&chart.svg);
    assert!(chart.description.starts_with(note), "{}", chart.description);
    let shown = if chart.width < 480 {
        let kept: String = note.chars().take(20).collect();
        crate::chart::svg::escape(&kept)
    } else {
        format!(">{}</text>", crate::chart::svg::escape(note))
    };
    assert!(chart.svg.contains(&shown), "{note}");
}

fn finished(key: &str, done: Option<u32>, cycle_time: Option<f64>) -> ItemTimeline {
    ItemTimeline {
        key: key.into(),
        item_type: "story".into(),
        points: 1.0,
        entered: vec![None, None, None],
        committed_on: Some(day(1)),
        done_on: done.map(day),
        cycle_time,
        lead_time: cycle_time,
        blocked_days: 0.0,
        column: None,
        cancelled_on: None,
        cancelled_from: None,
    }
}

/// A finished on Mar 2 in 2 days; B and C on Mar 4 in 4; D on Mar 3 in 10; E open.
fn small_timelines() -> Timelines {
    Timelines {
        columns: vec!["Backlog".into(), "Doing".into(), "Done".into()],
        backlog: 0,
        committed: 1,
        done: 2,
        today: day(5),
        counting: Counting::Elapsed,
        items: vec![
            finished("A", Some(2), Some(2.0)),
            finished("B", Some(4), Some(4.0)),
            finished("C", Some(4), Some(4.0)),
            finished("D", Some(3), Some(10.0)),
            finished("E", None, None),
        ],
        unmapped_statuses: vec![],
    }
}

/// The `y` of the `<text>` whose content is `text`.
fn text_y(svg: &str, text: &str) -> String {
    let end = svg.find(&format!(">{text}</text>")).unwrap();
    let start = svg[..end].rfind("<text ").unwrap();
    let tag = &svg[start..end];
    let y = tag.find(" y=\"").unwrap() + 4;
    tag[y..].split('"').next().unwrap().to_owned()
}

fn line_y(svg: &str, class: &str) -> String {
    let at = svg.find(&format!("class=\"{class}\"")).unwrap();
    let start = svg[..at].rfind("y1=\"").unwrap() + 4;
    let end = svg[start..].find('"').unwrap() + start;
    svg[start..end].to_owned()
}

#[test]
fn small_scatter_by_hand() {
    let chart = cycle_time_chart(&small_timelines(), &ChartOptions::default());
    assert_well_formed(&chart.svg);
    // Sorted 2, 4, 4, 10 (numpy linear): 50th at rank 1.5 → 4; 85th at 2.55 → 4 + 0.55
    // × 6 = 7.3; 95th at 2.85 → 9.1. The longest is D's 10 days.
    assert_eq!(
        chart.description,
        "4 items finished, 2026-03-02 to 2026-03-04. Cycle time: 50th percentile 4 days, \
         85th percentile 7.3 days, 95th percentile 9.1 days; longest 10 days (D)."
    );
    // Plot x 81.6..704 (3 days of 207.47 px, centres 185.33, 392.8, 600.27), y 66..345
    // over 0..10 (step 2): 27.9 px a day.
    assert!(chart.svg.contains(
        "<circle cx=\"185.33\" cy=\"289.2\" r=\"3.5\"><title>A: 2 days (finished Mar 2)</title>"
    ));
    assert!(chart.svg.contains(
        "<circle cx=\"392.8\" cy=\"66\" r=\"3.5\"><title>D: 10 days (finished Mar 3)</title>"
    ));
    // B and C share Mar 4 and 4 days: one larger, opaque dot (r = 6.6 / 2 + 2.5 = 5.8:
    // one digit of 11 px type, 6.6 px wide, plus room), both keys in its tooltip, "2"
    // written inside at cy + 11 / 3.
    assert!(chart.svg.contains(
        "<circle cx=\"600.27\" cy=\"233.4\" r=\"5.8\" class=\"shared\" fill-opacity=\"1\">\
         <title>B, C: 4 days (finished Mar 4)</title>"
    ));
    let inside = "<text x=\"600.27\" y=\"237.07\" font-size=\"11\" font-weight=\"600\" \
                  fill=\"#ffffff\" stroke=\"none\" text-anchor=\"middle\">2</text>";
    assert!(chart.svg.contains(inside));
    assert_eq!(chart.svg.matches("<circle").count(), 3);
    // Percentile lines: 4 → 233.4, 7.3 → 141.33, 9.1 → 91.11, labelled 4 px above.
    assert_eq!(line_y(&chart.svg, "percentile-50"), "233.4");
    assert_eq!(line_y(&chart.svg, "percentile-85"), "141.33");
    assert_eq!(line_y(&chart.svg, "percentile-95"), "91.11");
    assert_eq!(text_y(&chart.svg, "50th: 4 days"), "229.4");
    assert_eq!(text_y(&chart.svg, "85th: 7.3 days"), "137.33");
    assert_eq!(text_y(&chart.svg, "95th: 9.1 days"), "87.11");
    assert!(chart.svg.contains(">Cycle time (days)</text>"));
}

#[test]
fn equal_percentiles_stack_their_labels() {
    // Every item took 1 day: the three lines coincide at the top, y 66 (0..1, step
    // 0.2). Labels wanted at 62 climb 13 px apart (11 px type + 2) to 62, 49, 36, which
    // runs above the top (66 + 11 = 77), so they come back down below the line: 95th
    // at 77, 85th at 90, 50th at 103.
    let mut timelines = small_timelines();
    for item in &mut timelines.items {
        item.cycle_time = item.cycle_time.map(|_| 1.0);
    }
    let chart = cycle_time_chart(&timelines, &ChartOptions::default());
    assert_well_formed(&chart.svg);
    assert_eq!(text_y(&chart.svg, "50th: 1 day"), "103");
    assert_eq!(text_y(&chart.svg, "85th: 1 day"), "90");
    assert_eq!(text_y(&chart.svg, "95th: 1 day"), "77");
    assert_eq!(spread_labels(&[300.0, 200.0], 13.0, 77.0), [300.0, 200.0]);
    assert_eq!(spread_labels(&[300.0, 295.0], 13.0, 77.0), [300.0, 287.0]);
    // One item alone: every percentile is its value.
    timelines.items.truncate(1);
    let chart = cycle_time_chart(&timelines, &ChartOptions::default());
    assert_well_formed(&chart.svg);
    assert!(chart
        .description
        .starts_with("1 item finished, 2026-03-02."));
}

#[test]
fn sample_scatter_uses_the_flow_percentiles() {
    let timelines = item_timelines(
        &sample_items(),
        &sample_workflow(),
        sample_today(),
        Counting::Elapsed,
    )
    .unwrap();
    let chart = cycle_time_chart(&timelines, &ChartOptions::default());
    assert_well_formed(&chart.svg);
    let p = percentiles(
        &durations(&timelines, DurationKind::CycleTime),
        &CYCLE_TIME_LEVELS,
    )
    .unwrap();
    for (percentile, name) in p.iter().zip(["50th", "85th", "95th"]) {
        assert!(chart
            .svg
            .contains(&format!(">{name}: {}</text>", days(percentile.value))));
    }
    // Every finished item is in a dot's tooltip, exactly once.
    let finished = timelines
        .items
        .iter()
        .filter(|i| i.cycle_time.is_some())
        .count();
    let counted: usize = chart
        .svg
        .match_indices("<circle")
        .map(|(at, _)| {
            let tip = &chart.svg[at..];
            let tip = &tip[tip.find("<title>").unwrap() + 7..tip.find(": ").unwrap()];
            let (shown, more) = match tip.split_once(" and ") {
                Some((shown, more)) => (shown, more.trim_end_matches(" more").parse().unwrap()),
                None => (tip, 0),
            };
            shown.split(", ").count() + more
        })
        .sum();
    assert_eq!(counted, finished);
}

#[test]
fn degenerate_timelines_draw_a_note() {
    let mut open = small_timelines();
    open.items
        .iter_mut()
        .for_each(|item| item.cycle_time = None);
    let mut empty = small_timelines();
    empty.items.clear();
    let mut nan = small_timelines();
    nan.items[1].cycle_time = Some(f64::INFINITY);
    let mut negative = small_timelines();
    negative.items[0].cycle_time = Some(-1.0);
    let mut undated = small_timelines();
    undated.items[3].done_on = None;
    let cases = [
        (open, "No finished items to draw"),
        (empty, "No finished items to draw"),
        (nan, "A cycle time is not a non-negative number"),
        (negative, "A cycle time is not a non-negative number"),
        (undated, "An item has a cycle time but no done date"),
    ];
    for (timelines, note) in cases {
        for options in [
            ChartOptions::default(),
            ChartOptions::new(240, 160, Theme::Dark).unwrap(),
        ] {
            let chart = cycle_time_chart(&timelines, &options);
            assert_note(&chart, note);
            assert!(!chart.svg.contains("<circle"));
        }
    }
}

#[test]
fn names_and_keys_are_escaped() {
    let mut flow = small_flow();
    flow.columns[1] = r#"<&">"#.into();
    let chart = cumulative_flow_chart(&flow, &ChartOptions::default());
    assert_well_formed(&chart.svg);
    assert!(chart.svg.contains(">&lt;&amp;&quot;&gt;</text>"));
    assert!(chart.description.contains(r#"<&"> 1"#));
    let mut timelines = small_timelines();
    timelines.items[0].key = r#"<&">"#.into();
    let chart = cycle_time_chart(&timelines, &ChartOptions::default());
    assert_well_formed(&chart.svg);
    assert!(chart
        .svg
        .contains("<title>&lt;&amp;&quot;&gt;: 2 days (finished Mar 2)</title>"));
}

#[test]
fn charts_are_deterministic_themed_and_fit_small_sizes() {
    let timelines = item_timelines(
        &sample_items(),
        &sample_workflow(),
        sample_today(),
        Counting::Elapsed,
    )
    .unwrap();
    let flow = cumulative_flow(&timelines, Measure::Points).unwrap();
    for (width, height, theme) in [
        (720, 400, Theme::Light),
        (720, 400, Theme::Dark),
        (240, 160, Theme::Light),
        (240, 160, Theme::Dark),
    ] {
        let options = ChartOptions::new(width, height, theme).unwrap();
        let palette = theme.palette();
        for (first, second) in [
            (
                cumulative_flow_chart(&flow, &options),
                cumulative_flow_chart(&flow.clone(), &options),
            ),
            (
                cycle_time_chart(&timelines, &options),
                cycle_time_chart(&timelines.clone(), &options),
            ),
        ] {
            assert_eq!(first, second);
            assert_well_formed(&first.svg);
            assert_eq!((first.width, first.height), (width, height));
            assert!(first
                .svg
                .contains(&format!("fill=\"{}\"", palette.background)));
            assert!(first.svg.contains(palette.series(0)));
        }
    }
}

#[test]
fn ordinals_and_days_read_well() {
    assert_eq!(ordinal(0.5), "50th");
    assert_eq!(ordinal(0.85), "85th");
    assert_eq!(ordinal(0.01), "1st");
    assert_eq!(ordinal(0.92), "92nd");
    assert_eq!(ordinal(0.13), "13th");
    assert_eq!(ordinal(0.975), "97.5th");
    assert_eq!(days(1.0), "1 day");
    assert_eq!(days(9.5), "9.5 days");
    assert_eq!(keys_list(&["a"; 8]), "a, a, a, a, a, a and 2 more");
}

#[test]
fn years_of_days_draw_one_point_per_pixel() {
    // Found by the items_json fuzz target: 3,600 years of daily flow took seconds and
    // megabytes of SVG; the plot keeps the last day of each pixel column.
    let days = 200_000;
    let first = day(2);
    let flow = CumulativeFlow {
        dates: (0..days).map(|d| first + chrono::Days::new(d)).collect(),
        columns: vec!["Backlog".into(), "Doing".into(), "Done".into()],
        counts: (0..3)
            .map(|c| (0..days).map(|d| (d / (c + 1)) as f64).collect())
            .collect(),
        cancelled: vec![0.0; days as usize],
    };
    let chart = cumulative_flow_chart(&flow, &ChartOptions::default());
    assert!(chart.svg.len() < 200_000, "{} bytes", chart.svg.len());
    assert!(
        chart.description.contains("200000 days"),
        "{}",
        chart.description
    );
}
