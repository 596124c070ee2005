//! Capacity: each member's available days and focus, and the points a team can commit
//! at its historical focus factor.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::calendar::WorkCalendar;
use super::sprint::Sprint;
use super::velocity::{check_history, window_of, SprintOutcome};
use crate::metrics::VelocityOptions;
use crate::{input, Error, Result};

fn full_focus() -> f64 {
    1.0
}

/// A team member's availability for one sprint.
///
/// JSON form: `{"name": "ana", "days_off": ["2026-03-05"], "focus_factor": 0.8,
/// "hours_per_day": 6}`; all but `name` may be left out (no days off, focus 1, no hours).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// Who.
    pub name: String,
    /// Personal days off (leave, training). Days outside the sprint or on a team
    /// non-working day are ignored; a day listed twice counts once.
    #[serde(default)]
    pub days_off: Vec<NaiveDate>,
    /// The share of an available day spent on sprint work, 0..=1 (meetings, support
    /// and interruptions take the rest).
    #[serde(default = "full_focus")]
    pub focus_factor: f64,
    /// Hours of sprint work per available day, if the team plans in hours.
    #[serde(default)]
    pub hours_per_day: Option<f64>,
}

/// One member's capacity in a sprint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MemberCapacity {
    /// Who.
    pub name: String,
    /// Working days of the sprint minus their days off.
    pub available_days: u64,
    /// `available_days × focus_factor`: ideal days of sprint work.
    pub focus_days: f64,
    /// `available_days × hours_per_day`, when they plan in hours.
    pub hours: Option<f64>,
}

/// The result of [`sprint_capacity`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SprintCapacity {
    /// Working days of the sprint by the team calendar.
    pub working_days: u64,
    /// Each member, in the order given.
    pub members: Vec<MemberCapacity>,
    /// Person-days available: the sum over members.
    pub available_days: u64,
    /// Ideal days of sprint work: the sum of `focus_days`.
    pub focus_days: f64,
    /// Hours of sprint work, when every member gives `hours_per_day` (a partial sum would
    /// understate the team); `None` otherwise.
    pub hours: Option<f64>,
}

/// A sprint's capacity: per member, working days minus days off, times the focus
/// factor (ideal days) or the hours per day.
///
/// **Formula**: `available_days = |working days of the sprint ∖ days off|`;
/// `focus_days = available_days × focus_factor`; `hours = available_days ×
/// hours_per_day`. Team totals are sums. **Units**: days, person-days, hours.
///
/// **Errors**: no members ([`Error::Undefined`] on `members`); an empty or repeated
/// name ([`Error::InvalidInput`] on `members[i].name`); a focus factor outside 0..=1
/// or hours outside 0..=24 ([`Error::OutOfRange`] on `members[i].focus_factor` /
/// `members[i].hours_per_day`); NaN ([`Error::InvalidInput`]); an invalid sprint
/// (`sprint.end`).
///
/// **Source**: Mike Cohn, *Agile Estimating and Planning* (2005), ch. 14
/// (commitment-driven planning from available hours).
///
/// ```
/// use chrono::NaiveDate;
/// use pmkit::sprint::{sprint_capacity, Member, Sprint, WorkCalendar};
///
/// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
/// let sprint = Sprint::new("S-12", "Sprint 12", day(2), day(13))?;
/// let calendar = WorkCalendar { holidays: vec![day(10)], ..WorkCalendar::default() };
/// let members = [
///     Member { name: "ana".into(), days_off: vec![day(5), day(7)], focus_factor: 0.8, hours_per_day: None },
///     Member { name: "ben".into(), days_off: vec![], focus_factor: 0.5, hours_per_day: None },
/// ];
/// let capacity = sprint_capacity(&sprint, &calendar, &members)?;
/// // 9 working days; ana's 7 March is a Saturday, so only the 5th counts.
/// assert_eq!(capacity.members[0].available_days, 8);
/// assert_eq!(capacity.available_days, 17);
/// assert!((capacity.focus_days - (8.0 * 0.8 + 9.0 * 0.5)).abs() < 1e-12);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn sprint_capacity(
    sprint: &Sprint,
    calendar: &WorkCalendar,
    members: &[Member],
) -> Result<SprintCapacity> {
    sprint.validate().map_err(|err| err.within("sprint"))?;
    input::non_empty("members", members)?;
    let days = calendar.working_days(sprint.start, sprint.end)?;
    let mut result = SprintCapacity {
        working_days: days.len() as u64,
        members: Vec::with_capacity(members.len()),
        available_days: 0,
        focus_days: 0.0,
        hours: Some(0.0),
    };
    for (index, member) in members.iter().enumerate() {
        let field = format!("members[{index}]");
        if member.name.trim().is_empty() {
            return Err(Error::invalid(format!("{field}.name"), "is empty"));
        }
        if members
            .iter()
            .take(index)
            .any(|other| other.name == member.name)
        {
            return Err(Error::invalid(
                format!("{field}.name"),
                format!("{:?} appears twice", member.name),
            ));
        }
        let focus = input::finite(&format!("{field}.focus_factor"), member.focus_factor)?;
        if !(0.0..=1.0).contains(&focus) {
            return Err(Error::out_of_range(
                format!("{field}.focus_factor"),
                format!("{focus} is outside 0..=1; it is the share of a day spent on sprint work"),
            ));
        }
        let hours_per_day = match member.hours_per_day {
            Some(hours) => {
                let hours = input::non_negative(&format!("{field}.hours_per_day"), hours)?;
                if hours > 24.0 {
                    return Err(Error::out_of_range(
                        format!("{field}.hours_per_day"),
                        format!("{hours} is more than the 24 hours of a day"),
                    ));
                }
                Some(hours)
            }
            None => None,
        };
        let available_days = days
            .iter()
            .filter(|day| !member.days_off.contains(day))
            .count() as u64;
        let focus_days = available_days as f64 * focus;
        let hours = hours_per_day.map(|per_day| available_days as f64 * per_day);
        result.available_days += available_days;
        result.focus_days += focus_days;
        result.hours = match (result.hours, hours) {
            (Some(total), Some(hours)) => Some(total + hours),
            _ => None,
        };
        result.members.push(MemberCapacity {
            name: member.name.clone(),
            available_days,
            focus_days,
            hours,
        });
    }
    Ok(result)
}

