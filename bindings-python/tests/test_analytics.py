"""pmkit analytics from Python: column types, keyword use, errors, partial counts, and a
check against a careful pandas computation of the same definitions on a random log."""

from __future__ import annotations

import datetime
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
    assert matrix.cohort_starts == [datetime.date(2022, 1, 10), datetime.date(2022, 1, 17), datetime.date(2022, 1, 24)]
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
    assert (matrix.options["start_event"], matrix.options["return_event"]) == ("signup", "buy")
    assert matrix.to_dict()["options"]["start_event"] == "signup"
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
    assert active.days[0] == datetime.date(2026, 1, 5) and active.days[-1] == datetime.date(2026, 3, 1)
    weekly = pmkit.retention(sample.user_ids, sample.times)
    assert weekly.last_period_complete
    assert len(weekly.cohort_starts) == 8


# ---- event names, time zones and dtypes ----

# Three users: a and b view, a and c add to cart, only a buys.
NAMED_USERS = ["a", "a", "a", "b", "c"]
NAMED_TIMES = [0, 60, 120, 0, 30]
NAMED_EVENTS = ["view", "cart", "buy", "view", "cart"]


def test_names_against_integer_events_are_errors() -> None:
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.event_funnel([1, 1, 2], [1, 2, 3], events=[0, 1, 0], steps=["signup", "purchase"])
    assert raised.value.field == "steps[0]"
    assert '"signup" is a name but events holds codes; pass a code, or text events' in str(raised.value)
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.feature_adoption([1, 2], [1, 2], events=[0, 5], feature="export")
    assert raised.value.field == "feature"
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.retention([1, 2], [1, 2], events=[1, 2], start_event="b")
    assert raised.value.field == "start_event"
    with pytest.raises(pmkit.InvalidInputError) as raised:  # and the other way round
        pmkit.event_funnel(NAMED_USERS, NAMED_TIMES, NAMED_EVENTS, ["view", 1])
    assert raised.value.field == "steps[1]" and "is a code but events holds names" in str(raised.value)
    with pytest.raises(pmkit.InvalidInputError) as raised:  # no events column at all
        pmkit.retention([1, 2], [1, 2], return_event="b")
    assert raised.value.field == "return_event" and "pass `events`" in str(raised.value)


def test_misspelt_event_names_are_errors() -> None:
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.event_funnel(NAMED_USERS, NAMED_TIMES, NAMED_EVENTS, ["view", "cartt"])
    assert raised.value.field == "steps[1]"
    assert str(raised.value) == (
        'steps[1]: "cartt" is not a known name (the column holds "view", "cart", "buy"); check the spelling'
    )
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.feature_adoption(NAMED_USERS, NAMED_TIMES, NAMED_EVENTS, "byu")
    assert raised.value.field == "feature" and '"byu"' in str(raised.value)
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.retention(NAMED_USERS, NAMED_TIMES, events=NAMED_EVENTS, start_event="zzz")
    assert raised.value.field == "start_event"
    # A code no row has is a legitimate zero, not an error.
    assert pmkit.event_funnel([1, 1], [0, 5], [3, 4], [3, 9]).reached == [1, 0]
    # A shard may lack an event another shard has: its partial counts count zero users.
    shard = pmkit.event_funnel_counts(["b"], [0], ["view"], ["view", "buy"])
    assert shard.finish().reached == [1, 0]


def test_results_report_the_event_names_given() -> None:
    funnel = pmkit.event_funnel(NAMED_USERS, NAMED_TIMES, NAMED_EVENTS, ["view", "cart", "buy"], window_seconds=3600)
    assert funnel.steps == ["view", "cart", "buy"]
    assert funnel.reached == [2, 1, 1]
    assert funnel.to_dict()["steps"] == ["view", "cart", "buy"]
    assert repr(funnel).startswith("Funnel(steps=['view', 'cart', 'buy'], window_seconds=3600")
    adoption = pmkit.feature_adoption(NAMED_USERS, NAMED_TIMES, NAMED_EVENTS, "buy")
    assert (adoption.feature, adoption.to_dict()["feature"], adoption.adopters) == ("buy", "buy", 1)
    # Codes stay codes.
    assert pmkit.event_funnel([1, 1], [0, 5], [3, 4], [3, 4]).steps == [3, 4]
    assert pmkit.feature_adoption([1], [0], [7], 7).to_dict()["feature"] == 7


