//! GitHub issues and timelines: an error, or finite items with transitions oldest
//! first.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| pmkit_fuzz::targets::github_json(data));
