//! Survey-based satisfaction and loyalty: NPS and CSAT.

use serde::{Deserialize, Serialize};

use crate::{input, Error, Result};

/// The result of [`net_promoter_score`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    // A count per answer, then the three groups: one cheap test per answer on the
    // common path; any other value goes through the full check, which names it.
    let mut answers = [0u64; 11];
    for (index, &answer) in responses.iter().enumerate() {
        let value: f64 = answer.into();
        let whole = if (0.0..=10.0).contains(&value) && value.fract() == 0.0 {
            value as usize
        } else {
            input::score_on_scale(input::Indexed("responses", index), value, 0, 10)? as usize
        };
        if let Some(slot) = answers.get_mut(whole) {
            *slot += 1;
        }
    }
    let sum = |range: std::ops::RangeInclusive<usize>| -> u64 {
        answers.get(range).map_or(0, |counts| counts.iter().sum())
    };
    let (promoters, passives, detractors) = (sum(9..=10), sum(7..=8), sum(0..=6));
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

/// How [`customer_satisfaction_score`] summarises the answers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CsatMethod {
    /// The share of satisfied answers (at least `satisfied_min`), as a fraction: the
    /// usual CSAT ("% of customers who answered 4 or 5").
    #[default]
    Share,
    /// The mean answer, on the survey's own 1..=`scale_max` scale.
    Mean,
}

impl CsatMethod {
    /// Every method, the default first.
    pub const ALL: [CsatMethod; 2] = [CsatMethod::Share, CsatMethod::Mean];

    /// The snake_case name used in JSON and in every language (`"share"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            CsatMethod::Share => "share",
            CsatMethod::Mean => "mean",
        }
    }

    /// Parses `"share"` or `"mean"`; `field` names the parameter in the error.
    ///
    /// ```
    /// use pmkit::metrics::CsatMethod;
    /// assert_eq!(CsatMethod::parse("method", "mean")?, CsatMethod::Mean);
    /// assert!(CsatMethod::parse("method", "median").is_err());
    /// # Ok::<(), pmkit::Error>(())
    /// ```
    pub fn parse(field: &str, text: &str) -> Result<CsatMethod> {
        CsatMethod::ALL
            .into_iter()
            .find(|method| method.as_str() == text)
            .ok_or_else(|| {
                Error::parse(
                    field,
                    format!("unknown CSAT method {text:?}; expected \"share\" or \"mean\""),
                )
            })
    }
}

impl std::fmt::Display for CsatMethod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The options of [`customer_satisfaction_score`]; every field has a default, so
/// `CsatOptions::default()` is the usual five-point CSAT.
///
/// ```
/// use pmkit::metrics::{CsatMethod, CsatOptions};
///
/// let options = CsatOptions { method: CsatMethod::Mean, ..CsatOptions::default() };
/// assert_eq!((options.scale_max, options.satisfied_min), (5, 4));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct CsatOptions {
    /// The highest answer of the survey's scale; the lowest is 1. Default 5.
    #[serde(deserialize_with = "input::deserialize_count")]
    pub scale_max: u64,
    /// The lowest answer that counts as satisfied (`"share"`). Default 4.
    #[serde(deserialize_with = "input::deserialize_count")]
    pub satisfied_min: u64,
    /// `"share"` of satisfied answers (the default) or the `"mean"` answer.
    pub method: CsatMethod,
}

impl Default for CsatOptions {
    fn default() -> Self {
        CsatOptions {
            scale_max: 5,
            satisfied_min: 4,
            method: CsatMethod::Share,
        }
    }
}

