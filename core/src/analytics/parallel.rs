//! Data parallelism for the passes over large logs: split, run a part per thread, combine.
//!
//! The passes over rows (checking the columns, recording activity) and the walks over
//! users add up independent parts, so each part can run on its own core and the parts
//! be combined afterwards. Only integer counts, minima, maxima and bit ORs are combined,
//! which do not depend on the order or the split, so results are bit-identical to one
//! thread's. Scoped standard threads, no thread pool: a metric spawns a handful of
//! threads a few times, which costs tens of microseconds against passes of tens of
//! milliseconds.
//!
//! Small logs stay on the calling thread (threads would cost more than they save), and
//! so does WebAssembly, where `wasm32-unknown-unknown` has no threads: [`threads_for`]
//! answers 1 there and [`map`] never spawns.

use std::ops::Range;

/// Rows each extra thread needs before it pays: a log under 2 × this stays on one thread.
const MIN_ROWS_PER_THREAD: usize = 1 << 19;

/// More threads than this add little: the passes are bound by memory bandwidth.
const MAX_THREADS: usize = 8;

/// How many threads to use for a pass over `rows` rows: one per available core, at
/// most [`MAX_THREADS`] and the caller's `limit`, and only as many as have
/// [`MIN_ROWS_PER_THREAD`] rows each.
pub(crate) fn threads_for(rows: usize, limit: Option<usize>) -> usize {
    #[cfg(test)]
    if let Some(forced) = tests::forced() {
        return forced;
    }
    if cfg!(target_arch = "wasm32") {
        return 1;
    }
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    cores
        .min(MAX_THREADS)
        .min(limit.unwrap_or(MAX_THREADS))
        .min(rows / MIN_ROWS_PER_THREAD)
        .max(1)
}

/// `threads`, lowered so that one scratch copy of `bytes_each` per thread stays within
/// `budget` bytes in all (at least 1): per-thread copies must not break the memory bound.
pub(crate) fn threads_within(threads: usize, bytes_each: usize, budget: usize) -> usize {
    threads.min(budget / bytes_each.max(1)).max(1)
}

/// `range` cut into `parts` contiguous ranges of near-equal length, in order (fewer
/// when it is shorter than `parts`; one empty range when it is empty).
pub(crate) fn split(range: Range<usize>, parts: usize) -> Vec<Range<usize>> {
    let (start, len) = (range.start, range.len());
    let parts = parts.clamp(1, len.max(1));
    (0..parts)
        .map(|part| start + len * part / parts..start + len * (part + 1) / parts)
        .collect()
}