/// The result of [`plan_capacity`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CapacityPlan {
    /// Points completed per available person-day over the window: the team's
    /// historical focus factor, in points.
    pub focus_factor: f64,
    /// `focus_factor × available_person_days`: the points to commit.
    pub points: f64,
    /// Sprints used: the last `min(window, history)`.
    pub sprints: u64,
}

/// The points a team can commit next sprint at its historical focus factor.
///
/// **Formula**: over the last `n = min(window, history)` sprints,
/// `focus_factor = Σ completed_points / Σ available_person_days`, and
/// `points = focus_factor × available_person_days` (the next sprint's). **Unit**:
/// points. Sum before dividing, so a short sprint weighs by its days, not as much as
/// a long one.
///
/// **Errors**: no history ([`Error::Undefined`] on `history`); a sprint without
/// `available_person_days` ([`Error::InvalidInput`] on
/// `history[i].available_person_days`); zero person-days in the window
/// ([`Error::Undefined`] on `history`); negative or NaN numbers
/// ([`Error::InvalidInput`]); `window` 0 ([`Error::OutOfRange`]).
///
/// **Source**: Mike Cohn, *Agile Estimating and Planning* (2005), ch. 16
/// ("yesterday's weather" scaled by availability).
///
/// ```
/// use pmkit::metrics::VelocityOptions;
/// use pmkit::sprint::{plan_capacity, sample_sprint_history};
///
/// // The last 3 sprints: 24 + 20 + 13 = 57 points over 40 + 38 + 34 = 112 person-days.
/// let plan = plan_capacity(&sample_sprint_history(), 36.0, &VelocityOptions::default())?;
/// assert!((plan.focus_factor - 57.0 / 112.0).abs() < 1e-12);
/// assert!((plan.points - 36.0 * 57.0 / 112.0).abs() < 1e-12); // about 18.3 points
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn plan_capacity(
    history: &[SprintOutcome],
    available_person_days: f64,
    options: &VelocityOptions,
) -> Result<CapacityPlan> {
    input::non_negative("available_person_days", available_person_days)?;
    check_history(history)?;
    let (offset, recent) = window_of(history, options.window)?;
    let (mut points, mut days) = (0.0, 0.0);
    for (index, sprint) in recent.iter().enumerate() {
        let available = sprint.available_person_days.ok_or_else(|| {
            Error::invalid(
                format!("history[{}].available_person_days", offset + index),
                "is missing; the focus factor divides by the person-days each sprint had",
            )
        })?;
        points += sprint.completed_points;
        days += available;
    }
    if days == 0.0 {
        return Err(Error::undefined(
            "history",
            "has 0 available person-days in the window, so the focus factor is undefined",
        ));
    }
    let focus_factor = points / days;
    Ok(CapacityPlan {
        focus_factor,
        points: focus_factor * available_person_days,
        sprints: recent.len() as u64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn day(text: &str) -> NaiveDate {
        crate::input::date("day", text).unwrap()
    }

    fn sprint() -> Sprint {
        Sprint::new("S", "S", day("2026-03-02"), day("2026-03-13")).unwrap()
    }

    fn member(name: &str) -> Member {
        Member {
            name: name.into(),
            days_off: vec![],
            focus_factor: 1.0,
            hours_per_day: Some(6.0),
        }
    }

    #[test]
    fn hours_only_when_everyone_gives_them() {
        let calendar = WorkCalendar::default();
        let mut members = vec![member("a"), member("b")];
        members[1].days_off = vec![day("2026-03-02"), day("2026-03-02"), day("2026-04-01")];
        let capacity = sprint_capacity(&sprint(), &calendar, &members).unwrap();
        assert_eq!(capacity.working_days, 10);
        assert_eq!(capacity.members[1].available_days, 9);
        assert_eq!(capacity.hours, Some(6.0 * 19.0));
        members[0].hours_per_day = None;
        let capacity = sprint_capacity(&sprint(), &calendar, &members).unwrap();
        assert_eq!(capacity.hours, None);
        assert_eq!(capacity.members[1].hours, Some(54.0));
    }

    #[test]
    fn member_errors_name_the_member() {
        let calendar = WorkCalendar::default();
        let mut members = vec![member("a")];
        members[0].focus_factor = 1.5;
        let err = sprint_capacity(&sprint(), &calendar, &members).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "members[0].focus_factor")
        );
        let err = sprint_capacity(&sprint(), &calendar, &[]).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Undefined, "members"));
        let err = sprint_capacity(&sprint(), &calendar, &[member("a"), member("a")]).unwrap_err();
        assert_eq!(err.field(), "members[1].name");
    }

    #[test]
    fn plan_capacity_needs_person_days() {
        let mut history = super::super::sample_sprint_history();
        history[4].available_person_days = None;
        let err = plan_capacity(&history, 30.0, &VelocityOptions::default()).unwrap_err();
        assert_eq!(err.field(), "history[4].available_person_days");
        // A window that skips the sprint without days is fine.
        assert!(plan_capacity(&history[..4], 30.0, &VelocityOptions::default()).is_ok());
        let err = plan_capacity(&[], 30.0, &VelocityOptions::default()).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Undefined, "history"));
    }
}
