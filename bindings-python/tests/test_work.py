"""The backlog (pmkit::work) from Python: what the vectors cannot express (defaults,
keywords, date types, error subclasses, result objects, files and DataFrames, JSON
round trips)."""

from __future__ import annotations

import datetime
import json
import pathlib

import pytest

import pmkit

STATUSES = {"To Do": "to_do", "In Progress": "in_progress", "Done": "done", "Won't Do": "cancelled"}
CSV = (
    "Issue key,Summary,Status,Story Points,Created,Resolved\n"
    "PAY-1,Save card,Done,3,12/Jan/24 3:45 PM,20/Jan/24 9:00 AM\n"
    "PAY-2,\"Refunds, partial\",To Do,,2024-01-15,\n"
)

# ---------------------------------------------------------------- published examples


def test_rice_intercom_example() -> None:
    # Intercom's scales (McBride, 2016): 500 customers × high impact 2 × 80 % / 2 person-months.
    score = pmkit.rice_score(reach=500, impact=2, confidence=0.8, effort=2)
    assert score.score == 400
    assert (score.framework, score.variant) == ("rice", "intercom")
    assert score.inputs == {"reach": 500, "impact": 2, "confidence": 0.8, "effort": 2}


def test_wsjf_safe_example() -> None:
    # SAFe: CoD = UBV + TC + RR|OE = 1 + 3 + 5 = 9 (Jason Yip's worked example); / job size 3.
    score = pmkit.wsjf_score(1, 3, 5, 3, variant="modified_fibonacci")
    assert score.score == 3


def test_kano_coefficients() -> None:
    # Berger et al. 1993: better = (A+O)/(A+O+M+I), worse = −(O+M)/(A+O+M+I).
    summary = pmkit.kano_summary(["like", "like", "neutral", "like"], ["dislike", "neutral", "dislike", "neutral"])
    assert (summary.attractive, summary.one_dimensional, summary.must_be) == (2, 1, 1)
    assert summary.better == pytest.approx(3 / 4)
    assert summary.worse == pytest.approx(-2 / 4)
    assert summary.category == "attractive"


# ---------------------------------------------------------------- errors, keywords, records


def test_errors_are_subclasses_with_kind_and_field() -> None:
    with pytest.raises(pmkit.OutOfRangeError) as raised:
        pmkit.rice_score(500, 4, 0.8, 2)
    assert (raised.value.kind, raised.value.field) == ("out_of_range", "impact")
    assert "unrestricted" in str(raised.value)
    with pytest.raises(pmkit.ParseError) as parsed:
        pmkit.parse_story("X-1", "Pay with a saved card")
    assert "persona" in str(parsed.value)
    with pytest.raises(ValueError):
        pmkit.ice_score(0, 5, 5)


def test_scores_are_records() -> None:
    a = pmkit.ice_score(8, 5, 5)
    assert a == pmkit.ice_score(impact=8, confidence=5, ease=5, variant="product")
    assert a != pmkit.ice_score(8, 5, 5, variant="mean")
    assert repr(a).startswith("Score(framework='ice', variant='product'")
    assert a.to_dict()["score"] == 200


def test_stories_are_plain_dicts_that_round_trip() -> None:
    story = pmkit.parse_story("PAY-1", "As an admin, I want to export users so that I can audit them")
    assert isinstance(story, dict)
    assert story["persona"] == "admin"
    assert pmkit.to_connextra(story) == "As an admin, I want to export users, so that I can audit them."
    story["acceptance_criteria"] = pmkit.parse_acceptance_criteria("Given users\nWhen I export\nThen I get a CSV")
    story["estimate"] = pmkit.estimate_points(pmkit.estimate_scale(), "½")
    assert pmkit.invest_findings(story) == []
    assert pmkit.is_ready(story, ["unestimated", "missing_acceptance_criteria"])


def test_findings_are_records() -> None:
    findings = pmkit.invest_findings({"id": "S", "title": "Make checkout fast"}, context={"max_points": 8})
    rules = [finding.rule for finding in findings]
    assert rules == ["missing_benefit", "missing_acceptance_criteria", "unestimated", "vague_goal"]
    assert findings[0].severity == "warning"


# ---------------------------------------------------------------- backlog


