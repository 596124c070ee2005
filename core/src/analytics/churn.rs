//! Churn from activity: users active in a period who then stay away for N days.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::activity::Activity;
use super::calendar::{date_of, day_of, Period, PeriodTable};
use super::columns::{EventLog, EventValue, TimeValue, UserIdValue};
use super::options::ActivityChurnOptions;
use super::rows::prepare;
use super::series::{add_aligned, later, period_index, period_starts, same_setting};
use crate::{Error, Result};

/// The default inactivity that counts as churn: 30 days.
pub const DEFAULT_INACTIVE_DAYS: u64 = 30;

/// Partial counts of [`activity_churn`] for one shard of users; they add up across
/// shards partitioned by user ([`ChurnCounts::merge`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChurnCounts {
    /// The period users are counted in.
    pub period: Period,
    /// Days without an event, after the period ends, that make a user churned.
    pub inactive_days: u64,
    /// Start of the period holding the shard's first event (`None`: no events).
    pub first_period: Option<NaiveDate>,
    /// The shard's last day with an event.
    pub last_day: Option<NaiveDate>,
    /// Users active in each period from `first_period`.
    pub active: Vec<u64>,
    /// Of those, users with no event in the `inactive_days` after the period ended
    /// (whether that span has been observed is decided when finishing).
    pub churned: Vec<u64>,
}

/// Churn and retention rates per period, from activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Churn {
    /// The period users are counted in.
    pub period: Period,
    /// Days without an event, after the period ends, that make a user churned.
    pub inactive_days: u64,
    /// First day of each period.
    pub period_starts: Vec<NaiveDate>,
    /// Users active in each period.
    pub active: Vec<u64>,
    /// Of those, users with no event in the `inactive_days` after the period ended;
    /// `None` while those days are not all observed (they end after the last day).
    pub churned: Vec<Option<u64>>,
    /// `churned / active`, a fraction; `None` when unknown or no one was active.
    pub churn_rate: Vec<Option<f64>>,
    /// `1 − churn_rate`: the share who came back within `inactive_days`.
    pub retention_rate: Vec<Option<f64>>,
    /// The last day with an event.
    pub last_day: NaiveDate,
}

fn check_inactive_days(inactive_days: u64) -> Result<()> {
    if inactive_days == 0 {
        return Err(Error::out_of_range(
            "inactive_days",
            "is 0; a user churns after at least 1 day without events",
        ));
    }
    if inactive_days > 36_500 {
        return Err(Error::out_of_range(
            "inactive_days",
            format!("{inactive_days} is more than 100 years"),
        ));
    }
    Ok(())
}

/// Partial counts of [`activity_churn`] for a shard of users.
///
/// **Errors**: as [`activity_churn`], except that an empty log gives empty counts.
pub fn activity_churn_counts<U: UserIdValue, T: TimeValue, E: EventValue>(
    log: &EventLog<'_, U, T, E>,
    options: &ActivityChurnOptions,
) -> Result<ChurnCounts> {
    let (period, inactive_days) = (options.period, options.inactive_days);
    check_inactive_days(inactive_days)?;
    let Some(prepared) = prepare(log, false)? else {
        return Ok(ChurnCounts {
            period,
            inactive_days,
            first_period: None,
            last_day: None,
            active: Vec::new(),
            churned: Vec::new(),
        });
    };
    let table = PeriodTable::new(period, prepared.first_day, prepared.last_day);
    let periods = table.count();
    // Last day of each period, relative to the log's first day.
    let ends: Vec<i64> = (0..periods as i64)
        .map(|p| period.end(table.first + p) - prepared.first_day)
        .collect();
    let (mut active, mut churned) = (vec![0u64; periods], vec![0u64; periods]);
    let gap = inactive_days as i64;
    let activity = Activity::build(&prepared, None);
    activity.for_each_user(|_, days| {
        let mut current: Option<usize> = None;
        for &day in days {
            let p = table.of(day);
            if current == Some(p) {
                continue;
            }
            if let Some(previous) = current {
                // Back on `day`: churned after `previous` only if the gap is too long.
                let end = ends.get(previous).copied().unwrap_or(0);
                if i64::from(day) > end + gap {
                    if let Some(count) = churned.get_mut(previous) {
                        *count += 1;
                    }
                }
            }
            if let Some(count) = active.get_mut(p) {
                *count += 1;
            }
            current = Some(p);
        }
        // After the last active period nothing came back (yet).
        if let Some(count) = current.and_then(|p| churned.get_mut(p)) {
            *count += 1;
        }
    });
    Ok(ChurnCounts {
        period,
        inactive_days,
        first_period: Some(period.start_date(table.first)?),
        last_day: Some(date_of(prepared.last_day)?),
        active,
        churned,
    })
}

