//! Active users: DAU, rolling WAU and MAU, DAU/MAU stickiness, calendar weeks and months.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::activity::Activity;
use super::calendar::{date_of, day_of, Period, PeriodTable};
use super::columns::{EventLog, EventValue, TimeValue, UserIdValue};
use super::options::ActiveUsersOptions;
use super::rows::prepare;
use super::series::{add_aligned, day_dates, later, period_starts, same_setting};
use crate::{Error, Result};

/// Days in the rolling "weekly" window.
pub const WAU_WINDOW_DAYS: usize = 7;
/// Days in the rolling "monthly" window.
pub const MAU_WINDOW_DAYS: usize = 30;

/// Partial counts of [`active_users`] for one shard of users; they add up across
/// shards partitioned by user ([`ActiveUserCounts::merge`]), then
/// [`ActiveUserCounts::finish`] gives the [`ActiveUsers`].
///
/// The rolling series run 29 days past `last_day`: a shard whose own events stop early
/// still counts its users in the windows of the days that follow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActiveUserCounts {
    /// The week used for `weekly` (`"week"`: ISO, Monday to Sunday).
    pub week: Period,
    /// First day with an event (`None` for a shard without events).
    pub first_day: Option<NaiveDate>,
    /// Last day with an event.
    pub last_day: Option<NaiveDate>,
    /// Distinct users per day from `first_day`.
    pub dau: Vec<u64>,
    /// Distinct users in the 7 days ending each day, from `first_day`.
    pub wau: Vec<u64>,
    /// Distinct users in the 30 days ending each day, from `first_day`.
    pub mau: Vec<u64>,
    /// Distinct users per calendar week, from the week holding `first_day`.
    pub weekly: Vec<u64>,
    /// Distinct users per calendar month, from the month holding `first_day`.
    pub monthly: Vec<u64>,
}

/// Active users per day, per calendar week and per calendar month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ActiveUsers {
    /// Every day from the first to the last day with an event.
    pub days: Vec<NaiveDate>,
    /// Daily active users: distinct users with an event that day.
    pub dau: Vec<u64>,
    /// Weekly active users, rolling: distinct users in the 7 days ending that day.
    pub wau: Vec<u64>,
    /// Monthly active users, rolling: distinct users in the 30 days ending that day.
    pub mau: Vec<u64>,
    /// DAU / MAU per day, a fraction; `None` where MAU is 0 (no events for 30 days).
    pub stickiness: Vec<Option<f64>>,
    /// The week used for `weeks` and `weekly`.
    pub week: Period,
    /// First day of each calendar week the log touches.
    pub weeks: Vec<NaiveDate>,
    /// Distinct users per calendar week (the first and last weeks may be partial).
    pub weekly: Vec<u64>,
    /// First day of each calendar month the log touches.
    pub months: Vec<NaiveDate>,
    /// Distinct users per calendar month (the first and last months may be partial).
    pub monthly: Vec<u64>,
}

fn week_period(field: &str, week: Period) -> Result<Period> {
    match week {
        Period::Week { .. } => Ok(week),
        other => Err(Error::invalid(
            field,
            format!("is {other}, but calendar active users need a week (\"week\" or \"week_<weekday>\")"),
        )),
    }
}

/// What one walk over users counts for [`active_user_counts`].
#[derive(Debug)]
struct Tally {
    dau: Vec<u64>,
    /// Difference arrays: +1 where a user's window coverage starts, −1 where it stops.
    wau_steps: Vec<i64>,
    mau_steps: Vec<i64>,
    weekly: Vec<u64>,
    monthly: Vec<u64>,
}

impl Tally {
    fn new(length: usize, weeks: usize, months: usize) -> Tally {
        Tally {
            dau: vec![0; length],
            wau_steps: vec![0; length + 1],
            mau_steps: vec![0; length + 1],
            weekly: vec![0; weeks],
            monthly: vec![0; months],
        }
    }

    /// Counts one user's sorted distinct active days.
    fn add_user(&mut self, days: &[u32], weeks: &PeriodTable, months: &PeriodTable) {
        let (mut last_week, mut last_month) = (usize::MAX, usize::MAX);
        for (index, &day) in days.iter().enumerate() {
            let day_index = day as usize;
            let next = days
                .get(index + 1)
                .map_or(usize::MAX, |&next| next as usize);
            if let Some(count) = self.dau.get_mut(day_index) {
                *count += 1;
            }
            // Day d's activity covers the windows ending on d .. d + W − 1; the next
            // active day takes over from there, so a user is counted once per window.
            for (steps, window) in [
                (&mut self.wau_steps, WAU_WINDOW_DAYS),
                (&mut self.mau_steps, MAU_WINDOW_DAYS),
            ] {
                if let Some(step) = steps.get_mut(day_index) {
                    *step += 1;
                }
                if let Some(step) = steps.get_mut(next.min(day_index + window)) {
                    *step -= 1;
                }
            }
            let (week_index, month_index) = (weeks.of(day), months.of(day));
            if week_index != last_week {
                if let Some(count) = self.weekly.get_mut(week_index) {
                    *count += 1;
                }
                last_week = week_index;
            }
            if month_index != last_month {
                if let Some(count) = self.monthly.get_mut(month_index) {
                    *count += 1;
                }
                last_month = month_index;
            }
        }
    }

