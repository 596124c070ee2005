//! The options of the three forecasts: how many trials, which seed, which percentiles,
//! and the calendar that turns periods into dates. Each struct's `Default` holds the
//! defaults every language uses.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{horizon_periods, Calendar, Risk, Simulation, SplitRate, DEFAULT_TRIALS, WHEN_LEVELS};
use crate::{input, Result};

/// The options of [`forecast_when`](super::forecast_when).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct WhenOptions {
    /// Simulated futures, 1 to 1,000,000. Default 10,000.
    #[serde(deserialize_with = "input::deserialize_count")]
    pub trials: u64,
    /// The seed: the same seed gives the same forecast in every language. Default 0.
    #[serde(deserialize_with = "input::deserialize_count")]
    pub seed: u64,
    /// Percentile levels as fractions. Default 0.5, 0.7, 0.85 and 0.95.
    pub levels: Vec<f64>,
    /// The first day of the forecast; given, every percentile also carries a date.
    pub start: Option<NaiveDate>,
    /// Days in one period of the history: 1 (the default) for daily throughput, 7 for
    /// weekly, 14 for two-week sprints.
    #[serde(deserialize_with = "input::deserialize_count")]
    pub period_days: u64,
    /// A date to report the chance of finishing by (needs `start`).
    pub deadline: Option<NaiveDate>,
}

impl Default for WhenOptions {
    fn default() -> Self {
        WhenOptions {
            trials: DEFAULT_TRIALS,
            seed: 0,
            levels: WHEN_LEVELS.to_vec(),
            start: None,
            period_days: 1,
            deadline: None,
        }
    }
}

/// The options of [`forecast_how_many`](super::forecast_how_many).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct HowManyOptions {
    /// The horizon in periods; or give `start` and `deadline` instead.
    #[serde(deserialize_with = "input::deserialize_optional_count")]
    pub periods: Option<u64>,
    /// Simulated futures, 1 to 1,000,000. Default 10,000.
    #[serde(deserialize_with = "input::deserialize_count")]
    pub trials: u64,
    /// The seed: the same seed gives the same forecast in every language. Default 0.
    #[serde(deserialize_with = "input::deserialize_count")]
    pub seed: u64,
    /// Percentile levels as fractions, read from the low end (0.85: "at least N").
    /// Default 0.5, 0.7, 0.85 and 0.95.
    pub levels: Vec<f64>,
    /// The first day of the forecast, with `deadline` the horizon's end.
    pub start: Option<NaiveDate>,
    /// Days in one period of the history. Default 1.
    #[serde(deserialize_with = "input::deserialize_count")]
    pub period_days: u64,
    /// The last day of the horizon (needs `start`; instead of `periods`).
    pub deadline: Option<NaiveDate>,
}

impl Default for HowManyOptions {
    fn default() -> Self {
        HowManyOptions {
            periods: None,
            trials: DEFAULT_TRIALS,
            seed: 0,
            levels: WHEN_LEVELS.to_vec(),
            start: None,
            period_days: 1,
            deadline: None,
        }
    }
}

/// The options of [`forecast_epics`](super::forecast_epics).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct EpicsOptions {
    /// How many epics are worked at once, in priority order. Default 1.
    #[serde(deserialize_with = "input::deserialize_count")]
    pub wip_limit: u64,
    /// The range of growth as stories split (0.1 to 0.3: 10–30 % more items).
    pub split_rate: Option<SplitRate>,
    /// Risks that may add work to an epic.
    pub risks: Vec<Risk>,
    /// Simulated futures, 1 to 1,000,000. Default 10,000.
    #[serde(deserialize_with = "input::deserialize_count")]
    pub trials: u64,
    /// The seed: the same seed gives the same forecast in every language. Default 0.
    #[serde(deserialize_with = "input::deserialize_count")]
    pub seed: u64,
    /// Percentile levels as fractions. Default 0.5, 0.7, 0.85 and 0.95.
    pub levels: Vec<f64>,
    /// The first day of the forecast; given, every percentile also carries a date.
    pub start: Option<NaiveDate>,
    /// Days in one period of the history. Default 1.
    #[serde(deserialize_with = "input::deserialize_count")]
    pub period_days: u64,
}

impl Default for EpicsOptions {
    fn default() -> Self {
        EpicsOptions {
            wip_limit: 1,
            split_rate: None,
            risks: Vec::new(),
            trials: DEFAULT_TRIALS,
            seed: 0,
            levels: WHEN_LEVELS.to_vec(),
            start: None,
            period_days: 1,
        }
    }
}

/// The checked simulation and calendar of a set of options.
fn simulation_and_calendar(
    trials: u64,
    seed: u64,
    start: Option<NaiveDate>,
    period_days: u64,
) -> Result<(Simulation, Option<Calendar>)> {
    let simulation = Simulation::new(trials, seed)?;
    let calendar = start
        .map(|start| Calendar::new(start, period_days))
        .transpose()?;
    Ok((simulation, calendar))
}

impl WhenOptions {
    /// The checked [`Simulation`] and [`Calendar`] (when `start` is given).
    pub fn simulation_and_calendar(&self) -> Result<(Simulation, Option<Calendar>)> {
        simulation_and_calendar(self.trials, self.seed, self.start, self.period_days)
    }
}

impl HowManyOptions {
    /// The checked [`Simulation`] and the horizon in periods ([`horizon_periods`]).
    pub fn simulation_and_horizon(&self) -> Result<(Simulation, u64)> {
        let (simulation, calendar) =
            simulation_and_calendar(self.trials, self.seed, self.start, self.period_days)?;
        let periods = horizon_periods(self.periods, calendar.as_ref(), self.deadline)?;
        Ok((simulation, periods))
    }
}

impl EpicsOptions {
    /// The checked [`Simulation`] and [`Calendar`] (when `start` is given).
    pub fn simulation_and_calendar(&self) -> Result<(Simulation, Option<Calendar>)> {
        simulation_and_calendar(self.trials, self.seed, self.start, self.period_days)
    }
}
