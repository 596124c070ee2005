//! The flow half of the report: cycle-time percentiles, ageing work and a Monte Carlo
//! "when will it be done" forecast for the sample board.

use std::fmt::Write as _;

use chrono::{Days, NaiveDate};
use pmkit::flow::Timelines;
use pmkit::flow::{
    ageing_wip, durations, item_timelines, percentiles, sample_items, sample_today,
    sample_workflow, throughput, Counting, DurationKind, Measure, Period, CYCLE_TIME_LEVELS,
};
use pmkit::forecast::{forecast_when, Calendar, Simulation, WhenForecast, WHEN_LEVELS};

use crate::{heading, outln};

/// Items left in the forecast, and the seed that makes it reproducible.
const REMAINING_ITEMS: f64 = 30.0;
const SEED: u64 = 0;

/// The sample board's item timelines, read on its `today`.
pub fn sample_timelines() -> pmkit::Result<Timelines> {
    item_timelines(
        &sample_items(),
        &sample_workflow(),
        sample_today(),
        Counting::Elapsed,
    )
}

/// Where the forecast's throughput history starts.
fn history_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 12).unwrap_or_else(sample_today)
}

/// When the next [`REMAINING_ITEMS`] will be done, from the daily throughput since
/// [`history_start`], with a deadline 13 days out.
pub fn sample_forecast(timelines: &Timelines) -> pmkit::Result<WhenForecast> {
    let today = timelines.today;
    let daily = throughput(
        timelines,
        Period::Day,
        Measure::Items,
        Some(history_start()),
        Some(today),
    )?;
    forecast_when(
        REMAINING_ITEMS,
        &daily.values,
        &WHEN_LEVELS,
        &Simulation::new(10_000, SEED)?,
        Some(&Calendar::new(today, 1)?),
        Some(today + Days::new(13)),
    )
}

pub fn print_flow(out: &mut String) -> pmkit::Result<()> {
    let today = sample_today();
    let timelines = sample_timelines()?;
    heading(
        out,
        &format!(
            "Flow — {} items on the sample board, read on {today}",
            timelines.items.len()
        ),
    );
    let cycle_times = durations(&timelines, DurationKind::CycleTime);
    let levels: Vec<String> = percentiles(&cycle_times, &CYCLE_TIME_LEVELS)?
        .iter()
        .map(|p| format!("{:.0}th {:.1} days", p.level * 100.0, p.value))
        .collect();
    outln!(
        out,
        "  cycle time of {} finished items: {}",
        cycle_times.len(),
        levels.join(", ")
    );
    let mut ageing = ageing_wip(&timelines)?;
    ageing.sort_by(|a, b| b.age_days.total_cmp(&a.age_days));
    let oldest: Vec<String> = ageing
        .iter()
        .take(5)
        .map(|item| format!("{} ({}, {:.0} days)", item.key, item.column, item.age_days))
        .collect();
    outln!(
        out,
        "  ageing work in progress: {} items; oldest {}",
        ageing.len(),
        oldest.join(", ")
    );

    let start = history_start();
    let forecast = sample_forecast(&timelines)?;
    heading(out, &format!(
        "Forecast — when will {REMAINING_ITEMS} more items be done? ({} trials, seed {SEED}, daily throughput since {start})",
        forecast.trials
    ));
    for percentile in &forecast.percentiles {
        outln!(
            out,
            "  {:>3.0} % by {} ({} days)",
            percentile.level * 100.0,
            percentile.date.map_or("-".to_owned(), |d| d.to_string()),
            percentile.periods
        );
    }
    if let (Some(deadline), Some(probability)) = (forecast.deadline, forecast.deadline_probability)
    {
        outln!(
            out,
            "  chance of finishing by {deadline}: {:.1} %",
            probability * 100.0
        );
    }
    Ok(())
}
