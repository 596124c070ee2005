"""Writes vectors/retention.json: the shifted-beta-geometric fits (fit_sbg) and the sBG
variant of customer_lifetime_value, every expected number computed here independently
of pmkit: the likelihood from scipy.special.betaln (P(T = t) = B(a + 1, b + t - 1) / B(a, b),
S(t) = B(a, b + t) / B(a, b), Fader & Hardie 2007, eq. 6-7), maximized with
scipy.optimize (Nelder-Mead, then the root of the digamma gradient), the survival from
betaln, DEL and DERL from scipy.special.hyp2f1 (Fader & Hardie 2010, eq. 5 and 6).

Run from the repository root with the development environment's Python:
    .venv/bin/python vectors/generate_retention.py
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
from scipy import optimize, special

OUT = Path(__file__).with_name("retention.json")

# Fader & Hardie (2007), "How to Project Customer Retention", Table 1: survivors of
# 1000 customers acquired in year 0, by year.
REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173]
HIGH_END = [1000, 869, 743, 653, 593, 551, 517, 491, 468, 445, 427, 409, 394]


def log_likelihood(alpha: float, beta: float, survivors: list[int]) -> float:
    base = special.betaln(alpha, beta)
    n = len(survivors) - 1
    total = 0.0
    for t in range(1, n + 1):
        churned = survivors[t - 1] - survivors[t]
        if churned:
            total += churned * (special.betaln(alpha + 1, beta + t - 1) - base)
    if survivors[n]:
        total += survivors[n] * (special.betaln(alpha, beta + n) - base)
    return float(total)


def gradient(alpha: float, beta: float, survivors: list[int]) -> np.ndarray:
    """d LL / d(alpha, beta) from d betaln(a, b)/da = psi(a) - psi(a + b)."""
    psi = special.digamma
    n = len(survivors) - 1
    d_base = np.array([psi(alpha) - psi(alpha + beta), psi(beta) - psi(alpha + beta)])
    grad = np.zeros(2)
    for t in range(1, n + 1):
        churned = survivors[t - 1] - survivors[t]
        a, b = alpha + 1, beta + t - 1
        grad += churned * (np.array([psi(a) - psi(a + b), psi(b) - psi(a + b)]) - d_base)
    a, b = alpha, beta + n
    grad += survivors[n] * (np.array([psi(a) - psi(a + b), psi(b) - psi(a + b)]) - d_base)
    return grad


def fit(survivors: list[int]) -> tuple[float, float]:
    def negative(x: np.ndarray) -> float:
        return -log_likelihood(math.exp(x[0]), math.exp(x[1]), survivors)

    starts = [(u, v) for u in (-2.0, 0.0, 2.0) for v in (-2.0, 0.0, 2.0)]
    best = min(
        (
            optimize.minimize(
                negative, start, method="Nelder-Mead",
                options={"xatol": 1e-12, "fatol": 1e-14, "maxiter": 20000, "maxfev": 40000},
            )
            for start in starts
        ),
        key=lambda r: r.fun,
    )
    # Polish with Newton's method on the digamma gradient and trigamma Hessian.
    point = np.exp(best.x)
    for _ in range(50):
        step = np.linalg.solve(hessian(point[0], point[1], survivors), gradient(point[0], point[1], survivors))
        point = point - step
        if np.max(np.abs(step / point)) < 1e-15:
            break
    assert np.max(np.abs(gradient(point[0], point[1], survivors))) < 1e-8 * survivors[0]
    return float(point[0]), float(point[1])


def hessian(alpha: float, beta: float, survivors: list[int]) -> np.ndarray:
    """The second derivatives of LL, from d2 betaln = trigamma terms."""
    tri = lambda x: special.polygamma(1, x)  # noqa: E731

    def second(a: float, b: float) -> np.ndarray:
        return np.array([[tri(a) - tri(a + b), -tri(a + b)], [-tri(a + b), tri(b) - tri(a + b)]])

    n = len(survivors) - 1
    base = second(alpha, beta)
    total = np.zeros((2, 2))
    for t in range(1, n + 1):
        churned = survivors[t - 1] - survivors[t]
        total += churned * (second(alpha + 1, beta + t - 1) - base)
    total += survivors[n] * (second(alpha, beta + n) - base)
    return total


def sbg_expected(survivors: list[int], periods: int, discount_rate: float) -> dict[str, Any]:
    alpha, beta = fit(survivors)
    n = len(survivors) - 1
    total = n + periods
    survival = [
        float(math.exp(special.betaln(alpha, beta + t) - special.betaln(alpha, beta)))
        for t in range(total + 1)
    ]
    x = 1 / (1 + discount_rate)
    return {
        "alpha": alpha,
        "beta": beta,
        "log_likelihood": log_likelihood(alpha, beta, survivors),
        "at_bound": False,
        "observed_periods": n,
        "actual_survival": [s / survivors[0] for s in survivors],
        "survival": survival,
        "retention_rates": [survival[t] / survival[t - 1] for t in range(1, total + 1)],
        "projected_survivors": [survivors[0] * s for s in survival[n + 1:]],
        "expected_lifetime": (alpha + beta - 1) / (alpha - 1) if alpha > 1 else None,
        "discount_rate": discount_rate,
        "discounted_expected_lifetime": float(special.hyp2f1(1, beta, alpha + beta, x)),
        "discounted_expected_residual_lifetime": float(
            (beta + n) / (alpha + beta + n) * special.hyp2f1(1, beta + n + 1, alpha + beta + n + 1, x)
        ),
    }


def sbg_case(name: str, survivors: list[int], periods: int | None = None,
             discount_rate: float | None = None) -> dict[str, Any]:
    expected = sbg_expected(survivors, 12 if periods is None else periods,
                            0.10 if discount_rate is None else discount_rate)
    return {
        "name": name,
        "function": "fit_sbg",
        "args": {"survivors": survivors, "periods": periods, "discount_rate": discount_rate},
        "expected": expected,
    }


def clv_sbg(value: float, frequency: float, horizon: int, alpha: float, beta: float,
            rate: float, margin: float) -> float:
    """Sum over t < horizon of S(t) / (1 + rate)^t, S from betaln."""
    lifespan = math.fsum(
        math.exp(special.betaln(alpha, beta + t) - special.betaln(alpha, beta)) / (1 + rate) ** t
        for t in range(horizon)
    )
    return value * frequency * lifespan * margin


def error(name: str, function: str, args: dict[str, Any], kind: str, field: str) -> dict[str, Any]:
    return {"name": name, "function": function, "args": args, "error": {"kind": kind, "field": field}}


def main() -> None:
    regular = sbg_expected(REGULAR[:8], 5, 0.10)
    assert round(regular["alpha"], 3) == 0.704 and round(regular["beta"], 3) == 1.182
    high_end = sbg_expected(HIGH_END[:8], 5, 0.10)
    assert round(high_end["alpha"], 3) == 0.668 and round(high_end["beta"], 3) == 3.806
    # A curve of alpha = 3, beta = 6 in whole customers (expected lifetime finite).
    curve = [round(1_000_000 * math.exp(special.betaln(3, 6 + t) - special.betaln(3, 6)))
             for t in range(9)]
    clv_alpha, clv_beta = regular["alpha"], regular["beta"]
    cases = [
        sbg_case("Fader & Hardie (2007) regular cohort, years 0-7 (alpha 0.704, beta 1.182), projected to year 12",
                 REGULAR[:8], periods=5),
        sbg_case("Fader & Hardie (2007) high end cohort, years 0-7 (alpha 0.668, beta 3.806), projected to year 12",
                 HIGH_END[:8], periods=5),
        sbg_case("regular cohort, all 12 years, default options", REGULAR),
        sbg_case("a curve of alpha 3, beta 6: finite expected lifetime; 3 periods at 5%",
                 curve, periods=3, discount_rate=0.05),
        sbg_case("a small cohort of 20, no projection", [20, 14, 11, 9, 8], periods=0),
        error("fewer than 3 entries", "fit_sbg", {"survivors": [100, 60]}, "invalid_input", "survivors"),
        error("a cohort of 0", "fit_sbg", {"survivors": [0, 0, 0]}, "invalid_input", "survivors[0]"),
        error("survivors rising", "fit_sbg", {"survivors": [100, 60, 70]}, "invalid_input", "survivors[2]"),
        error("nobody churned", "fit_sbg", {"survivors": [100, 100, 100]}, "undefined", "survivors"),
        error("everybody churned at once", "fit_sbg", {"survivors": [100, 0, 0]}, "undefined", "survivors"),
        error("too many projected periods", "fit_sbg", {"survivors": REGULAR, "periods": 10001},
              "out_of_range", "periods"),
        error("no discounting", "fit_sbg", {"survivors": REGULAR, "discount_rate": 0.0},
              "out_of_range", "discount_rate"),
        {
            "name": "CLV with the regular cohort's sBG fit: $100 a year over 10 years at 10%, 60% margin",
            "function": "customer_lifetime_value",
            "args": {"average_purchase_value": 100.0, "purchase_frequency": 1.0, "customer_lifespan": 10.0,
                     "margin": 0.6, "sbg_alpha": clv_alpha, "sbg_beta": clv_beta, "discount_rate": 0.1},
            "expected": clv_sbg(100.0, 1.0, 10, clv_alpha, clv_beta, 0.1, 0.6),
        },
        {
            "name": "CLV with sBG alpha 1, beta 1 (S(t) = 1/(t+1)), 3 periods undiscounted",
            "function": "customer_lifetime_value",
            "args": {"average_purchase_value": 12.0, "purchase_frequency": 1.0, "customer_lifespan": 3.0,
                     "margin": None, "sbg_alpha": 1.0, "sbg_beta": 1.0, "discount_rate": None},
            "expected": clv_sbg(12.0, 1.0, 3, 1.0, 1.0, 0.0, 1.0),
        },
        error("CLV with sbg_alpha but no sbg_beta", "customer_lifetime_value",
              {"average_purchase_value": 1.0, "purchase_frequency": 1.0, "customer_lifespan": 3.0,
               "sbg_alpha": 1.0}, "invalid_input", "sbg_beta"),
        error("CLV with a fractional horizon under sBG", "customer_lifetime_value",
              {"average_purchase_value": 1.0, "purchase_frequency": 1.0, "customer_lifespan": 2.5,
               "sbg_alpha": 1.0, "sbg_beta": 1.0}, "out_of_range", "customer_lifespan"),
    ]
    about = (
        "Shared test vectors for pmkit::metrics::fit_sbg (shifted-beta-geometric retention "
        "projection) and the sBG variant of customer_lifetime_value. Written by "
        "vectors/generate_retention.py: maximum likelihood from scipy.special.betaln and "
        "scipy.optimize, survival from betaln, DEL and DERL from scipy.special.hyp2f1. The "
        "worked examples are Fader & Hardie (2007), 'How to Project Customer Retention', "
        "Journal of Interactive Marketing 21(1): regular alpha 0.704, beta 1.182; high end "
        "alpha 0.668, beta 3.806 (fitted on years 0-7)."
    )
    lines = ",\n".join("    " + json.dumps(case, ensure_ascii=False) for case in cases)
    OUT.write_text(
        "{\n  \"about\": " + json.dumps(about, ensure_ascii=False) + ",\n  \"cases\": [\n" + lines + "\n  ]\n}\n"
    )


if __name__ == "__main__":
    main()
