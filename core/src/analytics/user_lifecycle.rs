//! User lifecycle per period: new, returning, resurrecting and dormant users, and the
//! growth quick ratio they give.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::activity::Activity;
use super::calendar::{date_of, day_of, Period, PeriodTable};
use super::columns::{EventLog, EventValue, TimeValue, UserIdValue};
use super::options::UserLifecycleOptions;
use super::rows::prepare;
use super::series::{add_aligned, later, period_starts, same_setting};
use crate::{Error, Result};

/// Partial counts of [`user_lifecycle`] for one shard of users.
///
/// Each series starts at the period holding `first_day`; `dormant` may run one period
/// past `last_day`'s (a user last seen in the shard's final period is dormant in the
/// next, which another shard's events may reach), and [`UserLifecycleCounts::finish`] keeps
/// only the periods the merged log covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserLifecycleCounts {
    /// The period users are classified in.
    pub period: Period,
    /// The shard's first day with an event (`None`: no events).
    pub first_day: Option<NaiveDate>,
    /// The shard's last day with an event.
    pub last_day: Option<NaiveDate>,
    /// Users whose first active period it is.
    pub new: Vec<u64>,
    /// Users active in it and in the period before.
    pub returning: Vec<u64>,
    /// Users active in it, not in the period before, but in an earlier one.
    pub resurrecting: Vec<u64>,
    /// Users active in the period before but not in it.
    pub dormant: Vec<u64>,
}

/// New, returning, resurrecting and dormant users per calendar period (PostHog's
/// lifecycle chart, Social Capital's growth accounting).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UserLifecycle {
    /// The period users are classified in.
    pub period: Period,
    /// First day of each period.
    pub period_starts: Vec<NaiveDate>,
    /// Whether the log covers the whole period (the first and last may be partial).
    pub complete: Vec<bool>,
    /// Users whose first period in the log it is (every user of the first period).
    pub new: Vec<u64>,
    /// Users active in the period and in the one before.
    pub returning: Vec<u64>,
    /// Users active in the period, not in the one before, but in an earlier one.
    pub resurrecting: Vec<u64>,
    /// Users active in the period before and not in this one, as a positive count
    /// (PostHog draws it below the axis; 0 in the first period).
    pub dormant: Vec<u64>,
    /// Users active in the period: `new + returning + resurrecting`.
    pub active: Vec<u64>,
    /// `(new + resurrecting) / dormant`: users gained per user lost; `None` when no
    /// user went dormant (the first period, or no losses).
    pub quick_ratio: Vec<Option<f64>>,
}

/// Partial counts of [`user_lifecycle`] for a shard of users.
///
/// **Errors**: as [`user_lifecycle`], except that an empty log gives empty counts.
pub fn user_lifecycle_counts<U: UserIdValue, T: TimeValue, E: EventValue>(
    log: &EventLog<'_, U, T, E>,
    options: &UserLifecycleOptions,
) -> Result<UserLifecycleCounts> {
    let period = options.period;
    let Some(prepared) = prepare(log, false)? else {
        return Ok(UserLifecycleCounts {
            period,
            first_day: None,
            last_day: None,
            new: Vec::new(),
            returning: Vec::new(),
            resurrecting: Vec::new(),
            dormant: Vec::new(),
        });
    };
    let table = PeriodTable::new(period, prepared.first_day, prepared.last_day);
    let periods = table.count();
    let (mut new, mut returning, mut resurrecting) = (
        vec![0u64; periods],
        vec![0u64; periods],
        vec![0u64; periods],
    );
    // One more period: a user last active in the final period is dormant in the next.
    let mut dormant = vec![0u64; periods + 1];
    let activity = Activity::build(&prepared, None);
    activity.for_each_user(|_, days| {
        // The user's active periods, ascending (days come sorted).
        let mut previous: Option<usize> = None;
        for &day in days {
            let current = table.of(day);
            match previous {
                Some(p) if p == current => continue,
                None => new[current] += 1,
                Some(p) if p + 1 == current => returning[current] += 1,
                Some(p) => {
                    resurrecting[current] += 1;
                    dormant[p + 1] += 1;
                }
            }
            previous = Some(current);
        }
        if let Some(last) = previous {
            dormant[last + 1] += 1;
        }
    });
    Ok(UserLifecycleCounts {
        period,
        first_day: Some(date_of(prepared.first_day)?),
        last_day: Some(date_of(prepared.last_day)?),
        new,
        returning,
        resurrecting,
        dormant,
    })
}

