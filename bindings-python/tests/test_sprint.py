"""Sprints (pmkit::sprint) from Python: what the vectors cannot express (date types,
defaults, keywords, error subclasses, result objects, JSON round trips)."""

from __future__ import annotations

import copy
import datetime

import pytest

import pmkit


def test_the_hand_computed_sprint() -> None:
    report = pmkit.sprint_report(pmkit.sample_sprint())
    assert report.count_by == "points"  # the default
    assert report.working_days == 9
    assert report.ideal == [16, 14, 12, 10, 8, 8, 8, 6, 6, 4, 2, 0]
    assert report.remaining == [18, 15, 18, 16, 16, 16, 16, 19, 19, 16, 11, 8]
    assert report.committed == {"items": 5, "points": 18}
    assert report.completed == {"items": 4, "points": 13}
    assert report.cancelled == {"items": 1, "points": 3}
    assert report.re_estimated == {"items": 1, "points": 3}
    assert report.carry_over == [{"id": "C", "points": 8, "committed": True}]
    assert report.say_do_ratio == pytest.approx(10 / 18)
    by_items = pmkit.sprint_report(pmkit.sample_sprint(), count_by="items")
    assert by_items.remaining[-1] == 1


def test_dates_as_date_objects_or_strings() -> None:
    sprint = pmkit.new_sprint("S-1", "Sprint 1", datetime.date(2026, 3, 2), "2026-03-13", goal="g", team=["ana"])
    assert sprint == {
        "id": "S-1",
        "name": "Sprint 1",
        "goal": "g",
        "start": "2026-03-02",
        "end": "2026-03-13",
        "team": ["ana"],
        "state": "planned",
    }
    days = pmkit.working_days(datetime.date(2026, 3, 2), datetime.date(2026, 3, 8))
    assert len(days) == 5
    # A datetime names its day (naive: its own; aware: the UTC day), as a date does.
    assert pmkit.working_days(datetime.datetime(2026, 3, 2, 9), "2026-03-08") == days
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.working_days(20260302, "2026-03-08")  # type: ignore[arg-type]
    assert raised.value.field == "start"


def test_error_subclasses_and_fields() -> None:
    with pytest.raises(pmkit.OutOfRangeError) as raised:
        pmkit.new_sprint("S-1", "Sprint 1", "2026-03-02", "2026-04-02")
    assert raised.value.field == "end"
    assert "one month" in str(raised.value)
    log = pmkit.sample_sprint()
    log["events"][2]["id"] = "Z"
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.sprint_report(log)
    assert raised.value.field == "log.events[2].id"
    with pytest.raises(pmkit.UndefinedMetricError):
        pmkit.velocity([])
    with pytest.raises(pmkit.ParseError):
        pmkit.sprint_report(pmkit.sample_sprint(), count_by="hours")


def test_records_compare_repr_and_dict() -> None:
    history = pmkit.sample_sprint_history()
    first = pmkit.velocity(history)
    assert first == pmkit.velocity(history, window=3)
    assert first != pmkit.velocity(history, window=5)
    assert repr(first).startswith("Velocity(sprint_ids=['S-10', 'S-11', 'S-12']")
    assert first.to_dict()["points"]["trend"] == -5.5
    plan = pmkit.plan_capacity(history, available_person_days=36)
    assert plan.points == pytest.approx(36 * 57 / 112)
    capacity = pmkit.sprint_capacity(
        pmkit.sample_sprint()["sprint"], [{"name": "ana", "focus_factor": 0.8}], calendar={"holidays": ["2026-03-10"]}
    )
    assert capacity.focus_days == pytest.approx(9 * 0.8)
    assert capacity.hours is None


def test_json_round_trip_leaves_the_argument_untouched() -> None:
    log = pmkit.sample_sprint()
    before = copy.deepcopy(log)
    text = pmkit.sprint_log_to_json(log)
    assert pmkit.sprint_log_from_json(text) == log
    assert log == before
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.sprint_log_to_json({"sprint": log["sprint"]})
    assert raised.value.field == "log"


def test_strict_parameters_and_keyword_options() -> None:
    sprint = pmkit.new_sprint("S-1", "Sprint 1", "2026-03-02", "2026-03-13", state="active", goal=None)
    assert (sprint["state"], sprint["goal"]) == ("active", None)
    history = pmkit.sample_sprint_history()
    assert pmkit.plan_capacity(history, 36, window=5).sprints == 5
    assert len(pmkit.working_days("2026-03-02", "2026-03-13", calendar={"holidays": ["2026-03-10"]})) == 9
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.plan_capacity(history, None)  # type: ignore[arg-type]
    assert raised.value.field == "available_person_days"
    for bad in (True, "36"):
        with pytest.raises(pmkit.InvalidInputError):
            pmkit.plan_capacity(history, bad)  # type: ignore[arg-type]
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.velocity(history, window=True)  # type: ignore[arg-type]
    assert raised.value.field == "window"
    with pytest.raises(pmkit.ParseError) as raised:
        pmkit.velocity(history, windw=3)  # type: ignore[call-arg]
    assert raised.value.field == "windw"
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.new_sprint(1, "Sprint 1", "2026-03-02", "2026-03-13")  # type: ignore[arg-type]
    assert raised.value.field == "id"
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.working_days("2026-03-02", "2026-03-13", calendar={"weekends": []})  # type: ignore[typeddict-unknown-key]
    assert raised.value.field == "calendar.weekends"
