//! Calendar periods shared by flow metrics and product analytics: [`Period`] (a day, a
//! week closing on a chosen weekday, or a calendar month), its text forms, and its day
//! arithmetic.
//!
//! A leaf module: `pmkit::flow::Period` and `pmkit::analytics::Period` are this one
//! type. Flow metrics count days and weeks only and refuse [`Period::Month`].
//!
//! Day numbers here count days since 1970-01-01 (the Unix and numpy convention), the
//! form analytics works in; dates appear at the edges.

use std::fmt;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Error, Result};

/// The length of a reporting period: a day, a week closing on a chosen weekday, or a
/// calendar month.
///
/// Text form (what [`Period::parse`] reads, serde reads and writes, and `Display`
/// writes): `"day"`, `"week"` (Monday to Sunday, ISO 8601), `"week_<weekday>"` for a
/// week closing on that weekday (`"week_monday"`: Tuesday to Monday, the default of
/// jira-agile-metrics, written `1W-MON` there; `"week_saturday"`: Sunday to Saturday,
/// the US calendar and the default week of Amplitude and PostHog), and `"month"`
/// (calendar months). Weekdays may be abbreviated (`"week_mon"`), case does not
/// matter, and the pandas aliases `"D"`, `"W"` and `"W-MON"` … `"W-SUN"` (with or
/// without a leading `1`) are read too. The default is the ISO week.
///
/// Flow metrics (`pmkit::flow::throughput`, `pmkit::flow::net_flow`) take a day or a
/// week; a month there is an [`Error::Parse`] naming `period`, as before the two
/// modules shared this type.
///
/// ```
/// use chrono::Weekday;
/// use pmkit::calendar::Period;
///
/// assert_eq!(Period::parse("period", "week")?, Period::WEEK);
/// assert_eq!(Period::parse("period", "1W-MON")?, Period::Week { closing: Weekday::Mon });
/// assert_eq!(Period::parse("period", "month")?, Period::Month);
/// assert_eq!(Period::parse("period", "week_saturday")?.to_string(), "week_saturday");
/// assert_eq!(Period::default(), Period::WEEK);
/// assert!(Period::parse("period", "fortnight").is_err());
/// # Ok::<(), pmkit::Error>(())
/// ```
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
    /// The ISO week, Monday to Sunday.
    fn default() -> Self {
        Period::WEEK
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

/// `"monday"` … `"sunday"`.
fn weekday_name(day: Weekday) -> &'static str {
    WEEKDAYS
        .iter()
        .find(|(_, _, weekday)| *weekday == day)
        .map_or("sunday", |(long, _, _)| long)
}

impl Period {
    /// ISO 8601 weeks, Monday to Sunday.
    pub const WEEK: Period = Period::Week {
        closing: Weekday::Sun,
    };

    /// Reads the text form (see [`Period`]); [`Error::Parse`] naming `field` otherwise.
    pub fn parse(field: &str, text: &str) -> Result<Period> {
        let lower = text.trim().to_lowercase();
        // pandas writes a count before the alias: "1W-MON".
        let name = lower.strip_prefix('1').unwrap_or(&lower);
        match name {
            "day" | "d" => return Ok(Period::Day),
            "week" | "w" => return Ok(Period::WEEK),
            "month" => return Ok(Period::Month),
            _ => {}
        }
        if let Some(day) = name
            .strip_prefix("week_")
            .or_else(|| name.strip_prefix("w-"))
        {
            if let Some((_, _, closing)) = WEEKDAYS
                .iter()
                .find(|(long, short, _)| day == *long || day == *short)
            {
                return Ok(Period::Week { closing: *closing });
            }
        }
        Err(Error::parse(
            field,
            format!(
                "{text:?} is not \"day\", \"week\", \"week_<weekday>\" (the weekday that \
                 closes the week, e.g. \"week_monday\") or \"month\""
            ),
        ))
    }

    /// Days in one period: 1 or 7; for a month, whose length varies, the most it
    /// holds (31; [`Period::end_of`] gives a month's true last day).
    pub fn days(self) -> u64 {
        match self {
            Period::Day => 1,
            Period::Week { .. } => 7,
            Period::Month => 31,
        }
    }

