//! The metric catalog: one [`MetricId`] per KPI, with what it measures and who owns it.
//!
//! The catalog describes every metric pmkit computes: its display name, the role judged
//! by it (from the domain source: the product manager's strategic KPIs and the product
//! owner's tactical ones), its [`Unit`], which direction is good, the formula in words,
//! the public source it follows and the function that computes it. Dashboards use it
//! to label, group and colour numbers without hard-coding any of that.

use serde::{Deserialize, Serialize};

use crate::role::Role;
use crate::{Error, Result};

/// Every KPI pmkit computes. The role profiles point into this list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

/// The unit a metric's headline value is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A ratio as a fraction: 0.25 = 25 % (may exceed 1 or go below 0 where the
    /// metric allows, e.g. ROI or forecast attainment).
    Fraction,
    /// A score on the metric's own scale (NPS: −100..=100).
    Score,
    /// Money, in the one currency the caller uses.
    Money,
    /// Money per month (recurring revenue).
    MoneyPerMonth,
    /// Money per user or customer.
    MoneyPerUser,
    /// Whole calendar days.
    Days,
    /// Defects per thousand lines of code (or per thousand of another size measure).
    DefectsPerKloc,
    /// Story points (or whatever unit the team estimates in).
    Points,
    /// Story points completed per sprint.
    PointsPerSprint,
}

impl Unit {
    /// The snake_case name used in JSON and in every language (`"defects_per_kloc"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Unit::Fraction => "fraction",
            Unit::Score => "score",
            Unit::Money => "money",
            Unit::MoneyPerMonth => "money_per_month",
            Unit::MoneyPerUser => "money_per_user",
            Unit::Days => "days",
            Unit::DefectsPerKloc => "defects_per_kloc",
            Unit::Points => "points",
            Unit::PointsPerSprint => "points_per_sprint",
        }
    }
}

