//! finance metrics.
