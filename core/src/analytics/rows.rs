//! Checking an event log's columns once, and numbering its users densely.
//!
//! [`prepare`] reads `times` and `user_ids` once each (branch-free, so the loops
//! vectorize; the failing row is searched only after a failure; on large logs one part
//! of the rows per thread, see [`parallel`]), finds the day span,
//! and numbers the users `0..users`: by subtraction when the ids fall in a range not
//! much wider than the log (database ids), through a hash map otherwise (hashes). The
//! metrics then visit rows through [`Prepared::for_each_row`], which hands each row's
//! dense user and day number to a closure, with the unit's divisor a constant.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::calendar::{MAX_DAY, MIN_DAY};
use super::columns::{bad_value, EventLog, EventValue, TimeUnit, TimeValue, UserIdValue};
use super::parallel;
use super::zone::{OffsetCache, Zone};
use crate::{Error, Result};

/// A fast hasher for integer keys (a folded 128-bit multiply, as foldhash and FxHash do):
/// SipHash's protection against hash flooding is not needed for user ids.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FoldHasher(u64);

impl Hasher for FoldHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.write_u64(u64::from(byte));
        }
    }

    #[inline]
    fn write_u64(&mut self, value: u64) {
        const K: u64 = 0x9E37_79B9_7F4A_7C15;
        let product = u128::from(value ^ self.0.rotate_left(5)) * u128::from(K);
        self.0 = (product as u64) ^ ((product >> 64) as u64);
    }

    #[inline]
    fn write_u32(&mut self, value: u32) {
        self.write_u64(u64::from(value));
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FoldHasher>>;

/// How user ids become dense numbers `0..count`.
#[derive(Debug, Clone)]
enum UserKeys {
    /// Ids span a range not much wider than the log: `id - min` is the number.
    Offset { min: u64 },
    /// Sparse ids (hashes, 64-bit keys): numbered in order of first appearance.
    Mapped { dense: Vec<u32> },
}

/// A checked log: its day span and a dense number for every user.
#[derive(Debug, Clone)]
pub(crate) struct Prepared<'a, U, T, E> {
    pub(crate) log: EventLog<'a, U, T, E>,
    keys: UserKeys,
    /// Dense user numbers are `0..users` (some may have no rows under `Offset`).
    pub users: usize,
    /// First and last calendar day of the log (day numbers).
    pub first_day: i64,
    pub last_day: i64,
    /// `utc_offset_minutes` in units of `times`.
    offset_units: i64,
    /// In a time zone: each row's time on the zone's wall clock, read for days instead
    /// of `times` (with `offset_units` 0).
    local: Option<Vec<i64>>,
    /// Threads for the passes over this log (1 for small logs and on WebAssembly).
    pub threads: usize,
}

/// The smallest and largest time and user id of some rows, and whether all were valid:
/// what the checking pass finds in each part of the log, combined with [`Bounds::and`].
#[derive(Debug, Clone, Copy)]
struct Bounds {
    times: (i64, i64),
    times_valid: bool,
    ids: (u64, u64),
    ids_valid: bool,
    events_valid: bool,
}

impl Bounds {
    /// The bounds of `range` of `log`'s rows (events only when `with_events`).
    ///
    /// Branch-free loops, one column at a time (they vectorize); the failing row is
    /// searched only after a failure.
    fn of<U: UserIdValue, T: TimeValue, E: EventValue>(
        log: &EventLog<'_, U, T, E>,
        local: Option<&[i64]>,
        range: std::ops::Range<usize>,
        with_events: bool,
    ) -> Bounds {
        let (times, times_valid) = match local {
            Some(local) => time_range(local.get(range.clone()).unwrap_or(&[])),
            None => time_range(log.times.get(range.clone()).unwrap_or(&[])),
        };
        let (mut min, mut max, mut ids_valid) = (u64::MAX, 0u64, true);
        for &value in log.user_ids.get(range.clone()).unwrap_or(&[]) {
            let id = value.user_id();
            ids_valid &= id.is_ok();
            let id = id.unwrap_or(0);
            min = min.min(id);
            max = max.max(id);
        }
        let mut events_valid = true;
        if with_events {
            if let Some(events) = log.events {
                for &value in events.get(range).unwrap_or(&[]) {
                    events_valid &= value.code().is_ok();
                }
            }
        }
        Bounds {
            times,
            times_valid,
            ids: (min, max),
            ids_valid,
            events_valid,
        }
    }

