//! Every chart given an arbitrary result model and options: the first byte picks the
//! chart, the rest is JSON `[model, options]` (the dict and object forms the bindings
//! accept). The chart must draw finite geometry, or the frame with a note.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pmkit::analytics::{ActiveUsers, Retention};
use pmkit::chart::*;
use pmkit::flow::{CumulativeFlow, Timelines};
use pmkit::forecast::WhenForecast;
use pmkit::roadmap::Roadmap;
use pmkit::sprint::{SprintOutcome, SprintReport};
use pmkit_fuzz::assert_svg_finite;
use serde::de::DeserializeOwned;

/// The model and options, if the text holds them. The options are not checked: a Rust
/// caller may build them field by field, and the charts must draw with any.
fn read<T: DeserializeOwned>(text: &str) -> Option<(T, ChartOptions)> {
    serde_json::from_str(text).ok()
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let chart = match which % 9 {
        0 => read::<CumulativeFlow>(text).map(|(m, o)| cumulative_flow_chart(&m, &o)),
        1 => read::<Timelines>(text).map(|(m, o)| cycle_time_chart(&m, &o)),
        2 => read::<SprintReport>(text).map(|(m, o)| burndown_chart(&m, &o)),
        3 => read::<SprintReport>(text).map(|(m, o)| burnup_chart(&m, &o)),
        4 => read::<Vec<SprintOutcome>>(text).map(|(m, o)| velocity_chart(&m, &o)),
        5 => read::<Roadmap>(text).map(|(m, o)| {
            let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 16).unwrap_or_default();
            roadmap_chart(&m, today, &o)
        }),
        6 => read::<WhenForecast>(text).map(|(m, o)| forecast_chart(&m, &o)),
        7 => read::<ActiveUsers>(text).map(|(m, o)| active_users_chart(&m, &o)),
        _ => read::<Retention>(text).map(|(m, o)| retention_chart(&m, &o)),
    };
    if let Some(chart) = chart {
        assert_svg_finite("chart", &chart.svg);
    }
});
