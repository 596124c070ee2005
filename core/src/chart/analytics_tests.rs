//! Tests of the analytics charts: hand-computed cells and lines, the colour ramp,
//! large matrices, degenerate data, themes and determinism.

use super::*;
use crate::analytics::{
    active_users, retention, sample_events, ActiveUsers, EventLog, RetentionOptions, TimeUnit,
};
use crate::chart::test_support::assert_well_formed;
use crate::chart::Theme;

/// The retention doc example: users 1 and 2 start in week 0 (from Mon 2022-01-10),
/// user 3 in week 1, user 1 returns in week 2; the log ends Sunday 30 January.
fn three_weeks() -> Retention {
    let users = [1u64, 2, 1, 3];
    let days = [19_002i64, 19_003, 19_022, 19_015];
    let log = EventLog::new(&users, &days, TimeUnit::Days).unwrap();
    retention(&log, &RetentionOptions::default()).unwrap()
}

/// The value of attribute `name` on the first `<tag` after `marker`.
fn attr_after(svg: &str, marker: &str, tag: &str, name: &str) -> String {
    let at = svg.find(marker).unwrap_or_else(|| panic!("no {marker}"));
    let start = svg[at..].find(&format!("<{tag} ")).unwrap() + at;
    let key = format!(" {name}=\"");
    let value = svg[start..].find(&key).unwrap() + start + key.len();
    let end = svg[value..].find('"').unwrap() + value;
    svg[value..end].to_owned()
}

/// The texts inside the element group starting at `marker`, up to the next `marker`-
/// level sibling (the group's end).
fn texts_in_group(svg: &str, marker: &str) -> Vec<String> {
    let at = svg[..svg.find(marker).unwrap()].rfind('<').unwrap();
    let mut depth = 0;
    let mut texts = Vec::new();
    let mut rest = &svg[at..];
    while let Some(open) = rest.find('<') {
        rest = &rest[open..];
        if rest.starts_with("<g") {
            depth += 1;
        } else if rest.starts_with("</g>") {
            depth -= 1;
            if depth == 0 {
                break;
            }
        } else if let Some(body) = rest.strip_prefix("<text") {
            let start = body.find('>').unwrap() + 1;
            let end = body.find("</text>").unwrap();
            texts.push(body[start..end].to_owned());
        }
        rest = &rest[1..];
    }
    texts
}

#[test]
fn the_ramp_runs_from_purple_to_yellow_with_readable_text() {
    assert_eq!(ramp(0.0), ("#440154".to_owned(), true));
    assert_eq!(ramp(0.5), ("#1fa187".to_owned(), false));
    assert_eq!(ramp(1.0), ("#fde725".to_owned(), false));
    assert_eq!(ramp(0.25).0, "#365c8d");
    // Half-way between the stops at 0 and 1/8: (0x44 + 0x46) / 2 = 0x45 …
    assert_eq!(ramp(1.0 / 16.0).0, "#451a69");
    assert_eq!(ramp(-3.0), ramp(0.0));
    assert_eq!(ramp(f64::NAN), ramp(0.0));
    for (label, color) in RAMP_KEYS {
        let rate: f64 = label.trim_end_matches('%').parse::<f64>().unwrap() / 100.0;
        assert_eq!(ramp(rate).0, color);
    }
}

#[test]
fn three_week_matrix_by_hand() {
    // 720 × 400, one legend row: plot y 66. Labels "2022-01-10 (2)" and "Cohort
    // (users)": 14 chars → x = 16 + 20 + 92.4 + 6 = 134.4 .. 704, three columns of
    // 189.87 px. Rows from 66 + 19 = 85 to 400 − 16 − 20 = 364: 3 cohorts + 1.5 rows
    // of 62 px; the average row at 85 + 3.5 × 62 = 302.
    let chart = retention_chart(&three_weeks(), &ChartOptions::default());
    assert_well_formed(&chart.svg);
    let svg = &chart.svg;
    let cell = |tip: &str, name: &str| attr_after(svg, tip, "rect", name);
    let first = "2022-01-10 cohort, week 1: 0 of 2 users (0%)";
    assert_eq!(cell(first, "x"), "325.27");
    assert_eq!(cell(first, "y"), "86");
    assert_eq!(cell(first, "width"), "187.87");
    assert_eq!(cell(first, "height"), "60");
    assert_eq!(cell(first, "fill"), "#440154");
    let half = "2022-01-10 cohort, week 2: 1 of 2 users (50%)";
    assert_eq!(cell(half, "fill"), "#1fa187");
    // The cohort of week 1 has no week 2 yet; the empty cohort of week 2 has no cell.
    assert!(!svg.contains("2022-01-17 cohort, week 2"));
    assert!(!svg.contains("2022-01-24 cohort"));
    assert_eq!(
        texts_in_group(svg, "class=\"cohort\""),
        ["100%", "0%", "50%"]
    );
    // Average: (2 + 1) / 3, (0 + 0) / 3, 1 / 2.
    assert_eq!(
        texts_in_group(svg, "class=\"average\""),
        ["100%", "0%", "50%"]
    );
    assert_eq!(
        cell("Weighted average, week 2: 1 of 2 users (50%)", "y"),
        "303"
    );
    assert!(svg.contains(">2022-01-10 (2)</text>"));
    assert!(svg.contains(">Not yet</text>"));
    assert_eq!(
        chart.description,
        "Weekly retention of 3 users in 3 first-time cohorts (active in week k), 2022-01-10 \
         to 2022-01-24. Weighted average: 0% in week 1, 50% in week 2. Cells after the last \
         day (2022-01-30) are empty."
    );
}

