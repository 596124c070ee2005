//! The body of every fuzz target, as a function of the raw input: the cargo-fuzz
//! binaries (`fuzz_targets/`) call them under libFuzzer, and `tests/replay.rs` calls
//! them on the committed seeds and past findings with stable `cargo test`.
//! Each returns quietly for input it rejects and panics on a broken promise.

#![allow(clippy::missing_panics_doc)]

use chrono::NaiveDate;
use pmkit::analytics::{ActiveUsers, Retention};
use pmkit::chart::*;
use pmkit::dashboard::{dashboard, jira_default_statuses, ProductFile};
use pmkit::flow::*;
use pmkit::forecast::WhenForecast;
use pmkit::metrics::{MrrMonth, SbgFit};
use pmkit::roadmap::Roadmap;
use pmkit::scorecard::{scorecard, ProductSnapshot};
use pmkit::stats::ConversionComparison;
use pmkit::sprint::{sprint_report, CountBy, SprintLog, SprintOutcome, SprintReport};
use pmkit::tracker::{
    import_github_issues, import_jira_csv, import_linear_csv, GithubImportOptions, GithubIssues,
    JiraCsvImportOptions, LinearCsvImportOptions,
};
use pmkit::work::{backlog_health, Backlog, Framework, HealthOptions, UnestimatedPolicy};
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::{assert_finite, assert_svg_finite};

/// `Moment::parse` on any text: an error or a moment whose text form reads back the same.
pub fn moment(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(moment) = Moment::parse("at", text) {
        let again = Moment::parse("at", &moment.to_string()).expect("a moment's own text");
        assert_eq!(again, moment, "{text:?}");
        // Through JSON too, as every binding reads it.
        let json = serde_json::to_string(&moment).expect("text");
        assert_eq!(
            serde_json::from_str::<Moment>(&json).expect("own JSON"),
            moment
        );
    }
}

/// A backlog's JSON text: an error, or a backlog whose JSON reads back equal and whose
/// totals, MoSCoW summary, rankings and health are finite.
pub fn backlog_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(backlog) = Backlog::from_json(text) else {
        return;
    };
    let again = Backlog::from_json(&backlog.to_json()).expect("a backlog reads its own JSON");
    assert_eq!(again, backlog);
    for policy in [UnestimatedPolicy::Exclude, UnestimatedPolicy::CountAs(13.0)] {
        assert_finite("point_totals", &backlog.point_totals(policy));
        assert_finite("moscow_summary", &backlog.moscow_summary(policy));
    }
    for framework in [
        Framework::Rice,
        Framework::Ice,
        Framework::Wsjf,
        Framework::ValueEffort,
        Framework::Moscow,
    ] {
        for &variant in framework.variants() {
            if let Ok(ranking) = backlog.rank(framework, variant) {
                assert_finite("rank", &ranking);
            }
        }
    }
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 31).expect("a date");
    if let Ok(health) = backlog_health(&backlog, today, &HealthOptions::default()) {
        assert_finite("backlog_health", &health);
    }
}

/// A roadmap's JSON text: an error, or a roadmap whose JSON reads back equal, whose
/// validation is finite and whose chart draws finite geometry.
pub fn roadmap_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(roadmap) = Roadmap::from_json(text) else {
        return;
    };
    let again = Roadmap::from_json(&roadmap.to_json()).expect("a roadmap reads its own JSON");
    assert_eq!(again, roadmap);
    if let Ok(validation) = roadmap.validate() {
        assert_finite("validate", &validation);
    }
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 16).expect("a date");
    let chart = roadmap_chart(&roadmap, today, &ChartOptions::default());
    assert_svg_finite("roadmap_chart", &chart.svg);
}

#[derive(Deserialize)]
struct FlowInput {
    items: Vec<Item>,
    workflow: Workflow,
    today: NaiveDate,
    #[serde(default)]
    options: TimelinesOptions,
}

