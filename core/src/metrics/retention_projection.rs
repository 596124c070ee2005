//! Retention projection: the shifted-beta-geometric (sBG) model of Fader & Hardie fitted
//! to a cohort's survival curve, projected forward, and the customer lifetimes it implies.
//!
//! It lives beside [`customer_retention_rate`](super::customer_retention_rate) because it
//! is that KPI's forecast ("what will retention be next year?"), and the lifetimes it
//! gives feed [`customer_lifetime_value`](super::customer_lifetime_value); `pmkit::stats`
//! keeps only the machinery several metrics share.
//!
//! **The model.** Each customer renews every period with their own probability 1 − θ
//! until they churn (a shifted geometric lifetime, T ≥ 1), and θ varies across customers
//! as Beta(α, β). Then
//!
//! - survival `S(t) = B(α, β + t) / B(α, β)`, so `S(t) = S(t − 1) · (β + t − 1) / (α + β + t − 1)`;
//! - the retention rate of period t, `r(t) = S(t) / S(t − 1) = (β + t − 1) / (α + β + t − 1)`,
//!   rises with t: the customers who churn easily leave first;
//! - churn in period t, `P(T = t) = S(t − 1) − S(t)`.
//!
//! With `N_k` customers alive at the start of period k (survivors\[k\], N₀ the cohort),
//! the log-likelihood collapses to one sum (every factor of P and S is a ratio of those
//! linear terms):
//!
//! `LL(α, β) = (N₀ − N_n) ln α + Σ_{k=1..n} [N_k ln(β + k − 1) − N_{k−1} ln(α + β + k − 1)]`,
//!
//! whose derivatives are sums of `1/x` and `1/x²`: the fit is Newton's method on
//! (ln α, ln β) with a backtracking line search, exact first and second derivatives.
//!
//! **Sources**: Fader, P. S. & Hardie, B. G. S. (2007), "How to Project Customer
//! Retention", *Journal of Interactive Marketing* 21(1), 76–90 (the model, the
//! likelihood and the "regular" / "high end" worked example); Fader & Hardie (2010),
//! "Customer-Base Valuation in a Contractual Setting: The Perils of Ignoring
//! Heterogeneity", *Marketing Science* 29(1), 85–93 (DEL and DERL with the Gaussian
//! hypergeometric function).

use serde::{Deserialize, Serialize};

use crate::cancel::Checkpoint;
use crate::{input, Error, Result};

/// The most observed periods `fit_sbg` reads (survivors has at most one more entry).
pub const MAX_SBG_OBSERVED_PERIODS: usize = 10_000;
/// The most periods `fit_sbg` projects beyond the observed ones.
pub const MAX_SBG_PROJECTED_PERIODS: u64 = 10_000;
/// The smallest discount rate per period (`discount_rate`): below it the discounted sums
/// need millions of terms, and at 0 they diverge when α ≤ 1.
pub const MIN_DISCOUNT_RATE: f64 = 1e-4;
/// The bounds of α and β: a maximum beyond them lies at the edge (see
/// [`SbgFit::at_bound`]).
pub const SBG_PARAMETER_RANGE: (f64, f64) = (1e-6, 1e6);

/// The options of [`fit_sbg`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct SbgOptions {
    /// How many periods to project beyond the observed ones (12 by default, at most 10,000).
    #[serde(deserialize_with = "input::deserialize_count")]
    pub periods: u64,
    /// The discount rate per period for the discounted lifetimes (0.10 by default, at
    /// least 0.0001): 0.10 values a payment one period away at 1 / 1.10.
    pub discount_rate: f64,
}

impl Default for SbgOptions {
    fn default() -> Self {
        SbgOptions {
            periods: 12,
            discount_rate: 0.10,
        }
    }
}

