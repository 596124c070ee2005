//! The stickiness histogram: how many users were active on exactly k days of a period.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::activity::Activity;
use super::calendar::{date_of, day_of, Period, PeriodTable};
use super::columns::{EventLog, EventValue, TimeValue, UserIdValue};
use super::options::StickinessOptions;
use super::rows::prepare;
use super::series::{add_rows, later, period_starts, same_setting};
use crate::{Error, Result};

/// Partial counts of [`stickiness_histogram`] for one shard of users.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StickinessCounts {
    /// The period the days are counted in.
    pub period: Period,
    /// The shard's first day with an event (`None`: no events).
    pub first_day: Option<NaiveDate>,
    /// The shard's last day with an event.
    pub last_day: Option<NaiveDate>,
    /// Per period from the one holding `first_day`: `users[p][k − 1]` users were active
    /// on exactly `k` days of it.
    pub users: Vec<Vec<u64>>,
}

/// Per period, how many users were active on exactly `k` days of it, and on at least `k`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StickinessHistogram {
    /// The period the days are counted in.
    pub period: Period,
    /// First day of each period.
    pub period_starts: Vec<NaiveDate>,
    /// Days in each period (7 for weeks, 28–31 for months).
    pub period_days: Vec<u64>,
    /// Whether the log covers the whole period (the first and last may be partial).
    pub complete: Vec<bool>,
    /// Users active at least once in each period.
    pub active: Vec<u64>,
    /// `users[p][k − 1]`: users active on exactly `k` days of period `p`, `k = 1 ..=
    /// period_days[p]`.
    pub users: Vec<Vec<u64>>,
    /// `at_least[p][k − 1]`: users active on `k` or more days (the cumulative form;
    /// `at_least[p][0] = active[p]`).
    pub at_least: Vec<Vec<u64>>,
}

/// Partial counts of [`stickiness_histogram`] for a shard of users.
///
/// **Errors**: as [`stickiness_histogram`], except that an empty log gives empty counts.
pub fn stickiness_counts<U: UserIdValue, T: TimeValue, E: EventValue>(
    log: &EventLog<'_, U, T, E>,
    options: &StickinessOptions,
) -> Result<StickinessCounts> {
    let period = options.period;
    let Some(prepared) = prepare(log, false)? else {
        return Ok(StickinessCounts {
            period,
            first_day: None,
            last_day: None,
            users: Vec::new(),
        });
    };
    let table = PeriodTable::new(period, prepared.first_day, prepared.last_day);
    let mut users: Vec<Vec<u64>> = (0..table.count() as i64)
        .map(|p| vec![0u64; usize::try_from(period.length(table.first + p)).unwrap_or(0)])
        .collect();
    let activity = Activity::build(&prepared, None);
    activity.for_each_user(|_, days| {
        let mut run: Option<(usize, usize)> = None;
        let mut close = |run: Option<(usize, usize)>| {
            if let Some((p, k)) = run {
                if let Some(cell) = users.get_mut(p).and_then(|row| row.get_mut(k - 1)) {
                    *cell += 1;
                }
            }
        };
        for &day in days {
            let p = table.of(day);
            run = match run {
                Some((current, k)) if current == p => Some((p, k + 1)),
                other => {
                    close(other);
                    Some((p, 1))
                }
            };
        }
        close(run);
    });
    Ok(StickinessCounts {
        period,
        first_day: Some(date_of(prepared.first_day)?),
        last_day: Some(date_of(prepared.last_day)?),
        users,
    })
}

impl StickinessCounts {
    /// Adds the counts of another shard of users (disjoint from this one's).
    ///
    /// **Errors**: counts made with another period ([`Error::InvalidInput`] naming `field`).
    pub fn merge(&mut self, other: &StickinessCounts, field: &str) -> Result<()> {
        same_setting(field, "period", &self.period, &other.period)?;
        let Some(other_first) = other.first_day else {
            return Ok(());
        };
        let Some(first) = self.first_day else {
            *self = other.clone();
            return Ok(());
        };
        let period = self.period;
        add_rows(
            period.index(day_of(first)),
            &mut self.users,
            period.index(day_of(other_first)),
            &other.users,
        );
        self.first_day = Some(first.min(other_first));
        self.last_day = later(self.last_day, other.last_day);
        Ok(())
    }

