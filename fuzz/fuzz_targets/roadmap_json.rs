//! A roadmap's JSON text: an error, or a roadmap whose JSON reads back equal, whose
//! validation is finite and whose chart draws finite geometry.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| pmkit_fuzz::targets::roadmap_json(data));
