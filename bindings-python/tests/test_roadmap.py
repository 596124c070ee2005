"""Roadmaps (pmkit::roadmap) from Python: what the vectors cannot express (date types,
defaults, keywords, error subclasses, result objects, JSON round trips)."""

from __future__ import annotations

import datetime

import pytest

import pmkit


def test_a_cycle_is_named() -> None:
    roadmap = pmkit.sample_roadmap()
    roadmap["dependencies"].append({"from": "PAY-3", "to": "PAY-1"})
    report = pmkit.validate_roadmap(roadmap)
    assert not report.valid
    cycle = report.issues[0]
    assert cycle["kind"] == "cycle"
    assert cycle["items"] == ["PAY-1", "PAY-3", "PAY-1"]
    assert "PAY-1 → PAY-3 → PAY-1" in cycle["message"]


def test_progress_and_feasibility_of_the_sample() -> None:
    roadmap, backlog = pmkit.sample_roadmap(), pmkit.sample_backlog()
    progress = pmkit.roadmap_progress(roadmap, backlog)
    epic = next(item for item in progress.items if item["id"] == "PAY-1")
    assert epic["progress"]["done_points"] == 13
    assert epic["progress"]["cancelled_items"] == 1
    epics = pmkit.remaining_epics(roadmap, backlog)
    plan = pmkit.feasibility(
        epics, [21, 18, 24, 20, 13], first_sprint_start=datetime.date(2026, 3, 16), wip_limit=2
    )
    assert plan.mean_velocity == 19
    assert plan.missed == ["PAY-1"]
    assert plan.epics[0]["finish_date"] == "2026-05-24"
    # Defaults: 14-day sprints, one epic at a time, a window of 3.
    assert pmkit.feasibility(epics, [19], "2026-03-16") == pmkit.feasibility(
        epics, [19], "2026-03-16", sprint_length_days=14, wip_limit=1, window=3
    )


def test_lifecycle_moves() -> None:
    lifecycle = pmkit.new_lifecycle("introduction", datetime.date(2025, 3, 1))
    grown = pmkit.advance_lifecycle(lifecycle, "growth", "2025-11-01")
    assert [change["stage"] for change in grown["history"]] == ["introduction", "growth"]
    assert len(lifecycle["history"]) == 1  # the argument is untouched
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.advance_lifecycle(grown, "introduction", "2026-01-01")
    assert raised.value.field == "stage"
    back = pmkit.advance_lifecycle(grown, "introduction", "2026-01-01", allow_backward=True)
    assert back["history"][-1] == {"stage": "introduction", "date": "2026-01-01"}


def test_errors_and_records() -> None:
    roadmap = pmkit.sample_roadmap()
    roadmap["items"][1]["id"] = "OBJ-1"
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.validate_roadmap(roadmap)
    assert raised.value.field == "roadmap.items[1].id"
    with pytest.raises(pmkit.UndefinedMetricError) as undefined:
        pmkit.feasibility([{"id": "E", "remaining_points": 5}], [0], "2026-03-16")
    assert undefined.value.field == "velocity_history"
    report = pmkit.validate_roadmap(pmkit.sample_roadmap())
    assert report == pmkit.validate_roadmap(pmkit.sample_roadmap())
    assert repr(report) == "RoadmapValidation(valid=True, issues=[], cycles_truncated=False)"


def test_json_round_trip() -> None:
    roadmap = pmkit.sample_roadmap()
    assert pmkit.roadmap_from_json(pmkit.roadmap_to_json(roadmap)) == roadmap
    with pytest.raises(pmkit.ParseError):
        pmkit.roadmap_from_json("{}")


def test_strict_parameters_and_keyword_options() -> None:
    epics = [{"id": "E", "remaining_points": 5}]
    with pytest.raises(pmkit.OutOfRangeError) as raised:
        pmkit.feasibility(epics, [20], "2026-03-16", wip_limit=0)
    assert raised.value.field == "wip_limit"
    for bad in (True, "2", 1.5):
        with pytest.raises(pmkit.InvalidInputError) as raised:
            pmkit.feasibility(epics, [20], "2026-03-16", wip_limit=bad)  # type: ignore[arg-type]
        assert raised.value.field == "wip_limit"
    with pytest.raises(pmkit.ParseError) as raised:
        pmkit.feasibility(epics, [20], "2026-03-16", sprint_length=7)  # type: ignore[call-arg]
    assert raised.value.field == "sprint_length"
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.feasibility(epics, [20, None], "2026-03-16")  # type: ignore[list-item]
    assert raised.value.field == "velocity_history[1]"
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.new_lifecycle(7, "2025-03-01")  # type: ignore[arg-type]
    assert raised.value.field == "stage"
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.roadmap_from_json(None)  # type: ignore[arg-type]
    assert raised.value.field == "text"
