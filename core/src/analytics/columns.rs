//! The event log as columns: user ids, timestamps (or day numbers) and event codes.
//!
//! A log is borrowed, never copied: [`EventLog`] holds slices of whatever integer (or
//! float) type the caller has, so numpy arrays, Arrow buffers and JavaScript typed
//! arrays cross without conversion. Each value is checked as it is read; the first bad
//! one is an error naming its column and row (`"times[41]"`).

use std::fmt::Display;

use serde::{Deserialize, Serialize};

use super::zone::Zone;
use crate::{input, Error, Result};

/// The unit of the `times` column.
///
/// Timestamps count from the Unix epoch (1970-01-01T00:00:00Z); [`TimeUnit::Days`]
/// means the column already holds calendar-day numbers (days since 1970-01-01, the
/// numpy `datetime64[D]` and Arrow `date32` encoding).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    /// Day numbers: days since 1970-01-01 in the caller's calendar.
    Days,
    /// Seconds since the epoch (Unix time), the default.
    #[default]
    Seconds,
    /// Milliseconds since the epoch (JavaScript `Date.getTime()`).
    Milliseconds,
    /// Microseconds since the epoch.
    Microseconds,
    /// Nanoseconds since the epoch (pandas `datetime64[ns]`).
    Nanoseconds,
}

impl TimeUnit {
    /// Every unit, the coarsest first.
    pub const ALL: [TimeUnit; 5] = [
        TimeUnit::Days,
        TimeUnit::Seconds,
        TimeUnit::Milliseconds,
        TimeUnit::Microseconds,
        TimeUnit::Nanoseconds,
    ];

    /// The snake_case name (`"milliseconds"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            TimeUnit::Days => "days",
            TimeUnit::Seconds => "seconds",
            TimeUnit::Milliseconds => "milliseconds",
            TimeUnit::Microseconds => "microseconds",
            TimeUnit::Nanoseconds => "nanoseconds",
        }
    }

    /// The numpy / pandas abbreviation (`"ms"`), also accepted by [`TimeUnit::parse`].
    pub const fn abbreviation(self) -> &'static str {
        match self {
            TimeUnit::Days => "D",
            TimeUnit::Seconds => "s",
            TimeUnit::Milliseconds => "ms",
            TimeUnit::Microseconds => "us",
            TimeUnit::Nanoseconds => "ns",
        }
    }

    /// Reads a name (`"seconds"`) or its numpy abbreviation (`"s"`, `"ms"`, `"us"`,
    /// `"ns"`, `"D"`); [`Error::Parse`] naming `field` otherwise.
    ///
    /// ```
    /// use pmkit::analytics::TimeUnit;
    /// assert_eq!(TimeUnit::parse("unit", "ms")?, TimeUnit::Milliseconds);
    /// assert_eq!(TimeUnit::parse("unit", "days")?, TimeUnit::Days);
    /// assert!(TimeUnit::parse("unit", "hours").is_err());
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    pub fn parse(field: &str, text: &str) -> Result<TimeUnit> {
        TimeUnit::ALL
            .into_iter()
            .find(|unit| unit.as_str() == text || unit.abbreviation() == text)
            .ok_or_else(|| {
                Error::parse(
                    field,
                    format!(
                        "unknown time unit {text:?}; expected \"days\", \"seconds\", \
                         \"milliseconds\", \"microseconds\" or \"nanoseconds\" \
                         (or \"D\", \"s\", \"ms\", \"us\", \"ns\")"
                    ),
                )
            })
    }

    /// How many units make one day (1 for [`TimeUnit::Days`]).
    pub const fn per_day(self) -> i64 {
        match self {
            TimeUnit::Days => 1,
            TimeUnit::Seconds => 86_400,
            TimeUnit::Milliseconds => 86_400_000,
            TimeUnit::Microseconds => 86_400_000_000,
            TimeUnit::Nanoseconds => 86_400_000_000_000,
        }
    }

    /// How many units make one second (`None` for days, which have no finer grain).
    pub const fn per_second(self) -> Option<i64> {
        match self {
            TimeUnit::Days => None,
            TimeUnit::Seconds => Some(1),
            TimeUnit::Milliseconds => Some(1_000),
            TimeUnit::Microseconds => Some(1_000_000),
            TimeUnit::Nanoseconds => Some(1_000_000_000),
        }
    }
}

