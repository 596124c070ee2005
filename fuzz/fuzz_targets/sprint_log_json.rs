//! A sprint log's JSON text: an error, or a log whose JSON reads back equal and whose
//! report and charts are finite.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| pmkit_fuzz::targets::sprint_log_json(data));
