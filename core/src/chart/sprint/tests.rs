//! Tests of the sprint charts: hand-computed positions, degenerate data, escaping,
//! themes and determinism.

use super::*;
use crate::chart::test_support::{assert_well_formed, points_of};
use crate::chart::Theme;
use crate::sprint::{sample_sprint, sample_sprint_history, sprint_report, Tally};
use chrono::NaiveDate;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

/// A two-day sprint, Mon 2 – Tue 3 March, 10 points committed, 6 done on day 1.
fn two_days() -> SprintReport {
    SprintReport {
        sprint_id: "S-1".into(),
        count_by: CountBy::Points,
        working_days: 2,
        dates: vec![day(2), day(3)],
        working: vec![true, true],
        ideal: vec![5.0, 0.0],
        remaining: vec![4.0, 0.0],
        scope: vec![10.0, 10.0],
        done: vec![6.0, 10.0],
        committed: Tally {
            items: 2,
            points: 10.0,
        },
        completed: Tally {
            items: 2,
            points: 10.0,
        },
        completed_committed: Tally {
            items: 2,
            points: 10.0,
        },
        added: Tally::default(),
        removed: Tally::default(),
        cancelled: Tally::default(),
        re_estimated: Tally::default(),
        carried_in: Tally::default(),
        carry_over: vec![],
        say_do_ratio: Some(1.0),
    }
}

#[test]
fn two_day_burndown_by_hand() {
    // 720 × 400, one legend row: plot x 81.6..704 (16 + 12 + 8 + 6 × 6.6 + 6 = 81.6),
    // y 66..345. y: 0..10, target floor(279 / 50) = 5 intervals → step 2 → 0..10, so
    // 27.9 px a point: 4 → 345 − 111.6 = 233.4. x: 2 days of 311.2 px.
    let chart = burndown_chart(&two_days(), &ChartOptions::default());
    assert_well_formed(&chart.svg);
    assert_eq!(
        points_of(&chart.svg, "series-remaining"),
        "81.6,66 392.8,233.4 704,345"
    );
    // Ideal 10 → 5 → 0: 5 → 345 − 139.5 = 205.5.
    assert_eq!(
        points_of(&chart.svg, "series-ideal"),
        "81.6,66 392.8,205.5 704,345"
    );
    assert_eq!(
        points_of(&chart.svg, "series-scope"),
        "81.6,66 392.8,66 704,66"
    );
    assert_eq!(
        chart.description,
        "Remaining work fell from 10 to 0 points over 2 days (2 working), 2026-03-02 to \
         2026-03-03; the ideal line falls from 10 to 0 by the last working day. Scope \
         stayed at 10 points."
    );
    // Ticks 0, 2, …, 10 on the y axis; both days labelled.
    assert!(chart.svg.contains(">10</text>"));
    assert!(chart.svg.contains(">Mar 2</text>") && chart.svg.contains(">Mar 3</text>"));
    assert!(chart
        .svg
        .contains("<title>Mar 2: 4 points remaining</title>"));
    assert!(!chart.svg.contains("Non-working day"));
}

#[test]
fn two_day_burnup_by_hand() {
    // Legend "Done", "Scope" fits one row: same plot as the burndown.
    let chart = burnup_chart(&two_days(), &ChartOptions::default());
    assert_well_formed(&chart.svg);
    // Done 0 → 6 → 10: 6 → 345 − 167.4 = 177.6.
    assert_eq!(
        points_of(&chart.svg, "series-done"),
        "81.6,345 392.8,177.6 704,66"
    );
    assert_eq!(
        chart.description,
        "Done work rose from 0 to 10 points over 2 days (2 working), 2026-03-02 to \
         2026-03-03. Scope stayed at 10 points; 0 points not done at the end."
    );
}

#[test]
fn sample_burndown_shades_the_weekend_and_the_holiday() {
    let report = sprint_report(&sample_sprint(), CountBy::Points).unwrap();
    let chart = burndown_chart(&report, &ChartOptions::default());
    assert_well_formed(&chart.svg);
    assert_eq!(
        chart.description,
        "Remaining work fell from 18 to 8 points over 12 days (9 working), 2026-03-02 to \
         2026-03-13; the ideal line falls from 18 to 0 by the last working day. Scope rose \
         from 18 to 21 points (peak 24)."
    );
    // Sat 7 + Sun 8 as one band, Tue 10 as another: 12 days over 622.4 px, 51.87 a day.
    let shade = Theme::Light.palette().shade;
    let bands = chart.svg.matches(&format!("fill=\"{shade}\"")).count();
    assert_eq!(bands, 3); // two bands and the legend swatch
    assert!(chart.svg.contains("width=\"103.73\"")); // 2 × 622.4 / 12
    assert!(chart.svg.contains(">Non-working day</text>"));
    // The peak 24 sets the y axis to 0..25 (step 5).
    assert!(chart.svg.contains(">25</text>"));
}

