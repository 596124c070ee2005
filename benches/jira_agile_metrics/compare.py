"""pmkit beside jira-agile-metrics on the same generated data: same numbers? how much faster?

    bash benches/jira_agile_metrics/setup.sh            # once: jira-agile-metrics' own venv
    make python                                         # pmkit into .venv
    python3 benches/jira_agile_metrics/compare.py --items 100000 --trials 10000

Generates the data (generate.py), runs jira-agile-metrics (run_jam.py, in its venv) and
pmkit (run_pmkit.py, in .venv), checks every flow number for exact agreement, compares
the forecast percentiles, and prints the timings as ratios (markdown, for README.md).
A benchmark: not part of `make test`. Exits non-zero if a flow number differs.
"""

from __future__ import annotations

import argparse
import datetime
import json
import pathlib
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def run(python: str, script: str, *args: str) -> dict:
    done = subprocess.run([python, str(HERE / script), *args], check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def check(name: str, ok: bool, problems: list[str], detail: str = "") -> None:
    print(f"  {'same' if ok else 'DIFFERENT':9} {name}{(': ' + detail) if detail else ''}")
    if not ok:
        problems.append(name)


def close(a: list, b: list) -> bool:
    return len(a) == len(b) and all(
        (x is None and y is None) or (x is not None and y is not None and abs(x - y) <= 1e-9 * max(1, abs(y)))
        for x, y in zip(a, b)
    )


def duration(seconds: float) -> str:
    for unit, scale in (("s", 1), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds * 1e9:.3g} ns"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--trials", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jam-python", default="/tmp/jam-venv/bin/python")
    parser.add_argument("--pmkit-python", default=str(ROOT / ".venv" / "bin" / "python"))
    parser.add_argument(
        "--keep", help="folder (outside the repository) keeping the data and jira-agile-metrics' results for reruns"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as temporary:
        work = pathlib.Path(args.keep or temporary)
        work.mkdir(parents=True, exist_ok=True)
        tag = f"{args.items}-{args.seed}"
        data = work / f"data-{tag}.json"
        if not data.exists():
            subprocess.run(
                [sys.executable, str(HERE / "generate.py"), "--items", str(args.items), "--seed", str(args.seed), "--out", str(data)],
                check=True,
            )
        jam_file = work / f"jam-{tag}-{args.trials}.json"
        if not jam_file.exists():
            jam_file.write_text(
                json.dumps(run(args.jam_python, "run_jam.py", str(data), "--forecast-trials", str(args.trials))),
                encoding="utf-8",
            )
        jam = json.loads(jam_file.read_text(encoding="utf-8"))
        pm = run(args.pmkit_python, "run_pmkit.py", str(data), "--forecast-from", str(jam_file), "--forecast-trials", str(args.trials))
        # The same items read from the Jira REST form (jira_pages.py → import_jira_json).
        pm_jira = run(args.pmkit_python, "run_pmkit.py", str(data), "--via-jira")
        seeds = [
            run(args.pmkit_python, "run_pmkit.py", str(data), "--forecast-from", str(jam_file), "--forecast-trials", str(args.trials), "--seed", str(seed))["forecast"]["periods"]
            for seed in (1, 2, 3)
        ]

    problems: list[str] = []
    print(f"{args.items} generated items (seed {args.seed}); jira-agile-metrics 0.24 vs pmkit\n")
    print("Flow numbers (exact):")
    check("cycle times", close(pm["cycle_times"], jam["cycle_times"]), problems, f"{sum(c is not None for c in jam['cycle_times'])} finished items")
    check("blocked days", close(pm["blocked_days"], jam["blocked_days"]), problems)
    check("column entry dates", pm["entered"] == jam["entered"], problems)
    check("cycle-time percentiles 50/85/95", close(pm["percentiles"], jam["percentiles"]), problems, str(jam["percentiles"]))
    check("histogram", pm["histogram"] == jam["histogram"], problems)
    check("weekly throughput (W-MON)", pm["throughput"] == jam["throughput"], problems, f"{len(jam['throughput']['values'])} weeks")
    check("cumulative flow", pm["cfd"]["dates"] == jam["cfd"]["dates"] and all(close(a, b) for a, b in zip(pm["cfd"]["counts"], jam["cfd"]["counts"])), problems, f"{len(jam['cfd']['dates'])} days")
    check("WIP", close(pm["wip"], jam["wip"]), problems)
    print("Read from Jira REST pages (import_jira_json): the same numbers as read from JSON above:")
    for name in ("cycle_times", "blocked_days", "entered", "percentiles", "histogram", "throughput", "cfd", "wip"):
        check(f"  {name}", pm_jira[name] == pm[name], problems)
    left_labels = [
        (datetime.date.fromisoformat(end) - datetime.timedelta(days=7)).isoformat() for end in pm["net_flow"]["ends"]
    ]
    check(
        "net flow (jira-agile-metrics labels a week by the day before it)",
        left_labels == jam["net_flow"]["labels"]
        and close(pm["net_flow"]["arrivals"], jam["net_flow"]["arrivals"])
        and close(pm["net_flow"]["departures"], jam["net_flow"]["departures"]),
        problems,
    )
    jam_ageing = {(i["key"], i["column"], i["age_days"]) for i in jam["ageing_wip"]}
    pm_ageing = {(i["key"], i["column"], i["age_days"]) for i in pm["ageing_wip"]}
    check(
        "ageing WIP",
        jam_ageing <= pm_ageing,
        problems,
        f"{len(jam_ageing)} items in both; pmkit also lists {len(pm_ageing - jam_ageing)} that skipped the committed column",
    )

    forecast = jam["forecast"]
    print(f"\nForecast: {forecast['remaining']} items, {args.trials} trials, daily history of {len(forecast['history'])} days from {forecast['start']}")
    print(f"  levels                       {forecast['levels']}")
    print(f"  jira-agile-metrics (days)    {forecast['periods']}  {forecast['dates']}")
    print(f"  pmkit seed 0 (days)          {pm['forecast']['periods']}  {pm['forecast']['dates']}")
    for seed, periods in zip((1, 2, 3), seeds):
        print(f"  pmkit seed {seed} (days)          {periods}")
    gap = max(abs(a - b) for a, b in zip(forecast["periods"], pm["forecast"]["periods"]))
    print(f"  largest gap: {gap} day(s)")

    print("\n| step | jira-agile-metrics | pmkit (from Python) | ratio |")
    print("|---|---|---|---|")
    rows = [
        ("cycle times (item timelines)", jam["seconds"]["cycle_times"] + jam["seconds"]["load"], pm["seconds"]["cycle_times"]),
        ("cumulative flow (best of 3)", jam["seconds"]["cfd"], pm["seconds"]["cfd"]),
        ("weekly throughput (best of 3)", jam["seconds"]["throughput"], pm["seconds"]["throughput"]),
        (f"forecast, {args.trials} trials", jam["seconds"]["forecast"], pm["seconds"]["forecast"]),
        ("forecast, per trial", jam["seconds"]["forecast"] / args.trials, pm["seconds"]["forecast"] / args.trials),
    ]
    for name, theirs, ours in rows:
        print(f"| {name} | {duration(theirs)} | {duration(ours)} | {theirs / ours:,.0f}× |")
    if problems:
        print("\nDIFFERENT:", ", ".join(problems))
        sys.exit(1)


if __name__ == "__main__":
    main()
