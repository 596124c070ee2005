//! Product analytics over event logs (`pmkit::analytics`): the table, and the work its
//! entries run on the columns the bindings read ([`crate::columns`]).
//!
//! A metric's entry takes the columns as parameters (`user_ids: $crate::UserIds`,
//! `times: $crate::Times`) and its core options struct, whose `unit` and
//! `utc_offset_minutes` say how to read the times (a datetime64 column's own unit wins,
//! and an explicit `unit` that disagrees is an error: [`Times::unit`]). The functions
//! below build the core `EventLog` over the columns' slices and run the metric through
//! the binding's [`Runner`](crate::columns::Runner).
//!
//! Event parameters (`feature`, `steps`) are codes, or names when the `events` column
//! holds names; a result made from names reports them ([`Named`]).
//!
//! `retention` and `retention_counts` take their `events` column and event parameters
//! as options read by the bindings' readers (the `{ events: …, start_event: … }` after
//! their options struct, see the crate docs): [`retention`] and [`retention_counts`]
//! read `start_event` and `return_event` ([`RetentionEvents`]) against the optional
//! column.
//!
//! Files: this one holds the table and the work shared by every metric (partial
//! counts, the log over the columns); `events.rs` the metrics with event parameters;
//! `retention.rs` retention; `tests.rs` the unit tests.

use pmkit::analytics::{
    self as core, ActiveUsersOptions, ActivityChurnOptions, EventFunnelOptions, EventLog,
    EventValue, FeatureAdoptionOptions, IdMap, RetentionOptions, StickinessOptions, TimeUnit,
    TimeValue, UserIdValue, UserLifecycleOptions, Zone,
};
use pmkit::{Error, Result};
use std::borrow::Cow;

use crate::columns::{Event, EventIds, EventValues, IdValues, Runner, TimeValues, Times, UserIds};

