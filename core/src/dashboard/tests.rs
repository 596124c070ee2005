//! Unit tests of the dashboard, with numbers checked by hand against the samples.

use super::*;
use crate::metrics::MetricId;
use crate::ErrorKind;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

#[test]
fn sample_numbers() {
    let board = dashboard(&sample_product_file(), None, &ChartOptions::default()).unwrap();
    assert_eq!(board.product, "Checkout");
    assert_eq!(board.today, Some(day("2026-03-31")));

    // Every KPI of the sample snapshot; NPS: 10 promoters − 3 detractors of 20.
    let card = board.scorecard.unwrap();
    assert_eq!(card.readings.len(), MetricId::ALL.len());
    assert_eq!(card.get(MetricId::NetPromoterScore).unwrap().value, 35.0);
    assert_eq!(card.get(MetricId::ChurnRate).unwrap().value, 24.0 / 800.0);

    // Sprint 12: 18 points committed; A (5), D (3), E (2) and the added F (3) done.
    let sprint = board.sprint.unwrap();
    assert_eq!(sprint.committed.points, 18.0);
    assert_eq!(sprint.completed.points, 13.0);
    assert_eq!(sprint.say_do_ratio, Some(10.0 / 18.0));

    // S-10..S-12 completed 24, 20 and 13 points.
    assert_eq!(board.velocity.unwrap().points.mean, 19.0);

    // The sample backlog: 5 to do (41 points, one unestimated), 1 in progress (8),
    // 3 done (13), 1 cancelled (8); on 31 March 2 done in the period, 6 open.
    let backlog = board.backlog.unwrap();
    let totals = &backlog.totals;
    assert_eq!((totals.to_do.stories, totals.to_do.points), (5, 41.0));
    assert_eq!(totals.to_do.unestimated, 1);
    assert_eq!((totals.in_progress.stories, totals.done.points), (1, 13.0));
    assert_eq!(totals.cancelled.stories, 1);
    let health = backlog.health.unwrap();
    assert_eq!(health.completion_rate, Some(0.25));
    assert_eq!(health.blocked, ["PAY-105"]);

    // The roadmap's epics: 3 of 9 stories done, 13 of 62 points.
    let epics = board.roadmap.unwrap();
    let epics = epics
        .levels
        .iter()
        .find(|level| level.level == crate::roadmap::Level::Epic)
        .unwrap();
    assert_eq!(
        (epics.progress.done_points, epics.progress.total_points),
        (13.0, 62.0)
    );
}

#[test]
fn charts_of_the_sections_present() {
    use crate::chart::{ChartKind, Theme};
    let options = ChartOptions::new(640, 320, Theme::Dark).unwrap();
    let board = dashboard(&sample_product_file(), None, &options).unwrap();
    let kinds: Vec<ChartKind> = board.charts.iter().map(|chart| chart.kind).collect();
    assert_eq!(
        kinds,
        [
            ChartKind::Burndown,
            ChartKind::Burnup,
            ChartKind::Velocity,
            ChartKind::CumulativeFlow,
            ChartKind::CycleTime,
            ChartKind::Forecast,
            ChartKind::Roadmap,
        ]
    );
    let report = board.sprint.as_ref().unwrap();
    assert_eq!(
        board.charts[0],
        crate::chart::burndown_chart(report, &options)
    );
    assert!(board.charts.iter().all(|chart| chart.width == 640));

    // No sprint, no history: no charts.
    let file = ProductFile {
        backlog: sample_product_file().backlog,
        ..ProductFile::default()
    };
    let board = dashboard(&file, None, &options).unwrap();
    assert!(board.charts.is_empty());
}

#[test]
fn sample_flow_and_forecast() {
    let board = dashboard(&sample_product_file(), None, &ChartOptions::default()).unwrap();
    let flow = board.flow.unwrap();
    assert_eq!(flow.today, day("2026-02-20")); // a Friday
    assert_eq!(flow.items, 120);
    // Weeks close on Fridays, the last on the board's day.
    assert_eq!(flow.throughput.ends.last(), Some(&day("2026-02-20")));
    assert_eq!(flow.throughput.values, [3.0, 18.0, 19.0, 24.0, 22.0, 19.0]);
    // Every finished item is in one week; the rest are in progress.
    assert_eq!(flow.finished, 3 + 18 + 19 + 24 + 22 + 19);
    assert_eq!(flow.finished + flow.in_progress, 120);
    let levels: Vec<f64> = flow.cycle_time.iter().map(|p| p.level).collect();
    assert_eq!(levels, [0.5, 0.85, 0.95]);

    // 6 open stories; a week finishes at least 18 unless the draw is the 3-item week
    // (1 in 6), and any second week finishes the rest: 1 week in 5/6 of the trials,
    // 2 in 1/6. So 50 % and 70 % in 1 week, 85 % and 95 % in 2.
    let forecast = board.forecast.unwrap();
    assert_eq!(forecast.scope, RemainingWork::Backlog);
    assert_eq!(forecast.remaining, 6.0);
    // Open now, so forecast from the dashboard's day, not the board's.
    assert_eq!(forecast.start, day("2026-03-31"));
    let periods: Vec<u64> = forecast
        .when
        .percentiles
        .iter()
        .map(|p| p.periods)
        .collect();
    assert_eq!(periods, [1, 1, 2, 2]);
    assert_eq!(
        forecast.when.percentiles[2].date,
        Some(day("2026-04-14")) // two weeks after 31 March
    );
    assert!((forecast.when.mean_periods - (1.0 + 1.0 / 6.0)).abs() < 0.01);
}

