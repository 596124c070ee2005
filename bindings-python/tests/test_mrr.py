"""MRR movements: the sum check holds exactly every month on random ledgers, and inputs
are read strictly."""

from __future__ import annotations

import datetime as dt
import random

import pytest

import pmkit


def millionths(value: float) -> int:
    return round(value * 1_000_000)


def random_ledger(rng: random.Random) -> tuple[list[str], list[str], list[float]]:
    customers, dates, mrr = [], [], []
    for _ in range(rng.randint(1, 300)):
        customers.append(f"c{rng.randint(0, 40)}")
        day = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
        dates.append(day.isoformat())
        mrr.append(rng.choice([0.0, round(rng.uniform(1, 500), 2), round(rng.uniform(0, 1), 6)]))
    return customers, dates, mrr


def test_the_sum_check_holds_exactly_every_month() -> None:
    rng = random.Random(16)
    for _ in range(200):
        months = pmkit.mrr_movements(*random_ledger(rng))
        for month in months:
            gained = millionths(month.new_mrr) + millionths(month.expansion_mrr) + millionths(month.reactivation_mrr)
            lost = millionths(month.contraction_mrr) + millionths(month.churned_mrr)
            assert millionths(month.starting_mrr) + gained - lost == millionths(month.ending_mrr), month
            counted = month.new_customers + month.reactivated_customers - month.churned_customers
            assert month.customers_at_start + counted == month.customers_at_end
        for before, after in zip(months, months[1:]):
            assert before.ending_mrr == after.starting_mrr


def test_dates_may_be_dates_or_iso_text() -> None:
    customers, dates, mrr = random_ledger(random.Random(3))
    native = [dt.date.fromisoformat(day) for day in dates]
    assert pmkit.mrr_movements(customers, native, mrr) == pmkit.mrr_movements(customers, dates, mrr)
    with pytest.raises(pmkit.PmkitError) as raised:
        pmkit.mrr_movements(["a", "b"], [dt.date(2026, 1, 1), 7], [1.0, 2.0])
    assert raised.value.field == "dates[1]"
    with pytest.raises(pmkit.PmkitError) as raised:
        pmkit.mrr_movements(["a"], "2026-01-01", [1.0])
    assert raised.value.field == "dates"


@pytest.mark.parametrize(
    "call,kind,field",
    [
        (lambda: pmkit.mrr_movements([], [], []), "undefined", "customers"),
        (lambda: pmkit.mrr_movements(["a"], ["2026-01-01"], [float("nan")]), "invalid_input", "mrr[0]"),
        (lambda: pmkit.mrr_movements(["a"], ["2026-01-01"], [2e9]), "out_of_range", "mrr[0]"),
        (lambda: pmkit.mrr_movements(["a", "b"], ["2026-01-01"], [1.0, 2.0]), "invalid_input", "dates"),
    ],
)
def test_bad_input_names_the_parameter(call: object, kind: str, field: str) -> None:
    with pytest.raises(pmkit.PmkitError) as raised:
        call()  # type: ignore[operator]
    assert (raised.value.kind, raised.value.field) == (kind, field)
