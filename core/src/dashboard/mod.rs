//! The product dashboard: one [`ProductFile`] in, every number and chart the browser
//! page shows out ([`dashboard`]).
//!
//! A product file holds whatever a team has — KPI inputs, the current sprint, past
//! sprints, a board's status history, the roadmap, the backlog — and the dashboard
//! shows what can be computed from it: the KPI [`Scorecard`], the backlog's health, the
//! sprint report, velocity, flow percentiles, a Monte Carlo forecast of the remaining
//! backlog, the roadmap's progress, and the charts. Absent sections are absent from
//! the dashboard, never errors. Every number comes from the module that owns it;
//! nothing is recomputed here.
//!
//! ```
//! use pmkit::chart::ChartOptions;
//! use pmkit::dashboard::{dashboard, sample_product_file, ProductFile};
//!
//! let board = dashboard(&sample_product_file(), None, &ChartOptions::default())?;
//! assert_eq!(board.product, "Checkout");
//! assert!(board.scorecard.as_ref().is_some_and(|card| card.missing.is_empty()));
//! assert_eq!(board.sprint.as_ref().map(|report| report.completed.points), Some(13.0));
//!
//! // A Jira export has only a backlog: no sprint, no KPI.
//! let csv = "Issue key,Summary,Status,Created\nPAY-1,Save card,To Do,2026-03-02\n";
//! let board = dashboard(&ProductFile::from_jira_csv(csv, None)?, None, &ChartOptions::default())?;
//! assert!(board.sprint.is_none() && board.scorecard.is_none());
//! assert_eq!(board.backlog.map(|backlog| backlog.totals.to_do.stories), Some(1));
//! # Ok::<(), pmkit::Error>(())
//! ```

mod file;
mod sample;
mod tracker;

// docs/dashboard.md's Rust example runs as a doc test.
#[doc = include_str!("../../../docs/dashboard.md")]
#[cfg(doctest)]
pub struct DashboardDoctests;

pub use file::{jira_default_statuses, FlowData, ProductFile, SECTIONS};
pub use sample::sample_product_file;
pub use tracker::{
    tracker_product_file, TrackerFile, TrackerFileOptions, TrackerFormat, TrackerStatus,
};

use chrono::{Datelike, NaiveDate};

use crate::chart::{
    burndown_chart, burnup_chart, cumulative_flow_chart, cycle_time_chart, forecast_chart,
    roadmap_chart, velocity_chart, Chart, ChartOptions,
};
use serde::{Deserialize, Serialize};

use crate::flow::{
    ageing_wip, cumulative_flow, durations, item_timelines, percentiles, throughput, Counting,
    DurationKind, Measure, Percentile, Period, Throughput, Timelines, CYCLE_TIME_LEVELS,
};
use crate::forecast::{forecast_when, Calendar, Simulation, WhenForecast, DEFAULT_TRIALS};
use crate::metrics::DEFAULT_VELOCITY_WINDOW;
use crate::roadmap::{roadmap_progress, RoadmapProgress};
use crate::scorecard::{scorecard, Scorecard};
use crate::sprint::{sprint_report, velocity, CountBy, SprintReport, Velocity};
use crate::work::{
    backlog_health, Backlog, BacklogHealth, HealthOptions, PointTotals, UnestimatedPolicy,
};
use crate::Result;

/// The seed of the dashboard's forecast: the same file gives the same forecast.
pub const FORECAST_SEED: u64 = 2026;

/// The backlog's totals and health.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BacklogSummary {
    /// Stories and points per status category (unestimated stories count 0 points).
    pub totals: PointTotals,
    /// The health report on the dashboard's `today` (default options); `None` when the
    /// dashboard has no `today`.
    pub health: Option<BacklogHealth>,
}

/// The flow metrics of the board, counted by items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FlowSummary {
    /// The day the board was read.
    pub today: NaiveDate,
    /// Items on the board.
    pub items: u64,
    /// Items finished with a cycle time (they went through a committed column).
    pub finished: u64,
    /// Items in progress on `today` ([`ageing_wip`]).
    pub in_progress: u64,
    /// Cycle-time percentiles at 50 %, 85 % and 95 %, in days ([`Counting::Elapsed`]);
    /// empty when nothing has finished.
    pub cycle_time: Vec<Percentile>,
    /// Lead-time percentiles at the same levels, in days; empty when nothing has finished.
    pub lead_time: Vec<Percentile>,
    /// Items finished per week; weeks close on `today`'s weekday, so the last one ends
    /// on `today` and every week is whole.
    pub throughput: Throughput,
    /// Statuses found on the board but in no column.
    pub unmapped_statuses: Vec<String>,
}

/// What the forecast counts as the remaining work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RemainingWork {
    /// The backlog's open stories (to do or in progress).
    Backlog,
    /// The board's items not yet done (when the file has no backlog).
    Flow,
}

