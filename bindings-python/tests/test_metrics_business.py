"""The product manager's KPIs in Python: defaults, keywords, error classes, result objects.

The numbers themselves are checked by the shared vectors (test_vectors.py); these tests
cover what the vectors cannot express.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import pmkit


# ------------------------------------------------------------------ defaults and keywords


def test_csat_defaults_are_a_five_point_scale_with_4_and_5_satisfied() -> None:
    answers = [5, 4, 3, 2, 1, 5]
    assert pmkit.customer_satisfaction_score(answers) == 0.5
    assert pmkit.customer_satisfaction_score(answers, scale_max=5, satisfied_min=4, method="share") == 0.5
    with pytest.raises(TypeError):  # options are keywords, never positional
        pmkit.customer_satisfaction_score(answers, 5)  # type: ignore[misc]
    assert pmkit.customer_satisfaction_score(answers, satisfied_min=5) == pytest.approx(2 / 6)
    assert pmkit.customer_satisfaction_score(answers, method="mean") == pytest.approx(20 / 6)


def test_csat_accepts_numpy_answers() -> None:
    answers = np.array([5, 4, 3, 1], dtype=np.int64)
    assert pmkit.customer_satisfaction_score(answers) == 0.5  # type: ignore[arg-type]


def test_roi_years_is_optional_and_keyword() -> None:
    assert pmkit.return_on_investment(1200, 1000) == pytest.approx(0.2)
    assert pmkit.return_on_investment(1200, 1000, years=None) == pytest.approx(0.2)
    assert pmkit.return_on_investment(gain=2000, cost=1000, years=5) == pytest.approx(2 ** 0.2 - 1)


def test_churn_defaults_to_start_method_with_no_new_customers() -> None:
    assert pmkit.churn_rate(200, 10) == 0.05
    assert pmkit.churn_rate(200, 10, method="start") == 0.05
    assert pmkit.churn_rate(1000, 50, new_customers=200, method="average") == pytest.approx(50 / 1075)
    assert pmkit.churn_rate(
        customers_at_start=1000, customers_lost=50, new_customers=200, method="serviced"
    ) == pytest.approx(50 / 1200)


def test_clv_margin_defaults_to_revenue() -> None:
    assert pmkit.customer_lifetime_value(300, 5, 2) == 3000.0
    assert pmkit.customer_lifetime_value(300, 5, 2, margin=0.4) == pytest.approx(1200.0)


def test_revenue_columns_from_numpy() -> None:
    # numpy arrays are accepted at runtime; the stubs type the columns as Sequence[float].
    prices = np.array([49.0, 1500.0])
    quantities = np.array([120.0, 3.0])
    assert pmkit.product_revenue(prices, quantities) == 10380.0  # type: ignore[arg-type]
    assert pmkit.product_revenue([], []) == 0.0
    assert pmkit.monthly_recurring_revenue(np.full(100, 50.0)) == 5000.0  # type: ignore[arg-type]


def test_keyword_names_match_the_rust_parameters() -> None:
    assert pmkit.average_revenue_per_user(revenue=5000, customers=100) == 50.0
    assert pmkit.market_share(product_revenue=25, total_market=100) == 0.25
    assert pmkit.forecast_attainment(actual=100, forecast=100) == 1.0
    assert pmkit.feature_adoption_rate(feature_users=1200, active_users=8000) == 0.15
    assert pmkit.stickiness(dau=1000, mau=4000) == 0.25
    assert pmkit.customer_retention_rate(
        customers_at_start=100, customers_at_end=90, new_customers=10
    ) == pytest.approx(0.8)
    assert pmkit.funnel_conversion(steps=[10, 5]).overall == 0.5


# ------------------------------------------------------------------ errors


@pytest.mark.parametrize(
    "call, error_class, kind, field",
    [
        (lambda: pmkit.return_on_investment(100, 0), pmkit.UndefinedMetricError, "undefined", "cost"),
        (lambda: pmkit.customer_satisfaction_score([5, 6]), pmkit.OutOfRangeError, "out_of_range", "responses[1]"),
        (lambda: pmkit.customer_satisfaction_score([5], method="median"), pmkit.ParseError, "parse", "method"),  # type: ignore[arg-type]
        (lambda: pmkit.customer_satisfaction_score([5], scale_max=5.5), pmkit.InvalidInputError, "invalid_input", "scale_max"),
        (lambda: pmkit.churn_rate(10, 1, method="monthly"), pmkit.ParseError, "parse", "method"),  # type: ignore[arg-type]
        (lambda: pmkit.churn_rate(10, 1, new_customers=-1), pmkit.InvalidInputError, "invalid_input", "new_customers"),
        (lambda: pmkit.funnel_conversion([100, 50, 60]), pmkit.OutOfRangeError, "out_of_range", "steps[2]"),
        (lambda: pmkit.stickiness(1, math.nan), pmkit.InvalidInputError, "invalid_input", "mau"),
        (lambda: pmkit.product_revenue([1.0], [math.inf]), pmkit.InvalidInputError, "invalid_input", "quantities[0]"),
        (lambda: pmkit.customer_lifetime_value(1, 1, 1, margin=40), pmkit.OutOfRangeError, "out_of_range", "margin"),
    ],
)
def test_errors_are_the_kind_subclass_of_a_value_error(call, error_class, kind, field) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error_class) as raised:
        call()
    err = raised.value
    assert isinstance(err, pmkit.PmkitError) and isinstance(err, ValueError)
    assert (err.kind, err.field) == (kind, field)
    assert str(err).startswith(field + ": ")


def test_roi_overflow_is_an_error_not_infinity() -> None:
    with pytest.raises(pmkit.OutOfRangeError):
        pmkit.return_on_investment(1e308, 1e-308)


def test_wrong_python_types_are_pmkit_errors_naming_the_parameter() -> None:
    cases = [
        (lambda: pmkit.churn_rate("200", 10), "customers_at_start"),  # type: ignore[arg-type]
        (lambda: pmkit.churn_rate(True, 10), "customers_at_start"),  # type: ignore[arg-type]
        (lambda: pmkit.churn_rate(200, 10, new_customers=True), "new_customers"),
        (lambda: pmkit.customer_satisfaction_score([5], method=1), "method"),  # type: ignore[arg-type]
        (lambda: pmkit.net_promoter_score([10, None]), "responses[1]"),  # type: ignore[list-item]
        (lambda: pmkit.net_promoter_score([True, False]), "responses[0]"),
        (lambda: pmkit.net_promoter_score("10"), "responses"),  # type: ignore[arg-type]
        (lambda: pmkit.conversion_rate([5], 10), "conversions"),  # type: ignore[arg-type]
        (lambda: pmkit.churn_rate(200, 10, new_customrs=1), "new_customrs"),  # type: ignore[call-arg]
    ]
    for call, field in cases:
        with pytest.raises(pmkit.PmkitError) as raised:
            call()
        assert raised.value.field == field, raised.value


# ------------------------------------------------------------------ the funnel result object


def test_funnel_result_attributes_and_dict() -> None:
    funnel = pmkit.funnel_conversion([1000, 200, 50, 10])
    assert funnel.step_rates == [0.2, 0.25, 0.2]
    assert funnel.cumulative_rates == [1.0, 0.2, 0.05, 0.01]
    assert funnel.drop_off == [800, 150, 40]
    assert all(isinstance(people, int) for people in funnel.drop_off)
    assert funnel.overall == 0.01
    assert funnel.to_dict() == {
        "step_rates": [0.2, 0.25, 0.2],
        "cumulative_rates": [1.0, 0.2, 0.05, 0.01],
        "drop_off": [800, 150, 40],
        "overall": 0.01,
    }


def test_funnel_step_after_nobody_is_none() -> None:
    assert pmkit.funnel_conversion([10, 0, 0]).step_rates == [0.0, None]


def test_funnel_repr_and_equality() -> None:
    funnel = pmkit.funnel_conversion([10, 5])
    assert repr(funnel) == "FunnelConversion(step_rates=[0.5], cumulative_rates=[1.0, 0.5], drop_off=[5], overall=0.5)"
    assert funnel == pmkit.funnel_conversion([10, 5])
    assert funnel != pmkit.funnel_conversion([10, 4])
    assert isinstance(funnel, pmkit.FunnelConversion)