    /// The bounds of the rows of both.
    fn and(self, other: Bounds) -> Bounds {
        Bounds {
            times: (
                self.times.0.min(other.times.0),
                self.times.1.max(other.times.1),
            ),
            times_valid: self.times_valid && other.times_valid,
            ids: (self.ids.0.min(other.ids.0), self.ids.1.max(other.ids.1)),
            ids_valid: self.ids_valid && other.ids_valid,
            events_valid: self.events_valid && other.events_valid,
        }
    }
}

/// The smallest and largest of `times`, and whether every one was valid.
fn time_range<T: TimeValue>(times: &[T]) -> ((i64, i64), bool) {
    let (mut min, mut max, mut valid) = (i64::MAX, i64::MIN, true);
    for &value in times {
        let time = value.time();
        valid &= time.is_ok();
        let time = time.unwrap_or(0);
        min = min.min(time);
        max = max.max(time);
    }
    ((min, max), valid)
}

/// Each row's time moved to `zone`'s wall clock (`time + offset`, in the log's unit),
/// so that whole days of it are the zone's calendar days; one part of the rows per
/// thread, each with its own [`OffsetCache`].
///
/// **Errors**: an invalid time ([`Error::InvalidInput`] naming `times[i]`); a time so
/// far out that the shift overflows ([`Error::OutOfRange`] naming `times[i]`).
fn local_times<U: UserIdValue, T: TimeValue, E: EventValue>(
    log: &EventLog<'_, U, T, E>,
    zone: Zone,
    threads: usize,
) -> Result<Vec<i64>> {
    let per_second = log.unit.per_second().unwrap_or(1);
    let parts = parallel::map(parallel::split(0..log.len(), threads), |range| {
        let mut cache = OffsetCache::new(zone);
        let start = range.start;
        let mut local = Vec::with_capacity(range.len());
        for (index, &value) in log.times.get(range).unwrap_or(&[]).iter().enumerate() {
            let row = start + index;
            let time = value
                .time()
                .map_err(|why| bad_value("times", row, value, why))?;
            let offset = cache.offset_seconds(time.div_euclid(per_second));
            let shifted = offset
                .checked_mul(per_second)
                .and_then(|offset| time.checked_add(offset))
                .ok_or_else(|| {
                    Error::out_of_range(
                        format!("times[{row}]"),
                        format!(
                            "{value} {} is too far from 1970 to read in {}",
                            log.unit,
                            zone.name()
                        ),
                    )
                })?;
            local.push(shifted);
        }
        Ok(local)
    });
    let mut local = Vec::with_capacity(log.len());
    for part in parts {
        local.extend(part?);
    }
    Ok(local)
}

/// The dense users of `ids`, whose smallest and largest ids are `min` and `max`, after
/// checking each id when some are not `valid`.
fn user_keys<U: UserIdValue>(
    ids: &[U],
    (min, max): (u64, u64),
    valid: bool,
) -> Result<(UserKeys, usize)> {
    if !valid {
        for (index, &value) in ids.iter().enumerate() {
            value
                .user_id()
                .map_err(|why| bad_value("user_ids", index, value, why))?;
        }
    }
    let range = max.saturating_sub(min).saturating_add(1);
    // Direct numbering costs one slot per id in the range: worth it while the range is
    // at most about the row count (then per-user arrays are no larger than a column).
    let direct_limit = (ids.len() as u64).saturating_add(1024);
    if range <= direct_limit {
        let users = usize::try_from(range)
            .ok()
            .filter(|&users| users <= u32::MAX as usize)
            .ok_or_else(too_many_users)?;
        return Ok((UserKeys::Offset { min }, users));
    }
    let (dense, users) = number_sparse_ids(ids)?;
    Ok((UserKeys::Mapped { dense }, users))
}

