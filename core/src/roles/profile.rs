//! [`RoleProfile`]: what each role is responsible for, the skills it needs, the KPIs it
//! is judged by and the metrics that evidence them.
//!
//! Source: Ignition, "Product Owner vs Product Manager — Knowing the Difference" (the
//! project's domain source), which lists every responsibility, skill, KPI and metric
//! below. The wording here is pmkit's own.

use serde::{Deserialize, Serialize};

use super::activity::{owner_of, ActivityKind};
use super::labeled::labeled_enum;
use super::{Horizon, Labeled, Role};
use crate::metrics::MetricId;

labeled_enum! {
    /// A duty of one of the two roles, as the job is described.
    ///
    /// Product manager: market trends, long-term vision, market research, product
    /// strategy, lifecycle, department alignment, portfolio, marketing and sales
    /// support, customer engagement, stakeholder communication. Product owner: backlog,
    /// user stories, requirements into stories, roadmap adherence, sprint goals, the
    /// team's point of contact.
    pub enum Responsibility ("responsibility") {
        MarketTrendAnalysis = ("market_trend_analysis", "Analyze market trends"),
        LongTermVision = ("long_term_vision", "Set the product's long-term vision and goals"),
        MarketResearch = ("market_research", "Research the needs and wants of the target market"),
        ProductStrategy = ("product_strategy", "Draft the product strategy and put it into practice through the product roadmap"),
        LifecycleManagement = ("lifecycle_management", "Oversee the whole product lifecycle: introduction, growth, maturity, sunset"),
        DepartmentAlignment = ("department_alignment", "Keep every department aligned on the roadmap"),
        PortfolioPlanning = ("portfolio_planning", "Plan how the product portfolio will win its market"),
        ProductMarketingAndSalesSupport = ("product_marketing_and_sales_support", "Take part in product marketing and support sales"),
        CustomerEngagement = ("customer_engagement", "Engage with customers"),
        StakeholderCommunication = ("stakeholder_communication", "Work with stakeholders across documents, platforms and management levels"),
        BacklogManagement = ("backlog_management", "Guide the development team through backlog management"),
        UserStoryCreation = ("user_story_creation", "Write the user stories that guide what gets built"),
        RequirementsToStories = ("requirements_to_stories", "Turn product requirements and constraints into actionable user stories"),
        RoadmapAdherence = ("roadmap_adherence", "Keep the development team in line with the roadmap"),
        SprintGoalDelivery = ("sprint_goal_delivery", "Work with the developers so every sprint moves the product toward its goal"),
        StakeholderLiaison = ("stakeholder_liaison", "Be the main point of contact between the development team and other stakeholders"),
    }
}

labeled_enum! {
    /// A skill or trait a role needs. Some are shared: both roles need management,
    /// organization and technical skills.
    pub enum Skill ("skill") {
        ProductDevelopmentProcess = ("product_development_process", "Knowledge of the product development process"),
        DevelopmentEnvironments = ("development_environments", "Familiarity with development environments"),
        AgileMethodologies = ("agile_methodologies", "Knowledge of Agile methodologies"),
        CommunicationAndLeadership = ("communication_and_leadership", "Effective communication and leadership"),
        TaskPrioritization = ("task_prioritization", "Prioritizing several tasks at once"),
        CustomerResearch = ("customer_research", "Customer research"),
        Organization = ("organization", "Organization"),
        Management = ("management", "Management"),
        Technical = ("technical", "Technical skills"),
        StrategicThinking = ("strategic_thinking", "Strategic thinking: planning moves ahead and adjusting to market changes"),
        StakeholderManagement = ("stakeholder_management", "Stakeholder management: hearing every voice and aligning diverse interests on one goal"),
        ProductAndMarketDynamics = ("product_and_market_dynamics", "Understanding of product and market dynamics"),
    }
}

