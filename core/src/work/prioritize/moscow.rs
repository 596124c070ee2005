//! MoSCoW: must / should / could / won't have (DSDM).

use serde::{Deserialize, Serialize};

use super::{Framework, Score, ScoreInputs, Variant};
use crate::names::named_enum;
use crate::work::{Finding, Rule, Severity, Story, UnestimatedPolicy};

/// DSDM's guideline: must-haves take no more than 60 % of the effort of a timebox.
pub const MUST_HAVE_EFFORT_LIMIT: f64 = 0.6;

named_enum!(
    /// A MoSCoW category.
    Moscow, "MoSCoW category" {
        /// Must have: without it the release is not viable.
        Must = "must" | "must have" | "m",
        /// Should have: important, not vital.
        Should = "should" | "should have" | "s",
        /// Could have: desirable, dropped first.
        Could = "could" | "could have" | "c",
        /// Won't have this time.
        Wont = "wont" | "won't" | "won't have" | "wont have" | "w",
    }
);

impl Moscow {
    /// The category as a score: must 3, should 2, could 1, won't 0.
    pub const fn weight(self) -> f64 {
        match self {
            Moscow::Must => 3.0,
            Moscow::Should => 2.0,
            Moscow::Could => 1.0,
            Moscow::Wont => 0.0,
        }
    }
}

/// The input of a MoSCoW score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MoscowInputs {
    /// The category.
    pub category: Moscow,
}

/// A MoSCoW category as a [`Score`]: must 3, should 2, could 1, won't 0 (variant
/// [`Variant::Standard`]), so MoSCoW ranks like the other frameworks.
///
/// ```
/// use pmkit::work::{moscow_score, Moscow};
///
/// assert_eq!(moscow_score(Moscow::Must).score, 3.0);
/// ```
pub fn moscow_score(category: Moscow) -> Score {
    Score {
        framework: Framework::Moscow,
        variant: Variant::Standard,
        inputs: ScoreInputs::Moscow(MoscowInputs { category }),
        score: category.weight(),
    }
}

/// Stories and effort in one MoSCoW category.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MoscowTotals {
    /// Stories in the category.
    pub stories: u64,
    /// Their points (unestimated ones per the policy).
    pub effort: f64,
    /// Those without an estimate.
    pub unestimated: u64,
}

/// The MoSCoW breakdown of the open stories (to do or in progress).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MoscowSummary {
    /// Must-haves.
    pub must: MoscowTotals,
    /// Should-haves.
    pub should: MoscowTotals,
    /// Could-haves.
    pub could: MoscowTotals,
    /// Won't-haves (this time).
    pub wont: MoscowTotals,
    /// Open stories without a MoSCoW category.
    pub uncategorized: u64,
    /// Must-have effort / (must + should + could effort), a fraction; `None` when
    /// that total is 0. Won't-haves are outside the release, so outside the share.
    pub must_have_share: Option<f64>,
    /// A [`Rule::MustHaveShare`] finding when the share passes
    /// [`MUST_HAVE_EFFORT_LIMIT`] (60 %).
    pub findings: Vec<Finding>,
}