    /// The [`StickinessHistogram`] these counts describe.
    ///
    /// **Errors**: counts without events ([`Error::Undefined`] naming `counts`).
    pub fn finish(&self) -> Result<StickinessHistogram> {
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
        let starts = period_starts(period, first_index, periods)?;
        let mut out = StickinessHistogram {
            period,
            period_starts: starts,
            period_days: Vec::with_capacity(periods),
            complete: Vec::with_capacity(periods),
            active: Vec::with_capacity(periods),
            users: Vec::with_capacity(periods),
            at_least: Vec::with_capacity(periods),
        };
        for p in 0..periods {
            let index = first_index + p as i64;
            let length = usize::try_from(period.length(index)).unwrap_or(0);
            let mut row: Vec<u64> = self
                .users
                .get(p)
                .map_or_else(Vec::new, |row| row.iter().take(length).copied().collect());
            row.resize(length, 0);
            let mut at_least = row.clone();
            let mut total = 0u64;
            for cell in at_least.iter_mut().rev() {
                total += *cell;
                *cell = total;
            }
            out.period_days.push(length as u64);
            out.complete
                .push(period.start(index) >= first_day && period.end(index) <= last_day);
            out.active.push(total);
            out.users.push(row);
            out.at_least.push(at_least);
        }
        Ok(out)
    }
}

/// The stickiness histogram: per calendar period, how many users were active on
/// exactly `k` days of it (`users[p][k − 1]`), and on at least `k` days (`at_least`).
///
/// **Definitions**: a user is active on a day with at least one event that calendar
/// day. Per period `p` (week, `"week_<weekday>"` or month) and `k = 1 ..= days in p`:
/// `users[p][k − 1]` = distinct users with exactly `k` active days in `p`;
/// `at_least[p][k − 1]` = Σ_{j ≥ k} `users[p][j − 1]`; `active[p]` = `at_least[p][0]`.
/// Divide by `active[p]` for the share of active users. `complete[p]` says whether the log
/// covers all of `p`; a partial first or last period under-counts days.
///
/// **Errors**: an empty log ([`Error::Undefined`] naming `user_ids`); bad columns as
/// in [`active_users`](super::active_users).
///
/// **Source**: Mixpanel, "Frequency" / "Addiction" report (users by number of active
/// days per week or month); Amplitude, "Stickiness" chart (users active k days per week,
/// and the cumulative "at least k days" view).
///
/// ```
/// use pmkit::analytics::{stickiness_histogram, EventLog, StickinessOptions, TimeUnit};
///
/// // Week of Monday 2022-01-10 (day 19_002): user 1 on 3 days, user 2 on 1 day.
/// let users = [1u64, 1, 1, 2, 1];
/// let days = [19_002i64, 19_003, 19_008, 19_004, 19_003];
/// let log = EventLog::new(&users, &days, TimeUnit::Days)?;
/// let histogram = stickiness_histogram(&log, &StickinessOptions::default())?;
/// assert_eq!(histogram.users[0], [1, 0, 1, 0, 0, 0, 0]);
/// assert_eq!(histogram.at_least[0], [2, 1, 1, 0, 0, 0, 0]);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn stickiness_histogram<U: UserIdValue, T: TimeValue, E: EventValue>(
    log: &EventLog<'_, U, T, E>,
    options: &StickinessOptions,
) -> Result<StickinessHistogram> {
    if log.is_empty() {
        return Err(Error::undefined(
            "user_ids",
            "is empty; at least one event is needed",
        ));
    }
    stickiness_counts(log, options)?.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::TimeUnit;

    #[test]
    fn monthly_rows_have_the_month_length_and_partial_months_are_flagged() {
        // 2022-01-30 and 31 (user 1), 2022-02-01 (user 1 and 2).
        let users = [1u64, 1, 1, 2];
        let days = [19_022i64, 19_023, 19_024, 19_024];
        let log = EventLog::new(&users, &days, TimeUnit::Days).unwrap();
        let histogram = stickiness_histogram(
            &log,
            &StickinessOptions {
                period: Period::Month,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(histogram.period_days, [31, 28]);
        assert_eq!(histogram.complete, [false, false]);
        assert_eq!(histogram.users[0][1], 1);
        assert_eq!(histogram.users[1][0], 2);
        assert_eq!(histogram.active, [1, 2]);
    }

    #[test]
    fn shards_add_up() {
        let users = [1u64, 2, 1, 3, 2];
        let days = [19_002i64, 19_003, 19_020, 19_009, 19_004];
        let whole = stickiness_histogram(
            &EventLog::new(&users, &days, TimeUnit::Days).unwrap(),
            &StickinessOptions::default(),
        )
        .unwrap();
        let counts = |users: &[u64], days: &[i64]| {
            stickiness_counts(
                &EventLog::new(users, days, TimeUnit::Days).unwrap(),
                &StickinessOptions::default(),
            )
            .unwrap()
        };
        let mut merged = counts(&[3], &[19_009]);
        merged
            .merge(
                &counts(&[1, 2, 1, 2], &[19_002, 19_003, 19_020, 19_004]),
                "parts[1]",
            )
            .unwrap();
        assert_eq!(merged.finish().unwrap(), whole);
    }
}
