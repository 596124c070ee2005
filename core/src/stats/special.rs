//! Special functions behind the intervals: the standard normal quantile (Wichura's
//! AS 241), the log of the beta function, and the regularized incomplete beta function
//! with its inverse.
//!
//! Written here rather than taken from a crate: three functions, each a published
//! algorithm, checked against scipy to 1e-12 in the Python tests.

use crate::{Error, Result};

/// ln √(2π).
const LN_SQRT_2PI: f64 = 0.918_938_533_204_672_8;

/// Evaluates the polynomial with `coefficients` (constant term first) at `x`.
fn polynomial(coefficients: &[f64], x: f64) -> f64 {
    coefficients.iter().rev().fold(0.0, |sum, &c| sum * x + c)
}

/// The standard normal quantile Φ⁻¹(p) for 0 < p < 1: the z with P(Z ≤ z) = p.
///
/// Wichura, M. J. (1988), "Algorithm AS 241: The Percentage Points of the Normal
/// Distribution", *Applied Statistics* 37(3), 477–484 (PPND16, about 1e-16 relative).
// The coefficients are written as published (20 digits), so they can be checked
// against the paper; the compiler rounds them to the nearest double.
#[allow(clippy::excessive_precision)]
pub(crate) fn normal_quantile(p: f64) -> f64 {
    const A: [f64; 8] = [
        3.387_132_872_796_366_608,
        1.331_416_678_917_843_774_5e2,
        1.971_590_950_306_551_442_7e3,
        1.373_169_376_550_946_112_5e4,
        4.592_195_393_154_987_145_7e4,
        6.726_577_092_700_870_085_3e4,
        3.343_057_558_358_812_810_5e4,
        2.509_080_928_730_122_672_7e3,
    ];
    const B: [f64; 8] = [
        1.0,
        4.231_333_070_160_091_125_2e1,
        6.871_870_074_920_579_083e2,
        5.394_196_021_424_751_107_7e3,
        2.121_379_430_158_659_586_7e4,
        3.930_789_580_009_271_061e4,
        2.872_908_573_572_194_267_4e4,
        5.226_495_278_852_854_561e3,
    ];
    const C: [f64; 8] = [
        1.423_437_110_749_683_577_34,
        4.630_337_846_156_545_295_9,
        5.769_497_221_460_691_405_5,
        3.647_848_324_763_204_605_04,
        1.270_458_252_452_368_382_58,
        2.417_807_251_774_506_117_7e-1,
        2.272_384_498_926_918_458_33e-2,
        7.745_450_142_783_414_076_4e-4,
    ];
    const D: [f64; 8] = [
        1.0,
        2.053_191_626_637_758_821_87,
        1.676_384_830_183_803_849_4,
        6.897_673_349_851_000_045_5e-1,
        1.481_039_764_274_800_745_9e-1,
        1.519_866_656_361_645_719_66e-2,
        5.475_938_084_995_344_946e-4,
        1.050_750_071_644_416_843_24e-9,
    ];
    const E: [f64; 8] = [
        6.657_904_643_501_103_777_2,
        5.463_784_911_164_114_369_9,
        1.784_826_539_917_291_335_8,
        2.965_605_718_285_048_912_3e-1,
        2.653_218_952_657_612_309_3e-2,
        1.242_660_947_388_078_438_6e-3,
        2.711_555_568_743_487_578_15e-5,
        2.010_334_399_292_288_132_65e-7,
    ];
    const F: [f64; 8] = [
        1.0,
        5.998_322_065_558_879_376_9e-1,
        1.369_298_809_227_358_053_1e-1,
        1.487_536_129_085_061_485_25e-2,
        7.868_691_311_456_132_591e-4,
        1.846_318_317_510_054_681_8e-5,
        1.421_511_758_316_445_888_7e-7,
        2.044_263_103_389_939_785_64e-15,
    ];
    let q = p - 0.5;
    if q.abs() <= 0.425 {
        let r = 0.180_625 - q * q;
        return q * polynomial(&A, r) / polynomial(&B, r);
    }
    let tail = if q < 0.0 { p } else { 1.0 - p };
    let r = (-tail.ln()).sqrt();
    let value = if r <= 5.0 {
        let r = r - 1.6;
        polynomial(&C, r) / polynomial(&D, r)
    } else {
        let r = r - 5.0;
        polynomial(&E, r) / polynomial(&F, r)
    };
    if q < 0.0 {
        -value
    } else {
        value
    }
}

/// The remainder of Stirling's series, ln Γ(x) − [(x − ½) ln x − x + ln √(2π)], for
/// x ≥ 10 (its first six terms: below 1e-16 there).
fn stirling_remainder(x: f64) -> f64 {
    let inverse_square = 1.0 / (x * x);
    let series = polynomial(
        &[
            1.0 / 12.0,
            -1.0 / 360.0,
            1.0 / 1260.0,
            -1.0 / 1680.0,
            1.0 / 1188.0,
            -691.0 / 360_360.0,
        ],
        inverse_square,
    );
    series / x
}

