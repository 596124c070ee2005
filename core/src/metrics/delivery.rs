//! Delivery: time to market, team velocity, backlog completion and the sprint burndown.
//!
//! These are the product owner's day-to-day numbers. Points are story points (or any
//! unit of work the team estimates in), `f64` so half points and ideal days fit;
//! durations are whole calendar days.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{input, Error, Result};

/// Time to market: whole calendar days from product (or feature) conception to launch.
///
/// **Formula**: `launch_date − concept_date` in days (the launch day counts, the
/// concept day does not: conceived and launched on the same day is 0). **Unit**: days.
///
/// Where the span starts is a convention the caller owns: the date the idea entered
/// the backlog, the date work was funded, or the first commit. Use the same start for
/// every product you compare.
///
/// **Errors**: `launch_date` before `concept_date`
/// ([`InvalidInput`](crate::Error::InvalidInput) naming `launch_date`, with both dates
/// in the message).
///
/// **Source**: Scrum.org, *Evidence-Based Management Guide* (2024), key value area
/// "Time to Market"; Investopedia, "Time to Market (TTM)".
///
/// ```
/// use chrono::NaiveDate;
/// use pmkit::metrics::time_to_market;
///
/// let concept = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
/// let launch = NaiveDate::from_ymd_opt(2026, 4, 15).unwrap();
/// // 16 days left in January + 28 in February + 31 in March + 15 in April.
/// assert_eq!(time_to_market(concept, launch)?, 90);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn time_to_market(concept_date: NaiveDate, launch_date: NaiveDate) -> Result<i64> {
    if launch_date < concept_date {
        return Err(Error::invalid(
            "launch_date",
            format!(
                "{launch_date} is before concept_date {concept_date}; a product launches after it is conceived"
            ),
        ));
    }
    Ok((launch_date - concept_date).num_days())
}

/// How many recent sprints [`team_velocity`] averages when the caller has no preference.
///
/// Three sprints is the usual yesterday's-weather window: long enough to smooth one odd
/// sprint, short enough to follow a team that changes.
pub const DEFAULT_VELOCITY_WINDOW: u64 = 3;

/// The result of [`team_velocity`]: the spread of points completed over recent sprints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct VelocitySummary {
    /// Mean points completed per sprint over the window: the velocity to plan with.
    pub mean: f64,
    /// Median points per sprint; less moved by one unusual sprint than the mean.
    pub median: f64,
    /// Sample standard deviation (divides by n − 1), or `None` with fewer than two
    /// sprints: one sprint says nothing about spread, and reporting 0 would claim a
    /// perfectly steady team.
    pub standard_deviation: Option<f64>,
    /// Fewest points completed in one sprint of the window.
    pub min: f64,
    /// Most points completed in one sprint of the window.
    pub max: f64,
    /// How many sprints were used: the last `min(window, completed_points.len())`.
    pub sprints: u64,
}

/// The options of [`team_velocity`] (and of the sprint and roadmap functions that
/// average a velocity history).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct VelocityOptions {
    /// How many of the most recent sprints to average. Default
    /// [`DEFAULT_VELOCITY_WINDOW`] (3); a window longer than the history uses it all.
    #[serde(deserialize_with = "input::deserialize_count")]
    pub window: u64,
}

impl Default for VelocityOptions {
    fn default() -> Self {
        VelocityOptions {
            window: DEFAULT_VELOCITY_WINDOW,
        }
    }
}