/// A shifted-beta-geometric fit of a survival curve and what it projects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SbgFit {
    /// α of the Beta(α, β) spread of churn probabilities (the maximum-likelihood estimate).
    pub alpha: f64,
    /// β of the Beta(α, β) spread of churn probabilities.
    pub beta: f64,
    /// The log-likelihood at (α, β).
    pub log_likelihood: f64,
    /// Whether α or β reached [`SBG_PARAMETER_RANGE`]: the likelihood still rose towards
    /// the edge (nearly constant retention sends both towards infinity), so the
    /// parameters are a bound, though the projected curve remains the best fit found.
    pub at_bound: bool,
    /// The periods observed: survivors had `observed_periods + 1` entries.
    pub observed_periods: u64,
    /// The observed share still active at the start of each period t = 0..=observed_periods.
    pub actual_survival: Vec<f64>,
    /// The model's survival S(t) for t = 0..=observed_periods + periods (S(0) = 1): fitted
    /// over the observed periods, projected beyond.
    pub survival: Vec<f64>,
    /// The model's retention rate r(t) = S(t) / S(t − 1) for t = 1..=observed_periods + periods.
    pub retention_rates: Vec<f64>,
    /// The projected survivors of the cohort (cohort size × S(t)) for the projected
    /// periods t = observed_periods + 1..=observed_periods + periods.
    pub projected_survivors: Vec<f64>,
    /// The expected lifetime of a new customer in periods, E\[T\] = (α + β − 1) / (α − 1);
    /// `None` when α ≤ 1, where the mean is infinite (a few customers stay for ever).
    pub expected_lifetime: Option<f64>,
    /// The discount rate per period the discounted lifetimes use.
    pub discount_rate: f64,
    /// The discounted expected lifetime (DEL) of a new customer in periods, payments at
    /// the start of each period, the first undiscounted: Σ_{t≥0} S(t) / (1 + d)^t =
    /// ₂F₁(1, β; α + β; 1 / (1 + d)).
    pub discounted_expected_lifetime: f64,
    /// The discounted expected residual lifetime (DERL) of a customer still active after
    /// the last observed period (n = observed_periods renewals), just before the next
    /// renewal decision: Σ_{t>n} S(t) / S(n) / (1 + d)^(t−n−1) =
    /// (β + n) / (α + β + n) · ₂F₁(1, β + n + 1; α + β + n + 1; 1 / (1 + d)).
    pub discounted_expected_residual_lifetime: f64,
}

/// Fits the shifted-beta-geometric model to a cohort's survival curve by maximum
/// likelihood and projects it `periods` further.
///
/// `survivors[t]` is the number of the cohort still active at the start of period t:
/// `survivors[0]` the cohort size, then one entry per observed period (a survival
/// curve, or a row of a cohort matrix counting the customers still subscribed). What it
/// returns is described on [`SbgFit`]; the model, its likelihood and its sources are in
/// `docs/evidence.md` ("Retention projection").
///
/// **Assumptions**: a contractual setting (churn is observed when it happens; a
/// customer who left does not come back), periods of equal length, each customer's
/// churn probability constant over time, and the cohort one population. Do not use it
/// on active-user retention where users return after a gap (that curve is not a
/// survival curve), or when churn probabilities change over the customer's life
/// (onboarding effects) beyond what the Beta spread explains.
///
/// **Errors**: fewer than 3 entries (two periods are needed for two parameters),
/// more than [`MAX_SBG_OBSERVED_PERIODS`] + 1, `survivors[0]` = 0, an entry above the
/// one before it (`survivors[i]`, [`InvalidInput`](crate::Error::InvalidInput));
/// nobody churned or everybody churned in the first period (the maximum lies at infinity
/// or zero, [`Undefined`](crate::Error::Undefined)); `periods` above
/// [`MAX_SBG_PROJECTED_PERIODS`] or `discount_rate` below [`MIN_DISCOUNT_RATE`] or not
/// finite ([`OutOfRange`](crate::Error::OutOfRange)); a cancelled call.
///
/// **Source**: Fader & Hardie (2007), "How to Project Customer Retention", *Journal of
/// Interactive Marketing* 21(1), 76–90; DEL and DERL from Fader & Hardie (2010),
/// *Marketing Science* 29(1), 85–93.
///
/// ```
/// use pmkit::metrics::{fit_sbg, SbgOptions};
///
/// // Fader & Hardie (2007), the "regular" cohort's first 7 years: α = 0.704, β = 1.182.
/// let regular = [1000, 631, 468, 382, 326, 289, 262, 241];
/// let fit = fit_sbg(&regular, &SbgOptions { periods: 5, ..SbgOptions::default() })?;
/// assert_eq!((fit.alpha * 1e3).round(), 704.0);
/// assert_eq!((fit.beta * 1e3).round(), 1182.0);
/// // Year 12 projected within a few customers of the 173 observed.
/// assert!((fit.projected_survivors[4] - 173.0).abs() < 10.0);
/// # Ok::<(), pmkit::Error>(())
/// ```
pub fn fit_sbg(survivors: &[u64], options: &SbgOptions) -> Result<SbgFit> {
    let curve = Curve::checked(survivors)?;
    check_periods(options.periods)?;
    check_discount_rate(options.discount_rate)?;
    let (alpha, beta, at_bound) = maximize(&curve)?;
    let observed = curve.periods();
    let total = observed + options.periods as usize;
    let survival = survival_curve(alpha, beta, total);
    let retention_rates = (1..=total)
        .map(|t| retention_rate(alpha, beta, t))
        .collect();
    let cohort = curve.alive[0];
    let projected_survivors = survival[observed + 1..]
        .iter()
        .map(|share| share * cohort)
        .collect();
    let discount = 1.0 / (1.0 + options.discount_rate);
    let residual_start = observed as f64;
    Ok(SbgFit {
        alpha,
        beta,
        log_likelihood: curve.log_likelihood(alpha, beta),
        at_bound,
        observed_periods: observed as u64,
        actual_survival: curve.alive.iter().map(|alive| alive / cohort).collect(),
        survival,
        retention_rates,
        projected_survivors,
        expected_lifetime: (alpha > 1.0).then(|| (alpha + beta - 1.0) / (alpha - 1.0)),
        discount_rate: options.discount_rate,
        discounted_expected_lifetime: hypergeometric_one(beta, alpha + beta, discount)?,
        discounted_expected_residual_lifetime: retention_rate(alpha, beta, observed + 1)
            * hypergeometric_one(
                beta + residual_start + 1.0,
                alpha + beta + residual_start + 1.0,
                discount,
            )?,
    })
}

