//! [`feasibility`]: lay the ranked epics into future sprints at mean velocity and say
//! when each finishes and which miss their target.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::progress::PlannedEpic;
use super::target::Target;
use crate::metrics::team_velocity;
use crate::{input, Error, Result};

/// The most future sprints [`feasibility`] lays out (about 38 years of two-week
/// sprints): a plan longer than that is refused rather than built.
pub const MAX_PLANNED_SPRINTS: u64 = 1_000;

/// The options of [`feasibility`]: sprint length, how many epics at a time, and the
/// velocity window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct FeasibilityOptions {
    /// Calendar days per sprint (14 by default).
    #[serde(deserialize_with = "input::deserialize_count")]
    pub sprint_length_days: u64,
    /// How many epics are worked on at a time (1 by default).
    #[serde(deserialize_with = "input::deserialize_count")]
    pub wip_limit: u64,
    /// How many of the most recent sprints the mean velocity averages (3 by default).
    #[serde(deserialize_with = "input::deserialize_count")]
    pub window: u64,
}

impl Default for FeasibilityOptions {
    fn default() -> Self {
        FeasibilityOptions {
            sprint_length_days: 14,
            wip_limit: 1,
            window: crate::metrics::DEFAULT_VELOCITY_WINDOW,
        }
    }
}

/// Points one epic receives in one sprint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Allocation {
    /// The epic's id.
    pub epic: String,
    /// Points of it done in the sprint.
    pub points: f64,
}

/// One future sprint of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlannedSprint {
    /// 1 for the first future sprint.
    pub number: u64,
    /// Its first day.
    pub start: NaiveDate,
    /// Its last day.
    pub end: NaiveDate,
    /// Points per epic worked on, in rank order.
    pub allocations: Vec<Allocation>,
}

/// One epic's projection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EpicProjection {
    /// The epic's id.
    pub id: String,
    /// Points left at the start.
    pub remaining_points: f64,
    /// The sprint its work starts in; `None` when nothing is left.
    pub start_sprint: Option<u64>,
    /// The sprint it finishes in; `None` when nothing is left.
    pub finish_sprint: Option<u64>,
    /// The last day of that sprint.
    pub finish_date: Option<NaiveDate>,
    /// Its target, as given.
    pub target: Option<Target>,
    /// True when it finishes after the last day of its target.
    pub misses_target: bool,
}

/// The result of [`feasibility`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Feasibility {
    /// Mean points per sprint over the velocity window: the pace of the plan.
    pub mean_velocity: f64,
    /// Sprints until every epic is done.
    pub sprints_needed: u64,
    /// Each epic, in rank order.
    pub epics: Vec<EpicProjection>,
    /// Ids of the epics that miss their target, in rank order.
    pub missed: Vec<String>,
    /// The sprints of the plan.
    pub sprints: Vec<PlannedSprint>,
}

