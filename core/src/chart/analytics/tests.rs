//! Tests of the analytics charts: hand-computed cells and lines, the colour ramp,
//! large matrices, degenerate data, themes and determinism.

use super::*;
use crate::analytics::{
    active_users, retention, sample_events, ActiveUsers, ActiveUsersOptions, EventLog,
    RetentionOptions, TimeUnit,
};
use crate::chart::test_support::{assert_well_formed, attr_after, points_of};
use crate::chart::Theme;

/// The retention doc example: users 1 and 2 start in week 0 (from Mon 2022-01-10),
/// user 3 in week 1, user 1 returns in week 2; the log ends Sunday 30 January.
fn three_weeks() -> Retention {
    let users = [1u64, 2, 1, 3];
    let days = [19_002i64, 19_003, 19_022, 19_015];
    let log = EventLog::new(&users, &days, TimeUnit::Days).unwrap();
    retention(&log, &RetentionOptions::default()).unwrap()
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
    let active = active_users(&log, &ActiveUsersOptions::default()).unwrap();
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

/// Every `<text>` of `svg` as `(x, y, text-anchor, text)`; the anchor is `inherit` when
/// the element sets none.
fn texts(svg: &str) -> Vec<(f64, f64, String, String)> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(open) = rest.find("<text ") {
        rest = &rest[open..];
        let tag_end = rest.find('>').unwrap();
        let tag = &rest[..tag_end];
        let attr = |name: &str| {
            let key = format!(" {name}=\"");
            tag.find(&key).map(|at| {
                let value = &tag[at + key.len()..];
                value[..value.find('"').unwrap()].to_owned()
            })
        };
        let body = &rest[tag_end + 1..rest.find("</text>").unwrap()];
        out.push((
            attr("x").unwrap().parse().unwrap(),
            attr("y").unwrap().parse().unwrap(),
            attr("text-anchor").unwrap_or_else(|| "inherit".to_owned()),
            body.to_owned(),
        ));
        rest = &rest[tag_end..];
    }
    out
}

/// `days` daily cohorts of one user each: user d is active on day d (from Monday
/// 2026-01-05) and on the next day, but the last user only once.
fn daily_cohorts(days: i64) -> Retention {
    let (mut users, mut times) = (Vec::new(), Vec::new());
    for d in 0..days {
        users.push(d as u64);
        times.push(20_458 + d);
        if d + 1 < days {
            users.push(d as u64);
            times.push(20_458 + d + 1);
        }
    }
    let log = EventLog::new(&users, &times, TimeUnit::Days).unwrap();
    let options = RetentionOptions {
        period: Period::Day,
        ..Default::default()
    };
    retention(&log, &options).unwrap()
}

#[test]
fn thin_rows_keep_the_average_row_a_label_high() {
    // Rows of at least a label (11 + 1 px) are shared evenly: 3 cohorts in 85..364
    // are 279 / 4.5 = 62 px, the average from 85 + 3.5 × 62 = 302, the rule at 286.5.
    let rows = heatmap_rows(85.0, 364.0, 3, 11.0);
    assert_eq!(
        rows,
        HeatmapRows {
            row_h: 62.0,
            average_y: 302.0,
            average_h: 62.0,
            rule_y: 286.5
        }
    );
    // 150 cohorts would be 279 / 151.5 = 1.84 px: the average keeps 12 px and 4 px
    // apart; the cohorts share 279 − 16 = 263 px, 1.7533 each, ending at 348.
    let rows = heatmap_rows(85.0, 364.0, 150, 11.0);
    assert!((rows.row_h - 263.0 / 150.0).abs() < 1e-9);
    assert!((rows.average_y - 352.0).abs() < 1e-9);
    assert_eq!(rows.average_h, 12.0);
    assert!((rows.rule_y - 350.0).abs() < 1e-9);
}

#[test]
fn period_names_start_at_the_matrix_and_never_touch() {
    // 150 columns of 569.6 / 150 = 3.797 px from 134.4: "D149" is 26.4 px, so with
    // an 11 px gap every 10th column is named. "D0" (13.2 px) centred on 136.3 would
    // reach under "Cohort (users)": it moves to 134.4 + 6.6 = 141.
    let step = 569.6 / 150.0;
    let names: Vec<(f64, String)> = (0..150)
        .map(|k| (134.4 + (k as f64 + 0.5) * step, format!("D{k}")))
        .collect();
    let spots = header_spots(&names, (134.4, 704.0), 11.0);
    assert_eq!(spots.len(), 15);
    assert_eq!(spots[0], (141.0, "D0".to_owned()));
    assert_eq!(spots[1].1, "D10");
    assert!((spots[1].0 - (134.4 + 10.5 * step)).abs() < 1e-9);
    assert_eq!(spots[14].1, "D140");
    // The last column's name stays inside: "D3" centred on 699.6 moves to 704 − 6.6.
    let three: Vec<(f64, String)> = (0..3)
        .map(|k| (134.4 + (k as f64 + 0.5) * 8.8, format!("D{k}")))
        .chain([(699.6, "D3".to_owned())])
        .collect();
    let spots = header_spots(&three, (134.4, 704.0), 11.0);
    assert_eq!(spots.last(), Some(&(697.4, "D3".to_owned())));
    // Names every 8.8 px need 24.2 px: every 3rd; D0 moved to 141 leaves D3 at 697.4.
    assert_eq!(spots.len(), 2);
}