/// `work` applied to each of `items`, one thread each (the last on the calling thread),
/// with the results in the order of `items`. A panic in any part is resumed here.
/// On WebAssembly the items run one after another on the calling thread.
pub(crate) fn map<T: Send, R: Send>(items: Vec<T>, work: impl Fn(T) -> R + Sync) -> Vec<R> {
    if cfg!(target_arch = "wasm32") || items.len() <= 1 {
        return items.into_iter().map(work).collect();
    }
    let work = &work;
    // The call's cancel check goes with its work to every thread.
    let cancel = crate::cancel::current();
    std::thread::scope(|scope| {
        let mut items = items;
        let last = items.pop();
        let handles: Vec<_> = items
            .into_iter()
            .map(|item| {
                let cancel = cancel.clone();
                scope.spawn(move || crate::cancel::with_installed(cancel, || work(item)))
            })
            .collect();
        let last = last.map(work);
        let mut results: Vec<R> = handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|payload| std::panic::resume_unwind(payload))
            })
            .collect();
        results.extend(last);
        results
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use std::cell::Cell;

    thread_local! {
        static FORCED: Cell<Option<usize>> = const { Cell::new(None) };
    }

    pub(super) fn forced() -> Option<usize> {
        FORCED.with(Cell::get)
    }

    /// Runs `body` with every pass on this thread using exactly `threads` threads,
    /// whatever the log's size: how the tests reach the parallel path on small logs.
    pub(crate) fn with_threads<R>(threads: usize, body: impl FnOnce() -> R) -> R {
        let before = FORCED.with(|forced| forced.replace(Some(threads)));
        let result = body();
        FORCED.with(|forced| forced.set(before));
        result
    }

    #[test]
    fn split_covers_the_range_in_order() {
        assert_eq!(super::split(0..10, 3), [0..3, 3..6, 6..10]);
        assert_eq!(super::split(5..7, 4), [5..6, 6..7]);
        assert_eq!(super::split(0..0, 4), vec![(0..0)]);
        assert_eq!(super::split(0..5, 0), vec![(0..5)]);
    }

    #[test]
    fn map_keeps_order() {
        let out = super::map(super::split(0..100, 4), |range| range.sum::<usize>());
        assert_eq!(out.len(), 4);
        assert_eq!(out.iter().sum::<usize>(), 4950);
        assert_eq!(out[0], (0..25).sum::<usize>());
    }

    #[test]
    fn small_logs_stay_on_one_thread() {
        assert_eq!(super::threads_for(1000, None), 1);
        assert_eq!(super::threads_within(4, 100, 250), 2);
        assert_eq!(super::threads_within(4, 100, 50), 1);
        assert_eq!(with_threads(3, || super::threads_for(10, None)), 3);
    }

    #[test]
    fn the_callers_limit_caps_large_logs() {
        assert_eq!(super::threads_for(1 << 30, Some(1)), 1);
        assert!(super::threads_for(1 << 30, Some(2)) <= 2);
        assert!(super::threads_for(1 << 30, None) <= super::MAX_THREADS);
    }

    #[test]
    fn a_thread_limit_of_zero_is_an_error() {
        let (users, days) = ([1u64], [19_000i64]);
        let log = crate::analytics::EventLog::new(&users, &days, crate::analytics::TimeUnit::Days)
            .unwrap();
        let err = log.with_max_threads(0).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (crate::ErrorKind::OutOfRange, "max_threads")
        );
    }

    // ---- the parallel path gives exactly the single-threaded results ----

    use crate::analytics::activity::Activity;
    use crate::analytics::calendar::PeriodTable;
    use crate::analytics::rows::prepare;
    use crate::analytics::*;

    /// A random log of `rows` rows: user ids from `users` users (database-style ids
    /// from 1,000, or 64-bit hashes when `sparse`), seconds over `span_days` days from
    /// 2025-01-01 in a skewed mix (a few busy users), event codes 0..4.
    fn random_log(
        seed: u64,
        rows: usize,
        users: u64,
        span_days: u64,
        sparse: bool,
    ) -> (Vec<u64>, Vec<i64>, Vec<u32>) {
        let mut state = seed | 1;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let (mut ids, mut times, mut events) = (vec![], vec![], vec![]);
        for _ in 0..rows {
            let user = if next() % 4 == 0 {
                next() % 16
            } else {
                next() % users
            };
            ids.push(if sparse {
                user.wrapping_mul(0x9E37_79B9_7F4A_7C15)
            } else {
                1_000 + user
            });
            times.push(1_735_689_600 + (next() % (span_days * 86_400)) as i64);
            events.push((next() % 4) as u32);
        }
        (ids, times, events)
    }

    fn days_of_every_user(activity: &Activity) -> Vec<(usize, Vec<u32>)> {
        let mut out = Vec::new();
        activity.for_each_user(|user, days| out.push((user, days.to_vec())));
        out
    }

    /// Every metric that goes through `prepare` and `Activity`, as one comparable text,
    /// with retention, churn, adoption and stickiness by each of `periods`.
    fn everything(ids: &[u64], times: &[i64], events: &[u32], periods: &[Period]) -> String {
        let log = EventLog::new(ids, times, TimeUnit::Seconds)
            .unwrap()
            .with_events(events)
            .unwrap();
        let prepared = prepare(&log, true).unwrap().unwrap();
        let mut out = format!(
            "{} {} {}\n",
            prepared.users, prepared.first_day, prepared.last_day
        );
        for code in [None, Some(1)] {
            let days = days_of_every_user(&Activity::build(&prepared, code));
            out += &format!("{days:?}\n");
            let table = PeriodTable::new(Period::WEEK, prepared.first_day, prepared.last_day);
            let weeks = days_of_every_user(&Activity::build_periods(&prepared, code, &table));
            out += &format!("{weeks:?}\n");
        }
        for &period in periods {
            for cohorts in [Cohorts::FirstTime, Cohorts::Recurring] {
                for kind in [RetentionKind::On, RetentionKind::OnOrAfter] {
                    for (start_event, return_event) in
                        [(None, None), (Some(1), None), (None, Some(2))]
                    {
                        let options = RetentionOptions {
                            period,
                            cohorts,
                            kind,
                            start_event,
                            return_event,
                            ..Default::default()
                        };
                        out += &format!("{:?}\n", retention_counts(&log, &options).unwrap());
                    }
                }
            }
            out += &format!(
                "{:?}\n",
                activity_churn_counts(
                    &log,
                    &ActivityChurnOptions {
                        period,
                        inactive_days: 14,
                        ..Default::default()
                    }
                )
                .unwrap()
            );
            out += &format!(
                "{:?}\n",
                feature_adoption_counts(
                    &log,
                    3,
                    &FeatureAdoptionOptions {
                        period,
                        ..Default::default()
                    }
                )
                .unwrap()
            );
            out += &format!(
                "{:?}\n",
                stickiness_counts(
                    &log,
                    &StickinessOptions {
                        period,
                        ..Default::default()
                    }
                )
                .unwrap()
            );
        }
        for week in [Period::WEEK, Period::parse("week", "week_mon").unwrap()] {
            out += &format!(
                "{:?}\n",
                active_user_counts(
                    &log,
                    &ActiveUsersOptions {
                        week,
                        ..Default::default()
                    }
                )
                .unwrap()
            );
        }
        let funnel = event_funnel_counts(
            &log,
            &[0, 1, 2],
            &EventFunnelOptions {
                window_seconds: 86_400,
                ..Default::default()
            },
        );
        out += &format!("{:?}\n", funnel.unwrap());
        out
    }

    fn same_on_any_threads(ids: &[u64], times: &[i64], events: &[u32], periods: &[Period]) {
        let one = with_threads(1, || everything(ids, times, events, periods));
        for threads in [2, 3, 5] {
            let many = with_threads(threads, || everything(ids, times, events, periods));
            assert!(one == many, "{threads} threads differ from one");
        }
    }

    const ALL: [Period; 3] = [Period::Day, Period::WEEK, Period::Month];

    #[test]
    fn bucketed_bitmaps_match_one_thread() {
        // 60,000 users over 200 days: more users than one bucket of bitmaps holds.
        let (ids, times, events) = random_log(7, 150_000, 60_000, 200, false);
        same_on_any_threads(&ids, &times, &events, &ALL);
    }

    #[test]
    fn small_bitmaps_and_sparse_ids_match_one_thread() {
        // Few users: one bucket, so each thread fills its own copy of the bitmaps.
        let (ids, times, events) = random_log(11, 20_000, 500, 100, false);
        same_on_any_threads(&ids, &times, &events, &ALL);
        let (ids, times, events) = random_log(13, 30_000, 5_000, 60, true);
        same_on_any_threads(&ids, &times, &events, &ALL);
    }

    #[test]
    fn lists_match_one_thread() {
        // A 3,000-day span for 4,000 users: day bitmaps would be too large, so lists
        // (and no daily retention: its matrix would have 4.5 million cells).
        let (ids, times, events) = random_log(17, 100_000, 4_000, 3_000, false);
        let log = EventLog::new(&ids, &times, TimeUnit::Seconds).unwrap();
        let prepared = prepare(&log, false).unwrap().unwrap();
        assert!(Activity::build(&prepared, None).is_lists());
        same_on_any_threads(&ids, &times, &events, &[Period::WEEK, Period::Month]);
    }

    #[test]
    fn errors_name_the_first_bad_row_on_any_threads() {
        let mut ids: Vec<i64> = (0..1_000).collect();
        let mut times: Vec<i64> = vec![1_735_689_600; 1_000];
        ids[700] = -1;
        ids[900] = -2;
        times[800] = -5;
        for threads in [1, 2, 3] {
            let log = EventLog::new(&ids, &times, TimeUnit::Seconds).unwrap();
            let err = with_threads(threads, || prepare(&log, false)).unwrap_err();
            assert_eq!(err.field(), "times[800]");
            times[800] = 0;
            let log = EventLog::new(&ids, &times, TimeUnit::Seconds).unwrap();
            let err = with_threads(threads, || prepare(&log, false)).unwrap_err();
            assert_eq!(err.field(), "user_ids[700]");
            times[800] = -5;
        }
    }
}
