"""pmkit analytics from Python: column types, keyword use, errors, partial counts, and a
check against a careful pandas computation of the same definitions on a random log."""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest

import pmkit

# 19002 is Monday 2022-01-10 (day numbers count from 1970-01-01).
USERS = [1, 2, 1, 3]
DAYS = [19002, 19003, 19022, 19015]


def test_defaults_are_weekly_first_time_on_retention() -> None:
    matrix = pmkit.retention(USERS, DAYS, unit="days")
    assert matrix.options == {
        "period": "week", "cohorts": "first_time", "kind": "on", "start_event": None, "return_event": None
    }
    assert matrix.cohort_starts == ["2022-01-10", "2022-01-17", "2022-01-24"]
    assert matrix.counts[0] == [2, 0, 1]
    assert matrix.counts[1][2] is None  # cannot exist yet, not zero
    assert "Retention(options=" in repr(matrix)
    assert matrix == pmkit.retention(USERS, DAYS, unit="D")


@pytest.mark.parametrize("dtype", ["int64", "uint64", "int32", "uint16", "float64"])
def test_every_integer_dtype_gives_the_same_matrix(dtype: str) -> None:
    ids = np.array(USERS, dtype=dtype)
    assert pmkit.retention(ids, np.array(DAYS), unit="days") == pmkit.retention(USERS, DAYS, unit="days")


def test_datetime64_columns_carry_their_unit() -> None:
    days = np.array(DAYS, dtype="datetime64[D]")
    expected = pmkit.retention(USERS, DAYS, unit="days")
    assert pmkit.retention(USERS, days) == expected
    assert pmkit.retention(USERS, days.astype("datetime64[ns]")) == expected
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.retention(USERS, days, unit="s")
    assert raised.value.field == "unit"


def test_pandas_and_polars_series() -> None:
    polars = pytest.importorskip("polars")
    frame = pd.DataFrame({"user": USERS, "ts": pd.to_datetime(DAYS, unit="D")})
    expected = pmkit.retention(USERS, DAYS, unit="days")
    assert pmkit.retention(frame["user"], frame["ts"]) == expected
    pl_frame = polars.from_pandas(frame)
    assert pmkit.retention(pl_frame["user"], pl_frame["ts"]) == expected
    assert pmkit.active_users(pl_frame["user"], pl_frame["ts"]).dau[:2] == [1, 1]


def test_text_ids_and_event_names() -> None:
    users = ["ann", "bob", "ann", "cy"]
    assert pmkit.retention(users, DAYS, unit="days") == pmkit.retention(USERS, DAYS, unit="days")
    events = ["signup", "signup", "buy", "buy"]
    matrix = pmkit.retention(users, DAYS, events=events, start_event="signup", return_event="buy", unit="days")
    assert matrix.cohort_sizes == [2, 0, 0]
    assert matrix.counts[0] == [0, 0, 1]
    # A name the column never holds: nobody starts.
    assert pmkit.retention(users, DAYS, events=events, start_event="refund", unit="days").cohort_sizes == [0, 0, 0]
    codes = pmkit.encode_ids(users)
    again = pmkit.encode_ids(["dan", "ann"], known=codes.ids)
    assert (codes.codes, again.codes) == ([0, 1, 0, 2], [3, 0])


def test_errors_are_pmkit_errors_with_kind_and_field() -> None:
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.active_users([1, -7], [0, 1])
    assert (raised.value.kind, raised.value.field) == ("invalid_input", "user_ids[1]")
    with pytest.raises(pmkit.OutOfRangeError):
        pmkit.active_users([1], [-1])
    with pytest.raises(pmkit.ParseError):
        pmkit.retention([1], [0], kind="after")
    with pytest.raises(pmkit.UndefinedMetricError):
        pmkit.retention([], [])
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.retention(np.zeros((2, 2), dtype="int64"), [0, 1])
    assert raised.value.field == "user_ids"
    with pytest.raises(pmkit.InvalidInputError):
        pmkit.retention([True, False], [0, 1])
    with pytest.raises(ValueError):  # every PmkitError is a ValueError
        pmkit.retention([1], [0], period="fortnight")


def test_non_contiguous_arrays_are_read() -> None:
    ids = np.array([[1, 0], [2, 0], [1, 0], [3, 0]])[:, 0]
    assert not ids.flags["C_CONTIGUOUS"]
    assert pmkit.retention(ids, DAYS, unit="days") == pmkit.retention(USERS, DAYS, unit="days")


