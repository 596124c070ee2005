"""The product owner's metrics and the catalog from Python: what the vectors cannot express
(date types, defaults, keywords, error subclasses, result objects, the catalog)."""

from __future__ import annotations

import datetime
import inspect
from pathlib import Path

import pytest

import pmkit

# ---------------------------------------------------------------- dates


def test_time_to_market_accepts_dates_and_iso_strings() -> None:
    concept = datetime.date(2026, 1, 15)
    assert pmkit.time_to_market(concept, datetime.date(2026, 4, 15)) == 90
    assert pmkit.time_to_market("2026-01-15", "2026-04-15") == 90
    assert pmkit.time_to_market(concept_date=concept, launch_date="2026-04-15") == 90


def test_time_to_market_returns_an_int() -> None:
    assert isinstance(pmkit.time_to_market("2026-01-01", "2026-01-02"), int)


def test_datetimes_and_timestamps_name_a_day_as_dates_do() -> None:
    # A naive datetime names its own day; an aware one (a pandas Timestamp too) names
    # the UTC day of its instant, as a JavaScript Date and ISO text with an offset do.
    import pandas as pd

    assert pmkit.time_to_market(datetime.datetime(2026, 1, 15, 23, 30), "2026-01-16") == 1
    new_york = datetime.timezone(datetime.timedelta(hours=-5))
    evening = datetime.datetime(2026, 1, 15, 23, 30, tzinfo=new_york)  # 04:30 UTC on the 16th
    assert pmkit.time_to_market(evening, "2026-01-16") == 0
    assert pmkit.time_to_market("2026-01-15T23:30:00-05:00", "2026-01-16") == 0
    assert pmkit.time_to_market(pd.Timestamp("2026-01-15 23:30", tz="UTC"), "2026-01-16") == 1
    assert pmkit.time_to_market(pd.Timestamp("2026-01-15 23:30"), "2026-01-16") == 1


def test_a_date_of_another_type_is_invalid_input() -> None:
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.time_to_market("2026-01-15", 20260415)  # type: ignore[arg-type]
    assert raised.value.field == "launch_date"
    assert "int" in str(raised.value)


def test_bad_date_text_is_the_cores_parse_error() -> None:
    with pytest.raises(pmkit.ParseError) as raised:
        pmkit.time_to_market("15/01/2026", "2026-04-15")
    assert raised.value.kind == "parse"
    assert raised.value.field == "concept_date"


def test_launch_before_concept_names_both_dates() -> None:
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.time_to_market(datetime.date(2026, 5, 10), datetime.date(2026, 5, 1))
    message = str(raised.value)
    assert message.startswith("launch_date: ")
    assert "2026-05-01" in message and "2026-05-10" in message
    assert isinstance(raised.value, ValueError)


# ---------------------------------------------------------------- velocity


def test_velocity_default_window_is_three() -> None:
    # The default lives in the core (VelocityOptions) and reaches the generated stub.
    stub = (Path(pmkit.__file__).parent / "_pmkit.pyi").read_text(encoding="utf-8")
    assert "def team_velocity(completed_points: Numbers, *, window: int | None = 3)" in stub
    points = [1, 5, 20, 24, 22]
    assert pmkit.team_velocity(points) == pmkit.team_velocity(points, window=3)
    assert pmkit.team_velocity(points).sprints == 3


def test_velocity_result_object() -> None:
    summary = pmkit.team_velocity([5, 20, 24, 22])
    assert summary.to_dict() == {
        "mean": 22.0,
        "median": 22.0,
        "standard_deviation": 2.0,
        "min": 20.0,
        "max": 24.0,
        "sprints": 3,
    }
    assert repr(summary).startswith("VelocitySummary(mean=22.0, median=22.0, ")
    assert summary != pmkit.team_velocity([5, 20, 24, 22], window=4)
    with pytest.raises(AttributeError):
        summary.mean = 1.0  # type: ignore[misc]


def test_velocity_of_one_sprint_has_no_standard_deviation() -> None:
    assert pmkit.team_velocity([13]).standard_deviation is None


def test_velocity_accepts_tuples_and_numpy_arrays() -> None:
    numpy = pytest.importorskip("numpy")
    expected = pmkit.team_velocity([8.0, 12.0])
    assert pmkit.team_velocity((8, 12)) == expected
    assert pmkit.team_velocity(numpy.array([8.0, 12.0])) == expected


def test_velocity_errors_are_subclasses_by_kind() -> None:
    with pytest.raises(pmkit.UndefinedMetricError):
        pmkit.team_velocity([])
    with pytest.raises(pmkit.OutOfRangeError) as out_of_range:
        pmkit.team_velocity([3], window=0)
    assert out_of_range.value.field == "window"
    with pytest.raises(pmkit.InvalidInputError) as invalid:
        pmkit.team_velocity([3, float("nan")])
    assert invalid.value.field == "completed_points[1]"


# ---------------------------------------------------------------- backlog, burndown


