//! The options of the flow functions as the bindings call them: one struct per
//! function (or per group of functions with the same options), each `Default` holding
//! the defaults every language uses. The Rust functions keep their explicit
//! parameters; these structs are what Python's keywords and JavaScript's options
//! object are read into.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

use super::period::{check_period, Measure, Period};
use super::stats::DurationKind;
use super::timeline::Counting;

/// The options of [`item_timelines`](super::item_timelines).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct TimelinesOptions {
    /// How spans become days: "elapsed" (the default: calendar days, same day = 0, as
    /// jira-agile-metrics), "inclusive" (same day = 1) or "exact" (fractional days).
    pub counting: Counting,
    /// A status that no column maps and `cancelled` does not name: "error" (the
    /// default) refuses it, naming the item and the status; "ignore" leaves the item
    /// where it was, as jira-agile-metrics does, and lists it in `unmapped_statuses`.
    pub unmapped: Unmapped,
}

/// The other options at their defaults: `item_timelines(…, Counting::Exact)` reads as
/// it always did.
impl From<Counting> for TimelinesOptions {
    fn from(counting: Counting) -> Self {
        TimelinesOptions {
            counting,
            ..TimelinesOptions::default()
        }
    }
}

impl From<&TimelinesOptions> for TimelinesOptions {
    fn from(options: &TimelinesOptions) -> Self {
        options.clone()
    }
}

/// What [`item_timelines`](super::item_timelines) does with a status no column maps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Unmapped {
    /// An error naming the field (`items[3].transitions[2].to`) and the status: an
    /// unknown status would otherwise leave an item where it was, perhaps in progress
    /// forever (the default).
    #[default]
    Error,
    /// Moves to it are ignored (the item stays where it was) and the status is listed
    /// in [`Timelines::unmapped_statuses`](super::Timelines::unmapped_statuses), as in
    /// jira-agile-metrics.
    Ignore,
}

/// The options of [`throughput`](super::throughput).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ThroughputOptions {
    /// The period: "day", "week" (ISO, Monday to Sunday; the default) or
    /// `"week_<weekday>"` for weeks closing on that day ("week_monday").
    #[serde(deserialize_with = "deserialize_period")]
    #[cfg_attr(feature = "schema", schemars(with = "FlowPeriod"))]
    pub period: Period,
    /// Count "items" (the default) or their "points".
    pub measure: Measure,
    /// The first day of the range; by default the first finish.
    pub start: Option<NaiveDate>,
    /// The last day of the range; by default the last finish.
    pub end: Option<NaiveDate>,
}

/// The options of [`net_flow`](super::net_flow).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct NetFlowOptions {
    /// The period: "day", "week" (ISO, Monday to Sunday; the default) or
    /// `"week_<weekday>"` for weeks closing on that day ("week_monday").
    #[serde(deserialize_with = "deserialize_period")]
    #[cfg_attr(feature = "schema", schemars(with = "FlowPeriod"))]
    pub period: Period,
    /// Count "items" (the default) or their "points".
    pub measure: Measure,
}

/// The options of [`cumulative_flow`](super::cumulative_flow) and [`wip`](super::wip).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct MeasureOptions {
    /// Count "items" (the default) or their "points".
    pub measure: Measure,
}

/// The options of [`durations`](super::durations).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct DurationsOptions {
    /// "cycle_time" (committed to done; the default) or "lead_time" (created to done).
    pub kind: DurationKind,
}

/// A flow period by name: a day or a week (`"month"` and unknown names are parse
/// errors naming the option, as [`Period::parse`] and flow's month rule say).
fn deserialize_period<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<Period, D::Error> {
    let text = String::deserialize(deserializer)?;
    Period::parse("period", &text)
        .and_then(check_period)
        .map_err(|err| serde::de::Error::custom(format!("unknown period: {}", err.reason())))
}

/// The period names flow metrics take, for the typings only (serde reads [`Period`],
/// which also takes abbreviations, any case and pandas aliases): the generator writes
/// them as a union of literals.
#[cfg(feature = "schema")]
#[derive(Debug, schemars::JsonSchema)]
#[schemars(rename_all = "snake_case")]
#[allow(dead_code)] // only its schema is used
pub enum FlowPeriod {
    /// One calendar day.
    Day,
    /// The ISO week, Monday to Sunday.
    Week,
    /// Weeks closing on Monday (jira-agile-metrics' default, pandas' `W-MON`).
    WeekMonday,
    /// Weeks closing on Tuesday.
    WeekTuesday,
    /// Weeks closing on Wednesday.
    WeekWednesday,
    /// Weeks closing on Thursday.
    WeekThursday,
    /// Weeks closing on Friday.
    WeekFriday,
    /// Weeks closing on Saturday (Sunday to Saturday, the US week).
    WeekSaturday,
    /// Weeks closing on Sunday (the same as "week").
    WeekSunday,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn defaults_and_bad_names() {
        let options: ThroughputOptions =
            crate::json::options(serde_json::json!({"period": "week_monday"})).unwrap();
        assert_eq!(options.period.to_string(), "week_monday");
        assert_eq!(options.measure, Measure::Items);
        for (text, field) in [("fortnight", "period"), ("month", "period")] {
            let err = crate::json::options::<_, NetFlowOptions>(serde_json::json!({ field: text }))
                .unwrap_err();
            assert_eq!((err.kind(), err.field()), (ErrorKind::Parse, field));
        }
        let err = crate::json::options::<_, TimelinesOptions>(
            serde_json::json!({"counting": "calendar"}),
        )
        .unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Parse, "counting"));
        let err =
            crate::json::options::<_, TimelinesOptions>(serde_json::json!({"unmapped": "warn"}))
                .unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Parse, "unmapped"));
        let options: TimelinesOptions =
            crate::json::options(serde_json::json!({"unmapped": "ignore"})).unwrap();
        assert_eq!(options.unmapped, Unmapped::Ignore);
        assert_eq!(
            TimelinesOptions::from(Counting::Exact).unmapped,
            Unmapped::Error
        );
        assert_eq!(
            serde_json::to_value(DurationsOptions::default()).unwrap(),
            serde_json::json!({"kind": "cycle_time"})
        );
    }
}
