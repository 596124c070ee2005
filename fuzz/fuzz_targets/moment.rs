//! `Moment::parse` on any text: an error or a moment whose text form reads back the same.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| pmkit_fuzz::targets::moment(data));
