//! [`velocity`]: the spread and trend of what a team completed over its last closed
//! sprints, in points and in items.

use serde::{Deserialize, Serialize};

use crate::metrics::{team_velocity, VelocityOptions};
use crate::{input, Error, Result};

/// The numbers of one closed sprint that velocity and capacity planning read.
///
/// JSON form: `{"sprint_id": "S-11", "committed_points": 22, "committed_items": 6,
/// "completed_points": 20, "completed_items": 6, "available_person_days": 38}`;
/// the committed numbers and `available_person_days` may be left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SprintOutcome {
    /// The sprint's key.
    pub sprint_id: String,
    /// Points committed at start.
    #[serde(default)]
    pub committed_points: f64,
    /// Items committed at start.
    #[serde(default)]
    pub committed_items: u64,
    /// Points done at close (including work added during the sprint; never cancelled).
    pub completed_points: f64,
    /// Items done at close.
    pub completed_items: u64,
    /// Person-days the team had (see [`super::sprint_capacity`]), for [`super::plan_capacity`].
    #[serde(default)]
    pub available_person_days: Option<f64>,
}

/// The spread and trend of one measure (points or items) per sprint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct VelocityStats {
    /// Mean per sprint: the velocity to plan with.
    pub mean: f64,
    /// Median per sprint.
    pub median: f64,
    /// Sample standard deviation (n − 1); `None` with fewer than two sprints.
    pub standard_deviation: Option<f64>,
    /// The fewest in one sprint.
    pub min: f64,
    /// The most in one sprint.
    pub max: f64,
    /// Least-squares slope, per sprint, oldest to newest: positive means speeding up.
    /// `None` with fewer than two sprints.
    pub trend: Option<f64>,
}

/// The result of [`velocity`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Velocity {
    /// The sprints used, oldest first: the last `min(window, history)`.
    pub sprint_ids: Vec<String>,
    /// Completed points per sprint.
    pub points: VelocityStats,
    /// Completed items per sprint.
    pub items: VelocityStats,
}

/// Checks every sprint of a history; fields are `history[i].…`.
pub(crate) fn check_history(history: &[SprintOutcome]) -> Result<()> {
    input::non_empty("history", history)?;
    for (index, sprint) in history.iter().enumerate() {
        let field = format!("history[{index}]");
        if sprint.sprint_id.trim().is_empty() {
            return Err(Error::invalid(format!("{field}.sprint_id"), "is empty"));
        }
        input::points(
            &format!("{field}.committed_points"),
            sprint.committed_points,
        )?;
        input::points(
            &format!("{field}.completed_points"),
            sprint.completed_points,
        )?;
        if let Some(days) = sprint.available_person_days {
            input::non_negative(&format!("{field}.available_person_days"), days)?;
        }
    }
    Ok(())
}

/// The last `window` sprints and the index of the first of them.
pub(crate) fn window_of(
    history: &[SprintOutcome],
    window: u64,
) -> Result<(usize, &[SprintOutcome])> {
    if window == 0 {
        return Err(Error::out_of_range("window", "is 0; use at least 1 sprint"));
    }
    let used = usize::try_from(window)
        .unwrap_or(usize::MAX)
        .min(history.len());
    let offset = history.len() - used;
    Ok((offset, history.get(offset..).unwrap_or(history)))
}

/// Least-squares slope of `values` against 0, 1, 2, …; `None` for fewer than two.
fn trend(values: &[f64]) -> Option<f64> {
    if values.len() < 2 {
        return None;
    }
    let n = values.len() as f64;
    let mean_x = (n - 1.0) / 2.0;
    let mean_y = values.iter().map(|value| value / n).sum::<f64>();
    let (mut covariance, mut variance) = (0.0, 0.0);
    for (index, value) in values.iter().enumerate() {
        let dx = index as f64 - mean_x;
        covariance += dx * (value - mean_y);
        variance += dx * dx;
    }
    let slope = covariance / variance;
    slope.is_finite().then_some(slope)
}

