"""Writes vectors/experiments.json: every expected number computed here independently of
pmkit, from statsmodels and scipy (the tests and intervals), Python's own math (the
two-variant Bayesian closed forms: each term from math.lgamma, not pmkit's recurrence,
checked against scipy's quadrature) and the published examples named in each case.
The three-variant Bayesian numbers come from pmkit's seeded simulation (the vector then
checks that Rust, Python and JavaScript draw the same numbers), after this script checks
them against scipy's numerical integration.

Run from the repository root with the development environment's Python:
    .venv/bin/python vectors/generate_experiments.py
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
from scipy import integrate, optimize, stats
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import (
    confint_proportions_2indep,
    proportion_confint,
    proportion_effectsize,
    proportions_ztest,
    test_proportions_2indep,
)

OUT = Path(__file__).with_name("experiments.json")


def needed_per_variant(effect: float, alpha: float, power: float) -> float:
    """The root of statsmodels' NormalIndPower power equation, solved tightly."""
    solver = NormalIndPower()
    return optimize.brentq(
        lambda n: solver.power(effect, n, alpha) - power, 1e-6, 1e16, xtol=1e-12, rtol=1e-15
    )


def ln_beta(a: float, b: float) -> float:
    return math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)


def prob_above(lower: tuple[int, int], upper: tuple[int, int]) -> float:
    """Evan Miller's P(p_upper > p_lower): every term from math.lgamma (not pmkit's
    recurrence), summed with math.fsum; checked against scipy's quadrature."""
    (aa, ba), (ab, bb) = lower, upper
    terms = [
        math.exp(ln_beta(aa + i, ba + bb) - math.log(bb + i) - ln_beta(1 + i, bb) - ln_beta(aa, ba))
        for i in range(ab)
    ]
    value = math.fsum(terms)
    low, up = stats.beta(*lower), stats.beta(*upper)
    check, _ = integrate.quad(lambda t: up.pdf(t) * low.cdf(t), 0, 1, limit=500, points=[up.mean(), low.mean()])
    assert abs(value - check) < 1e-7, (lower, upper, value, check)
    return value


def bayes_two(n: list[int], x: list[int]) -> tuple[list[float], list[float]]:
    a = (1 + x[0], 1 + n[0] - x[0])
    b = (1 + x[1], 1 + n[1] - x[1])
    mean = lambda p: p[0] / (p[0] + p[1])  # noqa: E731
    plus = lambda p: (p[0] + 1, p[1])  # noqa: E731
    b_best = prob_above(a, b)
    loss_b = mean(a) * prob_above(b, plus(a)) - mean(b) * prob_above(plus(b), a)
    loss_a = mean(b) * prob_above(a, plus(b)) - mean(a) * prob_above(plus(a), b)
    return [1 - b_best, b_best], [max(loss_a, 0.0), max(loss_b, 0.0)]


def integrated_best(n: list[int], x: list[int]) -> list[float]:
    """P(variant i is best) = ∫ f_i(t) Π_{j≠i} F_j(t) dt, by scipy's quad."""
    dists = [stats.beta(1 + xi, 1 + ni - xi) for ni, xi in zip(n, x)]
    out = []
    for i, d in enumerate(dists):
        others = [e for j, e in enumerate(dists) if j != i]
        value, _ = integrate.quad(
            lambda t: d.pdf(t) * np.prod([e.cdf(t) for e in others]), 0, 1, limit=500, points=[d.mean()]
        )
        out.append(value)
    return out


