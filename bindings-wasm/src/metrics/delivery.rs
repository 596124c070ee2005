//! delivery metrics for JavaScript.