/// MoSCoW breakdown of the open stories, with the must-have share of effort.
///
/// **Formula**: `must_have_share = must effort / (must + should + could effort)`;
/// a finding (rule `must_have_share`, severity warning) when it is above 0.6.
/// Done and cancelled stories are left out: the share is about work still to plan.
/// Effort is each story's estimate; unestimated stories follow `unestimated`.
///
/// **Source**: DSDM Agile Project Framework, ch. 10 "MoSCoW Prioritisation" (Agile
/// Business Consortium, 2014): must-haves should not exceed 60 % of the effort.
///
/// ```
/// use pmkit::work::{moscow_summary, Moscow, Story, UnestimatedPolicy};
///
/// let story = |id: &str, category, points| {
///     let mut story = Story::new(id, id).unwrap();
///     story.priority.moscow = Some(category);
///     story.estimate = Some(points);
///     story
/// };
/// let stories = [story("A", Moscow::Must, 8.0), story("B", Moscow::Should, 3.0), story("C", Moscow::Could, 2.0)];
/// let summary = moscow_summary(&stories, UnestimatedPolicy::Exclude);
/// assert_eq!(summary.must_have_share, Some(8.0 / 13.0));
/// assert_eq!(summary.findings.len(), 1); // 61.5 % > 60 %
/// ```
pub fn moscow_summary(stories: &[Story], unestimated: UnestimatedPolicy) -> MoscowSummary {
    let mut summary = MoscowSummary {
        must: MoscowTotals::default(),
        should: MoscowTotals::default(),
        could: MoscowTotals::default(),
        wont: MoscowTotals::default(),
        uncategorized: 0,
        must_have_share: None,
        findings: Vec::new(),
    };
    for story in stories
        .iter()
        .filter(|story| story.status.category.is_open())
    {
        let totals = match story.priority.moscow {
            Some(Moscow::Must) => &mut summary.must,
            Some(Moscow::Should) => &mut summary.should,
            Some(Moscow::Could) => &mut summary.could,
            Some(Moscow::Wont) => &mut summary.wont,
            None => {
                summary.uncategorized += 1;
                continue;
            }
        };
        totals.stories += 1;
        if story.estimate.is_none() {
            totals.unestimated += 1;
        }
        totals.effort += unestimated.points(story.estimate).unwrap_or(0.0);
    }
    let planned = summary.must.effort + summary.should.effort + summary.could.effort;
    if planned > 0.0 {
        let share = summary.must.effort / planned;
        summary.must_have_share = Some(share);
        if share > MUST_HAVE_EFFORT_LIMIT {
            summary.findings.push(Finding {
                rule: Rule::MustHaveShare,
                severity: Severity::Warning,
                message: format!(
                    "must-haves are {:.1} % of the planned effort ({} of {} points), above DSDM's 60 % guideline; \
                     move some to should or could so the release keeps a contingency",
                    share * 100.0,
                    summary.must.effort,
                    planned
                ),
            });
        }
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::work::{Status, StatusCategory};

    fn story(
        id: &str,
        category: Option<Moscow>,
        points: Option<f64>,
        status: StatusCategory,
    ) -> Story {
        let mut story = Story::new(id, id).unwrap();
        story.priority.moscow = category;
        story.estimate = points;
        story.status = Status::of(status);
        story
    }

    #[test]
    fn closed_and_wont_stories_stay_out_of_the_share() {
        let stories = [
            story("A", Some(Moscow::Must), Some(3.0), StatusCategory::ToDo),
            story("B", Some(Moscow::Must), Some(50.0), StatusCategory::Done),
            story(
                "C",
                Some(Moscow::Should),
                Some(3.0),
                StatusCategory::InProgress,
            ),
            story("D", Some(Moscow::Wont), Some(40.0), StatusCategory::ToDo),
            story("E", None, Some(1.0), StatusCategory::ToDo),
            story("F", Some(Moscow::Could), None, StatusCategory::Cancelled),
        ];
        let summary = moscow_summary(&stories, UnestimatedPolicy::Exclude);
        assert_eq!(summary.must.stories, 1);
        assert_eq!(summary.wont.effort, 40.0);
        assert_eq!(summary.uncategorized, 1);
        assert_eq!(summary.must_have_share, Some(0.5));
        assert!(summary.findings.is_empty());
    }

    #[test]
    fn unestimated_policy_changes_effort() {
        let stories = [
            story("A", Some(Moscow::Must), None, StatusCategory::ToDo),
            story("B", Some(Moscow::Could), Some(2.0), StatusCategory::ToDo),
        ];
        let excluded = moscow_summary(&stories, UnestimatedPolicy::Exclude);
        assert_eq!(excluded.must_have_share, Some(0.0));
        assert_eq!(excluded.must.unestimated, 1);
        let counted = moscow_summary(&stories, UnestimatedPolicy::CountAs(8.0));
        assert_eq!(counted.must_have_share, Some(0.8));
        assert_eq!(counted.findings[0].rule, Rule::MustHaveShare);
    }

    #[test]
    fn no_planned_effort_has_no_share() {
        let summary = moscow_summary(&[], UnestimatedPolicy::Exclude);
        assert_eq!(summary.must_have_share, None);
    }
}