/// ln Γ(x) for x > 0: Stirling's series from 10 up, the recurrence Γ(x + 1) = x Γ(x) below.
pub(crate) fn ln_gamma(x: f64) -> f64 {
    let mut shifted = x;
    let mut log_product = 0.0;
    while shifted < 10.0 {
        log_product += shifted.ln();
        shifted += 1.0;
    }
    (shifted - 0.5) * shifted.ln() - shifted + LN_SQRT_2PI + stirling_remainder(shifted)
        - log_product
}

/// ln B(a, b) for a, b > 0, without the cancellation of three large ln Γ when both are
/// large (the arrangement of R's `lbeta`).
pub(crate) fn ln_beta(a: f64, b: f64) -> f64 {
    let (small, large) = if a < b { (a, b) } else { (b, a) };
    let total = small + large;
    if small >= 10.0 {
        let correction =
            stirling_remainder(small) + stirling_remainder(large) - stirling_remainder(total);
        -0.5 * large.ln()
            + LN_SQRT_2PI
            + correction
            + (small - 0.5) * (small / total).ln()
            + large * (-small / total).ln_1p()
    } else if large >= 10.0 {
        let correction = stirling_remainder(large) - stirling_remainder(total);
        ln_gamma(small) + correction + small - small * total.ln()
            + (large - 0.5) * (-small / total).ln_1p()
    } else {
        ln_gamma(small) + ln_gamma(large) - ln_gamma(total)
    }
}

/// The most continued-fraction terms one evaluation may take: the fraction converges in
/// about √max(a, b) terms, so this bounds the work for every accepted input.
const MAX_TERMS: usize = 200_000;

/// The continued fraction of I_x(a, b) (modified Lentz), for x < (a + 1) / (a + b + 2).
fn beta_fraction(x: f64, a: f64, b: f64) -> Option<f64> {
    const TINY: f64 = 1e-300;
    let mut c = 1.0;
    let mut d = 1.0 - (a + b) * x / (a + 1.0);
    if d.abs() < TINY {
        d = TINY;
    }
    d = 1.0 / d;
    let mut fraction = d;
    for m in 1..=MAX_TERMS {
        let m = m as f64;
        let two_m = 2.0 * m;
        let even = m * (b - m) * x / ((a + two_m - 1.0) * (a + two_m));
        for coefficient in [
            even,
            -(a + m) * (a + b + m) * x / ((a + two_m) * (a + two_m + 1.0)),
        ] {
            d = 1.0 + coefficient * d;
            if d.abs() < TINY {
                d = TINY;
            }
            c = 1.0 + coefficient / c;
            if c.abs() < TINY {
                c = TINY;
            }
            d = 1.0 / d;
            fraction *= d * c;
        }
        if (d * c - 1.0).abs() <= f64::EPSILON {
            return Some(fraction);
        }
    }
    None
}

/// The regularized incomplete beta function I_x(a, b) for a, b > 0 and 0 ≤ x ≤ 1.
///
/// Press et al., *Numerical Recipes* (3rd ed., 2007), §6.4: the continued fraction,
/// with the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) for fast convergence.
///
/// **Errors**: `None` when the fraction does not converge in [`MAX_TERMS`] terms.
fn incomplete_beta(x: f64, a: f64, b: f64) -> Option<f64> {
    incomplete_beta_of_pair(x, 1.0 - x, a, b)
}

/// I_x(a, b) given both x and y = 1 − x: a caller that knows y more precisely than
/// `1 − x` (the t distribution's t² / (ν + t²) when x is close to 1) passes it, so the
/// tail keeps its relative precision.
pub(crate) fn incomplete_beta_of_pair(x: f64, y: f64, a: f64, b: f64) -> Option<f64> {
    if x <= 0.0 {
        return Some(0.0);
    }
    if y <= 0.0 {
        return Some(1.0);
    }
    // ln(1 − x) from y directly when y is the small one, else with ln_1p of x.
    let ln_y = if y < 0.5 { y.ln() } else { (-x).ln_1p() };
    let ln_x = if x < 0.5 { x.ln() } else { (-y).ln_1p() };
    let front = (a * ln_x + b * ln_y - ln_beta(a, b)).exp();
    if x < (a + 1.0) / (a + b + 2.0) {
        beta_fraction(x, a, b).map(|fraction| front * fraction / a)
    } else {
        beta_fraction(y, b, a).map(|fraction| 1.0 - front * fraction / b)
    }
}

