"""Side by side, in one process and one run: the weekly cohort matrix and rolling DAU/MAU of
the generated log (generate.py) through pmkit's Python binding, pandas and polars (their usual
recipes), checked equal before any time is reported. Writes the times and ratios into the
"Product analytics" section of benches/README.md (only that section, between its markers).
The JavaScript binding is timed by bench.js in a Node subprocess.

    .venv/bin/python benches/analytics/generate.py      # once: 10M events -> target/
    cargo bench -p pmkit-benches --bench analytics       # native Rust times (optional)
    .venv/bin/python benches/analytics/compare.py [--no-write] [--repeat 3]

Times are the best of --repeat runs (pandas' rolling MAU runs once: it takes minutes).
pmkit's times include reading the numpy columns (zero-copy), numbering the user ids
(id mapping) and building the result objects. Peak memory is measured in a fresh process.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import platform
import resource
import subprocess
import sys
import time

import numpy as np
import pandas as pd
import polars as pl

import pmkit

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "target" / "analytics-bench"
README = ROOT / "benches" / "README.md"
BEGIN, END = "<!-- analytics-bench:begin -->", "<!-- analytics-bench:end -->"


def best(fn, repeat: int):
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return min(times), result


# ---- weekly cohort matrix: first-time ISO-week cohorts, distinct users per (cohort, k) ----


def cohorts_pmkit(ids, ts):
    matrix = pmkit.retention(ids, ts, period="week")
    first_week = (int(ts.min()) // 86_400 + 3) // 7
    return {
        (first_week + c, k): n
        for c, row in enumerate(matrix.counts)
        for k, n in enumerate(row)
        if n  # the pandas and polars recipes list only non-empty cells
    }


def cohorts_pandas(ids, ts):
    df = pd.DataFrame({"user_id": ids, "ts": ts})
    df["week"] = pd.to_datetime(df["ts"], unit="s").dt.to_period("W").dt.start_time
    df["cohort"] = df.groupby("user_id")["week"].transform("min")
    df["k"] = (df["week"] - df["cohort"]).dt.days // 7
    matrix = df.groupby(["cohort", "k"])["user_id"].nunique()
    epoch = pd.Timestamp("1970-01-01")
    return {(((c - epoch).days + 3) // 7, int(k)): int(n) for (c, k), n in matrix.items()}


def cohorts_polars(ids, ts):
    df = pl.DataFrame({"user_id": ids, "ts": ts})
    matrix = (
        df.with_columns(pl.from_epoch("ts", time_unit="s").dt.truncate("1w").alias("week"))
        .with_columns(pl.col("week").min().over("user_id").alias("cohort"))
        .with_columns(((pl.col("week") - pl.col("cohort")).dt.total_days() // 7).alias("k"))
        .group_by("cohort", "k")
        .agg(pl.col("user_id").n_unique().alias("users"))
    )
    epoch_days = matrix["cohort"].dt.epoch("d")
    return {((d + 3) // 7, k): n for d, k, n in zip(epoch_days, matrix["k"], matrix["users"])}


# ---- rolling DAU and MAU (30 days ending each day), per day ----


def active_pmkit(ids, ts):
    active = pmkit.active_users(ids, ts)
    return active.dau, active.mau


def active_pandas(ids, ts):
    df = pd.DataFrame({"user_id": ids, "day": ts // 86_400}).drop_duplicates()
    days = np.arange(df["day"].min(), df["day"].max() + 1)
    dau = df.groupby("day")["user_id"].nunique().reindex(days, fill_value=0)
    mau = [df.loc[(df["day"] > d - 30) & (df["day"] <= d), "user_id"].nunique() for d in days]
    return dau.tolist(), mau


def active_polars(ids, ts):
    return active_polars_pairs(pl.DataFrame({"user_id": ids, "day": ts // 86_400}))


def active_polars_pairs(pairs: pl.DataFrame):
    """Rolling DAU and MAU from a frame of `user_id` and `day` (day numbers)."""
    pairs = pairs.unique().sort("day")
    dau = pairs.group_by("day").agg(pl.len().alias("dau")).sort("day")
    mau = (
        pairs.group_by_dynamic("day", every="1i", period="30i", offset="-30i", closed="right", label="right")
        .agg(pl.col("user_id").n_unique().alias("mau"))
        .sort("day")
    )
    days = pl.DataFrame({"day": np.arange(pairs["day"].min(), pairs["day"].max() + 1)})
    joined = days.join(dau, on="day", how="left").join(mau, on="day", how="left").fill_null(0)
    return joined["dau"].to_list(), joined["mau"].to_list()


# ---- memory: pmkit's peak over the input, in a fresh process ----

MEMORY_PROBE = r"""
import json, sys, numpy as np, pmkit
def status(field):
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) * 1024 for line in f if line.startswith(field + ":"))
ids = np.load(sys.argv[1]); ts = np.load(sys.argv[2])
# Reset the peak-RSS mark (a forked child inherits its parent's), then measure.
with open("/proc/self/clear_refs", "w") as f:
    f.write("5")