fn stats(values: &[f64]) -> Result<VelocityStats> {
    // The window is already applied, so summarize all of `values`.
    let summary = team_velocity(
        values,
        &crate::metrics::VelocityOptions {
            window: values.len() as u64,
        },
    )?;
    Ok(VelocityStats {
        mean: summary.mean,
        median: summary.median,
        standard_deviation: summary.standard_deviation,
        min: summary.min,
        max: summary.max,
        trend: trend(values),
    })
}

/// Velocity over the last `window` closed sprints: mean, median, standard deviation,
/// min, max and trend, in points and in items.
///
/// **Formula**: as [`crate::metrics::team_velocity`] (which this generalizes to both
/// units), plus `trend = Σ (x − x̄)(y − ȳ) / Σ (x − x̄)²` with `x = 0, 1, …` the sprint's
/// position in the window. **Units**: points or items per sprint; trend per sprint
/// per sprint.
///
/// **Errors**: no history ([`Error::Undefined`] on `history`); an empty id, NaN or
/// negative points ([`Error::InvalidInput`] on `history[i].…`); `window` 0
/// ([`Error::OutOfRange`]).
///
/// **Source**: Scrum.org, "What is velocity?"; Atlassian, "Velocity chart".
///
/// ```
/// use pmkit::metrics::VelocityOptions;
/// use pmkit::sprint::{sample_sprint_history, velocity};
///
/// // The last 3 sprints completed 24, 20 and 13 points.
/// let v = velocity(&sample_sprint_history(), &VelocityOptions { window: 3 })?;
/// assert_eq!(v.sprint_ids, ["S-10", "S-11", "S-12"]);
/// assert_eq!((v.points.mean, v.points.median), (19.0, 20.0));
/// assert_eq!(v.points.standard_deviation, Some(31.0f64.sqrt())); // √((25 + 1 + 36) / 2)
/// assert_eq!(v.points.trend, Some(-5.5)); // ((−1)(5) + (1)(−6)) / 2
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn velocity(history: &[SprintOutcome], options: &VelocityOptions) -> Result<Velocity> {
    check_history(history)?;
    let (_, recent) = window_of(history, options.window)?;
    let points: Vec<f64> = recent.iter().map(|s| s.completed_points).collect();
    // u64 → f64 is exact below 2^53 items.
    let items: Vec<f64> = recent.iter().map(|s| s.completed_items as f64).collect();
    Ok(Velocity {
        sprint_ids: recent.iter().map(|s| s.sprint_id.clone()).collect(),
        points: stats(&points)?,
        items: stats(&items)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn outcome(points: f64, items: u64) -> SprintOutcome {
        SprintOutcome {
            sprint_id: format!("S-{points}"),
            committed_points: 0.0,
            committed_items: 0,
            completed_points: points,
            completed_items: items,
            available_person_days: None,
        }
    }

    #[test]
    fn one_sprint_has_no_spread_or_trend() {
        let v = velocity(&[outcome(13.0, 4)], &VelocityOptions { window: 3 }).unwrap();
        assert_eq!(v.points.standard_deviation, None);
        assert_eq!(v.points.trend, None);
        assert_eq!(v.items.mean, 4.0);
    }

    #[test]
    fn steady_team_has_zero_trend() {
        let v = velocity(
            &[outcome(10.0, 3), outcome(10.0, 3), outcome(10.0, 3)],
            &VelocityOptions { window: 5 },
        )
        .unwrap();
        assert_eq!(v.points.trend, Some(0.0));
        assert_eq!(v.sprint_ids.len(), 3);
    }

    #[test]
    fn rising_items_trend() {
        // Items 2, 4, 9: x̄ = 1, ȳ = 5; (−1)(−3) + (1)(4) = 7, over 2 = 3.5.
        let v = velocity(
            &[outcome(1.0, 2), outcome(1.0, 4), outcome(1.0, 9)],
            &VelocityOptions { window: 3 },
        )
        .unwrap();
        assert_eq!(v.items.trend, Some(3.5));
    }

    #[test]
    fn errors_name_the_sprint() {
        let err = velocity(
            &[outcome(1.0, 1), outcome(-1.0, 1)],
            &VelocityOptions { window: 3 },
        )
        .unwrap_err();
        assert_eq!(err.field(), "history[1].completed_points");
        let err = velocity(&[outcome(1.0, 1)], &VelocityOptions { window: 0 }).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::OutOfRange, "window"));
    }
}