#[test]
fn a_board_without_a_backlog_forecasts_its_unfinished_items() {
    let file = ProductFile {
        flow: sample_product_file().flow,
        ..ProductFile::default()
    };
    let board = dashboard(&file, None, &ChartOptions::default()).unwrap();
    assert_eq!(board.product, "Product");
    assert!(board.backlog.is_none() && board.today.is_none());
    let forecast = board.forecast.unwrap();
    assert_eq!(forecast.scope, RemainingWork::Flow);
    assert_eq!(forecast.remaining, 120.0 - 105.0);
}

#[test]
fn jira_export_is_a_backlog_only_dashboard() {
    let csv = "Issue key,Summary,Status,Story Points,Created,Resolved\n\
               APP-1,Sign in,Done,3,2026-01-05,2026-01-20\n\
               APP-2,Sign out,Won't Do,2,2026-01-06,2026-01-25\n\
               APP-3,Reset password,In Progress,5,2026-01-10,\n\
               APP-4,Profile page,To Do,,2026-02-01,\n";
    let file = ProductFile::from_jira_csv(csv, None).unwrap();
    let board = dashboard(&file, None, &ChartOptions::default()).unwrap();
    assert_eq!(board.product, "APP");
    // The latest date in the export: APP-4 created on 1 February.
    assert_eq!(board.today, Some(day("2026-02-01")));
    assert!(board.scorecard.is_none() && board.sprint.is_none() && board.flow.is_none());
    assert!(board.forecast.is_none() && board.roadmap.is_none() && board.velocity.is_none());
    let backlog = board.backlog.unwrap();
    assert_eq!(backlog.totals.done.points, 3.0);
    assert_eq!(backlog.totals.cancelled.stories, 1);
    let health = backlog.health.unwrap();
    // 30 days to 1 February: APP-1 done on 20 January; APP-3 and APP-4 open.
    assert_eq!(health.completion_rate, Some(1.0 / 3.0));
    assert_eq!(health.unestimated, 1);
    // Ages on 1 February: APP-3 22 days, APP-4 0 days.
    assert_eq!(health.oldest_open_age_days, Some(22));
}

#[test]
fn today_overrides_the_file() {
    let file = sample_product_file();
    let board = dashboard(&file, Some(day("2026-04-30")), &ChartOptions::default()).unwrap();
    let health = board.backlog.unwrap().health.unwrap();
    assert_eq!(health.today, day("2026-04-30"));
    // A day before a story was created is an error on that story.
    let err = dashboard(&file, Some(day("2025-01-01")), &ChartOptions::default()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.field().starts_with("backlog.stories["), "{err}");
}

#[test]
fn section_errors_name_the_section() {
    let file = ProductFile {
        snapshot: Some(crate::scorecard::ProductSnapshot {
            nps_responses: Some(vec![10.0, 11.0]),
            ..Default::default()
        }),
        ..ProductFile::default()
    };
    let err = dashboard(&file, None, &ChartOptions::default()).unwrap_err();
    assert_eq!(
        (err.kind(), err.field()),
        (ErrorKind::OutOfRange, "snapshot.nps_responses[1]")
    );

    let mut file = ProductFile::default();
    let mut history = crate::sprint::sample_sprint_history();
    history[2].completed_points = -1.0;
    file.sprint_history = Some(history);
    let err = dashboard(&file, None, &ChartOptions::default()).unwrap_err();
    assert_eq!(err.field(), "sprint_history[2].completed_points");
    file.sprint_history = Some(Vec::new());
    let err = dashboard(&file, None, &ChartOptions::default()).unwrap_err();
    assert_eq!(
        (err.kind(), err.field()),
        (ErrorKind::Undefined, "sprint_history")
    );

    let mut flow = sample_product_file().flow.unwrap();
    flow.items[3].points = -2.0;
    let file = ProductFile {
        flow: Some(flow),
        ..ProductFile::default()
    };
    let err = dashboard(&file, None, &ChartOptions::default()).unwrap_err();
    assert!(err.field().starts_with("flow.items[3]"), "{err}");
}