def test_counts_pickle_merge_and_finish() -> None:
    a = pmkit.retention_counts([1, 1, 3], [19002, 19022, 19015], unit="days")
    b = pmkit.retention_counts([2], [19003], unit="days")
    assert a.metric == "retention"
    assert pickle.loads(pickle.dumps(a)) == a
    whole = pmkit.retention(USERS, DAYS, unit="days")
    assert pmkit.merge_counts([a, b]).finish() == whole
    assert pmkit.finish_counts(a.merge(b.to_dict())) == whole
    assert pmkit.Counts(a.to_dict()) == a
    empty = pmkit.active_user_counts([], [])
    assert pmkit.merge_counts([empty, pmkit.active_user_counts([1], [19000], unit="days")]).finish().dau == [1]
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.merge_counts([a, empty])
    assert raised.value.field == "parts[1]"


def test_sample_events() -> None:
    sample = pmkit.sample_events()
    active = pmkit.active_users(sample.user_ids, sample.times)
    assert active.days[0] == "2026-01-05" and active.days[-1] == "2026-03-01"
    weekly = pmkit.retention(sample.user_ids, sample.times)
    assert weekly.last_period_complete
    assert len(weekly.cohort_starts) == 8


# ---- against pandas: the definitions, computed the slow and careful way ----


def random_log(seed: int, rows: int = 20_000, users: int = 1_500) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    # Heavy-tailed activity: a few users make most of the events.
    user = (rng.pareto(1.2, rows) * 50).astype("int64") % users
    start = np.int64(1_767_225_600)  # 2026-01-01T00:00:00Z, a Thursday
    ts = start + rng.integers(0, 75 * 86_400, rows)
    order = rng.permutation(rows)
    return pd.DataFrame({"user": user[order] * 7919 + 10**12, "ts": ts[order]})


def pandas_retention(frame: pd.DataFrame, kind: str) -> dict[tuple[int, int], int]:
    """Weekly ISO first-time cohorts: (cohort week, k) -> distinct users."""
    day = frame.ts // 86_400
    week = (day + 3) // 7  # ISO weeks: 1970-01-01 was a Thursday
    data = pd.DataFrame({"user": frame.user, "week": week}).drop_duplicates()
    data["cohort"] = data.groupby("user")["week"].transform("min")
    data["k"] = data.week - data.cohort
    if kind == "on":
        counts = data.groupby(["cohort", "k"])["user"].nunique()
        return {key: int(value) for key, value in counts.items()}
    last = data.groupby("user").agg(cohort=("cohort", "first"), last_k=("k", "max"))
    out: dict[tuple[int, int], int] = {}
    for cohort, last_k in zip(last.cohort, last.last_k):
        for k in range(last_k + 1):
            out[(cohort, k)] = out.get((cohort, k), 0) + 1
    return out


@pytest.mark.parametrize("kind", ["on", "on_or_after"])
def test_retention_equals_pandas(kind: str) -> None:
    frame = random_log(7)
    matrix = pmkit.retention(frame.user, frame.ts, kind=kind)
    expected = pandas_retention(frame, kind)
    first_week = (frame.ts.min() // 86_400 + 3) // 7
    for c, row in enumerate(matrix.counts):
        for k, cell in enumerate(row):
            if cell is not None:
                assert cell == expected.get((first_week + c, k), 0), (c, k)
    sizes = pd.Series({c: n for (c, k), n in pandas_retention(frame, "on").items() if k == 0})
    assert matrix.cohort_sizes == [int(sizes.get(first_week + c, 0)) for c in range(len(matrix.cohort_sizes))]


def test_active_users_equal_pandas() -> None:
    frame = random_log(11)
    active = pmkit.active_users(frame.user, frame.ts)
    day = frame.ts // 86_400
    pairs = pd.DataFrame({"user": frame.user, "day": day}).drop_duplicates()
    days = np.arange(day.min(), day.max() + 1)
    dau = pairs.groupby("day")["user"].nunique().reindex(days, fill_value=0)
    mau = [pairs[(pairs.day > d - 30) & (pairs.day <= d)].user.nunique() for d in days]
    wau = [pairs[(pairs.day > d - 7) & (pairs.day <= d)].user.nunique() for d in days]
    assert active.dau == dau.tolist()
    assert active.mau == mau
    assert active.wau == wau
    monthly = pairs.assign(month=pd.to_datetime(pairs.day, unit="D").dt.to_period("M")).groupby("month")["user"].nunique()
    assert active.monthly == monthly.tolist()
