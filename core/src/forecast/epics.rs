//! Several epics in priority order, a limit on epics in progress at once, sizes as
//! ranges, optional split rate and risks.

use serde::{Deserialize, Serialize};

use super::when::{check_horizon, too_long, PeriodPercentile, PeriodTally};
use super::{check_history, check_work, Calendar, DrawBudget, Rng, Simulation, MAX_PERIODS};
use crate::cancel::Checkpoint;
use crate::stats::check_levels;
use crate::{input, Error, Result};

/// An epic (feature, project) whose size is known as a range of items (or points).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Epic {
    /// Its name, unique within the plan.
    pub name: String,
    /// The fewest items (or points) it may hold.
    pub low: u64,
    /// The most; each trial draws a whole number in `low..=high` uniformly.
    pub high: u64,
}

/// Something that may happen and add work to an epic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Risk {
    /// What it is ("payment provider changes its API").
    pub name: String,
    /// The epic it hits, by name.
    pub epic: String,
    /// The chance it happens in a trial, as a fraction.
    pub probability: f64,
    /// Fewest items (or points) it adds when it happens.
    pub low: u64,
    /// Most it adds; a trial draws a whole number in `low..=high`.
    pub high: u64,
}

/// The range of the split rate: the share of extra work that appears as stories are
/// split (0.2 = a 10-item epic grows to 12).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SplitRate {
    /// The smallest share, ≥ 0.
    pub low: f64,
    /// The largest; each trial draws a rate uniformly in `low..=high` per epic.
    pub high: f64,
}

/// What [`forecast_epics`] simulates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EpicPlan {
    /// The epics, highest priority first.
    pub epics: Vec<Epic>,
    /// How many epics may be in progress at once (at least 1).
    pub wip_limit: u64,
    /// Growth by splitting, if any.
    #[serde(default)]
    pub split_rate: Option<SplitRate>,
    /// Risks, if any.
    #[serde(default)]
    pub risks: Vec<Risk>,
}

/// One epic's completion forecast.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EpicForecast {
    /// The epic's name.
    pub name: String,
    /// When it is done, one percentile per level.
    pub percentiles: Vec<PeriodPercentile>,
}

/// The result of [`forecast_epics`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EpicsForecast {
    /// Trials run.
    pub trials: u64,
    /// Each epic, in plan order.
    pub epics: Vec<EpicForecast>,
    /// When the last epic is done.
    pub all: Vec<PeriodPercentile>,
}

/// Sizes of one trial: each epic's drawn size, grown by its split rate and risks.
fn draw_sizes(plan: &EpicPlan, targets: &[usize], rng: &mut Rng) -> Vec<f64> {
    let mut sizes: Vec<f64> = plan
        .epics
        .iter()
        .map(|epic| {
            let base = rng.between(epic.low, epic.high) as f64;
            match plan.split_rate {
                // Exact IEEE arithmetic only (no logarithms), so every platform agrees.
                Some(split) => {
                    let rate = split.low + (split.high - split.low) * rng.fraction();
                    (base * (1.0 + rate)).ceil()
                }
                None => base,
            }
        })
        .collect();
    for (risk, &target) in plan.risks.iter().zip(targets) {
        if rng.fraction() < risk.probability {
            let extra = rng.between(risk.low, risk.high) as f64;
            if let Some(size) = sizes.get_mut(target) {
                *size += extra;
            }
        }
    }
    sizes
}

/// Checks a plan; returns each risk's epic index.
fn check_plan(plan: &EpicPlan) -> Result<Vec<usize>> {
    input::non_empty("epics", &plan.epics)?;
    for (index, epic) in plan.epics.iter().enumerate() {
        if epic.high < epic.low {
            return Err(Error::invalid(
                format!("epics[{index}].high"),
                format!("{} is below low {}", epic.high, epic.low),
            ));
        }
        if plan
            .epics
            .iter()
            .take(index)
            .any(|other| other.name == epic.name)
        {
            return Err(Error::invalid(
                format!("epics[{index}].name"),
                format!("{:?} names an earlier epic too", epic.name),
            ));
        }
    }
    if plan.wip_limit == 0 {
        return Err(Error::invalid(
            "wip_limit",
            "is 0; at least one epic must be in progress",
        ));
    }
    if let Some(split) = plan.split_rate {
        input::non_negative("split_rate.low", split.low)?;
        input::non_negative("split_rate.high", split.high)?;
        if split.high < split.low {
            return Err(Error::invalid(
                "split_rate.high",
                format!("{} is below low {}", split.high, split.low),
            ));
        }
    }
    plan.risks
        .iter()
        .enumerate()
        .map(|(index, risk)| {
            let field = format!("risks[{index}]");
            input::finite(&format!("{field}.probability"), risk.probability)?;
            if !(0.0..=1.0).contains(&risk.probability) {
                return Err(Error::out_of_range(
                    format!("{field}.probability"),
                    format!("{} is outside 0..=1", risk.probability),
                ));
            }
            if risk.high < risk.low {
                return Err(Error::invalid(
                    format!("{field}.high"),
                    format!("{} is below low {}", risk.high, risk.low),
                ));
            }
            plan.epics
                .iter()
                .position(|epic| epic.name == risk.epic)
                .ok_or_else(|| {
                    Error::invalid(
                        format!("{field}.epic"),
                        format!("{:?} is not an epic of the plan", risk.epic),
                    )
                })
        })
        .collect()
}

