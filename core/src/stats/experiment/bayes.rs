//! The Bayesian side of a conversion experiment: with a uniform Beta(1, 1) prior, each
//! variant's conversion rate has the posterior Beta(1 + conversions, 1 + non-conversions);
//! from those, the probability that each variant is best and the expected loss of
//! choosing it.
//!
//! Two variants have closed forms: Evan Miller's sum for P(p_B > p_A) ("Formulas for
//! Bayesian A/B Testing", 2015, evanmiller.org/bayesian-ab-testing.html) and Chris
//! Stucchio's expected loss built on it ("Bayesian A/B Testing at VWO", 2015). The sum
//! has as many terms as a shape parameter, so it runs in log space (no overflow of the
//! beta functions) with the cheapest of its four symmetric forms, and only up to
//! [`MAX_EXACT_TERMS`] terms. More variants, or two beyond that bound, are simulated
//! with pmkit's seeded generator: the same seed gives the same numbers in every
//! language.

use super::conversions::MAX_EXACT_TERMS;
use crate::stats::special::ln_beta;
use crate::stats::Rng;

/// A Beta(alpha, beta) posterior of a conversion rate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Posterior {
    pub alpha: f64,
    pub beta: f64,
}

impl Posterior {
    /// The posterior after `conversions` of `users` under the uniform prior.
    pub fn new(users: u64, conversions: u64) -> Self {
        Posterior {
            alpha: 1.0 + conversions as f64,
            beta: 1.0 + (users - conversions) as f64,
        }
    }

    /// The posterior mean α / (α + β).
    pub fn mean(self) -> f64 {
        self.alpha / (self.alpha + self.beta)
    }

    /// The size-biased posterior Beta(α + 1, β): E[p · 1{p ∈ S}] = mean · P(p⁺ ∈ S).
    fn shifted(self) -> Self {
        Posterior {
            alpha: self.alpha + 1.0,
            beta: self.beta,
        }
    }

    /// The posterior of 1 − p: Beta(β, α).
    fn flipped(self) -> Self {
        Posterior {
            alpha: self.beta,
            beta: self.alpha,
        }
    }
}

/// Evan Miller's sum, P(p_y > p_x) = Σ_{i=0}^{α_y − 1} B(α_x + i, β_x + β_y) /
/// ((β_y + i) B(1 + i, β_y) B(α_x, β_x)), for a whole α_y. Term i + 1 is term i times
/// (α_x + i)(β_y + i) / ((α_x + β_x + β_y + i)(1 + i)), so each costs one log; the sum
/// is kept scaled by its largest term so that no term overflows or underflows early.
fn miller_sum(x: Posterior, y: Posterior) -> f64 {
    let mut log_term = ln_beta(x.alpha, x.beta + y.beta) - ln_beta(x.alpha, x.beta);
    let mut scale = log_term;
    let mut scaled_sum = 1.0;
    // α_y is a whole number (1 + conversions): the number of terms.
    let terms = y.alpha as u64;
    for i in 1..terms {
        let i = (i - 1) as f64;
        let ratio = (x.alpha + i) / (x.alpha + x.beta + y.beta + i) * ((y.beta + i) / (1.0 + i));
        log_term += ratio.ln();
        if log_term > scale {
            scaled_sum *= (scale - log_term).exp();
            scale = log_term;
        }
        scaled_sum += (log_term - scale).exp();
    }
    (scaled_sum.ln() + scale).exp()
}

/// P(p_upper > p_lower) in closed form, from whichever of the four equivalent sums has
/// the fewest terms (α_upper, α_lower through the complement, and the two sums on 1 − p,
/// whose terms number β_lower and β_upper); `None` when even that is more than
/// [`MAX_EXACT_TERMS`].
pub(super) fn probability_above(lower: Posterior, upper: Posterior) -> Option<f64> {
    let options = [
        (upper.alpha, false, lower, upper),
        (lower.alpha, true, upper, lower),
        (lower.beta, false, upper.flipped(), lower.flipped()),
        (upper.beta, true, lower.flipped(), upper.flipped()),
    ];
    let (terms, complement, x, y) = options.into_iter().min_by(|a, b| a.0.total_cmp(&b.0))?;
    if terms > MAX_EXACT_TERMS as f64 {
        return None;
    }
    let sum = miller_sum(x, y).clamp(0.0, 1.0);
    Some(if complement { 1.0 - sum } else { sum })
}

/// The probability that each of two variants is best, and the expected loss of
/// choosing each, in closed form; `None` beyond [`MAX_EXACT_TERMS`].
///
/// The loss of choosing B is E[max(p_A − p_B, 0)] = m_A P(p_A⁺ > p_B) − m_B P(p_A > p_B⁺),
/// with m the posterior means and ⁺ the size-biased posteriors (Stucchio 2015).
pub(super) fn two_variants(a: Posterior, b: Posterior) -> Option<([f64; 2], [f64; 2])> {
    let b_best = probability_above(a, b)?;
    let loss_b = a.mean() * probability_above(b, a.shifted())?
        - b.mean() * probability_above(b.shifted(), a)?;
    let loss_a = b.mean() * probability_above(a, b.shifted())?
        - a.mean() * probability_above(a.shifted(), b)?;
    Some(([1.0 - b_best, b_best], [loss_a.max(0.0), loss_b.max(0.0)]))
}

/// Standard normal draws by Marsaglia's polar method (two per accepted pair).
struct Normals {
    spare: Option<f64>,
}

impl Normals {
    fn next(&mut self, rng: &mut Rng) -> f64 {
        if let Some(value) = self.spare.take() {
            return value;
        }
        loop {
            let u = 2.0 * rng.fraction() - 1.0;
            let v = 2.0 * rng.fraction() - 1.0;
            let s = u * u + v * v;
            if s > 0.0 && s < 1.0 {
                let factor = (-2.0 * s.ln() / s).sqrt();
                self.spare = Some(v * factor);
                return u * factor;
            }
        }
    }
}

