"""Generate a Jira-like data set in pmkit's JSON form, independently of pmkit.

Standard library only (random.Random with a seed), so the data owes nothing to pmkit's
own generator. Items move through a five-column board (Backlog, Committed, Build, Test,
Done) with the untidy habits of real trackers: columns skipped, moves backwards, a
status no column maps ("Waiting"), flags set and cleared (some never cleared), several
moves on one day, items closed straight from the backlog, and recent items still open.

    python generate.py --items 100000 --seed 1 --out data.json
"""

from __future__ import annotations

import argparse
import datetime
import json
import random

WORKFLOW = {
    "columns": [
        {"name": "Backlog", "statuses": ["Backlog", "To Do"]},
        {"name": "Committed", "statuses": ["Next"]},
        {"name": "Build", "statuses": ["Build", "In Progress"]},
        {"name": "Test", "statuses": ["Code review", "QA"]},
        {"name": "Done", "statuses": ["Done"]},
    ],
    "backlog": "Backlog",
    "committed": "Committed",
    "done": "Done",
}
TYPES = ["Story"] * 6 + ["Bug"] * 3 + ["Task"]
POINTS = [1, 2, 3, 5, 8, 13]


def generate(count: int, seed: int, per_day: int = 30) -> dict:
    rng = random.Random(seed)
    start = datetime.datetime(2019, 1, 1, 9, 0)
    days = count // per_day + 1
    today = (start + datetime.timedelta(days=days)).date()
    end_of_today = datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time())
    items = []
    for index in range(count):
        created = start + datetime.timedelta(days=index // per_day, minutes=rng.randrange(600))
        at = created
        status = "Backlog"
        moves = []

        def move(to: str, days: float) -> None:
            nonlocal at, status
            at += datetime.timedelta(days=days, minutes=rng.randrange(1, 240))
            moves.append((at, status, to))
            status = to

        roll = rng.random()
        if roll < 0.03:
            move("Done", rng.randrange(0, 10))  # closed from the backlog
        else:
            move(rng.choice(["Next", "Next", "Next", "Build"]), rng.expovariate(1 / 6))
            if status == "Next":
                move(rng.choice(["Build", "In Progress"]), rng.expovariate(1 / 2))
            if rng.random() < 0.05:
                move("Waiting", rng.expovariate(1 / 2))
                move("Build", rng.expovariate(1 / 3))
            move(rng.choice(["Code review", "QA"]), rng.expovariate(1 / 4))
            if rng.random() < 0.1:
                move("Build", rng.random())  # back from test
                move("QA", rng.expovariate(1 / 2))
            if rng.random() < 0.02:
                move("Backlog", rng.random())  # put back on the shelf
            else:
                move("Done", rng.choice([0, 0.1, rng.expovariate(1 / 2)]))
        transitions = [
            {"at": moment.isoformat(timespec="seconds"), "from": source, "to": target}
            for moment, source, target in moves
            if moment < end_of_today
        ]
        blocked = []
        if transitions and rng.random() < 0.1:
            flag = datetime.datetime.fromisoformat(transitions[0]["at"]) + datetime.timedelta(hours=rng.randrange(1, 72))
            if flag < end_of_today:
                cleared = flag + datetime.timedelta(days=rng.expovariate(1 / 2))
                blocked.append(
                    {
                        "start": flag.isoformat(timespec="seconds"),
                        "end": cleared.isoformat(timespec="seconds") if cleared < end_of_today and rng.random() < 0.9 else None,
                    }
                )
        items.append(
            {
                "key": f"GEN-{index + 1}",
                "item_type": rng.choice(TYPES),
                "points": rng.choice(POINTS),
                "created": created.isoformat(timespec="seconds"),
                "status": "Backlog",
                "transitions": transitions,
                "blocked": blocked,
            }
        )
    return {"items": items, "workflow": WORKFLOW, "today": today.isoformat(), "frequency": "1W-MON"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(generate(args.items, args.seed), handle)


if __name__ == "__main__":
    main()
