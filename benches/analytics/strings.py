"""The analytics benchmark on the data people have: the generated log (generate.py) with
UUID-string user ids and string event names, held as a polars DataFrame, a pyarrow table,
and pandas DataFrames with Arrow-backed strings and with object strings. For each
container, in one process and one run: pmkit from the container's columns against the
polars and pandas recipes on the same container, for the weekly cohort matrix, rolling
DAU/MAU and a 3-step sequential funnel, with every answer checked equal first. Writes the
table into the "Text ids" section of benches/README.md (between its markers).

    .venv/bin/python benches/analytics/strings.py [--rows N] [--users N] [--repeat 3] [--no-write]

The log is built in memory from generate.py's generator (same seed): each int64 user id
becomes a UUID string (one per user), each row gets one of 12 event names (seeded).
pmkit's times include reading the Arrow (or object) columns and numbering the strings.
pandas' rolling MAU runs once and only on the smaller logs (--pandas-mau-rows).
"""

from __future__ import annotations

import argparse
import os
import pathlib
import platform
import time
import uuid
from typing import Any, Callable

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

import pmkit

from compare import active_pandas, active_polars_pairs, best, write_section
from generate import generate

ROOT = pathlib.Path(__file__).resolve().parents[2]
BEGIN, END = "<!-- analytics-strings:begin -->", "<!-- analytics-strings:end -->"
EVENT_NAMES = [
    "$pageview", "$autocapture", "signup", "view_item", "add_to_cart", "checkout",
    "purchase", "search", "share", "invite", "settings", "logout",
]
STEPS = ["view_item", "add_to_cart", "purchase"]
WINDOW = 30 * 86_400


def string_log(rows: int, users: int) -> pa.Table:
    """The generated log with UUID user ids and event names, as a pyarrow table."""
    ids, ts = generate(rows, users)
    distinct, inverse = np.unique(ids, return_inverse=True)
    rng = np.random.default_rng(7)
    uuids = pa.array([str(uuid.UUID(int=int(x))) for x in rng.integers(0, 2**63, distinct.size, dtype=np.int64)])
    weights = np.array([30, 20, 3, 20, 8, 4, 3, 6, 2, 1, 2, 1], dtype=float)
    events = pa.array(EVENT_NAMES).take(pa.array(rng.choice(len(EVENT_NAMES), rows, p=weights / weights.sum())))
    return pa.table({
        "distinct_id": pc.take(uuids, pa.array(inverse)),
        "timestamp": pa.array(ts * 1_000_000, pa.timestamp("us", tz="UTC")),
        "event": events,
    })


# ---- pmkit from any container's columns ----


def pmkit_tasks(user: Any, time_: Any, event: Any) -> dict[str, Any]:
    return {
        "weekly cohort matrix": lambda: cohorts_of(pmkit.retention(user, time_, period="week")),
        "rolling DAU/MAU": lambda: tuple(getattr(pmkit.active_users(user, time_), k) for k in ("dau", "mau")),
        "3-step funnel": lambda: pmkit.event_funnel(user, time_, event, STEPS, window_seconds=WINDOW).reached,
    }


