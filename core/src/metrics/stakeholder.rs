//! Stakeholder engagement, on the PMBOK Guide's Stakeholder Engagement Assessment Matrix.

use serde::{Deserialize, Serialize};

use crate::{input, Error, Result};

/// How engaged a stakeholder is, from least to most: the five levels of the PMBOK
/// Guide's Stakeholder Engagement Assessment Matrix (6th ed., §13.2.2.5).
///
/// The order is meaningful (`Unaware < Resistant < … < Leading`), and the distance
/// between two levels is the number of steps between them ([`EngagementLevel::rank`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EngagementLevel {
    /// Unaware of the project and its potential impacts.
    Unaware,
    /// Aware of the project and its impacts, and resistant to change.
    Resistant,
    /// Aware of the project, neither supportive nor resistant.
    Neutral,
    /// Aware of the project and its impacts, and supportive of the change.
    Supportive,
    /// Aware of the project and its impacts, and actively engaged in ensuring its success.
    Leading,
}

impl EngagementLevel {
    /// The five levels, least engaged first.
    pub const ALL: [EngagementLevel; 5] = [
        EngagementLevel::Unaware,
        EngagementLevel::Resistant,
        EngagementLevel::Neutral,
        EngagementLevel::Supportive,
        EngagementLevel::Leading,
    ];

    /// The snake_case name used in JSON and in every language (`"supportive"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            EngagementLevel::Unaware => "unaware",
            EngagementLevel::Resistant => "resistant",
            EngagementLevel::Neutral => "neutral",
            EngagementLevel::Supportive => "supportive",
            EngagementLevel::Leading => "leading",
        }
    }

    /// The level's position on the matrix: 0 (unaware) to 4 (leading).
    pub const fn rank(self) -> u32 {
        match self {
            EngagementLevel::Unaware => 0,
            EngagementLevel::Resistant => 1,
            EngagementLevel::Neutral => 2,
            EngagementLevel::Supportive => 3,
            EngagementLevel::Leading => 4,
        }
    }

    /// Parses a level by its snake_case name.
    ///
    /// ```
    /// use pmkit::metrics::EngagementLevel;
    /// assert_eq!(EngagementLevel::parse("current", "neutral")?, EngagementLevel::Neutral);
    /// assert!(EngagementLevel::parse("current", "champion").is_err());
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    pub fn parse(field: &str, text: &str) -> Result<EngagementLevel> {
        EngagementLevel::ALL
            .into_iter()
            .find(|level| level.as_str() == text)
            .ok_or_else(|| {
                Error::parse(
                    field,
                    format!(
                        "unknown engagement level {text:?}; expected one of \"unaware\", \
                         \"resistant\", \"neutral\", \"supportive\", \"leading\""
                    ),
                )
            })
    }
}

impl std::fmt::Display for EngagementLevel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One row of the engagement assessment matrix: a stakeholder, where they are (C) and
/// where the project needs them (D).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Stakeholder {
    /// Who (a person, a group or a role); not blank.
    pub name: String,
    /// Their engagement today.
    pub current: EngagementLevel,
    /// The engagement the project needs from them.
    pub desired: EngagementLevel,
}

impl Stakeholder {
    /// A stakeholder row; fails with [`InvalidInput`](crate::Error::InvalidInput) on a
    /// blank `name`.
    ///
    /// ```
    /// use pmkit::metrics::{EngagementLevel::*, Stakeholder};
    /// let cfo = Stakeholder::new("CFO", Neutral, Supportive)?;
    /// assert_eq!(cfo.shortfall(), 1);
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    pub fn new(
        name: impl Into<String>,
        current: EngagementLevel,
        desired: EngagementLevel,
    ) -> Result<Stakeholder> {
        let stakeholder = Stakeholder {
            name: name.into(),
            current,
            desired,
        };
        stakeholder.validate()?;
        Ok(stakeholder)
    }

    /// How many levels `current` is below `desired`: `max(desired − current, 0)`.
    /// Being more engaged than needed is no shortfall.
    pub fn shortfall(&self) -> u32 {
        self.desired.rank().saturating_sub(self.current.rank())
    }

    fn validate(&self) -> Result<()> {
        if self.name.trim().is_empty() {
            return Err(Error::invalid(
                "name",
                "is blank; name the stakeholder (a person, group or role)",
            ));
        }
        Ok(())
    }
}

/// A stakeholder below the desired level, in [`StakeholderEngagement::gaps`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StakeholderGap {
    /// The stakeholder's name.
    pub name: String,
    /// Their engagement today.
    pub current: EngagementLevel,
    /// The engagement the project needs.
    pub desired: EngagementLevel,
    /// Levels between the two (≥ 1).
    pub shortfall: u32,
}

/// The result of [`stakeholder_engagement`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StakeholderEngagement {
    /// Share of stakeholders whose current level is at or above the desired one
    /// (fraction, 0..=1; higher is better).
    pub share_at_or_above_desired: f64,
    /// Mean shortfall in levels over *all* stakeholders (0..=4; 0 is best).
    pub mean_gap: f64,
    /// The stakeholders below their desired level, in input order.
    pub gaps: Vec<StakeholderGap>,
}