    /// Adds the counts of another walk (over other users).
    fn add(&mut self, other: Tally) {
        let sum = |mine: &mut [u64], theirs: Vec<u64>| {
            for (count, more) in mine.iter_mut().zip(theirs) {
                *count += more;
            }
        };
        let sum_steps = |mine: &mut [i64], theirs: Vec<i64>| {
            for (step, more) in mine.iter_mut().zip(theirs) {
                *step += more;
            }
        };
        sum(&mut self.dau, other.dau);
        sum_steps(&mut self.wau_steps, other.wau_steps);
        sum_steps(&mut self.mau_steps, other.mau_steps);
        sum(&mut self.weekly, other.weekly);
        sum(&mut self.monthly, other.monthly);
    }
}

/// Partial counts of [`active_users`] for a shard of users (see [`ActiveUserCounts`]).
///
/// An empty log gives empty counts, which merge as nothing.
///
/// **Errors**: as [`active_users`], except that an empty log is not an error.
pub fn active_user_counts<U: UserIdValue, T: TimeValue, E: EventValue>(
    log: &EventLog<'_, U, T, E>,
    options: &ActiveUsersOptions,
) -> Result<ActiveUserCounts> {
    let week = options.week;
    let week = week_period("week", week)?;
    let Some(prepared) = prepare(log, false)? else {
        return Ok(ActiveUserCounts {
            week,
            first_day: None,
            last_day: None,
            dau: Vec::new(),
            wau: Vec::new(),
            mau: Vec::new(),
            weekly: Vec::new(),
            monthly: Vec::new(),
        });
    };
    let activity = Activity::build(&prepared, None);
    let (first, last) = (prepared.first_day, prepared.last_day);
    let span = prepared.span_days();
    let weeks = PeriodTable::new(week, first, last);
    let months = PeriodTable::new(Period::Month, first, last);
    let length = span + MAU_WINDOW_DAYS - 1;
    // Users are walked in parallel ranges, each into its own tally; integer sums, so
    // the tallies add up to exactly what one walk would count.
    let tallies = activity.tally_users_with(
        &activity,
        (3 * length + weeks.count() + months.count() + 2) * 8,
        || Tally::new(length, weeks.count(), months.count()),
        |tally, days, _| tally.add_user(days, &weeks, &months),
    );
    let mut tallies = tallies.into_iter();
    let mut sum = tallies
        .next()
        .unwrap_or_else(|| Tally::new(length, weeks.count(), months.count()));
    for tally in tallies {
        sum.add(tally);
    }
    let Tally {
        dau,
        wau_steps,
        mau_steps,
        weekly,
        monthly,
    } = sum;
    let running = |steps: &[i64]| -> Vec<u64> {
        let mut total = 0i64;
        steps[..length]
            .iter()
            .map(|step| {
                total += step;
                total.unsigned_abs()
            })
            .collect()
    };
    Ok(ActiveUserCounts {
        week,
        first_day: Some(date_of(first)?),
        last_day: Some(date_of(last)?),
        dau,
        wau: running(&wau_steps),
        mau: running(&mau_steps),
        weekly,
        monthly,
    })
}

impl ActiveUserCounts {
    /// Adds the counts of another shard of users (disjoint from this one's).
    ///
    /// **Errors**: counts made with another `week` ([`Error::InvalidInput`] naming `field`).
    pub fn merge(&mut self, other: &ActiveUserCounts, field: &str) -> Result<()> {
        same_setting(field, "week", &self.week, &other.week)?;
        let (Some(other_first), Some(other_last)) = (other.first_day, other.last_day) else {
            return Ok(());
        };
        let Some(first) = self.first_day else {
            *self = other.clone();
            return Ok(());
        };
        let (mine, theirs) = (day_of(first), day_of(other_first));
        add_aligned(mine, &mut self.dau, theirs, &other.dau);
        add_aligned(mine, &mut self.wau, theirs, &other.wau);
        add_aligned(mine, &mut self.mau, theirs, &other.mau);
        let week_of = |date: NaiveDate| self.week.index(day_of(date));
        add_aligned(
            week_of(first),
            &mut self.weekly,
            week_of(other_first),
            &other.weekly,
        );
        let month_of = |date: NaiveDate| Period::Month.index(day_of(date));
        add_aligned(
            month_of(first),
            &mut self.monthly,
            month_of(other_first),
            &other.monthly,
        );
        self.first_day = Some(first.min(other_first));
        self.last_day = later(self.last_day, Some(other_last));
        Ok(())
    }

