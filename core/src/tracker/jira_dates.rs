//! The dates of a Jira CSV export, in the forms Jira writes them.
//!
//! Jira formats dates by the exporting user's profile: `12/Mar/24 10:15 AM`
//! (the default `dd/MMM/yy h:mm a`), ISO `2024-03-12 10:15`, or a numeric locale
//! form such as the US `3/12/2024 10:15` (`M/d/yyyy`) or the European `12/3/2024`.
//! Atlassian: "Configure the look and feel of Jira applications", date/time formats,
//! <https://confluence.atlassian.com/adminjiraserver/configuring-the-look-and-feel-of-jira-applications-938847000.html>.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use super::jira_months::{afternoon, month_number, LANGUAGES};

use crate::{Error, Result};

/// Which of a numeric `a/b/yyyy` date is the day. A file is one locale, so the order
/// is decided once for the whole file ([`NumericOrder::of_file`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumericOrder {
    /// `3/12/2024` is 12 March (en-US).
    MonthFirst,
    /// `12/3/2024` is 12 March (most other locales).
    DayFirst,
}

/// How the dates of one file are read.
#[derive(Debug, Clone)]
pub(crate) struct DateReader {
    /// The caller's chrono format (`%d.%m.%Y %H:%M`), tried first and alone.
    pub declared: Option<String>,
    pub order: NumericOrder,
}

/// The `a` and `b` of a numeric date `a/b/yyyy[ time]`, or `None` for other text.
fn numeric_parts(text: &str) -> Option<(u32, u32)> {
    let date = text.split_whitespace().next()?;
    let mut parts = date.split('/');
    let a = parts.next()?.parse().ok()?;
    let b = parts.next()?.parse().ok()?;
    let year = parts.next()?;
    (parts.next().is_none() && year.len() >= 2 && year.chars().all(|ch| ch.is_ascii_digit()))
        .then_some((a, b))
}

impl NumericOrder {
    /// The order of a file's numeric dates: day first when some date's first number is
    /// above 12, month first when some second number is; month first (Jira's en-US
    /// default) when every date is ambiguous, with `ambiguous` = true so the importer
    /// says so.
    ///
    /// **Errors**: dates of both kinds in one file ([`Error::Parse`] on `text`).
    pub fn of_file<'a>(dates: impl Iterator<Item = &'a str>) -> Result<(Self, bool)> {
        let (mut day_first, mut month_first, mut numeric) = (None, None, false);
        for text in dates {
            if let Some((a, b)) = numeric_parts(text) {
                numeric = true;
                if a > 12 && day_first.is_none() {
                    day_first = Some(text.to_owned());
                }
                if b > 12 && month_first.is_none() {
                    month_first = Some(text.to_owned());
                }
            }
        }
        match (day_first, month_first) {
            (Some(day), Some(month)) => Err(Error::parse(
                "text",
                format!("dates {day:?} (day first) and {month:?} (month first) mix two locales; pass date_format"),
            )),
            (Some(_), None) => Ok((NumericOrder::DayFirst, false)),
            (None, Some(_)) => Ok((NumericOrder::MonthFirst, false)),
            (None, None) => Ok((NumericOrder::MonthFirst, numeric)),
        }
    }
}

