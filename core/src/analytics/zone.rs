//! Time zones whose calendar days an event log is read on: IANA names, whose days
//! follow daylight-saving changes, and fixed offsets.

use std::str::FromStr;

use chrono::{DateTime, Offset, TimeZone};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::columns::MAX_UTC_OFFSET_MINUTES;
use crate::{Error, Result};

/// A time zone: an IANA name (`"America/New_York"`, `"Europe/Berlin"`, `"UTC"`), whose
/// offset from UTC changes with daylight saving and history, or a fixed offset
/// (`"+05:30"`, `"-08:00"`, `"+0100"`, as Arrow and ISO 8601 write them).
///
/// A day in a zone runs from local midnight to local midnight, so around a change it
/// lasts 23 or 25 hours. Its JSON form is its name.
///
/// ```
/// use pmkit::analytics::Zone;
///
/// let new_york = Zone::parse("tz", "America/New_York")?;
/// // 2024-03-10 06:59:59 UTC is 01:59:59 EST (−5 h); a second later it is 03:00 EDT (−4 h).
/// assert_eq!(new_york.offset_seconds(1_710_053_999), -5 * 3600);
/// assert_eq!(new_york.offset_seconds(1_710_054_000), -4 * 3600);
/// assert_eq!(Zone::parse("tz", "+05:30")?.offset_seconds(0), 19_800);
/// assert!(Zone::parse("tz", "Mars/Olympus_Mons").is_err());
/// # Ok::<(), pmkit::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Zone(ZoneKind);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ZoneKind {
    /// An IANA zone of the tz database.
    Named(chrono_tz::Tz),
    /// A fixed offset, in seconds east of UTC.
    Fixed(i32),
}

impl Zone {
    /// Reads an IANA name (exact spelling, as the tz database writes it) or a fixed
    /// offset `±HH:MM` / `±HHMM` / `±HH` (at most ±18:00).
    ///
    /// **Errors**: anything else ([`Error::Parse`] naming `field`).
    pub fn parse(field: &str, text: &str) -> Result<Zone> {
        if let Some(seconds) = fixed_offset_seconds(text) {
            if i64::from(seconds.abs()) > MAX_UTC_OFFSET_MINUTES * 60 {
                return Err(Error::parse(
                    field,
                    format!("{text:?} is beyond ±18:00, the widest offset ISO 8601 allows"),
                ));
            }
            return Ok(Zone(ZoneKind::Fixed(seconds)));
        }
        chrono_tz::Tz::from_str(text)
            .map(|zone| Zone(ZoneKind::Named(zone)))
            .map_err(|_| {
                let shown: String = text.chars().take(80).collect();
                Error::parse(
                    field,
                    format!(
                        "{shown:?} is not an IANA time zone name (like \"America/New_York\", \
                         \"Europe/Berlin\", \"UTC\") or a fixed offset (like \"+05:30\")"
                    ),
                )
            })
    }

    /// The zone's name: the IANA name, or the offset as `±HH:MM`.
    pub fn name(&self) -> String {
        match self.0 {
            ZoneKind::Named(zone) => zone.name().to_owned(),
            ZoneKind::Fixed(seconds) => {
                let sign = if seconds < 0 { '-' } else { '+' };
                let minutes = seconds.unsigned_abs() / 60;
                format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
            }
        }
    }

    /// The zone's offset from UTC, in seconds east, at the instant `utc_seconds` (Unix
    /// time). Instants chrono cannot represent (beyond ±262,000 years) get offset 0;
    /// event logs stop at 9999-12-31 long before.
    pub fn offset_seconds(&self, utc_seconds: i64) -> i64 {
        match self.0 {
            ZoneKind::Fixed(seconds) => i64::from(seconds),
            ZoneKind::Named(zone) => DateTime::from_timestamp(utc_seconds, 0).map_or(0, |at| {
                i64::from(
                    zone.offset_from_utc_datetime(&at.naive_utc())
                        .fix()
                        .local_minus_utc(),
                )
            }),
        }
    }
}

