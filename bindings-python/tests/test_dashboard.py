"""The product dashboard (pmkit::dashboard) from Python: what the vectors cannot
express (keywords, dates, dicts with date objects, charts, the committed sample)."""

from __future__ import annotations

import datetime
import json
import pathlib

import pytest

import pmkit

SAMPLE_JSON = pathlib.Path(__file__).resolve().parents[2] / "bindings-wasm" / "www" / "sample-product.json"


def test_the_sample_dashboard_checked_by_hand() -> None:
    board = pmkit.product_dashboard(pmkit.sample_product_file())
    assert board.product == "Checkout"
    assert board.today == "2026-03-31"
    readings = {r["metric"]: r["value"] for r in board.scorecard["readings"]}
    assert readings["net_promoter_score"] == 35  # 10 promoters − 3 detractors of 20
    assert readings["churn_rate"] == pytest.approx(24 / 800)
    assert board.sprint["completed"] == {"items": 4, "points": 13}
    assert board.velocity["points"]["mean"] == 19  # (24 + 20 + 13) / 3
    assert board.backlog["health"]["completion_rate"] == 0.25
    assert board.flow["throughput"]["values"] == [3, 18, 19, 24, 22, 19]
    # 6 open stories: one week unless the 3-item week is drawn (1 in 6).
    assert [p["periods"] for p in board.forecast["when"]["percentiles"]] == [1, 1, 2, 2]
    assert [c.kind for c in board.charts] == [
        "burndown", "burnup", "velocity", "cumulative_flow", "cycle_time", "forecast", "roadmap",
    ]
    assert board.charts[0] == pmkit.burndown_chart(pmkit.sprint_report(pmkit.sample_sprint()))
    assert board.to_dict()["charts"][0]["svg"] == board.charts[0].svg
    assert board.to_dict()["product"] == "Checkout"


def test_keywords_today_and_theme() -> None:
    file = pmkit.sample_product_file()
    april = pmkit.product_dashboard(file, today=datetime.date(2026, 4, 30))
    assert april.backlog["health"]["today"] == "2026-04-30"
    assert pmkit.product_dashboard(file, today="2026-04-30") == april
    dark = pmkit.product_dashboard(file, width=640, height=320, theme="dark")
    assert all(c.width == 640 and c.height == 320 for c in dark.charts)
    assert dark.charts[0].svg.startswith("<svg")
    assert dark.charts[0] != april.charts[0]
    with pytest.raises(pmkit.ParseError) as raised:
        pmkit.product_dashboard(file, theme="sepia")
    assert raised.value.field == "theme"
    with pytest.raises(pmkit.OutOfRangeError):
        pmkit.product_dashboard(file, width=10)
    # The options are the core's DashboardOptions, read strictly.
    with pytest.raises(pmkit.ParseError) as raised:
        pmkit.product_dashboard(file, colour="red")
    assert raised.value.field == "colour"
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.product_dashboard(file, height=True)
    assert raised.value.field == "height"
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.product_dashboard(file, today="soon")
    assert raised.value.field == "today"
    with pytest.raises(TypeError):
        pmkit.product_dashboard(file, "2026-04-30")  # type: ignore[misc]  # today is keyword-only
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.product_dashboard(42)  # type: ignore[arg-type]
    assert raised.value.field == "file"


def test_dicts_with_date_objects_and_json_text() -> None:
    file = {"today": datetime.date(2026, 2, 1), "backlog": {"stories": [
        {"id": "A-1", "title": "a", "status": {"category": "done"}, "resolved": datetime.date(2026, 1, 20)},
        {"id": "A-2", "title": "b"},
    ]}}
    board = pmkit.product_dashboard(file)
    assert board.backlog["health"]["completion_rate"] == 0.5  # A-1 done in the period, A-2 open
    assert pmkit.product_dashboard(json.dumps(file, default=str)) == board


def test_errors_name_the_json_path() -> None:
    text = '{\n "sprint_history": [{"sprint_id": "S-1", "completed_points": "ten", "completed_items": 3}]\n}'
    with pytest.raises(pmkit.ParseError) as raised:
        pmkit.product_file_from_json(text)
    assert raised.value.field == "sprint_history[0].completed_points"
    assert "expected a number at line 2" in str(raised.value)
    with pytest.raises(pmkit.InvalidInputError) as invalid:
        pmkit.product_file_from_json(b"{}")  # type: ignore[arg-type]
    assert invalid.value.field == "text"
    with pytest.raises(pmkit.OutOfRangeError) as out_of_range:
        pmkit.product_dashboard({"snapshot": {"nps_responses": [10, 11]}})
    assert out_of_range.value.field == "snapshot.nps_responses[1]"


def test_a_jira_export() -> None:
    csv = "Issue key,Summary,Status,Created\nAPP-1,Sign in,Ready,2026-01-05\n"
    with pytest.raises(pmkit.ParseError) as raised:
        pmkit.product_file_from_jira_csv(csv)
    assert raised.value.field == "line 2"
    file = pmkit.product_file_from_jira_csv(csv, statuses={"Ready": "to_do"})
    with pytest.raises(pmkit.InvalidInputError) as invalid:
        pmkit.product_file_from_jira_csv(csv, statuses={"Ready": 1})  # type: ignore[dict-item]
    assert invalid.value.field == "statuses.Ready"
    with pytest.raises(pmkit.InvalidInputError) as invalid:
        pmkit.product_file_from_jira_csv(csv.encode())  # type: ignore[arg-type]
    assert invalid.value.field == "text"
    assert (file["product"], file["today"]) == ("APP", "2026-01-05")
    board = pmkit.product_dashboard(file)
    assert board.sprint is None and board.charts == []
    assert repr(board) == "Dashboard(product='APP', sections=[backlog], charts=0)"


def test_the_committed_sample_file_is_the_sample() -> None:
    text = SAMPLE_JSON.read_text(encoding="utf-8")
    assert pmkit.product_file_from_json(text) == pmkit.sample_product_file()