    /// The [`ActiveUsers`] these counts describe, from the first to the last day.
    ///
    /// **Errors**: counts without events ([`Error::Undefined`] naming `counts`).
    pub fn finish(&self) -> Result<ActiveUsers> {
        let (Some(first), Some(last)) = (self.first_day, self.last_day) else {
            return Err(Error::undefined(
                "counts",
                "hold no events, so there are no active users",
            ));
        };
        let (first_day, last_day) = (day_of(first), day_of(last));
        let span = usize::try_from(last_day - first_day + 1).unwrap_or(0);
        let take = |values: &[u64]| -> Vec<u64> {
            let mut out: Vec<u64> = values.iter().take(span).copied().collect();
            out.resize(span, 0);
            out
        };
        let (dau, wau, mau) = (take(&self.dau), take(&self.wau), take(&self.mau));
        let stickiness = dau
            .iter()
            .zip(&mau)
            .map(|(&d, &m)| (m > 0).then(|| d as f64 / m as f64))
            .collect();
        let week_first = self.week.index(first_day);
        let week_count = usize::try_from(self.week.index(last_day) - week_first + 1).unwrap_or(0);
        let month_first = Period::Month.index(first_day);
        let month_count =
            usize::try_from(Period::Month.index(last_day) - month_first + 1).unwrap_or(0);
        let fit = |values: &[u64], count: usize| -> Vec<u64> {
            let mut out: Vec<u64> = values.iter().take(count).copied().collect();
            out.resize(count, 0);
            out
        };
        Ok(ActiveUsers {
            days: day_dates(first_day, span)?,
            dau,
            wau,
            mau,
            stickiness,
            week: self.week,
            weeks: period_starts(self.week, week_first, week_count)?,
            weekly: fit(&self.weekly, week_count),
            months: period_starts(Period::Month, month_first, month_count)?,
            monthly: fit(&self.monthly, month_count),
        })
    }
}

