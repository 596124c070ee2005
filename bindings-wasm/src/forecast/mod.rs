//! `pmkit::forecast` for JavaScript.
