//! Every chart given an arbitrary result model and options: the first byte picks the
//! chart, the rest is JSON `[model, options]` (the dict and object forms the bindings
//! accept). The chart must draw finite geometry, or the frame with a note.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| pmkit_fuzz::targets::charts(data));
