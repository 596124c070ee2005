//! The Kano model: classify a feature from paired survey answers.

use serde::{Deserialize, Serialize};

use crate::names::named_enum;
use crate::{input, Error, Result};

named_enum!(
    /// An answer to a Kano question ("How do you feel if the product has / does not
    /// have this feature?").
    KanoAnswer, "Kano answer" {
        /// "I like it that way."
        Like = "like" | "i like it",
        /// "It must be that way." (also "I expect it")
        MustBe = "must_be" | "expect" | "i expect it" | "must be",
        /// "I am neutral."
        Neutral = "neutral" | "i am neutral",
        /// "I can live with it that way." (also "I can tolerate it")
        LiveWith = "live_with" | "tolerate" | "i can live with it" | "i can tolerate it",
        /// "I dislike it that way."
        Dislike = "dislike" | "i dislike it",
    }
);

named_enum!(
    /// A Kano category.
    KanoCategory, "Kano category" {
        /// Attractive (delighter): satisfies when present, no harm when absent.
        Attractive = "attractive" | "a" | "delighter",
        /// One-dimensional (performance): satisfies when present, dissatisfies when absent.
        OneDimensional = "one_dimensional" | "o" | "performance",
        /// Must-be (basic): expected; dissatisfies when absent, no gain when present.
        MustBe = "must_be" | "m" | "basic",
        /// Indifferent: no effect either way.
        Indifferent = "indifferent" | "i",
        /// Reverse: the respondent prefers the feature absent.
        Reverse = "reverse" | "r",
        /// Questionable: contradictory answers (likes both having and not having it).
        Questionable = "questionable" | "q",
    }
);

/// The Kano category of one respondent's answers, from the standard evaluation table.
///
/// Rows are the functional answer (feature present), columns the dysfunctional one
/// (feature absent):
///
/// | functional \ dysfunctional | like | must-be | neutral | live with | dislike |
/// |---|---|---|---|---|---|
/// | like | Q | A | A | A | O |
/// | must-be | R | I | I | I | M |
/// | neutral | R | I | I | I | M |
/// | live with | R | I | I | I | M |
/// | dislike | R | R | R | R | Q |
///
/// **Source**: Berger, C. et al., "Kano's methods for understanding customer-defined
/// quality", *Center for Quality Management Journal* 2(4), 1993; the same table in
/// Sauerwein et al., "The Kano model: how to delight your customers", 1996.
///
/// ```
/// use pmkit::work::{kano_category, KanoAnswer, KanoCategory};
///
/// assert_eq!(kano_category(KanoAnswer::Like, KanoAnswer::Dislike), KanoCategory::OneDimensional);
/// assert_eq!(kano_category(KanoAnswer::Neutral, KanoAnswer::Dislike), KanoCategory::MustBe);
/// assert_eq!(kano_category(KanoAnswer::Like, KanoAnswer::Neutral), KanoCategory::Attractive);
/// ```
pub fn kano_category(functional: KanoAnswer, dysfunctional: KanoAnswer) -> KanoCategory {
    use KanoAnswer::{Dislike, Like};
    match (functional, dysfunctional) {
        (Like, Like) | (Dislike, Dislike) => KanoCategory::Questionable,
        (Like, Dislike) => KanoCategory::OneDimensional,
        (Like, _) => KanoCategory::Attractive,
        (Dislike, _) | (_, Like) => KanoCategory::Reverse,
        (_, Dislike) => KanoCategory::MustBe,
        _ => KanoCategory::Indifferent,
    }
}

/// Many respondents' answers on one feature: category counts, the feature's category
/// and the customer-satisfaction coefficients.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KanoSummary {
    /// Respondents classed attractive (A).
    pub attractive: u64,
    /// One-dimensional (O).
    pub one_dimensional: u64,
    /// Must-be (M).
    pub must_be: u64,
    /// Indifferent (I).
    pub indifferent: u64,
    /// Reverse (R).
    pub reverse: u64,
    /// Questionable (Q).
    pub questionable: u64,
    /// All respondents.
    pub respondents: u64,
    /// The most frequent category; ties go to the one that matters most, in the
    /// order must-be, one-dimensional, attractive, indifferent, reverse, questionable.
    pub category: KanoCategory,
    /// Extent of satisfaction when present: (A + O) / (A + O + M + I), 0..=1.
    pub better: f64,
    /// Extent of dissatisfaction when absent: −(O + M) / (A + O + M + I), −1..=0.
    pub worse: f64,
}

