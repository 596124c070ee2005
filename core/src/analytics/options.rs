//! The options of the event-log functions: one struct per function (and its `*_counts`
//! twin) holding every optional parameter, defaults included, in the form both bindings
//! read (`#[serde(default, deny_unknown_fields)]`).
//!
//! Each carries the two settings of the columns, `unit` and `utc_offset_minutes`: a
//! binding (or anyone starting from raw columns) reads them when building the
//! [`EventLog`](super::EventLog); the functions themselves take the built log and read
//! the rest.

use serde::{Deserialize, Deserializer, Serialize};

use super::calendar::Period;
use super::churn::DEFAULT_INACTIVE_DAYS;
use super::columns::{whole_number, TimeUnit};
use super::funnel::{FunnelOrder, DEFAULT_WINDOW_SECONDS};
use crate::input;

/// The options of [`active_users`](super::active_users) and
/// [`active_user_counts`](super::active_user_counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ActiveUsersOptions {
    /// The calendar week of the weekly counts: "week" (ISO, Monday–Sunday, the default) or `"week_<weekday>"` (weeks closing on that day).
    #[serde(deserialize_with = "deserialize_period")]
    pub week: Period,
    /// The unit of `times` (see [`TimeUnit`]); default seconds (Python: a datetime64 column's own unit).
    #[serde(deserialize_with = "deserialize_unit")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<UnitName>"))]
    pub unit: Option<TimeUnit>,
    /// The fixed offset from UTC, in whole minutes, whose calendar days are counted; default 0.
    #[serde(deserialize_with = "deserialize_offset")]
    pub utc_offset_minutes: i64,
    /// An IANA time zone ("America/New_York") or fixed offset ("+05:30") whose calendar days are counted, following daylight saving; instead of `utc_offset_minutes`; default the zone of a time-zone-aware `times` column (Python), else UTC.
    pub tz: Option<super::Zone>,
}

impl Default for ActiveUsersOptions {
    fn default() -> Self {
        ActiveUsersOptions {
            week: Period::WEEK,
            unit: None,
            utc_offset_minutes: 0,
            tz: None,
        }
    }
}

/// The options of [`activity_churn`](super::activity_churn) and
/// [`activity_churn_counts`](super::activity_churn_counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ActivityChurnOptions {
    /// The period: "day", "week" (ISO, the default), `"week_<weekday>"` or "month".
    #[serde(deserialize_with = "deserialize_period")]
    pub period: Period,
    /// Days without an event after a period that make an active user churned; default 30.
    #[serde(deserialize_with = "input::deserialize_count")]
    pub inactive_days: u64,
    /// The unit of `times` (see [`TimeUnit`]); default seconds (Python: a datetime64 column's own unit).
    #[serde(deserialize_with = "deserialize_unit")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<UnitName>"))]
    pub unit: Option<TimeUnit>,
    /// The fixed offset from UTC, in whole minutes, whose calendar days are counted; default 0.
    #[serde(deserialize_with = "deserialize_offset")]
    pub utc_offset_minutes: i64,
    /// An IANA time zone ("America/New_York") or fixed offset ("+05:30") whose calendar days are counted, following daylight saving; instead of `utc_offset_minutes`; default the zone of a time-zone-aware `times` column (Python), else UTC.
    pub tz: Option<super::Zone>,
}

impl Default for ActivityChurnOptions {
    fn default() -> Self {
        ActivityChurnOptions {
            period: Period::WEEK,
            inactive_days: DEFAULT_INACTIVE_DAYS,
            unit: None,
            utc_offset_minutes: 0,
            tz: None,
        }
    }
}

