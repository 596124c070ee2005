//! Survey-based satisfaction and loyalty: NPS and CSAT.

use serde::{Deserialize, Serialize};

use crate::{input, Result};

/// The result of [`net_promoter_score`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NpsResult {
    /// % promoters − % detractors, from −100 (all detractors) to 100 (all promoters).
    /// Not rounded: round for display if you like.
    pub score: f64,
    /// Answers of 9 or 10.
    pub promoters: u64,
    /// Answers of 7 or 8.
    pub passives: u64,
    /// Answers of 0 to 6.
    pub detractors: u64,
    /// All answers.
    pub responses: u64,
}

/// Net Promoter Score from answers to "How likely are you to recommend …?" on 0..=10.
///
/// **Formula**: `NPS = 100 × (promoters − detractors) / responses`, where promoters
/// answer 9–10, passives 7–8 and detractors 0–6. **Unit**: a score from −100 to 100
/// (not a fraction, by the metric's convention).
///
/// **Errors**: no responses ([`Undefined`](crate::Error::Undefined)); an answer that is
/// not a whole number or NaN ([`InvalidInput`](crate::Error::InvalidInput)); an answer
/// outside 0..=10 ([`OutOfRange`](crate::Error::OutOfRange)). The field names the
/// first bad answer (`responses[3]`).
///
/// **Source**: Reichheld, F. "The One Number You Need to Grow", Harvard Business
/// Review, Dec 2003; Bain & Company, "Measuring Your Net Promoter Score".
///
/// ```
/// use pmkit::metrics::net_promoter_score;
///
/// // 70 promoters, 20 passives, 10 detractors: 70 % − 10 % = 60.
/// let mut answers = vec![10u8; 70];
/// answers.extend([8u8; 20]);
/// answers.extend([3u8; 10]);
/// let nps = net_promoter_score(&answers)?;
/// assert_eq!(nps.score, 60.0);
/// assert_eq!((nps.promoters, nps.passives, nps.detractors), (70, 20, 10));
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn net_promoter_score<T: Copy + Into<f64>>(responses: &[T]) -> Result<NpsResult> {
    input::non_empty("responses", responses)?;
    let (mut promoters, mut passives, mut detractors) = (0u64, 0u64, 0u64);
    for (index, &answer) in responses.iter().enumerate() {
        match input::score_on_scale(&format!("responses[{index}]"), answer.into(), 0, 10)? {
            9..=10 => promoters += 1,
            7..=8 => passives += 1,
            _ => detractors += 1,
        }
    }
    let total = promoters + passives + detractors;
    let score = 100.0 * (promoters as f64 - detractors as f64) / total as f64;
    Ok(NpsResult {
        score,
        promoters,
        passives,
        detractors,
        responses: total,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn issue_example() {
        let nps = net_promoter_score(&[10u8, 9, 8, 3]).unwrap();
        assert_eq!(nps.score, 25.0);
        assert_eq!(nps.responses, 4);
    }

    #[test]
    fn all_detractors_is_minus_100() {
        assert_eq!(net_promoter_score(&[0.0, 6.0]).unwrap().score, -100.0);
    }

    #[test]
    fn bad_answers_name_their_position() {
        let err = net_promoter_score(&[10.0, 11.0]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::OutOfRange);
        assert_eq!(err.field(), "responses[1]");
        let err = net_promoter_score(&[9.5]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        let err = net_promoter_score::<f64>(&[]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Undefined);
    }
}