labeled_enum! {
    /// A key performance indicator a role is judged by. Each is evidenced by one or
    /// more metrics ([`KpiIndicator::metrics`]).
    pub enum Kpi ("kpi") {
        LifecycleProgression = ("lifecycle_progression", "Progression through the product lifecycle"),
        MarketShareImpact = ("market_share_impact", "Impact on market share"),
        CustomerSatisfaction = ("customer_satisfaction", "Customer satisfaction"),
        RevenueAndProfitabilityForecasts = ("revenue_and_profitability_forecasts", "Meeting revenue and profitability forecasts"),
        DevelopmentVelocity = ("development_velocity", "Velocity of the development team"),
        StakeholderSatisfaction = ("stakeholder_satisfaction", "Satisfaction of the stakeholders"),
        BacklogManagementQuality = ("backlog_management_quality", "Quality of backlog management"),
        CustomerAlignment = ("customer_alignment", "Alignment with customer needs and feedback"),
    }
}

/// A KPI with the metrics that evidence it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KpiIndicator {
    /// The indicator (`"development_velocity"` in JSON).
    pub id: Kpi,
    /// Its label ("Velocity of the development team").
    pub label: String,
    /// The metrics that measure it; each is a function in [`crate::metrics`].
    pub metrics: Vec<MetricId>,
}

/// One role, described as data: responsibilities, skills, KPIs and metrics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RoleProfile {
    /// Which role.
    pub role: Role,
    /// Its job title ("Product manager").
    pub title: String,
    /// Strategic (product manager) or tactical (product owner).
    pub horizon: Horizon,
    /// The role in one line.
    pub focus: String,
    /// Everything the role is responsible for.
    pub responsibilities: Vec<Labeled<Responsibility>>,
    /// The skills and traits it needs.
    pub skills: Vec<Labeled<Skill>>,
    /// The KPIs it is judged by, each with the metrics that evidence it.
    pub kpis: Vec<KpiIndicator>,
    /// Every metric that tracks the role's performance, in the order the source lists
    /// them (each appears under at least one KPI).
    pub metrics: Vec<MetricId>,
    /// The kinds of work the role owns (see [`owner_of`]).
    pub activities: Vec<Labeled<ActivityKind>>,
}

/// The profile of `role`.
///
/// The product manager works on strategy and is judged on lifecycle progression,
/// market share, customer satisfaction and revenue forecasts; the product owner works
/// on tactics and is judged on team velocity, stakeholder satisfaction, backlog
/// management and alignment with customer needs.
///
/// Source: Ignition, "Product Owner vs Product Manager — Knowing the Difference".
///
/// ```
/// use pmkit::metrics::MetricId;
/// use pmkit::roles::{role_profile, Horizon, Kpi, Role};
///
/// let owner = role_profile(Role::ProductOwner);
/// assert_eq!(owner.horizon, Horizon::Tactical);
/// assert_eq!(owner.kpis.len(), 4);
/// assert_eq!(owner.kpis[0].id, Kpi::DevelopmentVelocity);
/// assert!(owner.metrics.contains(&MetricId::TeamVelocity));
/// ```
pub fn role_profile(role: Role) -> RoleProfile {
    match role {
        Role::ProductManager => product_manager(),
        Role::ProductOwner => product_owner(),
    }
}

/// Both profiles, product manager first.
///
/// ```
/// use pmkit::roles::{role_profiles, Role};
///
/// let roles: Vec<Role> = role_profiles().iter().map(|profile| profile.role).collect();
/// assert_eq!(roles, [Role::ProductManager, Role::ProductOwner]);
/// ```
pub fn role_profiles() -> Vec<RoleProfile> {
    Role::ALL.into_iter().map(role_profile).collect()
}

fn kpi(id: Kpi, metrics: &[MetricId]) -> KpiIndicator {
    KpiIndicator {
        id,
        label: id.label().to_owned(),
        metrics: metrics.to_vec(),
    }
}

fn activities_of(role: Role) -> Vec<Labeled<ActivityKind>> {
    ActivityKind::ALL
        .iter()
        .filter(|kind| owner_of(**kind).role == role)
        .map(|kind| kind.labeled())
        .collect()
}

