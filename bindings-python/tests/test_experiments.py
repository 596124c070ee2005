"""Experiments agree with statsmodels and scipy (the reference packages) to 1e-9 relative
on generated cases, the Bayesian closed forms with exact rational arithmetic and with
numerical integration, and every input is read strictly."""

from __future__ import annotations

import math
import random
from fractions import Fraction

import pytest
from scipy import integrate, optimize, stats
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats import proportion as sm_proportion
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_effectsize, proportions_ztest

import pmkit


def close(actual: float, expected: float, relative: float = 1e-9) -> bool:
    # 1e-9 relative, or 1e-15 absolute for values that are 0 up to rounding.
    return abs(actual - expected) <= max(relative * abs(expected), 1e-15)


def conversion_cases(count: int) -> list[tuple[list[int], list[int], float]]:
    rng = random.Random(20261205)
    cases = []
    for _ in range(count):
        users = [rng.choice([rng.randint(20, 500), rng.randint(501, 50_000), rng.randint(50_001, 10**7)]) for _ in range(2)]
        rate = rng.choice([0.01, 0.05, 0.2, 0.5, 0.9])
        conversions = [max(1, min(n - 1, int(n * rate * rng.uniform(0.7, 1.3)))) for n in users]
        cases.append((users, conversions, rng.choice([0.8, 0.9, 0.95, 0.99])))
    return cases


@pytest.mark.parametrize("variance", ["pooled", "unpooled"])
def test_z_tests_and_lifts_match_statsmodels(variance: str) -> None:
    for users, conversions, level in conversion_cases(300):
        got = pmkit.compare_conversions(users, conversions, level=level, variance=variance, draws=1)
        variant = got.variants[1]
        (n0, n1), (x0, x1) = users, conversions
        if variance == "pooled":
            z, p = proportions_ztest([x1, x0], [n1, n0])
        else:
            result = sm_proportion.test_proportions_2indep(x1, n1, x0, n0, method="wald", compare="diff")
            z, p = result.statistic, result.pvalue
        where = f"{variance} {users} {conversions} at {level}"
        assert close(variant["z"], float(z)), f"{where}: z {variant['z']} != {z}"
        assert close(variant["p_value"], float(p)), f"{where}: p {variant['p_value']} != {p}"
        low, high = confint_proportions_2indep(x1, n1, x0, n0, method="wald", compare="diff", alpha=1 - level)
        assert close(variant["absolute_lift"]["low"], float(low)), where
        assert close(variant["absolute_lift"]["high"], float(high)), where
        low, high = confint_proportions_2indep(x1, n1, x0, n0, method="log", compare="ratio", alpha=1 - level)
        assert close(variant["relative_lift"]["low"] + 1, float(low)), where
        assert close(variant["relative_lift"]["high"] + 1, float(high)), where


def test_sample_ratio_matches_scipy_chisquare() -> None:
    rng = random.Random(7)
    for _ in range(300):
        k = rng.randint(2, 12)
        users = [rng.randint(1, rng.choice([50, 10_000, 10**8])) for _ in range(k)]
        split = rng.choice([None, [rng.uniform(0.1, 5) for _ in range(k)]])
        got = pmkit.sample_ratio_mismatch(users, expected_split=split)
        weights = split or [1.0] * k
        expected = [w / sum(weights) * sum(users) for w in weights]
        chi = stats.chisquare(users, f_exp=expected)
        assert close(got.statistic, float(chi.statistic)), users
        # scipy's own p-value carries its statistic's rounding; compare at that statistic.
        assert close(got.p_value, float(stats.chi2.sf(got.statistic, k - 1))), (users, split)
        assert got.degrees_of_freedom == k - 1


