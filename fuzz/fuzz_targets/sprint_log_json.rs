//! A sprint log's JSON text: an error, or a log whose JSON reads back equal and whose
//! report and charts are finite.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pmkit::chart::{burndown_chart, burnup_chart, ChartOptions};
use pmkit::sprint::{sprint_report, CountBy, SprintLog};
use pmkit_fuzz::{assert_finite, assert_svg_finite};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(log) = SprintLog::from_json(text) else {
        return;
    };
    if log.validate().is_err() {
        return;
    }
    let again = SprintLog::from_json(&log.to_json()).expect("a log reads its own JSON");
    assert_eq!(again, log);
    for count_by in [CountBy::Points, CountBy::Items] {
        if let Ok(report) = sprint_report(&log, count_by) {
            assert_finite("sprint_report", &report);
            let options = ChartOptions::default();
            assert_svg_finite("burndown_chart", &burndown_chart(&report, &options).svg);
            assert_svg_finite("burnup_chart", &burnup_chart(&report, &options).svg);
        }
    }
});