#[test]
fn a_daily_heatmap_of_148_cohorts_has_no_crowded_labels() {
    // 148 cohorts of one user ("2026-01-05 (1)", 14 chars: plot from 134.4) and 148
    // days; one legend row (with "Not yet"): the header at 66 + 12 = 78, rows from 85.
    // Cohort rows of 263 / 148 = 1.777 px, a label every ceil(12 / 1.777) = 7th row;
    // the average row 12 px high from 85 + 263 + 4 = 352, its label at 358 + 11/3.
    let matrix = daily_cohorts(148);
    assert_eq!(matrix.cohort_starts.len(), 148);
    let chart = retention_chart(&matrix, &ChartOptions::default());
    assert_well_formed(&chart.svg);
    let all = texts(&chart.svg);
    let find = |text: &str| all.iter().find(|t| t.3 == text).unwrap().clone();
    // "Cohort (users)" ends at 134.4 − 6 = 128.4; "D0" starts at the plot, 141 − 6.6.
    assert_eq!(find("Cohort (users)").0, 128.4);
    assert_eq!(find("Cohort (users)").2, "end");
    assert_eq!((find("D0").0, find("D0").1), (141.0, 78.0));
    let average = find("Average");
    assert_eq!(average.1, 361.67);
    assert_eq!(
        attr_after(&chart.svg, "Weighted average, day 0:", "rect", "y"),
        "352.5"
    );
    assert_eq!(
        attr_after(&chart.svg, "Weighted average, day 0:", "rect", "height"),
        "11"
    );
    // Row 147 would be centred 10.9 px above the average's label: it is left out;
    // row 140 (2026-05-25), centred at 85 + 140.5 × 1.777 = 334.67, is the last.
    assert!(!chart.svg.contains(">2026-06-01 (1)</text>"));
    assert_eq!(find("2026-05-25 (1)").1, 338.34);
    // Every two labels in the header, and in the label column, keep apart.
    let header: Vec<&(f64, f64, String, String)> = all.iter().filter(|t| t.1 == 78.0).collect();
    for pair in header.windows(2) {
        let right_of_first = if pair[0].2 == "end" {
            pair[0].0
        } else {
            pair[0].0 + text_width(&pair[0].3, 11.0) / 2.0
        };
        let left_of_second = pair[1].0 - text_width(&pair[1].3, 11.0) / 2.0;
        assert!(left_of_second - right_of_first >= 6.0, "{pair:?}");
    }
    let column: Vec<f64> = all
        .iter()
        .filter(|t| t.0 == 128.4 && t.1 > 78.0)
        .map(|t| t.1)
        .collect();
    assert_eq!(column.len(), 22); // rows 0, 7, …, 140 and "Average"
    assert!(column.windows(2).all(|pair| pair[1] - pair[0] >= 12.0));
}

#[test]
fn many_monthly_and_weekly_cohorts_stay_apart_at_both_sizes() {
    // 35 monthly and 150 weekly cohorts: a new user every Monday from 2021-01-04 for
    // 150 weeks, each back three days later.
    let (mut users, mut times) = (Vec::new(), Vec::new());
    for d in (0..1050i64).step_by(7) {
        users.extend([d as u64, d as u64]);
        times.extend([18_631 + d, 18_631 + d + 3]); // from Monday 2021-01-04
    }
    let log = EventLog::new(&users, &times, TimeUnit::Days).unwrap();
    for period in [Period::Month, Period::WEEK] {
        let options = RetentionOptions {
            period,
            ..Default::default()
        };
        let matrix = retention(&log, &options).unwrap();
        let expected = if period == Period::Month { 35 } else { 150 };
        assert_eq!(matrix.cohort_starts.len(), expected);
        for (width, height) in [(720, 400), (240, 160)] {
            let options = ChartOptions::new(width, height, Theme::Light).unwrap();
            let sizes = super::super::frame::Sizes::for_size(width, height);
            let chart = retention_chart(&matrix, &options);
            assert_well_formed(&chart.svg);
            let all = texts(&chart.svg);
            let cohort = all.iter().find(|t| t.3 == "Cohort (users)").unwrap();
            let header: Vec<_> = all.iter().filter(|t| t.1 == cohort.1).collect();
            // The first period name starts right of the "Cohort (users)" header.
            let first = header.iter().find(|t| t.2 == "middle").unwrap();
            assert!(first.0 - text_width(&first.3, sizes.tick) / 2.0 >= cohort.0 + 6.0);
            assert!(header
                .iter()
                .all(|t| t.0 + text_width(&t.3, sizes.tick) / 2.0 <= f64::from(width)));
            let rows: Vec<f64> = all
                .iter()
                .filter(|t| t.0 == cohort.0 && t.1 > cohort.1)
                .map(|t| t.1)
                .collect();
            assert_eq!(all.iter().filter(|t| t.3 == "Average").count(), 1);
            assert!(rows.len() >= 3, "{period:?} {width}: {rows:?}");
            assert!(
                rows.windows(2)
                    .all(|pair| pair[1] - pair[0] >= sizes.tick + 1.0),
                "{period:?} {width}: {rows:?}"
            );
        }
    }
}
