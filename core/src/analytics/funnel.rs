//! Funnels: ordered (or unordered) steps completed within a conversion window.

use serde::{Deserialize, Serialize};

use super::columns::{EventLog, EventValue, TimeUnit, TimeValue, UserIdValue};
use super::options::EventFunnelOptions;
use super::rows::prepare;
use super::series::{add_aligned, same_setting};
use crate::{input, Error, Result};

/// The default conversion window: 30 days, in seconds (Amplitude's and Mixpanel's default).
pub const DEFAULT_WINDOW_SECONDS: u64 = 30 * 86_400;

/// In which order a funnel's steps must happen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FunnelOrder {
    /// Each step after the previous one (other events may come between), the default.
    #[default]
    Sequential,
    /// The steps in any order: step `k` is reached by completing any `k` of them.
    AnyOrder,
}

impl FunnelOrder {
    /// The snake_case name (`"any_order"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            FunnelOrder::Sequential => "sequential",
            FunnelOrder::AnyOrder => "any_order",
        }
    }

    /// Reads `"sequential"` or `"any_order"`; [`Error::Parse`] naming `field` otherwise.
    pub fn parse(field: &str, text: &str) -> Result<FunnelOrder> {
        match text {
            "sequential" => Ok(FunnelOrder::Sequential),
            "any_order" => Ok(FunnelOrder::AnyOrder),
            _ => Err(Error::parse(
                field,
                format!("unknown funnel order {text:?}; expected \"sequential\" or \"any_order\""),
            )),
        }
    }
}

/// Partial counts of [`event_funnel`] for one shard of users.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FunnelCounts {
    /// The event code of each step.
    pub steps: Vec<u32>,
    /// The conversion window, in seconds from entering the funnel.
    pub window_seconds: u64,
    /// Sequential or any order.
    pub order: FunnelOrder,
    /// Users who reached each step.
    pub reached: Vec<u64>,
    /// Per step after the first: the seconds each converting user took from the
    /// previous step (kept whole, so medians stay exact after merging).
    pub seconds_from_previous: Vec<Vec<f64>>,
}

/// A funnel: users reaching each step, conversion rates, and time between steps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Funnel {
    /// The event code of each step.
    #[cfg_attr(feature = "schema", schemars(with = "Vec<super::options::EventLabel>"))]
    pub steps: Vec<u32>,
    /// The conversion window, in seconds from entering the funnel.
    pub window_seconds: u64,
    /// Sequential or any order.
    pub order: FunnelOrder,
    /// Distinct users who reached each step (step 0: entered the funnel).
    pub reached: Vec<u64>,
    /// `reached[k] / reached[k − 1]` (1 for the first step), a fraction; `None` when
    /// the previous step has no users.
    pub conversion_from_previous: Vec<Option<f64>>,
    /// `reached[k] / reached[0]`, a fraction; `None` when no one entered.
    pub conversion_from_start: Vec<Option<f64>>,
    /// `reached[last] / reached[0]`: the overall conversion rate.
    pub overall: Option<f64>,
    /// Median seconds from step `k − 1` to step `k` over the users who reached `k`
    /// (`None` for the first step and where no one converted).
    pub median_seconds_from_previous: Vec<Option<f64>>,
}

fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable_by(f64::total_cmp);
    let n = values.len();
    Some((values[(n - 1) / 2] + values[n / 2]) / 2.0)
}

