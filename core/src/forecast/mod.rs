//! Monte Carlo delivery forecasts: when will the remaining work be done, how much
//! will be done by a date, and when will each of several epics finish.
//!
//! Each trial replays history: it draws past periods' throughput (or velocity) at
//! random, with replacement, until the work is done (or the horizon is reached). The
//! spread of the trials is the forecast. The sample is the caller's: a plain list of
//! items (or points) finished per day, week or sprint, zero periods included — for
//! example the `values` of `pmkit::flow::throughput`, or a team's sprint velocities.
//!
//! Every simulation is seeded ([`Simulation`]) and reproducible: the generator is
//! [`Rng`] (xoshiro256** seeded by SplitMix64), and the sampling path is integer-only,
//! so the same seed gives the same numbers in Rust, Python and JavaScript.
//!
//! ```
//! use pmkit::forecast::{forecast_when, Simulation, WHEN_LEVELS};
//!
//! // 30 items left; the team finished 2, 0, 3, 5, 1 items in the last five weeks.
//! let forecast = forecast_when(30.0, &[2.0, 0.0, 3.0, 5.0, 1.0], &WHEN_LEVELS, &Simulation::new(10_000, 1)?, None, None)?;
//! let p85 = &forecast.percentiles[2];
//! assert_eq!(p85.level, 0.85);
//! assert!(p85.periods >= 10 && p85.periods <= 20); // at 2.2 a week, about 14 weeks
//! # Ok::<(), pmkit::Error>(())
//! ```

mod epics;
mod options;
mod when;

/// The seeded generator of every simulation; it lives in [`crate::stats`].
pub use crate::stats::Rng;
pub use epics::*;
pub use options::*;
pub use when::*;

// docs/forecasting.md's Rust examples run as doc tests.
#[doc = include_str!("../../../docs/forecasting.md")]
#[cfg(doctest)]
pub struct ForecastingDoctests;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{input, Error, Result};

/// The default number of trials: 10,000 (jira-agile-metrics uses 100, too few for
/// stable 95th percentiles).
pub const DEFAULT_TRIALS: u64 = 10_000;
/// The most trials one simulation runs.
pub const MAX_TRIALS: u64 = 1_000_000;
/// The most periods one trial simulates (274 years of days): a forecast beyond it is
/// refused rather than left to run for ever.
pub const MAX_PERIODS: u64 = 100_000;
/// The most history draws one forecast may make: trials × simulated periods, 10⁹
/// (about two seconds on one core). A million trials of 1,000 periods, or 10,000
/// trials of 100,000 periods, fit; a million trials of 50,000 periods (104 s) do not.
///
/// Forecasts check it before simulating, from the periods the work needs at the
/// history's mean ([`forecast_when`], [`forecast_epics`]) or the horizon
/// ([`forecast_how_many`]), and refuse with [`Error::OutOfRange`] on `trials`. As
/// trials vary around that mean, a simulation that actually draws twice the limit
/// stops with the same error on `history`.
pub const MAX_DRAWS: u64 = 1_000_000_000;

/// Refuses a forecast whose `trials` × `periods` (each trial's periods, expected or
/// exact) is more than [`MAX_DRAWS`].
pub(crate) fn check_work(simulation: &Simulation, periods: f64) -> Result<()> {
    let draws = simulation.trials as f64 * periods.ceil().max(1.0);
    if draws > MAX_DRAWS as f64 {
        return Err(Error::out_of_range(
            "trials",
            format!(
                "{} trials of about {:.0} periods each are {draws:.0} draws, more than the limit of {MAX_DRAWS}; use fewer trials (10,000 give stable percentiles)",
                simulation.trials,
                periods.ceil()
            ),
        ));
    }
    Ok(())
}

/// Counts the draws a simulation really makes, to stop one that runs to twice
/// [`MAX_DRAWS`] (a history whose rare large periods make the mean misleading).
#[derive(Debug, Default)]
pub(crate) struct DrawBudget {
    draws: u64,
}

impl DrawBudget {
    /// Adds one trial's `periods`.
    pub fn spend(&mut self, periods: u64) -> Result<()> {
        self.draws = self.draws.saturating_add(periods);
        if self.draws > 2 * MAX_DRAWS {
            return Err(Error::out_of_range(
                "history",
                format!("the simulation passed {} draws (twice the limit of {MAX_DRAWS}): most periods of the history finish little work; use fewer trials", 2 * MAX_DRAWS),
            ));
        }
        Ok(())
    }
}

/// The largest value a history period may hold: 2^53, beyond which a float no longer
/// holds every whole number.
pub const MAX_PERIOD_VALUE: f64 = 9_007_199_254_740_992.0;
/// The default levels of completion forecasts: 50 %, 70 %, 85 %, 95 %.
pub const WHEN_LEVELS: [f64; 4] = [0.5, 0.7, 0.85, 0.95];

/// How many trials to run, and the seed that makes them reproducible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Simulation {
    /// Number of trials, 1..=[`MAX_TRIALS`].
    pub trials: u64,
    /// The seed of the [`Rng`]: the same seed, the same result.
    pub seed: u64,
}

impl Simulation {
    /// Checks `trials` (1..=[`MAX_TRIALS`]; field `trials`).
    pub fn new(trials: u64, seed: u64) -> Result<Self> {
        if trials == 0 {
            return Err(Error::undefined(
                "trials",
                "is 0; a forecast needs at least one trial",
            ));
        }
        if trials > MAX_TRIALS {
            return Err(Error::out_of_range(
                "trials",
                format!("{trials} is more than {MAX_TRIALS}; beyond 100,000 trials the percentiles no longer move"),
            ));
        }
        Ok(Simulation { trials, seed })
    }
}