#[test]
fn items_axis_says_items() {
    let report = sprint_report(&sample_sprint(), CountBy::Items).unwrap();
    let chart = burndown_chart(&report, &ChartOptions::default());
    assert!(chart.svg.contains(">Items</text>"));
    assert!(chart
        .description
        .starts_with("Remaining work fell from 5 to 1 item over"));
    let chart = burndown_chart(&two_days(), &ChartOptions::default());
    assert!(chart.svg.contains(">Story points</text>"));
}

#[test]
fn one_day_sprint_draws_a_line() {
    let mut report = two_days();
    report.dates.truncate(1);
    report.working.truncate(1);
    report.working_days = 1;
    for series in [
        &mut report.ideal,
        &mut report.remaining,
        &mut report.scope,
        &mut report.done,
    ] {
        series.truncate(1);
    }
    report.ideal[0] = 0.0;
    let chart = burndown_chart(&report, &ChartOptions::default());
    assert_well_formed(&chart.svg);
    // One day of 622.4 px: commitment at the left edge, close at the right.
    assert_eq!(
        points_of(&chart.svg, "series-remaining"),
        "81.6,66 704,233.4"
    );
    assert!(chart
        .description
        .contains("over 1 day (1 working), 2026-03-02;"));
}

#[test]
fn degenerate_reports_draw_a_note() {
    let mut empty = two_days();
    empty.dates.clear();
    let mut mismatched = two_days();
    mismatched.remaining.pop();
    let mut nan = two_days();
    nan.scope[1] = f64::NAN;
    let mut zeros = two_days();
    zeros.committed = Tally::default();
    for series in [
        &mut zeros.ideal,
        &mut zeros.remaining,
        &mut zeros.scope,
        &mut zeros.done,
    ] {
        series.iter_mut().for_each(|value| *value = 0.0);
    }
    let cases = [
        (empty, "No days to draw"),
        (
            mismatched,
            "The report&#39;s day series do not match its dates",
        ),
        (nan, "The report holds a value that is not a number"),
        (zeros, "Nothing was committed or added: no work to draw"),
    ];
    for (report, note) in cases {
        for chart in [
            burndown_chart(&report, &ChartOptions::default()),
            burnup_chart(&report, &ChartOptions::default()),
        ] {
            assert_well_formed(&chart.svg);
            assert!(chart.svg.contains(&format!(">{note}</text>")), "{note}");
            assert!(!chart.svg.contains("polyline"));
        }
    }
}

