"""Charts (pmkit::chart) from Python: what the vectors cannot express (the Chart class,
Jupyter's display, save, keyword options, .chart() methods, error subclasses)."""

from __future__ import annotations

import datetime
import pathlib
from typing import Any

import pytest
from IPython.core.formatters import DisplayFormatter

import pmkit

BURNDOWN_DESCRIPTION = (
    "Remaining work fell from 18 to 8 points over 12 days (9 working), 2026-03-02 to "
    "2026-03-13; the ideal line falls from 18 to 0 by the last working day. Scope rose "
    "from 18 to 21 points (peak 24)."
)


@pytest.fixture(scope="module")
def report() -> pmkit.SprintReport:
    return pmkit.sprint_report(pmkit.sample_sprint())


@pytest.fixture(scope="module")
def chart(report: pmkit.SprintReport) -> pmkit.Chart:
    return pmkit.burndown_chart(report)


def test_the_sample_burndown(chart: pmkit.Chart) -> None:
    assert isinstance(chart, pmkit.Chart)
    assert chart.kind == "burndown"
    assert chart.title == "Sprint burndown — S-12"
    assert chart.description == BURNDOWN_DESCRIPTION
    assert (chart.width, chart.height) == (720, 400)  # the defaults
    assert chart.svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720 400"')
    assert chart.svg.endswith("</svg>\n")
    assert ">Sprint burndown — S-12</title>" in chart.svg
    assert f">{BURNDOWN_DESCRIPTION}</desc>" in chart.svg


def test_jupyter_displays_the_svg_inline(chart: pmkit.Chart) -> None:
    data, metadata = DisplayFormatter().format(chart)
    assert data["image/svg+xml"] == chart.svg
    assert data["text/plain"] == repr(chart)
    assert chart._repr_svg_() == chart.svg


def test_str_is_the_svg_and_repr_is_short(chart: pmkit.Chart) -> None:
    assert str(chart) == chart.svg
    assert repr(chart) == "Chart(kind='burndown', title='Sprint burndown — S-12', width=720, height=400)"


def test_to_dict_is_the_json_form(chart: pmkit.Chart) -> None:
    assert chart.to_dict() == {
        "kind": "burndown",
        "title": "Sprint burndown — S-12",
        "description": BURNDOWN_DESCRIPTION,
        "width": 720,
        "height": 400,
        "svg": chart.svg,
    }


def test_save_writes_the_svg_as_utf8(chart: pmkit.Chart, tmp_path: pathlib.Path) -> None:
    as_path = tmp_path / "burndown.svg"
    assert chart.save(as_path) is None
    assert as_path.read_bytes() == chart.svg.encode("utf-8")
    assert "—".encode("utf-8") in as_path.read_bytes()  # the title's em dash, not escaped
    as_str = tmp_path / "again.svg"
    chart.save(str(as_str))
    assert as_str.read_bytes() == as_path.read_bytes()


def test_save_raises_oserror(chart: pmkit.Chart, tmp_path: pathlib.Path) -> None:
    with pytest.raises(FileNotFoundError):
        chart.save(tmp_path / "no such dir" / "chart.svg")
    with pytest.raises(OSError):
        chart.save(tmp_path)  # a directory
    with pytest.raises(TypeError):
        chart.save(42)  # type: ignore[arg-type]


def test_equality_and_immutability(report: pmkit.SprintReport, chart: pmkit.Chart) -> None:
    assert chart == pmkit.burndown_chart(report, width=720, height=400, theme="light")
    assert chart != pmkit.burndown_chart(report, theme="dark")
    assert chart != pmkit.burnup_chart(report)
    assert chart != chart.svg
    with pytest.raises(AttributeError):
        chart.title = "x"  # type: ignore[misc]


def test_keyword_options(report: pmkit.SprintReport) -> None:
    big = pmkit.burndown_chart(report, width=1024, height=480, theme="DARK")
    assert (big.width, big.height) == (1024, 480)
    assert 'viewBox="0 0 1024 480"' in big.svg
    assert big == pmkit.burndown_chart(report, width=1024.0, height=480.0, theme="dark")
    with pytest.raises(TypeError):
        pmkit.burndown_chart(report, 1024)  # type: ignore[misc]  # options are keyword-only


