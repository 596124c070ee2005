//! A product file's JSON text (the dashboard's input): an error, or a dashboard whose
//! every number and chart is finite.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pmkit::chart::ChartOptions;
use pmkit::dashboard::{dashboard, ProductFile};
use pmkit_fuzz::{assert_finite, assert_svg_finite};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(file) = ProductFile::from_json(text) else {
        return;
    };
    if let Ok(board) = dashboard(&file, None, &ChartOptions::default()) {
        assert_finite("dashboard", &board);
        for chart in &board.charts {
            assert_svg_finite("dashboard chart", &chart.svg);
        }
    }
});
