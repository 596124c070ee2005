//! The two product roles: profiles, responsibilities, skills, KPIs and salaries.

mod role;

pub use role::{Horizon, Role};
