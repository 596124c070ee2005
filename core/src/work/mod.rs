//! The product owner's backlog: user stories, acceptance criteria, estimates, status,
//! quality checks, prioritization and backlog health (tracker imports are in [`crate::tracker`]).
//!
//! - [`Story`]: who wants what and why ([`Story::parse`] reads "As a …, I want …, so
//!   that …"), with Given / When / Then [`Scenario`]s ([`parse_acceptance_criteria`]),
//!   an estimate, a [`Status`] mapped to a [`StatusCategory`], [`Priority`] inputs,
//!   dates and [`Link`]s.
//! - [`EstimateScale`]: ordered cards with labels and weights (Fibonacci, modified
//!   Fibonacci, powers of two, linear, T-shirt, custom); [`UnestimatedPolicy`].
//! - [`invest_findings`] and [`is_ready`]: the INVEST lint and a Definition of Ready.
//! - Prioritization: [`rice_score`], [`ice_score`], [`wsjf_score`], [`moscow_score`] /
//!   [`moscow_summary`], [`value_effort_score`] / [`value_effort_quadrant`],
//!   [`kano_category`] / [`kano_summary`]. Every [`Score`] records its framework,
//!   variant and inputs.
//! - [`Backlog`]: ordered stories; move, insert, remove, [`Backlog::rank`], totals per
//!   category; [`backlog_health`]; [`sample_backlog`].
//!
//! **Cancelled is never done.** Every count of finished work uses
//! [`StatusCategory::Done`] only.
//!
//! ```
//! use pmkit::work::{backlog_health, sample_backlog, Framework, HealthOptions};
//! use chrono::NaiveDate;
//!
//! let backlog = sample_backlog();
//! let ranking = backlog.rank(Framework::Rice, Framework::Rice.default_variant())?;
//! assert_eq!(ranking[0].id, "PAY-102"); // 5000 × 1 × 1.0 / 1 = 5000
//! let health = backlog_health(&backlog, NaiveDate::from_ymd_opt(2026, 3, 31).unwrap(), &HealthOptions::default())?;
//! assert_eq!(health.blocked, ["PAY-105"]);
//! # Ok::<(), pmkit::Error>(())
//! ```

mod backlog;
pub(crate) mod csv;
pub(crate) mod description;
mod estimate;
mod gherkin;
mod health;
mod invest;

mod prioritize;
mod sample;
mod status;
mod story;
mod tracker_fields;

pub use backlog::{
    Backlog, BacklogOptions, BacklogParts, CategoryTotals, InsertOptions, PointTotals, RankedStory,
};
pub use estimate::{
    Card, EstimateScale, ScaleOptions, ScaleParts, ScalePreset, UnestimatedOptions,
    UnestimatedPolicy,
};
pub use gherkin::{parse_acceptance_criteria, Scenario, Step, StepKeyword};
pub use health::{backlog_health, BacklogHealth, HealthOptions, DEFAULT_DEFINITION_OF_READY};
pub use invest::{
    invest_findings, is_ready, Finding, InvestContext, InvestOptions, ReadyOptions, Rule, Severity,
    VAGUE_WORDS,
};
pub use prioritize::*;
pub use sample::sample_backlog;
pub use status::{Status, StatusCategory, StatusMap};
pub use story::{Link, LinkKind, Story};
pub use tracker_fields::TrackerFields;

// docs/backlog.md's Rust examples run as doc tests.
#[doc = include_str!("../../../docs/backlog.md")]
#[cfg(doctest)]
pub struct BacklogDoctests;