/// Deterministic roadmap feasibility: the ranked epics laid into future sprints at the
/// team's mean velocity, at most `wip_limit` epics at a time.
///
/// **Method**: each sprint has `mean_velocity` points (the mean of the last `window`
/// sprints of `velocity_history`, as [`crate::metrics::team_velocity`]). They are shared
/// equally among the first `wip_limit` unfinished epics in rank order; points an epic
/// does not need (it finishes) are shared again among those still open, the next epic
/// joining, in the same sprint — the rule of [`crate::forecast::forecast_epics`], run
/// once at the mean instead of over random draws. Sprint `n` runs from
/// `first_sprint_start + (n − 1) × sprint_length_days` for `sprint_length_days`
/// calendar days. An epic misses its target when its finishing sprint ends after the
/// target's last day. Dependencies are not scheduled; [`super::Roadmap::validate`]
/// checks them against the roadmap's dates.
///
/// **Errors**: no epics ([`Error::Undefined`] on `epics`); an empty or repeated id
/// ([`Error::InvalidInput`] on `epics[i].id`); NaN or negative points
/// (`epics[i].remaining_points`); a bad history (as `team_velocity`, on
/// `velocity_history`); a mean velocity of 0 with work left ([`Error::Undefined`] on
/// `velocity_history`); `wip_limit` or `sprint_length_days` 0 or `window` 0
/// ([`Error::OutOfRange`]); a plan of more than [`MAX_PLANNED_SPRINTS`] sprints
/// ([`Error::OutOfRange`] on `epics`).
///
/// **Source**: Mike Cohn, *Agile Estimating and Planning* (2005), ch. 17–18 (release
/// planning at the team's velocity).
///
/// ```
/// use chrono::NaiveDate;
/// use pmkit::roadmap::{feasibility, FeasibilityOptions, PlannedEpic, Target};
///
/// let epic = |id: &str, points, target: &str| PlannedEpic {
///     id: id.into(), remaining_points: points, target: Some(Target::parse("target", target).unwrap()),
/// };
/// let epics = [epic("E1", 30.0, "2026-04"), epic("E2", 10.0, "2026-Q2"), epic("E3", 25.0, "2026-05-15")];
/// let start = NaiveDate::from_ymd_opt(2026, 4, 6).unwrap();
/// // Mean velocity 20 (window 3); two-week sprints; two epics at a time.
/// let plan = feasibility(&epics, &[18.0, 22.0, 20.0], start, &FeasibilityOptions { sprint_length_days: 14, wip_limit: 2, window: 3 })?;
/// assert_eq!(plan.mean_velocity, 20.0);
/// assert_eq!(plan.epics[1].finish_sprint, Some(1)); // E2: 10 of sprint 1's 20
/// // E1: 5 + 10 + 10 + 5 points over sprints 1–4, the last ending 31 May.
/// assert_eq!(plan.epics[0].finish_date.unwrap().to_string(), "2026-05-31");
/// assert_eq!(plan.missed, ["E1", "E3"]);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn feasibility(
    epics: &[PlannedEpic],
    velocity_history: &[f64],
    first_sprint_start: NaiveDate,
    options: &FeasibilityOptions,
) -> Result<Feasibility> {
    let FeasibilityOptions {
        sprint_length_days,
        wip_limit,
        window,
    } = *options;
    input::non_empty("epics", epics)?;
    for (index, epic) in epics.iter().enumerate() {
        let field = format!("epics[{index}]");
        if epic.id.trim().is_empty() {
            return Err(Error::invalid(format!("{field}.id"), "is empty"));
        }
        if epics.iter().take(index).any(|other| other.id == epic.id) {
            return Err(Error::invalid(
                format!("{field}.id"),
                format!("{:?} appears twice", epic.id),
            ));
        }
        input::points(&format!("{field}.remaining_points"), epic.remaining_points)?;
    }
    let mean = team_velocity(
        velocity_history,
        &crate::metrics::VelocityOptions { window },
    )
    .map_err(|err| {
        err.map_field(|field| field.replacen("completed_points", "velocity_history", 1))
    })?
    .mean;
    if sprint_length_days == 0 {
        return Err(Error::out_of_range(
            "sprint_length_days",
            "is 0; a sprint lasts at least a day",
        ));
    }
    if wip_limit == 0 {
        return Err(Error::out_of_range(
            "wip_limit",
            "is 0; at least one epic must be in progress",
        ));
    }
    let total: f64 = epics.iter().map(|epic| epic.remaining_points).sum();
    // A remainder this small is rounding, not work (1/3 + 1/3 + 1/3 < 1 in floats).
    const DONE: f64 = 1e-9;
    if total > DONE && mean <= 0.0 {
        return Err(Error::undefined(
            "velocity_history",
            "has a mean of 0 points per sprint, so the work never finishes",
        ));
    }
    if total > DONE && (total / mean).ceil() > MAX_PLANNED_SPRINTS as f64 {
        return Err(Error::out_of_range(
            "epics",
            format!("need about {:.0} sprints at {mean} points each; more than {MAX_PLANNED_SPRINTS} is not a plan", (total / mean).ceil()),
        ));
    }
    let length = i64::try_from(sprint_length_days)
        .ok()
        .and_then(Duration::try_days)
        .ok_or_else(|| Error::out_of_range("sprint_length_days", "is too large"))?;
    let limit = usize::try_from(wip_limit).unwrap_or(usize::MAX);

    let mut left: Vec<f64> = epics.iter().map(|epic| epic.remaining_points).collect();
    let mut started: Vec<Option<u64>> = vec![None; epics.len()];
    let mut finished: Vec<Option<u64>> = vec![None; epics.len()];
    let mut sprints: Vec<PlannedSprint> = Vec::new();
    let mut number = 0u64;
    let mut start = first_sprint_start;
    while left.iter().any(|&points| points > DONE) {
        number += 1;
        let end = start
            .checked_add_signed(length - Duration::days(1))
            .ok_or_else(|| {
                Error::out_of_range("first_sprint_start", "the plan runs past the calendar")
            })?;
        let mut given = vec![0.0; epics.len()];
        let mut capacity = mean;
        while capacity > DONE {
            let active: Vec<usize> = (0..epics.len())
                .filter(|&epic| left.get(epic).is_some_and(|&points| points > DONE))
                .take(limit)
                .collect();
            if active.is_empty() {
                break;
            }
            let share = capacity / active.len() as f64;
            let finishing: Vec<usize> = active
                .iter()
                .copied()
                .filter(|&epic| left.get(epic).is_some_and(|&points| points <= share + DONE))
                .collect();
            let pay: Vec<(usize, f64)> = if finishing.is_empty() {
                // Nobody finishes: everyone takes a full share and the sprint is spent.
                active.iter().map(|&epic| (epic, share)).collect()
            } else {
                // Those who finish take what they need; the rest is shared again.
                finishing
                    .iter()
                    .map(|&epic| (epic, left.get(epic).copied().unwrap_or(0.0)))
                    .collect()
            };
            for (epic, points) in pay {
                if let (Some(rest), Some(sum)) = (left.get_mut(epic), given.get_mut(epic)) {
                    *rest = if *rest <= points + DONE {
                        0.0
                    } else {
                        *rest - points
                    };
                    *sum += points;
                    capacity -= points;
                }
                if let Some(slot) = started.get_mut(epic) {
                    slot.get_or_insert(number);
                }
                if left.get(epic).is_some_and(|&points| points <= DONE) {
                    if let Some(slot) = finished.get_mut(epic) {
                        *slot = Some(number);
                    }
                }
            }
            if finishing.is_empty() {
                break;
            }
        }
        sprints.push(PlannedSprint {
            number,
            start,
            end,
            allocations: epics
                .iter()
                .zip(&given)
                .filter(|(_, &points)| points > 0.0)
                .map(|(epic, &points)| Allocation {
                    epic: epic.id.clone(),
                    points,
                })
                .collect(),
        });
        start = start.checked_add_signed(length).ok_or_else(|| {
            Error::out_of_range("first_sprint_start", "the plan runs past the calendar")
        })?;
    }
    let end_of = |number: u64| {
        sprints
            .iter()
            .find(|sprint| sprint.number == number)
            .map(|sprint| sprint.end)
    };
    let projections: Vec<EpicProjection> = epics
        .iter()
        .enumerate()
        .map(|(at, epic)| {
            let finish_sprint = finished.get(at).copied().flatten();
            let finish_date = finish_sprint.and_then(end_of);
            let misses_target = matches!((finish_date, epic.target), (Some(date), Some(target)) if date > target.last_day());
            EpicProjection {
                id: epic.id.clone(),
                remaining_points: epic.remaining_points,
                start_sprint: started.get(at).copied().flatten(),
                finish_sprint,
                finish_date,
                target: epic.target,
                misses_target,
            }
        })
        .collect();
    Ok(Feasibility {
        mean_velocity: mean,
        sprints_needed: number,
        missed: projections
            .iter()
            .filter(|projection| projection.misses_target)
            .map(|projection| projection.id.clone())
            .collect(),
        epics: projections,
        sprints,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn epic(id: &str, points: f64) -> PlannedEpic {
        PlannedEpic {
            id: id.into(),
            remaining_points: points,
            target: None,
        }
    }

    fn start() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 4, 6).unwrap()
    }

    #[test]
    fn the_worked_example_sprint_by_sprint() {
        let epics = [epic("E1", 30.0), epic("E2", 10.0), epic("E3", 25.0)];
        let plan = feasibility(
            &epics,
            &[18.0, 22.0, 20.0],
            start(),
            &FeasibilityOptions {
                sprint_length_days: 14,
                wip_limit: 2,
                window: 3,
            },
        )
        .unwrap();
        let points = |n: usize| -> Vec<(String, f64)> {
            plan.sprints[n]
                .allocations
                .iter()
                .map(|a| (a.epic.clone(), a.points))
                .collect()
        };
        // Sprint 1: E2 takes its 10; the other 10 split E1 / E3.
        assert_eq!(
            points(0),
            [("E1".into(), 5.0), ("E2".into(), 10.0), ("E3".into(), 5.0)]
        );
        assert_eq!(points(1), [("E1".into(), 10.0), ("E3".into(), 10.0)]);
        // Sprint 3: E3's last 10, then the other 10 all to E1; sprint 4: E1's last 5.
        assert_eq!(points(2), [("E1".into(), 10.0), ("E3".into(), 10.0)]);
        assert_eq!(points(3), [("E1".into(), 5.0)]);
        assert_eq!(plan.sprints_needed, 4);
        assert_eq!(plan.epics[2].start_sprint, Some(1));
        assert_eq!(plan.sprints[2].end.to_string(), "2026-05-17");
    }

    #[test]
    fn one_at_a_time() {
        let plan = feasibility(
            &[epic("A", 10.0), epic("B", 10.0)],
            &[5.0],
            start(),
            &FeasibilityOptions {
                sprint_length_days: 7,
                wip_limit: 1,
                window: 3,
            },
        )
        .unwrap();
        assert_eq!(
            (plan.epics[0].finish_sprint, plan.epics[1].finish_sprint),
            (Some(2), Some(4))
        );
        assert_eq!(plan.epics[1].start_sprint, Some(3));
    }

    #[test]
    fn nothing_left_needs_no_sprint() {
        let plan = feasibility(
            &[epic("A", 0.0)],
            &[0.0],
            start(),
            &FeasibilityOptions {
                sprint_length_days: 14,
                wip_limit: 1,
                window: 3,
            },
        )
        .unwrap();
        assert_eq!(plan.sprints_needed, 0);
        assert_eq!(plan.epics[0].finish_sprint, None);
        assert!(!plan.epics[0].misses_target);
    }

    #[test]
    fn errors() {
        let err = feasibility(
            &[epic("A", 5.0)],
            &[0.0, 0.0],
            start(),
            &FeasibilityOptions {
                sprint_length_days: 14,
                wip_limit: 1,
                window: 3,
            },
        )
        .unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::Undefined, "velocity_history")
        );
        let err = feasibility(
            &[epic("A", 5.0)],
            &[3.0, -1.0],
            start(),
            &FeasibilityOptions {
                sprint_length_days: 14,
                wip_limit: 1,
                window: 3,
            },
        )
        .unwrap_err();
        assert_eq!(err.field(), "velocity_history[1]");
        let err = feasibility(
            &[epic("A", 5.0)],
            &[3.0],
            start(),
            &FeasibilityOptions {
                sprint_length_days: 14,
                wip_limit: 0,
                window: 3,
            },
        )
        .unwrap_err();
        assert_eq!(err.field(), "wip_limit");
        let err = feasibility(
            &[epic("A", 1e9)],
            &[1.0],
            start(),
            &FeasibilityOptions {
                sprint_length_days: 14,
                wip_limit: 1,
                window: 3,
            },
        )
        .unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::OutOfRange, "epics"));
        let err = feasibility(
            &[epic("A", 1.0), epic("A", 1.0)],
            &[1.0],
            start(),
            &FeasibilityOptions {
                sprint_length_days: 14,
                wip_limit: 1,
                window: 3,
            },
        )
        .unwrap_err();
        assert_eq!(err.field(), "epics[1].id");
    }
}
