//! A KPI snapshot's JSON text: an error, or a snapshot whose scorecard is finite.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| pmkit_fuzz::targets::scorecard_json(data));
