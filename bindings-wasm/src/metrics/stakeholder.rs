//! stakeholder metrics for JavaScript.
