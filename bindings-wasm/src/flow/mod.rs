//! `pmkit::flow` for JavaScript.
