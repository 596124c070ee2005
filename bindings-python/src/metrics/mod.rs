//! The KPI formulas (`pmkit::metrics`) for Python: the functions come from the API
//! description (`pmkit_api::metrics!`); this file holds their result classes.

use pyo3::prelude::*;

use crate::convert::python_functions;
use crate::record::record;

pmkit_api::metrics!(python_functions);

record!(
    /// The result of `net_promoter_score`.
    NpsResult(pmkit::metrics::NpsResult) { score, promoters, passives, detractors, responses }
);

record!(
    /// The result of `funnel_conversion`.
    FunnelConversion(pmkit::metrics::FunnelConversion) { step_rates, cumulative_rates, drop_off, overall }
);

record!(
    /// The result of `team_velocity`: the spread of points completed over recent sprints.
    VelocitySummary(pmkit::metrics::VelocitySummary) {
        mean, median, standard_deviation, min, max, sprints
    }
);

record!(
    /// The result of `sprint_burndown`: ideal and actual remaining points per day, and the gap.
    SprintBurndown(pmkit::metrics::SprintBurndown) { ideal, actual, gap }
);

record!(
    /// The result of `stakeholder_engagement`: the share at or above the desired level,
    /// the mean shortfall in levels, and the stakeholders below their desired level.
    StakeholderEngagement(pmkit::metrics::StakeholderEngagement) {
        share_at_or_above_desired, mean_gap, gaps
    }
);

record!(
    /// One metric's catalog entry: name, owners, unit, direction, formula, source, function.
    MetricInfo(pmkit::metrics::MetricInfo) {
        id, name, owners, unit, higher_is_better, formula, source, function
    }
);

record!(
    /// One month of `mrr_movements`: starting, new, expansion, contraction, churned,
    /// reactivation and ending MRR, customer counts and retention ratios.
    MrrMonth(pmkit::metrics::MrrMonth) {
        month, starting_mrr, new_mrr, expansion_mrr, contraction_mrr, churned_mrr,
        reactivation_mrr, ending_mrr, net_new_mrr, customers_at_start, new_customers,
        expansion_customers, contraction_customers, churned_customers, reactivated_customers,
        customers_at_end, net_revenue_retention, gross_revenue_retention, quick_ratio,
        logo_churn_rate, revenue_churn_rate
    }
);

record!(
    /// The result of `fit_sbg`: the shifted-beta-geometric fit of a survival curve, its
    /// projection and the lifetimes it implies.
    SbgFit(pmkit::metrics::SbgFit) {
        alpha, beta, log_likelihood, at_bound, observed_periods, actual_survival, survival,
        retention_rates, projected_survivors, expected_lifetime, discount_rate,
        discounted_expected_lifetime, discounted_expected_residual_lifetime
    }
    chart(pmkit::chart::retention_projection_chart, "Observed vs modelled survival: `retention_projection_chart(self, **options)`.")
);

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NpsResult>()?;
    m.add_class::<FunnelConversion>()?;
    m.add_class::<VelocitySummary>()?;
    m.add_class::<SprintBurndown>()?;
    m.add_class::<StakeholderEngagement>()?;
    m.add_class::<MetricInfo>()?;
    m.add_class::<MrrMonth>()?;
    m.add_class::<SbgFit>()?;
    register_functions(m)
}
