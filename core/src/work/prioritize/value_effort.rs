//! Value / effort: the ratio, and the 2 × 2 matrix quadrant.

use serde::{Deserialize, Serialize};

use super::{Framework, Score, ScoreInputs, Variant};
use crate::names::named_enum;
use crate::{input, Result};

/// The inputs of a value / effort score, on any scale the team uses consistently.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ValueEffortInputs {
    /// Value to users and the business, ≥ 0.
    pub value: f64,
    /// Effort to deliver, > 0.
    pub effort: f64,
}

/// Value / effort ratio: value delivered per unit of effort.
///
/// **Formula**: `value / effort` (variant [`Variant::Ratio`]).
///
/// **Errors**: NaN, infinite or negative inputs ([`Error::InvalidInput`](crate::Error::InvalidInput));
/// `effort` 0 ([`Error::Undefined`](crate::Error::Undefined)); a ratio that would
/// overflow f64, such as value 1 over effort 5e-324
/// ([`Error::OutOfRange`](crate::Error::OutOfRange) on `effort`).
///
/// **Source**: the value vs. effort matrix (e.g. Atlassian, "Prioritization frameworks";
/// ProductPlan glossary, "Value vs. Complexity Quadrant").
///
/// ```
/// use pmkit::work::{value_effort_score, ValueEffortInputs};
///
/// let score = value_effort_score(&ValueEffortInputs { value: 8.0, effort: 2.0 })?;
/// assert_eq!(score.score, 4.0);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn value_effort_score(inputs: &ValueEffortInputs) -> Result<Score> {
    let value = input::non_negative("value", inputs.value)?;
    let effort = input::positive("effort", inputs.effort)?;
    Ok(Score {
        framework: Framework::ValueEffort,
        variant: Variant::Ratio,
        inputs: ScoreInputs::ValueEffort(inputs.clone()),
        score: super::finite_score(&[("value", value)], value, ("effort", effort))?,
    })
}

named_enum!(
    /// The quadrant of the value / effort matrix.
    Quadrant, "quadrant" {
        /// High value, low effort: do first.
        QuickWin = "quick_win",
        /// High value, high effort: plan deliberately.
        BigBet = "big_bet",
        /// Low value, low effort: fill gaps with it.
        FillIn = "fill_in",
        /// Low value, high effort: avoid.
        MoneyPit = "money_pit",
    }
);

/// The value / effort quadrant of an item.
///
/// Value is high when `value ≥ value_threshold`; effort is high when `effort ≥
/// effort_threshold` (thresholds are usually the midpoints of the team's scales, 5 on
/// 1..=10). High value and low effort is a quick win, high and high a big bet, low and
/// low a fill-in, low value and high effort a money pit.
///
/// **Errors**: any input NaN, infinite or negative ([`Error::InvalidInput`](crate::Error::InvalidInput) on its name).
///
/// ```
/// use pmkit::work::{value_effort_quadrant, Quadrant};
///
/// assert_eq!(value_effort_quadrant(8.0, 2.0, 5.0, 5.0)?, Quadrant::QuickWin);
/// assert_eq!(value_effort_quadrant(3.0, 9.0, 5.0, 5.0)?, Quadrant::MoneyPit);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn value_effort_quadrant(
    value: f64,
    effort: f64,
    value_threshold: f64,
    effort_threshold: f64,
) -> Result<Quadrant> {
    let value = input::non_negative("value", value)?;
    let effort = input::non_negative("effort", effort)?;
    let value_threshold = input::non_negative("value_threshold", value_threshold)?;
    let effort_threshold = input::non_negative("effort_threshold", effort_threshold)?;
    Ok(
        match (value >= value_threshold, effort >= effort_threshold) {
            (true, false) => Quadrant::QuickWin,
            (true, true) => Quadrant::BigBet,
            (false, false) => Quadrant::FillIn,
            (false, true) => Quadrant::MoneyPit,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn overflowing_ratio_is_an_error() {
        let err = value_effort_score(&ValueEffortInputs {
            value: 1.0,
            effort: 5e-324,
        })
        .unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::OutOfRange, "effort"));
    }

    #[test]
    fn thresholds_count_as_high() {
        assert_eq!(
            value_effort_quadrant(5.0, 5.0, 5.0, 5.0).unwrap(),
            Quadrant::BigBet
        );
        assert_eq!(
            value_effort_quadrant(4.9, 4.9, 5.0, 5.0).unwrap(),
            Quadrant::FillIn
        );
        let err = value_effort_quadrant(1.0, 1.0, f64::NAN, 5.0).unwrap_err();
        assert_eq!(err.field(), "value_threshold");
    }

    #[test]
    fn zero_effort_ratio_is_undefined() {
        let err = value_effort_score(&ValueEffortInputs {
            value: 3.0,
            effort: 0.0,
        })
        .unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Undefined, "effort"));
        assert_eq!(
            value_effort_score(&ValueEffortInputs {
                value: 0.0,
                effort: 4.0
            })
            .unwrap()
            .score,
            0.0
        );
    }
}
