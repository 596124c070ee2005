//! [`WorkCalendar`]: which days a team works. Every day count in a sprint uses it.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::names::named_enum;
use crate::{Error, Result};

named_enum!(
    /// A day of the week. JSON form: `"monday"`; parsing also takes `"Mon"`.
    WeekDay, "weekday" {
        /// Monday.
        Monday = "monday" | "mon",
        /// Tuesday.
        Tuesday = "tuesday" | "tue",
        /// Wednesday.
        Wednesday = "wednesday" | "wed",
        /// Thursday.
        Thursday = "thursday" | "thu",
        /// Friday.
        Friday = "friday" | "fri",
        /// Saturday.
        Saturday = "saturday" | "sat",
        /// Sunday.
        Sunday = "sunday" | "sun",
    }
);

impl WeekDay {
    /// The weekday of `date`.
    pub fn of(date: NaiveDate) -> Self {
        match date.weekday() {
            Weekday::Mon => WeekDay::Monday,
            Weekday::Tue => WeekDay::Tuesday,
            Weekday::Wed => WeekDay::Wednesday,
            Weekday::Thu => WeekDay::Thursday,
            Weekday::Fri => WeekDay::Friday,
            Weekday::Sat => WeekDay::Saturday,
            Weekday::Sun => WeekDay::Sunday,
        }
    }
}

/// The most calendar days one call to [`WorkCalendar::working_days`] walks: ten years.
/// It keeps a swapped year (2206 for 2026) from allocating a list of millions of days.
pub const MAX_CALENDAR_SPAN_DAYS: i64 = 3_660;

fn default_weekdays() -> Vec<WeekDay> {
    vec![
        WeekDay::Monday,
        WeekDay::Tuesday,
        WeekDay::Wednesday,
        WeekDay::Thursday,
        WeekDay::Friday,
    ]
}

/// A team's working weekdays and holidays.
///
/// JSON form: `{"working_weekdays": ["monday", …], "holidays": ["2026-03-10"]}`; both
/// keys may be left out (Monday to Friday, no holidays).
///
/// ```
/// use chrono::NaiveDate;
/// use pmkit::sprint::WorkCalendar;
///
/// let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
/// let calendar = WorkCalendar { holidays: vec![day(10)], ..WorkCalendar::default() };
/// // 2 to 13 March 2026: 10 weekdays, minus the holiday on Tuesday the 10th.
/// assert_eq!(calendar.working_days(day(2), day(13))?.len(), 9);
/// assert!(!calendar.is_working_day(day(7))); // a Saturday
/// # Ok::<(), pmkit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WorkCalendar {
    /// The weekdays the team works (default Monday to Friday).
    #[serde(default = "default_weekdays")]
    pub working_weekdays: Vec<WeekDay>,
    /// Days off for the whole team (public holidays, company days).
    #[serde(default)]
    pub holidays: Vec<NaiveDate>,
}

impl Default for WorkCalendar {
    /// Monday to Friday, no holidays.
    fn default() -> Self {
        WorkCalendar {
            working_weekdays: default_weekdays(),
            holidays: Vec::new(),
        }
    }
}

/// The team calendar as an option (the bindings' `working_days` and
/// `sprint_capacity`): Monday to Friday without holidays unless given.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct CalendarOptions {
    /// The team's working weekdays and holidays (default Monday to Friday, no holidays).
    pub calendar: WorkCalendar,
}

impl WorkCalendar {
    /// Whether the team works on `date`: a working weekday that is not a holiday.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.working_weekdays.contains(&WeekDay::of(date)) && !self.holidays.contains(&date)
    }

    /// The working days from `start` to `end`, both included, in order.
    ///
    /// **Errors**: `end` before `start` ([`Error::InvalidInput`] on `end`); a span longer
    /// than [`MAX_CALENDAR_SPAN_DAYS`] ([`Error::OutOfRange`] on `end`).
    pub fn working_days(&self, start: NaiveDate, end: NaiveDate) -> Result<Vec<NaiveDate>> {
        Ok(calendar_days(start, end)?
            .into_iter()
            .filter(|&day| self.is_working_day(day))
            .collect())
    }
}

/// Every calendar day from `start` to `end`, both included.
///
/// **Errors**: as [`WorkCalendar::working_days`].
pub(crate) fn calendar_days(start: NaiveDate, end: NaiveDate) -> Result<Vec<NaiveDate>> {
    if end < start {
        return Err(Error::invalid(
            "end",
            format!("{end} is before start {start}"),
        ));
    }
    if (end - start).num_days() > MAX_CALENDAR_SPAN_DAYS {
        return Err(Error::out_of_range(
            "end",
            format!("{end} is more than {MAX_CALENDAR_SPAN_DAYS} days after start {start}"),
        ));
    }
    Ok(start.iter_days().take_while(|&day| day <= end).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn day(text: &str) -> NaiveDate {
        crate::input::date("day", text).unwrap()
    }

    #[test]
    fn weekends_and_holidays_are_not_working_days() {
        let calendar = WorkCalendar {
            holidays: vec![day("2026-12-25")],
            ..WorkCalendar::default()
        };
        // 21–27 Dec 2026: Mon..Sun; Friday the 25th is a holiday.
        let days = calendar
            .working_days(day("2026-12-21"), day("2026-12-27"))
            .unwrap();
        assert_eq!(days.len(), 4);
        assert_eq!(days.last(), Some(&day("2026-12-24")));
    }

    #[test]
    fn a_six_day_week() {
        let mut calendar = WorkCalendar::default();
        calendar.working_weekdays.push(WeekDay::Saturday);
        let days = calendar
            .working_days(day("2026-03-02"), day("2026-03-08"))
            .unwrap();
        assert_eq!(days.len(), 6);
    }

    #[test]
    fn weekday_names_parse_short_and_long() {
        assert_eq!(WeekDay::parse("d", "Mon").unwrap(), WeekDay::Monday);
        assert_eq!(WeekDay::parse("d", "SUNDAY").unwrap(), WeekDay::Sunday);
        assert_eq!(
            WeekDay::parse("d", "funday").unwrap_err().kind(),
            ErrorKind::Parse
        );
    }

    #[test]
    fn reversed_or_huge_spans_are_errors() {
        let calendar = WorkCalendar::default();
        let err = calendar
            .working_days(day("2026-03-02"), day("2026-03-01"))
            .unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::InvalidInput, "end"));
        let err = calendar
            .working_days(day("2026-01-01"), day("2206-01-01"))
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::OutOfRange);
    }

    #[test]
    fn json_defaults_to_monday_to_friday() {
        let calendar: WorkCalendar = serde_json::from_str("{}").unwrap();
        assert_eq!(calendar, WorkCalendar::default());
        let json = serde_json::to_value(&calendar).unwrap();
        assert_eq!(json["working_weekdays"][0], "monday");
    }
}