impl ChurnCounts {
    /// Adds the counts of another shard of users (disjoint from this one's).
    ///
    /// **Errors**: counts made with another period or inactivity
    /// ([`Error::InvalidInput`] naming `field`).
    pub fn merge(&mut self, other: &ChurnCounts, field: &str) -> Result<()> {
        same_setting(field, "period", &self.period, &other.period)?;
        same_setting(
            field,
            "inactive_days",
            &self.inactive_days,
            &other.inactive_days,
        )?;
        let Some(other_first) = other.first_period else {
            return Ok(());
        };
        let Some(first) = self.first_period else {
            *self = other.clone();
            return Ok(());
        };
        let where_first = format!("{field}.first_period");
        let mine = period_index(&where_first, self.period, first)?;
        let theirs = period_index(&where_first, self.period, other_first)?;
        add_aligned(mine, &mut self.active, theirs, &other.active);
        let start = add_aligned(mine, &mut self.churned, theirs, &other.churned);
        self.first_period = Some(self.period.start_date(start)?);
        self.last_day = later(self.last_day, other.last_day);
        Ok(())
    }

    /// The [`Churn`] these counts describe.
    ///
    /// **Errors**: counts without events ([`Error::Undefined`] naming `counts`).
    pub fn finish(&self) -> Result<Churn> {
        let (Some(first), Some(last)) = (self.first_period, self.last_day) else {
            return Err(Error::undefined(
                "counts",
                "hold no events, so no one churned",
            ));
        };
        let period = self.period;
        let first_index = period_index("counts.first_period", period, first)?;
        let last_day = day_of(last);
        let periods = usize::try_from(period.index(last_day) - first_index + 1).unwrap_or(0);
        let mut out = Churn {
            period,
            inactive_days: self.inactive_days,
            period_starts: period_starts(period, first_index, periods)?,
            active: Vec::with_capacity(periods),
            churned: Vec::with_capacity(periods),
            churn_rate: Vec::with_capacity(periods),
            retention_rate: Vec::with_capacity(periods),
            last_day: last,
        };
        for p in 0..periods {
            let active = self.active.get(p).copied().unwrap_or(0);
            let observed =
                period.end(first_index + p as i64) + self.inactive_days as i64 <= last_day;
            let churned = observed.then(|| self.churned.get(p).copied().unwrap_or(0));
            let rate = churned
                .filter(|_| active > 0)
                .map(|n| n as f64 / active as f64);
            out.active.push(active);
            out.churned.push(churned);
            out.churn_rate.push(rate);
            out.retention_rate.push(rate.map(|rate| 1.0 - rate));
        }
        Ok(out)
    }
}

