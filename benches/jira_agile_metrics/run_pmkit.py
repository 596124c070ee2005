"""Run pmkit on a data set in its JSON form; print results shaped like run_jam.py's.

Runs in pmkit's environment (`make python` builds it into .venv).

    python run_pmkit.py DATA.json [--via-jira] [--forecast-from jam.json] [--forecast-trials N] > pmkit.json

--via-jira first writes the items as Jira REST search pages (jira_pages.py: the issues
run_jam.py gives jira-agile-metrics, in the shape Jira's API returns) and reads them back
with pmkit.import_jira_json, so the numbers compared come from the Jira form.

--forecast-from takes the daily history and start date jira-agile-metrics derived
(run_jam.py's "forecast" section), so both forecasts replay the same history.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import pmkit


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
    parser.add_argument("--forecast-from")
    parser.add_argument("--forecast-trials", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--via-jira", action="store_true")
    args = parser.parse_args()
    with open(args.data, encoding="utf-8") as handle:
        data = json.load(handle)
    seconds = {}
    if args.via_jira:
        from jira_pages import to_pages

        started = time.perf_counter()
        imported = pmkit.import_jira_json(to_pages(data["items"], data["workflow"]))
        seconds["import_jira_json"] = time.perf_counter() - started
        data["items"] = imported.items

    started = time.perf_counter()
    # jira-agile-metrics skips moves to statuses no column maps; so does this comparison.
    timelines = pmkit.item_timelines(data["items"], data["workflow"], data["today"], unmapped="ignore")
    seconds["cycle_times"] = time.perf_counter() - started
    cfd, seconds["cfd"] = best_of(3, lambda: pmkit.cumulative_flow(timelines))
    weekly, seconds["throughput"] = best_of(
        3, lambda: pmkit.throughput(timelines, period=data.get("frequency", "1W-MON"))
    )
    net_flow = pmkit.net_flow(timelines, period=data.get("frequency", "1W-MON"))
    cycle_times = pmkit.durations(timelines)
    items = timelines.items
    out = {
        "cycle_times": [item["cycle_time"] for item in items],
        "blocked_days": [item["blocked_days"] for item in items],
        "entered": [[entry[:10] if entry else None for entry in column] for column in zip(*(i["entered"] for i in items))],
        "percentiles": [p.value for p in pmkit.percentiles(cycle_times, data.get("quantiles"))],
        "histogram": pmkit.histogram(cycle_times),
        "throughput": {"ends": weekly.ends, "values": weekly.values},
        "cfd": {"dates": cfd.dates, "counts": cfd.counts},
        "wip": pmkit.wip(timelines).values,
        "net_flow": {"ends": net_flow.ends, "arrivals": net_flow.arrivals, "departures": net_flow.departures},
        "ageing_wip": [{"key": i.key, "column": i.column, "age_days": i.age_days} for i in pmkit.ageing_wip(timelines)],
        "unmapped_statuses": timelines.unmapped_statuses,
    }
    if args.forecast_from:
        with open(args.forecast_from, encoding="utf-8") as handle:
            jam = json.load(handle)["forecast"]
        started = time.perf_counter()
        forecast = pmkit.forecast_when(
            jam["remaining"],
            jam["history"],
            trials=args.forecast_trials,
            seed=args.seed,
            levels=jam["levels"],
            start=jam["start"],
        )
        seconds["forecast"] = time.perf_counter() - started
        out["forecast"] = {
            "trials": args.forecast_trials,
            "dates": [p["date"] for p in forecast.percentiles],
            "periods": [p["periods"] for p in forecast.percentiles],
        }
    out["seconds"] = seconds
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
