//! `pmkit::forecast` for JavaScript: Monte Carlo "when", "how many" and multi-epic
//! forecasts, from the API description (`pmkit_api::forecast!`). The seed defaults to
//! 0, so a call without one is still reproducible, and gives the same numbers as Rust
//! and Python for the same arguments.

use crate::convert::js_functions;

pmkit_api::forecast!(js_functions);
