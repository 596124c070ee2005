//! "When will it be done?" and "how many will be done?" from a throughput history.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    check_history, check_work, trials_needed, Calendar, DrawBudget, Rng, Simulation, MAX_PERIODS,
};
use crate::cancel::Checkpoint;
use crate::stats::{check_levels, Percentile};
use crate::{input, Error, Result};

/// One completion percentile: `level` of the trials finished within `periods`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PeriodPercentile {
    /// The confidence, as a fraction (0.85).
    pub level: f64,
    /// Periods needed by that share of the trials.
    pub periods: u64,
    /// The day those periods end, when a [`Calendar`] was given.
    pub date: Option<NaiveDate>,
}

/// How many trials finished after exactly `periods` periods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PeriodCount {
    /// Periods to finish.
    pub periods: u64,
    /// Trials that took that many.
    pub trials: u64,
}

/// The result of [`forecast_when`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WhenForecast {
    /// Trials run.
    pub trials: u64,
    /// Completion percentiles, one per level, in the order given.
    pub percentiles: Vec<PeriodPercentile>,
    /// Share of trials done by the deadline (a fraction), when one was given.
    pub deadline_probability: Option<f64>,
    /// The deadline `deadline_probability` was computed for, when one was given.
    #[serde(default)]
    pub deadline: Option<NaiveDate>,
    /// Whole periods from the calendar's start to `deadline`
    /// ([`Calendar::periods_until`]): `deadline_probability` is the share of trials
    /// done within this many periods. `None` without a deadline, or when the deadline
    /// is before the start (the probability is then 0).
    #[serde(default)]
    pub deadline_periods: Option<u64>,
    /// Mean periods to finish.
    pub mean_periods: f64,
    /// Every outcome: trials per number of periods, fewest periods first.
    pub distribution: Vec<PeriodCount>,
}

impl WhenForecast {
    /// Checks a forecast read back from JSON or a dict (the input of
    /// [`forecast_chart`](crate::chart::forecast_chart)) against what
    /// [`forecast_when`] can produce, so a hand-made or tampered one cannot make a chart
    /// allocate or draw without bound.
    ///
    /// **Checks**: `trials` in 1..=[`MAX_TRIALS`](super::MAX_TRIALS); every
    /// `distribution[i].periods` and `percentiles[i].periods` at most [`MAX_PERIODS`];
    /// the distribution's trials summing to `trials`; every level and
    /// `deadline_probability` a fraction in 0..=1; `mean_periods` finite and
    /// within 0..=[`MAX_PERIODS`].
    ///
    /// **Errors**: [`Error::OutOfRange`] or [`Error::InvalidInput`] on the field at
    /// fault (`distribution[3].periods`, `trials`).
    ///
    /// ```
    /// use pmkit::forecast::{forecast_when, Simulation};
    ///
    /// let mut forecast = forecast_when(20.0, &[5.0], &[0.5], &Simulation::new(100, 7)?, None, None)?;
    /// assert!(forecast.check().is_ok());
    /// forecast.distribution[0].periods = u64::MAX;
    /// assert_eq!(forecast.check().unwrap_err().field(), "distribution[0].periods");
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    pub fn check(&self) -> Result<()> {
        let trials = self.trials;
        if trials == 0 || trials > super::MAX_TRIALS {
            return Err(Error::out_of_range(
                "trials",
                format!("{trials} is outside 1..={}", super::MAX_TRIALS),
            ));
        }
        let periods_ok = |field: String, periods: u64| {
            if periods > MAX_PERIODS {
                Err(Error::out_of_range(
                    field,
                    format!("{periods} is more than {MAX_PERIODS}, the most a forecast simulates"),
                ))
            } else {
                Ok(())
            }
        };
        let mut total = 0u64;
        for (index, count) in self.distribution.iter().enumerate() {
            periods_ok(format!("distribution[{index}].periods"), count.periods)?;
            total = total.saturating_add(count.trials);
        }
        if total != trials {
            return Err(Error::invalid(
                "distribution",
                format!("counts {total} trials, but the forecast ran {trials}"),
            ));
        }
        for (index, percentile) in self.percentiles.iter().enumerate() {
            periods_ok(format!("percentiles[{index}].periods"), percentile.periods)?;
            fraction(&format!("percentiles[{index}].level"), percentile.level)?;
        }
        if let Some(share) = self.deadline_probability {
            fraction("deadline_probability", share)?;
        }
        input::finite("mean_periods", self.mean_periods)?;
        if !(0.0..=MAX_PERIODS as f64).contains(&self.mean_periods) {
            return Err(Error::out_of_range(
                "mean_periods",
                format!("{} is outside 0..={MAX_PERIODS}", self.mean_periods),
            ));
        }
        Ok(())
    }
}

