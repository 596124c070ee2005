//! [`Sprint`]: a time box with a goal, a team and a state.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::names::named_enum;
use crate::{Error, Result};

named_enum!(
    /// Where a sprint is in its life.
    SprintState, "sprint state" {
        /// Planned, not started.
        Planned = "planned",
        /// Started, not closed.
        Active = "active",
        /// Closed: its numbers are final and count toward velocity.
        Closed = "closed",
    }
);

/// A sprint: a time box of at most one month.
///
/// JSON form: `{"id": "S-12", "name": "Sprint 12", "goal": "…", "start": "2026-03-02",
/// "end": "2026-03-13", "team": ["ana", "ben"], "state": "active"}`; `goal`, `team`
/// and `state` (default `planned`) may be left out when reading. Both dates are
/// included in the sprint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Sprint {
    /// Its key ("S-12").
    pub id: String,
    /// Its display name ("Sprint 12").
    pub name: String,
    /// The sprint goal: why the sprint is worth doing.
    #[serde(default)]
    pub goal: Option<String>,
    /// The first day.
    pub start: NaiveDate,
    /// The last day (included).
    pub end: NaiveDate,
    /// The members, by name.
    #[serde(default)]
    pub team: Vec<String>,
    /// Planned, active or closed.
    #[serde(default = "planned")]
    pub state: SprintState,
}

fn planned() -> SprintState {
    SprintState::Planned
}

/// The optional parts of a new sprint (the bindings' `new_sprint`): a goal, a team and
/// a state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct NewSprintOptions {
    /// The sprint goal: why the sprint is worth doing (none by default).
    pub goal: Option<String>,
    /// The members, by name (none by default).
    pub team: Vec<String>,
    /// Planned (the default), active or closed.
    pub state: SprintState,
}

impl Default for NewSprintOptions {
    fn default() -> Self {
        NewSprintOptions {
            goal: None,
            team: Vec::new(),
            state: SprintState::Planned,
        }
    }
}

impl Sprint {
    /// A planned sprint with no goal and no team, checked as [`Sprint::validate`] checks.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use pmkit::sprint::Sprint;
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// let sprint = Sprint::new("S-1", "Sprint 1", day(3, 2), day(3, 13))?;
    /// assert_eq!(sprint.calendar_days(), 12);
    /// assert_eq!(Sprint::new("S-2", "Sprint 2", day(3, 2), day(4, 2)).unwrap_err().field(), "end");
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    pub fn new(id: &str, name: &str, start: NaiveDate, end: NaiveDate) -> Result<Self> {
        Sprint::with_options(id, name, start, end, &NewSprintOptions::default())
    }

    /// A sprint with a goal, a team and a state ([`NewSprintOptions`]), checked as
    /// [`Sprint::validate`] checks.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use pmkit::sprint::{NewSprintOptions, Sprint, SprintState};
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// let options = NewSprintOptions { state: SprintState::Active, ..Default::default() };
    /// let sprint = Sprint::with_options("S-1", "Sprint 1", day(3, 2), day(3, 13), &options)?;
    /// assert_eq!(sprint.state, SprintState::Active);
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    pub fn with_options(
        id: &str,
        name: &str,
        start: NaiveDate,
        end: NaiveDate,
        options: &NewSprintOptions,
    ) -> Result<Self> {
        let sprint = Sprint {
            id: id.trim().to_owned(),
            name: name.trim().to_owned(),
            goal: options.goal.clone(),
            start,
            end,
            team: options.team.clone(),
            state: options.state,
        };
        sprint.validate()?;
        Ok(sprint)
    }

    /// Checks the sprint: id and name not empty, no empty or repeated member name,
    /// `end` not before `start`, and at most one month long.
    ///
    /// "One month" is the Scrum Guide's limit: the sprint must end before the same day
    /// of the next month (2 March may end on 1 April at the latest; 31 January on
    /// 27 February, the day before the month-end chrono clamps to).
    ///
    /// **Errors**: [`Error::InvalidInput`] on `id`, `name`, `team[i]` or `end` (before
    /// `start`); [`Error::OutOfRange`] on `end` for a sprint longer than one month.
    ///
    /// **Source**: Schwaber & Sutherland, *The Scrum Guide* (2020), "The Sprint".
    pub fn validate(&self) -> Result<()> {
        if self.id.trim().is_empty() {
            return Err(Error::invalid("id", "is empty; every sprint needs a key"));
        }
        if self.name.trim().is_empty() {
            return Err(Error::invalid("name", "is empty; name the sprint"));
        }
        for (index, member) in self.team.iter().enumerate() {
            if member.trim().is_empty() {
                return Err(Error::invalid(format!("team[{index}]"), "is empty"));
            }
            if self.team.iter().take(index).any(|other| other == member) {
                return Err(Error::invalid(
                    format!("team[{index}]"),
                    format!("{member:?} appears twice"),
                ));
            }
        }
        if self.end < self.start {
            return Err(Error::invalid(
                "end",
                format!(
                    "{} is before start {}; a sprint ends after it starts",
                    self.end, self.start
                ),
            ));
        }
        let limit = self
            .start
            .checked_add_months(Months::new(1))
            .ok_or_else(|| Error::out_of_range("start", "is too late in the calendar"))?;
        if self.end >= limit {
            return Err(Error::out_of_range(
                "end",
                format!(
                    "{} makes the sprint longer than one month (from {}, end before {limit}); split it",
                    self.end, self.start
                ),
            ));
        }
        Ok(())
    }

    /// Calendar days from start to end, both included.
    pub fn calendar_days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn day(text: &str) -> NaiveDate {
        crate::input::date("day", text).unwrap()
    }

    #[test]
    fn one_month_is_the_limit() {
        assert!(Sprint::new("S", "S", day("2026-03-02"), day("2026-04-01")).is_ok());
        let err = Sprint::new("S", "S", day("2026-03-02"), day("2026-04-02")).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::OutOfRange, "end"));
        // 31 Jan + 1 month clamps to 28 Feb, so the sprint must end by 27 Feb.
        assert!(Sprint::new("S", "S", day("2026-01-31"), day("2026-02-27")).is_ok());
        assert!(Sprint::new("S", "S", day("2026-01-31"), day("2026-02-28")).is_err());
        // A one-day sprint is fine.
        assert!(Sprint::new("S", "S", day("2026-03-02"), day("2026-03-02")).is_ok());
    }

    #[test]
    fn end_before_start_is_invalid() {
        let err = Sprint::new("S", "S", day("2026-03-13"), day("2026-03-02")).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::InvalidInput, "end"));
        assert!(err.reason().contains("2026-03-02"));
    }

    #[test]
    fn team_and_names_are_checked() {
        let mut sprint = Sprint::new("S", "S", day("2026-03-02"), day("2026-03-13")).unwrap();
        sprint.team = vec!["ana".into(), "ana".into()];
        assert_eq!(sprint.validate().unwrap_err().field(), "team[1]");
        assert_eq!(
            Sprint::new(" ", "S", day("2026-03-02"), day("2026-03-13"))
                .unwrap_err()
                .field(),
            "id"
        );
    }

    #[test]
    fn json_reads_with_defaults() {
        let sprint: Sprint = serde_json::from_value(serde_json::json!({
            "id": "S-1", "name": "Sprint 1", "start": "2026-03-02", "end": "2026-03-13"
        }))
        .unwrap();
        assert_eq!(sprint.state, SprintState::Planned);
        let back: Sprint = serde_json::from_value(serde_json::to_value(&sprint).unwrap()).unwrap();
        assert_eq!(back, sprint);
    }
}
