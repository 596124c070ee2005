//! One pass from rows to activity: each user's distinct active days.
//!
//! Every day-based metric (active users, retention, churn, adoption, stickiness) needs
//! only *which days each user was active*. [`prepare`] checks the columns once and
//! finds the day span and a dense number for every user; [`Activity::build`] then reads
//! the rows once more and records each (user, day) pair:
//!
//! - as one bit in a per-user day bitmap when users × span fits in about one input
//!   column's memory (the common case: a year of data is 6 words per user), or
//! - as per-user lists of day numbers (a counting sort by user, then a small sort per
//!   user) when the span is long, so a stray timestamp from 1970 cannot blow memory up.
//!
//! Either way no row is allocated and nothing is sorted globally; the metrics then walk
//! users one at a time through [`Activity::for_each_user`].

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::calendar::{PeriodTable, MAX_DAY, MIN_DAY};
use super::columns::{bad_value, EventLog, EventValue, TimeUnit, TimeValue, UserIdValue};
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
    log: EventLog<'a, U, T, E>,
    keys: UserKeys,
    /// Dense user numbers are `0..users` (some may have no rows under `Offset`).
    pub users: usize,
    /// First and last calendar day of the log (day numbers).
    pub first_day: i64,
    pub last_day: i64,
    /// `utc_offset_minutes` in units of `times`.
    offset_units: i64,
}

