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
//! Still hand-written in the bindings: `retention` and `retention_counts` (their
//! `events` column is optional and their event parameters live in the options struct,
//! which the table's grammar cannot say yet). Their binding-neutral part is here
//! already: [`retention`] and [`retention_counts`] read `start_event` and
//! `return_event` ([`RetentionEvents`]) against the optional column.

use pmkit::analytics::{
    self as core, ActiveUsersOptions, ActivityChurnOptions, EventFunnelOptions, EventLog,
    EventValue, FeatureAdoptionOptions, IdMap, RetentionOptions, StickinessOptions, TimeUnit,
    TimeValue, UserIdValue,
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

/// The partial counts of `active_users` over the columns.
pub fn active_user_counts(
    user_ids: &UserIds<'_>,
    times: &Times<'_>,
    options: &ActiveUsersOptions,
) -> Result<core::ActiveUserCounts> {
    over_log(
        user_ids,
        times,
        options.unit,
        options.utc_offset_minutes,
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
        options.unit,
        options.utc_offset_minutes,
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
        options.unit,
        options.utc_offset_minutes,
        &StickinessCounts(options),
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
    unit: Option<TimeUnit>,
    utc_offset_minutes: i64,
    work: &W,
) -> Result<W::Output> {
    let unit = times.unit(unit)?;
    let run = user_ids.run;
    let offset = utc_offset_minutes;
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
    }
}

fn run_on<U: UserIdValue, T: TimeValue, W: LogWork>(
    run: Runner,
    user_ids: &[U],
    times: &[T],
    unit: TimeUnit,
    utc_offset_minutes: i64,
    work: &W,
) -> Result<W::Output> {
    let log = EventLog::new(user_ids, times, unit)?.with_utc_offset_minutes(utc_offset_minutes)?;
    run_log(run, &log, work)
}

/// A result with the event names its event codes stand for, when the call was given
/// names (Python reports them in place of the codes); JavaScript gets its JSON form.
#[derive(Debug, Clone, PartialEq)]
pub struct Named<T> {
    /// The result, event parameters as labels (`k` = the `k`-th name given).
    pub value: T,
    /// The names the labels stand for, if names were given.
    pub event_names: Option<Vec<String>>,
}

/// The JSON form of the result (event codes as codes).
impl<T: serde::Serialize> serde::Serialize for Named<T> {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

/// How a metric's event parameters are read against the `events` column.
///
/// With names, each parameter has two codes: its code in the column (what the core
/// matches rows against) and its *label*, its position among the names the call was
/// given, which the result reports and [`Named`] maps back. Labels do not depend on the
/// order of a shard's rows, so partial counts of shards merge. `shard` says whether the
/// log is one shard of a larger one: a name it does not hold is then a code no row has
/// (zero users), since another shard may hold it; in a whole log it is an error (a
/// misspelling, most often).
struct EventParams {
    column: Option<IdMap>,
    given: IdMap,
    shard: bool,
}

impl EventParams {
    fn new(events: &EventIds<'_>, shard: bool) -> Self {
        EventParams {
            column: events.names.clone(),
            given: IdMap::default(),
            shard,
        }
    }

    /// The column code of one parameter and its label.
    fn code(&mut self, field: &str, event: &Event) -> Result<(u32, u32)> {
        match (&mut self.column, event) {
            (Some(column), Event::Name(name)) => {
                let code = match self.shard {
                    true => column.encode_one(name)?,
                    false => column.code_of(field, name)?,
                };
                Ok((code, self.given.encode_one(name)?))
            }
            (Some(_), Event::Code(code)) => Err(Error::invalid(
                field,
                format!("{code} is a code but events holds names; pass an event name"),
            )),
            (None, Event::Name(name)) => Err(Error::invalid(
                field,
                format!("{name:?} is a name but events holds codes; pass a code, or text events"),
            )),
            (None, Event::Code(code)) => Ok((*code, *code)),
        }
    }

    /// The names the labels stand for (label = position), when names were given.
    fn given(self) -> Option<Vec<String>> {
        match self.column {
            Some(_) if !self.given.is_empty() => Some(self.given.ids().to_vec()),
            _ => None,
        }
    }
}

struct AdoptionCounts<'o>(u32, &'o FeatureAdoptionOptions);

impl LogWork for AdoptionCounts<'_> {
    type Output = core::AdoptionCounts;

    fn run<U: UserIdValue, T: TimeValue, E: EventValue>(
        &self,
        log: &EventLog<'_, U, T, E>,
    ) -> Result<core::AdoptionCounts> {
        core::feature_adoption_counts(log, self.0, self.1)
    }
}