/// A finite share in 0..=1.
fn fraction(field: &str, value: f64) -> Result<f64> {
    input::finite(field, value)?;
    if !(0.0..=1.0).contains(&value) {
        return Err(Error::out_of_range(
            field,
            format!("{value} is not a fraction in 0..=1"),
        ));
    }
    Ok(value)
}

/// Trials per number of periods; the percentile of a level is the fewest periods
/// within which at least that share of trials finished.
#[derive(Debug, Clone, Default)]
pub(crate) struct PeriodTally {
    counts: Vec<u64>,
}

impl PeriodTally {
    pub fn add(&mut self, periods: u64) {
        let index = periods as usize;
        if self.counts.len() <= index {
            self.counts.resize(index + 1, 0);
        }
        if let Some(count) = self.counts.get_mut(index) {
            *count += 1;
        }
    }

    /// The fewest periods within which `trials_needed(level)` trials finished.
    pub fn percentile(&self, level: f64, trials: u64) -> u64 {
        let needed = trials_needed(level, trials);
        let mut seen = 0;
        for (periods, count) in self.counts.iter().enumerate() {
            seen += count;
            if seen >= needed {
                return periods as u64;
            }
        }
        self.counts.len().saturating_sub(1) as u64
    }

    pub fn percentiles(
        &self,
        levels: &[f64],
        trials: u64,
        calendar: Option<&Calendar>,
    ) -> Result<Vec<PeriodPercentile>> {
        levels
            .iter()
            .map(|&level| {
                let periods = self.percentile(level, trials);
                let date = calendar.map(|c| c.date_after(periods)).transpose()?;
                Ok(PeriodPercentile {
                    level,
                    periods,
                    date,
                })
            })
            .collect()
    }

    pub fn within(&self, periods: u64) -> u64 {
        self.counts
            .iter()
            .take(periods.saturating_add(1) as usize)
            .sum()
    }

    pub fn mean(&self, trials: u64) -> f64 {
        let total: u64 = self
            .counts
            .iter()
            .enumerate()
            .map(|(periods, count)| periods as u64 * count)
            .sum();
        total as f64 / trials as f64
    }

    pub fn distribution(&self) -> Vec<PeriodCount> {
        self.counts
            .iter()
            .enumerate()
            .filter(|(_, &trials)| trials > 0)
            .map(|(periods, &trials)| PeriodCount {
                periods: periods as u64,
                trials,
            })
            .collect()
    }
}

/// Refuses work that would take more than [`MAX_PERIODS`] periods at the history's mean.
pub(crate) fn check_horizon(field: &str, remaining: f64, mean: f64) -> Result<()> {
    let expected = remaining / mean;
    if expected > (MAX_PERIODS / 2) as f64 {
        return Err(Error::out_of_range(
            field,
            format!("{remaining} at the history's mean of {mean} a period takes about {expected:.0} periods; pmkit simulates at most {MAX_PERIODS}"),
        ));
    }
    Ok(())
}

pub(crate) fn too_long() -> Error {
    Error::out_of_range(
        "history",
        format!("a trial ran past {MAX_PERIODS} periods: the history has too few periods with work done"),
    )
}

