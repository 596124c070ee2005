//! catalog metrics for JavaScript.
