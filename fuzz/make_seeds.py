"""Writes the seed corpora of the fuzz targets (fuzz/seeds/<target>/) from pmkit's own
samples, through the Python binding: `make python`, then
`.venv/bin/python fuzz/make_seeds.py`. The seeds are committed; rerun after a change to
a sample or a JSON form, and review the diff."""

from __future__ import annotations

import datetime
import json
import pathlib
from typing import Any

import pmkit

SEEDS = pathlib.Path(__file__).parent / "seeds"


def text(value: Any) -> str:
    def plain(item: Any) -> Any:
        if isinstance(item, (datetime.date, datetime.datetime)):
            return item.isoformat()
        if hasattr(item, "to_dict"):
            return item.to_dict()
        raise TypeError(type(item))

    return json.dumps(value, default=plain, ensure_ascii=False)


def write(target: str, name: str, content: str | bytes) -> None:
    folder = SEEDS / target
    folder.mkdir(parents=True, exist_ok=True)
    data = content.encode() if isinstance(content, str) else content
    (folder / name).write_bytes(data)


def main() -> None:
    for name, moment in [
        ("date", "2026-03-02"),
        ("plain", "2026-03-02T09:30:00"),
        ("space", "2026-03-02 09:30:00.250"),
        ("offset", "2026-03-02T23:30:00-05:00"),
        ("jira", "2026-03-02T10:00:00.000+0100"),
        ("zulu", "2026-03-02T10:00:00Z"),
        ("minutes", "2026-03-02T10:00"),
    ]:
        write("moment", name, moment)

    write("backlog_json", "sample", pmkit.backlog_to_json(pmkit.sample_backlog()))
    write("roadmap_json", "sample", pmkit.roadmap_to_json(pmkit.sample_roadmap()))
    write("scorecard_json", "sample", text(pmkit.sample_snapshot()))
    write("sprint_log_json", "sample", pmkit.sprint_log_to_json(pmkit.sample_sprint()))
    write("product_file_json", "sample", text(pmkit.sample_product_file()))

    workflow = pmkit.sample_workflow()
    items = pmkit.sample_items()[:12]
    write("items_json", "sample", text({"items": items, "workflow": workflow, "today": "2026-02-20"}))
    cancelling = dict(workflow, cancelled=["Won't Do"])
    withdrawn = {"key": "W-1", "created": "2026-02-02", "transitions": [
        {"at": "2026-02-03", "from": "To Do", "to": "In Progress"},
        {"at": "2026-02-05", "from": "In Progress", "to": "Won't Do"}]}
    write("items_json", "cancelled", text({
        "items": [withdrawn, *items[:3]], "workflow": cancelling, "today": "2026-02-20",
        "options": {"counting": "exact", "unmapped": "ignore"}}))

    write("jira_csv", "sample", (
        "Issue key,Summary,Status,Story Points,Created,Resolved,Labels,Labels\n"
        "PAY-1,Save card,Done,3,12/Jan/24 3:45 PM,20/Jan/24 9:00 AM,checkout,web\n"
        "PAY-2,\"Refunds, partial\",Won't Do,,2024-01-15,2024-02-01,,\n"
        "PAY-3,Coupons,In Progress,5,2024-01-16,,,\n"))

    write("linear_csv", "sample", (
        "ID,Team,Title,Description,Status,Estimate,Priority,Project ID,Project,Labels,Cycle Number,Cycle Name,Cycle Start,Cycle End,Created,Started,Completed,Canceled,Parent issue\n"
        "ENG-1,Eng,Save card,\"Acceptance criteria:\n- stored\",Done,3,High,p1,Cards,\"Bug, Web\",7,,2024-03-04T00:00:00.000Z,2024-03-18T00:00:00.000Z,2024-03-04T10:15:00.000Z,2024-03-05T09:30:00.000Z,2024-03-08T16:00:00.000Z,,\n"
        "ENG-2,Eng,'=Refunds,,Canceled,,No priority,,,,,,,,2024-03-06T08:00:00.000Z,,,2024-03-07T12:00:00.000Z,ENG-1\n"))
    write("github_json", "sample", text({
        "issues": [
            {"number": 1, "title": "Save card", "state": "closed", "state_reason": "completed",
             "labels": [{"name": "in review"}], "milestone": {"title": "Sprint 3", "due_on": "2024-03-15T07:00:00Z"},
             "created_at": "2024-03-04T10:15:00Z", "closed_at": "2024-03-08T16:00:00Z"},
            {"number": 2, "title": "Refunds", "state": "open", "created_at": "2024-03-05T10:15:00Z",
             "pull_request": {"url": "https://api.github.com/repos/o/r/pulls/2"}}],
        "options": {"status_labels": ["In review"], "timelines": {"1": [
            {"event": "moved_columns_in_project", "created_at": "2024-03-05T09:30:00Z", "project_card": {"column_name": "In progress"}},
            {"__typename": "LabeledEvent", "createdAt": "2024-03-06T09:30:00Z", "label": {"name": "in review"}},
            {"event": "closed", "created_at": "2024-03-08T16:00:00Z", "state_reason": "completed"},
            {"event": "reopened", "created_at": "2024-03-08T17:00:00Z"},
            {"event": "closed", "created_at": "2024-03-08T18:00:00Z"}]}}}))

    options = {"width": 720, "height": 400, "theme": "light"}
    timelines = pmkit.item_timelines(items, workflow, "2026-02-20")
    report = pmkit.sprint_report(pmkit.sample_sprint())
    forecast = pmkit.forecast_when(20, [3.0, 5.0, 4.0, 6.0], trials=200, seed=1)
    charts = [
        pmkit.cumulative_flow(timelines),
        timelines,
        report,
        report,
        pmkit.sample_sprint_history(),
        pmkit.sample_roadmap(),
        forecast,
    ]
    for which, model in enumerate(charts):
        write("charts", f"chart-{which}", bytes([which]) + text([model, options]).encode())
    # The charts added later take first bytes 252, 253 and 254 (see targets.rs).
    later = [
        pmkit.compare_conversions([1000, 1000, 1000], [100, 130, 95]),
        pmkit.fit_sbg([1000, 631, 468, 382, 326, 289, 262, 241], periods=5),
        pmkit.mrr_movements(["a", "b", "a", "b", "c"], ["2026-01-05", "2026-01-09", "2026-02-03", "2026-02-20", "2026-02-11"], [50.0, 30.0, 80.0, 0.0, 20.0]),
    ]
    for which, model in zip((252, 253, 254), later):
        write("charts", f"chart-{which}", bytes([which]) + text([model, options]).encode())


if __name__ == "__main__":
    main()