def test_backlog_functions_leave_their_argument_alone() -> None:
    backlog = pmkit.new_backlog([{"id": "A", "title": "a"}, {"id": "B", "title": "b"}])
    moved = pmkit.move_story(backlog, "B", 1)
    assert [s["id"] for s in moved["stories"]] == ["B", "A"]
    assert [s["id"] for s in backlog["stories"]] == ["A", "B"]
    grown = pmkit.insert_story(moved, {"id": "C", "title": "c"})
    assert [s["id"] for s in grown["stories"]] == ["B", "A", "C"]
    assert [s["id"] for s in pmkit.remove_story(grown, "A")["stories"]] == ["B", "C"]


def test_rank_sample_backlog() -> None:
    backlog = pmkit.sample_backlog()
    ranking = pmkit.rank_backlog(backlog, "wsjf")
    assert [r.rank for r in ranking] == [1, 2, 3, 4, 5, 6]
    assert ranking[0].id == "PAY-101"
    assert ranking[0].score["framework"] == "wsjf"
    with pytest.raises(pmkit.ParseError):
        pmkit.rank_backlog(backlog, "rice", variant="mean")


def test_health_accepts_dates_and_datetimes() -> None:
    backlog = pmkit.sample_backlog()
    by_date = pmkit.backlog_health(backlog, datetime.date(2026, 3, 31))
    assert by_date == pmkit.backlog_health(backlog, "2026-03-31", period_days=30)
    assert by_date.completion_rate == pytest.approx(2 / 8)
    assert by_date.cancelled_in_period == 1
    assert by_date.blocked == ["PAY-105"]
    assert pmkit.backlog_health(backlog, datetime.datetime(2026, 3, 31, 12, 0)) == by_date


def test_cancelled_is_never_done() -> None:
    totals = pmkit.point_totals(pmkit.sample_backlog())
    assert totals.done["points"] == 13
    assert totals.cancelled == {"stories": 1, "points": 8, "unestimated": 0}


def test_json_round_trip_is_identical() -> None:
    backlog = pmkit.sample_backlog()
    text = pmkit.backlog_to_json(backlog)
    assert pmkit.backlog_from_json(text) == backlog
    assert pmkit.new_backlog(**json.loads(json.dumps(backlog))) == backlog
    assert pmkit.backlog_to_json(pmkit.backlog_from_json(text)) == text


# ---------------------------------------------------------------- Jira import


def test_jira_import_from_text_path_and_pathlib(tmp_path: pathlib.Path) -> None:
    from_text = pmkit.import_jira_csv(CSV, STATUSES)
    file = tmp_path / "export.csv"
    file.write_text(CSV, encoding="utf-8")
    assert pmkit.import_jira_csv(file, STATUSES) == from_text
    assert pmkit.import_jira_csv(str(file), statuses=STATUSES) == from_text
    assert from_text["stories"][1]["title"] == "Refunds, partial"
    assert from_text["stories"][0]["created"] == "2024-01-12"


def test_jira_import_missing_file() -> None:
    with pytest.raises(FileNotFoundError):
        pmkit.import_jira_csv("/nonexistent/export.csv", STATUSES)


def test_jira_import_from_a_dataframe() -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame(
        {
            "Issue key": ["PAY-1", "PAY-2"],
            "Summary": ["Save card", "Refunds, partial"],
            "Status": ["Done", "To Do"],
            "Story Points": [3.0, None],
            "Created": pandas.to_datetime(["2024-01-12 15:45", "2024-01-15 09:00"]),
            "Team": ["Blue", "Red"],
        }
    )
    backlog = pmkit.import_jira_csv(frame, STATUSES)
    assert [s["estimate"] for s in backlog["stories"]] == [3, None]
    assert backlog["stories"][0]["created"] == "2024-01-12"
    assert backlog["stories"][1]["title"] == "Refunds, partial"


def test_jira_import_is_all_or_nothing() -> None:
    bad = CSV + "PAY-3,Coupons,Shipped,2,2024-02-01,\n"
    with pytest.raises(pmkit.ParseError) as raised:
        pmkit.import_jira_csv(bad, STATUSES)
    assert raised.value.field == "line 4"
    assert "Shipped" in str(raised.value)


def test_jira_import_rejects_other_sources() -> None:
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.import_jira_csv(42, STATUSES)
    assert raised.value.field == "source"
