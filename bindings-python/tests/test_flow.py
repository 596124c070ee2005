"""pmkit flow metrics from Python: what the shared vectors cannot express."""

from __future__ import annotations

import datetime

import numpy as np
import pytest

import pmkit

WORKFLOW = {
    "columns": [
        {"name": "Backlog", "statuses": ["Backlog"]},
        {"name": "Doing", "statuses": ["In Progress"]},
        {"name": "Done", "statuses": ["Done"]},
    ],
    "backlog": "Backlog",
    "committed": "Doing",
    "done": "Done",
}


def item(key: str, start: str, finish: str | None, kind: str = "story", points: float = 1) -> dict:
    transitions = [{"at": start, "from": "Backlog", "to": "In Progress"}]
    if finish:
        transitions.append({"at": finish, "from": "In Progress", "to": "Done"})
    return {"key": key, "item_type": kind, "points": points, "created": "2026-03-01", "transitions": transitions}


ITEMS = [
    item("A-1", "2026-03-02T09:00:00", "2026-03-04T17:00:00"),
    item("A-2", "2026-03-03T09:00:00", "2026-03-03T12:00:00", "bug", 3),
    item("A-3", "2026-03-04T09:00:00", None),
]


@pytest.fixture
def timelines() -> pmkit.Timelines:
    return pmkit.item_timelines(ITEMS, WORKFLOW, datetime.date(2026, 3, 10))


def test_defaults_are_elapsed_days_and_iso_weeks(timelines: pmkit.Timelines) -> None:
    assert timelines.counting == "elapsed"
    assert pmkit.durations(timelines) == [2.0, 0.0]
    weekly = pmkit.throughput(timelines)
    assert weekly.period == "week"
    assert weekly.ends == ["2026-03-08"]
    assert weekly.values == [2.0]
    assert weekly.by_type == {"bug": [1.0], "story": [1.0]}


def test_keywords_and_points(timelines: pmkit.Timelines) -> None:
    daily = pmkit.throughput(timelines, period="day", measure="points", start="2026-03-02", end=datetime.date(2026, 3, 5))
    assert daily.values == [0.0, 3.0, 1.0, 0.0]
    assert pmkit.wip(timelines, measure="points").values[-1] == 1.0
    inclusive = pmkit.item_timelines(ITEMS, WORKFLOW, "2026-03-10", counting="inclusive")
    assert pmkit.durations(inclusive) == [3.0, 1.0]
    exact = pmkit.item_timelines(ITEMS, WORKFLOW, "2026-03-10", counting="exact")
    assert pmkit.durations(exact, kind="cycle_time")[1] == pytest.approx(0.125)


def test_timelines_object_and_dict_give_the_same_answer(timelines: pmkit.Timelines) -> None:
    as_dict = timelines.to_dict()
    assert pmkit.cumulative_flow(as_dict) == pmkit.cumulative_flow(timelines)
    assert pmkit.net_flow(as_dict, period="day") == pmkit.net_flow(timelines, period="day")


def test_ageing_wip_lists_open_items(timelines: pmkit.Timelines) -> None:
    (open_item,) = pmkit.ageing_wip(timelines)
    assert open_item.key == "A-3"
    assert open_item.column == "Doing"
    assert open_item.age_days == 6.0
    assert "AgeingItem(key='A-3'" in repr(open_item)


def test_percentiles_take_numpy_arrays_and_default_levels() -> None:
    result = pmkit.percentiles(np.array([1.0, 2.0, 3.0, 4.0, 10.0]))
    assert [p.level for p in result] == [0.5, 0.85, 0.95]
    assert result[0].value == 3.0
    assert result[0] == pmkit.percentiles([3, 1, 2, 4, 10], levels=[0.5])[0]
    assert pmkit.histogram(np.array([0, 2, 2], dtype=np.int64)) == [1, 0, 2]