/// Churn from activity: per calendar period, the users active in it who then had no
/// event for `inactive_days` days after the period ended.
///
/// **Definitions**: `active[p]` = distinct users with an event in period `p`;
/// `churned[p]` = those whose next event (if any) comes more than `inactive_days` days
/// after the last day of `p`; `churn_rate[p]` = `churned[p] / active[p]` and
/// `retention_rate[p]` = `1 − churn_rate[p]` (fractions). A period whose
/// `inactive_days` follow-up ends after the log's last day is `None`: who churned is not
/// known yet. The usual setting is monthly periods and 30 days (the bindings' defaults
/// are weekly periods and [`DEFAULT_INACTIVE_DAYS`]).
///
/// This is churn *observed in behaviour*, for products without cancellations; for
/// subscription churn from customer counts see [`crate::metrics::churn_rate`].
///
/// **Errors**: `inactive_days` of 0 or above 36,500 ([`Error::OutOfRange`] naming
/// `inactive_days`); an empty log ([`Error::Undefined`] naming `user_ids`); bad columns
/// as in [`active_users`](super::active_users).
///
/// **Source**: Amplitude, "Lifecycle" (dormant users: active in the previous period and
/// not in this one); Mixpanel, "Churn analysis" (users inactive for N days after their
/// last activity).
///
/// ```
/// use pmkit::analytics::{activity_churn, ActivityChurnOptions, EventLog, TimeUnit};
///
/// // 19_002 is Monday 2022-01-10. Users 1 and 2 active in week 0; user 1 comes back 3
/// // days after it ends, user 2 never does. The log runs 30 days past week 0.
/// let users = [1u64, 2, 1, 1];
/// let days = [19_002i64, 19_003, 19_011, 19_038];
/// let log = EventLog::new(&users, &days, TimeUnit::Days)?;
/// let churn = activity_churn(&log, &ActivityChurnOptions { inactive_days: 7, ..Default::default() })?;
/// assert_eq!(churn.active[0], 2);
/// assert_eq!(churn.churned[0], Some(1));
/// assert_eq!(churn.churn_rate[0], Some(0.5));
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn activity_churn<U: UserIdValue, T: TimeValue, E: EventValue>(
    log: &EventLog<'_, U, T, E>,
    options: &ActivityChurnOptions,
) -> Result<Churn> {
    let inactive_days = options.inactive_days;
    check_inactive_days(inactive_days)?;
    if log.is_empty() {
        return Err(Error::undefined(
            "user_ids",
            "is empty; at least one event is needed",
        ));
    }
    activity_churn_counts(log, options)?.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::TimeUnit;

    const MON: i64 = 19_002;

    #[test]
    fn follow_up_must_be_observed() {
        // User 1 active in weeks 0, 1 and 4; the log ends on day 30 (Wednesday of week 4).
        let users = [1u64, 1, 1];
        let days = [MON, MON + 8, MON + 30];
        let log = EventLog::new(&users, &days, TimeUnit::Days).unwrap();
        let churn = activity_churn(
            &log,
            &ActivityChurnOptions {
                inactive_days: 7,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(churn.active, [1, 1, 0, 0, 1]);
        // Week 0 ends day 6: back on day 8, within 7 days. Week 1 ends day 13: next
        // event on day 30, 17 days later: churned. Weeks 3 and 4: follow-up not observed.
        assert_eq!(churn.churned, [Some(0), Some(1), Some(0), None, None]);
        assert_eq!(churn.churn_rate[1], Some(1.0));
        assert_eq!(churn.retention_rate[0], Some(1.0));
        assert_eq!(churn.churn_rate[2], None); // nobody active
    }

    #[test]
    fn shards_add_up() {
        let users = [1u64, 2, 1, 3, 2];
        let days = [MON, MON + 1, MON + 20, MON + 9, MON + 40];
        let whole = activity_churn(
            &EventLog::new(&users, &days, TimeUnit::Days).unwrap(),
            &ActivityChurnOptions {
                inactive_days: 10,
                ..Default::default()
            },
        )
        .unwrap();
        let counts = |users: &[u64], days: &[i64]| {
            activity_churn_counts(
                &EventLog::new(users, days, TimeUnit::Days).unwrap(),
                &ActivityChurnOptions {
                    inactive_days: 10,
                    ..Default::default()
                },
            )
            .unwrap()
        };
        let mut merged = counts(&[3], &[MON + 9]);
        merged
            .merge(
                &counts(&[1, 2, 1, 2], &[MON, MON + 1, MON + 20, MON + 40]),
                "parts[1]",
            )
            .unwrap();
        assert_eq!(merged.finish().unwrap(), whole);
        let other = counts(&[3], &[MON]);
        let mut changed = other.clone();
        changed.inactive_days = 5;
        assert_eq!(
            merged.merge(&changed, "parts[2]").unwrap_err().field(),
            "parts[2]"
        );
    }

    #[test]
    fn zero_inactive_days_is_out_of_range() {
        let log = EventLog::new(&[1u64], &[MON], TimeUnit::Days).unwrap();
        let err = activity_churn(
            &log,
            &ActivityChurnOptions {
                inactive_days: 0,
                ..Default::default()
            },
        )
        .unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (crate::ErrorKind::OutOfRange, "inactive_days")
        );
    }
}