/// Stakeholder engagement: how many stakeholders are as engaged as the project needs,
/// and how far the others fall short.
///
/// **Formula**: with `shortfall = max(rank(desired) − rank(current), 0)` on the five
/// levels unaware (0) < resistant < neutral < supportive < leading (4):
/// `share_at_or_above_desired = #(shortfall = 0) / n` and
/// `mean_gap = Σ shortfall / n`. **Units**: a fraction and a number of levels.
///
/// The matrix measures engagement, not satisfaction; for satisfaction, survey the
/// stakeholders and use [`crate::metrics::net_promoter_score`] or a CSAT score.
///
/// **Errors**: no stakeholders ([`Undefined`](crate::Error::Undefined),
/// `stakeholders`); a blank name ([`InvalidInput`](crate::Error::InvalidInput),
/// `stakeholders[i].name`).
///
/// **Source**: PMI, *A Guide to the Project Management Body of Knowledge (PMBOK
/// Guide)*, 6th ed. (2017), §13.2.2.5 "Data Representation: Stakeholder Engagement
/// Assessment Matrix".
///
/// ```
/// use pmkit::metrics::{stakeholder_engagement, EngagementLevel::*, Stakeholder};
///
/// let matrix = [
///     Stakeholder::new("CFO", Resistant, Supportive)?,     // 2 levels short
///     Stakeholder::new("Support lead", Neutral, Neutral)?, // as needed
///     Stakeholder::new("Sales VP", Leading, Supportive)?,  // more than needed
///     Stakeholder::new("Legal", Unaware, Neutral)?,        // 2 levels short
/// ];
/// let engagement = stakeholder_engagement(&matrix)?;
/// assert_eq!(engagement.share_at_or_above_desired, 0.5);
/// assert_eq!(engagement.mean_gap, 1.0); // (2 + 0 + 0 + 2) / 4
/// assert_eq!(engagement.gaps.len(), 2);
/// assert_eq!(engagement.gaps[0].name, "CFO");
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn stakeholder_engagement(stakeholders: &[Stakeholder]) -> Result<StakeholderEngagement> {
    input::non_empty("stakeholders", stakeholders)?;
    let mut gaps = Vec::new();
    let mut total_shortfall = 0u64;
    for (index, stakeholder) in stakeholders.iter().enumerate() {
        stakeholder
            .validate()
            .map_err(|err| err.within(&format!("stakeholders[{index}]")))?;
        let shortfall = stakeholder.shortfall();
        if shortfall > 0 {
            total_shortfall += u64::from(shortfall);
            gaps.push(StakeholderGap {
                name: stakeholder.name.clone(),
                current: stakeholder.current,
                desired: stakeholder.desired,
                shortfall,
            });
        }
    }
    let n = stakeholders.len() as f64;
    let at_or_above = (stakeholders.len() - gaps.len()) as f64;
    Ok(StakeholderEngagement {
        share_at_or_above_desired: at_or_above / n,
        mean_gap: total_shortfall as f64 / n,
        gaps,
    })
}

#[cfg(test)]
mod tests {
    use super::EngagementLevel::*;
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn levels_are_ordered_and_round_trip() {
        assert!(Unaware < Resistant && Resistant < Neutral);
        assert!(Neutral < Supportive && Supportive < Leading);
        for level in EngagementLevel::ALL {
            assert_eq!(EngagementLevel::parse("level", level.as_str()), Ok(level));
        }
        let err = EngagementLevel::parse("current", "Leading").unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Parse, "current"));
    }

    #[test]
    fn serde_form_is_snake_case() {
        let row = Stakeholder::new("CTO", Unaware, Leading).unwrap();
        let json = serde_json::to_string(&row).unwrap();
        assert_eq!(
            json,
            r#"{"name":"CTO","current":"unaware","desired":"leading"}"#
        );
    }

    #[test]
    fn everyone_engaged_has_no_gaps() {
        let rows = [
            Stakeholder::new("A", Leading, Leading).unwrap(),
            Stakeholder::new("B", Supportive, Neutral).unwrap(),
        ];
        let result = stakeholder_engagement(&rows).unwrap();
        assert_eq!(result.share_at_or_above_desired, 1.0);
        assert_eq!(result.mean_gap, 0.0);
        assert!(result.gaps.is_empty());
    }

    #[test]
    fn largest_gap_is_four_levels() {
        let rows = [
            Stakeholder::new("A", Unaware, Leading).unwrap(),
            Stakeholder::new("B", Neutral, Neutral).unwrap(),
            Stakeholder::new("C", Neutral, Supportive).unwrap(),
        ];
        let result = stakeholder_engagement(&rows).unwrap();
        assert_eq!(result.share_at_or_above_desired, 1.0 / 3.0);
        assert_eq!(result.mean_gap, 5.0 / 3.0);
        assert_eq!(result.gaps[0].shortfall, 4);
        assert_eq!(result.gaps[1].name, "C");
    }

    #[test]
    fn errors_name_the_stakeholder() {
        let err = stakeholder_engagement(&[]).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::Undefined, "stakeholders")
        );
        let rows = [
            Stakeholder::new("A", Neutral, Neutral).unwrap(),
            Stakeholder {
                name: "  ".into(),
                current: Neutral,
                desired: Neutral,
            },
        ];
        let err = stakeholder_engagement(&rows).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::InvalidInput, "stakeholders[1].name")
        );
        assert!(Stakeholder::new("", Neutral, Neutral).is_err());
    }
}