/// The two-sided p-value of Student's t statistic `t` with `df` degrees of freedom
/// (any real df > 0, as Welch's test needs): P(|T| ≥ |t|) = I_{ν/(ν+t²)}(ν/2, ½).
/// `None` when the fraction does not converge (df beyond about 10^10; the caller then
/// uses the normal distribution, which the t equals there to 1e-10).
pub(crate) fn t_two_sided_p(t: f64, df: f64) -> Option<f64> {
    let t2 = t * t;
    // x = ν / (ν + t²) and y = t² / (ν + t²), each computed directly.
    let x = df / (df + t2);
    let y = t2 / (df + t2);
    incomplete_beta_of_pair(x, y, df / 2.0, 0.5)
}

/// The `1 − alpha / 2` quantile of Student's t with `df` degrees of freedom (the
/// multiplier of a two-sided interval at level `1 − alpha`): the y with
/// I_y(½, ν/2) = 1 − alpha, then t = √(ν y / (1 − y)).
pub(crate) fn t_two_sided_quantile(field: &str, alpha: f64, df: f64) -> Result<f64> {
    let y = beta_quantile(field, 1.0 - alpha, 0.5, df / 2.0)?;
    Ok((df * y / (1.0 - y)).sqrt())
}

/// The p quantile of the Beta(a, b) distribution: the x with I_x(a, b) = p, found by
/// bisection to the last bit (I is increasing in x).
///
/// **Errors**: [`Error::Undefined`] on `field` when the incomplete beta does not
/// converge (shape parameters beyond what [`MAX_TERMS`] terms resolve).
pub(crate) fn beta_quantile(field: &str, p: f64, a: f64, b: f64) -> Result<f64> {
    let not_converged = || {
        Error::undefined(
            field,
            format!(
                "the beta quantile did not converge for shapes {a} and {b}; use the wilson method"
            ),
        )
    };
    let (mut low, mut high) = (0.0_f64, 1.0_f64);
    // 1,100 halvings reach the smallest positive double from 1; the loop ends sooner,
    // when the midpoint no longer moves.
    for _ in 0..1100 {
        let middle = 0.5 * (low + high);
        if middle <= low || middle >= high {
            break;
        }
        if incomplete_beta(middle, a, b).ok_or_else(not_converged)? < p {
            low = middle;
        } else {
            high = middle;
        }
    }
    Ok(0.5 * (low + high))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: f64, expected: f64, relative: f64) -> bool {
        (actual - expected).abs() <= relative * expected.abs()
    }

    #[test]
    fn normal_quantiles_match_published_values() {
        // Values of Φ⁻¹ to 16 digits (scipy.stats.norm.ppf, which uses the same AS 241).
        for (p, z) in [
            (0.975, 1.959_963_984_540_054),
            (0.995, 2.575_829_303_548_900_4),
            (0.9, 1.281_551_565_544_600_4),
            (0.5, 0.0),
            (0.025, -1.959_963_984_540_054),
            (1e-10, -6.361_340_902_404_056),
        ] {
            assert!(
                close(normal_quantile(p), z, 1e-14),
                "{p}: {}",
                normal_quantile(p)
            );
        }
    }

    #[test]
    fn ln_gamma_and_ln_beta_match_exact_values() {
        // Γ(5) = 24, Γ(½) = √π, Γ(20) = 19!, B(2, 3) = 1/12, B(30, 40) from 29! 39! / 69!.
        assert!(close(ln_gamma(5.0), 24f64.ln(), 1e-15));
        assert!(close(
            ln_gamma(0.5),
            std::f64::consts::PI.sqrt().ln(),
            1e-14
        ));
        assert!(close(
            ln_gamma(20.0),
            121_645_100_408_832_000f64.ln(),
            1e-15
        ));
        assert!(close(ln_beta(2.0, 3.0), (1.0f64 / 12.0).ln(), 1e-14));
        let factorial_ln = |n: u32| (1..=n).map(|k| f64::from(k).ln()).sum::<f64>();
        let expected = factorial_ln(29) + factorial_ln(39) - factorial_ln(69);
        assert!(close(ln_beta(30.0, 40.0), expected, 1e-13));
        assert!(close(
            ln_beta(3.0, 40.0),
            factorial_ln(2) + factorial_ln(39) - factorial_ln(42),
            1e-13
        ));
    }

    #[test]
    fn incomplete_beta_matches_closed_forms() {
        // I_x(1, b) = 1 − (1 − x)^b and I_x(a, 1) = x^a.
        for x in [0.01, 0.3, 0.5, 0.9] {
            assert!(close(
                incomplete_beta(x, 1.0, 7.0).unwrap(),
                1.0 - (1.0 - x).powi(7),
                1e-13
            ));
            assert!(close(
                incomplete_beta(x, 4.0, 1.0).unwrap(),
                x.powi(4),
                1e-13
            ));
        }
        let median = beta_quantile("p", 0.5, 3.0, 3.0).unwrap();
        assert!(close(median, 0.5, 1e-15));
    }
}
