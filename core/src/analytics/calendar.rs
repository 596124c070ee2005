//! Calendar days and periods: day numbers, calendar weeks and calendar months.
//!
//! Inside the analytics module a day is an `i64` day number (days since 1970-01-01,
//! the Unix and numpy convention); dates appear only at the edges, in results.

use std::fmt;

use chrono::{NaiveDate, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Error, Result};

/// The first day number accepted: 1970-01-01.
pub const MIN_DAY: i64 = 0;
/// The last day number accepted: 9999-12-31.
pub const MAX_DAY: i64 = 2_932_896;
/// Day number of 1970-01-01 counted from 0001-01-01 (chrono's "days from CE" is 1-based).
const EPOCH_DAYS_FROM_CE: i64 = 719_163;

/// The calendar date of day number `day`.
pub(crate) fn date_of(day: i64) -> Result<NaiveDate> {
    i32::try_from(day + EPOCH_DAYS_FROM_CE)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .ok_or_else(|| Error::out_of_range("day", format!("day number {day} has no date")))
}

/// The day number of `date`.
pub(crate) fn day_of(date: NaiveDate) -> i64 {
    i64::from(chrono::Datelike::num_days_from_ce(&date)) - EPOCH_DAYS_FROM_CE
}

/// Year and month (1–12) of day number `day` (proleptic Gregorian; H. Hinnant's
/// `civil_from_days`, exact for every day number).
fn year_month(day: i64) -> (i64, i64) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month)
}

/// Day number of the first day of `month` (1–12) of `year` (Hinnant's `days_from_civil`).
fn first_of_month(year: i64, month: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let mp = if month > 2 { month - 3 } else { month + 9 };
    let doy = (153 * mp + 2) / 5;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The calendar period metrics are grouped by: a day, a week, or a month.
///
/// Text form: `"day"`, `"week"` (Monday to Sunday, ISO 8601), `"week_<weekday>"` for
/// a week closing on that weekday (`"week_saturday"`: Sunday to Saturday, the US
/// calendar and the default week of Amplitude and PostHog), and `"month"` (calendar
/// months). The same naming as [`crate::flow::Period`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// One calendar day.
    Day,
    /// Seven days, the last of which is `closing`.
    Week {
        /// The last day of each week (Sunday for ISO weeks).
        closing: Weekday,
    },
    /// One calendar month.
    Month,
}

impl Default for Period {
    fn default() -> Self {
        Period::Week {
            closing: Weekday::Sun,
        }
    }
}

const WEEKDAYS: [(&str, &str, Weekday); 7] = [
    ("monday", "mon", Weekday::Mon),
    ("tuesday", "tue", Weekday::Tue),
    ("wednesday", "wed", Weekday::Wed),
    ("thursday", "thu", Weekday::Thu),
    ("friday", "fri", Weekday::Fri),
    ("saturday", "sat", Weekday::Sat),
    ("sunday", "sun", Weekday::Sun),
];

impl Period {
    /// ISO 8601 weeks, Monday to Sunday.
    pub const WEEK: Period = Period::Week {
        closing: Weekday::Sun,
    };

    /// Reads the text form (see [`Period`]); [`Error::Parse`] naming `field` otherwise.
    ///
    /// ```
    /// use pmkit::analytics::Period;
    /// assert_eq!(Period::parse("period", "week")?, Period::WEEK);
    /// assert_eq!(Period::parse("period", "month")?, Period::Month);
    /// assert_eq!(Period::parse("period", "week_saturday")?.to_string(), "week_saturday");
    /// assert!(Period::parse("period", "fortnight").is_err());
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    pub fn parse(field: &str, text: &str) -> Result<Period> {
        let lower = text.trim().to_lowercase();
        match lower.as_str() {
            "day" => return Ok(Period::Day),
            "week" => return Ok(Period::WEEK),
            "month" => return Ok(Period::Month),
            _ => {}
        }
        if let Some(name) = lower.strip_prefix("week_") {
            if let Some((_, _, closing)) = WEEKDAYS
                .iter()
                .find(|(long, short, _)| name == *long || name == *short)
            {
                return Ok(Period::Week { closing: *closing });
            }
        }
        Err(Error::parse(
            field,
            format!(
                "{text:?} is not \"day\", \"week\", \"week_<weekday>\" (the weekday that \
                 closes the week, e.g. \"week_saturday\") or \"month\""
            ),
        ))
    }

    /// Shift such that `(day + shift).div_euclid(7)` numbers the weeks; 1970-01-01 was
    /// a Thursday.
    fn week_shift(closing: Weekday) -> i64 {
        let first = i64::from(closing.succ().num_days_from_monday());
        3 - first
    }

    /// The index of the period holding day number `day` (consecutive periods have
    /// consecutive indices).
    pub(crate) fn index(self, day: i64) -> i64 {
        match self {
            Period::Day => day,
            Period::Week { closing } => (day + Period::week_shift(closing)).div_euclid(7),
            Period::Month => {
                let (year, month) = year_month(day);
                year * 12 + month - 1
            }
        }
    }