def test_a_report_or_its_dict(report: pmkit.SprintReport, chart: pmkit.Chart) -> None:
    assert pmkit.burndown_chart(report.to_dict()) == chart
    assert pmkit.burnup_chart(report.to_dict()) == pmkit.burnup_chart(report)
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.burndown_chart(42)  # type: ignore[arg-type]
    assert raised.value.field == "report"


@pytest.mark.parametrize(
    "options,error,field",
    [
        ({"width": 239}, pmkit.OutOfRangeError, "width"),
        ({"width": 4001}, pmkit.OutOfRangeError, "width"),
        ({"width": 2**40}, pmkit.OutOfRangeError, "width"),
        ({"height": 159}, pmkit.OutOfRangeError, "height"),
        ({"width": 720.5}, pmkit.InvalidInputError, "width"),
        ({"height": -1}, pmkit.InvalidInputError, "height"),
        ({"width": float("nan")}, pmkit.InvalidInputError, "width"),
        ({"theme": "sepia"}, pmkit.ParseError, "theme"),
    ],
)
def test_option_errors(report: pmkit.SprintReport, options: dict[str, Any], error: type, field: str) -> None:
    with pytest.raises(error) as raised:
        pmkit.burndown_chart(report, **options)
    assert raised.value.field == field
    assert str(raised.value).startswith(f"{field}: ")
    with pytest.raises(error):
        report.chart(**options)


@pytest.mark.parametrize(
    "options,error,field",
    [
        ({"width": True}, pmkit.InvalidInputError, "width"),
        ({"height": "400"}, pmkit.InvalidInputError, "height"),
        ({"theme": 1}, pmkit.InvalidInputError, "theme"),
        ({"widht": 800}, pmkit.ParseError, "widht"),
    ],
)
def test_options_are_strict(report: pmkit.SprintReport, options: dict[str, Any], error: type, field: str) -> None:
    # The options are the core's ChartOptions: no bool or text read as a number, and a
    # misspelt keyword is named (not a TypeError).
    with pytest.raises(error) as raised:
        pmkit.burndown_chart(report, **options)
    assert raised.value.field == field


def test_none_is_the_default(report: pmkit.SprintReport) -> None:
    assert pmkit.burndown_chart(report, width=None, height=None, theme=None) == pmkit.burndown_chart(report)


def test_the_limits_are_allowed(report: pmkit.SprintReport) -> None:
    assert pmkit.burndown_chart(report, width=240, height=160).width == 240
    assert pmkit.burndown_chart(report, width=4000, height=4000).height == 4000


def test_report_chart_is_the_burndown(report: pmkit.SprintReport, chart: pmkit.Chart) -> None:
    assert report.chart() == chart
    assert report.chart(width=800, height=300, theme="dark") == pmkit.burndown_chart(
        report, width=800, height=300, theme="dark"
    )


def test_burnup_and_velocity() -> None:
    by_items = pmkit.sprint_report(pmkit.sample_sprint(), count_by="items")
    burnup = pmkit.burnup_chart(by_items)
    assert (burnup.kind, burnup.title) == ("burnup", "Sprint burnup — S-12")
    assert burnup.description.endswith("Scope stayed at 5 items; 1 item not done at the end.")
    velocity = pmkit.velocity_chart(pmkit.sample_sprint_history(), theme="dark")
    assert (velocity.kind, velocity.title) == ("velocity", "Velocity — S-8 to S-12")
    assert "mean completed 19.2 points" in velocity.description  # (21+18+24+20+13)/5
    empty = pmkit.velocity_chart([])
    assert empty.description == "No sprints to draw (0 sprints)."
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.velocity_chart([{"sprint_id": "S-1"}])
    assert raised.value.field == "history[0]"  # the entry missing its fields


@pytest.fixture(scope="module")
def timelines() -> pmkit.Timelines:
    return pmkit.item_timelines(pmkit.sample_items(), pmkit.sample_workflow(), pmkit.sample_today())