/// Dense numbers for sparse ids (hashes, 64-bit keys) in order of first appearance,
/// with every row's number.
///
/// A hash map over a million ids misses the CPU caches on most rows (about 50 ns a
/// row); partitioning the rows by hash first was tried and was no faster, because the
/// extra passes write as much memory as the misses cost. Ids that fall in a range
/// (database ids) skip this entirely.
fn number_sparse_ids<U: UserIdValue>(ids: &[U]) -> Result<(Vec<u32>, usize)> {
    let mut numbers: FastMap<u64, u32> = FastMap::default();
    numbers.reserve(ids.len().min(1 << 16));
    let mut dense = Vec::with_capacity(ids.len());
    for &value in ids {
        // Checked by the caller.
        let id = value.user_id().unwrap_or(0);
        let next = u32::try_from(numbers.len()).map_err(|_| too_many_users())?;
        dense.push(*numbers.entry(id).or_insert(next));
    }
    let users = numbers.len();
    Ok((dense, users))
}

fn too_many_users() -> Error {
    Error::out_of_range("user_ids", "has more than 2^32 distinct users")
}

/// The accepted range of raw `times` values: those whose local calendar day lies in
/// 1970-01-01..=9999-12-31.
fn time_bounds(unit: TimeUnit, offset_units: i64) -> (i64, i64) {
    let per_day = i128::from(unit.per_day());
    let low = i128::from(MIN_DAY) * per_day - i128::from(offset_units);
    let high = (i128::from(MAX_DAY) + 1) * per_day - 1 - i128::from(offset_units);
    let clamp = |v: i128| i64::try_from(v.clamp(i128::from(i64::MIN), i128::from(i64::MAX)));
    (
        clamp(low).unwrap_or(i64::MIN),
        clamp(high).unwrap_or(i64::MAX),
    )
}

/// Checks every column of `log` (events only when `with_events`) and numbers its users.
/// `None` for an empty log.
pub(crate) fn prepare<'a, U: UserIdValue, T: TimeValue, E: EventValue>(
    log: &EventLog<'a, U, T, E>,
    with_events: bool,
) -> Result<Option<Prepared<'a, U, T, E>>> {
    if log.is_empty() {
        return Ok(None);
    }
    let offset_units = match log.unit.per_second() {
        Some(per_second) => log.utc_offset_minutes * 60 * per_second,
        None => 0,
    };
    let (low, high) = time_bounds(log.unit, offset_units);
    let threads = parallel::threads_for(log.len(), log.max_threads);
    // In a time zone the offset varies by row: the rows' local times are computed once
    // and read instead of `times` (whose offset is then 0).
    let local = match log.zone {
        Some(zone) => Some(local_times(log, zone, threads)?),
        None => None,
    };
    // The checking pass, one contiguous part of the rows per thread; the bounds of the
    // parts combine exactly (minima, maxima, and-ed validity) into the whole log's.
    let parts = parallel::map(parallel::split(0..log.len(), threads), |range| {
        Bounds::of(log, local.as_deref(), range, with_events)
    });
    let Some(bounds) = parts.into_iter().reduce(Bounds::and) else {
        return Ok(None);
    };
    crate::cancel::check_now()?;
    let (min, max) = bounds.times;
    if !bounds.times_valid || min < low || max > high {
        for (index, &value) in log.times.iter().enumerate() {
            let time = value
                .time()
                .map_err(|why| bad_value("times", index, value, why))?;
            let time = local
                .as_ref()
                .and_then(|local| local.get(index).copied())
                .unwrap_or(time);
            if time < low || time > high {
                let side = if time < low {
                    "before 1970-01-01"
                } else {
                    "after 9999-12-31"
                };
                return Err(Error::out_of_range(
                    format!("times[{index}]"),
                    format!(
                        "{value} {} falls on a day {side}; check the unit and that missing \
                         times are not stored as 0 or -1",
                        log.unit
                    ),
                ));
            }
        }
    }
    if !bounds.events_valid {
        if let Some(events) = log.events {
            for (index, &value) in events.iter().enumerate() {
                value
                    .code()
                    .map_err(|why| bad_value("events", index, value, why))?;
            }
        }
    }
    let (keys, users) = user_keys(log.user_ids, bounds.ids, bounds.ids_valid)?;
    crate::cancel::check_now()?;
    let per_day = log.unit.per_day();
    Ok(Some(Prepared {
        log: *log,
        keys,
        users,
        first_day: (min + offset_units).div_euclid(per_day),
        last_day: (max + offset_units).div_euclid(per_day),
        offset_units,
        local,
        threads,
    }))
}

