//! stakeholder metrics.
