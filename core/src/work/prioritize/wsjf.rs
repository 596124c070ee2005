//! WSJF: weighted shortest job first, cost of delay / job size (SAFe).

use serde::{Deserialize, Serialize};

use super::{Framework, Score, ScoreInputs, Variant};
use crate::work::{EstimateScale, ScalePreset};
use crate::{input, Result};

/// The inputs of a WSJF score: the three parts of the cost of delay, and job size.
/// All are relative numbers, conventionally cards of the modified Fibonacci deck.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WsjfInputs {
    /// User-business value.
    pub user_business_value: f64,
    /// Time criticality.
    pub time_criticality: f64,
    /// Risk reduction and / or opportunity enablement.
    pub risk_reduction: f64,
    /// Job size (a proxy for duration), > 0.
    pub job_size: f64,
}

impl WsjfInputs {
    /// Cost of delay: user-business value + time criticality + risk reduction / opportunity enablement.
    pub fn cost_of_delay(&self) -> f64 {
        self.user_business_value + self.time_criticality + self.risk_reduction
    }
}

/// WSJF score of a job.
///
/// **Formula**: `CoD = user-business value + time criticality + risk reduction |
/// opportunity enablement`; `WSJF = CoD / job size`.
///
/// **Variants**: [`Variant::Unrestricted`] (default) accepts any non-negative inputs;
/// [`Variant::ModifiedFibonacci`] requires every input to be a card of the modified
/// Fibonacci deck (0, ½, 1, 2, 3, 5, 8, 13, 20, 40, 100), as SAFe's relative estimates are.
///
/// **Errors**: an input NaN, infinite or negative ([`Error::InvalidInput`](crate::Error::InvalidInput));
/// off the deck in the `modified_fibonacci` variant ([`Error::OutOfRange`](crate::Error::OutOfRange));
/// `job_size` 0 ([`Error::Undefined`](crate::Error::Undefined)); a cost of delay or a
/// score that would overflow f64 ([`Error::OutOfRange`](crate::Error::OutOfRange) on
/// the largest part of the cost of delay, or on `job_size` when the division
/// overflows); a variant of another
/// framework ([`Error::Parse`](crate::Error::Parse) on `variant`).
///
/// **Source**: Scaled Agile, "Weighted Shortest Job First" (SAFe), after Reinertsen,
/// *The Principles of Product Development Flow* (2009). Jason Yip's "Problems I have
/// with SAFe-style WSJF" (2024) works the example below: value 1 + time criticality 3
/// + risk reduction 5 = a cost of delay of 9.
///
/// ```
/// use pmkit::work::{wsjf_score, Variant, WsjfInputs};
///
/// let job = WsjfInputs { user_business_value: 1.0, time_criticality: 3.0, risk_reduction: 5.0, job_size: 3.0 };
/// assert_eq!(job.cost_of_delay(), 9.0);
/// assert_eq!(wsjf_score(&job, Variant::ModifiedFibonacci)?.score, 3.0);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn wsjf_score(inputs: &WsjfInputs, variant: Variant) -> Result<Score> {
    Framework::Wsjf.check_variant("variant", variant)?;
    let parts = [
        ("user_business_value", inputs.user_business_value),
        ("time_criticality", inputs.time_criticality),
        ("risk_reduction", inputs.risk_reduction),
        ("job_size", inputs.job_size),
    ];
    for (field, value) in parts {
        input::non_negative(field, value)?;
    }
    if variant == Variant::ModifiedFibonacci {
        let deck = EstimateScale::preset(ScalePreset::ModifiedFibonacci);
        for (field, value) in parts {
            deck.check(field, value)?;
        }
    }
    let job_size = input::positive("job_size", inputs.job_size)?;
    Ok(Score {
        framework: Framework::Wsjf,
        variant,
        inputs: ScoreInputs::Wsjf(inputs.clone()),
        score: super::finite_score(&parts[..3], inputs.cost_of_delay(), ("job_size", job_size))?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    fn job(value: f64, time: f64, risk: f64, size: f64) -> WsjfInputs {
        WsjfInputs {
            user_business_value: value,
            time_criticality: time,
            risk_reduction: risk,
            job_size: size,
        }
    }

    #[test]
    fn overflowing_scores_are_errors() {
        let err = wsjf_score(&job(1.0, 1.0, 1.0, 5e-324), Variant::Unrestricted).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "job_size")
        );
        let err = wsjf_score(&job(1e308, 1.7e308, 1.0, 1.0), Variant::Unrestricted).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "time_criticality")
        );
    }

    #[test]
    fn cost_of_delay_over_job_size() {
        let score = wsjf_score(&job(8.0, 5.0, 3.0, 8.0), Variant::Unrestricted).unwrap();
        assert_eq!(score.score, 2.0);
        let score = wsjf_score(&job(20.0, 0.5, 0.0, 0.5), Variant::ModifiedFibonacci).unwrap();
        assert_eq!(score.score, 41.0);
    }

    #[test]
    fn deck_is_enforced_only_when_asked() {
        let err = wsjf_score(&job(7.0, 5.0, 3.0, 8.0), Variant::ModifiedFibonacci).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "user_business_value")
        );
        assert_eq!(
            wsjf_score(&job(7.0, 5.0, 3.0, 5.0), Variant::Unrestricted)
                .unwrap()
                .score,
            3.0
        );
    }

    #[test]
    fn zero_job_size_is_undefined() {
        let err = wsjf_score(&job(1.0, 1.0, 1.0, 0.0), Variant::ModifiedFibonacci).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::Undefined, "job_size")
        );
        let err = wsjf_score(&job(1.0, -1.0, 1.0, 1.0), Variant::Unrestricted).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::InvalidInput, "time_criticality")
        );
    }
}