/// When the remaining work will be done, by a Monte Carlo forecast of the board's
/// weekly throughput ([`forecast_when`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BacklogForecast {
    /// Where `remaining` comes from.
    pub scope: RemainingWork,
    /// Items remaining.
    pub remaining: f64,
    /// The weekly throughput sampled (the flow summary's).
    pub history: Vec<f64>,
    /// The day the forecast starts from: the dashboard's `today`, or the board's when
    /// that is later or the dashboard has none.
    pub start: NaiveDate,
    /// Days per period: 7.
    pub period_days: u64,
    /// The forecast: 10,000 trials seeded with [`FORECAST_SEED`], percentiles at
    /// 50, 70, 85 and 95 % with their dates.
    pub when: WhenForecast,
}

/// Everything the dashboard page shows about one product.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Dashboard {
    /// The product's name: the file's, else the snapshot's or the roadmap's.
    pub product: String,
    /// The day the backlog health is computed on, if any.
    pub today: Option<NaiveDate>,
    /// Every KPI the snapshot has inputs for.
    pub scorecard: Option<Scorecard>,
    /// The backlog's totals and health.
    pub backlog: Option<BacklogSummary>,
    /// The sprint report, in points.
    pub sprint: Option<SprintReport>,
    /// Velocity over the last 3 closed sprints.
    pub velocity: Option<Velocity>,
    /// Flow metrics of the board.
    pub flow: Option<FlowSummary>,
    /// When the remaining work will be done.
    pub forecast: Option<BacklogForecast>,
    /// The roadmap's progress, rolled up from the backlog (an empty one if absent).
    pub roadmap: Option<RoadmapProgress>,
    /// The charts of the sections present, in this order: burndown and burnup
    /// (sprint), velocity (sprint history), cumulative flow and cycle time (flow), the
    /// forecast, and the roadmap timeline (roadmap, when there is a `today`).
    // Python gives them back as `Chart` objects (inline in Jupyter), not dicts.
    #[cfg_attr(feature = "schema", schemars(extend("x-pmkit-class" = true)))]
    pub charts: Vec<Chart>,
}

/// The optional parameters of the dashboard in the bindings (`product_dashboard`):
/// the day backlog health is computed on, and the charts' [`ChartOptions`], whose
/// defaults it takes.
///
/// ```
/// use pmkit::chart::{ChartOptions, Theme};
/// use pmkit::dashboard::DashboardOptions;
///
/// let options: DashboardOptions = pmkit::json::options(serde_json::json!({"theme": "dark"}))?;
/// assert_eq!(options.today, None);
/// assert_eq!(options.chart_options()?, ChartOptions { theme: Theme::Dark, ..ChartOptions::default() });
/// # Ok::<(), pmkit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct DashboardOptions {
    /// The day backlog health is computed on; by default the file's `today`, else its
    /// latest backlog date.
    pub today: Option<NaiveDate>,
    /// Chart width in pixels, a whole number from 240 to 4000.
    #[serde(deserialize_with = "crate::chart::deserialize_pixels")]
    pub width: u32,
    /// Chart height in pixels, a whole number from 160 to 4000.
    #[serde(deserialize_with = "crate::chart::deserialize_pixels")]
    pub height: u32,
    /// The charts' colour theme: "light" or "dark".
    pub theme: crate::chart::Theme,
}

impl Default for DashboardOptions {
    fn default() -> Self {
        let chart = ChartOptions::default();
        DashboardOptions {
            today: None,
            width: chart.width,
            height: chart.height,
            theme: chart.theme,
        }
    }
}

impl DashboardOptions {
    /// The charts' options, checked ([`ChartOptions::new`]).
    ///
    /// **Errors**: a width or height out of range, as [`ChartOptions::new`].
    pub fn chart_options(&self) -> Result<ChartOptions> {
        ChartOptions::new(self.width, self.height, self.theme)
    }
}

/// The optional parameters of [`ProductFile::from_jira_csv`] in the bindings
/// (`product_file_from_jira_csv`): the status mapping, by name.
///
/// ```
/// use pmkit::dashboard::JiraCsvOptions;
///
/// let options: JiraCsvOptions = pmkit::json::options(serde_json::json!({"statuses": {"Ready": "to_do"}}))?;
/// assert!(options.status_map()?.is_some());
/// assert!(JiraCsvOptions::default().status_map()?.is_none());
/// # Ok::<(), pmkit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct JiraCsvOptions {
    /// Status name → "to_do", "in_progress", "done" or "cancelled"; by default Jira's
    /// built-in workflow statuses.
    // Typed as the categories; read as text so `status_map` names a bad one by status.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<std::collections::BTreeMap<String, crate::work::StatusCategory>>")
    )]
    pub statuses: Option<std::collections::BTreeMap<String, String>>,
}