def cohorts_of(matrix: Any) -> dict[tuple[int, int], int]:
    first = (matrix.cohort_starts[0] - pd.Timestamp("1970-01-01").date()).days
    return {((first + 7 * c + 3) // 7, k): n for c, row in enumerate(matrix.counts) for k, n in enumerate(row) if n}


# ---- polars' recipes on the polars DataFrame ----


def polars_cohorts(df: pl.DataFrame) -> dict[tuple[int, int], int]:
    matrix = (
        df.select("distinct_id", pl.col("timestamp").dt.truncate("1w").alias("week"))
        .with_columns(pl.col("week").min().over("distinct_id").alias("cohort"))
        .with_columns(((pl.col("week") - pl.col("cohort")).dt.total_days() // 7).alias("k"))
        .group_by("cohort", "k")
        .agg(pl.col("distinct_id").n_unique().alias("users"))
    )
    days = matrix["cohort"].dt.epoch("d")
    return {((d + 3) // 7, k): n for d, k, n in zip(days, matrix["k"], matrix["users"])}


def polars_funnel(df: pl.DataFrame) -> list[int]:
    t = pl.col("timestamp").dt.epoch("s")
    steps = df.filter(pl.col("event").is_in(STEPS)).select("distinct_id", "event", t.alias("t"))
    reached = steps.filter(pl.col("event") == STEPS[0]).group_by("distinct_id").agg(pl.col("t").min().alias("t0"))
    counts = [reached.height]
    reached = reached.with_columns(pl.col("t0").alias("prev"))
    for step in STEPS[1:]:
        reached = (
            steps.filter(pl.col("event") == step)
            .join(reached, on="distinct_id")
            .filter((pl.col("t") >= pl.col("prev")) & (pl.col("t") <= pl.col("t0") + WINDOW))
            .group_by("distinct_id")
            .agg(pl.col("t0").first(), pl.col("t").min().alias("prev"))
        )
        counts.append(reached.height)
    return counts


def polars_active(df: pl.DataFrame) -> tuple[list[int], list[int]]:
    day = pl.col("timestamp").dt.epoch("s") // 86_400
    return active_polars_pairs(df.select(pl.col("distinct_id").alias("user_id"), day.alias("day")))


# ---- pandas' recipes on the pandas DataFrame ----


def pandas_cohorts(df: pd.DataFrame) -> dict[tuple[int, int], int]:
    week = df["timestamp"].dt.tz_localize(None).dt.to_period("W").dt.start_time
    frame = pd.DataFrame({"user": df["distinct_id"], "week": week})
    frame["cohort"] = frame.groupby("user")["week"].transform("min")
    frame["k"] = (frame["week"] - frame["cohort"]).dt.days // 7
    matrix = frame.groupby(["cohort", "k"])["user"].nunique()
    epoch = pd.Timestamp("1970-01-01")
    return {(((c - epoch).days + 3) // 7, int(k)): int(n) for (c, k), n in matrix.items()}


def pandas_funnel(df: pd.DataFrame) -> list[int]:
    seconds = (df["timestamp"].dt.tz_localize(None) - pd.Timestamp("1970-01-01")) // pd.Timedelta(seconds=1)
    steps = pd.DataFrame({"user": df["distinct_id"], "event": df["event"], "t": seconds})
    steps = steps[steps["event"].isin(STEPS)]
    reached = steps[steps["event"] == STEPS[0]].groupby("user")["t"].min().rename("t0").reset_index()
    counts = [len(reached)]
    reached["prev"] = reached["t0"]
    for step in STEPS[1:]:
        joined = steps[steps["event"] == step].merge(reached, on="user")
        joined = joined[(joined["t"] >= joined["prev"]) & (joined["t"] <= joined["t0"] + WINDOW)]
        reached = joined.groupby("user").agg(t0=("t0", "first"), prev=("t", "min")).reset_index()
        counts.append(len(reached))
    return counts


def pandas_active(df: pd.DataFrame) -> tuple[list[int], list[int]]:
    codes, _ = pd.factorize(df["distinct_id"])
    seconds = (df["timestamp"].dt.tz_localize(None) - pd.Timestamp("1970-01-01")) // pd.Timedelta(seconds=1)
    return active_pandas(codes, seconds.to_numpy())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--users", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pandas-mau-rows", type=int, default=2_000_000)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    table = string_log(args.rows, args.users)
    print(f"{args.rows:,} events of {args.users:,} UUID users built in {time.perf_counter() - started:.1f} s", flush=True)

    containers: dict[str, Any] = {
        "polars": pl.from_arrow(table),
        "pyarrow": table,
        "pandas (Arrow strings)": table.to_pandas(types_mapper=lambda t: pd.ArrowDtype(t) if t != pa.timestamp("us", tz="UTC") else None),
        "pandas (object strings)": table.to_pandas(strings_to_categorical=False, types_mapper=None),
    }
    containers["pandas (object strings)"]["distinct_id"] = containers["pandas (object strings)"]["distinct_id"].astype(object)
    containers["pandas (object strings)"]["event"] = containers["pandas (object strings)"]["event"].astype(object)
    polars_df = containers["polars"]
    recipes: dict[str, dict[str, Callable[[], Any]]] = {
        "polars": {
            "weekly cohort matrix": lambda: polars_cohorts(polars_df),
            "rolling DAU/MAU": lambda: polars_active(polars_df),
            "3-step funnel": lambda: polars_funnel(polars_df),
        },
    }
    # From a pyarrow table, polars' recipes after `pl.from_arrow` (timed with it).
    recipes["pyarrow"] = {
        task: (lambda recipe=recipe: recipe(pl.from_arrow(table)))
        for task, recipe in (
            ("weekly cohort matrix", polars_cohorts),
            ("rolling DAU/MAU", polars_active),
            ("3-step funnel", polars_funnel),
        )
    }
    for name in ("pandas (Arrow strings)", "pandas (object strings)"):
        frame = containers[name]
        recipes[name] = {
            "weekly cohort matrix": lambda frame=frame: pandas_cohorts(frame),
            "3-step funnel": lambda frame=frame: pandas_funnel(frame),
        }
        if args.rows <= args.pandas_mau_rows:
            recipes[name]["rolling DAU/MAU"] = lambda frame=frame: pandas_active(frame)

    rows = []
    reference: dict[str, Any] = {}
    for name, container in containers.items():
        tasks = pmkit_tasks(container["distinct_id"], container["timestamp"], container["event"])
        for task, fn in tasks.items():
            seconds, answer = best(fn, args.repeat)
            reference.setdefault(task, answer)
            assert answer == reference[task], f"{task}: pmkit from {name} differs"
            recipe = recipes.get(name, {}).get(task)
            if recipe is None:
                rows.append((task, name, seconds, None))
                print(f"{task:22} {name:24} pmkit {seconds:7.3f} s", flush=True)
                continue
            theirs, their_answer = best(recipe, 1 if name.startswith("pandas") else args.repeat)
            assert their_answer == answer if task != "rolling DAU/MAU" else tuple(their_answer) == tuple(answer), (
                f"{task}: the {name} recipe differs from pmkit"
            )
            rows.append((task, name, seconds, theirs))
            print(f"{task:22} {name:24} pmkit {seconds:7.3f} s  recipe {theirs:7.3f} s  {theirs / seconds:5.1f}×", flush=True)

    table_lines = [
        "| task | container | pmkit | its own recipe | recipe / pmkit |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for task, name, mine, theirs in rows:
        recipe = f"{theirs:.3f} s" if theirs is not None else "–"
        ratio = f"**{theirs / mine:.1f}×**" if theirs is not None else "–"
        table_lines.append(f"| {task} | {name} | {mine:.3f} s | {recipe} | {ratio} |")
    section = "\n".join([
        BEGIN,
        "## Text ids: polars, pyarrow and pandas containers (`benches/analytics/strings.py`)",
        "",
        f"The same generated log ({args.rows:,} events, {args.users:,} users) with UUID-string user ids",
        "and 12 string event names, held as a polars DataFrame (`str`, Utf8View), a pyarrow table",
        "(utf8), a pandas DataFrame with Arrow-backed strings and one with object strings. pmkit reads",
        "each container's columns directly (Arrow PyCapsule; object strings through pyarrow); each",
        "recipe runs on its own container (polars' on a pyarrow table after `pl.from_arrow`, timed).",
        "Equal answers are checked first; best of",
        f"{args.repeat} runs (pandas recipes: 1 run; pandas' rolling MAU loop only up to",
        f"{args.pandas_mau_rows:,} rows).",
        "",
        "```sh",
        f".venv/bin/python benches/analytics/strings.py --rows {args.rows} --users {args.users}",
        "```",
        "",
        *table_lines,
        "",
        "Every pmkit call above numbers the strings again (no `EventLog` yet): most of pmkit's time",
        "here is that numbering (user ids partitioned by hash over the cores, event names in one",
        "map). The funnel numbers every row's user and event name, where polars' recipe first keeps",
        "the rows of its three steps: the one task where pmkit is slower than polars.",
        "",
        f"Machine: {platform.machine()}, {platform.python_version()}, pandas {pd.__version__}, "
        f"polars {pl.__version__}, pyarrow {pa.__version__}; 2 cores shared with other work "
        f"(load average {os.getloadavg()[0]:.1f} at the end of the run).",
        END,
    ])
    print(section)
    if not args.no_write:
        write_section(section, BEGIN, END)


if __name__ == "__main__":
    main()