base = status("VmRSS")
getattr(pmkit, sys.argv[3])(ids, ts)
print(json.dumps({"extra": max(status("VmHWM") - base, 0), "input": ids.nbytes + ts.nbytes}))
"""


def peak_memory(function: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", MEMORY_PROBE, str(DATA / "user_ids.npy"), str(DATA / "times.npy"), function],
        check=True, capture_output=True, text=True,
    )
    return json.loads(out.stdout)


def javascript_times() -> dict | None:
    script = ROOT / "benches" / "analytics" / "bench.js"
    if not (ROOT / "bindings-wasm" / "pkg").exists():
        return None
    out = subprocess.run(["node", str(script)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def rust_times() -> dict | None:
    """Criterion's mean times (seconds) of `cargo bench -p pmkit-benches --bench analytics`, if run."""
    base = ROOT / "target" / "criterion" / "analytics"
    out = {}
    for key, folder in (
        ("retention", "weekly cohort matrix"),
        ("active_users", "rolling DAU_MAU"),
        ("retention_1", "weekly cohort matrix, 1 thread"),
        ("active_users_1", "rolling DAU_MAU, 1 thread"),
    ):
        path = base / folder / "new" / "estimates.json"
        if not path.exists():
            return None
        out[key] = json.loads(path.read_text())["mean"]["point_estimate"] / 1e9
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    ids, ts = np.load(DATA / "user_ids.npy"), np.load(DATA / "times.npy")
    rows, users = len(ids), len(np.unique(ids))
    print(f"{rows:,} events, {users:,} users, {(ts.max() - ts.min()) // 86_400 + 1} days")

    results = {}
    for task, runs in {
        "weekly cohort matrix": [("pmkit", cohorts_pmkit, args.repeat), ("polars", cohorts_polars, args.repeat), ("pandas", cohorts_pandas, 1)],
        "rolling DAU/MAU": [("pmkit", active_pmkit, args.repeat), ("polars", active_polars, args.repeat), ("pandas", active_pandas, 1)],
    }.items():
        answers = {}
        for name, fn, repeat in runs:
            seconds, answers[name] = best(lambda: fn(ids, ts), repeat)
            results[(task, name)] = seconds
            print(f"{task:22} {name:7} {seconds:8.3f} s", flush=True)
        for name in answers:
            assert answers[name] == answers["pmkit"], f"{task}: {name} differs from pmkit"
        print(f"{task:22} results equal in pmkit, polars and pandas")

    memory = {f: peak_memory(f) for f in ("retention", "active_users")}
    js = javascript_times()
    table = [
        "| task | pmkit (Python) | polars | pandas | polars / pmkit | pandas / pmkit |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for task in ("weekly cohort matrix", "rolling DAU/MAU"):
        p, po, pa = (results[(task, n)] for n in ("pmkit", "polars", "pandas"))
        table.append(f"| {task} | {p:.3f} s | {po:.3f} s | {pa:.2f} s | **{po / p:.1f}×** | **{pa / p:.1f}×** |")
    lines = [
        BEGIN,
        "## Product analytics (`benches/analytics/`)",
        "",
        f"{rows:,} events of {users:,} users over 182 days (heavy-tailed activity, database-style",
        "int64 ids with gaps, rows in random order), generated by `benches/analytics/generate.py`.",
        "Measured in one process, one run, on the same arrays, with equal results checked first:",
        "",
        "```sh",
        ".venv/bin/python benches/analytics/generate.py",
        "cargo bench -p pmkit-benches --bench analytics     # native Rust, for the JavaScript ratio",
        ".venv/bin/python benches/analytics/compare.py",
        "```",
        "",
        *table,
        "",
        "Best of 3 runs (pandas' loop over days for the rolling MAU: 1 run). Recipes: pandas",
        "`to_period(\"W\")` + `groupby().transform(\"min\")` + `nunique` for the cohorts, and",
        "`drop_duplicates` + a loop over days with `nunique` for the rolling MAU; polars",
        "`dt.truncate(\"1w\")` + `min().over(\"user_id\")` + `n_unique`, and `group_by_dynamic`",
        "(30-day period) with `n_unique`. pmkit's time includes reading the numpy columns and",
        "numbering the user ids. On logs of a million rows or more pmkit runs its passes over",
        "the rows and users on every available core (at most 8; both here), as polars does;",
        "pandas uses one.",
        "",
        "Peak memory of pmkit above the loaded input (fresh process, `VmHWM` after a reset): "
        + ", ".join(
            f"`{f}` {m['extra'] / 2**20:.0f} MiB = {m['extra'] / m['input']:.2f}× the input ({m['input'] / 2**20:.0f} MiB)"
            for f, m in memory.items()
        )
        + ".",
    ]
    rust = rust_times()
    if js:
        # The JavaScript goal is measured against native Rust (criterion) when it has run,
        # else against the Rust core through Python.
        reference = rust or {
            "retention": results[("weekly cohort matrix", "pmkit")],
            "active_users": results[("rolling DAU/MAU", "pmkit")],
        }
        against = "native Rust (criterion)" if rust else "the Rust core through Python"
        if rust:
            # WebAssembly runs on one core, so the binding's own cost is JavaScript against
            # Rust on one core (`EventLog::with_max_threads(1)`); all cores shown beside it.
            lines += [
                "",
                f"JavaScript (wasm, Node {js['node']}; columns as Float64Array) against native Rust (criterion):",
                "",
                "| task | Rust, 1 core | Rust, all cores | JavaScript | JavaScript / Rust on 1 core | JavaScript / Rust on all cores |",
                "| --- | ---: | ---: | ---: | ---: | ---: |",
            ] + [
                f"| {task} | {rust[key + '_1']:.3f} s | {rust[key]:.3f} s | {js[key]:.3f} s "
                f"| **{js[key] / rust[key + '_1']:.1f}×** | {js[key] / rust[key]:.1f}× |"
                for task, key in (("weekly cohort matrix", "retention"), ("rolling DAU/MAU", "active_users"))
            ]
        else:
            lines += [
                "",
                f"JavaScript (wasm, Node {js['node']}; columns as Float64Array) against {against}:",
                "",
                "| task | Rust | JavaScript | JavaScript / Rust |",
                "| --- | ---: | ---: | ---: |",
                f"| weekly cohort matrix | {reference['retention']:.3f} s | {js['retention']:.3f} s | **{js['retention'] / reference['retention']:.1f}×** |",
                f"| rolling DAU/MAU | {reference['active_users']:.3f} s | {js['active_users']:.3f} s | **{js['active_users'] / reference['active_users']:.1f}×** |",
            ]
        lines += [
            "",
            "Rust times: `cargo bench -p pmkit-benches --bench analytics` (run it before compare.py;"
            " it reads the same generated log). JavaScript: `node benches/analytics/bench.js`, best of 3.",
            "WebAssembly has no threads here, so the JavaScript binding runs on one core while native",
            "Rust (and pmkit from Python) uses every core for logs of a million rows and more.",
        ]
    lines += [
        "",
        "Sparse 64-bit ids (hashes) take a hash map to number (on one core) and are slower: about",
        "0.26–0.29 s for either task on this log (ids multiplied by a 64-bit odd constant; still",
        "several times faster than polars); ids that fall in a range, like database ids, are numbered by",
        "subtraction.",
        "",
        f"Machine: {platform.machine()}, {platform.python_version()}, numpy {np.__version__}, "
        f"pandas {pd.__version__}, polars {pl.__version__}; 2 cores.",
        END,
    ]
    section = "\n".join(lines)
    print(section)
    if not args.no_write:
        write_section(section, BEGIN, END)


def write_section(section: str, begin: str, end: str) -> None:
    """Puts `section` (which starts with `begin` and ends with `end`) into benches/README.md,
    in place of the one between those markers, or at the end."""
    text = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    if begin in text:
        head, rest = text.split(begin, 1)
        text = head + section + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    README.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
