//! Roadmaps: the product manager's strategy. A [`Roadmap`] holds the product, its
//! objectives and key results, themes, initiatives, epics and stories in one hierarchy
//! ([`RoadmapItem`], [`Level`]), each with an owner [`Role`](crate::roles::Role), a
//! status, an exact or imprecise [`Target`] and a now / next / later [`Lane`]; the
//! [`Dependency`] links between items (finish-to-start, start-to-start,
//! finish-to-finish, start-to-finish, with a lag); [`Release`]s and [`Milestone`]s;
//! and the product [`Lifecycle`].
//!
//! - [`Roadmap::validate`] reports every cycle with its path, every link to a missing
//!   item, every child outside its parent and every violated dependency.
//! - [`roadmap_progress`] rolls the backlog up: done / total points and items per item
//!   and per level, cancelled excluded.
//! - [`feasibility`] lays the ranked epics ([`remaining_epics`]) into future sprints at
//!   mean velocity and names those that miss their target.
//!
//! ```
//! use chrono::NaiveDate;
//! use pmkit::roadmap::{feasibility, remaining_epics, sample_roadmap, FeasibilityOptions};
//! use pmkit::work::sample_backlog;
//!
//! let epics = remaining_epics(&sample_roadmap(), &sample_backlog())?;
//! let start = NaiveDate::from_ymd_opt(2026, 3, 16).unwrap();
//! let plan = feasibility(&epics, &[21.0, 18.0, 24.0, 20.0, 13.0], start, &FeasibilityOptions { sprint_length_days: 14, wip_limit: 2, window: 3 })?;
//! assert_eq!(plan.mean_velocity, 19.0);
//! assert_eq!(plan.missed, ["PAY-1"]); // due in April, done in May
//! # Ok::<(), pmkit::Error>(())
//! ```

mod feasibility;
mod lifecycle;
mod model;
mod progress;
mod sample;
mod target;
mod validate;

pub use feasibility::{
    feasibility, Allocation, EpicProjection, Feasibility, FeasibilityOptions, PlannedSprint,
    MAX_PLANNED_SPRINTS,
};
pub use lifecycle::{AdvanceOptions, Lifecycle, Stage, StageChange};
pub use model::{Dependency, DependencyKind, Level, Milestone, Release, Roadmap, RoadmapItem};
pub use progress::{
    remaining_epics, roadmap_progress, ItemProgress, LevelProgress, PlannedEpic, Progress,
    RoadmapProgress,
};
pub use sample::sample_roadmap;
pub use target::{Lane, Target};
pub use validate::{
    IssueKind, RoadmapIssue, RoadmapValidation, MAX_CYCLES, MAX_CYCLE_SEARCH_STEPS,
};

// docs/roadmaps.md's Rust examples run as doc tests.
#[doc = include_str!("../../../docs/roadmaps.md")]
#[cfg(doctest)]
pub struct RoadmapsDoctests;