fn product_manager() -> RoleProfile {
    use MetricId as M;
    use Responsibility as R;
    RoleProfile {
        role: Role::ProductManager,
        title: "Product manager".to_owned(),
        horizon: Horizon::Strategic,
        focus: "Strategy: where the product goes and why — market, long-term vision, \
                roadmap and the whole lifecycle, with every department aligned on it."
            .to_owned(),
        responsibilities: [
            R::MarketTrendAnalysis,
            R::LongTermVision,
            R::MarketResearch,
            R::ProductStrategy,
            R::LifecycleManagement,
            R::DepartmentAlignment,
            R::PortfolioPlanning,
            R::ProductMarketingAndSalesSupport,
            R::CustomerEngagement,
            R::StakeholderCommunication,
        ]
        .into_iter()
        .map(R::labeled)
        .collect(),
        skills: [
            Skill::StrategicThinking,
            Skill::StakeholderManagement,
            Skill::ProductAndMarketDynamics,
            Skill::Management,
            Skill::Organization,
            Skill::Technical,
        ]
        .into_iter()
        .map(Skill::labeled)
        .collect(),
        kpis: vec![
            // Usage and adoption show how far the product has moved from
            // introduction toward growth and maturity.
            kpi(
                Kpi::LifecycleProgression,
                &[M::FeatureAdoptionRate, M::Stickiness],
            ),
            kpi(
                Kpi::MarketShareImpact,
                &[M::MarketShare, M::ConversionRate, M::FunnelConversion],
            ),
            kpi(
                Kpi::CustomerSatisfaction,
                &[M::CustomerSatisfactionScore, M::NetPromoterScore],
            ),
            kpi(
                Kpi::RevenueAndProfitabilityForecasts,
                &[
                    M::ReturnOnInvestment,
                    M::ProductRevenue,
                    M::MonthlyRecurringRevenue,
                    M::AverageRevenuePerUser,
                    M::CustomerLifetimeValue,
                    M::ForecastAttainment,
                ],
            ),
        ],
        metrics: vec![
            M::ReturnOnInvestment,
            M::CustomerSatisfactionScore,
            M::ProductRevenue,
            M::MonthlyRecurringRevenue,
            M::AverageRevenuePerUser,
            M::NetPromoterScore,
            M::ConversionRate,
            M::FunnelConversion,
            M::FeatureAdoptionRate,
            M::Stickiness,
            M::CustomerLifetimeValue,
            M::MarketShare,
            M::ForecastAttainment,
        ],
        activities: activities_of(Role::ProductManager),
    }
}