struct FunnelCounts<'o>(Vec<u32>, &'o EventFunnelOptions);

impl LogWork for FunnelCounts<'_> {
    type Output = core::FunnelCounts;

    fn run<U: UserIdValue, T: TimeValue, E: EventValue>(
        &self,
        log: &EventLog<'_, U, T, E>,
    ) -> Result<core::FunnelCounts> {
        core::event_funnel_counts(log, &self.0, self.1)
    }
}

fn adoption_counts(
    user_ids: &UserIds<'_>,
    times: &Times<'_>,
    events: &EventIds<'_>,
    feature: &Event,
    options: &FeatureAdoptionOptions,
    shard: bool,
) -> Result<(core::AdoptionCounts, Option<Vec<String>>)> {
    let mut params = EventParams::new(events, shard);
    let (code, label) = params.code("feature", feature)?;
    let work = AdoptionCounts(code, options);
    let mut counts = over_log_with_events(
        user_ids,
        times,
        events,
        options.unit,
        options.utc_offset_minutes,
        &work,
    )?;
    counts.feature = label;
    Ok((counts, params.given()))
}

/// `feature_adoption` over the columns (an empty log is an error).
pub fn feature_adoption(
    user_ids: &UserIds<'_>,
    times: &Times<'_>,
    events: &EventIds<'_>,
    feature: &Event,
    options: &FeatureAdoptionOptions,
) -> Result<Named<core::Adoption>> {
    user_ids.not_empty()?;
    let (counts, event_names) = adoption_counts(user_ids, times, events, feature, options, false)?;
    Ok(Named {
        value: counts.finish()?,
        event_names,
    })
}

/// `feature_adoption_counts` over the columns (an empty shard is fine).
pub fn feature_adoption_counts(
    user_ids: &UserIds<'_>,
    times: &Times<'_>,
    events: &EventIds<'_>,
    feature: &Event,
    options: &FeatureAdoptionOptions,
) -> Result<Partial> {
    let (counts, event_names) = adoption_counts(user_ids, times, events, feature, options, true)?;
    Ok(Partial {
        counts: core::Counts::FeatureAdoption(counts),
        event_names,
    })
}

fn funnel_counts(
    user_ids: &UserIds<'_>,
    times: &Times<'_>,
    events: &EventIds<'_>,
    steps: &[Event],
    options: &EventFunnelOptions,
    shard: bool,
) -> Result<(core::FunnelCounts, Option<Vec<String>>)> {
    let mut params = EventParams::new(events, shard);
    let (codes, labels): (Vec<u32>, Vec<u32>) = steps
        .iter()
        .enumerate()
        .map(|(index, step)| params.code(&format!("steps[{index}]"), step))
        .collect::<Result<Vec<_>>>()?
        .into_iter()
        .unzip();
    let work = FunnelCounts(codes, options);
    let mut counts = over_log_with_events(
        user_ids,
        times,
        events,
        options.unit,
        options.utc_offset_minutes,
        &work,
    )?;
    counts.steps = labels;
    Ok((counts, params.given()))
}

/// `event_funnel` over the columns (an empty log is an error, after the steps are read).
pub fn event_funnel(
    user_ids: &UserIds<'_>,
    times: &Times<'_>,
    events: &EventIds<'_>,
    steps: &[Event],
    options: &EventFunnelOptions,
) -> Result<Named<core::Funnel>> {
    let (counts, event_names) = funnel_counts(user_ids, times, events, steps, options, false)?;
    user_ids.not_empty()?;
    Ok(Named {
        value: counts.finish()?,
        event_names,
    })
}

/// `event_funnel_counts` over the columns (an empty shard is fine).
pub fn event_funnel_counts(
    user_ids: &UserIds<'_>,
    times: &Times<'_>,
    events: &EventIds<'_>,
    steps: &[Event],
    options: &EventFunnelOptions,
) -> Result<Partial> {
    let (counts, event_names) = funnel_counts(user_ids, times, events, steps, options, true)?;
    Ok(Partial {
        counts: core::Counts::EventFunnel(counts),
        event_names,
    })
}

/// The event parameters of `retention` and `retention_counts` (`start_event`,
/// `return_event`: codes, or names when `events` holds names), which its options carry.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RetentionEvents {
    /// The event that puts a user in a cohort; default any event.
    pub start_event: Option<Event>,
    /// The event that counts as returning; default any event.
    pub return_event: Option<Event>,
}

