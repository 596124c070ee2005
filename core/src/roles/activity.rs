//! Who does what: [`ActivityKind`] classifies a piece of product work, [`owner_of`] says
//! which role owns it, and [`worked_example`] is the source's CRM scenario as data.
//!
//! The split follows the horizon: market, strategy, roadmap, lifecycle and company-wide
//! alignment are the product manager's (strategic); features in development, user
//! stories, the backlog, sprints and the development team are the product owner's
//! (tactical).
//!
//! Source: Ignition, "Product Owner vs Product Manager — Knowing the Difference".

use serde::{Deserialize, Serialize};

use super::labeled::labeled_enum;
use super::{Horizon, Role};

labeled_enum! {
    /// A kind of product work, as named in the source. [`owner_of`] gives its role.
    ///
    /// Strategic (product manager): `market_analysis`, `competitor_analysis`,
    /// `market_research`, `opportunity_identification`, `product_strategy`,
    /// `long_term_vision`, `portfolio_planning`, `roadmap_update`,
    /// `stakeholder_alignment`, `department_alignment`, `lifecycle_management`,
    /// `product_marketing`, `sales_support`, `customer_engagement`.
    ///
    /// Tactical (product owner): `feature_development_oversight`,
    /// `requirements_to_stories`, `story_writing`, `backlog_refinement`,
    /// `backlog_prioritization`, `sprint_monitoring`, `development_team_liaison`.
    ///
    /// ```
    /// use pmkit::roles::ActivityKind;
    ///
    /// assert_eq!(ActivityKind::parse("kind", "roadmap_update")?, ActivityKind::RoadmapUpdate);
    /// let err = ActivityKind::parse("kind", "coffee").unwrap_err();
    /// assert!(err.to_string().starts_with("kind: unknown activity kind \"coffee\"; expected one of: market_analysis,"));
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    pub enum ActivityKind ("activity kind") {
        MarketAnalysis = ("market_analysis", "Analyze the market and its trends"),
        CompetitorAnalysis = ("competitor_analysis", "Analyze what competitors do"),
        MarketResearch = ("market_research", "Research the needs and wants of the target market"),
        OpportunityIdentification = ("opportunity_identification", "Find profitable opportunities, with sales and leadership, among the existing backlog"),
        ProductStrategy = ("product_strategy", "Draft the product strategy"),
        LongTermVision = ("long_term_vision", "Set the long-term vision and goals"),
        PortfolioPlanning = ("portfolio_planning", "Plan the product portfolio"),
        RoadmapUpdate = ("roadmap_update", "Update the long-term roadmap"),
        StakeholderAlignment = ("stakeholder_alignment", "Inform stakeholders and keep them aligned on the roadmap"),
        DepartmentAlignment = ("department_alignment", "Align every department on the roadmap"),
        LifecycleManagement = ("lifecycle_management", "Manage the lifecycle from introduction through growth and maturity to sunset"),
        ProductMarketing = ("product_marketing", "Product marketing"),
        SalesSupport = ("sales_support", "Support sales"),
        CustomerEngagement = ("customer_engagement", "Engage with customers"),
        FeatureDevelopmentOversight = ("feature_development_oversight", "Oversee the development of a specific feature"),
        RequirementsToStories = ("requirements_to_stories", "Work with stakeholders to turn requirements and constraints into user stories"),
        StoryWriting = ("story_writing", "Write user stories"),
        BacklogRefinement = ("backlog_refinement", "Refine the backlog and guide the team through it"),
        BacklogPrioritization = ("backlog_prioritization", "Prioritize the backlog"),
        SprintMonitoring = ("sprint_monitoring", "Monitor sprints and feature progress against the roadmap"),
        DevelopmentTeamLiaison = ("development_team_liaison", "Act as the contact between the development team and other stakeholders"),
    }
}

/// The role that owns an activity, and the horizon it works on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ActivityOwner {
    /// The owning role.
    pub role: Role,
    /// The role's horizon (strategic for the product manager, tactical for the owner).
    pub horizon: Horizon,
}

/// The role that owns `kind`: the product manager for market, strategy, roadmap,
/// lifecycle and alignment work; the product owner for feature delivery, stories,
/// backlog, sprints and the development team.
///
/// ```
/// use pmkit::roles::{owner_of, ActivityKind, Horizon, Role};
///
/// let owner = owner_of(ActivityKind::CompetitorAnalysis);
/// assert_eq!((owner.role, owner.horizon), (Role::ProductManager, Horizon::Strategic));
/// assert_eq!(owner_of(ActivityKind::SprintMonitoring).role, Role::ProductOwner);
/// ```
pub fn owner_of(kind: ActivityKind) -> ActivityOwner {
    use ActivityKind as K;
    let role = match kind {
        K::MarketAnalysis
        | K::CompetitorAnalysis
        | K::MarketResearch
        | K::OpportunityIdentification
        | K::ProductStrategy
        | K::LongTermVision
        | K::PortfolioPlanning
        | K::RoadmapUpdate
        | K::StakeholderAlignment
        | K::DepartmentAlignment
        | K::LifecycleManagement
        | K::ProductMarketing
        | K::SalesSupport
        | K::CustomerEngagement => Role::ProductManager,
        K::FeatureDevelopmentOversight
        | K::RequirementsToStories
        | K::StoryWriting
        | K::BacklogRefinement
        | K::BacklogPrioritization
        | K::SprintMonitoring
        | K::DevelopmentTeamLiaison => Role::ProductOwner,
    };
    ActivityOwner {
        role,
        horizon: role.horizon(),
    }
}