def test_welch_matches_scipy() -> None:
    rng = random.Random(11)
    for _ in range(300):
        counts = [rng.randint(2, rng.choice([30, 5_000, 10**6])) for _ in range(2)]
        means = [rng.uniform(-50, 200) for _ in range(2)]
        deviations = [rng.uniform(0.01, 100) for _ in range(2)]
        level = rng.choice([0.9, 0.95, 0.99])
        got = pmkit.compare_means(counts, means, deviations, level=level).variants[1]
        reference = stats.ttest_ind_from_stats(means[1], deviations[1], counts[1], means[0], deviations[0], counts[0], equal_var=False)
        where = f"{counts} {means} {deviations}"
        assert close(got["t"], float(reference.statistic)), where
        assert close(got["p_value"], float(reference.pvalue)), f"{where}: {got['p_value']} != {reference.pvalue}"
        e0, e1 = deviations[0] ** 2 / counts[0], deviations[1] ** 2 / counts[1]
        df = (e0 + e1) ** 2 / (e0**2 / (counts[0] - 1) + e1**2 / (counts[1] - 1))
        assert close(got["degrees_of_freedom"], df), where
        half = stats.t.ppf(1 - (1 - level) / 2, df) * math.sqrt(e0 + e1)
        assert close(got["difference"]["high"] - got["difference"]["value"], half), where


def test_welch_from_raw_values_matches_scipy_ttest_ind() -> None:
    rng = random.Random(3)
    for _ in range(50):
        values = [[rng.gauss(10, 3) for _ in range(rng.randint(2, 400))] for _ in range(2)]
        got = pmkit.compare_mean_values(values).variants[1]
        reference = stats.ttest_ind(values[1], values[0], equal_var=False)
        assert close(got["p_value"], float(reference.pvalue), 1e-8)
        interval = reference.confidence_interval(0.95)
        assert close(got["difference"]["low"], float(interval.low), 1e-8)


def tight_root(effect: float, alpha: float, power: float) -> float:
    """The root of statsmodels' NormalIndPower power equation, to full precision."""
    solver = NormalIndPower()
    return float(optimize.brentq(lambda n: solver.power(effect, n, alpha) - power, 1e-6, 1e16, xtol=1e-12, rtol=1e-15))


def test_sample_size_matches_statsmodels() -> None:
    rng = random.Random(5)
    for _ in range(300):
        alpha = rng.choice([0.01, 0.05, 0.1])
        power = rng.choice([0.5, 0.8, 0.9, 0.95])
        if rng.random() < 0.5:
            baseline = rng.uniform(0.005, 0.6)
            effect = rng.uniform(0.02, 0.5)
            got = pmkit.sample_size(baseline, effect, alpha=alpha, power=power)
            h = abs(float(proportion_effectsize(baseline * (1 + effect), baseline)))
        else:
            baseline, deviation, effect = rng.uniform(1, 100), rng.uniform(1, 50), rng.uniform(0.1, 10)
            got = pmkit.sample_size(baseline, effect, metric="mean", standard_deviation=deviation, effect="absolute", alpha=alpha, power=power)
            h = effect / deviation
        expected = tight_root(h, alpha, power)
        assert close(got.effect_size, h, 1e-12)
        assert close(got.exact_users_per_variant, expected), f"{got.exact_users_per_variant} != {expected}"
        # statsmodels' own solve_power stops its root search early (about 1e-8 relative
        # at hundreds of users, 1e-7 at a handful) and fails below about 2 users.
        if got.exact_users_per_variant > 3:
            solved = float(NormalIndPower().solve_power(h, alpha=alpha, power=power))
            assert abs(got.exact_users_per_variant - solved) <= 1e-6 * solved
        assert got.users_per_variant == math.ceil(got.exact_users_per_variant)


def exact_probability_above(lower: tuple[int, int], upper: tuple[int, int]) -> Fraction:
    """Evan Miller's P(p_upper > p_lower) in exact rational arithmetic."""

    def beta(a: int, b: int) -> Fraction:
        return Fraction(math.factorial(a - 1) * math.factorial(b - 1), math.factorial(a + b - 1))

    (aa, ba), (ab, bb) = lower, upper
    return sum((beta(aa + i, ba + bb) / ((bb + i) * beta(1 + i, bb) * beta(aa, ba)) for i in range(ab)), Fraction(0))