def conversions_case(
    name: str, n: list[int], x: list[int], options: dict[str, Any], simulated: dict[str, Any] | None = None
) -> dict[str, Any]:
    level = options.get("level") or 0.95
    alpha = 1 - level
    variance = options.get("variance") or "pooled"
    mde = options.get("minimum_detectable_effect") or 0.05
    power = options.get("power") or 0.8
    daily = options.get("daily_users")
    split = options.get("expected_split")
    srm_threshold = options.get("srm_threshold") or 0.001
    z_crit = stats.norm.ppf(1 - alpha / 2)
    variants = []
    for i, (ni, xi) in enumerate(zip(n, x)):
        low, high = proportion_confint(xi, ni, alpha=alpha, method="wilson")
        entry: dict[str, Any] = {
            "users": ni,
            "conversions": xi,
            "rate": {"value": xi / ni, "low": max(float(low), 0.0), "high": min(float(high), 1.0), "level": level, "method": "wilson"},
            "absolute_lift": None,
            "relative_lift": None,
            "z": None,
            "p_value": None,
            "significant": False,
        }
        if i > 0:
            diff = xi / ni - x[0] / n[0]
            dl, dh = confint_proportions_2indep(xi, ni, x[0], n[0], method="wald", compare="diff", alpha=alpha)
            entry["absolute_lift"] = {"value": diff, "low": max(float(dl), -1.0), "high": min(float(dh), 1.0), "level": level, "method": "wald"}
            if xi > 0 and x[0] > 0:
                rl, rh = confint_proportions_2indep(xi, ni, x[0], n[0], method="log", compare="ratio", alpha=alpha)
                ratio = (xi / ni) / (x[0] / n[0])
                entry["relative_lift"] = {"value": ratio - 1, "low": float(rl) - 1, "high": float(rh) - 1, "level": level, "method": "katz_log"}
            if variance == "pooled":
                z, p = proportions_ztest([xi, x[0]], [ni, n[0]])
            else:
                r = test_proportions_2indep(xi, ni, x[0], n[0], method="wald", compare="diff")
                z, p = r.statistic, r.pvalue
            if np.isfinite(z):
                entry["z"], entry["p_value"] = float(z), float(p)
                entry["significant"] = bool(p < alpha)
        variants.append(entry)
    if len(n) == 2:
        best, loss = bayes_two(n, x)
        method = "closed_form"
    else:
        assert simulated is not None
        best, loss = simulated["best"], simulated["loss"]
        exact = integrated_best(n, x)
        assert all(abs(b - e) < 0.006 for b, e in zip(best, exact)), (best, exact)
        method = "simulation"
    for entry, b, l in zip(variants, best, loss):
        entry["probability_best"], entry["expected_loss"] = b, l
    weights = split or [1.0] * len(n)
    shares = [w / sum(weights) for w in weights]
    expected = [s * sum(n) for s in shares]
    chi = stats.chisquare(n, f_exp=expected)
    sample_ratio = {
        "statistic": float(chi.statistic),
        "degrees_of_freedom": len(n) - 1,
        "p_value": float(chi.pvalue),
        "expected": expected,
        "mismatch": bool(chi.pvalue < srm_threshold),
    }
    base = x[0] / n[0]
    target = base * (1 + mde)
    needed = None
    if base > 0 and target <= 1:
        h = abs(float(proportion_effectsize(target, base)))
        needed = math.ceil(needed_per_variant(h, alpha, power))
    more = None if needed is None else sum(max(0, needed - ni) for ni in n)
    days = None
    if needed is not None and daily is not None:
        days = math.ceil(max(max(0, needed - ni) / (daily * s) for ni, s in zip(n, shares)))
    # The verdict, by its documented rules.
    if sample_ratio["mismatch"]:
        verdict, winner = "sample_ratio_mismatch", None
    else:
        better = [(v["rate"]["value"], i) for i, v in enumerate(variants) if i > 0 and v["significant"] and v["absolute_lift"]["value"] > 0]
        if better:
            verdict, winner = "winner", max(better)[1]
        elif all(v["significant"] and v["absolute_lift"]["value"] < 0 for v in variants[1:]):
            verdict, winner = "control_wins", 0
        elif needed is not None and all(ni >= needed for ni in n):
            verdict, winner = "no_difference", None
        else:
            verdict, winner = "keep_running", None
    expected_result = {
        "variants": variants,
        "verdict": verdict,
        "winner": winner,
        "level": level,
        "variance": variance,
        "bayesian_method": method,
        "sample_ratio": sample_ratio,
        "users_needed_per_variant": needed,
        "more_users_needed": more,
        "days_left": days,
    }
    args = {"users": n, "conversions": x, **{k: options.get(k) for k in CONVERSION_OPTIONS}}
    return {"name": name, "function": "compare_conversions", "args": args, "expected": expected_result}


CONVERSION_OPTIONS = ["level", "variance", "minimum_detectable_effect", "power", "daily_users", "expected_split", "srm_threshold", "draws", "seed"]