/// [`retention`] or [`retention_counts`], as the bindings' hand-written functions take
/// them.
pub type RetentionFn<R> = fn(
    &UserIds<'_>,
    &Times<'_>,
    Option<&EventIds<'_>>,
    &RetentionEvents,
    &RetentionOptions,
) -> Result<R>;

/// One optional event parameter of `retention` read against the optional `events`
/// column: its column code and label. Without a column a code goes on to the core, which
/// reports the missing column; a name has nothing to be read against.
fn retention_event(
    params: Option<&mut EventParams>,
    field: &str,
    event: Option<&Event>,
) -> Result<Option<(u32, u32)>> {
    match (event, params) {
        (None, _) => Ok(None),
        (Some(event), Some(params)) => params.code(field, event).map(Some),
        (Some(Event::Code(code)), None) => Ok(Some((*code, *code))),
        (Some(Event::Name(_)), None) => Err(Error::invalid(
            field,
            "needs event codes, but the log has no events column; pass `events`",
        )),
    }
}

fn retention_counts_of(
    user_ids: &UserIds<'_>,
    times: &Times<'_>,
    events: Option<&EventIds<'_>>,
    given: &RetentionEvents,
    options: &RetentionOptions,
    shard: bool,
) -> Result<(core::RetentionCounts, Option<Vec<String>>)> {
    let mut params = events.map(|events| EventParams::new(events, shard));
    let start = retention_event(params.as_mut(), "start_event", given.start_event.as_ref())?;
    let back = retention_event(params.as_mut(), "return_event", given.return_event.as_ref())?;
    let mut options = *options;
    options.start_event = start.map(|(code, _)| code);
    options.return_event = back.map(|(code, _)| code);
    let work = RetentionCounts(&options);
    let (unit, offset) = (options.unit, options.utc_offset_minutes);
    let mut counts = match events {
        Some(events) => over_log_with_events(user_ids, times, events, unit, offset, &work)?,
        None => over_log(user_ids, times, unit, offset, &work)?,
    };
    counts.options.start_event = start.map(|(_, label)| label);
    counts.options.return_event = back.map(|(_, label)| label);
    Ok((counts, params.and_then(EventParams::given)))
}

/// `retention` over the columns (an empty log is an error); `events` is optional, and
/// needed by the event parameters.
pub fn retention(
    user_ids: &UserIds<'_>,
    times: &Times<'_>,
    events: Option<&EventIds<'_>>,
    given: &RetentionEvents,
    options: &RetentionOptions,
) -> Result<Named<core::Retention>> {
    user_ids.not_empty()?;
    let (counts, event_names) =
        retention_counts_of(user_ids, times, events, given, options, false)?;
    Ok(Named {
        value: counts.finish()?,
        event_names,
    })
}

/// `retention_counts` over the columns (an empty shard is fine).
pub fn retention_counts(
    user_ids: &UserIds<'_>,
    times: &Times<'_>,
    events: Option<&EventIds<'_>>,
    given: &RetentionEvents,
    options: &RetentionOptions,
) -> Result<Partial> {
    let (counts, event_names) = retention_counts_of(user_ids, times, events, given, options, true)?;
    Ok(Partial {
        counts: core::Counts::Retention(counts),
        event_names,
    })
}

/// [`over_log`] with the `events` column: one log type per binding and id type; a
/// mixed set reads its float columns as whole numbers once.
fn over_log_with_events<W: LogWork>(
    user_ids: &UserIds<'_>,
    times: &Times<'_>,
    events: &EventIds<'_>,
    unit: Option<TimeUnit>,
    utc_offset_minutes: i64,
    work: &W,
) -> Result<W::Output> {
    let unit = times.unit(unit)?;
    let run = user_ids.run;
    let offset = utc_offset_minutes;
    match (&user_ids.values, &times.values, &events.values) {
        (IdValues::Float(ids), TimeValues::Float(times), EventValues::Float(events)) => {
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
            }
        }
    }
}