/// The options of [`feature_adoption`](super::feature_adoption) and
/// [`feature_adoption_counts`](super::feature_adoption_counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct FeatureAdoptionOptions {
    /// The period: "day", "week" (ISO, the default), `"week_<weekday>"` or "month".
    #[serde(deserialize_with = "deserialize_period")]
    pub period: Period,
    /// The unit of `times` (see [`TimeUnit`]); default seconds (Python: a datetime64 column's own unit).
    #[serde(deserialize_with = "deserialize_unit")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<UnitName>"))]
    pub unit: Option<TimeUnit>,
    /// The fixed offset from UTC, in whole minutes, whose calendar days are counted; default 0.
    #[serde(deserialize_with = "deserialize_offset")]
    pub utc_offset_minutes: i64,
    /// An IANA time zone ("America/New_York") or fixed offset ("+05:30") whose calendar days are counted, following daylight saving; instead of `utc_offset_minutes`; default the zone of a time-zone-aware `times` column (Python), else UTC.
    pub tz: Option<super::Zone>,
}

impl Default for FeatureAdoptionOptions {
    fn default() -> Self {
        FeatureAdoptionOptions {
            period: Period::WEEK,
            unit: None,
            utc_offset_minutes: 0,
            tz: None,
        }
    }
}

/// The options of [`event_funnel`](super::event_funnel) and
/// [`event_funnel_counts`](super::event_funnel_counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct EventFunnelOptions {
    /// Seconds from entering the funnel within which the later steps count; default 30 days (2 592 000).
    #[serde(deserialize_with = "input::deserialize_count")]
    pub window_seconds: u64,
    /// "sequential" (each step after the previous, the default) or "any_order".
    pub order: FunnelOrder,
    /// The unit of `times` (see [`TimeUnit`]); default seconds (Python: a datetime64 column's own unit).
    #[serde(deserialize_with = "deserialize_unit")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<UnitName>"))]
    pub unit: Option<TimeUnit>,
    /// The fixed offset from UTC, in whole minutes, whose calendar days are counted; default 0.
    #[serde(deserialize_with = "deserialize_offset")]
    pub utc_offset_minutes: i64,
    /// An IANA time zone ("America/New_York") or fixed offset ("+05:30") whose calendar days are counted, following daylight saving; instead of `utc_offset_minutes`; default the zone of a time-zone-aware `times` column (Python), else UTC.
    pub tz: Option<super::Zone>,
}

impl Default for EventFunnelOptions {
    fn default() -> Self {
        EventFunnelOptions {
            window_seconds: DEFAULT_WINDOW_SECONDS,
            order: FunnelOrder::default(),
            unit: None,
            utc_offset_minutes: 0,
            tz: None,
        }
    }
}

/// The options of [`stickiness_histogram`](super::stickiness_histogram) and
/// [`stickiness_counts`](super::stickiness_counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct StickinessOptions {
    /// The period: "day", "week" (ISO, the default), `"week_<weekday>"` or "month".
    #[serde(deserialize_with = "deserialize_period")]
    pub period: Period,
    /// The unit of `times` (see [`TimeUnit`]); default seconds (Python: a datetime64 column's own unit).
    #[serde(deserialize_with = "deserialize_unit")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<UnitName>"))]
    pub unit: Option<TimeUnit>,
    /// The fixed offset from UTC, in whole minutes, whose calendar days are counted; default 0.
    #[serde(deserialize_with = "deserialize_offset")]
    pub utc_offset_minutes: i64,
    /// An IANA time zone ("America/New_York") or fixed offset ("+05:30") whose calendar days are counted, following daylight saving; instead of `utc_offset_minutes`; default the zone of a time-zone-aware `times` column (Python), else UTC.
    pub tz: Option<super::Zone>,
}

impl Default for StickinessOptions {
    fn default() -> Self {
        StickinessOptions {
            period: Period::WEEK,
            unit: None,
            utc_offset_minutes: 0,
            tz: None,
        }
    }
}