/// The dense users of `ids`, after checking each id.
fn user_keys<U: UserIdValue>(ids: &[U]) -> Result<(UserKeys, usize)> {
    let (mut min, mut max) = (u64::MAX, 0u64);
    for (index, &value) in ids.iter().enumerate() {
        let id = value
            .user_id()
            .map_err(|why| bad_value("user_ids", index, value, why))?;
        min = min.min(id);
        max = max.max(id);
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
    let mut numbers: FastMap<u64, u32> = FastMap::default();
    numbers.reserve(ids.len().min(1 << 16));
    let mut dense = Vec::with_capacity(ids.len());
    for &value in ids {
        // Checked in the loop above.
        let id = value.user_id().unwrap_or(0);
        let next = numbers.len();
        let number = *numbers
            .entry(id)
            .or_insert_with(|| u32::try_from(next).unwrap_or(u32::MAX));
        dense.push(number);
    }
    if numbers.len() > u32::MAX as usize {
        return Err(too_many_users());
    }
    Ok((UserKeys::Mapped { dense }, numbers.len()))
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
    let (mut min, mut max) = (i64::MAX, i64::MIN);
    for (index, &value) in log.times.iter().enumerate() {
        let time = value
            .time()
            .map_err(|why| bad_value("times", index, value, why))?;
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
        min = min.min(time);
        max = max.max(time);
    }
    if with_events {
        if let Some(events) = log.events {
            for (index, &value) in events.iter().enumerate() {
                value
                    .code()
                    .map_err(|why| bad_value("events", index, value, why))?;
            }
        }
    }
    let (keys, users) = user_keys(log.user_ids)?;
    let per_day = log.unit.per_day();
    Ok(Some(Prepared {
        log: *log,
        keys,
        users,
        first_day: (min + offset_units).div_euclid(per_day),
        last_day: (max + offset_units).div_euclid(per_day),
        offset_units,
    }))
}

#[allow(dead_code)] // the funnel accessors land with the funnel module
impl<'a, U: UserIdValue, T: TimeValue, E: EventValue> Prepared<'a, U, T, E> {
    /// Days from the first to the last day of the log, both included.
    pub fn span_days(&self) -> usize {
        usize::try_from(self.last_day - self.first_day + 1).unwrap_or(0)
    }

    /// The log's `events` column (checked by [`prepare`]).
    pub fn events(&self) -> Option<&'a [E]> {
        self.log.events
    }

    /// The log's raw times and unit (checked by [`prepare`]).
    pub fn times(&self) -> (&'a [T], TimeUnit) {
        (self.log.times, self.log.unit)
    }

    /// Calls `visit(row, user, day)` for every row, with the dense user number and the
    /// day relative to `first_day`. The unit's divisor is a constant in each copy of the
    /// loop, so the division compiles to a multiply.
    pub fn for_each_row(&self, visit: impl FnMut(usize, u32, u32)) {
        match self.log.unit {
            TimeUnit::Days => self.rows::<1>(visit),
            TimeUnit::Seconds => self.rows::<86_400>(visit),
            TimeUnit::Milliseconds => self.rows::<86_400_000>(visit),
            TimeUnit::Microseconds => self.rows::<86_400_000_000>(visit),
            TimeUnit::Nanoseconds => self.rows::<86_400_000_000_000>(visit),
        }
    }

    fn rows<const PER_DAY: u64>(&self, mut visit: impl FnMut(usize, u32, u32)) {
        let offset = self.offset_units;
        // `prepare` checked that every `time + offset` is ≥ 0 and on a day ≥ first_day.
        let first = self.first_day as u64;
        let day = move |time: T| -> u32 {
            let local = time.time().unwrap_or(0).wrapping_add(offset) as u64;
            (local / PER_DAY).wrapping_sub(first) as u32
        };
        match &self.keys {
            UserKeys::Offset { min } => {
                let min = *min;
                for (row, (&id, &time)) in self.log.user_ids.iter().zip(self.log.times).enumerate()
                {
                    let user = id.user_id().unwrap_or(0).wrapping_sub(min) as u32;
                    visit(row, user, day(time));
                }
            }
            UserKeys::Mapped { dense } => {
                for (row, (&user, &time)) in dense.iter().zip(self.log.times).enumerate() {
                    visit(row, user, day(time));
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

/// How the (user, day) pairs are stored.
#[derive(Debug, Clone)]
enum Store {
    /// `words` 64-bit words per user; bit `d` set when the user was active on day `d`.
    Bitmaps { words: usize, bits: Vec<u64> },
    /// User `u`'s sorted distinct days are `days[offsets[u]..offsets[u + 1]]`.
    Lists { offsets: Vec<usize>, days: Vec<u32> },
}

/// Each user's distinct active days, relative to the log's first day.
#[derive(Debug, Clone)]
pub(crate) struct Activity {
    users: usize,
    store: Store,
}

impl Activity {
    /// The activity of every row of `prepared` whose event is `code` (every row when
    /// `code` is `None`).
    pub fn build<U: UserIdValue, T: TimeValue, E: EventValue>(
        prepared: &Prepared<'_, U, T, E>,
        code: Option<u32>,
    ) -> Activity {
        Activity::build_with(prepared, code, prepared.span_days(), |day| day)
    }

    /// Like [`Activity::build`], but recording each user's distinct *periods* of
    /// `table` instead of days: what retention needs, in a fraction of the memory.
    pub fn build_periods<U: UserIdValue, T: TimeValue, E: EventValue>(
        prepared: &Prepared<'_, U, T, E>,
        code: Option<u32>,
        table: &PeriodTable,
    ) -> Activity {
        Activity::build_with(prepared, code, table.count(), |day| table.of(day) as u32)
    }

    /// Records `slot(day)` (in `0..span`) for every row with `code`.
    fn build_with<U: UserIdValue, T: TimeValue, E: EventValue>(
        prepared: &Prepared<'_, U, T, E>,
        code: Option<u32>,
        span: usize,
        slot: impl Fn(u32) -> u32 + Copy,
    ) -> Activity {
        let users = prepared.users;
        let words = span.div_ceil(64);
        let bitmap_bytes = users.saturating_mul(words).saturating_mul(8);
        let budget = prepared.log.len().saturating_mul(8).max(1 << 20);
        let store = if bitmap_bytes <= budget {
            Store::Bitmaps {
                words,
                bits: Activity::bitmaps(prepared, code, words, span, slot),
            }
        } else {
            Activity::lists(prepared, code, slot)
        };
        Activity { users, store }
    }

    /// The per-user day bitmaps of the rows with `code`.
    ///
    /// Setting one bit per row at a random user is a cache miss per row once the
    /// bitmaps outgrow the CPU caches (24 MB for a million users over half a year), so
    /// rows are first bucketed by user range — one sequential write per row into about
    /// a hundred streams — and each bucket then sets its bits in a slice of bitmaps
    /// that fits in the L2 cache. Two cheap passes beat one slow one by about 4×.
    fn bitmaps<U: UserIdValue, T: TimeValue, E: EventValue>(
        prepared: &Prepared<'_, U, T, E>,
        code: Option<u32>,
        words: usize,
        span: usize,
        slot: impl Fn(u32) -> u32 + Copy,
    ) -> Vec<u64> {
        let users = prepared.users;
        let mut bits = vec![0u64; users * words];
        let set = |bits: &mut [u64], user: usize, day: u32| {
            if let Some(word) = bits.get_mut(user * words + (day / 64) as usize) {
                *word |= 1u64 << (day % 64);
            }
        };
        // Users per bucket: a power of two whose bitmaps take about 256 KiB, and small
        // enough that (user in bucket, day) packs into 32 bits.
        const BUCKET_BYTES: usize = 256 << 10;
        let day_bits = usize::BITS - span.leading_zeros();
        let by_cache = (BUCKET_BYTES / (words * 8).max(1)).max(1).ilog2();
        let shift = by_cache.min(32u32.saturating_sub(day_bits));
        if users <= (1 << shift) || shift == 0 {
            prepared.for_each_row(|row, user, day| {
                if prepared.row_has(row, code) {
                    set(&mut bits, user as usize, slot(day));
                }
            });
            return bits;
        }
        let buckets = (users >> shift) + 1;
        let mut starts = vec![0usize; buckets + 1];
        prepared.for_each_row(|row, user, _| {
            if prepared.row_has(row, code) {
                if let Some(count) = starts.get_mut((user >> shift) as usize + 1) {
                    *count += 1;
                }
            }
        });
        for bucket in 0..buckets {
            starts[bucket + 1] += starts[bucket];
        }
        let mut packed = vec![0u32; starts[buckets]];
        let mut next = starts.clone();
        let local_mask = (1u32 << shift) - 1;
        let slot_of = slot;
        prepared.for_each_row(|row, user, day| {
            if prepared.row_has(row, code) {
                if let Some(at) = next.get_mut((user >> shift) as usize) {
                    if let Some(slot) = packed.get_mut(*at) {
                        *slot = ((user & local_mask) << day_bits) | slot_of(day);
                    }
                    *at += 1;
                }
            }
        });
        let day_mask = if day_bits >= 32 {
            u32::MAX
        } else {
            (1u32 << day_bits) - 1
        };
        for bucket in 0..buckets {
            let base = bucket << shift;
            let entries = packed
                .get(starts[bucket]..starts[bucket + 1])
                .unwrap_or(&[]);
            for &entry in entries {
                let local = if day_bits >= 32 {
                    0
                } else {
                    (entry >> day_bits) as usize
                };
                set(&mut bits, base + local, entry & day_mask);
            }
        }
        bits
    }

    fn lists<U: UserIdValue, T: TimeValue, E: EventValue>(
        prepared: &Prepared<'_, U, T, E>,
        code: Option<u32>,
        slot_of: impl Fn(u32) -> u32 + Copy,
    ) -> Store {
        let users = prepared.users;
        let mut offsets = vec![0usize; users + 1];
        prepared.for_each_row(|row, user, _| {
            if prepared.row_has(row, code) {
                if let Some(count) = offsets.get_mut(user as usize + 1) {
                    *count += 1;
                }
            }
        });
        for user in 0..users {
            offsets[user + 1] += offsets[user];
        }
        let mut days = vec![0u32; offsets[users]];
        let mut next: Vec<usize> = offsets[..users].to_vec();
        prepared.for_each_row(|row, user, day| {
            if prepared.row_has(row, code) {
                if let Some(at) = next.get_mut(user as usize) {
                    if let Some(slot) = days.get_mut(*at) {
                        *slot = slot_of(day);
                    }
                    *at += 1;
                }
            }
        });
        // Sort and de-duplicate each user's days in place, compacting as we go.
        let mut write = 0;
        let mut start = 0;
        for user in 0..users {
            let end = offsets[user + 1];
            let list = &mut days[start..end];
            list.sort_unstable();
            let mut last = None;
            let begin = write;
            for read in start..end {
                let day = days[read];
                if last != Some(day) {
                    days[write] = day;
                    write += 1;
                    last = Some(day);
                }
            }
            offsets[user] = begin;
            start = end;
        }
        offsets[users] = write;
        days.truncate(write);
        Store::Lists { offsets, days }
    }

    /// The sorted distinct active days of `user`, written into `buffer` when needed.
    pub fn days_of<'s>(&'s self, user: usize, buffer: &'s mut Vec<u32>) -> &'s [u32] {
        match &self.store {
            Store::Bitmaps { words, bits } => {
                buffer.clear();
                let start = user * words;
                if let Some(chunk) = bits.get(start..start + words) {
                    for (index, &word) in chunk.iter().enumerate() {
                        let mut word = word;
                        let base = (index * 64) as u32;
                        while word != 0 {
                            buffer.push(base + word.trailing_zeros());
                            word &= word - 1;
                        }
                    }
                }
                buffer
            }
            Store::Lists { offsets, days } => match (offsets.get(user), offsets.get(user + 1)) {
                (Some(&start), Some(&end)) => days.get(start..end).unwrap_or(&[]),
                _ => &[],
            },
        }
    }

    /// Calls `visit(user, days)` for every user with at least one active day.
    pub fn for_each_user(&self, mut visit: impl FnMut(usize, &[u32])) {
        let mut buffer = Vec::new();
        for user in 0..self.users {
            let days = self.days_of(user, &mut buffer);
            if !days.is_empty() {
                visit(user, days);
            }
        }
    }

    /// Calls `visit(user, days, other_days)` for every user active in either.
    /// Both must come from the same [`Prepared`] log.
    pub fn for_each_user_with(
        &self,
        other: &Activity,
        mut visit: impl FnMut(usize, &[u32], &[u32]),
    ) {
        let (mut mine, mut theirs) = (Vec::new(), Vec::new());
        for user in 0..self.users.max(other.users) {
            let a = self.days_of(user, &mut mine);
            let b = other.days_of(user, &mut theirs);
            if !a.is_empty() || !b.is_empty() {
                visit(user, a, b);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(activity: &Activity) -> Vec<(usize, Vec<u32>)> {
        let mut out = Vec::new();
        activity.for_each_user(|user, days| out.push((user, days.to_vec())));
        out
    }

    #[test]
    fn bitmaps_and_lists_agree() {
        let users = [5u64, 3, 5, 5, 4, 3];
        let days = [10i64, 12, 10, 14, 11, 10];
        let log = EventLog::new(&users, &days, TimeUnit::Days).unwrap();
        let prepared = prepare(&log, false).unwrap().unwrap();
        assert_eq!(
            (prepared.first_day, prepared.last_day, prepared.users),
            (10, 14, 3)
        );
        let bitmaps = Activity::build(&prepared, None);
        let lists = Activity {
            users: prepared.users,
            store: Activity::lists(&prepared, None, |day| day),
        };
        let expected = vec![(0, vec![0, 2]), (1, vec![1]), (2, vec![0, 4])];
        assert_eq!(collect(&bitmaps), expected);
        assert_eq!(collect(&lists), expected);
    }

    #[test]
    fn sparse_ids_are_numbered_in_order_of_appearance() {
        let users = [u64::MAX, 1, u64::MAX];
        let days = [0i64, 1, 2];
        let log = EventLog::new(&users, &days, TimeUnit::Days).unwrap();
        let prepared = prepare(&log, false).unwrap().unwrap();
        assert_eq!(prepared.users, 2);
        let activity = Activity::build(&prepared, None);
        assert_eq!(collect(&activity), vec![(0, vec![0, 2]), (1, vec![1])]);
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

    #[test]
    fn long_spans_use_lists() {
        // 1970 to 2026 for two users: bitmaps would be 20,000 days per user.
        let users = [1u64, 2, 1];
        let days = [0i64, 20_000, 20_000];
        let log = EventLog::new(&users, &days, TimeUnit::Days).unwrap();
        let prepared = prepare(&log, false).unwrap().unwrap();
        let lists = Activity {
            users: prepared.users,
            store: Activity::lists(&prepared, None, |day| day),
        };
        assert_eq!(
            collect(&lists),
            vec![(0, vec![0, 20_000]), (1, vec![20_000])]
        );
        assert_eq!(collect(&Activity::build(&prepared, None)), collect(&lists));
    }
}