/// Hands every described `pmkit::analytics` function to `$callback` (see the crate docs).
#[macro_export]
macro_rules! analytics {
    ($callback:ident) => {
        $callback! {
            /// DAU, rolling WAU (7 days) and MAU (30 days) per day, DAU/MAU stickiness, and
            /// distinct users per calendar `week` (ISO by default) and month. Times are
            /// seconds since the epoch unless `unit` says otherwise (a datetime64 column
            /// carries its own); calendar days are UTC, or local to a fixed
            /// `utc_offset_minutes`. An empty log is an `undefined` error.
            fn active_users / activeUsers (user_ids: $crate::UserIds, times: $crate::Times; options: pmkit::analytics::ActiveUsersOptions) -> pmkit::analytics::ActiveUsers {
                user_ids
                    .not_empty()
                    .and_then(|()| $crate::analytics::active_user_counts(&user_ids, &times, &options))
                    .and_then(|counts| counts.finish())
            }
            /// Partial counts of `active_users` for a shard of users (empty shards
            /// allowed); merge them with `merge_counts`.
            fn active_user_counts / activeUserCounts (user_ids: $crate::UserIds, times: $crate::Times; options: pmkit::analytics::ActiveUsersOptions) -> $crate::analytics::Partial {
                $crate::analytics::active_user_counts(&user_ids, &times, &options)
                    .map(|counts| $crate::analytics::Partial::of(pmkit::analytics::Counts::ActiveUsers(counts)))
            }
            /// Churn from activity: per calendar `period`, the users active in it who had
            /// no event in the `inactive_days` after it ended (null/None while not yet
            /// observable), with churn and retention rates.
            fn activity_churn / activityChurn (user_ids: $crate::UserIds, times: $crate::Times; options: pmkit::analytics::ActivityChurnOptions) -> pmkit::analytics::Churn {
                user_ids
                    .not_empty()
                    .and_then(|()| $crate::analytics::activity_churn_counts(&user_ids, &times, &options))
                    .and_then(|counts| counts.finish())
            }
            /// Partial counts of `activity_churn` for a shard of users.
            fn activity_churn_counts / activityChurnCounts (user_ids: $crate::UserIds, times: $crate::Times; options: pmkit::analytics::ActivityChurnOptions) -> $crate::analytics::Partial {
                $crate::analytics::activity_churn_counts(&user_ids, &times, &options)
                    .map(|counts| $crate::analytics::Partial::of(pmkit::analytics::Counts::ActivityChurn(counts)))
            }
            /// Feature adoption per calendar `period`: users of the `feature` event over
            /// active users, cumulative adoption, and days from a user's first event to
            /// their first use. `feature` is an event code, or a name when `events` holds
            /// names (the result's `feature` is then that name); a name `events` does not
            /// hold, or a name where `events` holds codes (or the reverse), is an
            /// `invalid_input` error naming `feature`.
            fn feature_adoption / featureAdoption (user_ids: $crate::UserIds, times: $crate::Times, events: $crate::EventIds, feature: $crate::Event; options: pmkit::analytics::FeatureAdoptionOptions) -> $crate::analytics::Named<pmkit::analytics::Adoption> {
                $crate::analytics::feature_adoption(&user_ids, &times, &events, &feature, &options)
            }
            /// Partial counts of `feature_adoption` for a shard of users. An event name the
            /// shard does not hold counts no one (another shard may hold it).
            fn feature_adoption_counts / featureAdoptionCounts (user_ids: $crate::UserIds, times: $crate::Times, events: $crate::EventIds, feature: $crate::Event; options: pmkit::analytics::FeatureAdoptionOptions) -> $crate::analytics::Partial {
                $crate::analytics::feature_adoption_counts(&user_ids, &times, &events, &feature, &options)
            }
            /// A conversion funnel: users reaching each of `steps` within `window_seconds`
            /// (default 30 days) of entering, in order ("sequential") or in any order
            /// ("any_order"), with per-step and overall conversion and the median seconds
            /// between steps. `steps` are event codes, or names when `events` holds names
            /// (the result's `steps` are then those names).
            fn event_funnel / eventFunnel (user_ids: $crate::UserIds, times: $crate::Times, events: $crate::EventIds, steps: Vec<$crate::Event>; options: pmkit::analytics::EventFunnelOptions) -> $crate::analytics::Named<pmkit::analytics::Funnel> {
                $crate::analytics::event_funnel(&user_ids, &times, &events, &steps, &options)
            }
            /// Partial counts of `event_funnel` for a shard of users. An event name the
            /// shard does not hold counts no one (another shard may hold it).
            fn event_funnel_counts / eventFunnelCounts (user_ids: $crate::UserIds, times: $crate::Times, events: $crate::EventIds, steps: Vec<$crate::Event>; options: pmkit::analytics::EventFunnelOptions) -> $crate::analytics::Partial {
                $crate::analytics::event_funnel_counts(&user_ids, &times, &events, &steps, &options)
            }
            /// The retention matrix: cohorts by calendar `period` ("day", "week",
            /// "week_<weekday>", "month") of first activity ("first_time") or of every
            /// activity ("recurring"), and the distinct users of each returning in period
            /// k ("on") or in k or later ("on_or_after"), as counts and rates, with the
            /// weighted-average row over complete periods. Cells after the log's last day
            /// are null/None. `start_event` and `return_event` restrict cohorts and
            /// returns to one event; a name `events` does not hold, a name when it holds
            /// codes (or the reverse), or either without `events` is an `invalid_input`
            /// error naming the option. An empty log is an `undefined` error.
            fn retention / retention (user_ids: $crate::UserIds, times: $crate::Times; options: pmkit::analytics::RetentionOptions {
                /// The events column (codes, or names), needed by `start_event` and `return_event`.
                events: $crate::EventIds,
                /// The event that puts a user in a cohort: a code, or a name when `events` holds names (the result's `options` then report the name); default any event.
                start_event: $crate::Event,
                /// The event that counts as returning: a code, or a name when `events` holds names; default any event.
                return_event: $crate::Event,
            }) -> $crate::analytics::Named<pmkit::analytics::Retention> {
                let given = $crate::analytics::RetentionEvents { start_event, return_event };
                user_ids
                    .not_empty()
                    .and_then(|()| $crate::analytics::retention(&user_ids, &times, events.as_ref(), &given, &options))
            }
            /// Partial counts of `retention` for a shard of users (empty shards allowed).
            /// An event name the shard does not hold counts no one (another shard may
            /// hold it).
            fn retention_counts / retentionCounts (user_ids: $crate::UserIds, times: $crate::Times; options: pmkit::analytics::RetentionOptions {
                /// The events column (codes, or names), needed by `start_event` and `return_event`.
                events: $crate::EventIds,
                /// The event that puts a user in a cohort: a code, or a name when `events` holds names; default any event.
                start_event: $crate::Event,
                /// The event that counts as returning: a code, or a name when `events` holds names; default any event.
                return_event: $crate::Event,
            }) -> $crate::analytics::Partial {
                let given = $crate::analytics::RetentionEvents { start_event, return_event };
                $crate::analytics::retention_counts(&user_ids, &times, events.as_ref(), &given, &options)
            }
            /// The stickiness histogram: per calendar `period`, the users active on exactly
            /// k days of it (`users[p][k - 1]`) and on at least k days (`at_least`).
            fn stickiness_histogram / stickinessHistogram (user_ids: $crate::UserIds, times: $crate::Times; options: pmkit::analytics::StickinessOptions) -> pmkit::analytics::StickinessHistogram {
                user_ids
                    .not_empty()
                    .and_then(|()| $crate::analytics::stickiness_counts(&user_ids, &times, &options))
                    .and_then(|counts| counts.finish())
            }
            /// Partial counts of `stickiness_histogram` for a shard of users.
            fn stickiness_counts / stickinessCounts (user_ids: $crate::UserIds, times: $crate::Times; options: pmkit::analytics::StickinessOptions) -> $crate::analytics::Partial {
                $crate::analytics::stickiness_counts(&user_ids, &times, &options)
                    .map(|counts| $crate::analytics::Partial::of(pmkit::analytics::Counts::StickinessHistogram(counts)))
            }
            /// The lifecycle of users per calendar `period`: each active user is new (first
            /// period in the log), returning (also active the period before) or
            /// resurrecting (back after a gap); users active the period before but not in
            /// this one are dormant. With the growth quick ratio
            /// `(new + resurrecting) / dormant` (null/None when no one went dormant).
            fn user_lifecycle / userLifecycle (user_ids: $crate::UserIds, times: $crate::Times; options: pmkit::analytics::UserLifecycleOptions) -> pmkit::analytics::UserLifecycle {
                user_ids
                    .not_empty()
                    .and_then(|()| $crate::analytics::user_lifecycle_counts(&user_ids, &times, &options))
                    .and_then(|counts| counts.finish())
            }
            /// Partial counts of `user_lifecycle` for a shard of users.
            fn user_lifecycle_counts / userLifecycleCounts (user_ids: $crate::UserIds, times: $crate::Times; options: pmkit::analytics::UserLifecycleOptions) -> $crate::analytics::Partial {
                $crate::analytics::user_lifecycle_counts(&user_ids, &times, &options)
                    .map(|counts| $crate::analytics::Partial::of(pmkit::analytics::Counts::UserLifecycle(counts)))
            }
            /// The sum of partial counts from shards partitioned by user (each user in one
            /// shard), of one metric made with the same options and event names.
            fn merge_counts / mergeCounts (parts: Vec<$crate::analytics::Partial>) -> $crate::analytics::Partial {
                $crate::analytics::merge(&parts)
            }
            /// The metric that (merged) partial counts describe.
            fn finish_counts / finishCounts (counts: $crate::analytics::Partial) -> $crate::analytics::Finished {
                counts.finish()
            }
            /// Dense integer codes for text ids (user ids, event names), in order of first
            /// appearance, continuing `known` (the `ids` of an earlier call) so codes stay
            /// the same across batches.
            fn encode_ids / encodeIds (values: Vec<String>; options: pmkit::analytics::EncodeIdsOptions) -> pmkit::analytics::EncodedIds {
                pmkit::analytics::encode_ids(&values, &options.known)
            }
            /// A small, deterministic event log: 120 users over eight ISO weeks of 2026
            /// (2026-01-05 to 2026-03-01), times in seconds.
            fn sample_events / sampleEvents () -> pmkit::analytics::SampleEvents {
                Ok(pmkit::analytics::sample_events())
            }
        }
    };
}