def test_named_counts_merge_across_shards_whatever_their_row_order() -> None:
    # The shards meet the names in different orders; the counts still line up.
    a = pmkit.event_funnel_counts(["a", "a", "a"], [0, 60, 120], ["buy", "cart", "view"], ["view", "cart", "buy"])
    b = pmkit.event_funnel_counts(["b", "c"], [0, 30], ["view", "cart"], ["view", "cart", "buy"])
    assert a.event_names == ["view", "cart", "buy"]
    merged = pmkit.merge_counts([a, pickle.loads(pickle.dumps(b))])
    whole = pmkit.event_funnel(
        ["a", "a", "a", "b", "c"], [0, 60, 120, 0, 30], ["buy", "cart", "view", "view", "cart"], ["view", "cart", "buy"]
    )
    assert merged.finish() == whole
    assert whole.steps == ["view", "cart", "buy"] and whole.reached == [2, 0, 0]  # a bought before viewing
    other = pmkit.event_funnel_counts(["b"], [0], ["view"], ["view", "buy"])
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.merge_counts([a, other])
    assert raised.value.field == "parts[1]"
    start = pmkit.retention_counts(["a", "b"], [0, 0], events=["x", "y"], start_event="y", unit="days")
    assert start.finish().options["start_event"] == "y"
    # Text events without event parameters: nothing to name, the same as no events.
    unnamed = pmkit.retention_counts(["a", "b"], [0, 0], events=["x", "y"], unit="days")
    assert unnamed.event_names is None
    assert unnamed.finish() == pmkit.retention(["a", "b"], [0, 0], unit="days")


def test_time_zone_aware_pandas_times_count_their_own_zones_days() -> None:
    naive = pd.Series(pd.to_datetime(["2022-01-10 00:30", "2022-01-11 23:30"]))
    expected = pmkit.active_users([1, 2], naive)
    assert pmkit.active_users([1, 2], naive.dt.tz_localize("UTC")) == expected
    assert pmkit.active_users([1, 2], pd.DatetimeIndex(naive).tz_localize("UTC")) == expected
    # 00:30 in Berlin (UTC+01:00 in January) is 23:30 UTC on the day before: the
    # column's own zone counts Berlin days, tz="UTC" UTC days.
    berlin = naive.dt.tz_localize("Europe/Berlin")
    assert pmkit.active_users([1, 2], berlin).days == [datetime.date(2022, 1, 10), datetime.date(2022, 1, 11)]
    assert pmkit.active_users([1, 2], berlin, tz="UTC").days == [datetime.date(2022, 1, 9), datetime.date(2022, 1, 10), datetime.date(2022, 1, 11)]
    assert pmkit.active_users([1, 2], berlin, utc_offset_minutes=0).days == [datetime.date(2022, 1, 10), datetime.date(2022, 1, 11)]
    # A zone on a day of a daylight-saving change: 23:30 local on both sides of it.
    # 00:30 EDT on 11 March is 23:30 on 10 March at a fixed UTC−05:00.
    new_york = pd.Series(pd.to_datetime(["2024-03-09 23:30", "2024-03-11 00:30"])).dt.tz_localize("America/New_York")
    assert pmkit.active_users([1, 2], new_york).days == [datetime.date(2024, 3, 9), datetime.date(2024, 3, 10), datetime.date(2024, 3, 11)]
    assert pmkit.active_users([1, 2], new_york, utc_offset_minutes=-300).days == [datetime.date(2024, 3, 9), datetime.date(2024, 3, 10)]
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.active_users([1, 2], pd.Series(pd.to_datetime(["2022-01-10", None])).dt.tz_localize("UTC"))
    assert raised.value.field == "times[1]"


