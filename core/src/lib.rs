//! pmkit: the product-management domain in plain data and pure functions.
//!
//! pmkit models the two product roles — the **product manager** (strategy: market,
//! roadmap, lifecycle, stakeholders) and the **product owner** (tactics: backlog,
//! user stories, sprints, the development team) — and every KPI each role is judged by.
//!
//! The same API is exposed to Python (`import pmkit`) and JavaScript (the `pmkit`
//! wasm package); the shared test vectors in `vectors/` keep the three in step.
//!
//! ```
//! use pmkit::metrics::net_promoter_score;
//!
//! let nps = net_promoter_score(&[10u8, 9, 8, 3])?;
//! assert_eq!(nps.score, 25.0); // 2 promoters, 1 detractor out of 4
//! # Ok::<(), pmkit::Error>(())
//! ```
//!
//! Rules every module follows: no I/O, no clock (callers pass dates), no global state,
//! no panics. Every fallible function returns [`Result`], and an [`Error`] names the
//! field at fault and the reason.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod analytics;
pub mod calendar;
pub mod cancel;
pub mod chart;
pub mod dashboard;
pub mod error;
pub mod flow;
pub mod forecast;
pub mod input;
pub mod json;
pub mod metrics;
mod names;
// The two roles sit below both `metrics` (whose catalog names each KPI's owners) and
// `roles` (whose profiles list each role's metrics), so neither imports the other.
pub mod roadmap;
mod role;
pub mod roles;
pub mod scorecard;
pub mod sprint;
pub mod stats;
pub mod tracker;
pub mod work;

pub use error::{Error, ErrorKind, Result};
pub use names::Named;

// The README's Rust quickstart runs as a doc test, so it cannot drift from the API.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