/// One piece of work in a scenario: what is done, its kind, and who owns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Activity {
    /// What is done, in words.
    pub description: String,
    /// Its classification.
    pub kind: ActivityKind,
    /// Who owns it ([`owner_of`] of `kind`).
    pub owner: ActivityOwner,
}

impl Activity {
    /// An activity of `kind`, its owner filled in by [`owner_of`].
    pub fn new(kind: ActivityKind, description: impl Into<String>) -> Self {
        Activity {
            description: description.into(),
            kind,
            owner: owner_of(kind),
        }
    }
}

/// A scenario showing both roles at work on one initiative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WorkedExample {
    /// The product.
    pub product: String,
    /// What the company sets out to do.
    pub initiative: String,
    /// The work, product manager's first.
    pub activities: Vec<Activity>,
}

impl WorkedExample {
    /// The activities owned by `role`, in order.
    pub fn activities_of(&self, role: Role) -> Vec<&Activity> {
        self.activities
            .iter()
            .filter(|activity| activity.owner.role == role)
            .collect()
    }
}

/// The source's worked example: a profitable CRM (like HubSpot) bringing AI into its
/// whole product portfolio. The product manager studies how competitors (Salesforce,
/// Zoho) use AI, finds profitable applications in the backlog with sales and
/// leadership, and puts AI features on the roadmap; the product owner oversees one
/// feature (automatic email responses), turns requirements into user stories and
/// tracks the sprints against the roadmap.
///
/// ```
/// use pmkit::roles::{worked_example, ActivityKind, Role};
///
/// let example = worked_example();
/// assert_eq!(example.activities.len(), 6);
/// assert_eq!(example.activities_of(Role::ProductManager).len(), 3);
/// assert_eq!(example.activities[3].kind, ActivityKind::FeatureDevelopmentOversight);
/// assert_eq!(example.activities[3].owner.role, Role::ProductOwner);
/// ```
pub fn worked_example() -> WorkedExample {
    use ActivityKind as K;
    WorkedExample {
        product: "A profitable CRM, like HubSpot".to_owned(),
        initiative: "Integrate AI throughout the product portfolio to drive revenue".to_owned(),
        activities: vec![
            Activity::new(
                K::CompetitorAnalysis,
                "Analyze the market: how competitors such as Salesforce and Zoho build AI into their tools",
            ),
            Activity::new(
                K::OpportunityIdentification,
                "With sales and leadership, pick the profitable AI applications among the existing backlog",
            ),
            Activity::new(
                K::RoadmapUpdate,
                "Add the new AI features to the long-term roadmap and inform the stakeholders concerned",
            ),
            Activity::new(
                K::FeatureDevelopmentOversight,
                "Oversee the development of one feature: automatic email responses",
            ),
            Activity::new(
                K::RequirementsToStories,
                "With stakeholders, pin down the feature's requirements and turn each into an actionable user story",
            ),
            Activity::new(
                K::SprintMonitoring,
                "Monitor the team's sprints and the feature's progress against the overall roadmap",
            ),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worked_example_has_three_activities_per_role() {
        let example = worked_example();
        let pm = example.activities_of(Role::ProductManager);
        let po = example.activities_of(Role::ProductOwner);
        assert_eq!((pm.len(), po.len()), (3, 3));
        assert!(pm.iter().all(|a| a.owner.horizon == Horizon::Strategic));
        assert!(po.iter().all(|a| a.owner.horizon == Horizon::Tactical));
        // Product manager's first, as the source tells it.
        assert!(example.activities[..3]
            .iter()
            .all(|a| a.owner.role == Role::ProductManager));
        for activity in &example.activities {
            assert_eq!(activity.owner, owner_of(activity.kind));
        }
    }

    #[test]
    fn owner_horizon_is_the_role_horizon() {
        for kind in ActivityKind::ALL {
            let owner = owner_of(*kind);
            assert_eq!(owner.horizon, owner.role.horizon(), "{kind}");
        }
        assert_eq!(
            owner_of(ActivityKind::StakeholderAlignment).role,
            Role::ProductManager
        );
        assert_eq!(
            owner_of(ActivityKind::DevelopmentTeamLiaison).role,
            Role::ProductOwner
        );
    }

    #[test]
    fn parse_accepts_every_id_and_lists_them_on_error() {
        for kind in ActivityKind::ALL {
            assert_eq!(ActivityKind::parse("kind", kind.as_str()).unwrap(), *kind);
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
        }
        // Names parse as every option list does: case and separators do not matter.
        assert_eq!(
            ActivityKind::parse("kind", "Market Analysis").unwrap(),
            ActivityKind::parse("kind", "market_analysis").unwrap()
        );
        let err = ActivityKind::parse("kind", "marketing").unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Parse);
        assert_eq!(err.field(), "kind");
        for kind in ActivityKind::ALL {
            assert!(err.reason().contains(kind.as_str()));
        }
    }

    #[test]
    fn json_form() {
        let value = serde_json::to_value(worked_example()).unwrap();
        assert_eq!(value["activities"][0]["kind"], "competitor_analysis");
        assert_eq!(
            value["activities"][0]["owner"],
            serde_json::json!({"role": "product_manager", "horizon": "strategic"})
        );
    }
}