/// Items and a workflow as JSON (`{"items": [...], "workflow": {...}, "today": "...",
/// "options": {...}}`, the dashboard's flow section plus the timelines options): an
/// error, or timelines whose every team metric and chart is finite.
pub fn items_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(input) = pmkit::json::from_str::<FlowInput>("input", text) else {
        return;
    };
    let Ok(timelines) = item_timelines(&input.items, &input.workflow, input.today, &input.options)
    else {
        return;
    };
    assert_finite("item_timelines", &timelines);
    for measure in [Measure::Items, Measure::Points] {
        for period in [Period::Day, Period::WEEK] {
            if let Ok(weekly) = throughput(&timelines, period, measure, None, None) {
                let finished = timelines.items.iter().filter(|i| i.cycle_time.is_some());
                if measure == Measure::Items {
                    assert_eq!(weekly.values.iter().sum::<f64>(), finished.count() as f64);
                }
                assert_finite("throughput", &weekly);
            }
            if let Ok(net) = net_flow(&timelines, period, measure) {
                assert_finite("net_flow", &net);
            }
            if let Ok(cancelled) = cancelled_work(&timelines, period, measure, None, None) {
                assert_finite("cancelled_work", &cancelled);
            }
        }
        if let Ok(cfd) = cumulative_flow(&timelines, measure) {
            assert_finite("cumulative_flow", &cfd);
            let chart = cumulative_flow_chart(&cfd, &ChartOptions::default());
            assert_svg_finite("cumulative_flow_chart", &chart.svg);
        }
        if let Ok(open) = wip(&timelines, measure) {
            assert_finite("wip", &open);
        }
    }
    if let Ok(ageing) = ageing_wip(&timelines) {
        assert_finite("ageing_wip", &ageing);
    }
    for kind in [DurationKind::CycleTime, DurationKind::LeadTime] {
        let sample = durations(&timelines, kind);
        if let Ok(p) = percentiles(&sample, &CYCLE_TIME_LEVELS) {
            assert_finite("percentiles", &p);
            assert!(p.windows(2).all(|pair| pair[0].value <= pair[1].value));
        }
        if let Ok(bins) = histogram(&sample) {
            assert_eq!(bins.iter().sum::<u64>(), sample.len() as u64);
        }
    }
    let chart = cycle_time_chart(&timelines, &ChartOptions::default());
    assert_svg_finite("cycle_time_chart", &chart.svg);
}

/// A KPI snapshot's JSON text: an error, or a snapshot whose scorecard is finite.
pub fn scorecard_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(snapshot) = ProductSnapshot::from_json(text) else {
        return;
    };
    if let Ok(card) = scorecard(&snapshot) {
        assert_finite("scorecard", &card);
    }
}

/// A sprint log's JSON text: an error, or a log whose JSON reads back equal and whose
/// report and charts are finite.
pub fn sprint_log_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(log) = SprintLog::from_json(text) else {
        return;
    };
    if log.validate().is_err() {
        return;
    }
    let again = SprintLog::from_json(&log.to_json()).expect("a log reads its own JSON");
    assert_eq!(again, log);
    for count_by in [CountBy::Points, CountBy::Items] {
        if let Ok(report) = sprint_report(&log, count_by) {
            assert_finite("sprint_report", &report);
            let options = ChartOptions::default();
            assert_svg_finite("burndown_chart", &burndown_chart(&report, &options).svg);
            assert_svg_finite("burnup_chart", &burnup_chart(&report, &options).svg);
        }
    }
}

/// A product file's JSON text (the dashboard's input): an error, or a dashboard whose
/// every number and chart is finite.
pub fn product_file_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(file) = ProductFile::from_json(text) else {
        return;
    };
    if let Ok(board) = dashboard(&file, None, &ChartOptions::default()) {
        assert_finite("dashboard", &board);
        for chart in &board.charts {
            assert_svg_finite("dashboard chart", &chart.svg);
        }
    }
}

