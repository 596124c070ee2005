//! Items and a workflow as JSON (`{"items": [...], "workflow": {...}, "today": "...",
//! "options": {...}}`, the dashboard's flow section plus the timelines options): an
//! error, or timelines whose every team metric and chart is finite.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use pmkit::chart::{cumulative_flow_chart, cycle_time_chart, ChartOptions};
use pmkit::flow::*;
use pmkit_fuzz::{assert_finite, assert_svg_finite};
use serde::Deserialize;

#[derive(Deserialize)]
struct Input {
    items: Vec<Item>,
    workflow: Workflow,
    today: NaiveDate,
    #[serde(default)]
    options: TimelinesOptions,
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(input) = pmkit::json::from_str::<Input>("input", text) else {
        return;
    };
    let Ok(timelines) = item_timelines(&input.items, &input.workflow, input.today, &input.options)
    else {
        return;
    };
    assert_finite("item_timelines", &timelines);
    for measure in [Measure::Items, Measure::Points] {
        for period in [Period::Day, Period::WEEK] {
            if let Ok(weekly) = throughput(&timelines, period, measure, None, None) {
                let finished = timelines.items.iter().filter(|i| i.cycle_time.is_some());
                if measure == Measure::Items {
                    assert_eq!(weekly.values.iter().sum::<f64>(), finished.count() as f64);
                }
                assert_finite("throughput", &weekly);
            }
            if let Ok(net) = net_flow(&timelines, period, measure) {
                assert_finite("net_flow", &net);
            }
            if let Ok(cancelled) = cancelled_work(&timelines, period, measure, None, None) {
                assert_finite("cancelled_work", &cancelled);
            }
        }
        if let Ok(cfd) = cumulative_flow(&timelines, measure) {
            assert_finite("cumulative_flow", &cfd);
            let chart = cumulative_flow_chart(&cfd, &ChartOptions::default());
            assert_svg_finite("cumulative_flow_chart", &chart.svg);
        }
        if let Ok(open) = wip(&timelines, measure) {
            assert_finite("wip", &open);
        }
    }
    if let Ok(ageing) = ageing_wip(&timelines) {
        assert_finite("ageing_wip", &ageing);
    }
    for kind in [DurationKind::CycleTime, DurationKind::LeadTime] {
        let sample = durations(&timelines, kind);
        if let Ok(p) = percentiles(&sample, &CYCLE_TIME_LEVELS) {
            assert_finite("percentiles", &p);
            assert!(p.windows(2).all(|pair| pair[0].value <= pair[1].value));
        }
        if let Ok(bins) = histogram(&sample) {
            assert_eq!(bins.iter().sum::<u64>(), sample.len() as u64);
        }
    }
    let chart = cycle_time_chart(&timelines, &ChartOptions::default());
    assert_svg_finite("cycle_time_chart", &chart.svg);
});
