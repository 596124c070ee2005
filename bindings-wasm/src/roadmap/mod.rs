//! `pmkit::roadmap` for JavaScript.
