"""Run jira-agile-metrics 0.24 on a data set in pmkit's JSON form; print its results.

Runs in jira-agile-metrics' own pinned environment (see setup.sh), never in pmkit's.
The items are fed through jira-agile-metrics' own fake Jira (its test fixtures), so
its real calculators run unchanged: cycle times, CFD, throughput, WIP, net flow,
ageing WIP, percentiles, histogram and the burn-up Monte Carlo forecast.

    python run_jam.py DATA.json [--forecast-trials N] > jam.json

With --forecast-trials, DATA.json may also hold "remaining" (default 500), "levels"
and "seed" (numpy's global seed, which pandas' sampler uses).

Output: JSON with the same shapes as pmkit's results, plus "seconds" per step.
"""

from __future__ import annotations

import argparse
import datetime
import json
import logging
import sys
import time

import numpy as np
import pandas as pd
from jira_agile_metrics.calculators.ageingwip import AgeingWIPChartCalculator
from jira_agile_metrics.calculators.cfd import CFDCalculator, calculate_cfd_data
from jira_agile_metrics.calculators.cycletime import CycleTimeCalculator, calculate_cycle_times
from jira_agile_metrics.calculators.forecast import (
    burnup_monte_carlo,
    calculate_daily_throughput,
    throughput_sampler,
)
from jira_agile_metrics.calculators.histogram import HistogramCalculator
from jira_agile_metrics.calculators.netflow import NetFlowChartCalculator
from jira_agile_metrics.calculators.throughput import calculate_throughput
from jira_agile_metrics.conftest import FauxChange, FauxFieldValue, FauxIssue, FauxJIRA
from jira_agile_metrics.querymanager import QueryManager

logging.disable(logging.WARNING)

FIELDS = [
    {"id": "summary", "name": "Summary"},
    {"id": "issuetype", "name": "Issue type"},
    {"id": "status", "name": "Status"},
    {"id": "resolution", "name": "Resolution"},
    {"id": "created", "name": "Created date"},
    {"id": "customfield_100", "name": "Flagged"},
]


def jira_time(moment: str) -> str:
    """pmkit's "2026-01-05T09:30:00" (or a bare date) as Jira's "2026-01-05 09:30:00"."""
    return moment.replace("T", " ") if "T" in moment else moment + " 00:00:00"


def to_issue(item: dict, done_statuses: set[str]) -> FauxIssue:
    transitions = item.get("transitions", [])
    status = transitions[-1]["to"] if transitions else item.get("status") or "Backlog"
    changes = [FauxChange(jira_time(t["at"]), [("status", t.get("from"), t["to"])]) for t in transitions]
    for block in item.get("blocked", []):
        changes.append(FauxChange(jira_time(block["start"]), [("Flagged", None, "Impediment")]))
        if block.get("end"):
            changes.append(FauxChange(jira_time(block["end"]), [("Flagged", "Impediment", "")]))
    # Jira's resolution date: when the item last entered a done status.
    resolved = [t["at"] for t in transitions if t["to"].lower() in done_statuses]
    return FauxIssue(
        item["key"],
        summary=item["key"],
        issuetype=FauxFieldValue(item.get("item_type", ""), item.get("item_type", "")),
        status=FauxFieldValue(status, status.lower()),
        resolution=FauxFieldValue("Done", "Done") if resolved else None,
        resolutiondate=jira_time(resolved[-1]) if resolved else None,
        created=jira_time(item["created"]),
        customfield_100=None,
        changes=changes,
    )


def days(series: pd.Series) -> list:
    return [None if pd.isnull(value) else value / pd.Timedelta(days=1) for value in series]


def iso(index) -> list[str]:
    return [stamp.strftime("%Y-%m-%d") for stamp in index]