impl<'a, U: UserIdValue, T: TimeValue, E: EventValue> Prepared<'a, U, T, E> {
    /// Days from the first to the last day of the log, both included.
    pub fn span_days(&self) -> usize {
        usize::try_from(self.last_day - self.first_day + 1).unwrap_or(0)
    }

    /// Calls `visit(row, user, day)` for every row, with the dense user number and the
    /// day relative to `first_day`. The unit's divisor is a constant in each copy of the
    /// loop, so the division compiles to a multiply.
    pub fn for_each_row(&self, visit: impl FnMut(usize, u32, u32)) {
        self.for_each_row_in(0..self.log.len(), visit);
    }

    /// [`Prepared::for_each_row`] over the rows in `range` only.
    pub fn for_each_row_in(
        &self,
        range: std::ops::Range<usize>,
        visit: impl FnMut(usize, u32, u32),
    ) {
        match self.log.unit {
            TimeUnit::Days => self.rows::<1>(range, visit),
            TimeUnit::Seconds => self.rows::<86_400>(range, visit),
            TimeUnit::Milliseconds => self.rows::<86_400_000>(range, visit),
            TimeUnit::Microseconds => self.rows::<86_400_000_000>(range, visit),
            TimeUnit::Nanoseconds => self.rows::<86_400_000_000_000>(range, visit),
        }
    }

    fn rows<const PER_DAY: u64>(
        &self,
        range: std::ops::Range<usize>,
        visit: impl FnMut(usize, u32, u32),
    ) {
        match &self.local {
            Some(local) => {
                let times = local.get(range.clone()).unwrap_or(&[]);
                self.rows_of::<PER_DAY, i64>(range, times, visit);
            }
            None => {
                let times = self.log.times.get(range.clone()).unwrap_or(&[]);
                self.rows_of::<PER_DAY, T>(range, times, visit);
            }
        }
    }

    /// [`Prepared::rows`] over `times`, the rows' times in `range` (raw or local).
    fn rows_of<const PER_DAY: u64, X: TimeValue>(
        &self,
        range: std::ops::Range<usize>,
        times: &[X],
        mut visit: impl FnMut(usize, u32, u32),
    ) {
        let first_row = range.start;
        let ids = self.log.user_ids.get(range.clone()).unwrap_or(&[]);
        let offset = self.offset_units;
        // `prepare` checked that every `time + offset` is ≥ 0 and on a day ≥ first_day.
        let first = self.first_day as u64;
        let day = move |time: X| -> u32 {
            let local = time.time().unwrap_or(0).wrapping_add(offset) as u64;
            (local / PER_DAY).wrapping_sub(first) as u32
        };
        match &self.keys {
            UserKeys::Offset { min } => {
                let min = *min;
                for (row, (&id, &time)) in ids.iter().zip(times).enumerate() {
                    let user = id.user_id().unwrap_or(0).wrapping_sub(min) as u32;
                    visit(first_row + row, user, day(time));
                }
            }
            UserKeys::Mapped { dense } => {
                let dense = dense.get(range).unwrap_or(&[]);
                for (row, (&user, &time)) in dense.iter().zip(times).enumerate() {
                    visit(first_row + row, user, day(time));
                }
            }
        }
    }

