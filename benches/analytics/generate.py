"""Generates the analytics benchmark's event log: 10 million events of 1 million users over
182 days (2025-01-01 to 2025-07-01, UTC), heavy-tailed activity, rows in random order.

Written as raw little-endian columns (numpy .npy) under target/analytics-bench/ (git-ignored):
user_ids.npy (int64), times.npy (int64 seconds since the epoch), and the same as float64 for
the JavaScript run. Deterministic (seed 2026); rerunning rewrites the same files.

    .venv/bin/python benches/analytics/generate.py [--rows N] [--users N]
"""

from __future__ import annotations

import argparse
import pathlib
import time

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "target" / "analytics-bench"
START = 1_735_689_600  # 2025-01-01T00:00:00Z
DAYS = 182


def generate(rows: int, users: int, seed: int = 2026) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    # Heavy-tailed activity: each user's share of events follows a Pareto law (α = 1.2), so
    # most users come a few times and a few users make a large share of all events.
    # Every user has at least their sign-up event.
    weight = rng.pareto(1.2, users) + 0.05
    extra = rng.choice(users, size=rows - users, p=weight / weight.sum())
    user = np.concatenate([np.arange(users), extra])
    # Sign-ups spread over the half-year; activity thins out after sign-up.
    signup = rng.integers(0, DAYS, users)
    first = signup[user]
    offset = (rng.random(rows) ** 2 * (DAYS - first)).astype(np.int64)
    offset[:users] = 0
    day = first + offset
    times = START + day * 86_400 + rng.integers(0, 86_400, rows)
    # Database-style ids: one million distinct ids with gaps (deleted accounts), not 0..n.
    ids = rng.choice(np.arange(1_000_000, 1_000_000 + users * 5 // 4), size=users, replace=False)
    user_ids = ids[user].astype(np.int64)
    # Rows in random order (choice already draws users at random; shuffle the days too).
    order = rng.permutation(rows)
    return user_ids[order], times[order].astype(np.int64)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--users", type=int, default=1_000_000)
    args = parser.parse_args()
    started = time.perf_counter()
    user_ids, times = generate(args.rows, args.users)
    OUT.mkdir(parents=True, exist_ok=True)
    np.save(OUT / "user_ids.npy", user_ids)
    np.save(OUT / "times.npy", times)
    user_ids.astype(np.float64).tofile(OUT / "user_ids.f64")
    times.astype(np.float64).tofile(OUT / "times.f64")
    print(
        f"{args.rows:,} events of {np.unique(user_ids).size:,} users over "
        f"{(times.max() - times.min()) // 86_400 + 1} days -> {OUT} ({time.perf_counter() - started:.1f} s)"
    )


if __name__ == "__main__":
    main()