fn product_owner() -> RoleProfile {
    use MetricId as M;
    use Responsibility as R;
    RoleProfile {
        role: Role::ProductOwner,
        title: "Product owner".to_owned(),
        horizon: Horizon::Tactical,
        focus: "Tactics: turning the strategy into delivered work — backlog, user stories \
                and sprints, side by side with the development team."
            .to_owned(),
        responsibilities: [
            R::BacklogManagement,
            R::UserStoryCreation,
            R::RequirementsToStories,
            R::RoadmapAdherence,
            R::SprintGoalDelivery,
            R::StakeholderLiaison,
        ]
        .into_iter()
        .map(R::labeled)
        .collect(),
        skills: [
            Skill::ProductDevelopmentProcess,
            Skill::DevelopmentEnvironments,
            Skill::AgileMethodologies,
            Skill::CommunicationAndLeadership,
            Skill::TaskPrioritization,
            Skill::CustomerResearch,
            Skill::Organization,
            Skill::Management,
            Skill::Technical,
        ]
        .into_iter()
        .map(Skill::labeled)
        .collect(),
        kpis: vec![
            kpi(
                Kpi::DevelopmentVelocity,
                &[M::TeamVelocity, M::SprintBurndown, M::TimeToMarket],
            ),
            kpi(Kpi::StakeholderSatisfaction, &[M::StakeholderEngagement]),
            // Defects escaping the sprint are a backlog-quality signal: they trace back
            // to the acceptance criteria and priorities the product owner sets.
            kpi(
                Kpi::BacklogManagementQuality,
                &[
                    M::BacklogCompletionRate,
                    M::DefectDensity,
                    M::DefectEscapeRate,
                ],
            ),
            kpi(
                Kpi::CustomerAlignment,
                &[M::ChurnRate, M::CustomerRetentionRate],
            ),
        ],
        metrics: vec![
            M::BacklogCompletionRate,
            M::TimeToMarket,
            M::ChurnRate,
            M::CustomerRetentionRate,
            M::DefectDensity,
            M::DefectEscapeRate,
            M::TeamVelocity,
            M::SprintBurndown,
            M::StakeholderEngagement,
        ],
        activities: activities_of(Role::ProductOwner),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_kpi_metric_is_a_profile_metric_and_back() {
        for profile in role_profiles() {
            let listed: BTreeSet<MetricId> = profile.metrics.iter().copied().collect();
            let evidenced: BTreeSet<MetricId> = profile
                .kpis
                .iter()
                .flat_map(|kpi| kpi.metrics.iter().copied())
                .collect();
            assert_eq!(listed, evidenced, "{}", profile.role);
            assert_eq!(listed.len(), profile.metrics.len(), "duplicate metric");
        }
    }

    #[test]
    fn metric_counts_match_the_source_lists() {
        assert_eq!(role_profile(Role::ProductManager).metrics.len(), 13);
        assert_eq!(role_profile(Role::ProductOwner).metrics.len(), 9);
    }

    #[test]
    fn every_responsibility_and_kpi_belongs_to_exactly_one_role() {
        let profiles = role_profiles();
        for responsibility in Responsibility::ALL {
            let holders = profiles
                .iter()
                .filter(|p| p.responsibilities.iter().any(|r| r.id == *responsibility))
                .count();
            assert_eq!(holders, 1, "{responsibility}");
        }
        for kpi in Kpi::ALL {
            let holders = profiles
                .iter()
                .filter(|p| p.kpis.iter().any(|k| k.id == *kpi))
                .count();
            assert_eq!(holders, 1, "{kpi}");
        }
    }

    #[test]
    fn every_skill_is_needed_by_some_role_and_three_are_shared() {
        let pm = role_profile(Role::ProductManager);
        let po = role_profile(Role::ProductOwner);
        let has = |p: &RoleProfile, s: Skill| p.skills.iter().any(|l| l.id == s);
        for skill in Skill::ALL {
            assert!(has(&pm, *skill) || has(&po, *skill), "{skill}");
        }
        let shared: Vec<Skill> = Skill::ALL
            .iter()
            .copied()
            .filter(|s| has(&pm, *s) && has(&po, *s))
            .collect();
        assert_eq!(
            shared,
            [Skill::Organization, Skill::Management, Skill::Technical]
        );
    }

    #[test]
    fn horizons_follow_the_role_and_activities_are_split() {
        for profile in role_profiles() {
            assert_eq!(profile.horizon, profile.role.horizon());
            assert!(profile
                .activities
                .iter()
                .all(|a| owner_of(a.id).role == profile.role));
        }
        let total: usize = role_profiles().iter().map(|p| p.activities.len()).sum();
        assert_eq!(total, ActivityKind::ALL.len());
    }

    #[test]
    fn json_form_has_ids_and_labels() {
        let value = serde_json::to_value(role_profile(Role::ProductOwner)).unwrap();
        assert_eq!(value["role"], "product_owner");
        assert_eq!(value["horizon"], "tactical");
        assert_eq!(value["kpis"][0]["id"], "development_velocity");
        assert_eq!(value["kpis"][0]["metrics"][0], "team_velocity");
        assert_eq!(value["skills"][2]["id"], "agile_methodologies");
        assert_eq!(
            value["responsibilities"][0]["label"],
            "Guide the development team through backlog management"
        );
        let back: RoleProfile = serde_json::from_value(value).unwrap();
        assert_eq!(back, role_profile(Role::ProductOwner));
    }

    #[test]
    fn ids_round_trip_through_serde_and_parse() {
        for skill in Skill::ALL {
            let json = serde_json::to_value(skill).unwrap();
            assert_eq!(json, skill.as_str());
            assert_eq!(Skill::parse("skill", skill.as_str()).unwrap(), *skill);
        }
        for r in Responsibility::ALL {
            assert_eq!(serde_json::to_value(r).unwrap(), r.as_str());
        }
        for k in Kpi::ALL {
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
        }
        let err = Kpi::parse("kpi", "happiness").unwrap_err();
        assert_eq!(err.field(), "kpi");
        assert!(err.reason().contains("customer_alignment"));
    }
}
