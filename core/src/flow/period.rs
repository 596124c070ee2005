//! Reporting periods (a day, or a week closing on a chosen weekday) and what a flow
//! metric counts (items or points), with the day arithmetic the team metrics share.

use std::fmt;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::timeline::ItemTimeline;
use crate::{Error, Result};

/// The length of a reporting period: a day, or a week closing on a chosen weekday.
///
/// Text form: `"day"`, `"week"` (Monday to Sunday) or `"week_<weekday>"` for a week
/// closing on that day (`"week_monday"`: Tuesday to Monday, the default of
/// jira-agile-metrics, written `1W-MON` there). The pandas aliases `"D"`, `"W"` and
/// `"W-MON"` … `"W-SUN"` are read too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// One calendar day.
    Day,
    /// Seven days, the last of which is `closing`.
    Week {
        /// The last day of each week.
        closing: Weekday,
    },
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
    /// Reads the text form above; [`Error::Parse`] naming `field` otherwise.
    pub fn parse(field: &str, text: &str) -> Result<Self> {
        let lower = text.trim().to_lowercase();
        let lower = lower.strip_prefix('1').unwrap_or(&lower);
        match lower {
            "day" | "d" => return Ok(Period::Day),
            "week" | "w" => {
                return Ok(Period::Week {
                    closing: Weekday::Sun,
                })
            }
            _ => {}
        }
        if let Some(day) = lower
            .strip_prefix("week_")
            .or_else(|| lower.strip_prefix("w-"))
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
                "{text:?} is not \"day\", \"week\" or \"week_<weekday>\" (e.g. \"week_monday\")"
            ),
        ))
    }

    /// Days in one period.
    pub fn days(self) -> u64 {
        match self {
            Period::Day => 1,
            Period::Week { .. } => 7,
        }
    }

    /// The last day of the period that holds `day`.
    pub fn end_of(self, day: NaiveDate) -> Result<NaiveDate> {
        match self {
            Period::Day => Ok(day),
            Period::Week { closing } => {
                let ahead =
                    (7 + closing.num_days_from_monday() - day.weekday().num_days_from_monday()) % 7;
                add_days(day, u64::from(ahead))
            }
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Day => f.write_str("day"),
            Period::Week { closing } => {
                let name = WEEKDAYS
                    .iter()
                    .find(|(_, _, day)| day == closing)
                    .map_or("sunday", |(long, _, _)| long);
                write!(f, "week_{name}")
            }
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
        Period::parse("period", &text).map_err(|err| serde::de::Error::custom(err.reason()))
    }
}

/// What is counted: items, or their story points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Each item counts 1 (the default).
    #[default]
    Items,
    /// Each item counts its points.
    Points,
}

impl Measure {
    /// Reads `"items"` or `"points"`; [`Error::Parse`] naming `field` otherwise.
    pub fn parse(field: &str, text: &str) -> Result<Self> {
        match text {
            "items" => Ok(Measure::Items),
            "points" => Ok(Measure::Points),
            _ => Err(Error::parse(
                field,
                format!("{text:?} is not \"items\" or \"points\""),
            )),
        }
    }

    pub(super) fn weight(self, item: &ItemTimeline) -> f64 {
        match self {
            Measure::Items => 1.0,
            Measure::Points => item.points,
        }
    }
}

pub(crate) fn add_days(day: NaiveDate, days: u64) -> Result<NaiveDate> {
    day.checked_add_days(Days::new(days)).ok_or_else(|| {
        Error::out_of_range(
            "date",
            format!("{day} + {days} days is past the last date pmkit can represent"),
        )
    })
}

/// Consecutive period ends from the period holding `first` to the one holding `last`.
pub(super) fn period_ends(
    period: Period,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<NaiveDate>> {
    let (first, last) = (period.end_of(first)?, period.end_of(last)?);
    let count = (last - first).num_days().max(0) as u64 / period.days() + 1;
    (0..count)
        .map(|index| add_days(first, index * period.days()))
        .collect()
}

/// Days since 0001-01-01 (day 1, a Monday): plain integers for the per-item loops,
/// where date arithmetic would cost more than the counting itself.
pub(super) fn day_number(day: NaiveDate) -> i64 {
    i64::from(day.num_days_from_ce())
}

/// The date of a [`day_number`]; `None` for a number no date has (the "none" markers).
pub(super) fn from_day_number(number: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(number).ok()?)
}

/// Index of the period holding the day numbered `day` in a series whose first period
/// ends on the day numbered `first_end`; `None` before the series.
pub(super) fn period_index(period: Period, first_end: i64, day: i64) -> Option<usize> {
    let end = match period {
        Period::Day => day,
        Period::Week { closing } => {
            let weekday = (day - 1).rem_euclid(7);
            day + (i64::from(closing.num_days_from_monday()) - weekday).rem_euclid(7)
        }
    };
    usize::try_from(end - first_end)
        .ok()
        .map(|days| days / period.days() as usize)
}