impl std::fmt::Display for Unit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the catalog says about one metric: [`MetricId::info`], [`metrics_catalog`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MetricInfo {
    /// Which metric.
    pub id: MetricId,
    /// Its display name ("Net Promoter Score (NPS)").
    pub name: String,
    /// The role(s) judged by it, as the domain source assigns them.
    pub owners: Vec<Role>,
    /// The unit of its headline value.
    pub unit: Unit,
    /// `Some(true)` when a higher value is better, `Some(false)` when lower is better,
    /// `None` when neither (a burndown is read against its ideal line; velocity is a
    /// planning figure, and Scrum.org warns against reading a rise as improvement).
    pub higher_is_better: Option<bool>,
    /// The formula in words, with its variants.
    pub formula: String,
    /// The public source the formula follows.
    pub source: String,
    /// The function that computes it: the snake_case name in Rust and Python; the
    /// JavaScript name is its camelCase.
    pub function: String,
}

/// The catalog entry of one metric, as static text.
struct Entry {
    name: &'static str,
    owner: Role,
    unit: Unit,
    higher_is_better: Option<bool>,
    formula: &'static str,
    source: &'static str,
}

impl MetricId {
    /// Every metric, in catalog order: the product manager's, then the product owner's,
    /// as the enum lists them.
    pub const ALL: [MetricId; 22] = [
        MetricId::ReturnOnInvestment,
        MetricId::CustomerSatisfactionScore,
        MetricId::NetPromoterScore,
        MetricId::ProductRevenue,
        MetricId::MonthlyRecurringRevenue,
        MetricId::AverageRevenuePerUser,
        MetricId::ConversionRate,
        MetricId::FunnelConversion,
        MetricId::FeatureAdoptionRate,
        MetricId::Stickiness,
        MetricId::ChurnRate,
        MetricId::CustomerRetentionRate,
        MetricId::TimeToMarket,
        MetricId::DefectDensity,
        MetricId::DefectEscapeRate,
        MetricId::TeamVelocity,
        MetricId::BacklogCompletionRate,
        MetricId::SprintBurndown,
        MetricId::StakeholderEngagement,
        MetricId::CustomerLifetimeValue,
        MetricId::MarketShare,
        MetricId::ForecastAttainment,
    ];

    /// The snake_case id used in JSON and in every language; it is also the name of
    /// the function that computes the metric (`"net_promoter_score"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            MetricId::ReturnOnInvestment => "return_on_investment",
            MetricId::CustomerSatisfactionScore => "customer_satisfaction_score",
            MetricId::NetPromoterScore => "net_promoter_score",
            MetricId::ProductRevenue => "product_revenue",
            MetricId::MonthlyRecurringRevenue => "monthly_recurring_revenue",
            MetricId::AverageRevenuePerUser => "average_revenue_per_user",
            MetricId::ConversionRate => "conversion_rate",
            MetricId::FunnelConversion => "funnel_conversion",
            MetricId::FeatureAdoptionRate => "feature_adoption_rate",
            MetricId::Stickiness => "stickiness",
            MetricId::ChurnRate => "churn_rate",
            MetricId::CustomerRetentionRate => "customer_retention_rate",
            MetricId::TimeToMarket => "time_to_market",
            MetricId::DefectDensity => "defect_density",
            MetricId::DefectEscapeRate => "defect_escape_rate",
            MetricId::TeamVelocity => "team_velocity",
            MetricId::BacklogCompletionRate => "backlog_completion_rate",
            MetricId::SprintBurndown => "sprint_burndown",
            MetricId::StakeholderEngagement => "stakeholder_engagement",
            MetricId::CustomerLifetimeValue => "customer_lifetime_value",
            MetricId::MarketShare => "market_share",
            MetricId::ForecastAttainment => "forecast_attainment",
        }
    }

    /// Parses a metric by its snake_case id; an unknown id is a
    /// [`Parse`](crate::Error::Parse) error naming `field`.
    ///
    /// ```
    /// use pmkit::metrics::MetricId;
    /// assert_eq!(MetricId::parse("metric", "team_velocity")?, MetricId::TeamVelocity);
    /// assert!(MetricId::parse("metric", "velocity").is_err());
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    pub fn parse(field: &str, text: &str) -> Result<MetricId> {
        MetricId::ALL
            .into_iter()
            .find(|metric| metric.as_str() == text)
            .ok_or_else(|| {
                Error::parse(
                    field,
                    format!(
                        "unknown metric {text:?}; expected a snake_case id such as \
                         \"net_promoter_score\" (metrics_catalog() lists them all)"
                    ),
                )
            })
    }

    /// The catalog entry: name, owners, unit, direction, formula, source, function.
    ///
    /// ```
    /// use pmkit::metrics::{MetricId, Unit};
    /// use pmkit::roles::Role;
    ///
    /// let info = MetricId::DefectDensity.info();
    /// assert_eq!(info.owners, [Role::ProductOwner]);
    /// assert_eq!(info.unit, Unit::DefectsPerKloc);
    /// assert_eq!(info.higher_is_better, Some(false));
    /// assert_eq!(info.function, "defect_density");
    /// ```
    pub fn info(self) -> MetricInfo {
        let entry = self.entry();
        MetricInfo {
            id: self,
            name: entry.name.to_owned(),
            owners: vec![entry.owner],
            unit: entry.unit,
            higher_is_better: entry.higher_is_better,
            formula: entry.formula.to_owned(),
            source: entry.source.to_owned(),
            function: self.as_str().to_owned(),
        }
    }

    // The sources match the rustdoc of each metric's function; keep them in step.
    fn entry(self) -> Entry {
        use Role::{ProductManager as Pm, ProductOwner as Po};
        let (name, owner, unit, higher_is_better, formula, source) = match self {
            MetricId::ReturnOnInvestment => (
                "Return on investment (ROI)",
                Pm,
                Unit::Fraction,
                Some(true),
                "(gain − cost) / cost; annualized over n years: (gain / cost)^(1/n) − 1",
                "Investopedia, \"Return on Investment (ROI): How to Calculate It and What It Means\"",
            ),
            MetricId::CustomerSatisfactionScore => (
                "Customer satisfaction score (CSAT)",
                Pm,
                Unit::Fraction,
                Some(true),
                "share of responses at or above satisfied_min (default 4 on a 1–5 scale); \
                 variant: the mean response",
                "Qualtrics, \"What is CSAT and how do you measure it?\"; Delighted Help Center, \
                 \"How is CSAT calculated?\"",
            ),
            MetricId::NetPromoterScore => (
                "Net Promoter Score (NPS)",
                Pm,
                Unit::Score,
                Some(true),
                "100 × (promoters (9–10) − detractors (0–6)) / responses, on a 0–10 scale",
                "Reichheld, \"The One Number You Need to Grow\", Harvard Business Review, 2003; \
                 Bain & Company, \"Measuring Your Net Promoter Score\"",
            ),
            MetricId::ProductRevenue => (
                "Product revenue",
                Pm,
                Unit::Money,
                Some(true),
                "Σ price × quantity sold",
                "Investopedia, \"Revenue: Definition, Formula, Calculation, and Examples\"",
            ),
            MetricId::MonthlyRecurringRevenue => (
                "Monthly recurring revenue (MRR)",
                Pm,
                Unit::MoneyPerMonth,
                Some(true),
                "Σ monthly fees of paying subscribers (an annual plan counts as its price / 12)",
                "HubSpot, \"How to Calculate Monthly Recurring Revenue (MRR)\"",
            ),
            MetricId::AverageRevenuePerUser => (
                "Average revenue per user (ARPU)",
                Pm,
                Unit::MoneyPerUser,
                Some(true),
                "revenue (e.g. MRR) / customers over the same period",
                "Investopedia, \"Average Revenue Per User (ARPU)\"",
            ),
            MetricId::ConversionRate => (
                "Conversion rate",
                Pm,
                Unit::Fraction,
                Some(true),
                "conversions / visitors (unique visitors who took the action / unique visitors)",
                "Google Analytics Help, \"Conversion rate\"; Shopify, \"What Is Conversion Rate?\"",
            ),
            MetricId::FunnelConversion => (
                "Funnel conversion",
                Pm,
                Unit::Fraction,
                Some(true),
                "per step count[i+1] / count[i]; overall last step / first step",
                "Mixpanel Docs, \"Funnels\"; Amplitude, \"Funnel Analysis\"",
            ),
            MetricId::FeatureAdoptionRate => (
                "Feature adoption rate",
                Pm,
                Unit::Fraction,
                Some(true),
                "users of the feature / active users over the same window",
                "Amplitude, \"Feature Adoption\"; Pendo, \"Feature adoption rate\"",
            ),
            MetricId::Stickiness => (
                "Stickiness (DAU/MAU)",
                Pm,
                Unit::Fraction,
                Some(true),
                "average daily active users / monthly active users",
                "Mixpanel, \"DAU/MAU\"; a16z, \"16 Startup Metrics\"",
            ),
            MetricId::ChurnRate => (
                "Churn rate",
                Po,
                Unit::Fraction,
                Some(false),
                "customers lost / customers at start; variants: over the average of start and \
                 end, or over all customers serviced (start + new)",
                "HubSpot, \"How to Calculate Churn Rate\"; Investopedia, \"Churn Rate\"",
            ),
            MetricId::CustomerRetentionRate => (
                "Customer retention rate",
                Po,
                Unit::Fraction,
                Some(true),
                "(customers at end − new customers) / customers at start",
                "HubSpot, \"How to Calculate Customer Retention Rate\"",
            ),
            MetricId::TimeToMarket => (
                "Time to market (TTM)",
                Po,
                Unit::Days,
                Some(false),
                "launch date − concept date, in whole calendar days",
                "Scrum.org, Evidence-Based Management Guide, key value area \"Time to Market\"",
            ),
            MetricId::DefectDensity => (
                "Defect density",
                Po,
                Unit::DefectsPerKloc,
                Some(false),
                "Σ defects per severity level (× severity weight, optional) / size in KLOC",
                "ISTQB Glossary, \"defect density\"; IEEE Std 982.1-2005",
            ),
            MetricId::DefectEscapeRate => (
                "Defect escape rate",
                Po,
                Unit::Fraction,
                Some(false),
                "defects found in production / (found in production + found before release)",
                "ISTQB Glossary, \"defect detection percentage\" (escape rate = 1 − DDP)",
            ),
            MetricId::TeamVelocity => (
                "Team velocity",
                Po,
                Unit::PointsPerSprint,
                None,
                "mean points completed per sprint over the last window sprints (default 3), \
                 with median, sample standard deviation, min and max",
                "Scrum.org, \"What is velocity?\"; Atlassian, \"Velocity chart\"",
            ),
            MetricId::BacklogCompletionRate => (
                "Backlog completion rate",
                Po,
                Unit::Fraction,
                Some(true),
                "completed / planned work in a period (backlog items or points)",
                "Atlassian, \"Sprint report\" (completed vs committed)",
            ),
            MetricId::SprintBurndown => (
                "Sprint burndown",
                Po,
                Unit::Points,
                None,
                "remaining points per day against the ideal line committed × (1 − day / \
                 sprint days); gap = actual − ideal, positive = behind",
                "Atlassian, \"Burndown chart\"; Scrum.org glossary, \"Burn-down Chart\"",
            ),
            MetricId::StakeholderEngagement => (
                "Stakeholder engagement",
                Po,
                Unit::Fraction,
                Some(true),
                "share of stakeholders at or above their desired level on the engagement \
                 matrix (unaware < resistant < neutral < supportive < leading); mean \
                 shortfall in levels",
                "PMI, PMBOK Guide, 6th ed., §13.2.2.5, Stakeholder Engagement Assessment Matrix",
            ),
            MetricId::CustomerLifetimeValue => (
                "Customer lifetime value (CLV)",
                Pm,
                Unit::MoneyPerUser,
                Some(true),
                "average purchase value × purchase frequency × customer lifespan × margin",
                "Shopify, \"Customer Lifetime Value (CLV)\"; Harvard Business School Online, \
                 \"What Is Customer Lifetime Value?\"",
            ),
            MetricId::MarketShare => (
                "Market share",
                Pm,
                Unit::Fraction,
                Some(true),
                "product sales / total market sales over the same period",
                "Investopedia, \"Market Share: What It Is and Formula to Calculate It\"",
            ),
            MetricId::ForecastAttainment => (
                "Forecast attainment",
                Pm,
                Unit::Fraction,
                Some(true),
                "actual / forecast (1.0 = forecast met exactly)",
                "Investopedia, \"Sales Forecasting\"",
            ),
        };
        Entry {
            name,
            owner,
            unit,
            higher_is_better,
            formula,
            source,
        }
    }
}

