"""DataFrames out: every tabular analytics result as an Arrow table, a polars and a
pandas DataFrame (long and, for retention, wide), and an HTML table; values equal the
result's own fields, dates are dates; dates in the result attributes are
``datetime.date`` while ``to_dict()`` keeps the JSON form."""

from __future__ import annotations

import datetime
import math
import sys
from typing import Any

import numpy as np
import pandas as pd
import pytest

import pmkit

pl = pytest.importorskip("polars")
pa = pytest.importorskip("pyarrow")

# 19002 is Monday 2022-01-10.
USERS = [1, 2, 1, 3, 2, 4, 1, 3]
DAYS = [19002, 19003, 19010, 19015, 19017, 19018, 19024, 19031]
EVENTS = ["view", "view", "cart", "view", "buy", "view", "buy", "cart"]


def _results() -> dict[str, Any]:
    return {
        "retention": pmkit.retention(USERS, DAYS, unit="days"),
        "active_users": pmkit.active_users(USERS, DAYS, unit="days"),
        "churn": pmkit.activity_churn(USERS, DAYS, unit="days", inactive_days=7),
        "adoption": pmkit.feature_adoption(USERS, DAYS, EVENTS, "buy", unit="days"),
        "funnel": pmkit.event_funnel(USERS, DAYS, EVENTS, ["view", "cart", "buy"], unit="days"),
        "stickiness": pmkit.stickiness_histogram(USERS, DAYS, unit="days"),
        "lifecycle": pmkit.user_lifecycle(USERS, DAYS, unit="days"),
    }


RESULTS = _results()


def _same(a: Any, b: Any) -> bool:
    """Equal, with None, NaN and NaT all meaning missing."""
    missing = lambda v: v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NaT  # noqa: E731
    return (missing(a) and missing(b)) or a == b


def test_retention_long_form_is_one_row_per_observable_cell() -> None:
    matrix = RESULTS["retention"]
    frame = matrix.to_pandas()
    assert list(frame.columns) == ["cohort_start", "cohort_size", "period", "returned", "rate"]
    expected = [
        (start, size, k, count, matrix.rates[c][k])
        for c, (start, size) in enumerate(zip(matrix.cohort_starts, matrix.cohort_sizes))
        for k, count in enumerate(matrix.counts[c])
        if count is not None
    ]
    rows = [
        (row.cohort_start.date(), row.cohort_size, row.period, row.returned, row.rate)
        for row in frame.itertuples()
    ]
    assert len(rows) == len(expected)
    for got, want in zip(rows, expected):
        assert all(_same(g, w) for g, w in zip(got, want)), (got, want)
    assert str(frame["cohort_start"].dtype).startswith("datetime64")
    assert frame["period"].dtype == np.int64 and frame["returned"].dtype == np.int64
    assert frame["rate"].dtype == np.float64


def test_retention_wide_form_is_the_rate_matrix() -> None:
    matrix = RESULTS["retention"]
    wide = matrix.to_pandas(wide=True)
    periods = max(len(row) for row in matrix.rates)
    assert list(wide.columns) == ["cohort_start", "cohort_size"] + [str(k) for k in range(periods)]
    for c, row in enumerate(matrix.rates):
        for k in range(periods):
            want = row[k] if k < len(row) else None
            assert _same(wide[str(k)][c], want)
    polars_wide = matrix.to_polars(wide=True)
    assert polars_wide.columns == list(wide.columns)
    assert polars_wide["cohort_start"].to_list() == matrix.cohort_starts


@pytest.mark.parametrize("name", RESULTS.keys())
def test_arrow_polars_and_pandas_hold_the_same_table(name: str) -> None:
    result = RESULTS[name]
    table = pa.table(result.to_arrow())
    polars = result.to_polars()
    pandas = result.to_pandas()
    assert table.column_names == polars.columns == list(pandas.columns)
    assert table.num_rows == polars.height == len(pandas) > 0
    for column in table.column_names:
        arrow_values = table[column].to_pylist()
        assert polars[column].to_list() == arrow_values
        for got, want in zip(pandas[column].tolist(), arrow_values):
            if isinstance(want, datetime.date):
                got = got.date()
            assert _same(got, want), (column, got, want)
    # Dates are dates, counts integers, rates floats, in every form.
    for field in table.schema:
        if field.name in ("day", "cohort_start", "period_start"):
            assert field.type == pa.date32()
            assert polars.schema[field.name] == pl.Date
    assert "<table" in result._repr_html_() and table.column_names[0] in result._repr_html_()