    /// The first day of period `index`.
    pub(crate) fn start(self, index: i64) -> i64 {
        match self {
            Period::Day => index,
            Period::Week { closing } => index * 7 - Period::week_shift(closing),
            Period::Month => first_of_month(index.div_euclid(12), index.rem_euclid(12) + 1),
        }
    }

    /// The last day of period `index`.
    pub(crate) fn end(self, index: i64) -> i64 {
        self.start(index + 1) - 1
    }

    /// Days in period `index`.
    pub(crate) fn length(self, index: i64) -> i64 {
        self.start(index + 1) - self.start(index)
    }

    /// The start date of period `index`.
    pub(crate) fn start_date(self, index: i64) -> Result<NaiveDate> {
        date_of(self.start(index))
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Day => f.write_str("day"),
            Period::Week {
                closing: Weekday::Sun,
            } => f.write_str("week"),
            Period::Week { closing } => {
                let name = WEEKDAYS
                    .iter()
                    .find(|(_, _, day)| day == closing)
                    .map_or("sunday", |(long, _, _)| long);
                write!(f, "week_{name}")
            }
            Period::Month => f.write_str("month"),
        }
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Period::parse("period", &text).map_err(serde::de::Error::custom)
    }
}

/// For each day of a span, the index of its period counted from the span's first
/// period: one table lookup instead of calendar arithmetic in the per-user loops.
#[derive(Debug, Clone)]
pub(crate) struct PeriodTable {
    /// The period of the span's first day.
    pub first: i64,
    /// Relative period of each relative day.
    of_day: Vec<u32>,
}

impl PeriodTable {
    /// The table for days `first_day..=last_day`.
    pub fn new(period: Period, first_day: i64, last_day: i64) -> PeriodTable {
        let first = period.index(first_day);
        let of_day = (first_day..=last_day)
            .map(|day| u32::try_from(period.index(day) - first).unwrap_or(u32::MAX))
            .collect();
        PeriodTable { first, of_day }
    }

    /// The relative period of relative day `day`.
    #[inline]
    pub fn of(&self, day: u32) -> usize {
        self.of_day.get(day as usize).map_or(0, |&p| p as usize)
    }

    /// How many periods the span touches.
    pub fn count(&self) -> usize {
        self.of_day.last().map_or(0, |&p| p as usize + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> i64 {
        day_of(NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap())
    }

    #[test]
    fn day_numbers_match_chrono() {
        assert_eq!(day("1970-01-01"), 0);
        assert_eq!(day("9999-12-31"), MAX_DAY);
        assert_eq!(date_of(19_000).unwrap().to_string(), "2022-01-08");
        for d in [0, 59, 60, 365, 10_956, 19_000, 20_000, MAX_DAY] {
            let date = date_of(d).unwrap();
            let (year, month) = year_month(d);
            assert_eq!(
                (year, month),
                (
                    i64::from(chrono::Datelike::year(&date)),
                    i64::from(chrono::Datelike::month(&date))
                )
            );
        }
    }

    #[test]
    fn iso_weeks_start_on_monday() {
        // 2021-12-01 is a Wednesday; its ISO week runs Monday 29 Nov to Sunday 5 Dec.
        let wed = day("2021-12-01");
        let week = Period::WEEK;
        assert_eq!(
            date_of(week.start(week.index(wed))).unwrap().to_string(),
            "2021-11-29"
        );
        assert_eq!(
            date_of(week.end(week.index(wed))).unwrap().to_string(),
            "2021-12-05"
        );
        assert_eq!(week.index(day("2021-12-06")), week.index(wed) + 1);
        // US weeks close on Saturday: Sunday 28 Nov to Saturday 4 Dec.
        let us = Period::parse("p", "week_saturday").unwrap();
        assert_eq!(
            date_of(us.start(us.index(wed))).unwrap().to_string(),
            "2021-11-28"
        );
        assert_eq!(us.length(us.index(wed)), 7);
    }

    #[test]
    fn months_are_calendar_months() {
        let month = Period::Month;
        let feb = month.index(day("2024-02-10"));
        assert_eq!(date_of(month.start(feb)).unwrap().to_string(), "2024-02-01");
        assert_eq!(month.length(feb), 29);
        assert_eq!(
            date_of(month.start(feb + 11)).unwrap().to_string(),
            "2025-01-01"
        );
        assert_eq!(month.index(day("1970-01-31")), 1970 * 12);
    }

    #[test]
    fn text_form_round_trips() {
        for text in ["day", "week", "week_saturday", "week_monday", "month"] {
            let period = Period::parse("period", text).unwrap();
            assert_eq!(period.to_string(), text);
            let json = serde_json::to_string(&period).unwrap();
            assert_eq!(serde_json::from_str::<Period>(&json).unwrap(), period);
        }
        assert_eq!(Period::parse("period", "week_sun").unwrap(), Period::WEEK);
    }

    #[test]
    fn table_numbers_periods_from_the_first() {
        let table = PeriodTable::new(Period::Month, day("2024-01-30"), day("2024-03-01"));
        assert_eq!(table.of(0), 0);
        assert_eq!(table.of(2), 1); // 1 Feb
        assert_eq!(table.of(31), 2); // 1 Mar
        assert_eq!(table.count(), 3);
    }
}