/// Monte Carlo forecast of when each of several epics, worked in priority order, will
/// be done.
///
/// **Method**: each trial draws every epic's size uniformly in its range, grows it by
/// a split rate drawn in `split_rate` (rounded up) and by each risk that fires (with its
/// probability, adding a size drawn in its range). Then, period by period, it draws a
/// throughput from `history` and shares it equally among the epics in progress — the
/// first `wip_limit` unfinished epics in priority order. Throughput left over by an
/// epic that finishes goes to the others, and to the next epic, in the same period.
/// Percentiles are per epic and for all epics, as in [`super::forecast_when`].
///
/// **Errors**: no epics; an epic or risk range with `high < low`; duplicate epic names;
/// `wip_limit` 0; a negative split rate; a risk probability outside 0..=1 or naming an
/// unknown epic; and every error of [`super::forecast_when`] (trials × the periods the
/// largest plan needs at the history's mean is at most [`MAX_DRAWS`](super::MAX_DRAWS)).
///
/// **Source**: Magennis, T., *Forecasting and Simulating Software Development
/// Projects* (2011), ch. 5–6 (multiple features, split rate, risks).
///
/// ```
/// use pmkit::forecast::{forecast_epics, Epic, EpicPlan, Simulation};
///
/// let plan = EpicPlan {
///     epics: vec![
///         Epic { name: "Checkout".into(), low: 10, high: 10 },
///         Epic { name: "Search".into(), low: 10, high: 10 },
///     ],
///     wip_limit: 1, split_rate: None, risks: vec![],
/// };
/// // Exactly 5 a week, one epic at a time: Checkout in 2 weeks, Search in 4.
/// let forecast = forecast_epics(&plan, &[5.0], &[0.85], &Simulation::new(100, 3)?, None)?;
/// assert_eq!(forecast.epics[0].percentiles[0].periods, 2);
/// assert_eq!(forecast.all[0].periods, 4);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn forecast_epics(
    plan: &EpicPlan,
    history: &[f64],
    levels: &[f64],
    simulation: &Simulation,
    calendar: Option<&Calendar>,
) -> Result<EpicsForecast> {
    let targets = check_plan(plan)?;
    let mean = check_history(history)?;
    input::non_empty("levels", levels)?;
    check_levels(levels)?;
    let largest: f64 = plan.epics.iter().map(|epic| epic.high as f64).sum::<f64>()
        * (1.0 + plan.split_rate.map_or(0.0, |split| split.high))
        + plan.risks.iter().map(|risk| risk.high as f64).sum::<f64>();
    check_horizon("epics", largest, mean)?;
    check_work(simulation, largest / mean)?;
    let mut budget = DrawBudget::default();

    let mut rng = Rng::new(simulation.seed);
    let bound = history.len() as u64;
    let count = plan.epics.len();
    let limit = usize::try_from(plan.wip_limit).unwrap_or(usize::MAX);
    let mut tallies = vec![PeriodTally::default(); count];
    let mut all = PeriodTally::default();
    let mut finished_at = vec![0u64; count];
    let mut active: Vec<usize> = Vec::with_capacity(count);
    // A remainder this small is rounding, not work (1/3 + 1/3 + 1/3 < 1 in floats).
    const DONE: f64 = 1e-9;
    let mut checkpoint = Checkpoint::new();
    for _ in 0..simulation.trials {
        let mut left = draw_sizes(plan, &targets, &mut rng);
        for (epic, size) in left.iter().enumerate() {
            if *size <= DONE {
                finished_at[epic] = 0;
            }
        }
        let mut open = left.iter().filter(|size| **size > DONE).count();
        let mut period = 0u64;
        while open > 0 {
            checkpoint.check()?;
            period += 1;
            if period > MAX_PERIODS {
                return Err(too_long());
            }
            let mut capacity = history
                .get(rng.below(bound) as usize)
                .copied()
                .unwrap_or(0.0);
            while capacity > 0.0 && open > 0 {
                active.clear();
                active.extend((0..count).filter(|&epic| left[epic] > DONE).take(limit));
                let share = capacity / active.len() as f64;
                let mut used = 0.0;
                let mut finished_any = false;
                for &epic in &active {
                    if left[epic] <= share + DONE {
                        used += left[epic];
                        left[epic] = 0.0;
                        finished_at[epic] = period;
                        finished_any = true;
                        open -= 1;
                    }
                }
                if finished_any {
                    capacity -= used;
                } else {
                    for &epic in &active {
                        left[epic] -= share;
                    }
                    capacity = 0.0;
                }
            }
        }
        budget.spend(period)?;
        for (tally, &periods) in tallies.iter_mut().zip(&finished_at) {
            tally.add(periods);
        }
        all.add(finished_at.iter().copied().max().unwrap_or(0));
    }
    let epics = plan
        .epics
        .iter()
        .zip(&tallies)
        .map(|(epic, tally)| {
            Ok(EpicForecast {
                name: epic.name.clone(),
                percentiles: tally.percentiles(levels, simulation.trials, calendar)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(EpicsForecast {
        trials: simulation.trials,
        epics,
        all: all.percentiles(levels, simulation.trials, calendar)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn epic(name: &str, low: u64, high: u64) -> Epic {
        Epic {
            name: name.into(),
            low,
            high,
        }
    }

    fn plan(wip_limit: u64) -> EpicPlan {
        EpicPlan {
            epics: vec![epic("A", 10, 10), epic("B", 10, 10), epic("C", 0, 0)],
            wip_limit,
            split_rate: None,
            risks: vec![],
        }
    }

    fn sim() -> Simulation {
        Simulation::new(50, 9).unwrap()
    }

    #[test]
    fn parallel_epics_share_throughput() {
        // 5 a week shared by A and B: each gets 2.5, both finish in week 4. C is empty.
        let forecast = forecast_epics(&plan(2), &[5.0], &[0.5], &sim(), None).unwrap();
        assert_eq!(forecast.epics[0].percentiles[0].periods, 4);
        assert_eq!(forecast.epics[1].percentiles[0].periods, 4);
        assert_eq!(forecast.epics[2].percentiles[0].periods, 0);
    }

    #[test]
    fn leftover_flows_to_the_next_epic() {
        // 3 a week, one at a time: A done in week 4 (12 ≥ 10), its 2 spare go to B,
        // which then needs 8 more: weeks 5, 6, 7 (2 + 3 + 3 + 3 = 11 ≥ 10).
        let forecast = forecast_epics(&plan(1), &[3.0], &[0.5], &sim(), None).unwrap();
        assert_eq!(forecast.epics[0].percentiles[0].periods, 4);
        assert_eq!(forecast.epics[1].percentiles[0].periods, 7);
        assert_eq!(forecast.all[0].periods, 7);
    }

    #[test]
    fn certain_risk_and_split_grow_the_epic() {
        let mut p = plan(1);
        p.epics.truncate(1);
        p.split_rate = Some(SplitRate {
            low: 0.5,
            high: 0.5,
        });
        p.risks = vec![Risk {
            name: "r".into(),
            epic: "A".into(),
            probability: 1.0,
            low: 5,
            high: 5,
        }];
        // 10 × 1.5 + 5 = 20 items at 5 a week: 4 weeks.
        let forecast = forecast_epics(&p, &[5.0], &[0.5], &sim(), None).unwrap();
        assert_eq!(forecast.all[0].periods, 4);
    }

    #[test]
    fn bad_plans_name_the_field() {
        let mut p = plan(0);
        assert_eq!(
            forecast_epics(&p, &[1.0], &[0.5], &sim(), None)
                .unwrap_err()
                .field(),
            "wip_limit"
        );
        p.wip_limit = 1;
        p.epics[1].low = 20;
        assert_eq!(
            forecast_epics(&p, &[1.0], &[0.5], &sim(), None)
                .unwrap_err()
                .field(),
            "epics[1].high"
        );
        let mut p = plan(1);
        p.risks = vec![Risk {
            name: "r".into(),
            epic: "Z".into(),
            probability: 0.5,
            low: 1,
            high: 1,
        }];
        let err = forecast_epics(&p, &[1.0], &[0.5], &sim(), None).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::InvalidInput, "risks[0].epic")
        );
        let err = forecast_epics(&plan(1), &[0.0], &[0.5], &sim(), None).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Undefined);
    }
}