/// Maps simulated periods to dates: period `n` ends `n × period_days` days after `start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Calendar {
    /// The day the forecast starts from (usually the last day of the history).
    pub start: NaiveDate,
    /// Days per period: 1 for daily throughput, 7 for weekly, 14 for two-week sprints.
    pub period_days: u64,
}

impl Calendar {
    /// Checks `period_days` (at least 1; field `period_days`).
    pub fn new(start: NaiveDate, period_days: u64) -> Result<Self> {
        if period_days == 0 {
            return Err(Error::undefined(
                "period_days",
                "is 0; a period lasts at least one day",
            ));
        }
        Ok(Calendar { start, period_days })
    }

    /// The day `periods` periods after `start`.
    pub fn date_after(&self, periods: u64) -> Result<NaiveDate> {
        periods
            .checked_mul(self.period_days)
            .and_then(|days| self.start.checked_add_days(chrono::Days::new(days)))
            .ok_or_else(|| {
                Error::out_of_range(
                    "period_days",
                    format!(
                        "{periods} periods of {} days pass the last representable date",
                        self.period_days
                    ),
                )
            })
    }

    /// Whole periods from `start` to `deadline` (rounded down; 0 if `deadline` is not
    /// after `start`).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let weekly = pmkit::forecast::Calendar::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), 7)?;
    /// assert_eq!(weekly.periods_until(NaiveDate::from_ymd_opt(2026, 3, 22).unwrap()), 2);
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    pub fn periods_until(&self, deadline: NaiveDate) -> u64 {
        let days = (deadline - self.start).num_days().max(0) as u64;
        days / self.period_days.max(1)
    }
}

/// The horizon of a "how many" forecast: `periods` as given, or the whole periods from
/// the calendar's start to `deadline` ([`Calendar::periods_until`]).
///
/// **Errors**: both or neither given (field `periods`); a deadline without a calendar
/// (field `deadline`).
///
/// ```
/// use chrono::NaiveDate;
/// use pmkit::forecast::{horizon_periods, Calendar};
///
/// let daily = Calendar::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), 1)?;
/// assert_eq!(horizon_periods(None, Some(&daily), NaiveDate::from_ymd_opt(2026, 3, 12))?, 10);
/// assert_eq!(horizon_periods(Some(4), None, None)?, 4);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn horizon_periods(
    periods: Option<u64>,
    calendar: Option<&Calendar>,
    deadline: Option<NaiveDate>,
) -> Result<u64> {
    match (periods, calendar, deadline) {
        (Some(periods), _, None) => Ok(periods),
        (Some(_), _, Some(_)) => Err(Error::invalid(
            "periods",
            "and deadline are both given; give one of them",
        )),
        (None, Some(calendar), Some(deadline)) => Ok(calendar.periods_until(deadline)),
        (None, None, Some(_)) => Err(Error::invalid(
            "deadline",
            "needs a start date: give start (and period_days) to count the periods until it",
        )),
        (None, _, None) => Err(Error::invalid(
            "periods",
            "is missing: give periods, or start and deadline",
        )),
    }
}

/// Checks a throughput history: non-empty, every value finite, 0..=[`MAX_PERIOD_VALUE`],
/// not all zero. Returns its mean.
pub(crate) fn check_history(history: &[f64]) -> Result<f64> {
    input::non_empty("history", history)?;
    let mut total = 0.0;
    for (index, &value) in history.iter().enumerate() {
        let field = format!("history[{index}]");
        input::non_negative(&field, value)?;
        if value > MAX_PERIOD_VALUE {
            return Err(Error::out_of_range(
                field,
                format!("{value} is more than 2^53 in one period"),
            ));
        }
        total += value;
    }
    if total == 0.0 {
        return Err(Error::undefined(
            "history",
            "every period is 0: at that throughput the work never finishes; give periods in which work was done",
        ));
    }
    Ok(total / history.len() as f64)
}

/// How many of `trials` must reach a result for `level` to hold: ⌈level × trials⌉, at
/// least 1, with the product rounded first where floating point lands a hair off a
/// whole number (0.7 × 100 = 70.000…01 must need 70 trials, not 71).
pub(crate) fn trials_needed(level: f64, trials: u64) -> u64 {
    let exact = level * trials as f64;
    let nearest = exact.round();
    let needed = if (exact - nearest).abs() <= 1e-9 * nearest.max(1.0) {
        nearest
    } else {
        exact.ceil()
    };
    (needed as u64).clamp(1, trials)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn levels_round_to_whole_trials() {
        assert_eq!(trials_needed(0.7, 100), 70);
        assert_eq!(trials_needed(0.85, 10_000), 8_500);
        assert_eq!(trials_needed(0.5, 3), 2);
        assert_eq!(trials_needed(0.0, 3), 1);
        assert_eq!(trials_needed(1.0, 3), 3);
    }

    #[test]
    fn settings_are_checked() {
        assert_eq!(
            Simulation::new(0, 1).unwrap_err().kind(),
            ErrorKind::Undefined
        );
        assert_eq!(
            Simulation::new(MAX_TRIALS + 1, 1).unwrap_err().field(),
            "trials"
        );
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        assert_eq!(Calendar::new(day, 0).unwrap_err().field(), "period_days");
        assert_eq!(
            check_history(&[0.0, 0.0]).unwrap_err().kind(),
            ErrorKind::Undefined
        );
        assert_eq!(
            check_history(&[1.0, -1.0]).unwrap_err().field(),
            "history[1]"
        );
        assert_eq!(check_history(&[1.0, 3.0]).unwrap(), 2.0);
    }
}
