//! ICE: impact, confidence and ease on 1..=10 (Sean Ellis, GrowthHackers).

use serde::{Deserialize, Serialize};

use super::{Framework, Score, ScoreInputs, Variant};
use crate::{input, Error, Result};

/// The inputs of an ICE score, each on 1..=10 (decimals allowed, e.g. a team's average).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IceInputs {
    /// How much the idea moves the target metric, 1..=10.
    pub impact: f64,
    /// How sure the team is that it will, 1..=10.
    pub confidence: f64,
    /// How easy it is to do, 1..=10 (10 = easiest).
    pub ease: f64,
}

/// ICE score of an idea.
///
/// **Formula**: [`Variant::Product`] (default) `impact × confidence × ease`, from 1 to
/// 1000; [`Variant::Mean`] `(impact + confidence + ease) / 3`, from 1 to 10.
///
/// **Errors**: an input NaN or infinite ([`Error::InvalidInput`]) or outside 1..=10
/// ([`Error::OutOfRange`]), on `impact`, `confidence` or `ease`; a variant of another
/// framework ([`Error::Parse`] on `variant`).
///
/// **Source**: Sean Ellis and Morgan Brown, *Hacking Growth* (2017), ch. 4 (ICE scores
/// of growth ideas); the product and mean are both in common use.
///
/// ```
/// use pmkit::work::{ice_score, IceInputs, Variant};
///
/// let idea = IceInputs { impact: 8.0, confidence: 5.0, ease: 5.0 };
/// assert_eq!(ice_score(&idea, Variant::Product)?.score, 200.0);
/// assert_eq!(ice_score(&idea, Variant::Mean)?.score, 6.0);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn ice_score(inputs: &IceInputs, variant: Variant) -> Result<Score> {
    Framework::Ice.check_variant("variant", variant)?;
    let impact = one_to_ten("impact", inputs.impact)?;
    let confidence = one_to_ten("confidence", inputs.confidence)?;
    let ease = one_to_ten("ease", inputs.ease)?;
    let score = if variant == Variant::Mean {
        (impact + confidence + ease) / 3.0
    } else {
        impact * confidence * ease
    };
    Ok(Score {
        framework: Framework::Ice,
        variant,
        inputs: ScoreInputs::Ice(inputs.clone()),
        score,
    })
}

fn one_to_ten(field: &str, value: f64) -> Result<f64> {
    input::finite(field, value)?;
    if (1.0..=10.0).contains(&value) {
        Ok(value)
    } else {
        Err(Error::out_of_range(
            field,
            format!("{value} is outside the 1..=10 scale"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn bounds_are_inclusive() {
        let low = IceInputs {
            impact: 1.0,
            confidence: 1.0,
            ease: 1.0,
        };
        assert_eq!(ice_score(&low, Variant::Product).unwrap().score, 1.0);
        let high = IceInputs {
            impact: 10.0,
            confidence: 10.0,
            ease: 10.0,
        };
        assert_eq!(ice_score(&high, Variant::Product).unwrap().score, 1000.0);
        assert_eq!(ice_score(&high, Variant::Mean).unwrap().score, 10.0);
    }

    #[test]
    fn off_scale_and_wrong_variant() {
        let zero = IceInputs {
            impact: 0.0,
            confidence: 5.0,
            ease: 5.0,
        };
        let err = ice_score(&zero, Variant::Product).unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::OutOfRange, "impact"));
        let nan = IceInputs {
            impact: 5.0,
            confidence: 5.0,
            ease: f64::NAN,
        };
        assert_eq!(
            ice_score(&nan, Variant::Mean).unwrap_err().kind(),
            ErrorKind::InvalidInput
        );
        let ok = IceInputs {
            impact: 5.0,
            confidence: 5.0,
            ease: 5.0,
        };
        assert_eq!(
            ice_score(&ok, Variant::Intercom).unwrap_err().field(),
            "variant"
        );
    }
}
