use super::*;

const REGULAR: [u64; 13] = [
    1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173,
];
const HIGH_END: [u64; 13] = [
    1000, 869, 743, 653, 593, 551, 517, 491, 468, 445, 427, 409, 394,
];

fn fit(survivors: &[u64]) -> SbgFit {
    fit_sbg(survivors, &SbgOptions::default()).unwrap()
}

#[test]
fn reproduces_fader_hardie_2007() {
    // The paper's fits on years 0..=7: regular α = 0.704, β = 1.182 (mean churn
    // probability 0.37, matching the 631 of 1000 renewing in year 1); high end
    // α = 0.668, β = 3.806 (mean 0.15, matching 869).
    let regular = fit(&REGULAR[..8]);
    assert_eq!(
        ((regular.alpha * 1e3).round(), (regular.beta * 1e3).round()),
        (704.0, 1182.0)
    );
    let high_end = fit(&HIGH_END[..8]);
    assert_eq!(
        (
            (high_end.alpha * 1e3).round(),
            (high_end.beta * 1e3).round()
        ),
        (668.0, 3806.0)
    );
    assert!(!regular.at_bound && !high_end.at_bound);
    // The projection tracks the held-out years 8..12 within a few percent of the cohort.
    for (projected, actual) in regular.survival[8..13].iter().zip(&REGULAR[8..]) {
        assert!((projected * 1000.0 - *actual as f64).abs() < 10.0);
    }
    for (projected, actual) in high_end.survival[8..13].iter().zip(&HIGH_END[8..]) {
        assert!((projected * 1000.0 - *actual as f64).abs() < 20.0);
    }
}

#[test]
fn the_fit_is_a_maximum_with_zero_gradient() {
    let curve = Curve::checked(&REGULAR[..8]).unwrap();
    let result = fit(&REGULAR[..8]);
    let top = curve.log_likelihood(result.alpha, result.beta);
    assert_eq!(top, result.log_likelihood);
    for (da, db) in [(1e-4, 0.0), (-1e-4, 0.0), (0.0, 1e-4), (0.0, -1e-4)] {
        assert!(curve.log_likelihood(result.alpha + da, result.beta + db) < top);
    }
    let here = curve.derivatives(result.alpha.ln(), result.beta.ln());
    assert!(here.gradient[0].abs() < 1e-10 && here.gradient[1].abs() < 1e-10);
}

#[test]
fn the_likelihood_matches_its_definition() {
    // Σ churners ln P(t) + survivors ln S(n), with P and S from the recursions.
    let (alpha, beta) = (0.7, 2.5);
    let curve = Curve::checked(&REGULAR).unwrap();
    let survival = survival_curve(alpha, beta, 12);
    let mut expected = REGULAR[12] as f64 * survival[12].ln();
    for t in 1..=12 {
        let churned = (REGULAR[t - 1] - REGULAR[t]) as f64;
        expected += churned * (survival[t - 1] - survival[t]).ln();
    }
    let actual = curve.log_likelihood(alpha, beta);
    assert!((actual - expected).abs() < 1e-9 * expected.abs());
}

#[test]
fn lifetimes_match_their_sums() {
    let result = fit(&REGULAR[..8]);
    let (alpha, beta) = (result.alpha, result.beta);
    let x: f64 = 1.0 / 1.1;
    let survival = survival_curve(alpha, beta, 3000);
    let del: f64 = survival
        .iter()
        .enumerate()
        .map(|(t, s)| s * x.powi(t as i32))
        .sum();
    assert!((result.discounted_expected_lifetime - del).abs() < 1e-9 * del);
    let n = 7;
    let derl: f64 = (n + 1..3000)
        .map(|t| survival[t] / survival[n] * x.powi((t - n - 1) as i32))
        .sum();
    assert!((result.discounted_expected_residual_lifetime - derl).abs() < 1e-9 * derl);
    // α < 1: the undiscounted mean lifetime is infinite.
    assert_eq!(result.expected_lifetime, None);
}

#[test]
fn expected_lifetime_when_alpha_above_one() {
    // Survival of α = 3, β = 6 exactly, in whole customers of a large cohort.
    let survival = survival_curve(3.0, 6.0, 10);
    let survivors: Vec<u64> = survival.iter().map(|s| (s * 1e9).round() as u64).collect();
    let result = fit(&survivors);
    assert!((result.alpha - 3.0).abs() < 1e-3 && (result.beta - 6.0).abs() < 1e-3);
    let lifetime = result.expected_lifetime.unwrap();
    assert!((lifetime - (result.alpha + result.beta - 1.0) / (result.alpha - 1.0)).abs() < 1e-12);
}