impl DateReader {
    /// The moment `text` names, in `column` of row `field` (`line 4`).
    ///
    /// Forms: the declared format alone when there is one; otherwise Jira's
    /// `12/Mar/24 10:15 AM` (`dd/MMM/yy h:mm a`, 2- or 4-digit year, `/` or `-`, 12- or
    /// 24-hour clock, optional seconds, or no time) with the month and the AM/PM marker
    /// in any of the locales `jira_months` knows (`12/janv./24 3:15 PM`,
    /// `12/Dez/24 15:15`, `12/dic/24 3:15 p. m.`), ISO `2024-03-12[ T]10:15[:30][.000][+0100]`, and
    /// numeric `3/12/2024 10:15` in the file's [`NumericOrder`]. A date without a time
    /// is midnight. An offset is dropped and the wall-clock time kept, as elsewhere
    /// in pmkit ([`Moment`](crate::flow::Moment)).
    ///
    /// **Errors**: text in none of these forms, or a month name in no language pmkit
    /// knows ([`Error::Parse`] on `field`, the message naming `column` and the text).
    pub fn read(&self, field: &str, column: &str, text: &str) -> Result<NaiveDateTime> {
        let text = text.trim();
        let found = match &self.declared {
            Some(format) => declared(text, format),
            None => jira_named_month(text)
                .or_else(|| iso(text))
                .or_else(|| self.numeric(text)),
        };
        found.ok_or_else(|| {
            let month = text
                .split_whitespace()
                .next()
                .and_then(named_month_parts)
                .map(|(_, month, _)| month)
                .filter(|month| month_number(month).is_none());
            if let (None, Some(month)) = (&self.declared, month) {
                return Error::parse(
                    field,
                    format!("{column} {text:?} is not a date: {month:?} is not a month name in {LANGUAGES}; pass date_format (chrono's %b reads English names) or export with another language"),
                );
            }
            let expected = match &self.declared {
                Some(format) => format!("the declared date_format {format:?}"),
                None => "Jira's \"12/Mar/24 10:15 AM\", ISO \"2024-03-12 10:15\" or \"3/12/2024 10:15\"; pass date_format for another form".to_owned(),
            };
            Error::parse(field, format!("{column} {text:?} is not a date; expected {expected}"))
        })
    }

    fn numeric(&self, text: &str) -> Option<NaiveDateTime> {
        let (date, time) = split_time(text)?;
        let (a, b) = numeric_parts(date)?;
        let year_text = date.rsplit('/').next()?;
        let mut year: i32 = year_text.parse().ok()?;
        if year_text.len() == 2 {
            year += 2000;
        }
        let (month, day) = match self.order {
            NumericOrder::MonthFirst => (a, b),
            NumericOrder::DayFirst => (b, a),
        };
        Some(NaiveDate::from_ymd_opt(year, month, day)?.and_time(time))
    }
}

/// A date in the caller's format: a date-time format, or a date-only one (midnight).
fn declared(text: &str, format: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, format)
        .ok()
        .or_else(|| {
            NaiveDate::parse_from_str(text, format)
                .ok()
                .map(|day| day.and_time(NaiveTime::MIN))
        })
}

/// The day, month name and year of `12/Mar/24` (or `12-Mar-2024`), when the middle
/// part has a letter.
fn named_month_parts(date: &str) -> Option<(&str, &str, &str)> {
    let mut parts = date.split(['/', '-']);
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    (parts.next().is_none() && month.chars().any(char::is_alphabetic)).then_some((day, month, year))
}

/// `12/Mar/24 10:15 AM` and its variants, with the month named in any language of
/// [`LANGUAGES`] (`12/janv./24 3:15 PM`, `12/Dez/24`, `12/dic/24 3:15 p. m.`).
fn jira_named_month(text: &str) -> Option<NaiveDateTime> {
    let (date, time) = split_time(text)?;
    let (day, month, year_text) = named_month_parts(date)?;
    let day: u32 = day.parse().ok()?;
    let month = month_number(month)?;
    if !year_text.chars().all(|ch| ch.is_ascii_digit()) {
        return None;
    }
    let year: i32 = year_text.parse().ok()?;
    // Two-digit years as chrono's `%y` reads them: 00–68 are 2000–2068, 69–99 are 1969–1999.
    let year = match year_text.len() {
        2 if year < 69 => 2000 + year,
        2 => 1900 + year,
        4 => year,
        _ => return None,
    };
    Some(NaiveDate::from_ymd_opt(year, month, day)?.and_time(time))
}