/// Team velocity: points completed per sprint, summarized over the last `window` sprints.
///
/// **Formula**: over the last `n = min(window, sprints given)` sprints,
/// `mean = Σ points / n`, `median` the middle value (mean of the two middle values for
/// even n), `standard_deviation = √(Σ (points − mean)² / (n − 1))` (sample, as the
/// window is a sample of the team's sprints), plus `min` and `max`. **Unit**: points
/// per sprint. Count only work that met the Definition of Done; partly done stories
/// count 0.
///
/// **Variants**: the window length (`window`; [`DEFAULT_VELOCITY_WINDOW`] is 3). A
/// window longer than the history uses the whole history.
///
/// **Errors**: no sprints ([`Undefined`](crate::Error::Undefined), `completed_points`);
/// a NaN, infinite or negative value ([`InvalidInput`](crate::Error::InvalidInput),
/// `completed_points[i]`); `window` 0 ([`OutOfRange`](crate::Error::OutOfRange)).
///
/// **Source**: Scrum.org, "What is velocity?" (velocity is for forecasting, not a
/// productivity score); Atlassian, "Velocity chart" (Jira averages recent sprints).
///
/// ```
/// use pmkit::metrics::{team_velocity, VelocityOptions};
///
/// // The first sprint falls outside the window of 3.
/// let summary = team_velocity(&[5.0, 20.0, 24.0, 22.0], &VelocityOptions::default())?;
/// assert_eq!(summary.mean, 22.0);
/// assert_eq!(summary.median, 22.0);
/// assert_eq!(summary.standard_deviation, Some(2.0)); // √((4 + 4 + 0) / 2)
/// assert_eq!((summary.min, summary.max, summary.sprints), (20.0, 24.0, 3));
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn team_velocity(
    completed_points: &[f64],
    options: &VelocityOptions,
) -> Result<VelocitySummary> {
    let window = options.window;
    input::non_empty("completed_points", completed_points)?;
    for (index, &points) in completed_points.iter().enumerate() {
        input::non_negative(input::Indexed("completed_points", index), points)?;
    }
    if window == 0 {
        return Err(Error::out_of_range(
            "window",
            "is 0; average over at least 1 sprint",
        ));
    }
    // A window longer than usize (only possible on 32-bit targets) covers every sprint.
    let used = usize::try_from(window)
        .unwrap_or(usize::MAX)
        .min(completed_points.len());
    let recent = completed_points
        .get(completed_points.len() - used..)
        .unwrap_or(completed_points);
    let mut sorted = recent.to_vec();
    sorted.sort_by(f64::total_cmp);

    let n = sorted.len() as f64;
    let sum: f64 = sorted.iter().sum();
    let mean = if sum.is_finite() {
        sum / n
    } else {
        // Points near f64::MAX overflow the sum; dividing first keeps the mean finite.
        sorted.iter().map(|points| points / n).sum()
    };
    let max = sorted.last().copied().unwrap_or(0.0);
    let standard_deviation = (sorted.len() >= 2).then(|| {
        let squares: f64 = sorted.iter().map(|points| (points - mean).powi(2)).sum();
        let deviation = (squares / (n - 1.0)).sqrt();
        if deviation.is_finite() {
            deviation
        } else {
            // Squares of points above ~1e154 overflow; scaling by the maximum cannot.
            let scaled: f64 = sorted
                .iter()
                .map(|points| ((points - mean) / max).powi(2))
                .sum();
            max * (scaled / (n - 1.0)).sqrt()
        }
    });
    Ok(VelocitySummary {
        mean,
        median: median_of_sorted(&sorted),
        standard_deviation,
        min: sorted.first().copied().unwrap_or(0.0),
        max,
        sprints: sorted.len() as u64,
    })
}

/// The median of an ascending, non-empty slice (0 for an empty one, which callers exclude).
fn median_of_sorted(sorted: &[f64]) -> f64 {
    let middle = sorted.len() / 2;
    let upper = sorted.get(middle).copied().unwrap_or(0.0);
    if sorted.len() % 2 == 1 {
        return upper;
    }
    let lower = sorted.get(middle.wrapping_sub(1)).copied().unwrap_or(upper);
    // Halving each before adding cannot overflow.
    lower / 2.0 + upper / 2.0
}

/// Backlog completion rate: the share of the work planned for a period that was done.
///
/// **Formula**: `completed / planned`. **Unit**: fraction (0.8 = 80 %). Count both in
/// the same unit: backlog items, or story points (hence `f64`). For a sprint, `planned`
/// is what the team committed to at sprint planning and `completed` what of it met the
/// Definition of Done; work added mid-sprint belongs in neither, so the rate cannot
/// exceed 1.
///
/// **Errors**: NaN, infinite or negative ([`InvalidInput`](crate::Error::InvalidInput));
/// `planned` 0 ([`Undefined`](crate::Error::Undefined)); `completed` more than
/// `planned` ([`OutOfRange`](crate::Error::OutOfRange)).
///
/// **Source**: Atlassian, "Sprint report" (Jira's completed vs committed issues);
/// Scrum.org, *Evidence-Based Management Guide* (2024), "Current Value" and
/// "Ability to Innovate" measures.
///
/// ```
/// // 34 of the 40 points committed at sprint planning were done.
/// assert_eq!(pmkit::metrics::backlog_completion_rate(34.0, 40.0)?, 0.85);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn backlog_completion_rate(completed: f64, planned: f64) -> Result<f64> {
    input::non_negative("completed", completed)?;
    input::positive("planned", planned)?;
    if completed > planned {
        return Err(Error::out_of_range(
            "completed",
            format!(
                "{completed} is more than planned ({planned}); count only completed work that was planned"
            ),
        ));
    }
    Ok(completed / planned)
}