/// Customer satisfaction score (CSAT) from answers to "How satisfied are you with …?"
/// on a 1..=`scale_max` scale.
///
/// **Formula** (the default, [`CsatMethod::Share`]): `CSAT = satisfied / responses`,
/// where an answer is satisfied when it is at least `satisfied_min`; on the usual
/// 1..=5 scale with `satisfied_min` = 4, the share of 4s and 5s. **Unit**: fraction
/// (0.69 = 69 %), not rounded. **Variant** [`CsatMethod::Mean`]: the mean answer, a
/// score on 1..=`scale_max` (`satisfied_min` is then only validated). The scale and
/// the method are [`CsatOptions`]; its default is the usual `scale_max` = 5,
/// `satisfied_min` = 4, share.
///
/// **Errors**: no responses ([`Undefined`](crate::Error::Undefined)); `scale_max`
/// below 2, `satisfied_min` outside 1..=`scale_max`, or an answer outside
/// 1..=`scale_max` ([`OutOfRange`](crate::Error::OutOfRange)); an answer that is not a
/// whole number or NaN ([`InvalidInput`](crate::Error::InvalidInput)). The field names
/// the first bad answer (`responses[3]`).
///
/// **Source**: Qualtrics, "What is CSAT and how do you measure it?" (the share of
/// satisfied answers, 4 and 5 on a five-point scale); Delighted Help Center, "How is
/// CSAT calculated?" (the worked example below).
///
/// ```
/// use pmkit::metrics::{customer_satisfaction_score, CsatMethod, CsatOptions};
///
/// // Delighted: 42 fives, 32 fours, 10 threes, 9 twos and 14 ones → 74 / 107 ≈ 69.16 %.
/// let mut answers = Vec::new();
/// for (score, times) in [(5u8, 42), (4, 32), (3, 10), (2, 9), (1, 14)] {
///     answers.extend(std::iter::repeat(score).take(times));
/// }
/// let csat = customer_satisfaction_score(&answers, &CsatOptions::default())?;
/// assert_eq!(csat, 74.0 / 107.0);
/// // The same answers as a mean score: 400 / 107 ≈ 3.74 out of 5.
/// let mean_options = CsatOptions { method: CsatMethod::Mean, ..CsatOptions::default() };
/// let mean = customer_satisfaction_score(&answers, &mean_options)?;
/// assert_eq!(mean, 400.0 / 107.0);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn customer_satisfaction_score<T: Copy + Into<f64>>(
    responses: &[T],
    options: &CsatOptions,
) -> Result<f64> {
    let CsatOptions {
        scale_max,
        satisfied_min,
        method,
    } = *options;
    if scale_max < 2 {
        return Err(Error::out_of_range(
            "scale_max",
            format!("{scale_max} is below 2; a satisfaction scale has at least two answers"),
        ));
    }
    let scale_max = u32::try_from(scale_max).map_err(|_| {
        Error::out_of_range(
            "scale_max",
            format!("{scale_max} is larger than {}", u32::MAX),
        )
    })?;
    if satisfied_min < 1 || satisfied_min > u64::from(scale_max) {
        return Err(Error::out_of_range(
            "satisfied_min",
            format!("{satisfied_min} is outside the 1..={scale_max} scale"),
        ));
    }
    input::non_empty("responses", responses)?;
    let (mut satisfied, mut sum) = (0u64, 0u64);
    for (index, &answer) in responses.iter().enumerate() {
        let answer = input::score_on_scale(
            input::Indexed("responses", index),
            answer.into(),
            1,
            scale_max,
        )?;
        if u64::from(answer) >= satisfied_min {
            satisfied += 1;
        }
        // At most u32::MAX per answer: the sum of 2^32 answers still fits in u64.
        sum = sum.saturating_add(u64::from(answer));
    }
    // u64 → f64 rounds only above 2^53, far beyond any survey.
    let responses = responses.len() as f64;
    Ok(match method {
        CsatMethod::Share => satisfied as f64 / responses,
        CsatMethod::Mean => sum as f64 / responses,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csat<T: Copy + Into<f64>>(
        responses: &[T],
        scale_max: u64,
        satisfied_min: u64,
        method: CsatMethod,
    ) -> Result<f64> {
        let options = CsatOptions {
            scale_max,
            satisfied_min,
            method,
        };
        customer_satisfaction_score(responses, &options)
    }
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

    #[test]
    fn csat_share_counts_answers_at_or_above_the_threshold() {
        // 50 satisfied (4 or 5) of 100 answers: 50 %.
        let mut answers = vec![4.0; 30];
        answers.extend([5.0; 20]);
        answers.extend([3.0; 50]);
        let share = csat(&answers, 5, 4, CsatMethod::Share).unwrap();
        assert_eq!(share, 0.5);
        // A stricter threshold: only the 5s.
        let share = csat(&answers, 5, 5, CsatMethod::Share).unwrap();
        assert_eq!(share, 0.2);
        // A 1..=10 scale with 9 and 10 satisfied.
        let share = csat(&[10u8, 9, 8, 1], 10, 9, CsatMethod::Share).unwrap();
        assert_eq!(share, 0.5);
    }

    #[test]
    fn csat_mean_is_on_the_scale() {
        let mean = csat(&[1u8, 2, 5, 4], 5, 4, CsatMethod::Mean).unwrap();
        assert_eq!(mean, 3.0);
        let mean = csat(&[7u8], 7, 4, CsatMethod::Mean).unwrap();
        assert_eq!(mean, 7.0);
    }

    #[test]
    fn csat_errors() {
        let err = csat(&[4.0, 0.0], 5, 4, CsatMethod::Share).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "responses[1]")
        );
        let err = csat(&[6.0], 5, 4, CsatMethod::Share).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::OutOfRange);
        let err = csat(&[4.5], 5, 4, CsatMethod::Share).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::InvalidInput, "responses[0]")
        );
        let err = csat::<f64>(&[], 5, 4, CsatMethod::Share).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::Undefined, "responses")
        );
        let err = csat(&[1.0], 1, 1, CsatMethod::Share).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "scale_max")
        );
        let err = csat(&[1.0], 5, 6, CsatMethod::Share).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "satisfied_min")
        );
        let err = csat(&[1.0], 5, 0, CsatMethod::Mean).unwrap_err();
        assert_eq!(err.field(), "satisfied_min");
        let err = csat(&[1.0], u64::MAX, 4, CsatMethod::Share).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::OutOfRange, "scale_max")
        );
    }

    #[test]
    fn csat_method_names_round_trip() {
        for method in CsatMethod::ALL {
            assert_eq!(CsatMethod::parse("method", method.as_str()), Ok(method));
        }
        assert_eq!(CsatMethod::default(), CsatMethod::Share);
        let err = CsatMethod::parse("method", "Share").unwrap_err();
        assert_eq!((err.kind(), err.field()), (ErrorKind::Parse, "method"));
    }
}