impl std::fmt::Display for MetricId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Every metric pmkit computes, in [`MetricId::ALL`] order, with its catalog entry.
///
/// **Source** of the owners: the domain source (Ignition, "Product Owner vs Product
/// Manager — Knowing the Difference") lists the product owner's metrics (backlog
/// management, time to market, churn, retention, product quality, velocity, sprint
/// burndown, stakeholder engagement) and the product manager's (ROI, CSAT, revenue,
/// NPS, conversion, feature adoption, usage, market share, forecasts).
///
/// ```
/// use pmkit::metrics::metrics_catalog;
/// use pmkit::roles::Role;
///
/// let catalog = metrics_catalog();
/// assert_eq!(catalog.len(), 22);
/// let owner_metrics = catalog
///     .iter()
///     .filter(|info| info.owners.contains(&Role::ProductOwner))
///     .count();
/// assert_eq!(owner_metrics, 9);
/// ```
pub fn metrics_catalog() -> Vec<MetricInfo> {
    MetricId::ALL.into_iter().map(MetricId::info).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn ids_round_trip_and_match_serde() {
        for metric in MetricId::ALL {
            assert_eq!(MetricId::parse("metric", metric.as_str()), Ok(metric));
            let json = serde_json::to_value(metric).unwrap();
            assert_eq!(json, metric.as_str());
        }
        let err = MetricId::parse("metric", "Team Velocity").unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Parse, "metric"));
    }

    #[test]
    fn all_lists_every_variant_once_in_order() {
        let mut sorted = MetricId::ALL.to_vec();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted, MetricId::ALL);
    }

    #[test]
    fn owners_follow_the_domain_source() {
        let owned_by = |role: Role| -> Vec<&'static str> {
            MetricId::ALL
                .into_iter()
                .filter(|metric| metric.info().owners.contains(&role))
                .map(MetricId::as_str)
                .collect()
        };
        assert_eq!(
            owned_by(Role::ProductOwner),
            [
                "churn_rate",
                "customer_retention_rate",
                "time_to_market",
                "defect_density",
                "defect_escape_rate",
                "team_velocity",
                "backlog_completion_rate",
                "sprint_burndown",
                "stakeholder_engagement",
            ]
        );
        assert_eq!(owned_by(Role::ProductManager).len(), 13);
    }

    #[test]
    fn every_entry_is_filled_in() {
        for info in metrics_catalog() {
            assert!(!info.name.is_empty(), "{}", info.id);
            assert!(!info.formula.is_empty(), "{}", info.id);
            assert!(!info.source.is_empty(), "{}", info.id);
            assert_eq!(info.function, info.id.as_str());
        }
    }

    #[test]
    fn unit_names_match_serde() {
        for unit in [Unit::Fraction, Unit::DefectsPerKloc, Unit::PointsPerSprint] {
            assert_eq!(serde_json::to_value(unit).unwrap(), unit.as_str());
        }
    }
}
