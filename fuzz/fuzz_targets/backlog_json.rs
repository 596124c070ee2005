//! A backlog's JSON text: an error, or a backlog whose JSON reads back equal and whose
//! totals, MoSCoW summary, rankings and health are finite.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| pmkit_fuzz::targets::backlog_json(data));