#[test]
fn the_sample_matrix_reads_like_the_report() {
    let sample = sample_events();
    let log = EventLog::new(&sample.user_ids, &sample.times, sample.unit).unwrap();
    let matrix = retention(&log, &RetentionOptions::default()).unwrap();
    let chart = retention_chart(&matrix, &ChartOptions::default());
    assert_well_formed(&chart.svg);
    assert_eq!(chart.title, "Weekly retention by cohort");
    assert!(chart.svg.contains(">2026-01-05 (67)</text>"));
    assert_eq!(
        texts_in_group(&chart.svg, "class=\"average\""),
        ["100%", "61%", "57%", "40%", "29%", "26%", "27%", "27%"]
    );
}

#[test]
fn large_matrices_drop_cell_text_and_thin_labels() {
    // 26 weekly cohorts of 10 users, each active every week until the log's end.
    let (mut users, mut days) = (Vec::new(), Vec::new());
    for cohort in 0..26i64 {
        for user in 0..10u64 {
            for week in cohort..26 {
                users.push(cohort as u64 * 100 + user);
                days.push(20_458 + week * 7); // Mondays from 2026-01-05
            }
        }
    }
    days.push(20_458 + 26 * 7 - 1); // the last Sunday, so every week is complete
    users.push(0);
    let log = EventLog::new(&users, &days, TimeUnit::Days).unwrap();
    let matrix = retention(&log, &RetentionOptions::default()).unwrap();
    assert_eq!(matrix.cohort_starts.len(), 26);
    let chart = retention_chart(&matrix, &ChartOptions::default());
    assert_well_formed(&chart.svg);
    // 26 × 27 / 2 cells and 26 averages, no rate written in them.
    assert_eq!(chart.svg.matches("cohort, week").count(), 351);
    assert!(texts_in_group(&chart.svg, "class=\"cohort\"").is_empty());
    // Rows of (364 − 85) / 27.5 = 10.1 px: every second cohort is labelled.
    assert!(chart.svg.contains(">2026-01-05 (10)</text>"));
    assert!(!chart.svg.contains(">2026-01-12 (10)</text>"));
    assert!(chart.svg.contains(">2026-01-19 (10)</text>"));
    // Large enough, the same matrix has its rates written.
    let big = ChartOptions::new(1600, 900, Theme::Dark).unwrap();
    let chart = retention_chart(&matrix, &big);
    assert_eq!(
        texts_in_group(&chart.svg, "class=\"cohort\""),
        vec!["100%"; 26]
    );
}

#[test]
fn degenerate_matrices_draw_a_note() {
    let mut empty = three_weeks();
    empty.cohort_starts.clear();
    let chart = retention_chart(&empty, &ChartOptions::default());
    assert!(chart.svg.contains(">No cohorts to draw</text>"));
    assert_eq!(chart.description, "No cohorts to draw (0 cohorts).");

    let mut short = three_weeks();
    short.rates.pop();
    let chart = retention_chart(&short, &ChartOptions::default());
    assert!(chart
        .svg
        .contains(">The matrix&#39;s rows do not match its cohorts</text>"));

    let mut nan = three_weeks();
    nan.rates[0][1] = Some(f64::NAN);
    let chart = retention_chart(&nan, &ChartOptions::default());
    assert_well_formed(&chart.svg);
    assert!(chart.svg.contains("not a number"));

    let mut nobody = three_weeks();
    nobody.cohort_sizes = vec![0, 0, 0];
    let chart = retention_chart(&nobody, &ChartOptions::default());
    assert!(chart.svg.contains(">No users in any cohort</text>"));
}

#[test]
fn retention_is_deterministic_in_both_themes_and_small() {
    let matrix = three_weeks();
    for theme in [Theme::Light, Theme::Dark] {
        for (width, height) in [(720, 400), (240, 160)] {
            let options = ChartOptions::new(width, height, theme).unwrap();
            let chart = retention_chart(&matrix, &options);
            assert_well_formed(&chart.svg);
            assert_eq!(chart, retention_chart(&matrix, &options));
        }
    }
    let monthly = Retention {
        options: RetentionOptions {
            period: Period::Month,
            ..Default::default()
        },
        ..three_weeks()
    };
    let chart = retention_chart(&monthly, &ChartOptions::default());
    assert_eq!(chart.title, "Monthly retention by cohort");
    assert!(chart.svg.contains(">2022-01 (2)</text>"));
    assert!(chart.svg.contains(">M2</text>"));
}

