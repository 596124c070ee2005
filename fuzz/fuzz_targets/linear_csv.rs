//! A Linear CSV export: an error, or a backlog whose JSON reads back equal and whose
//! items are finite.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| pmkit_fuzz::targets::linear_csv(data));
