//! The pictures of the report: every chart of the sample product, written as SVG files
//! into `target/pmkit-demo/`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use pmkit::analytics::{
    active_users, retention, sample_events, ActiveUsersOptions, EventLog, RetentionOptions,
};
use pmkit::chart::{
    active_users_chart, burndown_chart, burnup_chart, cumulative_flow_chart, cycle_time_chart,
    forecast_chart, retention_chart, roadmap_chart, velocity_chart, Chart, ChartOptions,
};
use pmkit::flow::{cumulative_flow, sample_today, Measure};
use pmkit::roadmap::sample_roadmap;
use pmkit::sprint::{sample_sprint, sample_sprint_history, sprint_report, CountBy};

use crate::flow::{sample_forecast, sample_timelines};
use crate::{heading, outln};

/// Where the charts go: `target/pmkit-demo/` of the workspace.
pub fn output_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("target")
        .join("pmkit-demo")
}

/// Every chart of the sample product, in the order the report shows them.
fn sample_charts(options: &ChartOptions) -> pmkit::Result<Vec<Chart>> {
    let report = sprint_report(&sample_sprint(), CountBy::Points)?;
    let timelines = sample_timelines()?;
    let events = sample_events();
    let log = EventLog::new(&events.user_ids, &events.times, events.unit)?;
    Ok([
        burndown_chart(&report, options),
        burnup_chart(&report, options),
        velocity_chart(&sample_sprint_history(), options),
        cumulative_flow_chart(&cumulative_flow(&timelines, Measure::Items)?, options),
        cycle_time_chart(&timelines, options),
        forecast_chart(&sample_forecast(&timelines)?, options),
        roadmap_chart(&sample_roadmap(), sample_today(), options),
        retention_chart(&retention(&log, &RetentionOptions::default())?, options),
        active_users_chart(
            &active_users(&log, &ActiveUsersOptions::default())?,
            options,
        ),
    ]
    .into_iter()
    .chain(crate::evidence::charts(options)?)
    .collect())
}

/// A page that shows every chart, to look at them together in a browser.
fn index_page(charts: &[Chart]) -> String {
    let mut page = String::from(
        "<!doctype html>\n<html lang=\"en\">\n<meta charset=\"utf-8\">\n\
         <title>pmkit demo charts</title>\n\
         <body style=\"font-family: system-ui, sans-serif; max-width: 760px; margin: 2em auto\">\n\
         <h1>pmkit demo charts</h1>\n",
    );
    for chart in charts {
        // Titles are plain text from the sample data; the charts escape their own text.
        let title = chart
            .title
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('"', "&quot;");
        let _ = writeln!(
            page,
            "<figure><img src=\"{}.svg\" alt=\"{title}\" width=\"{}\" height=\"{}\">\
             <figcaption>{title}</figcaption></figure>",
            chart.kind, chart.width, chart.height
        );
    }
    page.push_str("</body>\n</html>\n");
    page
}

/// Writes the charts and lists their paths.
pub fn write_charts(out: &mut String, dir: &Path) -> Result<(), String> {
    let charts = sample_charts(&ChartOptions::default()).map_err(|err| err.to_string())?;
    std::fs::create_dir_all(dir).map_err(|err| format!("{}: {err}", dir.display()))?;
    heading(out, &format!("Charts — {} SVG files", charts.len()));
    // One column for the titles, as wide as the longest.
    let width = charts
        .iter()
        .map(|chart| chart.title.chars().count())
        .max()
        .unwrap_or(0);
    for chart in &charts {
        let path = dir.join(format!("{}.svg", chart.kind));
        std::fs::write(&path, &chart.svg).map_err(|err| format!("{}: {err}", path.display()))?;
        let shown = path.canonicalize().unwrap_or(path);
        outln!(out, "  {:<width$} {}", chart.title, shown.display());
    }
    let index = dir.join("index.html");
    std::fs::write(&index, index_page(&charts))
        .map_err(|err| format!("{}: {err}", index.display()))?;
    let shown = index.canonicalize().unwrap_or(index);
    outln!(
        out,
        "  {:<width$} {}",
        "All of them on one page",
        shown.display()
    );
    Ok(())
}