/// Partial counts of [`event_funnel`] for a shard of users.
///
/// **Errors**: as [`event_funnel`], except that an empty log gives empty counts.
pub fn event_funnel_counts<U: UserIdValue, T: TimeValue, E: EventValue>(
    log: &EventLog<'_, U, T, E>,
    steps: &[u32],
    options: &EventFunnelOptions,
) -> Result<FunnelCounts> {
    let (window_seconds, order) = (options.window_seconds, options.order);
    input::non_empty("steps", steps)?;
    if window_seconds == 0 {
        return Err(Error::out_of_range(
            "window_seconds",
            "is 0; the window must be at least 1 second",
        ));
    }
    if order == FunnelOrder::AnyOrder {
        for (index, step) in steps.iter().enumerate() {
            if steps[..index].contains(step) {
                return Err(Error::invalid(
                    format!("steps[{index}]"),
                    format!(
                        "event {step} is already a step; an any-order funnel needs distinct steps"
                    ),
                ));
            }
        }
    }
    let events = log.require_events("steps")?;
    let mut counts = FunnelCounts {
        steps: steps.to_vec(),
        window_seconds,
        order,
        reached: vec![0; steps.len()],
        seconds_from_previous: vec![Vec::new(); steps.len().saturating_sub(1)],
    };
    let Some(prepared) = prepare(log, true)? else {
        return Ok(counts);
    };
    // Times in ticks of the log's unit; day numbers become seconds.
    let (ticks_per_second, scale) = match log.unit().per_second() {
        Some(per_second) => (per_second, 1),
        None => (1, TimeUnit::Seconds.per_day()),
    };
    let window = i64::try_from(window_seconds)
        .unwrap_or(i64::MAX)
        .saturating_mul(ticks_per_second);
    // The rank of each event code among the steps (its first position), for ties.
    let rank_of = |code: u32| {
        steps
            .iter()
            .position(|&step| step == code)
            .map(|p| p as u32)
    };
    // Rows of step events only, grouped by user with a counting sort.
    let mut per_user = vec![0usize; prepared.users + 1];
    let mut matched = 0usize;
    prepared.for_each_row_time(|row, user, _| {
        if events
            .get(row)
            .and_then(|e| e.code().ok())
            .and_then(rank_of)
            .is_some()
        {
            if let Some(count) = per_user.get_mut(user as usize + 1) {
                *count += 1;
                matched += 1;
            }
        }
    });
    for user in 0..prepared.users {
        per_user[user + 1] += per_user[user];
    }
    let mut rows = vec![(0i64, 0u32); matched];
    let mut next = per_user.clone();
    prepared.for_each_row_time(|row, user, time| {
        if let Some(rank) = events
            .get(row)
            .and_then(|e| e.code().ok())
            .and_then(rank_of)
        {
            if let Some(at) = next.get_mut(user as usize) {
                if let Some(slot) = rows.get_mut(*at) {
                    *slot = (time.saturating_mul(scale), rank);
                }
                *at += 1;
            }
        }
    });
    let mut times = vec![0i64; steps.len()];
    for user in 0..prepared.users {
        let Some(events) = rows.get_mut(per_user[user]..per_user[user + 1]) else {
            continue;
        };
        if events.is_empty() {
            continue;
        }
        events.sort_unstable();
        let reached = match order {
            FunnelOrder::Sequential => sequential(events, steps, window, &mut times),
            FunnelOrder::AnyOrder => any_order(events, steps.len(), window, &mut times),
        };
        for k in 0..reached {
            counts.reached[k] += 1;
            if k > 0 {
                let seconds = (times[k] - times[k - 1]) as f64 / ticks_per_second as f64;
                counts.seconds_from_previous[k - 1].push(seconds);
            }
        }
    }
    Ok(counts)
}

/// Steps reached in order from the first occurrence of step 0, each the earliest
/// matching event at or after the previous step, within `window` of entry.
fn sequential(events: &[(i64, u32)], steps: &[u32], window: i64, times: &mut [i64]) -> usize {
    let mut reached = 0;
    let mut entry = 0;
    for &(time, rank) in events {
        let Some(&want) = steps.get(reached) else {
            break;
        };
        let code = steps.get(rank as usize).copied();
        if code != Some(want) {
            continue;
        }
        if reached == 0 {
            entry = time;
        } else if time > entry.saturating_add(window) {
            break;
        }
        times[reached] = time;
        reached += 1;
    }
    reached
}

/// Distinct steps completed within `window` of the first step event of any kind;
/// `times[k]` is when the (k+1)-th distinct step was first done.
fn any_order(events: &[(i64, u32)], count: usize, window: i64, times: &mut [i64]) -> usize {
    let Some(&(entry, _)) = events.first() else {
        return 0;
    };
    let mut seen = vec![false; count];
    let mut reached = 0;
    for &(time, rank) in events {
        if time > entry.saturating_add(window) {
            break;
        }
        if let Some(flag) = seen.get_mut(rank as usize) {
            if !*flag {
                *flag = true;
                times[reached] = time;
                reached += 1;
            }
        }
    }
    reached
}

impl FunnelCounts {
    /// Adds the counts of another shard of users (disjoint from this one's).
    ///
    /// **Errors**: counts of other steps, window or order ([`Error::InvalidInput`]
    /// naming `field`).
    pub fn merge(&mut self, other: &FunnelCounts, field: &str) -> Result<()> {
        same_setting(field, "steps", &self.steps, &other.steps)?;
        same_setting(
            field,
            "window_seconds",
            &self.window_seconds,
            &other.window_seconds,
        )?;
        same_setting(field, "order", &self.order, &other.order)?;
        add_aligned(0, &mut self.reached, 0, &other.reached);
        for (mine, theirs) in self
            .seconds_from_previous
            .iter_mut()
            .zip(&other.seconds_from_previous)
        {
            mine.extend_from_slice(theirs);
        }
        Ok(())
    }