def test_errors_are_pmkit_errors_with_kind_and_field() -> None:
    with pytest.raises(pmkit.ParseError) as raised:
        pmkit.item_timelines(ITEMS, WORKFLOW, "2026-03-10", counting="calendar")
    assert raised.value.field == "counting"
    assert pmkit.item_timelines(ITEMS, WORKFLOW, datetime.datetime(2026, 3, 10, 12)) == pmkit.item_timelines(
        ITEMS, WORKFLOW, "2026-03-10"
    )
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.item_timelines([{"key": "X"}], WORKFLOW, "2026-03-10")
    assert raised.value.field == "items[0].created"
    with pytest.raises(pmkit.UndefinedMetricError):
        pmkit.percentiles([])
    with pytest.raises(ValueError):  # PmkitError is a ValueError
        pmkit.throughput({"columns": []})


def test_items_take_datetimes_as_well_as_iso_strings() -> None:
    as_objects = [
        {
            **entry,
            "created": datetime.date(2026, 3, 1),
            "transitions": [
                {**move, "at": datetime.datetime.fromisoformat(move["at"])} for move in entry["transitions"]
            ],
        }
        for entry in ITEMS
    ]
    aware = datetime.datetime(2026, 3, 2, 23, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=-5)))
    as_objects[0]["transitions"][0]["at"] = aware  # its wall-clock day is kept: 2 March
    assert pmkit.item_timelines(as_objects, WORKFLOW, "2026-03-10") == pmkit.item_timelines(
        ITEMS, WORKFLOW, "2026-03-10"
    ) or pmkit.durations(pmkit.item_timelines(as_objects, WORKFLOW, "2026-03-10")) == [2.0, 0.0]
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.item_timelines([{**ITEMS[0], "points": "three"}], WORKFLOW, "2026-03-10")
    assert raised.value.field == "items[0].points"


def test_sample_data_runs_end_to_end() -> None:
    timelines = pmkit.item_timelines(pmkit.sample_items(), pmkit.sample_workflow(), pmkit.sample_today())
    assert len(timelines.items) == 120
    assert pmkit.sample_today() == datetime.date(2026, 2, 20)
    assert pmkit.ageing_wip(timelines)
    assert pmkit.synthetic_items(10, 1, "2026-01-01", "2026-02-01") == pmkit.synthetic_items(
        10, 1, "2026-01-01", "2026-02-01"
    )


def test_percentiles_options_are_keywords_and_inputs_strict() -> None:
    assert [p.value for p in pmkit.percentiles([4, 1, 3, 2], levels=[0.5])] == [2.5]
    with pytest.raises(pmkit.OutOfRangeError) as raised:
        pmkit.percentiles([1, 2], levels=[0.5, 85])
    assert raised.value.field == "levels[1]"
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.percentiles([1, None])  # type: ignore[list-item]
    assert raised.value.field == "values[1]"
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.histogram([True, 2])  # type: ignore[list-item]
    assert raised.value.field == "values[0]"


def test_options_are_keyword_only_and_checked(timelines: pmkit.Timelines) -> None:
    with pytest.raises(TypeError):
        pmkit.throughput(timelines, "day")  # type: ignore[misc]
    with pytest.raises(pmkit.ParseError) as raised:
        pmkit.throughput(timelines, period="month")  # type: ignore[arg-type]
    assert raised.value.field == "period"
    with pytest.raises(pmkit.ParseError) as raised:
        pmkit.wip(timelines, meassure="points")  # type: ignore[call-arg]
    assert raised.value.field == "meassure"
    # The pandas alias is read too, and the result names the period canonically.
    assert pmkit.net_flow(timelines, period="W-MON").period == "week_monday"  # type: ignore[arg-type]


def test_every_timelines_function_takes_the_object_or_its_dict(timelines: pmkit.Timelines) -> None:
    as_dict = timelines.to_dict()
    assert pmkit.throughput(as_dict, period="day") == pmkit.throughput(timelines, period="day")
    assert pmkit.wip(as_dict) == pmkit.wip(timelines)
    assert pmkit.ageing_wip(as_dict) == pmkit.ageing_wip(timelines)
    assert pmkit.durations(as_dict, kind="lead_time") == pmkit.durations(timelines, kind="lead_time")
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.durations({**as_dict, "items": "none"})  # type: ignore[typeddict-item]
    assert raised.value.field.startswith("timelines")