/// Partial counts of one metric for a shard of users, as the `*_counts` functions give
/// them: the core [`Counts`](core::Counts) and, when the call was given event names,
/// the names its event codes stand for (code `k` is `event_names[k]`). Python gives it
/// back as its `Counts` class; JavaScript as the counts' JSON form.
#[derive(Debug, Clone, PartialEq)]
pub struct Partial {
    /// The counts.
    pub counts: core::Counts,
    /// The event names the counts' event codes stand for, if names were given.
    pub event_names: Option<Vec<String>>,
}

impl Partial {
    /// Counts of event codes (no names).
    pub fn of(counts: core::Counts) -> Self {
        Partial {
            counts,
            event_names: None,
        }
    }
}

/// The JSON form of the counts (event codes as codes).
impl serde::Serialize for Partial {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        self.counts.serialize(serializer)
    }
}

impl Partial {
    /// The metric these counts describe, reporting the same event names.
    pub fn finish(&self) -> Result<Finished> {
        Ok(Finished {
            metric: self.counts.finish()?,
            event_names: self.event_names.clone(),
        })
    }
}

/// A finished metric (`finish_counts`), with the event names its event codes stand for
/// when the counts were made from names. Python gives it back as the metric's result
/// class; JavaScript as its JSON form.
#[derive(Debug, Clone, PartialEq)]
pub struct Finished {
    /// The metric.
    pub metric: core::Metric,
    /// The event names its event codes stand for, if names were given.
    pub event_names: Option<Vec<String>>,
}