    /// The [`Funnel`] these counts describe.
    ///
    /// **Errors**: a time between steps that is not finite or negative (a hand-edited
    /// partial; [`Error::InvalidInput`] naming `counts.seconds_from_previous`).
    pub fn finish(&self) -> Result<Funnel> {
        let ratio = |part: u64, whole: u64| (whole > 0).then(|| part as f64 / whole as f64);
        let entered = self.reached.first().copied().unwrap_or(0);
        let mut medians = vec![None];
        for seconds in &self.seconds_from_previous {
            if seconds.iter().any(|s| !s.is_finite() || *s < 0.0) {
                return Err(Error::invalid(
                    "counts.seconds_from_previous",
                    "holds a negative or non-finite time",
                ));
            }
            medians.push(median(&mut seconds.clone()));
        }
        medians.truncate(self.steps.len());
        Ok(Funnel {
            steps: self.steps.clone(),
            window_seconds: self.window_seconds,
            order: self.order,
            conversion_from_previous: (0..self.reached.len())
                .map(|k| match k {
                    0 => ratio(entered, entered),
                    _ => ratio(self.reached[k], self.reached[k - 1]),
                })
                .collect(),
            conversion_from_start: self.reached.iter().map(|&n| ratio(n, entered)).collect(),
            overall: ratio(self.reached.last().copied().unwrap_or(0), entered),
            reached: self.reached.clone(),
            median_seconds_from_previous: medians,
        })
    }
}

