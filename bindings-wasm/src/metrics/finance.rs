//! finance metrics for JavaScript.
