//! How sure an NPS is: the confidence interval of one survey's Net Promoter Score and of
//! the change between two surveys.

use super::satisfaction::{net_promoter_score, NpsResult};
use crate::stats::{z_of_level, Interval, LevelOptions};
use crate::Result;

/// The variance of one answer's NPS contribution (+1 promoter, 0 passive, −1 detractor):
/// p⁺ + p⁻ − (p⁺ − p⁻)², from the multinomial of the three groups.
fn answer_variance(nps: &NpsResult) -> f64 {
    let responses = nps.responses as f64;
    let promoters = nps.promoters as f64 / responses;
    let detractors = nps.detractors as f64 / responses;
    let net = promoters - detractors;
    // Never below 0: p⁺ + p⁻ ≥ (p⁺ − p⁻)² for shares, up to rounding.
    (promoters + detractors - net * net).max(0.0)
}

/// The standard error of a survey's NPS, in NPS points: 100 √(variance / n).
fn standard_error(nps: &NpsResult) -> f64 {
    100.0 * (answer_variance(nps) / nps.responses as f64).sqrt()
}

/// The NPS of `responses` (0..=10 answers) with its confidence interval, in NPS points.
///
/// **Formula** (the Wald interval of the multinomial of promoters, passives and
/// detractors): with shares p⁺ and p⁻ of n answers, NPS = 100 (p⁺ − p⁻) and
/// SE = 100 √((p⁺ + p⁻ − (p⁺ − p⁻)²) / n); the interval is NPS ± z · SE, z = Φ⁻¹(1 − α/2),
/// clipped to −100..100. Method name `"wald"`. **Unit**: NPS points (−100..100).
///
/// **Edge cases**: when every answer falls in one group the SE is 0 and the interval
/// is the point; with fewer than about 30 answers the normal approximation is rough
/// (Rocks 2016 shows Wald's coverage falling short there).
///
/// **Errors**: those of [`net_promoter_score`] (no responses, an answer off 0..=10);
/// a level outside the open interval 0..1 ([`Error::OutOfRange`](crate::Error::OutOfRange) on `level`).
///
/// **Source**: Rocks, B. (2016), "Interval Estimation for the 'Net Promoter Score'",
/// *The American Statistician* 70(4), 365–372 (the Wald interval, eq. 2).
///
/// ```
/// use pmkit::metrics::nps_interval;
/// use pmkit::stats::LevelOptions;
///
/// // 180 answers: 90 promoters, 54 passives, 36 detractors: NPS 30.
/// let answers: Vec<f64> = [10.0; 90].iter().chain(&[7.0; 54]).chain(&[3.0; 36]).copied().collect();
/// let nps = nps_interval(&answers, &LevelOptions::default())?;
/// // SE = 100 √((0.5 + 0.2 − 0.3²) / 180) = 5.8214...; ± 1.96 SE.
/// assert_eq!(nps.value, 30.0);
/// assert!((nps.low - 18.59).abs() < 0.01 && (nps.high - 41.41).abs() < 0.01);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn nps_interval<T: Copy + Into<f64>>(
    responses: &[T],
    options: &LevelOptions,
) -> Result<Interval> {
    let z = z_of_level(options.level)?;
    let nps = net_promoter_score(responses)?;
    let half = z * standard_error(&nps);
    Ok(Interval {
        value: nps.score,
        low: (nps.score - half).max(-100.0),
        high: (nps.score + half).min(100.0),
        level: options.level,
        method: "wald".to_owned(),
    })
}

/// The change in NPS from survey `before` to survey `after` (after − before), with its
/// confidence interval, in NPS points: is a move from 31 to 35 news?
///
/// **Formula**: Δ = NPS_after − NPS_before, SE = √(SE_before² + SE_after²) for independent
/// samples (each SE as in [`nps_interval`]); Δ ± z · SE, clipped to −200..200. An
/// interval that contains 0 means the surveys do not show a change at this level.
/// Method name `"wald"`. **Unit**: NPS points.
///
/// **Errors**: those of [`net_promoter_score`] on `before` or `after` (the field names
/// which: `before[3]`); a level outside 0..1 (`level`).
///
/// **Source**: Rocks, B. (2016), *The American Statistician* 70(4), §4 (differences of
/// independent NPS).
///
/// ```
/// use pmkit::metrics::nps_change_interval;
/// use pmkit::stats::LevelOptions;
///
/// // 31 → 35 on 100 answers each: a change of 4 points, well within the noise.
/// let before: Vec<f64> = [9.0; 50].iter().chain(&[8.0; 31]).chain(&[0.0; 19]).copied().collect();
/// let after: Vec<f64> = [9.0; 52].iter().chain(&[8.0; 31]).chain(&[0.0; 17]).copied().collect();
/// let change = nps_change_interval(&before, &after, &LevelOptions::default())?;
/// assert!((change.value - 4.0).abs() < 1e-12);
/// assert!(change.low < 0.0 && change.high > 0.0);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn nps_change_interval<T: Copy + Into<f64>>(
    before: &[T],
    after: &[T],
    options: &LevelOptions,
) -> Result<Interval> {
    let z = z_of_level(options.level)?;
    let first = net_promoter_score(before).map_err(|err| rename(err, "before"))?;
    let second = net_promoter_score(after).map_err(|err| rename(err, "after"))?;
    let change = second.score - first.score;
    let error = standard_error(&first).hypot(standard_error(&second));
    let half = z * error;
    Ok(Interval {
        value: change,
        low: (change - half).max(-200.0),
        high: (change + half).min(200.0),
        level: options.level,
        method: "wald".to_owned(),
    })
}

/// `err` with its field `responses…` renamed to `name…` (`responses[3]` → `before[3]`).
fn rename(err: crate::Error, name: &str) -> crate::Error {
    err.map_field(|field| match field.strip_prefix("responses") {
        Some(rest) => format!("{name}{rest}"),
        None => field.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_error_matches_the_hand_computation() {
        // 3 promoters, 1 passive, 1 detractor: p⁺ = 0.6, p⁻ = 0.2, NPS 40;
        // variance 0.6 + 0.2 − 0.16 = 0.64, SE = 100 √(0.64 / 5) = 35.777...
        let got = nps_interval(&[10, 9, 9, 7, 0], &LevelOptions { level: 0.95 }).unwrap();
        let half = 1.959_963_984_540_054 * 100.0 * (0.64_f64 / 5.0).sqrt();
        assert!((got.value - 40.0).abs() < 1e-12);
        assert!((got.low - (40.0 - half)).abs() < 1e-9);
        assert_eq!(got.high, 100.0_f64.min(40.0 + half));
    }

    #[test]
    fn one_group_gives_a_point_and_bounds_are_clipped() {
        let all_promoters = nps_interval(&[10, 10, 9], &LevelOptions::default()).unwrap();
        assert_eq!((all_promoters.low, all_promoters.high), (100.0, 100.0));
        let split = nps_interval(&[10, 0], &LevelOptions { level: 0.99 }).unwrap();
        assert_eq!((split.low, split.high), (-100.0, 100.0));
    }

    #[test]
    fn errors_name_the_survey() {
        let err = nps_change_interval(&[10.0, 11.0], &[9.0], &LevelOptions::default()).unwrap_err();
        assert_eq!(err.field(), "before[1]");
        let err = nps_change_interval(&[10.0], &[], &LevelOptions::default()).unwrap_err();
        assert_eq!(err.field(), "after");
        let err = nps_interval(&[10.0], &LevelOptions { level: 1.5 }).unwrap_err();
        assert_eq!(err.field(), "level");
    }
}
