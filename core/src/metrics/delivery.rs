//! delivery metrics.
