//! Sprints: the product owner's tactics. A [`Sprint`] and the team's [`WorkCalendar`];
//! capacity ([`sprint_capacity`], [`plan_capacity`]); the commitment at start and an
//! append-only event log ([`SprintLog`]) from which [`sprint_report`] computes the
//! burndown, the burnup, committed vs completed, scope change, carry-over and the
//! say/do ratio; and [`velocity`] over past sprints.
//!
//! pmkit gets by construction what trackers are blamed for: spilled-over work stays
//! in the burndown (`carried_in`), a re-estimate is a scope change and never burn, the
//! ideal line does not move when scope is added and stays flat on weekends and
//! holidays, and cancelled work is never done.
//!
//! ```
//! use pmkit::sprint::{sample_sprint, sprint_report, CountBy};
//!
//! let report = sprint_report(&sample_sprint(), CountBy::Items)?;
//! assert_eq!(report.remaining.last(), Some(&1.0)); // C is carried over
//! assert_eq!(report.cancelled.items, 1);           // B: not done, not remaining
//! # Ok::<(), pmkit::Error>(())
//! ```

mod calendar;
mod capacity;
mod log;
mod report;
mod sample;
#[allow(clippy::module_inception)]
mod sprint;
mod velocity;

pub use calendar::{CalendarOptions, WeekDay, WorkCalendar, MAX_CALENDAR_SPAN_DAYS};
pub use capacity::{
    plan_capacity, sprint_capacity, CapacityPlan, Member, MemberCapacity, SprintCapacity,
};
pub use log::{Commitment, CountBy, EventKind, SprintEvent, SprintLog};
pub use report::{sprint_report, CarryOver, SprintReport, SprintReportOptions, Tally};
pub use sample::{sample_sprint, sample_sprint_history};
pub use sprint::{NewSprintOptions, Sprint, SprintState};
pub use velocity::{velocity, SprintOutcome, Velocity, VelocityStats};

// docs/sprints.md's Rust examples run as doc tests.
#[doc = include_str!("../../../docs/sprints.md")]
#[cfg(doctest)]
pub struct SprintsDoctests;
