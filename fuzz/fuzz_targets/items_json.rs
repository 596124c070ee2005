//! Items and a workflow as JSON (`{"items": [...], "workflow": {...}, "today": "...",
//! "options": {...}}`, the dashboard's flow section plus the timelines options): an
//! error, or timelines whose every team metric and chart is finite.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| pmkit_fuzz::targets::items_json(data));