    /// The last day of the period that holds `day`.
    ///
    /// **Errors**: a period ending past the last date chrono represents
    /// ([`Error::OutOfRange`], field `date`).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use pmkit::calendar::Period;
    ///
    /// let day = |text| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
    /// assert_eq!(Period::WEEK.end_of(day("2026-03-03"))?, day("2026-03-08"));
    /// assert_eq!(Period::Month.end_of(day("2024-02-10"))?, day("2024-02-29"));
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    pub fn end_of(self, day: NaiveDate) -> Result<NaiveDate> {
        match self {
            Period::Day => Ok(day),
            Period::Week { closing } => {
                let ahead =
                    (7 + closing.num_days_from_monday() - day.weekday().num_days_from_monday()) % 7;
                add_days(day, u64::from(ahead))
            }
            Period::Month => {
                let number = day_of(day);
                add_days(day, (self.end(self.index(number)) - number).max(0) as u64)
            }
        }
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

    /// The first day number of period `index`.
    pub(crate) fn start(self, index: i64) -> i64 {
        match self {
            Period::Day => index,
            Period::Week { closing } => index * 7 - Period::week_shift(closing),
            Period::Month => first_of_month(index.div_euclid(12), index.rem_euclid(12) + 1),
        }
    }

    /// The last day number of period `index`.
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
    /// `"day"`, `"week"` (the ISO week), `"week_<weekday>"` or `"month"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Day => f.write_str("day"),
            Period::Week {
                closing: Weekday::Sun,
            } => f.write_str("week"),
            Period::Week { closing } => write!(f, "week_{}", weekday_name(*closing)),
            Period::Month => f.write_str("month"),
        }
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

// The schema the typings generator reads: a string ("day", "week", "week_<weekday>", "month").
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Period {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Period".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "\"day\", \"week\" (ISO, Monday–Sunday), \"week_<weekday>\" (weeks closing on that day) or \"month\".",
        })
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Period::parse("period", &text).map_err(|err| serde::de::Error::custom(err.reason()))
    }
}

/// `day` plus `days` days.
///
/// **Errors**: past the last date chrono represents ([`Error::OutOfRange`], field `date`).
pub(crate) fn add_days(day: NaiveDate, days: u64) -> Result<NaiveDate> {
    day.checked_add_days(Days::new(days)).ok_or_else(|| {
        Error::out_of_range(
            "date",
            format!("{day} + {days} days is past the last date pmkit can represent"),
        )
    })
}

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
    i64::from(date.num_days_from_ce()) - EPOCH_DAYS_FROM_CE
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn day(text: &str) -> i64 {
        day_of(NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap())
    }

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn day_numbers_match_chrono() {
        assert_eq!(day("1970-01-01"), 0);
        assert_eq!(day("9999-12-31"), 2_932_896);
        assert_eq!(date_of(19_000).unwrap().to_string(), "2022-01-08");
        for d in [0, 59, 60, 365, 10_956, 19_000, 20_000, 2_932_896] {
            let date = date_of(d).unwrap();
            let (year, month) = year_month(d);
            assert_eq!(
                (year, month),
                (i64::from(date.year()), i64::from(date.month()))
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
    fn period_ends_agree_with_the_day_numbers() {
        for period in [
            Period::Day,
            Period::WEEK,
            Period::parse("p", "week_monday").unwrap(),
            Period::Month,
        ] {
            for text in ["2024-02-01", "2024-02-29", "2025-12-31", "2026-03-03"] {
                let end = period.end_of(date(text)).unwrap();
                assert_eq!(
                    day_of(end),
                    period.end(period.index(day(text))),
                    "{period} {text}"
                );
            }
        }
        assert_eq!(
            Period::Month.end_of(date("2025-12-31")).unwrap(),
            date("2025-12-31")
        );
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
    fn pandas_aliases_are_read() {
        let monday = Period::Week {
            closing: Weekday::Mon,
        };
        for (text, period) in [
            ("D", Period::Day),
            ("1D", Period::Day),
            ("W", Period::WEEK),
            ("W-MON", monday),
            ("1W-MON", monday),
            (" Week_Monday ", monday),
        ] {
            assert_eq!(Period::parse("period", text).unwrap(), period, "{text}");
        }
        for text in ["fortnight", "W-XYZ", "week_", "", "2W"] {
            let err = Period::parse("period", text).unwrap_err();
            assert_eq!((err.kind(), err.field()), (ErrorKind::Parse, "period"));
        }
        let err = serde_json::from_str::<Period>("\"fortnight\"").unwrap_err();
        assert!(err.to_string().starts_with("\"fortnight\" is not"), "{err}");
    }
}
