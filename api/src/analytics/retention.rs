//! `retention` and `retention_counts` over the columns: their optional `events` column
//! and their event options (`start_event`, `return_event`: codes, or names), read once.

use pmkit::analytics::{self as core, RetentionOptions};
use pmkit::Result;

use super::events::EventParams;
use super::*;

/// The event parameters of `retention` and `retention_counts` (`start_event`,
/// `return_event`: codes, or names when `events` holds names), which its options carry.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RetentionEvents {
    /// The event that puts a user in a cohort; default any event.
    pub start_event: Option<Event>,
    /// The event that counts as returning; default any event.
    pub return_event: Option<Event>,
}

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
    let clock = super::Clock::of(options.unit, options.utc_offset_minutes, options.tz);
    let mut counts = match events {
        Some(events) => over_log_with_events(user_ids, times, events, clock, &work)?,
        None => over_log(user_ids, times, clock, &work)?,
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