impl std::fmt::Display for TimeUnit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A value of the `user_ids` column: a whole number ≥ 0.
///
/// Implemented for the integer types a column comes in, and for `f64` (how JavaScript
/// and JSON pass numbers: whole, ≥ 0 and at most 2^53).
pub trait UserIdValue: Copy + Send + Sync + Display {
    /// The id, or why it is not one.
    fn user_id(self) -> std::result::Result<u64, &'static str>;
}

/// A value of the `times` column: a whole number of [`TimeUnit`]s since the epoch.
pub trait TimeValue: Copy + Send + Sync + Display {
    /// The time, or why it is not one.
    fn time(self) -> std::result::Result<i64, &'static str>;
}

/// A value of the `events` column: an event code, a whole number in `0..=u32::MAX`
/// (map event names to codes once with [`IdMap`](super::IdMap)).
pub trait EventValue: Copy + Send + Sync + Display {
    /// The code, or why it is not one.
    fn code(self) -> std::result::Result<u32, &'static str>;
}

const NEGATIVE: &str = "is negative";
const NOT_WHOLE: &str = "is not a whole number";
const TOO_LARGE: &str = "is too large";
// 2^53: beyond it a float no longer holds every whole number exactly.
const MAX_EXACT_FLOAT: f64 = 9_007_199_254_740_992.0;

fn whole_float(value: f64) -> std::result::Result<i64, &'static str> {
    if !value.is_finite() || value.fract() != 0.0 {
        return Err(NOT_WHOLE);
    }
    if value.abs() > MAX_EXACT_FLOAT {
        return Err(TOO_LARGE);
    }
    // Whole and within ±2^53, so the conversion is exact.
    Ok(value as i64)
}

impl UserIdValue for u64 {
    #[inline]
    fn user_id(self) -> std::result::Result<u64, &'static str> {
        Ok(self)
    }
}
impl UserIdValue for u32 {
    #[inline]
    fn user_id(self) -> std::result::Result<u64, &'static str> {
        Ok(u64::from(self))
    }
}
impl UserIdValue for i64 {
    #[inline]
    fn user_id(self) -> std::result::Result<u64, &'static str> {
        u64::try_from(self).map_err(|_| NEGATIVE)
    }
}
impl UserIdValue for i32 {
    #[inline]
    fn user_id(self) -> std::result::Result<u64, &'static str> {
        u64::try_from(self).map_err(|_| NEGATIVE)
    }
}
impl UserIdValue for f64 {
    #[inline]
    fn user_id(self) -> std::result::Result<u64, &'static str> {
        if self < 0.0 {
            return Err(NEGATIVE);
        }
        whole_float(self).map(|value| value.unsigned_abs())
    }
}

impl TimeValue for i64 {
    #[inline]
    fn time(self) -> std::result::Result<i64, &'static str> {
        Ok(self)
    }
}
impl TimeValue for i32 {
    #[inline]
    fn time(self) -> std::result::Result<i64, &'static str> {
        Ok(i64::from(self))
    }
}
impl TimeValue for u64 {
    #[inline]
    fn time(self) -> std::result::Result<i64, &'static str> {
        i64::try_from(self).map_err(|_| TOO_LARGE)
    }
}
impl TimeValue for u32 {
    #[inline]
    fn time(self) -> std::result::Result<i64, &'static str> {
        Ok(i64::from(self))
    }
}
impl TimeValue for f64 {
    #[inline]
    fn time(self) -> std::result::Result<i64, &'static str> {
        whole_float(self)
    }
}

impl EventValue for u32 {
    #[inline]
    fn code(self) -> std::result::Result<u32, &'static str> {
        Ok(self)
    }
}
impl EventValue for u64 {
    #[inline]
    fn code(self) -> std::result::Result<u32, &'static str> {
        u32::try_from(self).map_err(|_| TOO_LARGE)
    }
}
impl EventValue for i64 {
    #[inline]
    fn code(self) -> std::result::Result<u32, &'static str> {
        if self < 0 {
            return Err(NEGATIVE);
        }
        u32::try_from(self).map_err(|_| TOO_LARGE)
    }
}
impl EventValue for i32 {
    #[inline]
    fn code(self) -> std::result::Result<u32, &'static str> {
        u32::try_from(self).map_err(|_| NEGATIVE)
    }
}
impl EventValue for f64 {
    #[inline]
    fn code(self) -> std::result::Result<u32, &'static str> {
        if self < 0.0 {
            return Err(NEGATIVE);
        }
        let whole = whole_float(self)?;
        u32::try_from(whole).map_err(|_| TOO_LARGE)
    }
}