fn three_days() -> ActiveUsers {
    let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    ActiveUsers {
        days: vec![day(2), day(3), day(4)],
        dau: vec![1, 2, 0],
        wau: vec![1, 2, 2],
        mau: vec![1, 2, 2],
        stickiness: vec![Some(1.0), Some(1.0), Some(0.0)],
        week: Period::WEEK,
        weeks: vec![day(2)],
        weekly: vec![2],
        months: vec![day(1)],
        monthly: vec![2],
    }
}

/// The value of attribute `name` of the element whose tag holds `marker`.
fn attr_of(svg: &str, marker: &str, name: &str) -> String {
    let at = svg.find(marker).unwrap();
    let tag = svg[..at].rfind('<').unwrap();
    let key = format!(" {name}=\"");
    let value = svg[tag..].find(&key).unwrap() + tag + key.len();
    let end = svg[value..].find('"').unwrap() + value;
    svg[value..end].to_owned()
}

/// The `points` of the element with `class`.
fn points_of(svg: &str, class: &str) -> String {
    let at = svg.find(&format!("class=\"{class}\"")).unwrap();
    let start = svg[..at].rfind("points=\"").unwrap() + 8;
    let end = svg[start..].find('"').unwrap() + start;
    svg[start..end].to_owned()
}

#[test]
fn three_days_of_active_users_by_hand() {
    // Legend of two rows (the fourth entry wraps): plot y 84 .. 345, x 81.6 .. 704.
    // y: 0..2 in steps of 0.5 → 130.5 px a user. x: 3 days of 207.47 px, values at
    // the centres 185.33, 392.8, 600.27.
    let chart = active_users_chart(&three_days(), &ChartOptions::default());
    assert_well_formed(&chart.svg);
    assert_eq!(
        points_of(&chart.svg, "series-dau"),
        "185.33,214.5 392.8,84 600.27,345"
    );
    assert_eq!(
        points_of(&chart.svg, "series-mau"),
        "185.33,214.5 392.8,84 600.27,84"
    );
    // The whole span is inside the first 29 days: shaded.
    assert_eq!(attr_of(&chart.svg, "class=\"ramp-up\"", "x"), "81.6");
    assert_eq!(attr_of(&chart.svg, "class=\"ramp-up\"", "width"), "622.4");
    assert!(chart
        .svg
        .contains(">DAU · DAU/MAU on the last day 0%</text>"));
    assert_eq!(chart.svg.matches("<title>Mar ").count(), 3);
    assert!(chart
        .svg
        .contains("<title>Mar 3: DAU 2, WAU 2, MAU 2, DAU/MAU 100%</title>"));
    assert_eq!(
        chart.description,
        "Active users over 3 days, 2026-03-02 to 2026-03-04. On the last day: DAU 0, WAU 2 \
         (7 days), MAU 2 (30 days); DAU/MAU 0%. MAU peaked at 2 on 2026-03-03. The first 3 \
         days (shaded) have less than 30 days of history."
    );
}

#[test]
fn the_sample_active_users_name_the_stickiness() {
    let sample = sample_events();
    let log = EventLog::new(&sample.user_ids, &sample.times, sample.unit).unwrap();
    let active = active_users(&log, Period::WEEK).unwrap();
    let chart = active_users_chart(&active, &ChartOptions::default());
    assert_well_formed(&chart.svg);
    assert!(chart
        .svg
        .contains(">DAU · DAU/MAU on the last day 5%</text>"));
    assert!(chart
        .description
        .starts_with("Active users over 56 days, 2026-01-05 to 2026-03-01. On the last day: DAU 4, WAU 33 (7 days), MAU 75 (30 days); DAU/MAU 5%"));
    let small = ChartOptions::new(240, 160, Theme::Dark).unwrap();
    let chart = active_users_chart(&active, &small);
    assert_well_formed(&chart.svg);
    assert!(chart.svg.contains(">DAU · DAU/MAU 5%</text>"));
    assert_eq!(chart, active_users_chart(&active, &small));
}

#[test]
fn degenerate_active_users_draw_a_note() {
    let mut empty = three_days();
    empty.days.clear();
    let chart = active_users_chart(&empty, &ChartOptions::default());
    assert!(chart.svg.contains(">No days to draw</text>"));
    assert_eq!(chart.description, "No days to draw (0 days).");

    let mut short = three_days();
    short.mau.pop();
    let chart = active_users_chart(&short, &ChartOptions::default());
    assert!(chart
        .svg
        .contains(">The series do not match the days</text>"));

    let mut idle = three_days();
    idle.dau = vec![0; 3];
    idle.wau = vec![0; 3];
    idle.mau = vec![0; 3];
    idle.stickiness = vec![None; 3];
    let chart = active_users_chart(&idle, &ChartOptions::default());
    assert!(chart.svg.contains(">No active users</text>"));

    // One day is not degenerate, and a missing stickiness reads "undefined".
    let mut one = three_days();
    one.days.truncate(1);
    one.dau.truncate(1);
    one.wau.truncate(1);
    one.mau.truncate(1);
    one.stickiness = vec![None];
    let chart = active_users_chart(&one, &ChartOptions::default());
    assert_well_formed(&chart.svg);
    assert!(chart.description.contains("DAU/MAU undefined"));
    assert!(chart.svg.contains(">DAU</text>"));
}