#[test]
fn constant_retention_runs_to_the_bound() {
    // Exactly geometric: 1000 × 0.5^t; the likelihood rises towards α, β → ∞.
    let result = fit(&[1024, 512, 256, 128, 64, 32, 16]);
    assert!(result.at_bound);
    for rate in &result.retention_rates {
        assert!((rate - 0.5).abs() < 1e-3);
    }
}

#[test]
fn projection_shapes() {
    let options = SbgOptions {
        periods: 3,
        ..SbgOptions::default()
    };
    let result = fit_sbg(&REGULAR[..8], &options).unwrap();
    assert_eq!(result.observed_periods, 7);
    assert_eq!(result.survival.len(), 11);
    assert_eq!(result.retention_rates.len(), 10);
    assert_eq!(result.projected_survivors.len(), 3);
    assert_eq!(result.actual_survival.len(), 8);
    assert_eq!(result.actual_survival[1], 0.631);
    let none = fit_sbg(
        &REGULAR[..8],
        &SbgOptions {
            periods: 0,
            ..options
        },
    )
    .unwrap();
    assert!(none.projected_survivors.is_empty());
}

#[test]
fn errors_name_the_input() {
    let options = SbgOptions::default();
    let field = |survivors: &[u64]| {
        let err = fit_sbg(survivors, &options).unwrap_err();
        (err.kind(), err.field().to_owned())
    };
    use crate::ErrorKind::*;
    assert_eq!(field(&[10, 5]), (InvalidInput, "survivors".into()));
    assert_eq!(field(&[0, 0, 0]), (InvalidInput, "survivors[0]".into()));
    assert_eq!(field(&[10, 5, 6]), (InvalidInput, "survivors[2]".into()));
    assert_eq!(field(&[10, 10, 10]), (Undefined, "survivors".into()));
    assert_eq!(field(&[10, 0, 0]), (Undefined, "survivors".into()));
    let too_long = vec![1u64; MAX_SBG_OBSERVED_PERIODS + 2];
    assert_eq!(field(&too_long), (InvalidInput, "survivors".into()));
    let err = fit_sbg(
        &REGULAR,
        &SbgOptions {
            periods: MAX_SBG_PROJECTED_PERIODS + 1,
            ..options.clone()
        },
    )
    .unwrap_err();
    assert_eq!((err.kind(), err.field()), (OutOfRange, "periods"));
    for rate in [0.0, -0.1, f64::NAN, 1e-5] {
        let err = fit_sbg(
            &REGULAR,
            &SbgOptions {
                discount_rate: rate,
                ..options.clone()
            },
        )
        .unwrap_err();
        assert_eq!(err.field(), "discount_rate");
    }
}

#[test]
fn hostile_curves_give_finite_fits() {
    for survivors in [
        vec![u64::MAX >> 11, 1, 1],
        vec![1, 1, 0],
        vec![2, 1, 0, 0, 0],
        vec![1_000_000, 999_999, 999_998],
        vec![1_000_000, 1, 1, 1, 1],
    ] {
        let result = fit(&survivors);
        let json = serde_json::to_string(&result).unwrap();
        assert!(!json.contains("null") || result.expected_lifetime.is_none());
        assert!(result.alpha.is_finite() && result.beta.is_finite());
        assert!(result.log_likelihood.is_finite());
        assert!(result.discounted_expected_lifetime.is_finite());
        assert!(result.discounted_expected_residual_lifetime.is_finite());
    }
}

#[test]
fn curves_far_from_the_starts_converge() {
    // Generated curves where a crawling gradient step once stopped short of the top
    // (scipy's maxima: α 1.3942, β 9.6497 and α 0.40853, β 11.654).
    for (survivors, alpha, beta) in [
        (
            &[38186u64, 33370, 29488, 26362, 23734][..],
            1.3941515964972038,
            9.649723731787876,
        ),
        (
            &[131573, 127131, 123161, 119520, 116321][..],
            0.4085289416915244,
            11.653692045947531,
        ),
    ] {
        let result = fit(survivors);
        assert!((result.alpha - alpha).abs() < 1e-6 * alpha, "{result:?}");
        assert!((result.beta - beta).abs() < 1e-6 * beta, "{result:?}");
    }
}

#[test]
fn a_cancel_check_stops_the_fit() {
    let result =
        crate::cancel::with_cancel_check(|| true, || fit_sbg(&REGULAR, &SbgOptions::default()));
    assert_eq!(result.unwrap_err().kind(), crate::ErrorKind::Cancelled);
}
