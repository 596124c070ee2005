"""pmkit Monte Carlo forecasts from Python: what the shared vectors cannot express."""

from __future__ import annotations

import datetime

import numpy as np
import pytest

import pmkit

HISTORY = [3, 0, 5, 2, 0, 0, 4, 1, 6, 2]


def test_defaults_ten_thousand_trials_seed_zero_four_levels() -> None:
    forecast = pmkit.forecast_when(40, HISTORY)
    assert forecast.trials == 10_000
    assert [p["level"] for p in forecast.percentiles] == [0.5, 0.7, 0.85, 0.95]
    assert forecast == pmkit.forecast_when(40, HISTORY, seed=0)
    assert forecast.deadline_probability is None
    assert sum(bucket["trials"] for bucket in forecast.distribution) == 10_000


def test_seed_changes_the_draws_not_the_picture() -> None:
    a = pmkit.forecast_when(40, HISTORY, trials=20_000, seed=1)
    b = pmkit.forecast_when(40, HISTORY, trials=20_000, seed=2)
    assert a.distribution != b.distribution
    assert abs(a.mean_periods - b.mean_periods) < 0.5


def test_numpy_history_and_dates() -> None:
    forecast = pmkit.forecast_when(
        40,
        np.array(HISTORY, dtype=np.float64),
        start=datetime.date(2026, 3, 31),
        deadline="2026-05-15",
    )
    p50 = forecast.percentiles[0]
    assert p50["date"] == (datetime.date(2026, 3, 31) + datetime.timedelta(days=p50["periods"])).isoformat()
    assert 0.0 < forecast.deadline_probability <= 1.0
    assert forecast == pmkit.forecast_when(40, HISTORY, start="2026-03-31", deadline="2026-05-15")


def test_how_many_reads_from_the_low_end() -> None:
    forecast = pmkit.forecast_how_many(HISTORY, periods=30)
    values = [p["value"] for p in forecast.percentiles]
    assert values == sorted(values, reverse=True)  # more confidence, fewer items
    by_date = pmkit.forecast_how_many(HISTORY, start="2026-03-01", period_days=7, deadline="2026-03-29", trials=100)
    assert by_date.periods == 4


def test_epics_keyword_options() -> None:
    forecast = pmkit.forecast_epics(
        [{"name": "A", "low": 5, "high": 10}, {"name": "B", "low": 5, "high": 10}],
        HISTORY,
        wip_limit=2,
        split_rate={"low": 0.0, "high": 0.2},
        risks=[{"name": "r", "epic": "B", "probability": 0.5, "low": 1, "high": 3}],
        trials=2_000,
    )
    assert [epic["name"] for epic in forecast.epics] == ["A", "B"]
    assert forecast.all[-1]["periods"] >= forecast.epics[0]["percentiles"][-1]["periods"]
    assert "EpicsForecast(trials=2000" in repr(forecast)


def test_errors() -> None:
    with pytest.raises(pmkit.UndefinedMetricError) as raised:
        pmkit.forecast_when(10, [0, 0])
    assert raised.value.field == "history"
    with pytest.raises(pmkit.OutOfRangeError):
        pmkit.forecast_when(10, HISTORY, trials=10_000_000)
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.forecast_how_many(HISTORY)
    assert raised.value.field == "periods"
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.forecast_epics([{"name": "A"}], HISTORY)
    assert raised.value.field == "epics[0]"  # the epic missing its fields
