//! The two product roles (`pmkit::roles`): profiles, ownership, salaries, headcount.
//!
//! Roles and activity kinds cross as their snake_case names (`"product_owner"`,
//! `"market_analysis"`) and are parsed by the core, so an unknown name is the core's
//! `parse` error listing the valid ones.

/// Hands every `pmkit::roles` function to `$callback` (see the crate docs).
#[macro_export]
macro_rules! roles {
    ($callback:ident) => {
        $callback! {
            /// The profile of a role ("product_manager" or "product_owner"): its
            /// responsibilities, skills, KPIs and the metrics that evidence them.
            fn role_profile / roleProfile (role: $crate::Name<pmkit::roles::Role>) -> pmkit::roles::RoleProfile {
                Ok(pmkit::roles::role_profile(*role))
            }
            /// Both role profiles, product manager first.
            fn role_profiles / roleProfiles () -> Vec<pmkit::roles::RoleProfile> {
                Ok(pmkit::roles::role_profiles())
            }
            /// The published salary figures for a role: Indeed, US, annual, USD.
            fn salary_benchmark / salaryBenchmark (role: $crate::Name<pmkit::roles::Role>) -> pmkit::roles::SalaryBenchmark {
                Ok(pmkit::roles::salary_benchmark(*role))
            }
            /// Where `salary` sits in the published range of `role`: 0 at the low end,
            /// 1 at the high end, linear between; outside the range is an out_of_range error.
            fn salary_position_in_range / salaryPositionInRange (role: $crate::Name<pmkit::roles::Role>, salary: f64) -> f64 {
                pmkit::roles::salary_position_in_range(*role, salary)
            }
            /// The role that owns an activity kind ("market_analysis"), with its horizon.
            fn owner_of / ownerOf (kind: $crate::Name<pmkit::roles::ActivityKind>) -> pmkit::roles::ActivityOwner {
                Ok(pmkit::roles::owner_of(*kind))
            }
            /// The source's worked example: a CRM bringing AI into its portfolio, with
            /// each activity and the role that owns it.
            fn worked_example / workedExample () -> pmkit::roles::WorkedExample {
                Ok(pmkit::roles::worked_example())
            }
            /// How many product managers work in the US (a published lower bound).
            fn product_manager_headcount / productManagerHeadcount () -> pmkit::roles::Headcount {
                Ok(pmkit::roles::product_manager_headcount())
            }
        }
    };
}