/// Monte Carlo forecast of when `remaining` items (or points) will be done, from a
/// history of items (or points) done per period.
///
/// **Method**: each trial draws periods from `history` uniformly with replacement
/// (index by [`Rng::below`]) and adds them up until the total reaches `remaining`; the
/// number of periods drawn is the trial's outcome. The percentile at level `p` is the
/// fewest periods within which at least ⌈p × trials⌉ trials finished (nearest rank, so
/// "85 %: 12 weeks" means 85 % of trials were done in 12 weeks or fewer). With a
/// [`Calendar`], period `n` ends `n × period_days` after `start`, and
/// `deadline_probability` is the share of trials done by `deadline`. `remaining = 0`
/// is done at once: every trial takes 0 periods.
///
/// jira-agile-metrics' burn-up forecast is this method on a daily history, with 100
/// trials and percentiles interpolated between trials.
///
/// **Errors**: `remaining` negative or NaN; `history` empty or all zero
/// ([`Undefined`](crate::Error::Undefined): the work would never finish), or with a
/// negative, NaN or > 2^53 value; work needing more than [`MAX_PERIODS`] periods
/// ([`OutOfRange`](crate::Error::OutOfRange)); trials × the periods the work needs at
/// the history's mean above [`MAX_DRAWS`](super::MAX_DRAWS) (`OutOfRange` on `trials`;
/// on `history` if the simulation itself draws twice that); a level outside 0..=1; a
/// deadline without a calendar.
///
/// **Source**: Magennis, T., *Forecasting and Simulating Software Development
/// Projects* (2011); Vacanti, *When Will It Be Done?* (2020), ch. 7–9.
///
/// ```
/// use pmkit::forecast::{forecast_when, Simulation};
///
/// // Every week the team finishes exactly 5: 20 items take 4 weeks in every trial.
/// let forecast = forecast_when(20.0, &[5.0], &[0.5, 0.95], &Simulation::new(1_000, 7)?, None, None)?;
/// assert_eq!(forecast.percentiles[1].periods, 4);
/// assert_eq!(forecast.mean_periods, 4.0);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn forecast_when(
    remaining: f64,
    history: &[f64],
    levels: &[f64],
    simulation: &Simulation,
    calendar: Option<&Calendar>,
    deadline: Option<NaiveDate>,
) -> Result<WhenForecast> {
    input::non_negative("remaining", remaining)?;
    let mean = check_history(history)?;
    input::non_empty("levels", levels)?;
    check_levels(levels)?;
    if deadline.is_some() && calendar.is_none() {
        return Err(Error::invalid(
            "deadline",
            "needs a start date: give start (and period_days) to map periods to dates",
        ));
    }
    check_horizon("remaining", remaining, mean)?;
    check_work(simulation, remaining / mean)?;
    let mut rng = Rng::new(simulation.seed);
    let bound = history.len() as u64;
    let mut tally = PeriodTally::default();
    let mut budget = DrawBudget::default();
    let mut checkpoint = Checkpoint::new();
    for _ in 0..simulation.trials {
        let mut done = 0.0;
        let mut periods = 0u64;
        while done < remaining {
            checkpoint.check()?;
            done += history
                .get(rng.below(bound) as usize)
                .copied()
                .unwrap_or(0.0);
            periods += 1;
            if periods > MAX_PERIODS {
                return Err(too_long());
            }
        }
        budget.spend(periods)?;
        tally.add(periods);
    }
    let deadline_periods = match (calendar, deadline) {
        (Some(calendar), Some(deadline)) if deadline >= calendar.start => {
            Some(calendar.periods_until(deadline))
        }
        _ => None,
    };
    let deadline_probability = match (deadline, deadline_periods) {
        (Some(_), Some(periods)) => Some(tally.within(periods) as f64 / simulation.trials as f64),
        (Some(_), None) => Some(0.0),
        _ => None,
    };
    Ok(WhenForecast {
        trials: simulation.trials,
        percentiles: tally.percentiles(levels, simulation.trials, calendar)?,
        deadline_probability,
        deadline,
        deadline_periods,
        mean_periods: tally.mean(simulation.trials),
        distribution: tally.distribution(),
    })
}

/// The result of [`forecast_how_many`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HowManyForecast {
    /// Trials run.
    pub trials: u64,
    /// Periods simulated in each trial.
    pub periods: u64,
    /// Read from the low end: at level 0.85, at least `value` items (or points) were
    /// done in 85 % of the trials.
    pub percentiles: Vec<Percentile>,
    /// Mean items (or points) done.
    pub mean: f64,
}

