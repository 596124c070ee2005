//! The backlog (`pmkit::work`) for JavaScript.