impl JiraCsvOptions {
    /// The status mapping, if given.
    ///
    /// **Errors**: an unknown category (`Error::Parse` on `statuses["name"]`).
    pub fn status_map(&self) -> Result<Option<crate::work::StatusMap>> {
        self.statuses
            .as_ref()
            .map(crate::work::StatusMap::from_names)
            .transpose()
    }
}

/// Every number of the dashboard for `file`.
///
/// - **scorecard**: [`scorecard`] of `snapshot`.
/// - **backlog**: [`Backlog::point_totals`] and [`backlog_health`] on the day `today`,
///   else the file's `today`, else the latest created or resolved date in the backlog
///   (health is absent when there is no such day).
/// - **sprint**: [`sprint_report`] of `sprint`, in points.
/// - **velocity**: [`velocity`] of `sprint_history` over the last 3 sprints.
/// - **flow**: [`item_timelines`] of `flow` ([`Counting::Elapsed`]), cycle- and
///   lead-time [`percentiles`] at 50/85/95 %, weekly [`throughput`] of items and the
///   count of [`ageing_wip`].
/// - **forecast**: [`forecast_when`] of the backlog's open stories (or, without a
///   backlog, the board's unfinished items) at the board's weekly throughput, from
///   `today` (or the board's day, if later); absent without a board or when nothing
///   has finished.
/// - **roadmap**: [`roadmap_progress`] of `roadmap` against `backlog`.
/// - **charts** ([`crate::chart`], drawn with `options`): [`burndown_chart`] and
///   [`burnup_chart`] of the sprint report, [`velocity_chart`] of the history,
///   [`cumulative_flow_chart`] and [`cycle_time_chart`] of the board,
///   [`forecast_chart`] of the forecast, [`roadmap_chart`] of the roadmap on `today`.
///
/// **Errors**: a section's own error, its field under the section's name
/// (`"snapshot.nps_responses[1]: 11 is outside the 0..=10 scale"`,
/// `"flow.items[3].transitions[0].at: …"`, `"sprint_history[2].completed_points: …"`);
/// a backlog date after `today` (`"backlog.stories[i].created"`).
///
/// ```
/// use pmkit::chart::ChartOptions;
/// use pmkit::dashboard::{dashboard, sample_product_file};
///
/// let board = dashboard(&sample_product_file(), None, &ChartOptions::default())?;
/// let velocity = board.velocity.unwrap();
/// assert_eq!(velocity.points.mean, 19.0); // (24 + 20 + 13) / 3
/// let health = board.backlog.unwrap().health.unwrap();
/// assert_eq!(health.completion_rate, Some(2.0 / 8.0)); // as of 31 March 2026
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn dashboard(
    file: &ProductFile,
    today: Option<NaiveDate>,
    options: &ChartOptions,
) -> Result<Dashboard> {
    let today = today.or(file.today).or_else(|| {
        file.backlog.as_ref().and_then(|backlog| {
            backlog
                .stories()
                .iter()
                .flat_map(|story| [story.created, story.resolved])
                .flatten()
                .max()
        })
    });
    let scorecard = file
        .snapshot
        .as_ref()
        .map(|snapshot| scorecard(snapshot).map_err(|err| err.within("snapshot")))
        .transpose()?;
    let backlog = file
        .backlog
        .as_ref()
        .map(|backlog| backlog_summary(backlog, today))
        .transpose()?;
    let sprint = file
        .sprint
        .as_ref()
        .map(|log| sprint_report(log, CountBy::Points).map_err(|err| err.within("sprint")))
        .transpose()?;
    let velocity = file
        .sprint_history
        .as_ref()
        .map(|history| {
            velocity(
                history,
                &crate::metrics::VelocityOptions {
                    window: DEFAULT_VELOCITY_WINDOW,
                },
            )
            .map_err(|err| {
                err.map_field(|field| match field.strip_prefix("history") {
                    Some(rest) => format!("sprint_history{rest}"),
                    None => format!("sprint_history.{field}"),
                })
            })
        })
        .transpose()?;
    let timelines = file
        .flow
        .as_ref()
        .map(|flow| {
            item_timelines(&flow.items, &flow.workflow, flow.today, Counting::Elapsed)
                .map_err(|err| err.within("flow"))
        })
        .transpose()?;
    let flow = timelines
        .as_ref()
        .map(|timelines| flow_summary(timelines).map_err(|err| err.within("flow")))
        .transpose()?;
    let forecast = match (&timelines, &flow) {
        (Some(timelines), Some(flow)) => {
            backlog_forecast(file.backlog.as_ref(), timelines, flow, today)
                .map_err(|err| err.within("forecast"))?
        }
        _ => None,
    };
    let roadmap = match &file.roadmap {
        Some(roadmap) => {
            let empty;
            let backlog = match &file.backlog {
                Some(backlog) => backlog,
                None => {
                    empty = Backlog::new(Vec::new(), None)?;
                    &empty
                }
            };
            Some(roadmap_progress(roadmap, backlog).map_err(|err| err.within("roadmap"))?)
        }
        None => None,
    };
    let product = [
        Some(file.product.as_str()),
        file.snapshot.as_ref().map(|s| s.product.as_str()),
        file.roadmap.as_ref().map(|r| r.product.as_str()),
    ]
    .into_iter()
    .flatten()
    .find(|name| !name.trim().is_empty())
    .unwrap_or("Product")
    .to_owned();
    let mut charts = Vec::new();
    if let Some(report) = &sprint {
        charts.push(burndown_chart(report, options));
        charts.push(burnup_chart(report, options));
    }
    if let Some(history) = &file.sprint_history {
        charts.push(velocity_chart(history, options));
    }
    if let Some(timelines) = &timelines {
        let cfd = cumulative_flow(timelines, Measure::Items).map_err(|err| err.within("flow"))?;
        charts.push(cumulative_flow_chart(&cfd, options));
        charts.push(cycle_time_chart(timelines, options));
    }
    if let Some(forecast) = &forecast {
        charts.push(forecast_chart(&forecast.when, options));
    }
    if let (Some(roadmap), Some(today)) = (&file.roadmap, today) {
        charts.push(roadmap_chart(roadmap, today, options));
    }
    Ok(Dashboard {
        product,
        today,
        scorecard,
        backlog,
        sprint,
        velocity,
        flow,
        forecast,
        roadmap,
        charts,
    })
}