def test_time_zone_aware_polars_times_count_their_own_zones_days() -> None:
    polars = pytest.importorskip("polars")
    berlin = polars.Series("t", [datetime.datetime(2022, 1, 10, 0, 30)]).dt.replace_time_zone("Europe/Berlin")
    assert pmkit.active_users([1], berlin).days == [datetime.date(2022, 1, 10)]
    assert pmkit.active_users([1], berlin, tz="UTC").days == [datetime.date(2022, 1, 9)]
    assert pmkit.active_users([1], berlin, utc_offset_minutes=60).days == [datetime.date(2022, 1, 10)]
    assert pmkit.active_users([1], berlin, tz="Asia/Tokyo").days == [datetime.date(2022, 1, 10)]


def test_python_datetimes_and_dates() -> None:
    plus_one = datetime.timezone(datetime.timedelta(hours=1))
    aware = [datetime.datetime(2022, 1, 10, 0, 30, tzinfo=plus_one), datetime.datetime(2022, 1, 10, 12, 0, tzinfo=datetime.timezone.utc)]
    assert pmkit.active_users([1, 2], aware).days == [datetime.date(2022, 1, 9), datetime.date(2022, 1, 10)]
    naive = [datetime.datetime(2022, 1, 10, 0, 30), datetime.datetime(2022, 1, 10, 12, 0)]
    assert pmkit.active_users([1, 2], naive).dau == [2]  # naive datetimes are read as UTC
    dates = [datetime.date(2022, 1, 10), datetime.date(2022, 1, 12)]
    assert pmkit.active_users([1, 2], dates) == pmkit.active_users([1, 2], [19002, 19004], unit="days")
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.active_users([1, 2], [naive[0], "2022-01-10"])
    assert raised.value.field == "times[1]"
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.active_users([1], naive[:1], unit="s")
    assert raised.value.field == "unit"


def test_big_endian_columns_and_nat() -> None:
    big = np.array([1, 2, 1, 3], dtype=">i8")
    expected = pmkit.retention(USERS, DAYS, unit="days")
    assert pmkit.retention(big, np.array(DAYS, dtype=">i8"), unit="days") == expected
    assert pmkit.retention(USERS, np.array(DAYS, dtype=">f8"), unit="days") == expected
    times = np.array(DAYS, dtype="datetime64[D]")
    times[2] = np.datetime64("NaT")
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.retention(USERS, times)
    assert raised.value.field == "times[2]"
    assert "NaT (missing time) at times[2]" in str(raised.value)


def test_chart_save_names_the_path() -> None:
    chart = pmkit.retention(USERS, DAYS, unit="days").chart()
    with pytest.raises(FileNotFoundError) as raised:
        chart.save("/nonexistent/x.svg")
    assert raised.value.filename == "/nonexistent/x.svg"
    assert "/nonexistent/x.svg" in str(raised.value)


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


def test_stickiness_histogram_equals_pandas() -> None:
    frame = random_log(5)
    histogram = pmkit.stickiness_histogram(frame.user, frame.ts)
    day = frame.ts // 86_400
    pairs = pd.DataFrame({"user": frame.user, "day": day}).drop_duplicates()
    pairs["week"] = (pairs.day + 3) // 7
    days_per_user = pairs.groupby(["week", "user"]).size()
    expected = days_per_user.groupby(level="week").value_counts().sort_index()
    first_week = int(pairs.week.min())
    for (week, k), n in expected.items():
        assert histogram.users[week - first_week][k - 1] == n
    assert histogram.active == pairs.groupby("week")["user"].nunique().tolist()