/// A conversion funnel over an event log: how many users did step 0, then step 1, …,
/// within `window_seconds` of entering.
///
/// **Definitions** ([`FunnelOrder::Sequential`], the default): a user enters at their
/// first step-0 event; step `k` is reached by the earliest step-`k` event at or after
/// step `k − 1` and at most `window_seconds` after entry (other events may come between;
/// events at the same instant count in step order). [`FunnelOrder::AnyOrder`]: a user
/// enters at their first event of any step and reaches step `k` by completing any
/// `k + 1` distinct steps within the window. `reached[k]` = distinct users reaching step
/// `k`; `conversion_from_previous[k]` = `reached[k] / reached[k − 1]`;
/// `conversion_from_start[k]` and `overall` divide by `reached[0]` (fractions, `None`
/// over 0); `median_seconds_from_previous[k]` = median time from step `k − 1` to `k` over
/// the users who reached `k`. Times keep the log's resolution; day numbers count as
/// midnight.
///
/// **Errors**: no steps ([`Error::Undefined`] naming `steps`); a log without events
/// ([`Error::InvalidInput`] naming `steps`); a repeated step in an any-order funnel
/// ([`Error::InvalidInput`] naming `steps[i]`); a `window_seconds` of 0
/// ([`Error::OutOfRange`]); an empty log ([`Error::Undefined`] naming `user_ids`); bad
/// columns as in [`active_users`](super::active_users).
///
/// **Source**: Amplitude, "Funnel Analysis" (conversion window from the first step, "this
/// order" vs "any order", median time to convert); Mixpanel, "Funnels" (conversion
/// window, default 30 days); PostHog, "Funnels" (sequential, unordered).
///
/// ```
/// use pmkit::analytics::{event_funnel, EventFunnelOptions, EventLog, TimeUnit};
///
/// // Steps: view (1) → cart (2) → buy (3), within one hour. User 7 buys 30 minutes after
/// // viewing; user 8 adds to cart but never buys; user 9 buys after two hours.
/// let users = [7u64, 7, 7, 8, 8, 9, 9, 9];
/// let times = [0i64, 600, 1_800, 100, 200, 0, 60, 7_200];
/// let events = [1u32, 2, 3, 1, 2, 1, 2, 3];
/// let log = EventLog::new(&users, &times, TimeUnit::Seconds)?.with_events(&events)?;
/// let funnel = event_funnel(&log, &[1, 2, 3], &EventFunnelOptions { window_seconds: 3_600, ..Default::default() })?;
/// assert_eq!(funnel.reached, [3, 3, 1]);
/// assert_eq!(funnel.overall, Some(1.0 / 3.0));
/// assert_eq!(funnel.median_seconds_from_previous, [None, Some(100.0), Some(1_200.0)]);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn event_funnel<U: UserIdValue, T: TimeValue, E: EventValue>(
    log: &EventLog<'_, U, T, E>,
    steps: &[u32],
    options: &EventFunnelOptions,
) -> Result<Funnel> {
    let counts = event_funnel_counts(log, steps, options)?;
    if log.is_empty() {
        return Err(Error::undefined(
            "user_ids",
            "is empty; at least one event is needed",
        ));
    }
    counts.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log<'a>(
        users: &'a [u64],
        times: &'a [i64],
        events: &'a [u32],
    ) -> EventLog<'a, u64, i64, u32> {
        EventLog::new(users, times, TimeUnit::Seconds)
            .unwrap()
            .with_events(events)
            .unwrap()
    }

    #[test]
    fn steps_must_follow_in_order() {
        // User 1 buys before viewing: only step 0 counts (the buy came first).
        let users = [1u64, 1, 2, 2];
        let times = [10i64, 5, 0, 0];
        let events = [1u32, 3, 1, 3];
        let funnel = event_funnel(
            &log(&users, &times, &events),
            &[1, 3],
            &EventFunnelOptions {
                window_seconds: 60,
                ..Default::default()
            },
        )
        .unwrap();
        // User 2 does both at the same instant: in step order, so converted.
        assert_eq!(funnel.reached, [2, 1]);
        assert_eq!(funnel.conversion_from_previous, [Some(1.0), Some(0.5)]);
        let any = event_funnel(
            &log(&users, &times, &events),
            &[1, 3],
            &EventFunnelOptions {
                window_seconds: 60,
                order: FunnelOrder::AnyOrder,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(any.reached, [2, 2]);
        assert_eq!(any.median_seconds_from_previous, [None, Some(2.5)]);
    }

    #[test]
    fn repeated_steps_and_errors() {
        let users = [1u64, 1, 1];
        let times = [0i64, 1, 2];
        let events = [4u32, 4, 4];
        let funnel = event_funnel(
            &log(&users, &times, &events),
            &[4, 4],
            &EventFunnelOptions {
                window_seconds: 60,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(funnel.reached, [1, 1]);
        let err = event_funnel(
            &log(&users, &times, &events),
            &[4, 4],
            &EventFunnelOptions {
                window_seconds: 60,
                order: FunnelOrder::AnyOrder,
                ..Default::default()
            },
        )
        .unwrap_err();
        assert_eq!(err.field(), "steps[1]");
        let err = event_funnel(
            &log(&users, &times, &events),
            &[],
            &EventFunnelOptions {
                window_seconds: 60,
                order: FunnelOrder::AnyOrder,
                ..Default::default()
            },
        )
        .unwrap_err();
        assert_eq!(err.field(), "steps");
        let err = event_funnel(
            &log(&users, &times, &events),
            &[4],
            &EventFunnelOptions {
                window_seconds: 0,
                order: FunnelOrder::AnyOrder,
                ..Default::default()
            },
        )
        .unwrap_err();
        assert_eq!(err.field(), "window_seconds");
        let plain = EventLog::new(&users, &times, TimeUnit::Seconds).unwrap();
        assert_eq!(
            event_funnel(
                &plain,
                &[4],
                &EventFunnelOptions {
                    window_seconds: 60,
                    ..Default::default()
                }
            )
            .unwrap_err()
            .field(),
            "steps"
        );
    }

    #[test]
    fn shards_add_up_and_days_count_as_midnight() {
        let users = [1u64, 1, 2, 2, 3];
        let days = [19_000i64, 19_001, 19_000, 19_005, 19_002];
        let events = [1u32, 2, 1, 2, 1];
        let log = EventLog::new(&users, &days, TimeUnit::Days)
            .unwrap()
            .with_events(&events)
            .unwrap();
        let whole = event_funnel(
            &log,
            &[1, 2],
            &EventFunnelOptions {
                window_seconds: 3 * 86_400,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(whole.reached, [3, 1]);
        assert_eq!(whole.median_seconds_from_previous[1], Some(86_400.0));
        let shard = |u: &[u64], d: &[i64], e: &[u32]| {
            let log = EventLog::new(u, d, TimeUnit::Days)
                .unwrap()
                .with_events(e)
                .unwrap();
            event_funnel_counts(
                &log,
                &[1, 2],
                &EventFunnelOptions {
                    window_seconds: 3 * 86_400,
                    ..Default::default()
                },
            )
            .unwrap()
        };
        let mut merged = shard(&[2, 2], &[19_000, 19_005], &[1, 2]);
        merged
            .merge(
                &shard(&[1, 1, 3], &[19_000, 19_001, 19_002], &[1, 2, 1]),
                "parts[1]",
            )
            .unwrap();
        assert_eq!(merged.finish().unwrap(), whole);
    }
}