    /// Calls `visit(row, user, time)` for every row, with the raw time in its unit.
    pub fn for_each_row_time(&self, mut visit: impl FnMut(usize, u32, i64)) {
        match &self.keys {
            UserKeys::Offset { min } => {
                for (row, (&id, &time)) in self.log.user_ids.iter().zip(self.log.times).enumerate()
                {
                    let user = id.user_id().unwrap_or(0).wrapping_sub(*min) as u32;
                    visit(row, user, time.time().unwrap_or(0));
                }
            }
            UserKeys::Mapped { dense } => {
                for (row, (&user, &time)) in dense.iter().zip(self.log.times).enumerate() {
                    visit(row, user, time.time().unwrap_or(0));
                }
            }
        }
    }

    /// Whether row `row` has event code `code` (always true when `code` is `None`).
    #[inline]
    pub fn row_has(&self, row: usize, code: Option<u32>) -> bool {
        match (code, self.log.events) {
            (None, _) => true,
            (Some(code), Some(events)) => events
                .get(row)
                .is_some_and(|value| value.code() == Ok(code)),
            (Some(_), None) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::activity::Activity;

    fn collect(activity: &Activity) -> Vec<(usize, Vec<u32>)> {
        let mut out = Vec::new();
        activity.for_each_user(|user, days| out.push((user, days.to_vec())));
        out
    }

    #[test]
    fn sparse_ids_are_numbered_densely() {
        let users = [u64::MAX, 1, u64::MAX];
        let days = [0i64, 1, 2];
        let log = EventLog::new(&users, &days, TimeUnit::Days).unwrap();
        let prepared = prepare(&log, false).unwrap().unwrap();
        assert_eq!(prepared.users, 2);
        let activity = Activity::build(&prepared, None);
        let mut found = collect(&activity);
        found.sort_by(|a, b| a.1.cmp(&b.1));
        assert_eq!(
            found
                .iter()
                .map(|(_, days)| days.clone())
                .collect::<Vec<_>>(),
            [vec![0, 2], vec![1]]
        );
        // Many partitions: 100,000 rows of 50,000 sparse ids.
        let ids: Vec<u64> = (0..100_000u64)
            .map(|row| (row % 50_000).wrapping_mul(0x9E37_79B9_7F4A_7C15))
            .collect();
        let (dense, count) = number_sparse_ids(&ids).unwrap();
        assert_eq!(count, 50_000);
        assert!(dense.iter().all(|&n| n < 50_000));
        assert!((0..50_000).all(|row| dense[row] == dense[row + 50_000]));
        let mut seen = dense[..50_000].to_vec();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), 50_000);
    }

    #[test]
    fn times_are_checked() {
        let users = [1i64, 2];
        let err = prepare(
            &EventLog::new(&users, &[0i64, -1], TimeUnit::Seconds).unwrap(),
            false,
        )
        .unwrap_err();
        assert_eq!(err.field(), "times[1]");
        assert_eq!(err.kind(), crate::ErrorKind::OutOfRange);
        let err = prepare(
            &EventLog::new(&[1i64, -2], &[0i64, 1], TimeUnit::Seconds).unwrap(),
            false,
        )
        .unwrap_err();
        assert_eq!(err.field(), "user_ids[1]");
        // A UTC+1 log: 23:30 UTC on 1 Jan 1970 is 2 Jan locally.
        let log = EventLog::new(&[1i64], &[84_600i64], TimeUnit::Seconds)
            .unwrap()
            .with_utc_offset_minutes(60)
            .unwrap();
        assert_eq!(prepare(&log, false).unwrap().unwrap().first_day, 1);
    }
}
