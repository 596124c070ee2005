"""Retention projection (fit_sbg): the shifted-beta-geometric maximum likelihood agrees
with scipy.optimize on a few hundred generated curves, the published worked example is
reproduced, and the fit's projections, lifetimes and chart hang together."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
from scipy import optimize, special

import pmkit

REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173]
HIGH_END = [1000, 869, 743, 653, 593, 551, 517, 491, 468, 445, 427, 409, 394]


def log_likelihood(alpha: float, beta: float, survivors: list[int]) -> float:
    """Fader & Hardie (2007), eq. 7, from scipy's betaln: churners in period t weigh
    ln P(T = t) = ln B(a + 1, b + t - 1) - ln B(a, b), survivors ln S(n)."""
    counts = np.asarray(survivors, dtype=float)
    n = len(survivors) - 1
    t = np.arange(1, n + 1)
    base = special.betaln(alpha, beta)
    churned = counts[:-1] - counts[1:]
    total = np.sum(churned * (special.betaln(alpha + 1, beta + t - 1) - base))
    return float(total + counts[n] * (special.betaln(alpha, beta + n) - base))


def derivatives(x: np.ndarray, survivors: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """The gradient and Hessian of -LL in (log alpha, log beta), from d betaln(a, b)/da =
    psi(a) - psi(a + b) and its trigamma second derivatives (independent of pmkit's sums)."""
    alpha, beta = math.exp(x[0]), math.exp(x[1])
    counts = np.asarray(survivors, dtype=float)
    n = len(survivors) - 1
    t = np.arange(1, n + 1)
    churned = counts[:-1] - counts[1:]
    # Each term w * betaln(a, b), minus the total weight times betaln(alpha, beta).
    a = np.concatenate([np.full(n, alpha + 1), [alpha]])
    b = np.concatenate([beta + t - 1, [beta + n]])
    w = np.concatenate([churned, [counts[n]]])
    psi, tri = special.digamma, lambda z: special.polygamma(1, z)
    total = counts[0]
    ga = np.sum(w * (psi(a) - psi(a + b))) - total * (psi(alpha) - psi(alpha + beta))
    gb = np.sum(w * (psi(b) - psi(a + b))) - total * (psi(beta) - psi(alpha + beta))
    haa = np.sum(w * (tri(a) - tri(a + b))) - total * (tri(alpha) - tri(alpha + beta))
    hbb = np.sum(w * (tri(b) - tri(a + b))) - total * (tri(beta) - tri(alpha + beta))
    hab = -np.sum(w * tri(a + b)) + total * tri(alpha + beta)
    gradient = np.array([alpha * ga, beta * gb])
    hessian = np.array([[alpha**2 * haa + alpha * ga, alpha * beta * hab], [alpha * beta * hab, beta**2 * hbb + beta * gb]])
    return -gradient, -hessian


def scipy_fit(survivors: list[int]) -> tuple[float, float, float]:
    """scipy's maximum: L-BFGS-B on (log alpha, log beta) from a grid of starts, then
    scipy's trust-region Newton ("trust-exact") and root finder with the digamma /
    trigamma derivatives; returns alpha, beta and the log-likelihood."""

    def negative(x: np.ndarray) -> float:
        return -log_likelihood(math.exp(x[0]), math.exp(x[1]), survivors)

    starts = [(u, v) for u in (-1.0, 1.5) for v in (0.0, 2.5)]
    box = [(math.log(1e-6), math.log(1e6))] * 2  # pmkit's SBG_PARAMETER_RANGE
    best = min(
        (optimize.minimize(negative, start, method="L-BFGS-B", bounds=box) for start in starts),
        key=lambda r: r.fun,
    )
    polished = optimize.minimize(
        negative,
        best.x,
        method="trust-exact",
        jac=lambda x: derivatives(x, survivors)[0],
        hess=lambda x: derivatives(x, survivors)[1],
        options={"gtol": 1e-10 * survivors[0]},
    )
    # Then the root of the gradient (scipy's Levenberg-Marquardt with the Hessian as
    # Jacobian): along a flat ridge the minimizers stop where the value no longer
    # changes to rounding, while the gradient's root pins the parameters down.
    root = optimize.root(
        lambda x: derivatives(x, survivors)[0],
        polished.x,
        jac=lambda x: derivatives(x, survivors)[1],
        method="lm",
        options={"xtol": 1e-15, "ftol": 1e-15},
    )
    value, x = min(((negative(x), x) for x in (best.x, polished.x)), key=lambda pair: pair[0])

    def steepness(x: np.ndarray) -> float:
        return float(np.max(np.abs(derivatives(x, survivors)[0])))

    # At the top the values differ by rounding only (1e-13 relative): the root wins when
    # it is as high to rounding and flatter.
    if (
        np.all(np.isfinite(root.x))
        and negative(root.x) <= value + 1e-11 * abs(value)
        and steepness(root.x) < steepness(x)
    ):
        x, value = root.x, negative(root.x)
    return math.exp(x[0]), math.exp(x[1]), -value


def generated_curve(rng: random.Random) -> list[int]:
    """A cohort of 2,000 to 50,000 whose churn probabilities are Beta(alpha, beta),
    each customer's lifetime geometric, observed for 4 to 15 periods."""
    alpha, beta = rng.uniform(0.3, 5.0), rng.uniform(0.5, 12.0)
    cohort = rng.randint(2_000, 50_000)
    periods = rng.randint(4, 15)
    np_rng = np.random.default_rng(rng.randrange(2**32))
    theta = np_rng.beta(alpha, beta, size=cohort)
    lifetimes = np_rng.geometric(np.clip(theta, 1e-12, 1.0))
    return [int(np.sum(lifetimes > t)) for t in range(periods + 1)]


def test_the_maximum_agrees_with_scipy_on_generated_curves() -> None:
    rng = random.Random(2007)
    checked = 0
    while checked < 300:
        survivors = generated_curve(rng)
        if survivors[-1] in (0, survivors[0]) or survivors[1] == 0:
            continue
        fit = pmkit.fit_sbg(survivors)
        if fit.at_bound:
            continue
        alpha, beta, best = scipy_fit(survivors)
        # pmkit's maximum is at least scipy's, and the same point.
        assert fit.log_likelihood >= best - 1e-9 * abs(best)
        assert fit.log_likelihood == pytest.approx(log_likelihood(fit.alpha, fit.beta, survivors), rel=1e-12)
        assert fit.log_likelihood == pytest.approx(best, rel=1e-9)
        assert fit.alpha == pytest.approx(alpha, rel=1e-6)
        assert fit.beta == pytest.approx(beta, rel=1e-6)
        checked += 1


def test_fader_hardie_2007_worked_example() -> None:
    regular = pmkit.fit_sbg(REGULAR[:8], periods=5)
    assert (round(regular.alpha, 3), round(regular.beta, 3)) == (0.704, 1.182)
    high_end = pmkit.fit_sbg(HIGH_END[:8], periods=5)
    assert (round(high_end.alpha, 3), round(high_end.beta, 3)) == (0.668, 3.806)
    # The projected years 8-12 against the held-out actuals (the paper's Figure 4).
    for fit, actual, tolerance in [(regular, REGULAR, 10), (high_end, HIGH_END, 20)]:
        for projected, observed in zip(fit.projected_survivors, actual[8:]):
            assert abs(projected - observed) < tolerance


def test_survival_retention_and_lifetimes_follow_the_model() -> None:
    fit = pmkit.fit_sbg(REGULAR[:8], periods=5, discount_rate=0.1)
    alpha, beta = fit.alpha, fit.beta
    for t, share in enumerate(fit.survival):
        assert share == pytest.approx(math.exp(special.betaln(alpha, beta + t) - special.betaln(alpha, beta)), rel=1e-12)
    for t, rate in enumerate(fit.retention_rates, start=1):
        assert rate == pytest.approx((beta + t - 1) / (alpha + beta + t - 1), rel=1e-14)
    x = 1 / 1.1
    assert fit.discounted_expected_lifetime == pytest.approx(special.hyp2f1(1, beta, alpha + beta, x), rel=1e-12)
    n = fit.observed_periods
    derl = (beta + n) / (alpha + beta + n) * special.hyp2f1(1, beta + n + 1, alpha + beta + n + 1, x)
    assert fit.discounted_expected_residual_lifetime == pytest.approx(derl, rel=1e-12)
    assert fit.expected_lifetime is None  # alpha < 1: the mean lifetime is infinite


def test_a_cohort_matrix_row_and_numpy_counts() -> None:
    row = np.array(REGULAR[:8], dtype=np.int64)
    assert pmkit.fit_sbg(row) == pmkit.fit_sbg(REGULAR[:8])


def test_clv_with_the_fit() -> None:
    fit = pmkit.fit_sbg(REGULAR[:8])
    clv = pmkit.customer_lifetime_value(
        100.0, 1.0, 100_000, sbg_alpha=fit.alpha, sbg_beta=fit.beta, discount_rate=0.1
    )
    assert clv == pytest.approx(100.0 * fit.discounted_expected_lifetime, rel=1e-12)


def test_the_chart_method() -> None:
    fit = pmkit.fit_sbg(REGULAR[:8])
    chart = fit.chart(theme="dark")
    assert chart == pmkit.retention_projection_chart(fit, theme="dark")
    assert chart.kind == "retention_projection"


@pytest.mark.parametrize(
    "survivors,options,kind,field",
    [
        ([100, 60], {}, "invalid_input", "survivors"),
        ([100, 60, 70], {}, "invalid_input", "survivors[2]"),
        ([100, 60, 50.5], {}, "invalid_input", "survivors[2]"),
        ([100, 100, 100], {}, "undefined", "survivors"),
        (REGULAR, {"periods": 10_001}, "out_of_range", "periods"),
        (REGULAR, {"discount_rate": float("nan")}, "invalid_input", "discount_rate"),
        (REGULAR, {"discount_rate": 0.0}, "out_of_range", "discount_rate"),
    ],
)
def test_errors(survivors: list[float], options: dict[str, float], kind: str, field: str) -> None:
    with pytest.raises(pmkit.PmkitError) as raised:
        pmkit.fit_sbg(survivors, **options)  # type: ignore[arg-type]
    assert (raised.value.kind, raised.value.field) == (kind, field)