/// The error for row `index` of `column`, whose value `value` was rejected for `why`.
pub(crate) fn bad_value(column: &str, index: usize, value: impl Display, why: &str) -> Error {
    let field = format!("{column}[{index}]");
    match why {
        TOO_LARGE => Error::out_of_range(field, format!("{value} {why}")),
        _ => Error::invalid(field, format!("{value} {why}")),
    }
}

/// One whole number given as a float (a parameter such as `utc_offset_minutes`, as
/// Python and JavaScript pass it); [`Error::InvalidInput`] naming `field` otherwise.
pub fn whole_number(field: &str, value: f64) -> Result<i64> {
    whole_float(value).map_err(|why| {
        let err = bad_value(field, 0, value, why);
        Error::invalid(field, err.reason().to_owned())
    })
}

/// A column of floats (how JSON and JavaScript pass numbers) as whole numbers, each
/// checked: not NaN, no fraction, within ±2^53. Errors name `column[i]`
/// ([`Error::InvalidInput`], or [`Error::OutOfRange`] beyond 2^53).
///
/// ```
/// assert_eq!(pmkit::analytics::whole_numbers("times", &[3.0, -2.0])?, [3, -2]);
/// assert_eq!(pmkit::analytics::whole_numbers("times", &[1.5]).unwrap_err().field(), "times[0]");
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn whole_numbers(column: &str, values: &[f64]) -> Result<Vec<i64>> {
    values
        .iter()
        .enumerate()
        .map(|(index, &value)| {
            whole_float(value).map_err(|why| bad_value(column, index, value, why))
        })
        .collect()
}

/// The widest fixed UTC offset accepted: ±18 hours, the ISO 8601 limit.
pub const MAX_UTC_OFFSET_MINUTES: i64 = 18 * 60;

/// An event log as borrowed columns: who (`user_ids`), when (`times`, in `unit`), and
/// optionally what (`events`, event codes).
///
/// Rows need not be sorted. Every column has one value per row; the constructor and
/// [`EventLog::with_events`] check the lengths, and each value is checked as the
/// metrics read it (a negative user id is [`Error::InvalidInput`] naming
/// `user_ids[i]`; a time before 1970-01-01 or after 9999-12-31 is
/// [`Error::OutOfRange`] naming `times[i]`).
///
/// Calendar days are UTC days unless [`EventLog::with_utc_offset_minutes`] sets a
/// fixed offset (`+120` for UTC+02:00) or [`EventLog::with_time_zone`] a time zone: a
/// day then runs from local midnight to local midnight. A fixed offset does not follow
/// daylight-saving changes; an IANA zone does.
///
/// Not serializable: it borrows the caller's columns, which stay where they are.
///
/// ```
/// use pmkit::analytics::{EventLog, TimeUnit};
///
/// let users = [7u64, 7, 9];
/// let times = [1_700_000_000i64, 1_700_090_000, 1_700_000_500];
/// let log = EventLog::new(&users, &times, TimeUnit::Seconds)?;
/// assert_eq!(log.len(), 3);
/// assert!(EventLog::new(&users, &times[..2], TimeUnit::Seconds).is_err());
/// # Ok::<(), pmkit::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct EventLog<'a, U, T, E = u32> {
    pub(crate) user_ids: &'a [U],
    pub(crate) times: &'a [T],
    pub(crate) events: Option<&'a [E]>,
    pub(crate) unit: TimeUnit,
    pub(crate) utc_offset_minutes: i64,
    /// The time zone of calendar days, when not a fixed offset.
    pub(crate) zone: Option<Zone>,
    /// At most this many threads for the passes over a large log (`None`: one per core).
    pub(crate) max_threads: Option<usize>,
}

impl<'a, U: UserIdValue, T: TimeValue> EventLog<'a, U, T, u32> {
    /// A log of `user_ids` and `times` (one per row, in `unit`), without event codes.
    ///
    /// **Errors**: `times` and `user_ids` of different lengths
    /// ([`Error::InvalidInput`] naming `times`).
    pub fn new(user_ids: &'a [U], times: &'a [T], unit: TimeUnit) -> Result<Self> {
        input::same_length("times", times, "user_ids", user_ids)?;
        Ok(EventLog {
            user_ids,
            times,
            events: None,
            unit,
            utc_offset_minutes: 0,
            zone: None,
            max_threads: None,
        })
    }
}

