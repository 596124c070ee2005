//! quality metrics for JavaScript.