/// A Gamma(shape, 1) draw for shape ≥ 1: Marsaglia, G. & Tsang, W. W. (2000), "A Simple
/// Method for Generating Gamma Variables", *ACM TOMS* 26(3), 363–372.
fn gamma(shape: f64, rng: &mut Rng, normals: &mut Normals) -> f64 {
    let d = shape - 1.0 / 3.0;
    let c = 1.0 / (9.0 * d).sqrt();
    loop {
        let x = normals.next(rng);
        let v = 1.0 + c * x;
        if v <= 0.0 {
            continue;
        }
        let v = v * v * v;
        let u = rng.fraction();
        // The squeeze accepts most draws without a log.
        if u < 1.0 - 0.0331 * x.powi(4) || u.ln() < 0.5 * x * x + d * (1.0 - v + v.ln()) {
            return d * v;
        }
    }
}

/// A Beta(α, β) draw as G_α / (G_α + G_β).
fn beta(posterior: Posterior, rng: &mut Rng, normals: &mut Normals) -> f64 {
    let x = gamma(posterior.alpha, rng, normals);
    let y = gamma(posterior.beta, rng, normals);
    x / (x + y)
}

/// The probability that each variant is best and its expected loss,
/// E[max_j p_j − p_i], estimated from `draws` joint draws of the posteriors with the
/// generator seeded by `seed`. A tie (probability 0 for continuous draws) goes to the
/// first variant.
pub(super) fn simulate(posteriors: &[Posterior], draws: u64, seed: u64) -> (Vec<f64>, Vec<f64>) {
    let mut rng = Rng::new(seed);
    let mut normals = Normals { spare: None };
    let mut wins = vec![0u64; posteriors.len()];
    let mut losses = vec![0.0; posteriors.len()];
    let mut rates = vec![0.0; posteriors.len()];
    for _ in 0..draws {
        for (rate, &posterior) in rates.iter_mut().zip(posteriors) {
            *rate = beta(posterior, &mut rng, &mut normals);
        }
        let (mut best, mut best_rate) = (0, rates[0]);
        for (index, &rate) in rates.iter().enumerate().skip(1) {
            if rate > best_rate {
                (best, best_rate) = (index, rate);
            }
        }
        wins[best] += 1;
        for (loss, &rate) in losses.iter_mut().zip(&rates) {
            *loss += best_rate - rate;
        }
    }
    let draws = draws as f64;
    (
        wins.iter().map(|&won| won as f64 / draws).collect(),
        losses.iter().map(|&loss| loss / draws).collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// P(p_B > p_A) by the textbook sum with each term from ln B directly.
    fn direct(a: Posterior, b: Posterior) -> f64 {
        (0..b.alpha as u64)
            .map(|i| {
                let i = i as f64;
                (ln_beta(a.alpha + i, a.beta + b.beta)
                    - (b.beta + i).ln()
                    - ln_beta(1.0 + i, b.beta)
                    - ln_beta(a.alpha, a.beta))
                .exp()
            })
            .sum()
    }

    #[test]
    fn every_form_of_the_sum_agrees_with_the_textbook_one() {
        for (a, b) in [
            ((200, 30), (210, 41)),
            ((50, 5), (50, 1)),
            ((1000, 999), (1000, 990)),
        ] {
            let (a, b) = (Posterior::new(a.0, a.1), Posterior::new(b.0, b.1));
            let expected = direct(a, b);
            let got = probability_above(a, b).unwrap();
            assert!((got - expected).abs() < 1e-12, "{got} {expected}");
            assert!((miller_sum(a, b) - expected).abs() < 1e-12);
            assert!((1.0 - miller_sum(b, a) - expected).abs() < 1e-12);
            assert!((miller_sum(b.flipped(), a.flipped()) - expected).abs() < 1e-12);
        }
    }

    #[test]
    fn simulation_agrees_with_the_closed_form() {
        let (a, b) = (Posterior::new(1000, 100), Posterior::new(1000, 120));
        let (best, loss) = two_variants(a, b).unwrap();
        let (simulated_best, simulated_loss) = simulate(&[a, b], 200_000, 7);
        // Standard errors: √(p (1 − p) / 200,000) < 0.0012.
        assert!(
            (best[1] - simulated_best[1]).abs() < 0.005,
            "{best:?} {simulated_best:?}"
        );
        assert!(
            (loss[0] - simulated_loss[0]).abs() < 2e-4,
            "{loss:?} {simulated_loss:?}"
        );
        assert!(
            (loss[1] - simulated_loss[1]).abs() < 2e-4,
            "{loss:?} {simulated_loss:?}"
        );
        // The losses differ by the difference of the means (loss A − loss B = m_B − m_A).
        assert!((loss[0] - loss[1] - (b.mean() - a.mean())).abs() < 1e-12);
    }

    #[test]
    fn huge_counts_take_the_cheap_form_or_decline() {
        // Few conversions among billions of users: 11 terms, not billions.
        let (a, b) = (
            Posterior::new(4_000_000_000, 10),
            Posterior::new(4_000_000_000, 30),
        );
        let (best, loss) = two_variants(a, b).unwrap();
        assert!(best[1] > 0.99 && loss.iter().all(|l| l.is_finite() && *l >= 0.0));
        // Every shape above the bound: the caller simulates.
        let (a, b) = (
            Posterior::new(u64::MAX / 2, u64::MAX / 4),
            Posterior::new(u64::MAX / 2, u64::MAX / 4),
        );
        assert_eq!(probability_above(a, b), None);
    }
}