def welch_entry(control: tuple[int, float, float], variant: tuple[int, float, float], level: float) -> dict[str, Any]:
    (n0, m0, s0), (n1, m1, s1) = control, variant
    r = stats.ttest_ind_from_stats(m1, s1, n1, m0, s0, n0, equal_var=False)
    e0, e1 = s0**2 / n0, s1**2 / n1
    df = (e0 + e1) ** 2 / (e0**2 / (n0 - 1) + e1**2 / (n1 - 1))
    half = stats.t.ppf(1 - (1 - level) / 2, df) * math.sqrt(e0 + e1)
    diff = m1 - m0
    return {
        "count": n1,
        "mean": m1,
        "standard_deviation": s1,
        "difference": {"value": diff, "low": diff - half, "high": diff + half, "level": level, "method": "welch"},
        "relative_difference": diff / m0 if m0 != 0 else None,
        "t": float(r.statistic),
        "degrees_of_freedom": df,
        "p_value": float(r.pvalue),
        "significant": bool(r.pvalue < 1 - level),
    }


def means_case(name: str, counts: list[int], means: list[float], sds: list[float], level: float | None) -> dict[str, Any]:
    lv = level or 0.95
    control = (counts[0], means[0], sds[0])
    variants: list[dict[str, Any]] = [
        {"count": counts[0], "mean": means[0], "standard_deviation": sds[0], "difference": None, "relative_difference": None, "t": None, "degrees_of_freedom": None, "p_value": None, "significant": False}
    ]
    variants += [welch_entry(control, (c, m, s), lv) for c, m, s in zip(counts[1:], means[1:], sds[1:])]
    return {
        "name": name,
        "function": "compare_means",
        "args": {"counts": counts, "means": means, "standard_deviations": sds, "level": level},
        "expected": {"variants": variants, "level": lv},
    }


def values_case(name: str, values: list[list[float]]) -> dict[str, Any]:
    summaries = [(len(v), float(np.mean(v)), float(np.std(v, ddof=1))) for v in values]
    counts, means, sds = (list(column) for column in zip(*summaries))
    case = means_case(name, counts, means, sds, None)
    # Cross-check with scipy's raw-value test and its interval.
    for variant, raw in zip(case["expected"]["variants"][1:], values[1:]):
        r = stats.ttest_ind(raw, values[0], equal_var=False)
        ci = r.confidence_interval(0.95)
        assert abs(r.pvalue - variant["p_value"]) < 1e-12 and abs(ci.low - variant["difference"]["low"]) < 1e-9
    return {**case, "function": "compare_mean_values", "args": {"values": values, "level": None}}


def sample_size_case(name: str, baseline: float, mde: float, options: dict[str, Any]) -> dict[str, Any]:
    metric = options.get("metric") or "proportion"
    effect_kind = options.get("effect") or "relative"
    alpha = options.get("alpha") or 0.05
    power = options.get("power") or 0.8
    variants = options.get("variants") or 2
    daily = options.get("daily_users")
    if metric == "proportion":
        target = baseline * (1 + mde) if effect_kind == "relative" else baseline + mde
        h = abs(float(proportion_effectsize(target, baseline)))
    else:
        delta = mde * baseline if effect_kind == "relative" else mde
        h = abs(delta / options["standard_deviation"])
    exact = needed_per_variant(h, alpha, power)
    solve = NormalIndPower().solve_power(effect_size=h, alpha=alpha, power=power)
    assert abs(solve - exact) < 1e-6 * exact, (solve, exact)
    per = math.ceil(exact)
    total = per * variants
    expected = {
        "users_per_variant": per,
        "exact_users_per_variant": exact,
        "total_users": total,
        "effect_size": h,
        "days": None if daily is None else math.ceil(total / daily),
    }
    keys = ["metric", "standard_deviation", "effect", "alpha", "power", "variants", "daily_users"]
    args = {"baseline": baseline, "minimum_detectable_effect": mde, **{k: options.get(k) for k in keys}}
    return {"name": name, "function": "sample_size", "args": args, "expected": expected}


def srm_case(name: str, users: list[int], split: list[float] | None, threshold: float | None = None) -> dict[str, Any]:
    weights = split or [1.0] * len(users)
    expected = [w / sum(weights) * sum(users) for w in weights]
    chi = stats.chisquare(users, f_exp=expected)
    return {
        "name": name,
        "function": "sample_ratio_mismatch",
        "args": {"users": users, "expected_split": split, "threshold": threshold},
        "expected": {
            "statistic": float(chi.statistic),
            "degrees_of_freedom": len(users) - 1,
            "p_value": float(chi.pvalue),
            "expected": expected,
            "mismatch": bool(chi.pvalue < (threshold or 0.001)),
        },
    }