fn backlog_summary(backlog: &Backlog, today: Option<NaiveDate>) -> Result<BacklogSummary> {
    let health = match (today, backlog.is_empty()) {
        (Some(today), false) => Some(backlog_health(backlog, today, &HealthOptions::default())?),
        _ => None,
    };
    Ok(BacklogSummary {
        totals: backlog.point_totals(UnestimatedPolicy::Exclude),
        health,
    })
}

fn flow_summary(timelines: &Timelines) -> Result<FlowSummary> {
    let spread = |kind| {
        let values = durations(timelines, kind);
        if values.is_empty() {
            Ok(Vec::new())
        } else {
            percentiles(&values, &CYCLE_TIME_LEVELS)
        }
    };
    let weekly = Period::Week {
        closing: timelines.today.weekday(),
    };
    let count = |n: usize| u64::try_from(n).unwrap_or(u64::MAX);
    Ok(FlowSummary {
        today: timelines.today,
        items: count(timelines.items.len()),
        finished: count(
            timelines
                .items
                .iter()
                .filter(|item| item.cycle_time.is_some())
                .count(),
        ),
        in_progress: count(ageing_wip(timelines)?.len()),
        cycle_time: spread(DurationKind::CycleTime)?,
        lead_time: spread(DurationKind::LeadTime)?,
        throughput: throughput(
            timelines,
            weekly,
            Measure::Items,
            None,
            Some(timelines.today),
        )?,
        unmapped_statuses: timelines.unmapped_statuses.clone(),
    })
}

fn backlog_forecast(
    backlog: Option<&Backlog>,
    timelines: &Timelines,
    flow: &FlowSummary,
    today: Option<NaiveDate>,
) -> Result<Option<BacklogForecast>> {
    let history = flow.throughput.values.clone();
    if !history.iter().any(|&value| value > 0.0) {
        return Ok(None);
    }
    let (scope, remaining) = match backlog {
        Some(backlog) => {
            let totals = backlog.point_totals(UnestimatedPolicy::Exclude);
            let open = totals.to_do.stories + totals.in_progress.stories;
            (RemainingWork::Backlog, open)
        }
        None => {
            let open = timelines
                .items
                .iter()
                .filter(|item| item.done_on.is_none())
                .count();
            (RemainingWork::Flow, u64::try_from(open).unwrap_or(u64::MAX))
        }
    };
    // Exact below 2^53 items.
    let remaining = remaining as f64;
    // The remaining work is what is open now, so the forecast starts now; a board read
    // later than the dashboard's day moves the start to the board's day.
    let start = today.map_or(flow.today, |today| today.max(flow.today));
    let calendar = Calendar::new(start, 7)?;
    let simulation = Simulation::new(DEFAULT_TRIALS, FORECAST_SEED)?;
    let when = forecast_when(
        remaining,
        &history,
        &crate::forecast::WHEN_LEVELS,
        &simulation,
        Some(&calendar),
        None,
    )?;
    Ok(Some(BacklogForecast {
        scope,
        remaining,
        history,
        start,
        period_days: calendar.period_days,
        when,
    }))
}

#[cfg(test)]
mod tests;