fn check_periods(periods: u64) -> Result<()> {
    if periods > MAX_SBG_PROJECTED_PERIODS {
        return Err(Error::out_of_range(
            "periods",
            format!("{periods} is above the cap of {MAX_SBG_PROJECTED_PERIODS} projected periods"),
        ));
    }
    Ok(())
}

/// Checks a discount rate per period for the discounted lifetimes.
pub(crate) fn check_discount_rate(rate: f64) -> Result<()> {
    input::finite("discount_rate", rate)?;
    if !(MIN_DISCOUNT_RATE..=1e6).contains(&rate) {
        return Err(Error::out_of_range(
            "discount_rate",
            format!(
                "{rate} is outside {MIN_DISCOUNT_RATE}..=1000000; give the rate per period as a fraction (0.10 = 10 %)"
            ),
        ));
    }
    Ok(())
}

/// The model's retention rate of period `t` ≥ 1: (β + t − 1) / (α + β + t − 1).
fn retention_rate(alpha: f64, beta: f64, t: usize) -> f64 {
    let k = t as f64 - 1.0;
    (beta + k) / (alpha + beta + k)
}

/// S(0..=periods) by the recursion S(t) = S(t − 1) · r(t).
pub(crate) fn survival_curve(alpha: f64, beta: f64, periods: usize) -> Vec<f64> {
    let mut survival = Vec::with_capacity(periods + 1);
    let mut share = 1.0;
    survival.push(share);
    for t in 1..=periods {
        share *= retention_rate(alpha, beta, t);
        survival.push(share);
    }
    survival
}

/// ₂F₁(1, b; c; x) = Σ_{k≥0} (b)_k / (c)_k · x^k for c > b > 0 and 0 ≤ x < 1, summed
/// term by term. Each term is the one before times (b + k) / (c + k) · x < x, so
/// the terms fall at least geometrically and the tail after a term T is at most
/// T · x / (1 − x): the sum stops once that bound is below 1e-17 of the sum. With
/// x ≤ 1 / (1 + [`MIN_DISCOUNT_RATE`]) that takes under half a million terms.
pub(crate) fn hypergeometric_one(b: f64, c: f64, x: f64) -> Result<f64> {
    let tail_factor = x / (1.0 - x);
    let mut checkpoint = Checkpoint::new();
    let mut term = 1.0;
    let mut sum = 1.0;
    let mut k = 0.0;
    while term * tail_factor > 1e-17 * sum {
        checkpoint.check()?;
        term *= (b + k) / (c + k) * x;
        sum += term;
        k += 1.0;
    }
    Ok(sum)
}