impl<'a, U: UserIdValue, T: TimeValue, E: EventValue> EventLog<'a, U, T, E> {
    /// The same log with an `events` column of event codes, one per row.
    ///
    /// **Errors**: a length other than `user_ids`' ([`Error::InvalidInput`] naming `events`).
    pub fn with_events<F: EventValue>(self, events: &'a [F]) -> Result<EventLog<'a, U, T, F>> {
        input::same_length("events", events, "user_ids", self.user_ids)?;
        Ok(EventLog {
            user_ids: self.user_ids,
            times: self.times,
            events: Some(events),
            unit: self.unit,
            utc_offset_minutes: self.utc_offset_minutes,
            zone: self.zone,
            max_threads: self.max_threads,
        })
    }

    /// The same log read on calendar days of a fixed UTC offset, in minutes east of
    /// UTC (`-300` for UTC−05:00).
    ///
    /// **Errors**: beyond ±18 hours ([`Error::OutOfRange`]); a non-zero offset when the
    /// unit is [`TimeUnit::Days`], whose day numbers are already local
    /// ([`Error::InvalidInput`]); both name `utc_offset_minutes`.
    pub fn with_utc_offset_minutes(mut self, minutes: i64) -> Result<Self> {
        if minutes.abs() > MAX_UTC_OFFSET_MINUTES {
            return Err(Error::out_of_range(
                "utc_offset_minutes",
                format!("{minutes} is beyond ±{MAX_UTC_OFFSET_MINUTES} (±18 hours)"),
            ));
        }
        if let (Some(zone), true) = (self.zone, minutes != 0) {
            return Err(Error::invalid(
                "utc_offset_minutes",
                format!("is {minutes}, but the log is read in time zone {} already; give one or the other", zone.name()),
            ));
        }
        if minutes != 0 && self.unit == TimeUnit::Days {
            return Err(Error::invalid(
                "utc_offset_minutes",
                format!(
                    "{minutes} applies to timestamps, but the times are day numbers \
                     (unit \"days\"), which are already calendar days"
                ),
            ));
        }
        self.utc_offset_minutes = minutes;
        Ok(self)
    }

    /// The same log read on the calendar days of `zone` (an IANA zone follows
    /// daylight-saving changes, so its days last 23 to 25 hours), instead of UTC or a
    /// fixed offset. Only the day of each event changes; times (funnel windows) stay
    /// absolute.
    ///
    /// ```
    /// use pmkit::analytics::{active_users, ActiveUsersOptions, EventLog, TimeUnit, Zone};
    ///
    /// // 2024-03-10T04:30Z and 2024-03-11T03:30Z: 23:30 on 9 March (EST) and 23:30 on
    /// // 10 March (EDT) in New York, two UTC days but also two local days apart.
    /// let (users, times) = ([1u64, 2], [1_710_045_000i64, 1_710_127_800]);
    /// let log = EventLog::new(&users, &times, TimeUnit::Seconds)?
    ///     .with_time_zone(Zone::parse("tz", "America/New_York")?)?;
    /// let active = active_users(&log, &ActiveUsersOptions::default())?;
    /// assert_eq!(active.days[0].to_string(), "2024-03-09");
    /// assert_eq!(active.dau, [1, 1]);
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    ///
    /// **Errors**: a log already read at a non-zero `utc_offset_minutes` (one or the
    /// other), or one whose unit is [`TimeUnit::Days`] (day numbers are already local);
    /// both [`Error::InvalidInput`] naming `tz`.
    pub fn with_time_zone(mut self, zone: Zone) -> Result<Self> {
        if self.utc_offset_minutes != 0 {
            return Err(Error::invalid(
                "tz",
                format!(
                    "is {}, but utc_offset_minutes is {} too; give one or the other",
                    zone.name(),
                    self.utc_offset_minutes
                ),
            ));
        }
        if self.unit == TimeUnit::Days {
            return Err(Error::invalid(
                "tz",
                format!(
                    "{} applies to timestamps, but the times are day numbers (unit \"days\"), \
                     which are already calendar days",
                    zone.name()
                ),
            ));
        }
        self.zone = Some(zone);
        Ok(self)
    }

    /// The log's columns: `user_ids`, `times` and `events` (if any).
    pub fn columns(&self) -> (&'a [U], &'a [T], Option<&'a [E]>) {
        (self.user_ids, self.times, self.events)
    }

    /// The time zone set by [`EventLog::with_time_zone`], if any.
    pub fn time_zone(&self) -> Option<Zone> {
        self.zone
    }

    /// The same log, read with at most `threads` threads. By default a large log (a
    /// million rows and more) is read with one thread per core; `1` keeps every pass on
    /// the calling thread (a shared machine, or timing one core). Results do not depend
    /// on it. WebAssembly always uses one.
    ///
    /// ```
    /// use pmkit::analytics::{active_users, ActiveUsersOptions, EventLog, TimeUnit};
    ///
    /// let (users, days) = ([1u64, 2, 1], [19_000i64, 19_000, 19_002]);
    /// let log = EventLog::new(&users, &days, TimeUnit::Days)?.with_max_threads(1)?;
    /// assert_eq!(log.max_threads(), Some(1));
    /// assert_eq!(active_users(&log, &ActiveUsersOptions::default())?.dau, [2, 0, 1]);
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    ///
    /// **Errors**: `0` ([`Error::OutOfRange`] naming `max_threads`).
    pub fn with_max_threads(mut self, threads: usize) -> Result<Self> {
        if threads == 0 {
            return Err(Error::out_of_range(
                "max_threads",
                "0 threads cannot read the log; use 1 or more",
            ));
        }
        self.max_threads = Some(threads);
        Ok(self)
    }

    /// The thread limit set by [`EventLog::with_max_threads`] (`None`: one per core).
    pub fn max_threads(&self) -> Option<usize> {
        self.max_threads
    }

    /// Rows in the log.
    pub fn len(&self) -> usize {
        self.user_ids.len()
    }

    /// Whether the log has no rows.
    pub fn is_empty(&self) -> bool {
        self.user_ids.is_empty()
    }

    /// The unit of `times`.
    pub fn unit(&self) -> TimeUnit {
        self.unit
    }

    /// The fixed UTC offset of calendar days, in minutes.
    pub fn utc_offset_minutes(&self) -> i64 {
        self.utc_offset_minutes
    }

    /// Whether the log has an `events` column.
    pub fn has_events(&self) -> bool {
        self.events.is_some()
    }

    /// The `events` column, or [`Error::InvalidInput`] naming `field` (the parameter
    /// that needs it) when the log has none.
    pub(crate) fn require_events(&self, field: &str) -> Result<&'a [E]> {
        self.events.ok_or_else(|| {
            Error::invalid(
                field,
                "needs event codes, but the log has no events column; pass `events`",
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn values_are_checked_by_type() {
        assert_eq!((-1i64).user_id(), Err(NEGATIVE));
        assert_eq!(1.5f64.user_id(), Err(NOT_WHOLE));
        assert_eq!((-0.0f64).user_id(), Ok(0));
        assert_eq!(f64::NAN.time(), Err(NOT_WHOLE));
        assert_eq!(u64::MAX.time(), Err(TOO_LARGE));
        assert_eq!(5_000_000_000i64.code(), Err(TOO_LARGE));
        assert_eq!(3.0f64.code(), Ok(3));
    }

    #[test]
    fn offsets_are_bounded_and_need_timestamps() {
        let (users, days) = ([1u64], [19_000i64]);
        let log = EventLog::new(&users, &days, TimeUnit::Days).unwrap();
        let err = log.with_utc_offset_minutes(60).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::InvalidInput, "utc_offset_minutes")
        );
        let log = EventLog::new(&users, &days, TimeUnit::Seconds).unwrap();
        let err = log.with_utc_offset_minutes(19 * 60).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::OutOfRange);
        assert_eq!(
            log.with_utc_offset_minutes(-300)
                .unwrap()
                .utc_offset_minutes(),
            -300
        );
    }

    #[test]
    fn events_must_pair_with_rows() {
        let (users, times) = ([1u64, 2], [0i64, 1]);
        let log = EventLog::new(&users, &times, TimeUnit::Seconds).unwrap();
        let err = log.with_events(&[1u32]).unwrap_err();
        assert_eq!(err.field(), "events");
        assert!(log.with_events(&[1i64, 2]).unwrap().has_events());
    }

    #[test]
    fn unit_names_round_trip() {
        for unit in TimeUnit::ALL {
            assert_eq!(TimeUnit::parse("unit", unit.as_str()), Ok(unit));
            assert_eq!(TimeUnit::parse("unit", unit.abbreviation()), Ok(unit));
        }
    }
}