def test_activity_churn_equals_pandas() -> None:
    frame = random_log(3)
    churn = pmkit.activity_churn(frame.user, frame.ts, period="week", inactive_days=14)
    day = frame.ts // 86_400
    pairs = pd.DataFrame({"user": frame.user, "day": day}).drop_duplicates().sort_values(["user", "day"])
    pairs["week"] = (pairs.day + 3) // 7
    weekly = pairs.groupby(["user", "week"]).day.max().reset_index()
    # A user's next active day after a week: the first day of their next active week.
    firsts = pairs.groupby(["user", "week"]).day.min().reset_index()
    weekly["next_day"] = firsts.groupby("user").day.shift(-1).values
    weekly["end"] = weekly.week * 7 - 3 + 6
    weekly["churned"] = weekly.next_day.isna() | (weekly.next_day > weekly.end + 14)
    last_day = int(day.max())
    first_week = int(pairs.week.min())
    for week, group in weekly.groupby("week"):
        index = week - first_week
        assert churn.active[index] == len(group)
        if week * 7 - 3 + 6 + 14 <= last_day:
            assert churn.churned[index] == int(group.churned.sum())
        else:
            assert churn.churned[index] is None


def test_funnel_and_adoption_take_event_names() -> None:
    users = ["a", "a", "a", "b", "b"]
    times = [0, 60, 120, 0, 30]
    events = ["view", "cart", "buy", "view", "cart"]
    funnel = pmkit.event_funnel(users, times, events, ["view", "cart", "buy"], window_seconds=3600)
    assert funnel.reached == [2, 2, 1]
    assert funnel.median_seconds_from_previous == [None, 45.0, 60.0]
    adoption = pmkit.feature_adoption(users, times, events, "buy")
    assert (adoption.users, adoption.active, adoption.adopters) == ([1], [2], 1)
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.event_funnel(users, times, events, ["view", 1.5])
    assert raised.value.field == "steps[1]"


def test_every_metric_merges_across_user_shards() -> None:
    frame = random_log(13, rows=5_000, users=400)
    frame["event"] = frame.ts % 5
    shards = [part for _, part in frame.groupby(frame.user % 3)]
    calls = [
        (pmkit.active_users, pmkit.active_user_counts, {}),
        (pmkit.retention, pmkit.retention_counts, {"kind": "on_or_after", "period": "month"}),
        (pmkit.activity_churn, pmkit.activity_churn_counts, {"inactive_days": 10}),
        (pmkit.stickiness_histogram, pmkit.stickiness_counts, {"period": "month"}),
    ]
    for whole, partial, kwargs in calls:
        parts = [partial(s.user, s.ts, **kwargs) for s in shards]
        assert pmkit.merge_counts(parts).finish() == whole(frame.user, frame.ts, **kwargs), whole.__name__
    parts = [pmkit.feature_adoption_counts(s.user, s.ts, s.event, 2) for s in shards]
    assert pmkit.merge_counts(parts).finish() == pmkit.feature_adoption(frame.user, frame.ts, frame.event, 2)
    parts = [pmkit.event_funnel_counts(s.user, s.ts, s.event, [0, 1, 2], window_seconds=86_400) for s in shards]
    assert pmkit.finish_counts(pmkit.merge_counts(parts)) == pmkit.event_funnel(
        frame.user, frame.ts, frame.event, [0, 1, 2], window_seconds=86_400
    )


def test_options_are_keywords_read_by_the_core() -> None:
    # None is the default; options are keyword-only; an unknown one is a parse error.
    assert pmkit.retention(USERS, DAYS, period=None, unit="days") == pmkit.retention(USERS, DAYS, unit="days")
    with pytest.raises(TypeError):
        pmkit.retention(USERS, DAYS, "day")  # type: ignore[misc]
    with pytest.raises(pmkit.ParseError) as raised:
        pmkit.active_users(USERS, DAYS, unit="days", weeks="week")  # type: ignore[call-arg]
    assert raised.value.kind == "parse"
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.activity_churn(USERS, DAYS, unit="days", utc_offset_minutes=1.5)
    assert raised.value.field == "utc_offset_minutes"
    assert pmkit.active_users([1, 2], [0, 86_400], utc_offset_minutes=60.0).days == [datetime.date(1970, 1, 1), datetime.date(1970, 1, 2)]
