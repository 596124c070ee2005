//! The bindings' `EventLog` class: an [`EncodedLog`] built once from columns, whose
//! methods are the described analytics functions over its columns.
//!
//! Every entry of `analytics!` whose parameters start with `user_ids, times` (and
//! `events`) is also a method of the log: the binding's method macro supplies those
//! parameters from the log ([`Log::user_ids`], [`Log::times`], [`Log::events`]) and
//! runs the entry's body, so a method is the function, minus the columns, with no
//! second description. With `by` (a property of the log) the body runs once over the
//! whole log and once per property value ([`Log::breakdown`]).

use pmkit::analytics::{Breakdown, EncodedLog, EventLog, IdMap, TimeUnit, DEFAULT_MAX_SEGMENTS};
use pmkit::{Error, Result};
use serde::Deserialize;

use crate::columns::{EventIds, EventValues, IdValues, Runner, TimeValues, Times, UserIds, Values};

/// An event log whose text was numbered once, as the bindings' `EventLog` holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Log {
    /// The columns, numbered.
    pub encoded: EncodedLog,
    /// The zone the `times` column carried (an aware column's), applied as its own.
    pub zone: Option<String>,
}

/// The options every method of the log takes besides its function's: a breakdown.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BreakdownOptions {
    /// A property of the log to break the metric down by: one result per value (the `max_segments` values with the most events, the rest pooled as "other") and the total; default none (the metric over the whole log).
    pub by: Option<String>,
    /// At most this many segments before the rest are pooled as "other"; default 25.
    pub max_segments: Option<u64>,
}

impl Log {
    /// The log's user codes as a `user_ids` column.
    pub fn user_ids(&self, run: Runner) -> UserIds<'_> {
        user_ids_of(self.encoded.view().columns().0, run)
    }

    /// The log's times as a `times` column of its unit.
    pub fn times(&self) -> Times<'_> {
        times_of(
            self.encoded.view().columns().1,
            self.encoded.unit(),
            self.zone.clone(),
        )
    }

    /// The log's events as an `events` column, with their names.
    ///
    /// **Errors**: a log built without events ([`Error::InvalidInput`] naming
    /// `events`), when a method needs them.
    pub fn events(&self) -> Result<EventIds<'_>> {
        self.optional_events().ok_or_else(no_events)
    }

    /// The log's events, when it has them (`retention`'s optional column).
    pub fn optional_events(&self) -> Option<EventIds<'_>> {
        let codes = self.encoded.view().columns().2?;
        Some(events_of(codes, self.encoded.event_names()))
    }

    /// `metric` over the whole log and over each value of property `by`, each run
    /// given its own columns (`user_ids`, `times`, `events`).
    ///
    /// **Errors**: as [`EncodedLog::breakdown`]; `max_segments` beyond the cap.
    pub fn breakdown<R>(
        &self,
        options: &BreakdownOptions,
        by: &str,
        run: Runner,
        metric: impl Fn(UserIds<'_>, Times<'_>, Option<EventIds<'_>>) -> Result<R>,
    ) -> Result<Breakdown<R>> {
        let max_segments = match options.max_segments {
            Some(count) => usize::try_from(count).unwrap_or(usize::MAX),
            None => DEFAULT_MAX_SEGMENTS,
        };
        let names = self.encoded.event_names();
        self.encoded
            .breakdown(by, max_segments, |view: &EventLog<'_, u32, i64, u32>| {
                let (users, times, events) = view.columns();
                metric(
                    user_ids_of(users, run),
                    times_of(times, self.encoded.unit(), self.zone.clone()),
                    events.map(|codes| events_of(codes, names)),
                )
            })
    }
}

fn user_ids_of(codes: &[u32], run: Runner) -> UserIds<'_> {
    UserIds {
        values: IdValues::Codes(Values::borrowed(codes)),
        run,
    }
}

fn times_of(times: &[i64], unit: TimeUnit, zone: Option<String>) -> Times<'_> {
    Times {
        values: TimeValues::Whole(Values::borrowed(times)),
        own_unit: Some((unit, format!("the log's {unit}"))),
        zone,
    }
}

fn events_of<'a>(codes: &'a [u32], names: Option<&IdMap>) -> EventIds<'a> {
    EventIds {
        values: EventValues::Codes(Values::borrowed(codes)),
        names: names.cloned(),
    }
}

/// The events a method needs: the log's, or [`Error::InvalidInput`] naming `events`
/// when it was built without them.
pub fn require_events(events: Option<EventIds<'_>>) -> Result<EventIds<'_>> {
    events.ok_or_else(no_events)
}

fn no_events() -> Error {
    Error::invalid(
        "events",
        "the log has no events column; build the EventLog with events to use this metric",
    )
}

/// The result of a method: the metric, or its breakdown when `by` was given.
#[derive(Debug, Clone, PartialEq)]
pub enum MaybeBreakdown<R> {
    /// The metric over the whole log.
    Whole(R),
    /// The metric over the whole log and per property value.
    Breakdown(Breakdown<R>),
}

/// The JSON form: the metric's own, or the breakdown's (`by`, `total`, `segments`).
impl<R: serde::Serialize> serde::Serialize for MaybeBreakdown<R> {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        match self {
            MaybeBreakdown::Whole(result) => result.serialize(serializer),
            MaybeBreakdown::Breakdown(breakdown) => breakdown.serialize(serializer),
        }
    }
}