/// The JSON form of the metric (event codes as codes).
impl serde::Serialize for Finished {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        self.metric.serialize(serializer)
    }
}

/// The sum of partial counts (`merge_counts`): the core's merge, and the parts' event
/// names, which must agree ([`same_names`], naming `parts[i]`).
pub fn merge(parts: &[Partial]) -> Result<Partial> {
    let mut names = None;
    for (index, part) in parts.iter().enumerate() {
        names = same_names(&format!("parts[{index}]"), names, part.event_names.clone())?;
    }
    let counts: Vec<core::Counts> = parts.iter().map(|part| part.counts.clone()).collect();
    Ok(Partial {
        counts: core::merge_counts(&counts)?,
        event_names: names,
    })
}

/// The event names of two shards' counts: the same, or one side's when the other has
/// none (counts read from their JSON form carry none); [`Error::InvalidInput`] naming
/// `field` when they differ.
pub fn same_names(
    field: &str,
    ours: Option<Vec<String>>,
    theirs: Option<Vec<String>>,
) -> Result<Option<Vec<String>>> {
    match (ours, theirs) {
        (Some(ours), Some(theirs)) if ours != theirs => Err(Error::invalid(
            field,
            format!("counts of events {theirs:?}, not {ours:?}; use the same event names"),
        )),
        (ours, theirs) => Ok(ours.or(theirs)),
    }
}

/// How a metric reads the `times` column: the options' `unit`, `utc_offset_minutes`
/// and `tz`, which every analytics options struct carries.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Clock {
    /// The unit option (the column's own unit wins: [`Times::unit`]).
    pub unit: Option<TimeUnit>,
    /// A fixed offset of calendar days from UTC, in minutes.
    pub utc_offset_minutes: i64,
    /// A time zone of calendar days.
    pub tz: Option<Zone>,
}

impl Clock {
    /// The clock of an options struct's three fields.
    pub fn of(unit: Option<TimeUnit>, utc_offset_minutes: i64, tz: Option<Zone>) -> Clock {
        Clock {
            unit,
            utc_offset_minutes,
            tz,
        }
    }

    /// This clock, or, when it names neither a zone nor an offset, the zone the `times`
    /// column carries (an Arrow timestamp's or a time-zone-aware pandas column's): an
    /// aware column is read on its own calendar days unless the call says otherwise.
    ///
    /// **Errors**: a column zone pmkit cannot read ([`Error::Parse`] naming `times`,
    /// suggesting `tz`).
    fn or_column_zone(self, times: &Times<'_>) -> Result<Clock> {
        if self.tz.is_some() || self.utc_offset_minutes != 0 {
            return Ok(self);
        }
        let Some(name) = &times.zone else {
            return Ok(self);
        };
        let zone = Zone::parse("times", name).map_err(|_| {
            Error::parse(
                "times",
                format!(
                    "carry the time zone {name:?}, which is not an IANA name or a fixed offset; \
                     give tz (\"UTC\" for UTC days) to say which days to count"
                ),
            )
        })?;
        Ok(Clock {
            tz: Some(zone),
            ..self
        })
    }

    /// `log` read on this clock's calendar days.
    fn read<'a, U: UserIdValue, T: TimeValue, E: EventValue>(
        &self,
        log: EventLog<'a, U, T, E>,
    ) -> Result<EventLog<'a, U, T, E>> {
        let log = log.with_utc_offset_minutes(self.utc_offset_minutes)?;
        match self.tz {
            Some(zone) => log.with_time_zone(zone),
            None => Ok(log),
        }
    }
}

/// A metric run over an event log of any column types.
trait LogWork: Sync {
    type Output: Send;

    fn run<U: UserIdValue, T: TimeValue, E: EventValue>(
        &self,
        log: &EventLog<'_, U, T, E>,
    ) -> Result<Self::Output>;
}

