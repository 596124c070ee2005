//! A product file's JSON text (the dashboard's input): an error, or a dashboard whose
//! every number and chart is finite.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| pmkit_fuzz::targets::product_file_json(data));
