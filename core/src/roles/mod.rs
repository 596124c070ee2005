//! The two product roles: profiles, responsibilities, skills, KPIs, salaries and who
//! owns which activity.
//!
//! The product manager works on the strategic horizon (market, vision, roadmap,
//! lifecycle); the product owner on the tactical one (backlog, user stories, sprints,
//! the development team). Everything here is plain data built from the project's domain
//! source, Ignition's "Product Owner vs Product Manager — Knowing the Difference":
//!
//! - [`role_profile`] / [`role_profiles`]: responsibilities, skills, the KPIs each role
//!   is judged by and the [`MetricId`](crate::metrics::MetricId)s that evidence them.
//! - [`salary_benchmark`]: Indeed's published US figures, and
//!   [`SalaryBenchmark::position_in_range`]; [`SalaryFactor`]; [`product_manager_headcount`].
//! - [`ActivityKind`] and [`owner_of`]: which role owns a piece of work;
//!   [`worked_example`]: the source's CRM-with-AI scenario.
//!
//! Closed lists (responsibilities, skills, KPIs, activities, salary factors) are enums
//! with a snake_case id and a label; profiles carry them as [`Labeled`] `{id, label}`.
//!
//! ```
//! use pmkit::roles::{owner_of, role_profile, salary_benchmark, ActivityKind, Role};
//!
//! let manager = role_profile(Role::ProductManager);
//! assert_eq!(manager.kpis.len(), 4);
//! assert_eq!(salary_benchmark(Role::ProductManager).average, 117_858.0);
//! assert_eq!(owner_of(ActivityKind::BacklogRefinement).role, Role::ProductOwner);
//! ```

mod activity;
mod labeled;
mod profile;
mod salary;

pub use crate::role::{Horizon, Role};
pub use activity::{
    owner_of, worked_example, Activity, ActivityKind, ActivityOwner, WorkedExample,
};
pub use labeled::Labeled;
pub use profile::{
    role_profile, role_profiles, Kpi, KpiIndicator, Responsibility, RoleProfile, Skill,
};
pub use salary::{
    product_manager_headcount, salary_benchmark, salary_position_in_range, Headcount,
    SalaryBenchmark, SalaryFactor, US_PRODUCT_MANAGERS_AT_LEAST,
};

// docs/roles.md's Rust examples run as doc tests.
#[doc = include_str!("../../../docs/roles.md")]
#[cfg(doctest)]
pub struct RolesDoctests;