#[test]
fn sprint_ids_are_escaped() {
    let mut report = two_days();
    report.sprint_id = r#"<S&"1">"#.into();
    let chart = burndown_chart(&report, &ChartOptions::default());
    assert_well_formed(&chart.svg);
    assert_eq!(chart.title, r#"Sprint burndown — <S&"1">"#);
    assert!(chart
        .svg
        .contains("Sprint burndown — &lt;S&amp;&quot;1&quot;&gt;</title>"));
    let mut history = sample_sprint_history();
    history[0].sprint_id = "<&\">".into();
    let chart = velocity_chart(&history, &ChartOptions::default());
    assert_well_formed(&chart.svg);
    assert!(chart.svg.contains(">&lt;&amp;&quot;&gt;</text>"));
}

#[test]
fn charts_are_deterministic_and_themed() {
    let report = sprint_report(&sample_sprint(), CountBy::Points).unwrap();
    let history = sample_sprint_history();
    for theme in [Theme::Light, Theme::Dark] {
        let options = ChartOptions::new(640, 360, theme).unwrap();
        let palette = theme.palette();
        for make in [
            |r: &SprintReport, h: &[SprintOutcome], o: &ChartOptions| {
                burndown_chart(r, o).svg + &velocity_chart(h, o).svg
            },
            |r: &SprintReport, _: &[SprintOutcome], o: &ChartOptions| burnup_chart(r, o).svg,
        ] {
            let first = make(&report, &history, &options);
            assert_eq!(first, make(&report.clone(), &history.clone(), &options));
            assert!(first.contains(&format!("fill=\"{}\"", palette.background)));
            assert!(first.contains(palette.series(0)));
        }
        assert_well_formed(&burndown_chart(&report, &options).svg);
        assert_well_formed(&burnup_chart(&report, &options).svg);
        assert_well_formed(&velocity_chart(&history, &options).svg);
    }
    // Different options, different ids (two charts in one page never clash).
    let light = burndown_chart(&report, &ChartOptions::default());
    let dark = burndown_chart(&report, &ChartOptions::new(720, 400, Theme::Dark).unwrap());
    let id = |svg: &str| svg[svg.find("aria-labelledby").unwrap()..][..40].to_owned();
    assert_ne!(id(&light.svg), id(&dark.svg));
}

#[test]
fn velocity_by_hand() {
    let history = sample_sprint_history();
    let chart = velocity_chart(&history, &ChartOptions::default());
    assert_well_formed(&chart.svg);
    assert_eq!(
        chart.description,
        "5 sprints, S-8 to S-12: completed 21, 18, 24, 20 and 13 points against 23, 20, 24, \
         22 and 18 committed; mean completed 19.2 points."
    );
    // One legend row → plot y 66..345; y 0..25 (raw 24 / 5 = 4.8 → step 5), 11.16 px a
    // point. 5 bands over 81.6..704 (124.48 px), 30 % padding: band 87.14, bars 43.57
    // wide less a 2 px gap. S-8: committed 23 → y 345 − 256.68 = 88.32, x 81.6 + 18.67.
    assert!(chart.svg.contains(
        "<rect x=\"100.27\" y=\"88.32\" width=\"41.57\" height=\"256.68\" class=\"bar-committed\""
    ));
    // Mean 19.2 → 345 − 214.27 = 130.73.
    assert!(chart.svg.contains(
        "<line x1=\"81.6\" y1=\"130.73\" x2=\"704\" y2=\"130.73\" class=\"series-mean\""
    ));
    assert!(chart.svg.contains(">Mean completed (19.2)</text>"));
    assert!(chart
        .svg
        .contains("<title>S-12: 13 of 18 points completed</title>"));
}

#[test]
fn degenerate_histories_draw_a_note() {
    let mut negative = sample_sprint_history();
    negative[1].completed_points = -1.0;
    let mut zeros = sample_sprint_history();
    for sprint in &mut zeros {
        sprint.committed_points = 0.0;
        sprint.completed_points = 0.0;
    }
    let cases: [(&[SprintOutcome], &str); 3] = [
        (&[], "No sprints to draw"),
        (
            &negative,
            "A sprint&#39;s points are not a non-negative number",
        ),
        (&zeros, "No points committed or completed"),
    ];
    for (history, note) in cases {
        let chart = velocity_chart(history, &ChartOptions::default());
        assert_well_formed(&chart.svg);
        assert!(chart.svg.contains(&format!(">{note}</text>")), "{note}");
        assert!(!chart.svg.contains("bar-completed"));
    }
    // One sprint draws one pair of bars.
    let one = &sample_sprint_history()[..1];
    let chart = velocity_chart(one, &ChartOptions::default());
    assert_eq!(chart.title, "Velocity — S-8");
    assert_eq!(chart.svg.matches("bar-completed").count(), 1);
}

#[test]
fn crowded_velocity_labels_thin_out() {
    let history: Vec<SprintOutcome> = (1..=40)
        .map(|n| SprintOutcome {
            sprint_id: format!("Sprint-{n}"),
            committed_points: 20.0,
            committed_items: 5,
            completed_points: f64::from(n % 7) + 15.0,
            completed_items: 5,
            available_person_days: None,
        })
        .collect();
    let chart = velocity_chart(
        &history,
        &ChartOptions::new(480, 300, Theme::Light).unwrap(),
    );
    assert_well_formed(&chart.svg);
    assert_eq!(chart.svg.matches("bar-completed").count(), 40);
    // 40 bands over 382 px (9.55 px each): labels of 9 chars need 8 bands → every 8th.
    let labels =
        chart.svg.matches(">Sprint-").count() - chart.svg.matches("<title>Sprint-").count();
    assert_eq!(labels, 5);
    assert!(chart.svg.contains(">Sprint-33</text>") && !chart.svg.contains(">Sprint-2</text>"));
}
