//! The metric catalog: one [`MetricId`] per KPI, with what it measures and who owns it.

use serde::{Deserialize, Serialize};

/// Every KPI pmkit computes. The role profiles point into this list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricId {
    /// [`crate::metrics::return_on_investment`]
    ReturnOnInvestment,
    /// [`crate::metrics::customer_satisfaction_score`]
    CustomerSatisfactionScore,
    /// [`crate::metrics::net_promoter_score`]
    NetPromoterScore,
    /// [`crate::metrics::product_revenue`]
    ProductRevenue,
    /// [`crate::metrics::monthly_recurring_revenue`]
    MonthlyRecurringRevenue,
    /// [`crate::metrics::average_revenue_per_user`]
    AverageRevenuePerUser,
    /// [`crate::metrics::conversion_rate`]
    ConversionRate,
    /// [`crate::metrics::funnel_conversion`]
    FunnelConversion,
    /// [`crate::metrics::feature_adoption_rate`]
    FeatureAdoptionRate,
    /// [`crate::metrics::stickiness`]
    Stickiness,
    /// [`crate::metrics::churn_rate`]
    ChurnRate,
    /// [`crate::metrics::customer_retention_rate`]
    CustomerRetentionRate,
    /// [`crate::metrics::time_to_market`]
    TimeToMarket,
    /// [`crate::metrics::defect_density`]
    DefectDensity,
    /// [`crate::metrics::defect_escape_rate`]
    DefectEscapeRate,
    /// [`crate::metrics::team_velocity`]
    TeamVelocity,
    /// [`crate::metrics::backlog_completion_rate`]
    BacklogCompletionRate,
    /// [`crate::metrics::sprint_burndown`]
    SprintBurndown,
    /// [`crate::metrics::stakeholder_engagement`]
    StakeholderEngagement,
    /// [`crate::metrics::customer_lifetime_value`]
    CustomerLifetimeValue,
    /// [`crate::metrics::market_share`]
    MarketShare,
    /// [`crate::metrics::forecast_attainment`]
    ForecastAttainment,
}
