//! A KPI snapshot's JSON text: an error, or a snapshot whose scorecard is finite.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pmkit::scorecard::{scorecard, ProductSnapshot};
use pmkit_fuzz::assert_finite;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(snapshot) = ProductSnapshot::from_json(text) else {
        return;
    };
    if let Ok(card) = scorecard(&snapshot) {
        assert_finite("scorecard", &card);
    }
});
