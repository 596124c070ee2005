"""Jira REST pages written from pmkit items (benches/jira_agile_metrics/jira_pages.py,
the issues the jira-agile-metrics comparison feeds it) read back by import_jira_json give
exactly the same timelines, cycle times and CFD: the comparison holds for the Jira form."""

from __future__ import annotations

import importlib.util
import json
import pathlib
from typing import Any

import pmkit

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _jira_pages() -> Any:
    spec = importlib.util.spec_from_file_location("jira_pages", ROOT / "benches" / "jira_agile_metrics" / "jira_pages.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_jira_form_gives_the_same_flow_numbers() -> None:
    items = pmkit.sample_items()
    workflow = pmkit.sample_workflow()
    today = pmkit.sample_today()
    pages = _jira_pages().to_pages(items, workflow, page_size=25)
    assert len(pages) == 5
    imported = pmkit.import_jira_json(json.loads(json.dumps(pages)))
    # No statuses given: only the statuses' categories (taken from Jira's) are said.
    assert {w["field"] for w in imported.warnings} == {"status"}
    direct = pmkit.item_timelines(items, workflow, today)
    via_jira = pmkit.item_timelines(imported.items, workflow, today)
    assert via_jira.to_dict()["items"] == direct.to_dict()["items"]
    assert pmkit.durations(via_jira) == pmkit.durations(direct)
    assert pmkit.cumulative_flow(via_jira) == pmkit.cumulative_flow(direct)
    assert [p.value for p in pmkit.percentiles(pmkit.durations(via_jira))] == [
        p.value for p in pmkit.percentiles(pmkit.durations(direct))
    ]
