//! A Jira CSV export: an error, or a backlog whose JSON reads back equal and whose
//! totals are finite.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| pmkit_fuzz::targets::jira_csv(data));