def error(name: str, function: str, args: dict[str, Any], kind: str, field: str) -> dict[str, Any]:
    return {"name": name, "function": function, "args": args, "error": {"kind": kind, "field": field}}


def main() -> None:
    import pmkit  # only for the simulated three-variant numbers

    def simulated(n: list[int], x: list[int], **options: Any) -> dict[str, Any]:
        got = pmkit.compare_conversions(n, x, **options)
        return {"best": [v["probability_best"] for v in got.variants], "loss": [v["expected_loss"] for v in got.variants]}

    none = {k: None for k in CONVERSION_OPTIONS}
    cases = [
        conversions_case("statsmodels' proportions_ztest example (5 of 83 against 12 of 99), p = 0.159", [83, 99], [5, 12], none),
        conversions_case("a clear winner at 2.0 % against 2.6 % of 10,000 each", [10_000, 10_000], [200, 260], none),
        conversions_case("unpooled test, 90 % level, control significantly better", [1_000, 1_000], [160, 100], {**none, "level": 0.9, "variance": "unpooled"}),
        conversions_case(
            "too early: keep running, with days left at 500 users a day",
            [1_000, 1_000],
            [100, 104],
            {**none, "minimum_detectable_effect": 0.2, "daily_users": 500},
        ),
        conversions_case("enough users and no difference", [200_000, 200_000], [20_000, 20_050], none),
        conversions_case("a 50/50 test that logged 1,000 and 1,300 users: sample ratio mismatch", [1_000, 1_300], [100, 130], none),
        conversions_case("an intended 90/10 split is no mismatch", [9_000, 1_000], [450, 62], {**none, "expected_split": [90, 10]}),
        conversions_case("no conversions anywhere: no z, no relative lift, no plan", [100, 100], [0, 0], none),
        conversions_case(
            "three variants: Bayesian numbers by seeded simulation",
            [5_000, 5_000, 5_000],
            [500, 540, 470],
            {**none, "draws": 20_000, "seed": 42},
            simulated([5_000, 5_000, 5_000], [500, 540, 470], draws=20_000, seed=42),
        ),
        means_case("scipy's ttest_ind_from_stats example under Welch (variance 39 on 11 against 87.5 on 13)", [11, 13], [12.0, 15.0], [math.sqrt(39.0), math.sqrt(87.5)], None),
        means_case("revenue per user, three variants at 99 %", [4_000, 4_100, 3_950], [2.31, 2.45, 2.29], [7.9, 8.4, 7.7], 0.99),
        values_case("scipy's ttest_ind example data as raw values", [[2, 4, 6, 9, 11, 13, 14, 15, 18, 19, 21], [1, 3, 4, 6, 11, 13, 15, 19, 22, 24, 25, 26, 26]]),
        sample_size_case("Cohen's h = 0.2 example scale: 10 % to 11 %, 2,000 users a day", 0.10, 0.10, {"daily_users": 2_000}),
        sample_size_case("absolute effect of 2 points from 30 %, 90 % power, three variants", 0.30, 0.02, {"effect": "absolute", "power": 0.9, "variants": 3}),
        sample_size_case("a mean: d = 0.5 (Cohen's medium effect; his t table says 64)", 10.0, 1.0, {"metric": "mean", "standard_deviation": 2.0, "effect": "absolute"}),
        sample_size_case("a mean with a relative effect at alpha 0.01", 25.0, 0.03, {"metric": "mean", "standard_deviation": 40.0, "alpha": 0.01}),
        srm_case("scipy's chisquare example: [16, 18, 16, 14, 12, 12], p = 0.849", [16, 18, 16, 14, 12, 12], None),
        srm_case("scipy's chisquare example with f_exp [16, 16, 16, 16, 16, 8], p = 0.623", [16, 18, 16, 14, 12, 12], [16, 16, 16, 16, 16, 8]),
        srm_case("50,000 against 52,000 on a 50/50 split is a mismatch", [50_000, 52_000], None),
        srm_case("a 20/80 split checked at threshold 0.01", [2_100, 7_900], [20, 80], 0.01),
        error("no variant but the control", "compare_conversions", {"users": [10], "conversions": [1], **none}, "undefined", "users"),
        error("a variant without users", "compare_conversions", {"users": [10, 0], "conversions": [1, 0], **none}, "undefined", "users[1]"),
        error("more conversions than users", "compare_conversions", {"users": [10, 10], "conversions": [1, 11], **none}, "out_of_range", "conversions[1]"),
        error("columns of different lengths", "compare_conversions", {"users": [10, 10], "conversions": [1], **none}, "invalid_input", "conversions"),
        error("a level of 95", "compare_conversions", {"users": [10, 10], "conversions": [1, 1], **none, "level": 95}, "out_of_range", "level"),
        error("an unknown variance", "compare_conversions", {"users": [10, 10], "conversions": [1, 1], **none, "variance": "bayes"}, "parse", "variance"),
        error("too many draws", "compare_conversions", {"users": [10, 10], "conversions": [1, 1], **none, "draws": 10_000_001}, "out_of_range", "draws"),
        error("a negative standard deviation", "compare_means", {"counts": [5, 5], "means": [1, 2], "standard_deviations": [1, -1], "level": None}, "invalid_input", "standard_deviations[1]"),
        error("one user is no spread", "compare_means", {"counts": [5, 1], "means": [1, 2], "standard_deviations": [1, 1], "level": None}, "undefined", "counts[1]"),
        error("a variant with one value", "compare_mean_values", {"values": [[1, 2], [3]], "level": None}, "undefined", "values[1]"),
        error("a rate of 0 cannot be planned", "sample_size", {"baseline": 0, "minimum_detectable_effect": 0.1}, "out_of_range", "baseline"),
        error("an effect beyond 100 %", "sample_size", {"baseline": 0.8, "minimum_detectable_effect": 0.5}, "out_of_range", "minimum_detectable_effect"),
        error("a mean without its standard deviation", "sample_size", {"baseline": 10, "minimum_detectable_effect": 0.1, "metric": "mean"}, "undefined", "standard_deviation"),
        error("power not above alpha", "sample_size", {"baseline": 0.1, "minimum_detectable_effect": 0.1, "power": 0.05}, "out_of_range", "power"),
        error("no users at all", "sample_ratio_mismatch", {"users": [0, 0], "expected_split": None, "threshold": None}, "undefined", "users"),
        error("a zero weight in the split", "sample_ratio_mismatch", {"users": [5, 5], "expected_split": [1, 0], "threshold": None}, "out_of_range", "expected_split[1]"),
    ]
    document = {
        "about": (
            "Shared test vectors for pmkit's experiments (compare_conversions, compare_means, compare_mean_values, sample_size, "
            "sample_ratio_mismatch). Written by vectors/generate_experiments.py: z tests from statsmodels' proportions_ztest "
            "(pooled) and test_proportions_2indep(method='wald') (unpooled); lifts from confint_proportions_2indep (wald diff; "
            "log ratio = Katz); rates from proportion_confint(wilson); Welch from scipy's ttest_ind_from_stats(equal_var=False) "
            "and t.ppf; sample sizes from the root of statsmodels' NormalIndPower power equation (solve_power agrees to 1e-7); "
            "the split check from scipy's chisquare; two-variant Bayesian numbers from Evan Miller's and Chris Stucchio's closed "
            "forms, every term from math.lgamma and summed with math.fsum (checked against scipy's quadrature). Three-variant Bayesian numbers are pmkit's seeded simulation (identical in "
            "every language), checked against scipy's numerical integration within 0.006. Published examples: statsmodels' "
            "proportions_ztest docstring (p = 0.159), scipy's ttest_ind_from_stats and ttest_ind docstrings, scipy's chisquare "
            "docstring (p = 0.849 and 0.623), Cohen (1988) Table 6.4.1 (h = 0.2: n = 392)."
        ),
        "cases": cases,
    }
    lines = ",\n".join("    " + json.dumps(case, ensure_ascii=False) for case in cases)
    about = json.dumps(document["about"], ensure_ascii=False)
    OUT.write_text(f'{{\n  "about": {about},\n  "cases": [\n{lines}\n  ]\n}}\n', encoding="utf-8")


if __name__ == "__main__":
    main()