/// The largest `sprint_days` [`sprint_burndown`] accepts: a year of days.
///
/// Scrum caps a sprint at one month; the cap is far above that and only keeps a typo
/// (or a count of seconds) from allocating a line of millions of points.
pub const MAX_SPRINT_DAYS: u64 = 366;

/// The result of [`sprint_burndown`]: the ideal line, the actual line and the gap
/// between them, indexed by day (index 0 is the start of day 1, before any work).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SprintBurndown {
    /// Points that should remain at the end of each day if work burned down evenly:
    /// `sprint_days + 1` values from `committed_points` down to 0.
    pub ideal: Vec<f64>,
    /// Points remaining: `committed_points`, then the reported value of each day so far.
    pub actual: Vec<f64>,
    /// `actual − ideal` for each day in `actual` (so `gap[0]` is 0): positive means
    /// behind plan (more work left than the ideal line), negative ahead of it.
    pub gap: Vec<f64>,
}

/// Sprint burndown: remaining work per day against the ideal straight line.
///
/// **Formula**: `ideal[d] = committed_points × (1 − d / sprint_days)` for
/// `d = 0..=sprint_days`; `actual = [committed_points, remaining_points…]`;
/// `gap[d] = actual[d] − ideal[d]`. **Unit**: points. Remaining work may rise above
/// the commitment when scope is added; the gap shows it.
///
/// This is the single-sprint chart from a list of daily totals. The full sprint model
/// (working-day calendar, scope changes, burnup) is a later part of pmkit.
///
/// **Errors**: NaN, infinite or negative points
/// ([`InvalidInput`](crate::Error::InvalidInput), `committed_points` or
/// `remaining_points[i]`); `sprint_days` 0 or more than [`MAX_SPRINT_DAYS`]
/// ([`OutOfRange`](crate::Error::OutOfRange)); more remaining values than sprint days
/// ([`InvalidInput`](crate::Error::InvalidInput), `remaining_points`).
///
/// **Source**: Atlassian, "Burndown chart" (Agile coach tutorial); Scrum.org glossary,
/// "Burn-down Chart".
///
/// ```
/// use pmkit::metrics::sprint_burndown;
///
/// // 40 points over a 4-day sprint, 2 days reported.
/// let chart = sprint_burndown(40.0, &[32.0, 25.0], 4)?;
/// assert_eq!(chart.ideal, [40.0, 30.0, 20.0, 10.0, 0.0]);
/// assert_eq!(chart.actual, [40.0, 32.0, 25.0]);
/// assert_eq!(chart.gap, [0.0, 2.0, 5.0]); // 5 points behind after day 2
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn sprint_burndown(
    committed_points: f64,
    remaining_points: &[f64],
    sprint_days: u64,
) -> Result<SprintBurndown> {
    input::non_negative("committed_points", committed_points)?;
    if sprint_days == 0 || sprint_days > MAX_SPRINT_DAYS {
        return Err(Error::out_of_range(
            "sprint_days",
            format!("{sprint_days} is outside 1..={MAX_SPRINT_DAYS}"),
        ));
    }
    if remaining_points.len() as u64 > sprint_days {
        return Err(Error::invalid(
            "remaining_points",
            format!(
                "has {} days but the sprint has {sprint_days}; pass one value per day so far",
                remaining_points.len()
            ),
        ));
    }
    for (index, &points) in remaining_points.iter().enumerate() {
        input::non_negative(input::Indexed("remaining_points", index), points)?;
    }
    let days = sprint_days as f64;
    // (days − d) / days rather than 1 − d / days, so the last day is exactly 0.
    let ideal: Vec<f64> = (0..=sprint_days)
        .map(|day| committed_points * ((sprint_days - day) as f64 / days))
        .collect();
    let mut actual = Vec::with_capacity(remaining_points.len() + 1);
    actual.push(committed_points);
    actual.extend_from_slice(remaining_points);
    let gap = actual
        .iter()
        .zip(&ideal)
        .map(|(actual, ideal)| actual - ideal)
        .collect();
    Ok(SprintBurndown { ideal, actual, gap })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn team_velocity_with(points: &[f64], window: u64) -> Result<VelocitySummary> {
        team_velocity(points, &VelocityOptions { window })
    }
    use crate::ErrorKind;

    fn day(text: &str) -> NaiveDate {
        input::date("day", text).unwrap()
    }

    #[test]
    fn time_to_market_counts_calendar_days() {
        assert_eq!(
            time_to_market(day("2026-03-01"), day("2026-03-01")).unwrap(),
            0
        );
        // 2024 is a leap year: Feb 28 → Mar 1 is 2 days.
        assert_eq!(
            time_to_market(day("2024-02-28"), day("2024-03-01")).unwrap(),
            2
        );
        assert_eq!(
            time_to_market(day("2025-01-01"), day("2026-01-01")).unwrap(),
            365
        );
    }

    #[test]
    fn launch_before_concept_names_launch_date_and_both_dates() {
        let err = time_to_market(day("2026-05-10"), day("2026-05-01")).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert_eq!(err.field(), "launch_date");
        assert!(err.reason().contains("2026-05-01"));
        assert!(err.reason().contains("2026-05-10"));
    }

    #[test]
    fn velocity_of_one_sprint_has_no_spread() {
        let summary = team_velocity_with(&[13.0], 3).unwrap();
        assert_eq!(summary.mean, 13.0);
        assert_eq!(summary.median, 13.0);
        assert_eq!(summary.standard_deviation, None);
        assert_eq!(summary.sprints, 1);
    }

    #[test]
    fn velocity_median_of_an_even_window() {
        // Last four: 10, 30, 20, 40 → sorted 10 20 30 40, median 25, mean 25,
        // squares 225 + 25 + 25 + 225 = 500, / 3, √ ≈ 12.909944.
        let summary = team_velocity_with(&[99.0, 10.0, 30.0, 20.0, 40.0], 4).unwrap();
        assert_eq!(summary.median, 25.0);
        assert_eq!(summary.mean, 25.0);
        let sd = summary.standard_deviation.unwrap();
        assert!((sd - (500.0f64 / 3.0).sqrt()).abs() < 1e-12);
        assert_eq!((summary.min, summary.max), (10.0, 40.0));
    }

    #[test]
    fn velocity_window_longer_than_history_uses_all() {
        let summary = team_velocity_with(&[8.0, 12.0], u64::MAX).unwrap();
        assert_eq!(summary.sprints, 2);
        assert_eq!(summary.mean, 10.0);
    }

    #[test]
    fn velocity_errors() {
        let err = team_velocity_with(&[], 3).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::Undefined, "completed_points")
        );
        let err = team_velocity_with(&[3.0, f64::NAN], 3).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::InvalidInput, "completed_points[1]")
        );
        let err = team_velocity_with(&[3.0], 0).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::OutOfRange, "window"));
    }

    #[test]
    fn velocity_stays_finite_for_huge_points() {
        let summary = team_velocity_with(&[f64::MAX, f64::MAX], 2).unwrap();
        assert_eq!(summary.mean, f64::MAX);
        assert_eq!(summary.median, f64::MAX);
        assert_eq!(summary.standard_deviation, Some(0.0));
        // Deviations of 1e200 square past f64::MAX; the result is still 1e200 × √2.
        let summary = team_velocity_with(&[0.0, 2e200], 2).unwrap();
        let sd = summary.standard_deviation.unwrap();
        assert!((sd / (1e200 * 2f64.sqrt()) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn backlog_completion_rate_bounds() {
        assert_eq!(backlog_completion_rate(0.0, 8.0).unwrap(), 0.0);
        assert_eq!(backlog_completion_rate(8.0, 8.0).unwrap(), 1.0);
        let err = backlog_completion_rate(9.0, 8.0).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "completed")
        );
        let err = backlog_completion_rate(0.0, 0.0).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Undefined, "planned"));
        let err = backlog_completion_rate(-1.0, 8.0).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::InvalidInput, "completed")
        );
    }

    #[test]
    fn burndown_with_no_days_reported_is_the_ideal_line() {
        let chart = sprint_burndown(30.0, &[], 3).unwrap();
        assert_eq!(chart.ideal, [30.0, 20.0, 10.0, 0.0]);
        assert_eq!(chart.actual, [30.0]);
        assert_eq!(chart.gap, [0.0]);
    }

    #[test]
    fn burndown_scope_added_shows_as_positive_gap() {
        // 10 points over 2 days; 5 points added on day 1, nothing done.
        let chart = sprint_burndown(10.0, &[15.0, 0.0], 2).unwrap();
        assert_eq!(chart.gap, [0.0, 10.0, 0.0]);
    }

    #[test]
    fn burndown_errors() {
        let err = sprint_burndown(10.0, &[8.0, 6.0, 4.0], 2).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::InvalidInput, "remaining_points")
        );
        let err = sprint_burndown(10.0, &[8.0, -1.0], 2).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::InvalidInput, "remaining_points[1]")
        );
        let err = sprint_burndown(10.0, &[], 0).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "sprint_days")
        );
        let err = sprint_burndown(10.0, &[], MAX_SPRINT_DAYS + 1).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::OutOfRange);
        let err = sprint_burndown(f64::INFINITY, &[], 2).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::InvalidInput, "committed_points")
        );
    }
}
