//! `pmkit::sprint` for JavaScript.
