//! The analytics half of the report: the weekly retention matrix and DAU/WAU/MAU of
//! the sample event log.

use std::fmt::Write as _;

use pmkit::analytics::{
    active_users, retention, sample_events, ActiveUsersOptions, EventLog, RetentionOptions,
};

use crate::{heading, outln};

/// How many of the last days the active-users table shows.
const RECENT_DAYS: usize = 7;

pub fn print_analytics(out: &mut String) -> pmkit::Result<()> {
    let sample = sample_events();
    let log = EventLog::new(&sample.user_ids, &sample.times, sample.unit)?;
    heading(
        out,
        &format!(
            "Product analytics — {} events of the sample app",
            sample.user_ids.len()
        ),
    );

    let matrix = retention(&log, &RetentionOptions::default())?;
    outln!(
        out,
        "  weekly retention (first-time cohorts by ISO week, share of the cohort active in week k; \"-\" = not yet)"
    );
    let weeks = matrix.average.len();
    let mut header = format!("  {:<10} {:>6}", "cohort", "users");
    for week in 0..weeks {
        let _ = write!(header, " {:>5}", format!("w{week}"));
    }
    outln!(out, "{header}");
    for ((start, size), rates) in matrix
        .cohort_starts
        .iter()
        .zip(&matrix.cohort_sizes)
        .zip(&matrix.rates)
    {
        let mut line = format!("  {start:<10} {size:>6}");
        for rate in rates {
            let _ = write!(line, " {:>5}", percent(*rate));
        }
        outln!(out, "{line}");
    }
    let mut average = format!("  {:<10} {:>6}", "average", "");
    for rate in &matrix.average {
        let _ = write!(average, " {:>5}", percent(*rate));
    }
    outln!(out, "{average}");

    let active = active_users(&log, &ActiveUsersOptions::default())?;
    outln!(
        out,
        "  active users, last {RECENT_DAYS} days (rolling: WAU = 7 days, MAU = 30 days ending that day)"
    );
    outln!(
        out,
        "  {:<10} {:>5} {:>5} {:>5} {:>8}",
        "day",
        "DAU",
        "WAU",
        "MAU",
        "DAU/MAU"
    );
    let first_shown = active.days.len().saturating_sub(RECENT_DAYS);
    for index in first_shown..active.days.len() {
        let (Some(day), Some(dau), Some(wau), Some(mau), Some(stickiness)) = (
            active.days.get(index),
            active.dau.get(index),
            active.wau.get(index),
            active.mau.get(index),
            active.stickiness.get(index),
        ) else {
            continue;
        };
        outln!(
            out,
            "  {day:<10} {dau:>5} {wau:>5} {mau:>5} {:>8}",
            percent(*stickiness)
        );
    }
    Ok(())
}

/// A rate as a whole percent, or "-" for a cell that cannot exist yet.
fn percent(rate: Option<f64>) -> String {
    match rate {
        Some(rate) => format!("{:.0}%", rate * 100.0),
        None => "-".to_owned(),
    }
}