impl UserLifecycleCounts {
    /// Adds the counts of another shard of users (disjoint from this one's).
    ///
    /// **Errors**: counts made with another period ([`Error::InvalidInput`] naming `field`).
    pub fn merge(&mut self, other: &UserLifecycleCounts, field: &str) -> Result<()> {
        same_setting(field, "period", &self.period, &other.period)?;
        let Some(other_first) = other.first_day else {
            return Ok(());
        };
        let Some(first) = self.first_day else {
            *self = other.clone();
            return Ok(());
        };
        let (mine, theirs) = (
            self.period.index(day_of(first)),
            self.period.index(day_of(other_first)),
        );
        add_aligned(mine, &mut self.new, theirs, &other.new);
        add_aligned(mine, &mut self.returning, theirs, &other.returning);
        add_aligned(mine, &mut self.resurrecting, theirs, &other.resurrecting);
        add_aligned(mine, &mut self.dormant, theirs, &other.dormant);
        self.first_day = Some(first.min(other_first));
        self.last_day = later(self.last_day, other.last_day);
        Ok(())
    }

    /// The [`UserLifecycle`] these counts describe.
    ///
    /// **Errors**: counts without events ([`Error::Undefined`] naming `counts`).
    pub fn finish(&self) -> Result<UserLifecycle> {
        let (Some(first), Some(last)) = (self.first_day, self.last_day) else {
            return Err(Error::undefined(
                "counts",
                "hold no events, so no one was active",
            ));
        };
        let period = self.period;
        let (first_day, last_day) = (day_of(first), day_of(last));
        let first_index = period.index(first_day);
        let periods = usize::try_from(period.index(last_day) - first_index + 1).unwrap_or(0);
        let series = |values: &[u64]| -> Vec<u64> {
            let mut values: Vec<u64> = values.iter().take(periods).copied().collect();
            values.resize(periods, 0);
            values
        };
        let (new, returning, resurrecting, dormant) = (
            series(&self.new),
            series(&self.returning),
            series(&self.resurrecting),
            series(&self.dormant),
        );
        let mut active = Vec::with_capacity(periods);
        let mut quick_ratio = Vec::with_capacity(periods);
        let mut complete = Vec::with_capacity(periods);
        for p in 0..periods {
            let gained = new[p].saturating_add(resurrecting[p]);
            active.push(gained.saturating_add(returning[p]));
            quick_ratio.push((dormant[p] > 0).then(|| gained as f64 / dormant[p] as f64));
            let index = first_index + p as i64;
            complete.push(period.start(index) >= first_day && period.end(index) <= last_day);
        }
        Ok(UserLifecycle {
            period,
            period_starts: period_starts(period, first_index, periods)?,
            complete,
            new,
            returning,
            resurrecting,
            dormant,
            active,
            quick_ratio,
        })
    }
}