def test_long_forms_match_the_result_fields() -> None:
    active = RESULTS["active_users"].to_polars()
    assert active.columns == ["day", "dau", "wau", "mau", "stickiness"]
    assert active["day"].to_list() == RESULTS["active_users"].days
    assert active["dau"].to_list() == RESULTS["active_users"].dau
    assert active["stickiness"].to_list() == RESULTS["active_users"].stickiness
    churn = RESULTS["churn"].to_polars()
    assert churn.columns == ["period_start", "active", "churned", "churn_rate", "retention_rate"]
    assert churn["churned"].to_list() == RESULTS["churn"].churned
    adoption = RESULTS["adoption"].to_polars()
    assert adoption["rate"].to_list() == RESULTS["adoption"].rate
    assert adoption["period_start"].to_list() == RESULTS["adoption"].period_starts
    histogram = RESULTS["stickiness"]
    frame = histogram.to_polars()
    assert frame.columns == ["period_start", "complete", "active", "days", "users", "at_least"]
    first = frame.filter(pl.col("period_start") == histogram.period_starts[0])
    assert first["users"].to_list() == histogram.users[0]
    assert first["at_least"].to_list() == histogram.at_least[0]
    assert first["days"].to_list() == list(range(1, len(histogram.users[0]) + 1))
    lifecycle = RESULTS["lifecycle"]
    frame = lifecycle.to_polars()
    assert frame.columns == [
        "period_start", "complete", "new", "returning", "resurrecting", "dormant", "active", "quick_ratio"
    ]
    assert frame["period_start"].to_list() == lifecycle.period_starts
    assert frame["dormant"].to_list() == lifecycle.dormant
    assert frame["quick_ratio"].to_list() == lifecycle.quick_ratio


def test_funnel_steps_are_named_when_the_call_gave_names() -> None:
    named = RESULTS["funnel"].to_polars()
    assert named.columns == [
        "step", "event", "reached", "conversion_from_previous", "conversion_from_start",
        "median_seconds_from_previous",
    ]
    assert named["event"].to_list() == ["view", "cart", "buy"]
    assert named["reached"].to_list() == RESULTS["funnel"].reached
    codes = pmkit.event_funnel(USERS, DAYS, [0, 0, 1, 0, 2, 0, 2, 1], [0, 1, 2], unit="days")
    assert codes.to_pandas()["event"].tolist() == [0, 1, 2]


def test_wide_is_only_for_matrices() -> None:
    with pytest.raises(pmkit.InvalidInputError) as raised:
        RESULTS["active_users"].to_pandas(wide=True)
    assert raised.value.field == "wide"


def test_html_escapes_names() -> None:
    funnel = pmkit.event_funnel([1, 1], [0, 1], ["<b>", "a&b"], ["<b>", "a&b"], unit="days")
    html = funnel._repr_html_()
    assert "&lt;b&gt;" in html and "a&amp;b" in html and "<b>" not in html


def test_long_tables_are_shortened_in_html() -> None:
    active = pmkit.active_users(list(range(100)), list(range(19000, 19100)), unit="days")
    html = active._repr_html_()
    assert "100 rows" in html and "…" in html and html.count("<tr>") == 1 + 20 + 1


def test_dates_are_dates_and_to_dict_keeps_the_json_form() -> None:
    matrix = RESULTS["retention"]
    assert matrix.cohort_starts[0] == datetime.date(2022, 1, 10)
    assert isinstance(matrix.last_day, datetime.date)
    assert matrix.to_dict()["cohort_starts"][0] == "2022-01-10"
    assert RESULTS["active_users"].weeks[0] == datetime.date(2022, 1, 10)
    assert RESULTS["churn"].period_starts[0] == datetime.date(2022, 1, 10)


def test_missing_packages_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        RESULTS["retention"].to_pandas()
    with pytest.raises(ImportError, match="pip install polars"):
        RESULTS["retention"].to_polars()
    # The Arrow table needs neither.
    assert "cohort_start" in pa.table(RESULTS["retention"].to_arrow()).column_names
