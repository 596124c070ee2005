//! One pass from rows to activity: each user's distinct active days.
//!
//! Every day-based metric (active users, retention, churn, adoption, stickiness) needs
//! only *which days each user was active*. [`prepare`](super::rows::prepare) checks the
//! columns once and finds the day span and a dense number for every user; [`Activity::build`] then reads
//! the rows once more and records each (user, day) pair:
//!
//! - as one bit in a per-user day bitmap when users × span fits in about one input
//!   column's memory (the common case: a year of data is 6 words per user), or
//! - as per-user lists of day numbers (a counting sort by user, then a small sort per
//!   user) when the span is long, so a stray timestamp from 1970 cannot blow memory up.
//!
//! Either way no row is allocated and nothing is sorted globally; the metrics then walk
//! users one at a time through [`Activity::for_each_user`], or in one range of users
//! per thread through [`Activity::tally_users_with`]. On large logs the bitmaps are
//! built on several threads too (see [`parallel`]).

use super::calendar::PeriodTable;
use super::columns::{EventValue, TimeValue, UserIdValue};
use super::parallel;
use super::rows::Prepared;

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
    /// Threads for walks over the users (the log's, see [`Prepared::threads`]).
    threads: usize,
    /// What per-thread tallies of a walk may take in all: one input column's bytes.
    column_bytes: usize,
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
        slot: impl Fn(u32) -> u32 + Copy + Sync,
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
        Activity::of(prepared, store)
    }

    /// The activity held in `store`, of `prepared`'s users.
    fn of<U: UserIdValue, T: TimeValue, E: EventValue>(
        prepared: &Prepared<'_, U, T, E>,
        store: Store,
    ) -> Activity {
        Activity {
            users: prepared.users,
            store,
            threads: prepared.threads,
            column_bytes: prepared.log.len().saturating_mul(8),
        }
    }

    /// The per-user day bitmaps of the rows with `code`.
    ///
    /// Setting one bit per row at a random user is a cache miss per row once the
    /// bitmaps outgrow the CPU caches (24 MB for a million users over half a year), so
    /// rows are first bucketed by user range — one sequential write per row into a few
    /// dozen growing vectors — and each bucket then sets its bits in a slice of bitmaps
    /// that fits in the L2 cache. On 10 million rows the two cheap passes (bucket, set)
    /// take about 60 ms on one thread where the one random pass took 500 ms. (Counting
    /// each bucket's rows first, to bucket into one exact buffer, was 15 ms slower: a
    /// third pass over the user ids costs more than the vectors' spare capacity.)
    ///
    /// On several threads, each buckets its own part of the rows, then each sets the
    /// bits of its own range of buckets (a disjoint slice of the bitmaps) from every
    /// part's entries: no bitmap is copied. Bits are OR-ed, so the order they are set
    /// in does not matter and the bitmaps are the same on any number of threads.
    fn bitmaps<U: UserIdValue, T: TimeValue, E: EventValue>(
        prepared: &Prepared<'_, U, T, E>,
        code: Option<u32>,
        words: usize,
        span: usize,
        slot: impl Fn(u32) -> u32 + Copy + Sync,
    ) -> Vec<u64> {
        let users = prepared.users;
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
        let rows = prepared.log.len();
        if users <= (1 << shift) || shift == 0 {
            // The bitmaps fit in the cache: each thread sets bits in its own copy (if
            // the copies fit in one column's memory), and the copies are OR-ed.
            let threads = parallel::threads_within(
                prepared.threads,
                users.saturating_mul(words).saturating_mul(8),
                rows.saturating_mul(8),
            );
            let copies = parallel::map(parallel::split(0..rows, threads), |range| {
                let mut bits = vec![0u64; users * words];
                prepared.for_each_row_in(range, |row, user, day| {
                    if prepared.row_has(row, code) {
                        set(&mut bits, user as usize, slot(day));
                    }
                });
                bits
            });
            let mut copies = copies.into_iter();
            let mut bits = copies.next().unwrap_or_default();
            for copy in copies {
                for (word, other) in bits.iter_mut().zip(copy) {
                    *word |= other;
                }
            }
            return bits;
        }
        let mut bits = vec![0u64; users * words];
        // Rows go through in chunks of up to 64 Mi rows (a 256 MiB bucket buffer at
        // most). Smaller chunks were tried and are slower: each bucket's bitmaps must
        // take many entries per visit to pay for bringing them into the cache.
        const CHUNK_ROWS: usize = 1 << 26;
        let buckets = (users >> shift) + 1;
        let threads = prepared.threads;
        let local_mask = (1u32 << shift) - 1;
        let day_mask = if day_bits >= 32 {
            u32::MAX
        } else {
            (1u32 << day_bits) - 1
        };
        // One part of the rows, bucketed: each entry is (user in bucket, slot) packed
        // into 32 bits.
        let bucket_rows = |range: std::ops::Range<usize>| -> Vec<Vec<u32>> {
            let expected = range.len() / buckets + range.len() / buckets / 8 + 64;
            let mut parts: Vec<Vec<u32>> =
                (0..buckets).map(|_| Vec::with_capacity(expected)).collect();
            prepared.for_each_row_in(range, |row, user, day| {
                if prepared.row_has(row, code) {
                    if let Some(part) = parts.get_mut((user >> shift) as usize) {
                        part.push(((user & local_mask) << day_bits) | slot(day));
                    }
                }
            });
            parts
        };
        let mut chunk_start = 0;
        while chunk_start < rows {
            let chunk = chunk_start..(chunk_start + CHUNK_ROWS).min(rows);
            chunk_start = chunk.end;
            let parts = parallel::map(parallel::split(chunk, threads), bucket_rows);
            // Each thread sets the bits of a contiguous range of buckets, which own a
            // contiguous, disjoint slice of the bitmaps.
            let mut rest = bits.as_mut_slice();
            let mut work = Vec::with_capacity(threads);
            for range in parallel::split(0..buckets, threads) {
                let users_in = (range.end << shift).min(users) - (range.start << shift);
                let mid = (users_in * words).min(rest.len());
                let (mine, others) = std::mem::take(&mut rest).split_at_mut(mid);
                work.push((range, mine));
                rest = others;
            }
            parallel::map(work, |(range, mine)| {
                let first_user = range.start << shift;
                for bucket in range {
                    let base = (bucket << shift) - first_user;
                    for part in &parts {
                        for &entry in part.get(bucket).map_or(&[][..], Vec::as_slice) {
                            let local = if day_bits >= 32 {
                                0
                            } else {
                                (entry >> day_bits) as usize
                            };
                            set(mine, base + local, entry & day_mask);
                        }
                    }
                }
            });
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

    /// Whether the days are stored as lists (long spans) rather than bitmaps.
    #[cfg(test)]
    pub fn is_lists(&self) -> bool {
        matches!(self.store, Store::Lists { .. })
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
    pub fn for_each_user_with(&self, other: &Activity, visit: impl FnMut(usize, &[u32], &[u32])) {
        self.for_each_user_with_in(other, 0..self.users.max(other.users), visit);
    }

    /// [`Activity::for_each_user_with`] over the users in `users` only.
    fn for_each_user_with_in(
        &self,
        other: &Activity,
        users: std::ops::Range<usize>,
        mut visit: impl FnMut(usize, &[u32], &[u32]),
    ) {
        let (mut mine, mut theirs) = (Vec::new(), Vec::new());
        let same = std::ptr::eq(self, other);
        for user in users {
            let a = self.days_of(user, &mut mine);
            let b = if same {
                a
            } else {
                other.days_of(user, &mut theirs)
            };
            if !a.is_empty() || !b.is_empty() {
                visit(user, a, b);
            }
        }
    }

    /// Walks the users as [`Activity::for_each_user_with`] does, one contiguous range
    /// of users per thread, each adding into its own tally made by `tally()`; the
    /// tallies come back in user order, for the caller to add up. `tally_bytes` is one
    /// tally's size: the copies stay within one input column's memory, with fewer
    /// threads if need be.
    pub fn tally_users_with<A: Send>(
        &self,
        other: &Activity,
        tally_bytes: usize,
        tally: impl Fn() -> A + Sync,
        visit: impl Fn(&mut A, &[u32], &[u32]) + Sync,
    ) -> Vec<A> {
        let threads = parallel::threads_within(
            self.threads.min(other.threads),
            tally_bytes,
            self.column_bytes,
        );
        let users = 0..self.users.max(other.users);
        parallel::map(parallel::split(users, threads), |users| {
            let mut sum = tally();
            self.for_each_user_with_in(other, users, |_, days, other_days| {
                visit(&mut sum, days, other_days)
            });
            sum
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::rows::prepare;
    use crate::analytics::{EventLog, TimeUnit};

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
        let lists = Activity::of(&prepared, Activity::lists(&prepared, None, |day| day));
        let expected = vec![(0, vec![0, 2]), (1, vec![1]), (2, vec![0, 4])];
        assert_eq!(collect(&bitmaps), expected);
        assert_eq!(collect(&lists), expected);
    }

    #[test]
    fn long_spans_use_lists() {
        // 1970 to 2026 for two users: bitmaps would be 20,000 days per user.
        let users = [1u64, 2, 1];
        let days = [0i64, 20_000, 20_000];
        let log = EventLog::new(&users, &days, TimeUnit::Days).unwrap();
        let prepared = prepare(&log, false).unwrap().unwrap();
        let lists = Activity::of(&prepared, Activity::lists(&prepared, None, |day| day));
        assert_eq!(
            collect(&lists),
            vec![(0, vec![0, 20_000]), (1, vec![20_000])]
        );
        assert_eq!(collect(&Activity::build(&prepared, None)), collect(&lists));
    }
}
