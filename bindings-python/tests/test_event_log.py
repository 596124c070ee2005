"""EventLog: an event log read once, whose methods equal the free functions."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

import numpy as np
import pandas as pd
import pytest

import pmkit

RNG = np.random.default_rng(7)
ROWS = 3000
USER_POOL = [str(uuid.UUID(int=int(RNG.integers(0, 2**62)))) for _ in range(150)]
USERS = [USER_POOL[i] for i in RNG.integers(0, len(USER_POOL), ROWS)]
START = int(datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc).timestamp())
TIMES = (START + RNG.integers(0, 70 * 86_400, ROWS)).astype(np.int64)
EVENTS = [["view", "cart", "buy", "share"][i] for i in RNG.integers(0, 4, ROWS)]
PLAN_OF = {user: ["free", "pro", "team"][i % 3] for i, user in enumerate(USER_POOL)}
PLANS = [PLAN_OF[user] for user in USERS]


def _log(**extra: Any) -> pmkit.EventLog:
    return pmkit.EventLog(USERS, TIMES, events=EVENTS, properties={"plan": PLANS}, **extra)


def test_every_method_equals_its_free_function() -> None:
    log = _log()
    assert (len(log), log.users, log.properties) == (ROWS, len(set(USERS)), ["plan"])
    assert log.event_names == list(dict.fromkeys(EVENTS))
    free: list[Any] = [
        pmkit.active_users(USERS, TIMES),
        pmkit.retention(USERS, TIMES, period="month"),
        pmkit.retention(USERS, TIMES, events=EVENTS, start_event="view", return_event="buy"),
        pmkit.activity_churn(USERS, TIMES, inactive_days=14),
        pmkit.stickiness_histogram(USERS, TIMES),
        pmkit.user_lifecycle(USERS, TIMES),
        pmkit.feature_adoption(USERS, TIMES, EVENTS, "share"),
        pmkit.event_funnel(USERS, TIMES, EVENTS, ["view", "cart", "buy"]),
    ]
    methods: list[Any] = [
        log.active_users(),
        log.retention(period="month"),
        log.retention(start_event="view", return_event="buy"),
        log.activity_churn(inactive_days=14),
        log.stickiness_histogram(),
        log.user_lifecycle(),
        log.feature_adoption("share"),
        log.event_funnel(["view", "cart", "buy"]),
    ]
    for method, function in zip(methods, free):
        assert method.to_dict() == function.to_dict()
    counts = log.retention_counts(start_event="view")
    assert counts.finish() == pmkit.retention_counts(USERS, TIMES, events=EVENTS, start_event="view").finish()


def test_a_breakdown_is_the_metric_over_each_values_events() -> None:
    log = _log()
    by_plan = log.retention(by="plan", period="week")
    assert by_plan.by == "plan"
    assert by_plan.total.to_dict() == pmkit.retention(USERS, TIMES).to_dict()
    rows = pd.DataFrame({"user": USERS, "time": TIMES, "event": EVENTS, "plan": PLANS})
    sizes = rows["plan"].value_counts()
    assert [segment.value for segment in by_plan.segments] == list(sizes.index)
    for segment in by_plan.segments:
        part = rows[rows["plan"] == segment.value]
        assert segment.events == len(part) and not segment.other
        expected = pmkit.retention(part["user"].tolist(), part["time"].to_numpy())
        assert segment.result.to_dict() == expected.to_dict()
    funnel = log.event_funnel(["view", "buy"], by="plan", max_segments=1)
    assert [(s.value, s.other) for s in funnel.segments] == [(sizes.index[0], False), ("other", True)]
    rest = rows[rows["plan"] != sizes.index[0]]
    expected_rest = pmkit.event_funnel(rest["user"].tolist(), rest["time"].to_numpy(), rest["event"].tolist(), ["view", "buy"])
    assert funnel.segments[1].result.reached == expected_rest.reached
    assert funnel.segments[1].result.steps == ["view", "buy"]


def test_from_frame_reads_pandas_and_polars_columns() -> None:
    frame = pd.DataFrame({"distinct_id": USERS, "timestamp": pd.to_datetime(TIMES, unit="s"), "event": EVENTS, "plan": PLANS})
    log = pmkit.EventLog.from_frame(frame, user="distinct_id", time="timestamp", event="event", properties=["plan"])
    assert log.active_users().to_dict() == _log().active_users().to_dict()
    polars = pytest.importorskip("polars")
    frame_pl = polars.from_pandas(frame)
    log_pl = pmkit.EventLog.from_frame(frame_pl, user="distinct_id", time="timestamp", event="event", properties=["plan"])
    assert log_pl.user_lifecycle(by="plan").total.to_dict() == log.user_lifecycle(by="plan").total.to_dict()
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.EventLog.from_frame(frame, user="user_id", time="timestamp")
    assert raised.value.field == "user"


def test_integer_ids_and_properties() -> None:
    log = pmkit.EventLog([7, 9, 7], [19002, 19002, 19010], unit="days", properties={"tier": [3, 1, 3]})
    by_tier = log.retention(by="tier")
    assert [(s.value, s.events) for s in by_tier.segments] == [("3", 2), ("1", 1)]
    assert by_tier.segments[0].result.counts[0] == [1, 1]


def test_bad_input_is_a_pmkit_error_naming_the_field() -> None:
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.EventLog(["a", "b"], [0])
    assert raised.value.field == "times"
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.EventLog(["a"], [0], properties={"plan": ["x", "y"]})
    assert raised.value.field == "properties.plan"
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.EventLog(["a"], [0], properties=["plan"])  # type: ignore[arg-type]
    assert raised.value.field == "properties"
    log = pmkit.EventLog(["a", "b"], [0, 86_400], properties={"plan": ["x", "y"]})
    with pytest.raises(pmkit.InvalidInputError) as raised:
        log.event_funnel(["view"])
    assert raised.value.field == "events"
    with pytest.raises(pmkit.InvalidInputError) as raised:
        log.active_users(by="country")
    assert raised.value.field == "by" and "plan" in str(raised.value)
    with pytest.raises(pmkit.OutOfRangeError) as raised_range:
        log.active_users(by="plan", max_segments=0)
    assert raised_range.value.field == "max_segments"
    with pytest.raises(pmkit.PmkitError) as raised_any:
        log.active_users(by="plan", max_segments=-1)
    assert raised_any.value.field == "max_segments"
    with pytest.raises(pmkit.InvalidInputError) as raised:
        log.active_users(unit="ms")
    assert raised.value.field == "unit"
    with pytest.raises(pmkit.PmkitError) as raised_any:
        log.active_users(by=3)  # type: ignore[call-overload]
    assert raised_any.value.field == "by"
    with pytest.raises(pmkit.PmkitError):
        log.retention(no_such_option=1)  # type: ignore[call-overload]


def test_a_zone_aware_column_keeps_its_zone() -> None:
    berlin = pd.Series(pd.to_datetime(["2022-01-10 00:30"])).dt.tz_localize("Europe/Berlin")
    log = pmkit.EventLog([1], berlin)
    assert log.active_users().days == pmkit.active_users([1], berlin).days
    assert log.active_users(tz="UTC").days == pmkit.active_users([1], berlin, tz="UTC").days