/// A checked survival curve, the counts as `f64` (exact below 2^53).
struct Curve {
    alive: Vec<f64>,
}

impl Curve {
    fn checked(survivors: &[u64]) -> Result<Curve> {
        if survivors.len() < 3 {
            return Err(Error::invalid(
                "survivors",
                format!(
                    "has {} entries; give the cohort size and at least 2 periods (the fit has two parameters)",
                    survivors.len()
                ),
            ));
        }
        if survivors.len() > MAX_SBG_OBSERVED_PERIODS + 1 {
            return Err(Error::invalid(
                "survivors",
                format!(
                    "has {} entries, above the cap of {} periods plus the cohort size",
                    survivors.len(),
                    MAX_SBG_OBSERVED_PERIODS
                ),
            ));
        }
        if survivors[0] == 0 {
            return Err(Error::invalid(
                "survivors[0]",
                "is 0; the first entry is the cohort size",
            ));
        }
        for (i, pair) in survivors.windows(2).enumerate() {
            if pair[1] > pair[0] {
                return Err(Error::invalid(
                    format!("survivors[{}]", i + 1),
                    format!(
                        "{} is above the {} before it; survivors counts who is still active, so it never grows (customers who come back are not a survival curve)",
                        pair[1], pair[0]
                    ),
                ));
            }
        }
        let first = survivors[0];
        let last = survivors[survivors.len() - 1];
        if last == first {
            return Err(Error::undefined(
                "survivors",
                "shows no churn at all, so the churn probabilities cannot be estimated (the best fit lies at α = 0)",
            ));
        }
        if survivors[1] == 0 {
            return Err(Error::undefined(
                "survivors",
                "is 0 from the first period on, so the churn probabilities cannot be estimated (the best fit lies at β = 0)",
            ));
        }
        Ok(Curve {
            alive: survivors.iter().map(|&count| count as f64).collect(),
        })
    }

    fn periods(&self) -> usize {
        self.alive.len() - 1
    }

    /// Customers who churned during the observed periods.
    fn churned(&self) -> f64 {
        self.alive[0] - self.alive[self.alive.len() - 1]
    }

    /// LL(α, β) = (N₀ − N_n) ln α + Σ_k [N_k ln(β + k − 1) − N_{k−1} ln(α + β + k − 1)].
    fn log_likelihood(&self, alpha: f64, beta: f64) -> f64 {
        let mut sum = self.churned() * alpha.ln();
        for (k, pair) in self.alive.windows(2).enumerate() {
            let k = k as f64;
            if pair[1] > 0.0 {
                sum += pair[1] * (beta + k).ln();
            }
            sum -= pair[0] * (alpha + beta + k).ln();
        }
        sum
    }

    /// The log-likelihood per cohort member and its gradient and Hessian in
    /// (u, v) = (ln α, ln β).
    fn derivatives(&self, u: f64, v: f64) -> Derivatives {
        let (alpha, beta) = (u.exp(), v.exp());
        let cohort = self.alive[0];
        let churned = self.churned() / cohort;
        // d/dα, d/dβ, d²/dα², d²/dβ², d²/dαdβ of LL / N₀.
        let mut da = churned / alpha;
        let mut db = 0.0;
        let mut daa = -churned / (alpha * alpha);
        let mut dbb = 0.0;
        let mut dab = 0.0;
        for (k, pair) in self.alive.windows(2).enumerate() {
            let k = k as f64;
            let (before, after) = (pair[0] / cohort, pair[1] / cohort);
            let b = beta + k;
            let c = alpha + beta + k;
            db += after / b;
            dbb -= after / (b * b);
            da -= before / c;
            db -= before / c;
            let curvature = before / (c * c);
            daa += curvature;
            dbb += curvature;
            dab += curvature;
        }
        Derivatives {
            value: self.log_likelihood(alpha, beta) / cohort,
            gradient: [alpha * da, beta * db],
            hessian: [
                [alpha * alpha * daa + alpha * da, alpha * beta * dab],
                [alpha * beta * dab, beta * beta * dbb + beta * db],
            ],
        }
    }
}

struct Derivatives {
    value: f64,
    gradient: [f64; 2],
    hessian: [[f64; 2]; 2],
}

/// The most Newton steps of a fit; it converges in well under 50 from the best start.
const MAX_STEPS: usize = 500;

