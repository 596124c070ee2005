//! `cargo bench -p pmkit-benches --bench analytics`: the weekly cohort matrix and rolling
//! DAU/MAU in Rust, on the log `benches/analytics/generate.py` writes to
//! target/analytics-bench/ (10 million events); without it, on a smaller log generated
//! here. `benches/analytics/compare.py` reads these timings to compare the JavaScript
//! binding with native Rust.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use criterion::{criterion_group, criterion_main, Criterion};
use pmkit::analytics::{
    active_users, retention, ActiveUsersOptions, EventLog, RetentionOptions, TimeUnit,
};
use std::hint::black_box;
use std::path::PathBuf;

/// An int64 column from a numpy .npy file (header, then little-endian values).
fn npy(name: &str) -> Option<Vec<i64>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../target/analytics-bench")
        .join(name);
    let bytes = std::fs::read(path).ok()?;
    let header = usize::from(u16::from_le_bytes([*bytes.get(8)?, *bytes.get(9)?]));
    let data = bytes.get(10 + header..)?;
    Some(
        data.chunks_exact(8)
            .map(|c| i64::from_le_bytes(c.try_into().unwrap()))
            .collect(),
    )
}

/// The generated log, or one million events of 100,000 users made here.
fn log_columns() -> (Vec<i64>, Vec<i64>) {
    if let (Some(ids), Some(times)) = (npy("user_ids.npy"), npy("times.npy")) {
        return (ids, times);
    }
    let mut state = 2026u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..1_000_000)
        .map(|_| {
            (
                (next() % 100_000) as i64,
                1_735_689_600 + (next() % (182 * 86_400)) as i64,
            )
        })
        .unzip()
}

fn analytics(c: &mut Criterion) {
    let (ids, times) = log_columns();
    let log = EventLog::new(&ids, &times, TimeUnit::Seconds).unwrap();
    let mut group = c.benchmark_group("analytics");
    group.sample_size(10);
    group.bench_function("weekly cohort matrix", |b| {
        b.iter(|| retention(black_box(&log), &RetentionOptions::default()).unwrap())
    });
    group.bench_function("rolling DAU/MAU", |b| {
        b.iter(|| active_users(black_box(&log), &ActiveUsersOptions::default()).unwrap())
    });
    // One core, as WebAssembly runs: the reference for the JavaScript binding's overhead.
    let one_core = log.with_max_threads(1).unwrap();
    group.bench_function("weekly cohort matrix, 1 thread", |b| {
        b.iter(|| retention(black_box(&one_core), &RetentionOptions::default()).unwrap())
    });
    group.bench_function("rolling DAU/MAU, 1 thread", |b| {
        b.iter(|| active_users(black_box(&one_core), &ActiveUsersOptions::default()).unwrap())
    });
    group.finish();
}

criterion_group!(benches, analytics);
criterion_main!(benches);