/// Daily, weekly and monthly active users of an event log, and DAU/MAU stickiness.
///
/// **Definitions**: an *active user* on a day is a distinct user with at least one event
/// that calendar day (UTC, or the log's fixed offset). Per day `d` from the log's first
/// to its last day:
/// - `dau[d]` = distinct users active on `d`;
/// - `wau[d]` = distinct users active on any of the 7 days `d − 6 ..= d` (rolling);
/// - `mau[d]` = distinct users active on any of the 30 days `d − 29 ..= d` (rolling);
/// - `stickiness[d]` = `dau[d] / mau[d]` (a fraction; `None` when `mau[d]` is 0).
///
/// And per calendar `week` (ISO weeks unless `week` says another closing day) and
/// calendar month: distinct users active in it (`weekly`, `monthly`). Windows reaching
/// before the first day hold only the days logged: the first 29 MAU values and the
/// first and last calendar periods cover fewer days than a full window.
///
/// **Computation**: one pass over the rows into per-user day sets, then one walk over
/// users with difference arrays: no sort, no per-row allocation. For more data than
/// one machine, see [`active_user_counts`].
///
/// **Errors**: an empty log ([`Error::Undefined`] naming `user_ids`); a negative or
/// fractional user id ([`Error::InvalidInput`] naming `user_ids[i]`); a time outside
/// 1970-01-01..=9999-12-31 ([`Error::OutOfRange`] naming `times[i]`); a `week` that is
/// not a week ([`Error::InvalidInput`] naming `week`).
///
/// **Source**: Amplitude, "Active users" and "Stickiness" (DAU/MAU); Mixpanel, "DAU,
/// WAU and MAU" (rolling windows ending on each day); a16z, "16 Startup Metrics".
///
/// ```
/// use pmkit::analytics::{active_users, ActiveUsersOptions, EventLog, TimeUnit};
///
/// // Day numbers 19000.. (2022-01-08 ..): users 1 and 2 on day 0, user 1 again on day 2.
/// let users = [1u64, 2, 1];
/// let days = [19_000i64, 19_000, 19_002];
/// let log = EventLog::new(&users, &days, TimeUnit::Days)?;
/// let active = active_users(&log, &ActiveUsersOptions::default())?;
/// assert_eq!(active.dau, [2, 0, 1]);
/// assert_eq!(active.mau, [2, 2, 2]);
/// assert_eq!(active.stickiness, [Some(1.0), Some(0.0), Some(0.5)]);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn active_users<U: UserIdValue, T: TimeValue, E: EventValue>(
    log: &EventLog<'_, U, T, E>,
    options: &ActiveUsersOptions,
) -> Result<ActiveUsers> {
    if log.is_empty() {
        return Err(Error::undefined(
            "user_ids",
            "is empty; at least one event is needed",
        ));
    }
    active_user_counts(log, options)?.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::TimeUnit;

    fn log_of<'a>(users: &'a [u64], days: &'a [i64]) -> EventLog<'a, u64, i64> {
        EventLog::new(users, days, TimeUnit::Days).unwrap()
    }

    #[test]
    fn rolling_windows_count_each_user_once() {
        // User 1 active every day for 10 days; user 2 on day 0 and day 8.
        let mut users: Vec<u64> = vec![1; 10];
        let mut days: Vec<i64> = (0..10).map(|d| 19_000 + d).collect();
        users.extend([2, 2]);
        days.extend([19_000, 19_008]);
        let active = active_users(&log_of(&users, &days), &ActiveUsersOptions::default()).unwrap();
        assert_eq!(active.dau, [2, 1, 1, 1, 1, 1, 1, 1, 2, 1]);
        // User 2's day-0 activity leaves the 7-day window on day 7, returns on day 8.
        assert_eq!(active.wau, [2, 2, 2, 2, 2, 2, 2, 1, 2, 2]);
        assert_eq!(active.mau, [2; 10]);
        assert_eq!(active.stickiness[1], Some(0.5));
    }

    #[test]
    fn calendar_weeks_and_months() {
        // 2022-01-29 (Sat), 2022-01-31 (Mon), 2022-02-01 (Tue).
        let users = [1u64, 1, 2];
        let days = [19_021i64, 19_023, 19_024];
        let active = active_users(&log_of(&users, &days), &ActiveUsersOptions::default()).unwrap();
        assert_eq!(
            active
                .weeks
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            ["2022-01-24", "2022-01-31"]
        );
        assert_eq!(active.weekly, [1, 2]);
        assert_eq!(
            active
                .months
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            ["2022-01-01", "2022-02-01"]
        );
        assert_eq!(active.monthly, [1, 1]);
    }

    #[test]
    fn shards_add_up_to_the_whole() {
        let users = [1u64, 2, 3, 1, 3, 4];
        let days = [19_000i64, 19_001, 19_010, 19_040, 19_003, 19_050];
        let whole = active_users(&log_of(&users, &days), &ActiveUsersOptions::default()).unwrap();
        // Shard A: users 1 and 3; shard B: users 2 and 4 (B ends before A's last day...)
        let (a_users, a_days) = ([1u64, 3, 1, 3], [19_000i64, 19_010, 19_040, 19_003]);
        let (b_users, b_days) = ([2u64, 4], [19_001i64, 19_050]);
        let mut counts =
            active_user_counts(&log_of(&a_users, &a_days), &ActiveUsersOptions::default()).unwrap();
        let other =
            active_user_counts(&log_of(&b_users, &b_days), &ActiveUsersOptions::default()).unwrap();
        counts.merge(&other, "parts[1]").unwrap();
        let empty = active_user_counts(&log_of(&[], &[]), &ActiveUsersOptions::default()).unwrap();
        counts.merge(&empty, "parts[2]").unwrap();
        assert_eq!(counts.finish().unwrap(), whole);
        // And in the other order, starting from the empty shard.
        let mut counts = empty.clone();
        counts.merge(&other, "parts[1]").unwrap();
        counts
            .merge(
                &active_user_counts(&log_of(&a_users, &a_days), &ActiveUsersOptions::default())
                    .unwrap(),
                "parts[2]",
            )
            .unwrap();
        assert_eq!(counts.finish().unwrap(), whole);
    }

    #[test]
    fn errors_name_the_input() {
        let err = active_users(&log_of(&[], &[]), &ActiveUsersOptions::default()).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (crate::ErrorKind::Undefined, "user_ids")
        );
        let err = active_users(
            &log_of(&[1], &[19_000]),
            &ActiveUsersOptions {
                week: Period::Month,
                ..Default::default()
            },
        )
        .unwrap_err();
        assert_eq!(err.field(), "week");
        let empty = active_user_counts(&log_of(&[], &[]), &ActiveUsersOptions::default()).unwrap();
        assert_eq!(empty.finish().unwrap_err().field(), "counts");
        let mut week = empty.clone();
        let us = active_user_counts(
            &log_of(&[], &[]),
            &ActiveUsersOptions {
                week: Period::parse("w", "week_saturday").unwrap(),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(week.merge(&us, "parts[1]").unwrap_err().field(), "parts[1]");
    }
}