/// A [`LogWork`] that calls one core function with its options.
macro_rules! log_work {
    ($name:ident($options:ty) -> $output:ty = $metric:path) => {
        struct $name<'o>(&'o $options);

        impl LogWork for $name<'_> {
            type Output = $output;

            fn run<U: UserIdValue, T: TimeValue, E: EventValue>(
                &self,
                log: &EventLog<'_, U, T, E>,
            ) -> Result<$output> {
                $metric(log, self.0)
            }
        }
    };
}

log_work!(ActiveCounts(ActiveUsersOptions) -> core::ActiveUserCounts = core::active_user_counts);
log_work!(ChurnCounts(ActivityChurnOptions) -> core::ChurnCounts = core::activity_churn_counts);
log_work!(StickinessCounts(StickinessOptions) -> core::StickinessCounts = core::stickiness_counts);
log_work!(RetentionCounts(RetentionOptions) -> core::RetentionCounts = core::retention_counts);
log_work!(LifecycleCounts(UserLifecycleOptions) -> core::UserLifecycleCounts = core::user_lifecycle_counts);

/// The partial counts of `active_users` over the columns.
pub fn active_user_counts(
    user_ids: &UserIds<'_>,
    times: &Times<'_>,
    options: &ActiveUsersOptions,
) -> Result<core::ActiveUserCounts> {
    over_log(
        user_ids,
        times,
        Clock::of(options.unit, options.utc_offset_minutes, options.tz),
        &ActiveCounts(options),
    )
}

/// The partial counts of `activity_churn` over the columns.
pub fn activity_churn_counts(
    user_ids: &UserIds<'_>,
    times: &Times<'_>,
    options: &ActivityChurnOptions,
) -> Result<core::ChurnCounts> {
    over_log(
        user_ids,
        times,
        Clock::of(options.unit, options.utc_offset_minutes, options.tz),
        &ChurnCounts(options),
    )
}

/// The partial counts of `stickiness_histogram` over the columns.
pub fn stickiness_counts(
    user_ids: &UserIds<'_>,
    times: &Times<'_>,
    options: &StickinessOptions,
) -> Result<core::StickinessCounts> {
    over_log(
        user_ids,
        times,
        Clock::of(options.unit, options.utc_offset_minutes, options.tz),
        &StickinessCounts(options),
    )
}

/// The partial counts of `user_lifecycle` over the columns.
pub fn user_lifecycle_counts(
    user_ids: &UserIds<'_>,
    times: &Times<'_>,
    options: &UserLifecycleOptions,
) -> Result<core::UserLifecycleCounts> {
    over_log(
        user_ids,
        times,
        Clock::of(options.unit, options.utc_offset_minutes, options.tz),
        &LifecycleCounts(options),
    )
}

/// `work` over the log of `user_ids` and `times`, read in the unit the column and the
/// `unit` option agree on, on the days of `utc_offset_minutes`.
///
/// Each binding reads both columns with the same element kind (Python whole numbers,
/// JavaScript floats), so one log type per binding and id type is built; a mixed pair
/// reads its float column as whole numbers once.
fn over_log<W: LogWork>(
    user_ids: &UserIds<'_>,
    times: &Times<'_>,
    clock: Clock,
    work: &W,
) -> Result<W::Output> {
    let unit = times.unit(clock.unit)?;
    let run = user_ids.run;
    let offset = clock.or_column_zone(times)?;
    match (&user_ids.values, &times.values) {
        (IdValues::Signed(ids), TimeValues::Whole(times)) => {
            run_on(run, ids.as_slice(), times.as_slice(), unit, offset, work)
        }
        (IdValues::Unsigned(ids), TimeValues::Whole(times)) => {
            run_on(run, ids.as_slice(), times.as_slice(), unit, offset, work)
        }
        (IdValues::Float(ids), TimeValues::Float(times)) => {
            run_on(run, ids.as_slice(), times.as_slice(), unit, offset, work)
        }
        (IdValues::Signed(ids), TimeValues::Float(times)) => {
            let times = core::whole_numbers("times", times.as_slice())?;
            run_on(run, ids.as_slice(), &times, unit, offset, work)
        }
        (IdValues::Unsigned(ids), TimeValues::Float(times)) => {
            let times = core::whole_numbers("times", times.as_slice())?;
            run_on(run, ids.as_slice(), &times, unit, offset, work)
        }
        (IdValues::Float(ids), TimeValues::Whole(times)) => {
            let ids = core::whole_numbers("user_ids", ids.as_slice())?;
            run_on(run, &ids, times.as_slice(), unit, offset, work)
        }
        (IdValues::Codes(ids), TimeValues::Whole(times)) => {
            run_on(run, ids.as_slice(), times.as_slice(), unit, offset, work)
        }
        (IdValues::Codes(ids), TimeValues::Float(times)) => {
            let times = core::whole_numbers("times", times.as_slice())?;
            run_on(run, ids.as_slice(), &times, unit, offset, work)
        }
    }
}