/// ISO 8601 dates and date-times, with `T` or a space, optional seconds, fraction and
/// offset (`+01:00`, `+0100`, `Z`).
pub(crate) fn iso(text: &str) -> Option<NaiveDateTime> {
    let day = NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()?;
    let rest = text.get(10..)?;
    if rest.is_empty() {
        return Some(day.and_time(NaiveTime::MIN));
    }
    let time = rest.strip_prefix(['T', ' '])?;
    // Drop an offset: the wall-clock time is kept.
    let clock_end = time.find(['+', 'Z', '-']).unwrap_or(time.len());
    let (clock, offset) = time.split_at(clock_end);
    if !offset.is_empty() && !valid_offset(offset) {
        return None;
    }
    ["%H:%M:%S%.f", "%H:%M"]
        .iter()
        .find_map(|format| NaiveTime::parse_from_str(clock, format).ok())
        .map(|clock| day.and_time(clock))
}

fn valid_offset(offset: &str) -> bool {
    if offset == "Z" {
        return true;
    }
    let digits: String = offset.chars().skip(1).filter(|ch| *ch != ':').collect();
    (offset.starts_with('+') || offset.starts_with('-'))
        && digits.len() == 4
        && digits.chars().all(|ch| ch.is_ascii_digit())
}

/// `"12/Mar/24 10:15 AM"` → (`"12/Mar/24"`, 10:15); no time is midnight. Any
/// whitespace separates (Java 20+ writes a narrow no-break space before `PM`, Spanish
/// locales `p.\u{a0}m.`), and the marker may be any of [`afternoon`]'s.
fn split_time(text: &str) -> Option<(&str, NaiveTime)> {
    let mut words = text.split_whitespace();
    let date = words.next()?;
    let Some(word) = words.next() else {
        return Some((date, NaiveTime::MIN));
    };
    // `3:15PM` has its marker attached.
    let clock_end = word
        .find(|ch: char| !ch.is_ascii_digit() && ch != ':')
        .unwrap_or(word.len());
    let (clock, attached) = word.split_at(clock_end);
    let marker: String = std::iter::once(attached).chain(words).collect();
    let time = ["%H:%M:%S", "%H:%M"]
        .iter()
        .find_map(|format| NaiveTime::parse_from_str(clock, format).ok())?;
    if marker.is_empty() {
        return Some((date, time));
    }
    // A 12-hour clock: 12:05 AM is 00:05, 12:05 PM is 12:05.
    let pm = afternoon(&marker)?;
    let hour = time.hour();
    if !(1..=12).contains(&hour) {
        return None;
    }
    Some((date, time.with_hour(hour % 12 + if pm { 12 } else { 0 })?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reader(order: NumericOrder) -> DateReader {
        DateReader {
            declared: None,
            order,
        }
    }

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn every_jira_form() {
        let us = reader(NumericOrder::MonthFirst);
        for text in [
            "12/Mar/24 10:15 AM",
            "12/mar/2024 10:15 am",
            "12/Mar/24 10:15",
            "12/Mar/24 10:15:00 AM",
            "2024-03-12 10:15",
            "2024-03-12T10:15:00.000+0100",
            "2024-03-12T10:15:00-05:00",
            "2024-03-12T10:15:00Z",
            "3/12/2024 10:15",
            "03/12/24 10:15 AM",
        ] {
            assert_eq!(
                us.read("line 2", "Created", text).unwrap(),
                at("2024-03-12 10:15"),
                "{text}"
            );
        }
        assert_eq!(
            us.read("l", "C", "12/Mar/24").unwrap(),
            at("2024-03-12 00:00")
        );
        assert_eq!(
            us.read("l", "C", "12/Mar/24 12:05 AM").unwrap(),
            at("2024-03-12 00:05")
        );
        let eu = reader(NumericOrder::DayFirst);
        assert_eq!(
            eu.read("l", "C", "12/3/2024 10:15").unwrap(),
            at("2024-03-12 10:15")
        );
    }

    #[test]
    fn month_names_and_markers_of_other_locales() {
        let us = reader(NumericOrder::MonthFirst);
        for text in [
            "12/janv./24 3:15 PM",  // French (CLDR)
            "12/Jan./2024 15:15",   // German (CLDR)
            "12/ene/24 3:15 p. m.", // Spanish
            "12/ene./24 3:15\u{a0}p.\u{a0}m.",
            "12/jan./24 3:15 PM",       // Portuguese, Dutch
            "12/gen/24 15:15",          // Italian
            "12/Jan/24 3:15\u{202f}PM", // Java 20+ English
            "12-Jan-2024 3:15PM",
            "12/янв./24 15:15",
            "12/1月/24 3:15 午後",
        ] {
            assert_eq!(
                us.read("line 2", "Created", text).unwrap(),
                at("2024-01-12 15:15"),
                "{text}"
            );
        }
        for (text, month) in [
            ("12/Dez/24", 12),
            ("12/dic/24", 12),
            ("12/déc./24", 12),
            ("12/März/24", 3),
            ("12/mrt./24", 3),
            ("12/mag/24", 5),
            ("12/out./24", 10),
            ("12/Okt/24", 10),
            ("12/set./24", 9),
            ("12/août/24", 8),
        ] {
            assert_eq!(
                us.read("line 2", "Created", text).unwrap(),
                at(&format!("2024-{month:02}-12 00:00")),
                "{text}"
            );
        }
    }

    #[test]
    fn an_unknown_month_name_is_named() {
        let us = reader(NumericOrder::MonthFirst);
        let err = us
            .read("line 7", "Resolved", "12/Lokakuu/24 3:15 PM")
            .unwrap_err();
        assert_eq!(err.field(), "line 7");
        let message = err.to_string();
        assert!(
            message.contains("Resolved \"12/Lokakuu/24 3:15 PM\""),
            "{message}"
        );
        assert!(
            message.contains("\"Lokakuu\" is not a month name"),
            "{message}"
        );
        // A 12-hour marker on a 24-hour time, or an unknown marker, is no date.
        assert!(us.read("l", "C", "12/Jan/24 15:15 PM").is_err());
        assert!(us.read("l", "C", "12/Jan/24 3:15 xm").is_err());
    }

    #[test]
    fn unreadable_dates_are_errors() {
        let us = reader(NumericOrder::MonthFirst);
        for text in [
            "2024-13-01",
            "12/Foo/24",
            "yesterday",
            "2024-01-12x",
            "12/Jan/24 25:00",
            "13/13/2024",
            "2024-03-12T10:15+5",
        ] {
            let err = us.read("line 2", "Created", text).unwrap_err();
            assert_eq!(err.field(), "line 2", "{text}");
        }
    }

    #[test]
    fn the_file_decides_the_numeric_order() {
        let of = |dates: &[&str]| NumericOrder::of_file(dates.iter().copied());
        assert_eq!(
            of(&["3/12/2024", "3/13/2024"]).unwrap(),
            (NumericOrder::MonthFirst, false)
        );
        assert_eq!(
            of(&["13/3/2024 10:15", "3/4/2024"]).unwrap(),
            (NumericOrder::DayFirst, false)
        );
        assert_eq!(of(&["3/4/2024"]).unwrap(), (NumericOrder::MonthFirst, true));
        assert_eq!(
            of(&["12/Mar/24"]).unwrap(),
            (NumericOrder::MonthFirst, false)
        );
        assert!(of(&["13/3/2024", "3/13/2024"]).is_err());
    }

    #[test]
    fn a_declared_format_is_the_only_one() {
        let reader = DateReader {
            declared: Some("%d.%m.%Y %H:%M".into()),
            order: NumericOrder::MonthFirst,
        };
        assert_eq!(
            reader.read("l", "C", "12.03.2024 10:15").unwrap(),
            at("2024-03-12 10:15")
        );
        assert!(reader.read("l", "C", "2024-03-12").is_err());
        let days = DateReader {
            declared: Some("%d.%m.%Y".into()),
            order: NumericOrder::MonthFirst,
        };
        assert_eq!(
            days.read("l", "C", "12.03.2024").unwrap(),
            at("2024-03-12 00:00")
        );
    }
}