/// Aggregate respondents' Kano answers on one feature.
///
/// `functional[i]` and `dysfunctional[i]` are respondent `i`'s answers; each pair is
/// classified with [`kano_category`]. **Formula** (Berger et al. 1993):
/// `better = (A + O) / (A + O + M + I)`, `worse = −(O + M) / (A + O + M + I)`.
///
/// **Errors**: no respondents ([`Error::Undefined`] on `functional`); lists of
/// different lengths ([`Error::InvalidInput`] on `functional`); every answer reverse or
/// questionable, so the coefficients are undefined ([`Error::Undefined`] on `functional`).
///
/// **Source**: Berger et al., *Center for Quality Management Journal* 2(4), 1993;
/// Sauerwein et al. 1996 (the tie-break order M > O > A > I).
///
/// ```
/// use pmkit::work::{kano_summary, KanoAnswer::*, KanoCategory};
///
/// // Three respondents: one-dimensional, attractive, must-be.
/// let summary = kano_summary(&[Like, Like, Neutral], &[Dislike, Neutral, Dislike])?;
/// assert_eq!((summary.one_dimensional, summary.attractive, summary.must_be), (1, 1, 1));
/// assert_eq!(summary.better, 2.0 / 3.0);
/// assert_eq!(summary.worse, -2.0 / 3.0);
/// assert_eq!(summary.category, KanoCategory::MustBe); // a three-way tie goes to must-be
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn kano_summary(
    functional: &[KanoAnswer],
    dysfunctional: &[KanoAnswer],
) -> Result<KanoSummary> {
    input::non_empty("functional", functional)?;
    input::same_length("functional", functional, "dysfunctional", dysfunctional)?;
    let mut counts = [0u64; 6];
    for (&present, &absent) in functional.iter().zip(dysfunctional) {
        counts[tie_rank(kano_category(present, absent))] += 1;
    }
    let [must_be, one_dimensional, attractive, indifferent, reverse, questionable] = counts;
    let classified = attractive + one_dimensional + must_be + indifferent;
    if classified == 0 {
        return Err(Error::undefined(
            "functional",
            "every answer pair is reverse or questionable, so better and worse are undefined",
        ));
    }
    // The first maximum in tie-break order wins: counts are stored in that order.
    let mut best = 0;
    for (index, &count) in counts.iter().enumerate() {
        if count > counts[best] {
            best = index;
        }
    }
    let classified = classified as f64;
    Ok(KanoSummary {
        attractive,
        one_dimensional,
        must_be,
        indifferent,
        reverse,
        questionable,
        respondents: functional.len() as u64,
        category: TIE_ORDER[best],
        better: (attractive + one_dimensional) as f64 / classified,
        worse: -((one_dimensional + must_be) as f64) / classified,
    })
}

/// Categories in tie-break order: what matters most to customers first.
const TIE_ORDER: [KanoCategory; 6] = [
    KanoCategory::MustBe,
    KanoCategory::OneDimensional,
    KanoCategory::Attractive,
    KanoCategory::Indifferent,
    KanoCategory::Reverse,
    KanoCategory::Questionable,
];

fn tie_rank(category: KanoCategory) -> usize {
    match category {
        KanoCategory::MustBe => 0,
        KanoCategory::OneDimensional => 1,
        KanoCategory::Attractive => 2,
        KanoCategory::Indifferent => 3,
        KanoCategory::Reverse => 4,
        KanoCategory::Questionable => 5,
    }
}

#[cfg(test)]
mod tests {
    use super::KanoAnswer::*;
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn the_whole_evaluation_table() {
        use KanoCategory::{
            Attractive as A, Indifferent as I, MustBe as M, OneDimensional as O, Questionable as Q,
            Reverse as R,
        };
        let answers = [Like, MustBe, Neutral, LiveWith, Dislike];
        let table = [
            [Q, A, A, A, O],
            [R, I, I, I, M],
            [R, I, I, I, M],
            [R, I, I, I, M],
            [R, R, R, R, Q],
        ];
        for (row, &functional) in answers.iter().enumerate() {
            for (column, &dysfunctional) in answers.iter().enumerate() {
                assert_eq!(
                    kano_category(functional, dysfunctional),
                    table[row][column],
                    "{functional} / {dysfunctional}"
                );
            }
        }
    }

    #[test]
    fn coefficients_ignore_reverse_and_questionable() {
        // 2 A, 1 O, 1 I, 1 R, 1 Q: better = 3/4, worse = -1/4, category attractive.
        let summary = kano_summary(
            &[Like, Like, Like, Neutral, Dislike, Like],
            &[Neutral, LiveWith, Dislike, Neutral, Neutral, Like],
        )
        .unwrap();
        assert_eq!(
            (summary.attractive, summary.reverse, summary.questionable),
            (2, 1, 1)
        );
        assert_eq!(summary.better, 0.75);
        assert_eq!(summary.worse, -0.25);
        assert_eq!(summary.category, KanoCategory::Attractive);
        assert_eq!(summary.respondents, 6);
    }

    #[test]
    fn errors() {
        assert_eq!(
            kano_summary(&[], &[]).unwrap_err().kind(),
            ErrorKind::Undefined
        );
        let err = kano_summary(&[Like], &[Like, Like]).unwrap_err();
        assert_eq!(
            (err.kind(), err.field()),
            (ErrorKind::InvalidInput, "functional")
        );
        let err = kano_summary(&[Like, Dislike], &[Like, Neutral]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Undefined);
    }

    #[test]
    fn answers_parse_from_survey_wording() {
        assert_eq!(
            KanoAnswer::parse("a", "I can tolerate it").unwrap(),
            LiveWith
        );
        assert_eq!(KanoAnswer::parse("a", "Must-be").unwrap(), MustBe);
        assert_eq!(KanoAnswer::parse("a", "expect").unwrap(), MustBe);
    }
}