/// A Jira CSV export: an error, or a backlog whose JSON reads back equal and whose
/// totals are finite.
pub fn jira_csv(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let options = JiraCsvImportOptions::default();
    let Ok(import) = import_jira_csv(text, &jira_default_statuses(), &options) else {
        return;
    };
    let backlog = &import.backlog;
    let again = Backlog::from_json(&backlog.to_json()).expect("a backlog reads its own JSON");
    assert_eq!(&again, backlog);
    assert_finite(
        "point_totals",
        &backlog.point_totals(UnestimatedPolicy::Exclude),
    );
    assert_finite("items", &import.items);
}

/// A Linear CSV export: an error, or a backlog whose JSON reads back equal and whose
/// items and totals are finite.
pub fn linear_csv(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(import) = import_linear_csv(text, &LinearCsvImportOptions::default()) else {
        return;
    };
    let backlog = &import.backlog;
    let again = Backlog::from_json(&backlog.to_json()).expect("a backlog reads its own JSON");
    assert_eq!(&again, backlog);
    assert_finite("items", &import.items);
}

/// GitHub issues and their timelines, as JSON `{"issues": …, "options": …}`: an error,
/// or items whose JSON is finite and whose transitions are oldest first.
pub fn github_json(data: &[u8]) {
    #[derive(Deserialize)]
    struct Input {
        issues: serde_json::Value,
        #[serde(default)]
        options: Option<GithubImportOptions>,
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(input) = serde_json::from_str::<Input>(text) else {
        return;
    };
    let Ok(issues) = GithubIssues::from_value(input.issues) else {
        return;
    };
    let Ok(import) = import_github_issues(&issues, &input.options.unwrap_or_default()) else {
        return;
    };
    assert_finite("items", &import.items);
    for item in &import.items {
        assert!(item.transitions.windows(2).all(|pair| pair[0].at <= pair[1].at), "{}", item.key);
    }
}

/// The model and options, if the text holds them. The options are not checked: a Rust
/// caller may build them field by field, and the charts must draw with any.
fn chart_input<T: DeserializeOwned>(text: &str) -> Option<(T, ChartOptions)> {
    serde_json::from_str(text).ok()
}

/// Every chart given an arbitrary result model and options: the first byte picks the
/// chart, the rest is JSON `[model, options]` (the dict and object forms the bindings
/// accept). The chart must draw finite geometry, or the frame with a note.
pub fn charts(data: &[u8]) {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    // The charts added later take the top first bytes, so 0..=251 pick as before.
    let chart = match which {
        252 => chart_input::<ConversionComparison>(text).map(|(m, o)| experiment_chart(&m, &o)),
        253 => chart_input::<SbgFit>(text).map(|(m, o)| retention_projection_chart(&m, &o)),
        254 => chart_input::<Vec<MrrMonth>>(text).map(|(m, o)| mrr_chart(&m, &o)),
        _ => earlier_charts(which, text),
    };
    if let Some(chart) = chart {
        assert_svg_finite("chart", &chart.svg);
    }
}

/// The first nine charts, picked by `which % 9`.
fn earlier_charts(which: u8, text: &str) -> Option<Chart> {
    match which % 9 {
        0 => chart_input::<CumulativeFlow>(text).map(|(m, o)| cumulative_flow_chart(&m, &o)),
        1 => chart_input::<Timelines>(text).map(|(m, o)| cycle_time_chart(&m, &o)),
        2 => chart_input::<SprintReport>(text).map(|(m, o)| burndown_chart(&m, &o)),
        3 => chart_input::<SprintReport>(text).map(|(m, o)| burnup_chart(&m, &o)),
        4 => chart_input::<Vec<SprintOutcome>>(text).map(|(m, o)| velocity_chart(&m, &o)),
        5 => chart_input::<Roadmap>(text).map(|(m, o)| {
            let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 16).unwrap_or_default();
            roadmap_chart(&m, today, &o)
        }),
        6 => chart_input::<WhenForecast>(text).map(|(m, o)| forecast_chart(&m, &o)),
        7 => chart_input::<ActiveUsers>(text).map(|(m, o)| active_users_chart(&m, &o)),
        _ => chart_input::<Retention>(text).map(|(m, o)| retention_chart(&m, &o)),
    }
}