def best_of(runs: int, step):
    """The result of `step` and its fastest time over `runs` runs (for the quick steps)."""
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        result = step()
        timings.append(time.perf_counter() - started)
    return result, min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data")
    parser.add_argument("--forecast-trials", type=int, default=0)
    args = parser.parse_args()
    with open(args.data, encoding="utf-8") as handle:
        data = json.load(handle)
    workflow = data["workflow"]
    columns = workflow["columns"]
    names = [column["name"] for column in columns]
    cycle = [
        {"name": column["name"], "statuses": column["statuses"], "type": "accepted"}
        for column in columns
    ]
    cycle[0]["type"] = "backlog"
    cycle[-1]["type"] = "complete"
    done_statuses = {status.lower() for status in columns[-1]["statuses"]}
    today = datetime.date.fromisoformat(data["today"])
    quantiles = data.get("quantiles", [0.5, 0.85, 0.95])
    frequency = data.get("frequency", "1W-MON")
    settings = {
        "attributes": {},
        "known_values": {},
        "max_results": None,
        "verbose": False,
        "cycle": cycle,
        "query_attribute": None,
        "queries": [{"jql": "(filter=1)", "value": None}],
        "backlog_column": workflow["backlog"],
        "committed_column": workflow["committed"],
        "final_column": names[-2],
        "done_column": workflow["done"],
        "quantiles": quantiles,
        "net_flow_frequency": frequency,
        "ageing_wip_chart": "unused.png",
    }
    seconds = {}
    started = time.perf_counter()
    issues = [to_issue(item, done_statuses) for item in data["items"]]
    jira = FauxJIRA(fields=FIELDS, issues=issues)
    query_manager = QueryManager(jira, settings)
    seconds["load"] = time.perf_counter() - started

    started = time.perf_counter()
    now = datetime.datetime.combine(today, datetime.time())
    cycle_data = calculate_cycle_times(
        query_manager, cycle, {}, workflow["backlog"], workflow["done"], settings["queries"], None, now=now
    )
    seconds["cycle_times"] = time.perf_counter() - started

    cfd, seconds["cfd"] = best_of(3, lambda: calculate_cfd_data(cycle_data, names))
    results = {CycleTimeCalculator: cycle_data, CFDCalculator: cfd}

    throughput, seconds["throughput"] = best_of(3, lambda: calculate_throughput(cycle_data, frequency))
    wip = cfd[workflow["committed"]] - cfd[workflow["done"]]
    net_flow = NetFlowChartCalculator(query_manager, settings, results).run()
    ageing = AgeingWIPChartCalculator(query_manager, settings, results).run(today=today)
    histogram = HistogramCalculator(query_manager, settings, results).run()
    cycle_times = cycle_data["cycle_time"].dropna()
    percentiles = cycle_times.quantile(quantiles)

    out = {
        "cycle_times": days(cycle_data["cycle_time"]),
        "blocked_days": [int(value) for value in cycle_data["blocked_days"]],
        "entered": [
            [None if pd.isnull(day) else day for day in cycle_data[name].dt.strftime("%Y-%m-%d")]
            for name in names
        ],
        "percentiles": [value / pd.Timedelta(days=1) for value in percentiles],
        "histogram": [int(value) for value in histogram],
        "throughput": {"ends": iso(throughput.index), "values": [float(v) for v in throughput["count"]]},
        "cfd": {
            "dates": iso(cfd.index),
            "counts": [[float(v) for v in cfd[name]] for name in names],
        },
        "wip": [float(v) for v in wip],
        "net_flow": {
            "labels": iso(net_flow.index),
            "arrivals": [float(v) for v in net_flow["arrivals"]],
            "departures": [float(v) for v in net_flow["departures"]],
        },
        "ageing_wip": [
            {"key": row["key"], "column": row["status"], "age_days": float(row["age"])}
            for _, row in ageing.iterrows()
        ],
    }

    if args.forecast_trials:
        # BurnupForecastCalculator.run: daily throughput of the 60 days up to the last
        # finish, then burnup_monte_carlo from the last day of the CFD.
        done = cycle_data[workflow["done"]]
        window_end = done.max().date()
        window_start = window_end - datetime.timedelta(days=60)
        history = calculate_daily_throughput(
            cycle_data[(done >= pd.Timestamp(window_start)) & (done <= pd.Timestamp(window_end))],
            workflow["done"],
            window_start,
            window_end,
        )
        start_date = cfd.index.max()
        remaining = data.get("remaining", 500)
        levels = data.get("levels", [0.5, 0.7, 0.85, 0.95])
        np.random.seed(data.get("seed", 0))
        started = time.perf_counter()
        trials = burnup_monte_carlo(
            start_value=0,
            target_value=remaining,
            start_date=start_date,
            frequency=history.index.freq,
            draw_sample=throughput_sampler(history, 0, remaining),
            trials=args.forecast_trials,
        )
        seconds["forecast_simulation"] = time.perf_counter() - started
        # BurnupForecastCalculator.write: each trial's finish is its last dated value.
        finish = trials.apply(pd.Series.last_valid_index)
        finish_quantiles = finish.quantile(levels).dt.normalize()
        seconds["forecast"] = time.perf_counter() - started
        out["forecast"] = {
            "trials": args.forecast_trials,
            "remaining": remaining,
            "levels": levels,
            "start": start_date.strftime("%Y-%m-%d"),
            "history": [float(v) for v in history["count"]],
            "dates": iso(finish_quantiles),
            "periods": [(stamp - start_date) / pd.Timedelta(days=1) for stamp in finish_quantiles],
        }
    out["seconds"] = seconds
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