/// Monte Carlo forecast of how many items (or points) will be done in `periods`
/// periods, from a history of items (or points) done per period.
///
/// **Method**: each trial adds up `periods` draws from `history` (uniform, with
/// replacement). Percentiles are read from the low end, as a commitment is: at level
/// `p` the value is the largest total that at least ⌈p × trials⌉ trials reached, so
/// "85 %: 40" means at least 40 items in 85 % of the trials. Use
/// [`Calendar::periods_until`] to turn a date into periods.
///
/// **Errors**: as [`forecast_when`]; `periods` above [`MAX_PERIODS`]; trials ×
/// `periods` above [`MAX_DRAWS`](super::MAX_DRAWS) (`OutOfRange` on `trials`).
///
/// **Source**: Vacanti, *When Will It Be Done?* (2020), ch. 8 ("How many").
///
/// ```
/// use pmkit::forecast::{forecast_how_many, Simulation};
///
/// // A team that always finishes 3 a week does 30 in 10 weeks, at any confidence.
/// let forecast = forecast_how_many(&[3.0], 10, &[0.85], &Simulation::new(500, 1)?)?;
/// assert_eq!(forecast.percentiles[0].value, 30.0);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn forecast_how_many(
    history: &[f64],
    periods: u64,
    levels: &[f64],
    simulation: &Simulation,
) -> Result<HowManyForecast> {
    check_history(history)?;
    input::non_empty("levels", levels)?;
    check_levels(levels)?;
    if periods > MAX_PERIODS {
        return Err(Error::out_of_range(
            "periods",
            format!("{periods} is more than {MAX_PERIODS}"),
        ));
    }
    check_work(simulation, periods as f64)?;
    let mut rng = Rng::new(simulation.seed);
    let bound = history.len() as u64;
    let mut checkpoint = Checkpoint::new();
    let mut totals: Vec<f64> = Vec::with_capacity(simulation.trials as usize);
    for _ in 0..simulation.trials {
        let mut total = 0.0;
        for _ in 0..periods {
            checkpoint.check()?;
            total += history
                .get(rng.below(bound) as usize)
                .copied()
                .unwrap_or(0.0);
        }
        totals.push(total);
    }
    let mean = totals.iter().sum::<f64>() / simulation.trials as f64;
    totals.sort_by(f64::total_cmp);
    let percentiles = levels
        .iter()
        .map(|&level| {
            let needed = trials_needed(level, simulation.trials);
            let index = (simulation.trials - needed) as usize;
            Percentile {
                level,
                value: totals.get(index).copied().unwrap_or(0.0),
            }
        })
        .collect();
    Ok(HowManyForecast {
        trials: simulation.trials,
        periods,
        percentiles,
        mean,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn sim(trials: u64) -> Simulation {
        Simulation::new(trials, 42).unwrap()
    }

    #[test]
    fn hostile_forecasts_are_refused() {
        let forecast = forecast_when(20.0, &[5.0, 3.0], &[0.5], &sim(100), None, None).unwrap();
        forecast.check().unwrap();
        let mut bad = forecast.clone();
        bad.distribution = vec![
            PeriodCount {
                periods: 0,
                trials: 50,
            },
            PeriodCount {
                periods: u64::MAX,
                trials: 50,
            },
        ];
        let err = bad.check().unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "distribution[1].periods")
        );
        let mut bad = forecast.clone();
        bad.distribution[0].trials += 1;
        assert_eq!(bad.check().unwrap_err().field(), "distribution");
        let mut bad = forecast.clone();
        bad.percentiles[0].level = 2.0;
        assert_eq!(bad.check().unwrap_err().field(), "percentiles[0].level");
        let mut bad = forecast;
        bad.mean_periods = f64::NAN;
        assert_eq!(bad.check().unwrap_err().field(), "mean_periods");
    }

    #[test]
    fn too_much_work_is_refused_before_it_starts() {
        // 1,000,000 trials × 49,999 periods took 104 s; now refused at once.
        let err = forecast_when(49_999.0, &[1.0], &[0.5], &sim(1_000_000), None, None).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::OutOfRange, "trials"));
        let err = forecast_how_many(&[1.0], 100_000, &[0.5], &sim(1_000_000)).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::OutOfRange, "trials"));
        // At the limit it runs: 10,000 trials × 100,000 periods are 10⁹ draws.
        assert!(check_work(&sim(10_000), 100_000.0).is_ok());
        assert!(check_work(&sim(10_001), 100_000.0).is_err());
    }

    #[test]
    fn a_misleading_mean_is_stopped_by_the_budget() {
        let mut budget = DrawBudget::default();
        budget.spend(2 * crate::forecast::MAX_DRAWS).unwrap();
        let err = budget.spend(1).unwrap_err();
        assert_eq!(err.field(), "history");
    }

    #[test]
    fn target_already_reached_takes_no_time() {
        let day = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        let calendar = Calendar::new(day, 7).unwrap();
        let forecast = forecast_when(
            0.0,
            &[0.0, 3.0],
            &[0.95],
            &sim(100),
            Some(&calendar),
            Some(day),
        )
        .unwrap();
        assert_eq!(forecast.percentiles[0].periods, 0);
        assert_eq!(forecast.percentiles[0].date, Some(day));
        assert_eq!(forecast.deadline_probability, Some(1.0));
        assert_eq!(forecast.deadline, Some(day));
        assert_eq!(forecast.deadline_periods, Some(0));
    }

    #[test]
    fn the_deadline_and_its_periods_are_kept() {
        // Weekly from Mon 2 March; 20 items at 5 a week take 4 weeks (ending 30 March).
        let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let calendar = Calendar::new(start, 7).unwrap();
        let at = |day| NaiveDate::from_ymd_opt(2026, 3, day);
        // 29 March is 27 days on: 3 whole weeks, so no trial is done by it.
        let early = forecast_when(20.0, &[5.0], &[0.5], &sim(10), Some(&calendar), at(29)).unwrap();
        assert_eq!(early.deadline, at(29));
        assert_eq!(
            (early.deadline_periods, early.deadline_probability),
            (Some(3), Some(0.0))
        );
        let on_time =
            forecast_when(20.0, &[5.0], &[0.5], &sim(10), Some(&calendar), at(30)).unwrap();
        assert_eq!(
            (on_time.deadline_periods, on_time.deadline_probability),
            (Some(4), Some(1.0))
        );
        // Before the start: probability 0 and no periods.
        let before = forecast_when(20.0, &[5.0], &[0.5], &sim(10), Some(&calendar), at(1)).unwrap();
        assert_eq!(
            (
                before.deadline,
                before.deadline_periods,
                before.deadline_probability
            ),
            (at(1), None, Some(0.0))
        );
        let none = forecast_when(20.0, &[5.0], &[0.5], &sim(10), None, None).unwrap();
        assert_eq!((none.deadline, none.deadline_periods), (None, None));
        // Older JSON without the two fields still reads.
        let json = r#"{"trials": 1, "percentiles": [], "deadline_probability": null,
            "mean_periods": 0.0, "distribution": []}"#;
        let read: WhenForecast = serde_json::from_str(json).unwrap();
        assert_eq!(read.deadline_periods, None);
    }

    #[test]
    fn huge_throughput_finishes_in_one_period() {
        let forecast =
            forecast_when(500.0, &[1e15, 2e15], &[0.5], &sim(1_000), None, None).unwrap();
        assert_eq!(forecast.percentiles[0].periods, 1);
        assert_eq!(
            forecast.distribution,
            vec![PeriodCount {
                periods: 1,
                trials: 1_000
            }]
        );
    }

    #[test]
    fn zero_history_is_an_error_not_a_hang() {
        let err = forecast_when(5.0, &[0.0, 0.0], &[0.5], &sim(10), None, None).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Undefined, "history"));
        let err = forecast_when(1e12, &[0.0, 1.0], &[0.5], &sim(10), None, None).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "remaining")
        );
        let err = forecast_when(
            1.0,
            &[1.0],
            &[0.5],
            &sim(10),
            None,
            NaiveDate::from_ymd_opt(2026, 1, 1),
        )
        .unwrap_err();
        assert_eq!(err.field(), "deadline");
    }

    #[test]
    fn two_point_history_matches_the_binomial() {
        // Each week does 0 or 1 with equal odds; 1 item left: P(done in 1 week) = 1/2.
        let forecast =
            forecast_when(1.0, &[0.0, 1.0], &[0.4, 0.75], &sim(100_000), None, None).unwrap();
        let one_week = forecast.distribution[0].trials as f64 / 100_000.0;
        assert!((one_week - 0.5).abs() < 0.01, "{one_week}");
        assert_eq!(forecast.percentiles[0].periods, 1);
        assert_eq!(forecast.percentiles[1].periods, 2);
        assert!((forecast.mean_periods - 2.0).abs() < 0.02);
    }

    #[test]
    fn same_seed_same_forecast() {
        let history = [0.0, 1.0, 4.0, 2.0, 2.0, 7.0];
        let a = forecast_when(60.0, &history, &[0.85], &sim(2_000), None, None).unwrap();
        let b = forecast_when(60.0, &history, &[0.85], &sim(2_000), None, None).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn how_many_reads_from_the_low_end() {
        // Half the trials do 0, half do 1 in one period: at 85 % only "at least 0" holds.
        let forecast = forecast_how_many(&[0.0, 1.0], 1, &[0.4, 0.85], &sim(10_000)).unwrap();
        assert_eq!(forecast.percentiles[0].value, 1.0);
        assert_eq!(forecast.percentiles[1].value, 0.0);
        assert_eq!(
            forecast_how_many(&[1.0], MAX_PERIODS + 1, &[0.5], &sim(1))
                .unwrap_err()
                .field(),
            "periods"
        );
    }
}