def test_backlog_completion_rate_by_keyword() -> None:
    assert pmkit.backlog_completion_rate(completed=34, planned=40) == 0.85
    assert pmkit.backlog_completion_rate(2.5, 5) == 0.5  # points may be fractional
    with pytest.raises(pmkit.OutOfRangeError):
        pmkit.backlog_completion_rate(completed=9, planned=8)


def test_sprint_burndown_result_object() -> None:
    chart = pmkit.sprint_burndown(committed_points=40, remaining_points=[32, 25], sprint_days=4)
    assert chart.ideal == [40.0, 30.0, 20.0, 10.0, 0.0]
    assert chart.actual == [40.0, 32.0, 25.0]
    assert chart.gap == [0.0, 2.0, 5.0]
    assert chart.to_dict() == {"ideal": chart.ideal, "actual": chart.actual, "gap": chart.gap}
    assert chart == pmkit.sprint_burndown(40, [32, 25], 4)
    assert repr(chart).startswith("SprintBurndown(ideal=[40.0, 30.0")


def test_sprint_burndown_rejects_a_fractional_day_count() -> None:
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.sprint_burndown(10, [], 2.5)
    assert raised.value.field == "sprint_days"


# ---------------------------------------------------------------- quality


def test_defect_density_weights_are_keyword_and_optional() -> None:
    assert pmkit.defect_density([30], 15) == 2.0
    assert pmkit.defect_density([30], 15, severity_weights=None) == 2.0
    assert pmkit.defect_density([2, 5, 10], size_kloc=9, severity_weights=[10, 3, 1]) == 5.0


def test_defect_escape_rate_errors() -> None:
    with pytest.raises(pmkit.UndefinedMetricError) as raised:
        pmkit.defect_escape_rate(0, 0)
    assert raised.value.field == "found_before_release"
    with pytest.raises(pmkit.InvalidInputError):
        pmkit.defect_escape_rate(1.5, 3)


# ---------------------------------------------------------------- stakeholders

MATRIX = [
    {"name": "CFO", "current": "resistant", "desired": "supportive"},
    {"name": "Support lead", "current": "neutral", "desired": "neutral"},
    {"name": "Sales VP", "current": "leading", "desired": "supportive"},
    {"name": "Legal", "current": "unaware", "desired": "neutral"},
]


def test_stakeholder_engagement_result_object() -> None:
    result = pmkit.stakeholder_engagement(MATRIX)
    assert result.share_at_or_above_desired == 0.5
    assert result.mean_gap == 1.0
    assert result.gaps == [
        {"name": "CFO", "current": "resistant", "desired": "supportive", "shortfall": 2},
        {"name": "Legal", "current": "unaware", "desired": "neutral", "shortfall": 2},
    ]
    assert result == pmkit.stakeholder_engagement(stakeholders=tuple(MATRIX))
    assert repr(result).startswith("StakeholderEngagement(share_at_or_above_desired=0.5, ")


def test_stakeholder_entries_must_be_dicts_with_known_levels() -> None:
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.stakeholder_engagement([MATRIX[0], "CFO"])  # type: ignore[list-item]
    assert raised.value.field == "stakeholders[1]"
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.stakeholder_engagement([{"name": "CFO", "current": "champion", "desired": "leading"}])
    assert raised.value.field == "stakeholders[0].current"
    assert "champion" in str(raised.value)
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.stakeholder_engagement([{"name": "", "current": "neutral", "desired": "leading"}])
    assert raised.value.field == "stakeholders[0].name"
    with pytest.raises(pmkit.UndefinedMetricError):
        pmkit.stakeholder_engagement([])


# ---------------------------------------------------------------- catalog


def test_catalog_lists_every_metric_once() -> None:
    catalog = pmkit.metrics_catalog()
    ids = [info.id for info in catalog]
    assert len(ids) == 22 == len(set(ids))
    for info in catalog:
        assert info.function == info.id
        assert info.name and info.formula and info.source
        assert info.unit in {
            "fraction", "score", "money", "money_per_month", "money_per_user", "days",
            "defects_per_kloc", "points", "points_per_sprint",
        }


def test_catalog_owners_follow_the_domain_source() -> None:
    owner = {info.id for info in pmkit.metrics_catalog() if info.owners == ["product_owner"]}
    assert owner == {
        "backlog_completion_rate", "time_to_market", "churn_rate", "customer_retention_rate",
        "defect_density", "defect_escape_rate", "team_velocity", "sprint_burndown",
        "stakeholder_engagement",
    }
    manager = [info for info in pmkit.metrics_catalog() if info.owners == ["product_manager"]]
    assert len(manager) == 13


def test_catalog_entry_object() -> None:
    info = next(i for i in pmkit.metrics_catalog() if i.id == "sprint_burndown")
    assert info.higher_is_better is None
    assert info.unit == "points"
    assert info.to_dict()["owners"] == ["product_owner"]
    assert "PMBOK" in next(i for i in pmkit.metrics_catalog() if i.id == "stakeholder_engagement").source
    assert repr(info).startswith("MetricInfo(id='sprint_burndown', ")


def test_every_catalog_function_exists_in_pmkit() -> None:
    missing = [info.function for info in pmkit.metrics_catalog() if not callable(getattr(pmkit, info.function, None))]
    assert missing == []
