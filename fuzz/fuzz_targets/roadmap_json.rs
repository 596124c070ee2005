//! A roadmap's JSON text: an error, or a roadmap whose JSON reads back equal, whose
//! validation is finite and whose chart draws finite geometry.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pmkit::chart::{roadmap_chart, ChartOptions};
use pmkit::roadmap::Roadmap;
use pmkit_fuzz::{assert_finite, assert_svg_finite};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(roadmap) = Roadmap::from_json(text) else {
        return;
    };
    let again = Roadmap::from_json(&roadmap.to_json()).expect("a roadmap reads its own JSON");
    assert_eq!(again, roadmap);
    if let Ok(validation) = roadmap.validate() {
        assert_finite("validate", &validation);
    }
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 16).expect("a date");
    let chart = roadmap_chart(&roadmap, today, &ChartOptions::default());
    assert_svg_finite("roadmap_chart", &chart.svg);
});
