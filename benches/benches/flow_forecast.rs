//! `cargo bench -p pmkit-benches`: the Monte Carlo forecast and the flow metrics at the
//! sizes of issue 5 (10,000 trials on 500 remaining items; 100,000 items).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use criterion::{criterion_group, criterion_main, Criterion};
use pmkit::flow::{cumulative_flow, item_timelines, throughput, Counting, Measure, Period};
use pmkit::forecast::{
    forecast_epics, forecast_how_many, forecast_when, Epic, EpicPlan, Simulation, WHEN_LEVELS,
};
use std::hint::black_box;

fn forecasts(c: &mut Criterion) {
    let history = pmkit_benches::daily_history();
    let simulation = Simulation::new(10_000, 1).unwrap();
    c.bench_function("forecast_when 500 items, 10k trials", |b| {
        b.iter(|| {
            forecast_when(
                black_box(500.0),
                &history,
                &WHEN_LEVELS,
                &simulation,
                None,
                None,
            )
            .unwrap()
        })
    });
    c.bench_function("forecast_how_many 100 days, 10k trials", |b| {
        b.iter(|| forecast_how_many(&history, black_box(100), &WHEN_LEVELS, &simulation).unwrap())
    });
    let plan = EpicPlan {
        epics: (0..5)
            .map(|index| Epic {
                name: format!("E{index}"),
                low: 50,
                high: 150,
            })
            .collect(),
        wip_limit: 2,
        split_rate: None,
        risks: Vec::new(),
    };
    c.bench_function("forecast_epics 5 epics, 10k trials", |b| {
        b.iter(|| forecast_epics(&plan, &history, &WHEN_LEVELS, &simulation, None).unwrap())
    });
}

fn flow(c: &mut Criterion) {
    let items = pmkit_benches::items(100_000);
    let today = pmkit_benches::today(100_000);
    let workflow = pmkit::flow::sample_workflow();
    let mut group = c.benchmark_group("flow 100k items");
    group.sample_size(10);
    group.bench_function("item_timelines", |b| {
        b.iter(|| item_timelines(black_box(&items), &workflow, today, Counting::Elapsed).unwrap())
    });
    let timelines = item_timelines(&items, &workflow, today, Counting::Elapsed).unwrap();
    group.bench_function("cumulative_flow", |b| {
        b.iter(|| cumulative_flow(black_box(&timelines), Measure::Items).unwrap())
    });
    let weekly = Period::parse("period", "week_monday").unwrap();
    group.bench_function("throughput weekly", |b| {
        b.iter(|| throughput(black_box(&timelines), weekly, Measure::Items, None, None).unwrap())
    });
    group.finish();
}

criterion_group!(benches, forecasts, flow);
criterion_main!(benches);