/// `±HH:MM`, `±HHMM` or `±HH` in seconds, or `None` when `text` is not of that form.
fn fixed_offset_seconds(text: &str) -> Option<i32> {
    let (sign, rest) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    let digits: String = rest.chars().filter(|&c| c != ':').collect();
    let colons = rest.len() - digits.len();
    let well_formed = digits.bytes().all(|b| b.is_ascii_digit())
        && match digits.len() {
            2 => colons == 0,
            4 => colons == 0 || (colons == 1 && rest.as_bytes().get(2) == Some(&b':')),
            _ => false,
        };
    if !well_formed {
        return None;
    }
    let hours: i32 = digits.get(..2)?.parse().ok()?;
    let minutes: i32 = digits
        .get(2..)
        .filter(|m| !m.is_empty())
        .map_or(Ok(0), str::parse)
        .ok()?;
    if minutes >= 60 {
        return None;
    }
    Some(sign * (hours * 3600 + minutes * 60))
}

impl Serialize for Zone {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.name())
    }
}

impl<'de> Deserialize<'de> for Zone {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Zone, D::Error> {
        let text = String::deserialize(deserializer)?;
        Zone::parse("tz", &text)
            .map_err(|err| serde::de::Error::custom(format!("unknown time zone: {}", err.reason())))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Zone {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Zone".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "An IANA time zone name (\"America/New_York\") or a fixed UTC offset (\"+05:30\")."
        })
    }
}

/// Offsets of recent hours, so a pass over millions of rows asks the tz database once
/// per distinct hour rather than once per row. An hour whose two ends have the same
/// offset has it throughout (changes are rarer than hourly); an hour with a change in
/// it is never cached and each of its instants is looked up exactly.
#[derive(Debug)]
pub(crate) struct OffsetCache {
    zone: Zone,
    hours: Vec<(i64, i64)>,
}

/// Cache slots: hours map to `hour mod SLOTS`, so a log's hours cycle through them.
const SLOTS: usize = 1024;

impl OffsetCache {
    pub fn new(zone: Zone) -> OffsetCache {
        OffsetCache {
            zone,
            hours: vec![(i64::MIN, 0); SLOTS],
        }
    }

    /// The zone's offset at `utc_seconds`, in seconds.
    #[inline]
    pub fn offset_seconds(&mut self, utc_seconds: i64) -> i64 {
        let hour = utc_seconds.div_euclid(3600);
        let slot = hour.rem_euclid(SLOTS as i64) as usize;
        if let Some(&(cached, offset)) = self.hours.get(slot) {
            if cached == hour {
                return offset;
            }
        }
        let start = self.zone.offset_seconds(hour.saturating_mul(3600));
        let end = self
            .zone
            .offset_seconds(hour.saturating_mul(3600).saturating_add(3599));
        if start != end {
            return self.zone.offset_seconds(utc_seconds);
        }
        if let Some(entry) = self.hours.get_mut(slot) {
            *entry = (hour, start);
        }
        start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_offsets_in_every_iso_spelling() {
        for (text, seconds) in [
            ("+05:30", 19_800),
            ("-08:00", -28_800),
            ("+0100", 3600),
            ("-03", -10_800),
            ("+00:00", 0),
        ] {
            assert_eq!(
                Zone::parse("tz", text).unwrap().offset_seconds(0),
                seconds,
                "{text}"
            );
        }
        assert_eq!(Zone::parse("tz", "-08:00").unwrap().name(), "-08:00");
        for bad in [
            "+5", "+05:3", "+05:60", "+19:00", "05:00", "+05::00", "+0a:00", "",
        ] {
            let err = Zone::parse("tz", bad).unwrap_err();
            assert_eq!(err.field(), "tz", "{bad}");
        }
    }

    #[test]
    fn the_cache_agrees_with_the_database_around_changes() {
        let zone = Zone::parse("tz", "Europe/Berlin").unwrap();
        let mut cache = OffsetCache::new(zone);
        // 2024-10-27: 03:00 CEST becomes 02:00 CET at 01:00 UTC; every minute of the day,
        // twice (the second time from the cache).
        let start = 1_729_987_200; // 2024-10-27T00:00:00Z
        for _ in 0..2 {
            for minute in 0..24 * 60 {
                let at = start + minute * 60 - 1;
                assert_eq!(cache.offset_seconds(at), zone.offset_seconds(at), "{at}");
            }
        }
        assert_eq!(zone.offset_seconds(start + 3599), 7200);
        assert_eq!(zone.offset_seconds(start + 3600), 3600);
    }

    #[test]
    fn names_round_trip_through_json() {
        let zone: Zone = serde_json::from_str("\"America/Sao_Paulo\"").unwrap();
        assert_eq!(
            serde_json::to_string(&zone).unwrap(),
            "\"America/Sao_Paulo\""
        );
        assert!(serde_json::from_str::<Zone>("\"america/new york\"").is_err());
    }
}
