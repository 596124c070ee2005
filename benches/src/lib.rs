//! Inputs shared by pmkit's benchmarks: the same generated data the side-by-side
//! scripts in `benches/jira_agile_metrics/` use, so criterion and the comparisons
//! measure the same work.

use chrono::NaiveDate;

/// The daily throughput history of the forecast benchmark: 60 days, 0 to 9 items a
/// day (mean about 5), drawn from pmkit's seeded generator.
pub fn daily_history() -> Vec<f64> {
    let mut rng = pmkit::forecast::Rng::new(60);
    (0..60).map(|_| rng.below(10) as f64).collect()
}

/// `count` synthetic items, three created a day from 2020-01-01, read on the day after
/// the last one is created (so the recent ones are still open).
pub fn items(count: usize) -> Vec<pmkit::flow::Item> {
    let first = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
    let today = first + chrono::Duration::days((count / 3) as i64 + 1);
    pmkit::flow::synthetic_items(count, 2026, first, today)
}

/// The day [`items`] was read.
pub fn today(count: usize) -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default()
        + chrono::Duration::days((count / 3) as i64 + 1)
}
