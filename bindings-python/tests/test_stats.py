"""Confidence intervals agree with statsmodels (the reference package) to 1e-9 relative
on generated cases, and read their inputs strictly."""

from __future__ import annotations

import random

import pytest
from statsmodels.stats.proportion import proportion_confint

import pmkit

# pmkit's method name -> statsmodels' name for the same interval.
METHODS = {"wilson": "wilson", "agresti_coull": "agresti_coull", "clopper_pearson": "beta"}


def close(actual: float, expected: float) -> bool:
    # 1e-9 relative; or 1e-15 absolute, because at 0 or n successes the exact bound is
    # 0 (or 1) where statsmodels' arithmetic leaves residues such as 4e-19.
    return abs(actual - expected) <= max(1e-9 * abs(expected), 1e-15)


def generated_cases(count: int) -> list[tuple[int, int, float]]:
    rng = random.Random(20261204)
    cases = []
    for _ in range(count):
        trials = rng.choice([rng.randint(1, 30), rng.randint(31, 5_000), rng.randint(5_001, 10**7)])
        successes = rng.choice([0, trials, rng.randint(0, trials), rng.randint(0, min(trials, 5))])
        level = rng.choice([0.8, 0.9, 0.95, 0.99, 0.999])
        cases.append((successes, trials, level))
    return cases


@pytest.mark.parametrize("method", sorted(METHODS))
def test_proportion_interval_matches_statsmodels(method: str) -> None:
    for successes, trials, level in generated_cases(300):
        got = pmkit.proportion_interval(successes, trials, level=level, method=method)
        low, high = proportion_confint(successes, trials, alpha=1 - level, method=METHODS[method])
        where = f"{method} {successes}/{trials} at {level}"
        assert close(got.low, float(low)), f"{where}: low {got.low} != {low}"
        assert close(got.high, float(high)), f"{where}: high {got.high} != {high}"
        assert got.value == successes / trials and got.level == level and got.method == method


def test_result_is_a_record_with_its_json_form() -> None:
    got = pmkit.proportion_interval(8, 20)
    assert got.to_dict() == {
        "value": 0.4,
        "low": got.low,
        "high": got.high,
        "level": 0.95,
        "method": "wilson",
    }
    assert 0.2188 < got.low < 0.2189 and 0.6134 < got.high < 0.6135


@pytest.mark.parametrize(
    "call,kind,field",
    [
        (lambda: pmkit.proportion_interval(0, 0), "undefined", "trials"),
        (lambda: pmkit.proportion_interval(5, 4), "out_of_range", "successes"),
        (lambda: pmkit.proportion_interval(1.5, 4), "invalid_input", "successes"),
        (lambda: pmkit.proportion_interval(True, 4), "invalid_input", "successes"),
        (lambda: pmkit.proportion_interval(1, None), "invalid_input", "trials"),
        (lambda: pmkit.proportion_interval(1, 4, level=95), "out_of_range", "level"),
        (lambda: pmkit.proportion_interval(1, 4, level=float("nan")), "invalid_input", "level"),
        (lambda: pmkit.proportion_interval(1, 4, method="bayes"), "parse", "method"),
        (lambda: pmkit.proportion_interval(1, 4, alpha=0.05), "parse", "alpha"),
    ],
)
def test_bad_input_names_the_parameter(call: object, kind: str, field: str) -> None:
    with pytest.raises(pmkit.PmkitError) as raised:
        call()  # type: ignore[operator]
    assert (raised.value.kind, raised.value.field) == (kind, field)