def test_result_objects_chart_themselves(timelines: pmkit.Timelines) -> None:
    options: dict[str, Any] = {"width": 640, "height": 360, "theme": "dark"}
    flow = pmkit.cumulative_flow(timelines)
    assert flow.chart(**options) == pmkit.cumulative_flow_chart(flow, **options)
    assert flow.chart().kind == "cumulative_flow"
    forecast = pmkit.forecast_when(30, [2, 0, 3, 5, 1, 0, 4], trials=2000, seed=42)
    assert forecast.chart(**options) == pmkit.forecast_chart(forecast, **options)
    assert forecast.chart().kind == "forecast"
    users, days = [1, 2, 1, 3, 2], [19359, 19360, 19366, 19367, 19374]
    retention = pmkit.retention(users, days, unit="days")
    assert retention.chart(**options) == pmkit.retention_chart(retention, **options)
    assert retention.chart().kind == "retention"
    active = pmkit.active_users(users, days, unit="days")
    assert active.chart(**options) == pmkit.active_users_chart(active, **options)
    assert active.chart().kind == "active_users"
    with pytest.raises(pmkit.OutOfRangeError) as raised:
        forecast.chart(height=100)
    assert raised.value.field == "height"


def test_models_as_objects_or_dicts(timelines: pmkit.Timelines) -> None:
    flow = pmkit.cumulative_flow(timelines)
    assert pmkit.cumulative_flow_chart(flow.to_dict()) == pmkit.cumulative_flow_chart(flow)
    assert pmkit.cycle_time_chart(timelines.to_dict()) == pmkit.cycle_time_chart(timelines)
    forecast = pmkit.forecast_when(10, [1, 2, 3], trials=100, seed=1)
    assert pmkit.forecast_chart(forecast.to_dict()) == forecast.chart()
    retention = pmkit.retention([1, 1], [19359, 19366], unit="days")
    assert pmkit.retention_chart(retention.to_dict()) == retention.chart()
    active = pmkit.active_users([1, 1], [19359, 19366], unit="days")
    assert pmkit.active_users_chart(active.to_dict()) == active.chart()
    for function, field in [
        (pmkit.cumulative_flow_chart, "flow"),
        (pmkit.cycle_time_chart, "timelines"),
        (pmkit.forecast_chart, "forecast"),
        (pmkit.retention_chart, "retention"),
        (pmkit.active_users_chart, "active"),
    ]:
        with pytest.raises(pmkit.InvalidInputError) as raised:
            function({"nope": 1})
        assert raised.value.field == field


def test_the_flow_charts_of_the_sample_board(timelines: pmkit.Timelines) -> None:
    flow = pmkit.cumulative_flow_chart(pmkit.cumulative_flow(timelines))
    assert flow.title == "Cumulative flow"
    # 120 items entered: 105 done + 5 in review + 10 in progress, none left in the backlog.
    assert flow.description.endswith("At the end: Backlog 0, In Progress 10, Review 5, Done 105; 120 entered in all.")
    cycle = pmkit.cycle_time_chart(timelines, theme="dark")
    assert (cycle.kind, cycle.title) == ("cycle_time", "Cycle time")
    assert cycle.description.startswith("105 items finished, 2026-01-12 to 2026-02-20.")


def test_the_roadmap_chart() -> None:
    roadmap = pmkit.sample_roadmap()
    chart = pmkit.roadmap_chart(roadmap, datetime.date(2026, 3, 16))
    assert chart == pmkit.roadmap_chart(roadmap, "2026-03-16")
    assert (chart.kind, chart.title) == ("roadmap", "Roadmap — Checkout")
    assert chart.description.startswith("7 items from 2026-01-01 to 2026-12-31")
    assert chart.description.endswith("Today is 2026-03-16.")
    with pytest.raises(pmkit.ParseError) as raised:
        pmkit.roadmap_chart(roadmap, "16/03/2026")
    assert raised.value.field == "today"
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.roadmap_chart({**roadmap, "product": ""}, "2026-03-16")
    assert raised.value.field == "roadmap.product"
    with pytest.raises(TypeError):
        pmkit.roadmap_chart(roadmap)  # type: ignore[call-arg]  # today is required


def test_the_retention_heatmap_by_hand() -> None:
    # Weekly cohorts (ISO weeks from Monday 2 Jan 2023): users 1 and 2 start in week 0,
    # user 3 in week 1; user 1 comes back in week 1, user 2 in week 2.
    retention = pmkit.retention([1, 2, 1, 3, 2], [19359, 19360, 19366, 19367, 19374], unit="days")
    chart = retention.chart()
    assert chart.title == "Weekly retention by cohort"
    assert "3 users in 3 first-time cohorts" in chart.description
    # Week 1: 1 of cohort 0's 2 users (cohort 1's week 1 is the unfinished last week).
    assert "Weighted average: 50% in week 1" in chart.description