def test_two_variant_bayes_matches_exact_arithmetic_and_integration() -> None:
    rng = random.Random(13)
    for _ in range(40):
        users = [rng.randint(10, 300) for _ in range(2)]
        conversions = [rng.randint(0, n) for n in users]
        got = pmkit.compare_conversions(users, conversions)
        a = (1 + conversions[0], 1 + users[0] - conversions[0])
        b = (1 + conversions[1], 1 + users[1] - conversions[1])
        expected = float(exact_probability_above(a, b))
        assert got.bayesian_method == "closed_form"
        assert abs(got.variants[1]["probability_best"] - expected) < 1e-12, (users, conversions)
        # The loss of choosing B, E[max(p_A − p_B, 0)], by quadrature over p_A.
        da, db = stats.beta(*a), stats.beta(*b)
        db_plus = stats.beta(b[0] + 1, b[1])
        loss, _ = integrate.quad(lambda t: da.pdf(t) * (t * db.cdf(t) - db.mean() * db_plus.cdf(t)), 0, 1, epsabs=1e-14, epsrel=1e-12, limit=400)
        assert abs(got.variants[1]["expected_loss"] - loss) < 1e-9, (users, conversions)


def test_three_variants_simulate_close_to_integration_and_reproducibly() -> None:
    users, conversions = [4_000, 4_000, 4_000], [400, 430, 390]
    got = pmkit.compare_conversions(users, conversions, draws=200_000, seed=9)
    assert got.bayesian_method == "simulation"
    dists = [stats.beta(1 + x, 1 + n - x) for n, x in zip(users, conversions)]
    for index, dist in enumerate(dists):
        others = [other for j, other in enumerate(dists) if j != index]
        exact, _ = integrate.quad(lambda t: dist.pdf(t) * math.prod(o.cdf(t) for o in others), 0, 1, limit=400, points=[dist.mean()])
        assert abs(got.variants[index]["probability_best"] - exact) < 0.005
    assert got == pmkit.compare_conversions(users, conversions, draws=200_000, seed=9)


def test_one_call_gives_verdict_lift_and_how_much_longer() -> None:
    early = pmkit.compare_conversions([1_000, 1_000], [100, 104], minimum_detectable_effect=0.2, daily_users=500)
    assert early.verdict == "keep_running"
    assert early.users_needed_per_variant is not None and early.more_users_needed is not None
    assert early.more_users_needed == 2 * (early.users_needed_per_variant - 1_000)
    assert early.days_left == math.ceil((early.users_needed_per_variant - 1_000) / 250)
    assert early.to_dict()["variants"][1]["relative_lift"]["method"] == "katz_log"


@pytest.mark.parametrize(
    "call,kind,field",
    [
        (lambda: pmkit.compare_conversions([10], [1]), "undefined", "users"),
        (lambda: pmkit.compare_conversions([10, 0], [1, 0]), "undefined", "users[1]"),
        (lambda: pmkit.compare_conversions([10, 10], [1, 11]), "out_of_range", "conversions[1]"),
        (lambda: pmkit.compare_conversions([10, 10.5], [1, 1]), "invalid_input", "users[1]"),
        (lambda: pmkit.compare_conversions([10, 10], [1, 1], level=95), "out_of_range", "level"),
        (lambda: pmkit.compare_conversions([10, 10], [1, 1], variance="bayes"), "parse", "variance"),
        (lambda: pmkit.compare_conversions([10, 10], [1, 1], draws=0), "undefined", "draws"),
        (lambda: pmkit.compare_conversions([10, 10], [1, 1], seed=-1), "invalid_input", "seed"),
        (lambda: pmkit.compare_means([5, 5], [1.0, float("nan")], [1.0, 1.0]), "invalid_input", "means[1]"),
        (lambda: pmkit.compare_mean_values([[1.0, 2.0], [1.0]]), "undefined", "values[1]"),
        (lambda: pmkit.sample_size(0.1, 0.1, metric="mean"), "undefined", "standard_deviation"),
        (lambda: pmkit.sample_size(0.1, 0.1, variants=1), "out_of_range", "variants"),
        (lambda: pmkit.sample_size(0.1, 0.1, daily_users=0), "out_of_range", "daily_users"),
        (lambda: pmkit.sample_ratio_mismatch([5, 5], expected_split=[1.0]), "invalid_input", "expected_split"),
    ],
)
def test_bad_input_names_the_parameter(call: object, kind: str, field: str) -> None:
    with pytest.raises(pmkit.PmkitError) as raised:
        call()  # type: ignore[operator]
    assert (raised.value.kind, raised.value.field) == (kind, field)
