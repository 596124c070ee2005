//! RICE: reach × impact × confidence / effort (Intercom).

use serde::{Deserialize, Serialize};

use super::{Framework, Score, ScoreInputs, Variant};
use crate::{input, Error, Result};

/// Intercom's impact scale: massive 3, high 2, medium 1, low 0.5, minimal 0.25.
pub const INTERCOM_IMPACT: [f64; 5] = [3.0, 2.0, 1.0, 0.5, 0.25];
/// Intercom's confidence scale: high 100 %, medium 80 %, low 50 %.
pub const INTERCOM_CONFIDENCE: [f64; 3] = [1.0, 0.8, 0.5];

/// The inputs of a RICE score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RiceInputs {
    /// People or events affected per period (customers per quarter), ≥ 0.
    pub reach: f64,
    /// Impact per person: on Intercom's scale 3 / 2 / 1 / 0.5 / 0.25.
    pub impact: f64,
    /// Confidence in the estimates, a fraction: on Intercom's scale 1.0 / 0.8 / 0.5.
    pub confidence: f64,
    /// Effort in person-months (any unit, used consistently), > 0.
    pub effort: f64,
}

/// RICE score: total impact per unit of effort.
///
/// **Formula**: `reach × impact × confidence / effort`.
///
/// **Variants**: [`Variant::Intercom`] (default) requires impact on Intercom's scale
/// (3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal) and confidence on its scale
/// (1.0 high, 0.8 medium, 0.5 low); [`Variant::Unrestricted`] accepts any impact ≥ 0
/// and any confidence in 0..=1.
///
/// **Errors**: a NaN, infinite or negative input ([`Error::InvalidInput`] on its
/// name); impact or confidence off the scale ([`Error::OutOfRange`]); effort 0
/// ([`Error::Undefined`] on `effort`); a score that would overflow f64 (reach 1e300
/// × impact 3, or an effort of 5e-324) ([`Error::OutOfRange`] on the largest of reach,
/// impact and confidence when their product overflows, else on `effort`); a variant of another framework ([`Error::Parse`]
/// on `variant`).
///
/// **Source**: Sean McBride, "RICE: Simple prioritization for product managers",
/// Intercom blog, 2016.
///
/// ```
/// use pmkit::work::{rice_score, RiceInputs, Variant};
///
/// // 500 customers a quarter, high impact (2), medium confidence (80 %), 2 person-months.
/// let inputs = RiceInputs { reach: 500.0, impact: 2.0, confidence: 0.8, effort: 2.0 };
/// assert_eq!(rice_score(&inputs, Variant::Intercom)?.score, 400.0);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn rice_score(inputs: &RiceInputs, variant: Variant) -> Result<Score> {
    Framework::Rice.check_variant("variant", variant)?;
    let reach = input::non_negative("reach", inputs.reach)?;
    let impact = input::non_negative("impact", inputs.impact)?;
    let confidence = input::non_negative("confidence", inputs.confidence)?;
    let effort = input::positive("effort", inputs.effort)?;
    if variant == Variant::Intercom {
        on_scale(
            "impact",
            impact,
            &INTERCOM_IMPACT,
            "Intercom's impact scale (3, 2, 1, 0.5, 0.25)",
        )?;
        on_scale(
            "confidence",
            confidence,
            &INTERCOM_CONFIDENCE,
            "Intercom's confidence scale (1.0, 0.8, 0.5)",
        )?;
    } else if confidence > 1.0 {
        return Err(Error::out_of_range(
            "confidence",
            format!("{confidence} is above 1; confidence is a fraction (0.8 = 80 %)"),
        ));
    }
    Ok(Score {
        framework: Framework::Rice,
        variant,
        inputs: ScoreInputs::Rice(inputs.clone()),
        score: super::finite_score(
            &[
                ("reach", reach),
                ("impact", impact),
                ("confidence", confidence),
            ],
            reach * impact * confidence,
            ("effort", effort),
        )?,
    })
}

/// `value` must be one of `allowed`.
fn on_scale(field: &str, value: f64, allowed: &[f64], scale: &str) -> Result<()> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        let hint = if field == "confidence" && value > 1.0 {
            " (confidence is a fraction: 0.8, not 80)"
        } else {
            ""
        };
        Err(Error::out_of_range(
            field,
            format!(
                "{value} is not on {scale}{hint}; use variant \"unrestricted\" for other values"
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn inputs(reach: f64, impact: f64, confidence: f64, effort: f64) -> RiceInputs {
        RiceInputs {
            reach,
            impact,
            confidence,
            effort,
        }
    }

    #[test]
    fn published_examples() {
        // 2,000 × 2 × 0.8 / 4 = 800 (a worked example widely quoted with Intercom's scales).
        let score = rice_score(&inputs(2000.0, 2.0, 0.8, 4.0), Variant::Intercom).unwrap();
        assert_eq!(score.score, 800.0);
        assert_eq!(score.framework, Framework::Rice);
    }

    #[test]
    fn intercom_scales_are_enforced() {
        let err = rice_score(&inputs(10.0, 4.0, 0.8, 1.0), Variant::Intercom).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::OutOfRange, "impact"));
        let err = rice_score(&inputs(10.0, 2.0, 80.0, 1.0), Variant::Intercom).unwrap_err();
        assert_eq!(err.field(), "confidence");
        assert!(err.reason().contains("fraction"));
        let free = rice_score(&inputs(10.0, 4.0, 0.7, 2.0), Variant::Unrestricted).unwrap();
        assert!((free.score - 14.0).abs() < 1e-12);
        let err = rice_score(&inputs(10.0, 4.0, 1.5, 2.0), Variant::Unrestricted).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::OutOfRange);
    }

    #[test]
    fn overflowing_scores_are_errors() {
        let err = rice_score(&inputs(1.0, 3.0, 1.0, 5e-324), Variant::Intercom).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::OutOfRange, "effort"));
        let err = rice_score(&inputs(1e308, 3.0, 1.0, 1e9), Variant::Intercom).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::OutOfRange, "reach"));
    }

    proptest::proptest! {
        /// Valid inputs give a finite score or an out_of_range error, never infinity.
        #[test]
        fn scores_are_finite(
            reach in 0.0..=f64::MAX,
            impact in 0.0..=f64::MAX,
            confidence in 0.0..=1.0f64,
            effort in proptest::num::f64::POSITIVE,
        ) {
            match rice_score(&inputs(reach, impact, confidence, effort), Variant::Unrestricted) {
                Ok(score) => proptest::prop_assert!(score.score.is_finite()),
                Err(err) => proptest::prop_assert_eq!(err.kind(), ErrorKind::OutOfRange),
            }
        }
    }

    #[test]
    fn zero_effort_is_undefined() {
        let err = rice_score(&inputs(10.0, 1.0, 1.0, 0.0), Variant::Intercom).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Undefined, "effort"));
        let err = rice_score(&inputs(-1.0, 1.0, 1.0, 1.0), Variant::Intercom).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::InvalidInput, "reach")
        );
    }
}
