//! quality metrics.
