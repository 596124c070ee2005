//! `pmkit::analytics` for JavaScript.
