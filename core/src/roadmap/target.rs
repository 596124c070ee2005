//! [`Target`]: when an item is due, as an exact day or an imprecise period; and
//! [`Lane`], the now / next / later column of a roadmap without dates.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::names::named_enum;
use crate::{Error, Result};

named_enum!(
    /// The column of a now / next / later roadmap: a commitment by horizon, not date.
    Lane, "lane" {
        /// Being worked on.
        Now = "now",
        /// Up next, once capacity frees.
        Next = "next",
        /// Later: direction, not commitment.
        Later = "later",
    }
);

/// A date as precise as the roadmap can honestly be.
///
/// JSON and text form: `"2026-11-28"` (a day), `"2026-11"` (a month), `"2026-Q4"` (a
/// quarter), `"2026-H2"` (a half-year) or `"2026"` (a year). An imprecise target covers
/// its whole period: [`Target::first_day`] to [`Target::last_day`].
///
/// ```
/// use pmkit::roadmap::Target;
///
/// let q3 = Target::parse("target", "2026-Q3")?;
/// assert_eq!(q3.first_day().to_string(), "2026-07-01");
/// assert_eq!(q3.last_day().to_string(), "2026-09-30");
/// assert_eq!(Target::parse("target", "2026-h1")?.to_string(), "2026-H1");
/// assert!(Target::parse("target", "2026-Q5").is_err());
/// # Ok::<(), pmkit::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Target {
    /// One day.
    Day(NaiveDate),
    /// A calendar month: year and month 1..=12.
    Month(i32, u32),
    /// A quarter: year and quarter 1..=4.
    Quarter(i32, u32),
    /// A half-year: year and half 1..=2.
    Half(i32, u32),
    /// A calendar year.
    Year(i32),
}

// The schema the typings generator reads: the text form.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Target {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Target".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A day, month, quarter, half or year: \"2026-05-15\", \"2026-05\", \"2026-Q2\", \"2026-H1\" or \"2026\".",
        })
    }
}

/// The first day of `month` in `year`, or of the month after when `month` is 13.
fn month_start(year: i32, month: u32) -> Option<NaiveDate> {
    if month == 13 {
        NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month, 1)
    }
}

impl Target {
    /// Reads the text form; `field` names the input in errors.
    ///
    /// **Errors**: anything else ([`Error::Parse`] on `field`, listing the forms).
    pub fn parse(field: &str, text: &str) -> Result<Self> {
        let text = text.trim();
        let bad = || {
            Error::parse(
                field,
                format!(
                    "{text:?} is not a target; write a day (2026-11-28), month (2026-11), quarter (2026-Q4), half (2026-H2) or year (2026)"
                ),
            )
        };
        let (year_text, rest) = match text.get(1..).and_then(|tail| tail.find('-')) {
            Some(at) => (&text[..at + 1], Some(&text[at + 2..])),
            None => (text, None),
        };
        let year: i32 = year_text.parse().map_err(|_| bad())?;
        let (first, last) = (
            Target::Year(year).first_day_opt(),
            Target::Year(year).last_day_opt(),
        );
        if first.is_none() || last.is_none() {
            return Err(bad());
        }
        let Some(rest) = rest else {
            return Ok(Target::Year(year));
        };
        let number = |digits: &str| digits.parse::<u32>().map_err(|_| bad());
        let upper = rest.to_ascii_uppercase();
        let target = if let Some(quarter) = upper.strip_prefix('Q') {
            Target::Quarter(year, number(quarter)?)
        } else if let Some(half) = upper.strip_prefix('H') {
            Target::Half(year, number(half)?)
        } else if rest.len() == 2 && !rest.contains('-') {
            Target::Month(year, number(rest)?)
        } else {
            return crate::input::date(field, text)
                .map(Target::Day)
                .map_err(|_| bad());
        };
        match target {
            Target::Quarter(_, 1..=4) | Target::Half(_, 1..=2) | Target::Month(_, 1..=12) => {
                Ok(target)
            }
            _ => Err(bad()),
        }
    }

    fn first_day_opt(self) -> Option<NaiveDate> {
        match self {
            Target::Day(day) => Some(day),
            Target::Month(year, month) => month_start(year, month),
            Target::Quarter(year, quarter) => month_start(year, quarter * 3 - 2),
            Target::Half(year, half) => month_start(year, half * 6 - 5),
            Target::Year(year) => month_start(year, 1),
        }
    }

    fn last_day_opt(self) -> Option<NaiveDate> {
        let next = match self {
            Target::Day(day) => return Some(day),
            Target::Month(year, month) => month_start(year, month + 1),
            Target::Quarter(year, quarter) => month_start(year, quarter * 3 + 1),
            Target::Half(year, half) => month_start(year, half * 6 + 1),
            Target::Year(year) => month_start(year, 13),
        };
        next?.pred_opt()
    }

    /// The first day the target covers.
    pub fn first_day(self) -> NaiveDate {
        // Every parsed or constructed-from-a-date target has its days; MIN is unreachable.
        self.first_day_opt().unwrap_or(NaiveDate::MIN)
    }

    /// The last day the target covers (the deadline it sets).
    pub fn last_day(self) -> NaiveDate {
        self.last_day_opt().unwrap_or(NaiveDate::MAX)
    }
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Target::Day(day) => write!(f, "{day}"),
            Target::Month(year, month) => write!(f, "{year:04}-{month:02}"),
            Target::Quarter(year, quarter) => write!(f, "{year:04}-Q{quarter}"),
            Target::Half(year, half) => write!(f, "{year:04}-H{half}"),
            Target::Year(year) => write!(f, "{year:04}"),
        }
    }
}

impl TryFrom<String> for Target {
    type Error = Error;

    fn try_from(text: String) -> Result<Self> {
        Target::parse("target", &text)
    }
}

impl From<Target> for String {
    fn from(target: Target) -> Self {
        target.to_string()
    }
}

impl From<NaiveDate> for Target {
    fn from(day: NaiveDate) -> Self {
        Target::Day(day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn every_form_parses_and_prints_back() {
        for text in ["2026-11-28", "2026-02", "2026-Q1", "2026-H2", "2026"] {
            assert_eq!(Target::parse("t", text).unwrap().to_string(), text);
        }
    }

    #[test]
    fn periods_cover_their_days() {
        let feb = Target::parse("t", "2028-02").unwrap();
        assert_eq!(feb.last_day().to_string(), "2028-02-29"); // leap year
        let q4 = Target::parse("t", "2026-Q4").unwrap();
        assert_eq!(q4.last_day().to_string(), "2026-12-31");
        let h1 = Target::parse("t", "2026-H1").unwrap();
        assert_eq!(
            (h1.first_day().to_string(), h1.last_day().to_string()),
            ("2026-01-01".into(), "2026-06-30".into())
        );
    }

    #[test]
    fn nonsense_is_a_parse_error() {
        for text in [
            "",
            "Q3",
            "2026-13",
            "2026-Q0",
            "2026-H3",
            "2026-02-30",
            "soon",
        ] {
            let err = Target::parse("items[0].target", text).unwrap_err();
            assert_eq!(
                (err.kind(), err.field()),
                (ErrorKind::Parse, "items[0].target"),
                "{text}"
            );
        }
    }

    #[test]
    fn json_form_is_the_text() {
        let target: Target = serde_json::from_str("\"2026-Q3\"").unwrap();
        assert_eq!(target, Target::Quarter(2026, 3));
        assert_eq!(serde_json::to_string(&target).unwrap(), "\"2026-Q3\"");
        assert!(serde_json::from_str::<Target>("\"2026-Q9\"").is_err());
    }
}