fn run_with_events<U: UserIdValue, T: TimeValue, E: EventValue, W: LogWork>(
    run: Runner,
    (user_ids, times, events): (&[U], &[T], &[E]),
    unit: TimeUnit,
    utc_offset_minutes: i64,
    work: &W,
) -> Result<W::Output> {
    let log = EventLog::new(user_ids, times, unit)?
        .with_utc_offset_minutes(utc_offset_minutes)?
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::columns::{in_place, Values};

    fn columns(ids: Vec<i64>, days: Vec<i64>) -> (UserIds<'static>, Times<'static>) {
        let user_ids = UserIds {
            values: IdValues::Signed(Values::owned(ids)),
            run: in_place,
        };
        let times = Times {
            values: TimeValues::Whole(Values::owned(days)),
            own_unit: None,
        };
        (user_ids, times)
    }

    fn options() -> RetentionOptions {
        RetentionOptions {
            unit: Some(TimeUnit::Days),
            ..Default::default()
        }
    }

    /// Names are read against the column and reported as labels: the result is the one
    /// of the same log with codes, but for the labels (positions among the names given).
    #[test]
    fn retention_reads_event_names_as_the_codes_they_stand_for() {
        let (user_ids, times) = columns(vec![1, 2, 1, 3], vec![19002, 19003, 19022, 19015]);
        let names = ["visit", "signup", "purchase", "signup"].map(String::from);
        let mut map = IdMap::default();
        let codes: Vec<i64> = names
            .iter()
            .map(|name| map.encode_one(name).map(i64::from))
            .collect::<Result<_>>()
            .unwrap();
        let by_name = EventIds {
            values: EventValues::Whole(Values::owned(codes.clone())),
            names: Some(map),
        };
        let given = RetentionEvents {
            start_event: Some(Event::Name("signup".into())),
            return_event: Some(Event::Name("purchase".into())),
        };
        let named = retention(&user_ids, &times, Some(&by_name), &given, &options()).unwrap();
        assert_eq!(
            named.event_names,
            Some(vec!["signup".to_owned(), "purchase".to_owned()])
        );
        assert_eq!(named.value.options.start_event, Some(0));
        assert_eq!(named.value.options.return_event, Some(1));

        let by_code = EventIds {
            values: EventValues::Whole(Values::owned(codes)),
            names: None,
        };
        let given = RetentionEvents {
            start_event: Some(Event::Code(1)),
            return_event: Some(Event::Code(2)),
        };
        let coded = retention(&user_ids, &times, Some(&by_code), &given, &options()).unwrap();
        assert_eq!(coded.event_names, None);
        assert_eq!(coded.value.options.start_event, Some(1));
        assert_eq!(coded.value.counts, named.value.counts);
        assert_eq!(coded.value.cohort_sizes, named.value.cohort_sizes);
    }

    #[test]
    fn retention_without_events_runs_on_two_columns_and_refuses_event_names() {
        let (user_ids, times) = columns(vec![1, 2, 1, 3], vec![19002, 19003, 19022, 19015]);
        let plain = retention(
            &user_ids,
            &times,
            None,
            &RetentionEvents::default(),
            &options(),
        );
        assert_eq!(plain.unwrap().value.cohort_sizes, vec![2, 1, 0]);

        let named = RetentionEvents {
            start_event: Some(Event::Name("signup".into())),
            return_event: None,
        };
        let err = retention(&user_ids, &times, None, &named, &options()).unwrap_err();
        assert!(err.to_string().contains("start_event"), "{err}");
        let coded = RetentionEvents {
            start_event: None,
            return_event: Some(Event::Code(0)),
        };
        let err = retention(&user_ids, &times, None, &coded, &options()).unwrap_err();
        assert!(err.to_string().contains("return_event"), "{err}");
    }

    #[test]
    fn retention_counts_of_a_shard_count_an_unknown_name_as_no_one() {
        let (user_ids, times) = columns(vec![1, 2], vec![19002, 19003]);
        let mut map = IdMap::default();
        let code = i64::from(map.encode_one("visit").unwrap());
        let events = EventIds {
            values: EventValues::Whole(Values::owned(vec![code, code])),
            names: Some(map),
        };
        let given = RetentionEvents {
            start_event: Some(Event::Name("signup".into())),
            return_event: None,
        };
        let whole = retention(&user_ids, &times, Some(&events), &given, &options());
        assert!(whole.unwrap_err().to_string().contains("start_event"));
        let part = retention_counts(&user_ids, &times, Some(&events), &given, &options()).unwrap();
        assert_eq!(part.event_names, Some(vec!["signup".to_owned()]));
        let finished = part.finish().unwrap();
        let core::Metric::Retention(matrix) = finished.metric else {
            panic!("not a retention matrix");
        };
        assert!(matrix.cohort_sizes.iter().all(|&size| size == 0));
    }
}