fn run_on<U: UserIdValue, T: TimeValue, W: LogWork>(
    run: Runner,
    user_ids: &[U],
    times: &[T],
    unit: TimeUnit,
    clock: Clock,
    work: &W,
) -> Result<W::Output> {
    let log = clock.read(EventLog::new(user_ids, times, unit)?)?;
    run_log(run, &log, work)
}

/// [`over_log`] with the `events` column: one log type per binding and id type; a
/// mixed set reads its float columns as whole numbers once.
fn over_log_with_events<W: LogWork>(
    user_ids: &UserIds<'_>,
    times: &Times<'_>,
    events: &EventIds<'_>,
    clock: Clock,
    work: &W,
) -> Result<W::Output> {
    let unit = times.unit(clock.unit)?;
    let run = user_ids.run;
    let offset = clock.or_column_zone(times)?;
    match (&user_ids.values, &times.values, &events.values) {
        (IdValues::Float(ids), TimeValues::Float(times), EventValues::Float(events)) => {
            let columns = (ids.as_slice(), times.as_slice(), events.as_slice());
            run_with_events(run, columns, unit, offset, work)
        }
        // An `EventLog`'s own columns: codes and whole times, read as they are.
        (IdValues::Codes(ids), TimeValues::Whole(times), EventValues::Codes(events)) => {
            let columns = (ids.as_slice(), times.as_slice(), events.as_slice());
            run_with_events(run, columns, unit, offset, work)
        }
        (ids, times, events) => {
            let times: Cow<'_, [i64]> = match times {
                TimeValues::Whole(values) => Cow::Borrowed(values.as_slice()),
                TimeValues::Float(values) => {
                    Cow::Owned(core::whole_numbers("times", values.as_slice())?)
                }
            };
            let events: Cow<'_, [i64]> = match events {
                EventValues::Whole(values) => Cow::Borrowed(values.as_slice()),
                EventValues::Float(values) => {
                    Cow::Owned(core::whole_numbers("events", values.as_slice())?)
                }
                EventValues::Codes(values) => Cow::Owned(
                    values
                        .as_slice()
                        .iter()
                        .map(|&code| i64::from(code))
                        .collect(),
                ),
            };
            match ids {
                IdValues::Signed(ids) => {
                    run_with_events(run, (ids.as_slice(), &times, &events), unit, offset, work)
                }
                IdValues::Unsigned(ids) => {
                    run_with_events(run, (ids.as_slice(), &times, &events), unit, offset, work)
                }
                IdValues::Float(ids) => {
                    let ids = core::whole_numbers("user_ids", ids.as_slice())?;
                    run_with_events(run, (&ids, &times, &events), unit, offset, work)
                }
                IdValues::Codes(ids) => {
                    run_with_events(run, (ids.as_slice(), &times, &events), unit, offset, work)
                }
            }
        }
    }
}

fn run_with_events<U: UserIdValue, T: TimeValue, E: EventValue, W: LogWork>(
    run: Runner,
    (user_ids, times, events): (&[U], &[T], &[E]),
    unit: TimeUnit,
    clock: Clock,
    work: &W,
) -> Result<W::Output> {
    let log = clock
        .read(EventLog::new(user_ids, times, unit)?)?
        .with_events(events)?;
    run_log(run, &log, work)
}

/// `work` over `log`, run by the binding's `run` (Python: with the GIL released).
fn run_log<U: UserIdValue, T: TimeValue, E: EventValue, W: LogWork>(
    run: Runner,
    log: &EventLog<'_, U, T, E>,
    work: &W,
) -> Result<W::Output> {
    let mut output = None;
    run(&mut || output = Some(work.run(log)));
    output.unwrap_or_else(|| {
        Err(Error::invalid(
            "user_ids",
            "the metric was not run (the binding's runner skipped it)",
        ))
    })
}

mod events;
pub mod log;
mod retention;

pub use events::{
    event_funnel, event_funnel_counts, feature_adoption, feature_adoption_counts, Named,
};
pub use retention::{retention, retention_counts, RetentionEvents};

#[cfg(test)]
mod tests;
