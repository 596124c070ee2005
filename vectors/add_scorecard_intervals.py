"""Adds the `interval` of each scorecard reading that has counts to the expected
scorecards of vectors/scorecard.json and vectors/dashboard.json, computed here from the
snapshot's inputs independently of pmkit: Wilson intervals from statsmodels'
proportion_confint(method="wilson"), the NPS interval from Rocks (2016)'s Wald formula.
Idempotent: rerun after changing a snapshot.

    .venv/bin/python vectors/add_scorecard_intervals.py
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from scipy import stats
from statsmodels.stats.proportion import proportion_confint

HERE = Path(__file__).parent
Z = float(stats.norm.ppf(0.975))


def wilson(successes: int, trials: int) -> dict[str, Any]:
    low, high = proportion_confint(successes, trials, alpha=0.05, method="wilson")
    return {"value": successes / trials, "low": float(low), "high": float(high), "level": 0.95, "method": "wilson"}


def nps(responses: list[float]) -> dict[str, Any]:
    n = len(responses)
    promoters = sum(1 for r in responses if r >= 9) / n
    detractors = sum(1 for r in responses if r <= 6) / n
    score = 100 * (promoters - detractors)
    se = 100 * math.sqrt(max(promoters + detractors - (promoters - detractors) ** 2, 0.0) / n)
    return {"value": score, "low": max(score - Z * se, -100.0), "high": min(score + Z * se, 100.0),
            "level": 0.95, "method": "wald"}


def interval(metric: str, s: dict[str, Any]) -> dict[str, Any] | None:
    if metric == "net_promoter_score" and "nps_responses" in s:
        return nps(s["nps_responses"])
    if metric == "customer_satisfaction_score" and "csat_responses" in s:
        r = s["csat_responses"]
        return wilson(sum(1 for x in r if x >= 4), len(r))
    if metric in ("conversion_rate", "funnel_conversion") and "funnel" in s:
        counts = s["funnel"]["counts"]
        return wilson(counts[-1], counts[0])
    if metric == "feature_adoption_rate" and "adoption" in s:
        return wilson(s["adoption"]["feature_users"], s["adoption"]["active_users"])
    if metric == "churn_rate" and "customers" in s:
        return wilson(s["customers"]["lost"], s["customers"]["at_start"])
    if metric == "customer_retention_rate" and "customers" in s:
        c = s["customers"]
        return wilson(c["at_start"] - c["lost"], c["at_start"])
    if metric == "defect_escape_rate" and "quality" in s:
        q = s["quality"]
        return wilson(q["found_in_production"], q["found_in_production"] + q["found_before_release"])
    return None


def update(card: dict[str, Any], snapshot: dict[str, Any]) -> None:
    for reading in card["readings"]:
        reading.pop("interval", None)
        found = interval(reading["metric"], snapshot)
        if found is not None:
            assert abs(found["value"] - reading["value"]) <= 1e-12 * max(1.0, abs(reading["value"])), reading
            found["value"] = reading["value"]
            reading["interval"] = found


def rewrite(name: str, pick: Any) -> None:
    """Updates every case `pick` finds a scorecard in; the file keeps its layout
    (json.dumps with indent=1)."""
    path = HERE / name
    text = path.read_text()
    doc = json.loads(text)
    for case in doc["cases"]:
        found = pick(case)
        if found is not None:
            update(*found)
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + ("\n" if text.endswith("\n") else ""))


def scorecard_case(case: dict[str, Any]) -> Any:
    snapshot = case["args"].get("snapshot")
    if not isinstance(case.get("expected"), dict):
        return None
    return case["expected"], json.loads(snapshot) if isinstance(snapshot, str) else snapshot


def dashboard_case(case: dict[str, Any]) -> Any:
    expected, file = case.get("expected"), case["args"].get("file")
    if not (isinstance(expected, dict) and isinstance(expected.get("scorecard"), dict)):
        return None
    if isinstance(file, str):
        file = json.loads(file)
    return expected["scorecard"], file.get("snapshot", {})


rewrite("scorecard.json", scorecard_case)
rewrite("dashboard.json", dashboard_case)