/// The options of [`user_lifecycle`](super::user_lifecycle) and
/// [`user_lifecycle_counts`](super::user_lifecycle_counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct UserLifecycleOptions {
    /// The period: "day", "week" (ISO, the default), `"week_<weekday>"` or "month".
    #[serde(deserialize_with = "deserialize_period")]
    pub period: Period,
    /// The unit of `times` (see [`TimeUnit`]); default seconds (Python: a datetime64 column's own unit).
    #[serde(deserialize_with = "deserialize_unit")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<UnitName>"))]
    pub unit: Option<TimeUnit>,
    /// The fixed offset from UTC, in whole minutes, whose calendar days are counted; default 0.
    #[serde(deserialize_with = "deserialize_offset")]
    pub utc_offset_minutes: i64,
    /// An IANA time zone ("America/New_York") or fixed offset ("+05:30") whose calendar days are counted, following daylight saving; instead of `utc_offset_minutes`; default the zone of a time-zone-aware `times` column (Python), else UTC.
    pub tz: Option<super::Zone>,
}

impl Default for UserLifecycleOptions {
    fn default() -> Self {
        UserLifecycleOptions {
            period: Period::WEEK,
            unit: None,
            utc_offset_minutes: 0,
            tz: None,
        }
    }
}

/// A period by name (`"day"`, `"week"`, `"week_<weekday>"`, `"month"`); an unknown name
/// is a parse error, as [`Period::parse`] says.
pub(crate) fn deserialize_period<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<Period, D::Error> {
    let text = String::deserialize(deserializer)?;
    Period::parse("period", &text)
        .map_err(|err| serde::de::Error::custom(format!("unknown period: {}", err.reason())))
}

/// The schema of the `unit` option: a [`TimeUnit`] by name or by its numpy
/// abbreviation, as [`deserialize_unit`] reads it (results name units in full).
#[cfg(feature = "schema")]
pub(crate) struct UnitName;

#[cfg(feature = "schema")]
impl schemars::JsonSchema for UnitName {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "TimeUnitName".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut names: Vec<&str> = TimeUnit::ALL.iter().map(|unit| unit.as_str()).collect();
        names.extend(TimeUnit::ALL.iter().map(|unit| unit.abbreviation()));
        schemars::json_schema!({
            "type": "string",
            "enum": names,
            "description": "The unit of a times column by name or numpy abbreviation: \"days\" (\"D\"), \"seconds\" (\"s\"), \"milliseconds\" (\"ms\"), \"microseconds\" (\"us\") or \"nanoseconds\" (\"ns\").",
        })
    }
}

/// The schema of an event in a result: its code, or the event name a Python call was
/// given when its events column held names (the binding reports the name).
#[cfg(feature = "schema")]
pub(crate) struct EventLabel;

#[cfg(feature = "schema")]
impl schemars::JsonSchema for EventLabel {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "EventLabel".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "anyOf": [{ "type": "integer", "minimum": 0 }, { "type": "string" }],
            "description": "An event code, or (Python) the event name the call was given when its events column held names.",
        })
    }
}

/// A time unit by name or abbreviation (`"milliseconds"` or `"ms"`, see [`TimeUnit::parse`]).
pub(crate) fn deserialize_unit<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<Option<TimeUnit>, D::Error> {
    let text: Option<String> = Option::deserialize(deserializer)?;
    text.map(|text| {
        TimeUnit::parse("unit", &text).map_err(|err| serde::de::Error::custom(err.reason()))
    })
    .transpose()
}

/// A whole number of minutes (`60.0` reads as 60; `1.5` is an error).
pub(crate) fn deserialize_offset<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<i64, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Number {
        Whole(i64),
        Float(f64),
    }
    match Number::deserialize(deserializer)? {
        Number::Whole(minutes) => Ok(minutes),
        Number::Float(minutes) => {
            whole_number("", minutes).map_err(|err| serde::de::Error::custom(err.reason()))
        }
    }
}

/// An event code: a whole number from 0 to 2^32 − 1, or none.
pub(crate) fn deserialize_event<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<Option<u32>, D::Error> {
    input::deserialize_optional_count(deserializer)?
        .map(|code| {
            u32::try_from(code).map_err(|_| {
                serde::de::Error::custom(format!("{code} is larger than {}", u32::MAX))
            })
        })
        .transpose()
}

/// Whether the offset is the default, 0 (left out of the JSON form of results).
pub(crate) fn is_zero(minutes: &i64) -> bool {
    *minutes == 0
}