/// The lifecycle of users per calendar period: each user active in a period is
/// **new** (their first active period in the log), **returning** (also active in the
/// period before) or **resurrecting** (not active in the period before, but in an
/// earlier one); a user active in the period before but not in this one is
/// **dormant**. The growth **quick ratio** is `(new + resurrecting) / dormant`.
///
/// **Definitions**: a user is active in a period with at least one event on one of its
/// calendar days (UTC, a fixed offset or a time zone, as the log says). Per period `p`:
/// `active[p] = new[p] + returning[p] + resurrecting[p]`, and
/// `active[p] = active[p − 1] + new[p] + resurrecting[p] − dormant[p]` (the growth
/// accounting identity). "New" means first seen *in the log*: every user of the first
/// period is new, so read the first periods as a warm-up, or start the log earlier
/// than the span you report. `complete[p]` says whether the log covers all of `p`.
///
/// **Errors**: an empty log ([`Error::Undefined`] naming `user_ids`); bad columns as in
/// [`active_users`](super::active_users).
///
/// **Source**: PostHog, "Lifecycle" insight (new, returning, resurrecting, dormant per
/// interval); Jonathan Hsu, "Diligence at Social Capital, Part 1: Accounting for user
/// growth" (2015), for the growth accounting identity and the quick ratio.
///
/// ```
/// use pmkit::analytics::{user_lifecycle, EventLog, UserLifecycleOptions, TimeUnit};
///
/// // ISO weeks of Monday 2022-01-10, -17, -24 (days 19_002, 19_009, 19_016).
/// // User 1: weeks 1, 2, 3. User 2: weeks 1 and 3. User 3: week 2 only.
/// let users = [1u64, 1, 1, 2, 2, 3];
/// let days = [19_002i64, 19_009, 19_016, 19_003, 19_017, 19_010];
/// let log = EventLog::new(&users, &days, TimeUnit::Days)?;
/// let weekly = user_lifecycle(&log, &UserLifecycleOptions::default())?;
/// assert_eq!(weekly.new, [2, 1, 0]);
/// assert_eq!(weekly.returning, [0, 1, 1]);
/// assert_eq!(weekly.resurrecting, [0, 0, 1]);
/// assert_eq!(weekly.dormant, [0, 1, 1]); // user 2 in week 2, user 3 in week 3
/// assert_eq!(weekly.quick_ratio, [None, Some(1.0), Some(1.0)]);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn user_lifecycle<U: UserIdValue, T: TimeValue, E: EventValue>(
    log: &EventLog<'_, U, T, E>,
    options: &UserLifecycleOptions,
) -> Result<UserLifecycle> {
    if log.is_empty() {
        return Err(Error::undefined(
            "user_ids",
            "is empty; at least one event is needed",
        ));
    }
    user_lifecycle_counts(log, options)?.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::TimeUnit;

    fn monthly() -> UserLifecycleOptions {
        UserLifecycleOptions {
            period: Period::Month,
            ..Default::default()
        }
    }

    #[test]
    fn growth_accounting_identity_holds() {
        // Days 19_000 + k: users active on scattered days over five months.
        let users: Vec<u64> = (0..400u64).map(|row| (row * 7919) % 37).collect();
        let days: Vec<i64> = (0..400i64)
            .map(|row| 19_000 + (row * 104_729) % 150)
            .collect();
        let log = EventLog::new(&users, &days, TimeUnit::Days).unwrap();
        let result = user_lifecycle(&log, &monthly()).unwrap();
        for p in 1..result.active.len() {
            assert_eq!(
                result.active[p] + result.dormant[p],
                result.active[p - 1] + result.new[p] + result.resurrecting[p],
                "period {p}"
            );
        }
        assert_eq!(result.new.iter().sum::<u64>(), 37);
    }

    #[test]
    fn shards_add_up_even_when_a_shard_ends_early() {
        // User 1 ends in January, so is dormant in February, which only user 2 reaches.
        let users = [1u64, 2, 2];
        let days = [19_000i64, 19_001, 19_040];
        let whole = user_lifecycle(
            &EventLog::new(&users, &days, TimeUnit::Days).unwrap(),
            &monthly(),
        )
        .unwrap();
        assert_eq!(whole.dormant, [0, 1]);
        let counts = |users: &[u64], days: &[i64]| {
            user_lifecycle_counts(
                &EventLog::new(users, days, TimeUnit::Days).unwrap(),
                &monthly(),
            )
            .unwrap()
        };
        let mut merged = counts(&[1], &[19_000]);
        merged
            .merge(&counts(&[2, 2], &[19_001, 19_040]), "parts[1]")
            .unwrap();
        assert_eq!(merged.finish().unwrap(), whole);
        let empty = counts(&[], &[]);
        assert_eq!(empty.finish().unwrap_err().field(), "counts");
        let other = user_lifecycle_counts(
            &EventLog::new(&[1u64], &[19_000i64], TimeUnit::Days).unwrap(),
            &UserLifecycleOptions::default(),
        )
        .unwrap();
        assert_eq!(
            merged.merge(&other, "parts[2]").unwrap_err().field(),
            "parts[2]"
        );
    }

    #[test]
    fn an_empty_log_is_undefined() {
        let log = EventLog::new(&[] as &[u64], &[] as &[i64], TimeUnit::Days).unwrap();
        assert_eq!(
            user_lifecycle(&log, &UserLifecycleOptions::default())
                .unwrap_err()
                .field(),
            "user_ids"
        );
    }
}