/// The longest step, in (ln α, ln β), of one iteration: along a flat ridge the Newton
/// step is huge, and the line search starts from at most this.
const MAX_STEP: f64 = 2.0;

/// A Newton step uphill that also works where the likelihood is not concave (saddle-free
/// Newton): along each eigenvector of the Hessian, the gradient's part divided by the
/// curvature's magnitude. Where the Hessian is negative definite this is Newton's step
/// −H⁻¹g; elsewhere it still climbs, and along a nearly flat direction (the long ridge
/// of α/(α + β) ≈ constant) it takes long strides rather than crawling as gradient
/// ascent does. Capped at [`MAX_STEP`].
fn uphill_step(gradient: [f64; 2], hessian: [[f64; 2]; 2]) -> (f64, f64) {
    let [g0, g1] = gradient;
    let [[a, b], [_, c]] = hessian;
    let mean = (a + c) / 2.0;
    let radius = ((a - c) / 2.0).hypot(b);
    let eigen = [mean + radius, mean - radius];
    let floor = eigen[0].abs().max(eigen[1].abs()) * 1e-10 + f64::MIN_POSITIVE;
    let mut step = (0.0, 0.0);
    for lambda in eigen {
        // An eigenvector of λ: (b, λ − a) or (λ − c, b), whichever is longer.
        let (x, y) = if (lambda - a).abs() >= (lambda - c).abs() {
            (b, lambda - a)
        } else {
            (lambda - c, b)
        };
        let length = x.hypot(y);
        let (x, y) = if length > 0.0 {
            (x / length, y / length)
        } else if lambda == eigen[0] {
            (1.0, 0.0)
        } else {
            (0.0, 1.0)
        };
        let along = (g0 * x + g1 * y) / lambda.abs().max(floor);
        step.0 += along * x;
        step.1 += along * y;
    }
    let length = step.0.hypot(step.1);
    if length > MAX_STEP {
        step = (step.0 * MAX_STEP / length, step.1 * MAX_STEP / length);
    }
    step
}

/// Maximizes the log-likelihood over (ln α, ln β) in the box of [`SBG_PARAMETER_RANGE`]:
/// the best of a grid of starts, then saddle-free Newton steps ([`uphill_step`]), each
/// halved until the likelihood rises. Returns α, β and whether the maximum sits on the
/// box's edge.
fn maximize(curve: &Curve) -> Result<(f64, f64, bool)> {
    let (low, high) = (SBG_PARAMETER_RANGE.0.ln(), SBG_PARAMETER_RANGE.1.ln());
    let clamp = |x: f64| x.clamp(low, high);
    let starts = [-2.0f64, 0.0, 2.0, 4.0];
    let mut point = (0.0, 0.0);
    let mut best = f64::NEG_INFINITY;
    for &u in &starts {
        for &v in &starts {
            let value = curve.log_likelihood(u.exp(), v.exp());
            if value > best {
                best = value;
                point = (u, v);
            }
        }
    }
    for _ in 0..MAX_STEPS {
        // Each step costs a few passes over the periods (up to 10,000): ask every step.
        crate::cancel::check_now()?;
        let here = curve.derivatives(point.0, point.1);
        let [gu, gv] = here.gradient;
        if gu.abs().max(gv.abs()) < 1e-13 {
            break;
        }
        let (du, dv) = uphill_step(here.gradient, here.hessian);
        let gradient_norm = gu.abs().max(gv.abs());
        let mut step = 1.0;
        let mut moved = false;
        while step > 1e-12 {
            let next = (clamp(point.0 + step * du), clamp(point.1 + step * dv));
            if next == point {
                break;
            }
            let there = curve.derivatives(next.0, next.1);
            // Near the top the likelihood is flat to rounding: a step that does not lower
            // it beyond rounding and shrinks the gradient is progress too.
            let rounding = 8.0 * f64::EPSILON * here.value.abs();
            let [nu, nv] = there.gradient;
            if there.value > here.value
                || (there.value >= here.value - rounding && nu.abs().max(nv.abs()) < gradient_norm)
            {
                point = next;
                moved = true;
                break;
            }
            step *= 0.5;
        }
        if !moved {
            break;
        }
    }
    let edge = |x: f64| (x - low).abs() < 1e-9 || (high - x).abs() < 1e-9;
    Ok((point.0.exp(), point.1.exp(), edge(point.0) || edge(point.1)))
}

#[cfg(test)]
mod tests;
