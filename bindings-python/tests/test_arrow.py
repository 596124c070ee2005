"""Arrow in: every analytics column read from objects exporting the Arrow PyCapsule
interface (pyarrow, polars, pandas Arrow dtypes, nanoarrow) gives the same results as
the same data from numpy, for every layout, unit, zone and chunking; nulls and
unsupported types are PmkitErrors naming the column (and the row)."""

from __future__ import annotations

import datetime
import uuid
from typing import Any, Callable

import numpy as np
import pandas as pd
import pytest

import pmkit

pa = pytest.importorskip("pyarrow")
pl = pytest.importorskip("polars")

ROWS = 3000
SECONDS_PER_DAY = 86_400
# 2024-01-01 00:00 UTC: a Monday.
START = 1_704_067_200


def _log() -> tuple[list[str], np.ndarray, list[str]]:
    rng = np.random.default_rng(20261205)
    people = [str(uuid.UUID(int=int(rng.integers(0, 2**63)))) for _ in range(300)]
    users = [people[int(i)] for i in rng.integers(0, len(people), ROWS)]
    times = START + rng.integers(0, 70 * SECONDS_PER_DAY, ROWS)
    names = ["signup", "view", "cart", "buy", "share"]
    events = [names[int(i)] for i in rng.integers(0, len(names), ROWS)]
    return users, times.astype(np.int64), events


USERS, TIMES, EVENTS = _log()
NP_USERS = np.array(USERS)
NP_EVENTS = np.array(EVENTS)


def _all_metrics(users: Any, times: Any, events: Any, **unit: Any) -> list[Any]:
    """Every described metric's result (as its JSON form) over one log."""
    results = [
        pmkit.retention(users, times, **unit),
        pmkit.retention(users, times, events=events, start_event="signup", return_event="buy", **unit),
        pmkit.active_users(users, times, **unit),
        pmkit.activity_churn(users, times, **unit),
        pmkit.stickiness_histogram(users, times, **unit),
        pmkit.feature_adoption(users, times, events, "share", **unit),
        pmkit.event_funnel(users, times, events, ["view", "cart", "buy"], **unit),
    ]
    partial = pmkit.retention_counts(users, times, events=events, start_event="signup", **unit)
    return [result.to_dict() for result in results] + [partial.to_dict()]


EXPECTED = _all_metrics(NP_USERS, TIMES, NP_EVENTS, unit="s")


def _chunked(array: Any, parts: int = 3) -> Any:
    step = len(array) // parts + 1
    return pa.chunked_array([array.slice(i, step) for i in range(0, len(array), step)], type=array.type)


TEXT_COLUMNS: dict[str, Callable[[list[str]], Any]] = {
    "pyarrow utf8": lambda values: pa.array(values, pa.string()),
    "pyarrow large_utf8": lambda values: pa.array(values, pa.large_string()),
    "pyarrow utf8_view": lambda values: pa.array(values, pa.string_view()),
    "pyarrow dictionary": lambda values: pa.array(values).dictionary_encode(),
    "pyarrow dictionary int8 keys": lambda values: pa.array(values).dictionary_encode().cast(
        pa.dictionary(pa.int16(), pa.large_string())
    ),
    "pyarrow chunked": lambda values: _chunked(pa.array(values)),
    "pyarrow chunked dictionary": lambda values: _chunked(pa.array(values).dictionary_encode()),
    "polars str": lambda values: pl.Series(values),
    "polars categorical": lambda values: pl.Series(values, dtype=pl.Categorical),
    "polars chunked": lambda values: pl.concat([pl.Series(values[:1000]), pl.Series(values[1000:])], rechunk=False),
    "pandas string[pyarrow]": lambda values: pd.Series(values, dtype="string[pyarrow]"),
    "pandas ArrowDtype large_string": lambda values: pd.Series(values, dtype=pd.ArrowDtype(pa.large_string())),
    "pandas str (default)": lambda values: pd.Series(values),
    "pandas object": lambda values: pd.Series(values, dtype=object),
    "pandas category": lambda values: pd.Series(values, dtype="category"),
}


@pytest.mark.parametrize("make", TEXT_COLUMNS.values(), ids=TEXT_COLUMNS.keys())
def test_text_columns_of_every_layout_give_the_numpy_results(make: Callable[[list[str]], Any]) -> None:
    users = make(USERS)
    events = make(EVENTS)
    assert _all_metrics(users, TIMES, events, unit="s") == EXPECTED


def test_nanoarrow_columns() -> None:
    na = pytest.importorskip("nanoarrow")
    users = na.Array(pa.array(USERS))
    # (nanoarrow 0.9 crashes importing a pyarrow string_view array, so plain utf8 here.)
    events = na.Array(pa.array(EVENTS, pa.large_string()))
    times = na.Array(pa.array(TIMES, pa.timestamp("s")))
    assert _all_metrics(users, times, events) == EXPECTED


def test_bytes_as_user_ids() -> None:
    raw = pa.array([uuid.UUID(u).bytes for u in USERS], pa.binary(16))
    assert _all_metrics(raw, TIMES, NP_EVENTS, unit="s") == EXPECTED
    for type_ in (pa.binary(), pa.large_binary(), pa.binary_view()):
        encoded = pa.array([u.encode() for u in USERS], type_)
        assert _all_metrics(encoded, TIMES, NP_EVENTS, unit="s") == EXPECTED


@pytest.mark.parametrize("type_", ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"])
def test_integer_ids_and_codes_of_every_width(type_: str) -> None:
    codes_of = {name: code for code, name in enumerate(dict.fromkeys(USERS))}
    small = [codes_of[u] % 100 for u in USERS]  # fits int8
    event_codes = [["signup", "view", "cart", "buy", "share"].index(e) for e in EVENTS]
    expected = [
        pmkit.retention(np.array(small), TIMES, unit="s").to_dict(),
        pmkit.event_funnel(np.array(small), TIMES, np.array(event_codes), [1, 2, 3], unit="s").to_dict(),
    ]
    users = pa.array(small, getattr(pa, type_)())
    events = pa.array(event_codes, getattr(pa, type_)())
    got = [
        pmkit.retention(users, TIMES, unit="s").to_dict(),
        pmkit.event_funnel(users, TIMES, events, [1, 2, 3], unit="s").to_dict(),
    ]
    assert got == expected
    assert pmkit.retention(_chunked(users), pa.array(TIMES), unit="s").to_dict() == expected[0]
    assert pmkit.retention(pl.Series(small), pl.Series(TIMES), unit="s").to_dict() == expected[0]


TIME_COLUMNS: dict[str, Callable[[], Any]] = {
    "timestamp[s]": lambda: pa.array(TIMES, pa.timestamp("s")),
    "timestamp[ms]": lambda: pa.array(TIMES * 1000, pa.timestamp("ms")),
    "timestamp[us, UTC]": lambda: pa.array(TIMES * 1_000_000, pa.timestamp("us", tz="UTC")),
    "timestamp[ns, New York]": lambda: pa.array(TIMES * 1_000_000_000, pa.timestamp("ns", tz="America/New_York")),
    "timestamp[s, +05:30]": lambda: pa.array(TIMES, pa.timestamp("s", tz="+05:30")),
    "chunked timestamp[ms]": lambda: _chunked(pa.array(TIMES * 1000, pa.timestamp("ms"))),
    "polars datetime[us]": lambda: pl.Series(TIMES * 1_000_000).cast(pl.Datetime("us")),
    "polars datetime[ns, UTC]": lambda: pl.Series(TIMES * 1_000_000_000).cast(pl.Datetime("ns", "UTC")),
    "pandas timestamp[us][pyarrow]": lambda: pd.Series(
        pa.array(TIMES * 1_000_000, pa.timestamp("us")), dtype=pd.ArrowDtype(pa.timestamp("us"))
    ),
    "pandas timestamp[ns, tz=Europe/Paris][pyarrow]": lambda: pd.Series(
        pd.to_datetime(TIMES, unit="s", utc=True).tz_convert("Europe/Paris")
    ).astype("timestamp[ns, tz=Europe/Paris][pyarrow]"),
    "pandas datetime64[ns, UTC]": lambda: pd.Series(pd.to_datetime(TIMES, unit="s", utc=True)),
    "pandas datetime64[ns, Asia/Tokyo]": lambda: pd.Series(
        pd.to_datetime(TIMES, unit="s", utc=True).tz_convert("Asia/Tokyo")
    ),
}


# The zone each column carries (None: naive, read as UTC).
COLUMN_ZONES: dict[str, Any] = {
    "timestamp[us, UTC]": "UTC",
    "timestamp[ns, New York]": "America/New_York",
    "timestamp[s, +05:30]": "+05:30",
    "polars datetime[ns, UTC]": "UTC",
    "pandas timestamp[ns, tz=Europe/Paris][pyarrow]": "Europe/Paris",
    "pandas datetime64[ns, UTC]": "UTC",
    "pandas datetime64[ns, Asia/Tokyo]": "Asia/Tokyo",
}


@pytest.mark.parametrize("name", TIME_COLUMNS.keys())
def test_timestamps_of_every_unit_and_zone_are_their_instants(name: str) -> None:
    # The same instants give the same UTC days (tz="UTC"), and an aware column counts
    # its own zone's days, as the naive instants do with that zone given.
    column = TIME_COLUMNS[name]()
    assert _all_metrics(pa.array(USERS), column, pa.array(EVENTS), tz="UTC") == EXPECTED
    zone = COLUMN_ZONES.get(name)
    own_days = _all_metrics(pa.array(USERS), column, pa.array(EVENTS))
    if zone is None:
        assert own_days == EXPECTED
    else:
        assert own_days == _all_metrics(USERS, TIMES, EVENTS, unit="s", tz=zone)


def test_integer_times_take_the_unit_option() -> None:
    assert _all_metrics(USERS, pa.array(TIMES), EVENTS, unit="s") == EXPECTED
    assert _all_metrics(USERS, pa.array(TIMES * 1000), EVENTS, unit="ms") == EXPECTED
    assert _all_metrics(USERS, pl.Series(TIMES), EVENTS, unit="s") == EXPECTED


def test_dates_are_days() -> None:
    days = (TIMES - TIMES % SECONDS_PER_DAY) // SECONDS_PER_DAY
    expected = pmkit.retention(NP_USERS, days, unit="days").to_dict()
    date32 = pa.array(days.astype(np.int32), pa.date32())
    date64 = pa.array(days * SECONDS_PER_DAY * 1000, pa.date64())
    assert pmkit.retention(pa.array(USERS), date32).to_dict() == expected
    assert pmkit.retention(pa.array(USERS), date64).to_dict() == expected
    assert pmkit.retention(pl.Series(USERS), pl.Series(date32)).to_dict() == expected


def test_a_unit_option_against_the_columns_own_unit_is_an_error() -> None:
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.retention(USERS, pa.array(TIMES * 1000, pa.timestamp("ms")), unit="s")
    assert raised.value.field == "unit"
    assert "timestamp(ms)" in str(raised.value).lower()
    # Saying the column's own unit is fine.
    assert pmkit.retention(USERS, pa.array(TIMES, pa.timestamp("s")), unit="s").to_dict() == EXPECTED[0]


NULLS: dict[str, Callable[[], tuple[str, Any, Any, Any]]] = {
    "user_ids utf8": lambda: ("user_ids", _with_null(USERS, pa.string()), TIMES, NP_EVENTS),
    "user_ids dictionary": lambda: ("user_ids", _with_null(USERS, pa.string()).dictionary_encode(), TIMES, NP_EVENTS),
    "user_ids int64": lambda: ("user_ids", _with_null(list(range(ROWS)), pa.int64()), TIMES, NP_EVENTS),
    "user_ids polars": lambda: ("user_ids", pl.Series(USERS[:41] + [None] + USERS[42:]), TIMES, NP_EVENTS),
    "user_ids pandas": lambda: ("user_ids", pd.Series(USERS[:41] + [None] + USERS[42:], dtype="string[pyarrow]"), TIMES, NP_EVENTS),
    "times timestamp": lambda: ("times", NP_USERS, _with_null(TIMES.tolist(), pa.timestamp("s")), NP_EVENTS),
    "times int64": lambda: ("times", NP_USERS, _with_null(TIMES.tolist(), pa.int64()), NP_EVENTS),
    "events utf8": lambda: ("events", NP_USERS, TIMES, _with_null(EVENTS, pa.string())),
    "events chunked": lambda: ("events", NP_USERS, TIMES, _chunked(_with_null(EVENTS, pa.string()))),
}


def _with_null(values: list[Any], type_: Any) -> Any:
    return pa.array(values[:41] + [None] + values[42:], type_)


@pytest.mark.parametrize("make", NULLS.values(), ids=NULLS.keys())
def test_a_null_is_an_error_naming_the_column_and_row(make: Callable[[], tuple[str, Any, Any, Any]]) -> None:
    column, users, times, events = make()
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.event_funnel(users, times, events, ["view", "buy"], unit="s")
    assert raised.value.field == f"{column}[41]"
    assert "null" in str(raised.value)


HOSTILE: dict[str, tuple[str, Callable[[], Any], str]] = {
    "float ids": ("user_ids", lambda: pa.array([1.5] * ROWS), "of type float64"),
    "bool ids": ("user_ids", lambda: pa.array([True] * ROWS), "of type boolean"),
    "nested ids": ("user_ids", lambda: pa.array([[1]] * ROWS), "of type list"),
    "null-typed ids": ("user_ids", lambda: pa.nulls(ROWS), "of type null"),
    "a table as ids": ("user_ids", lambda: pa.table({"a": USERS, "b": USERS}), "table of 2 columns"),
    "float times": ("times", lambda: pa.array(TIMES.astype(float)), "of type float64"),
    "text times": ("times", lambda: pa.array(USERS), "of type utf8"),
    "duration times": ("times", lambda: pa.array(TIMES, pa.duration("s")), "of type duration"),
    "bytes events": ("events", lambda: pa.array([b"x"] * ROWS), "of type binary"),
    "float events": ("events", lambda: pl.Series([0.5] * ROWS), "of type float64"),
}


@pytest.mark.parametrize("case", HOSTILE.values(), ids=HOSTILE.keys())
def test_unsupported_arrow_types_say_which_and_what_is_accepted(case: tuple[str, Callable[[], Any], str]) -> None:
    column, make, expected = case
    columns: dict[str, Any] = {"user_ids": NP_USERS, "times": TIMES, "events": NP_EVENTS}
    columns[column] = make()
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.event_funnel(columns["user_ids"], columns["times"], columns["events"], ["view"], unit="s")
    assert raised.value.field == column
    message = str(raised.value).lower()
    assert expected in message
    assert "expected" in message or "pass one column" in message


def test_one_column_tables_and_duckdb_results() -> None:
    table = pa.table({"user": USERS, "time": pa.array(TIMES, pa.timestamp("s")), "event": EVENTS})
    assert _all_metrics(table.select(["user"]), table.select(["time"]), table.select(["event"])) == EXPECTED
    frame = pl.from_arrow(table)
    assert _all_metrics(frame.select("user"), frame["time"], frame.select("event")) == EXPECTED
    duckdb = pytest.importorskip("duckdb")
    connection = duckdb.connect()
    connection.register("log", table)
    users, times, events = (connection.sql(f"select {name} from log") for name in ("user", "time", "event"))
    assert _all_metrics(users, times, events) == EXPECTED


def test_uint64_times_above_int64_are_out_of_range() -> None:
    times = pa.array([2**63 + 5], pa.uint64())
    with pytest.raises(pmkit.OutOfRangeError) as raised:
        pmkit.retention(pa.array([1], pa.int64()), times, unit="s")
    assert raised.value.field == "times[0]"


def test_empty_arrow_columns_are_undefined_like_empty_numpy() -> None:
    with pytest.raises(pmkit.UndefinedMetricError) as raised:
        pmkit.retention(pa.array([], pa.string()), pa.array([], pa.timestamp("s")))
    assert raised.value.field == "user_ids"


def test_names_missing_from_an_arrow_event_column_are_named() -> None:
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.event_funnel(pa.array(USERS), pa.array(TIMES), pa.array(EVENTS).dictionary_encode(), ["view", "nope"], unit="s")
    assert raised.value.field == "steps[1]"


def test_a_mixed_object_column_falls_back_to_the_numpy_reader() -> None:
    # pyarrow cannot convert it; the numpy reader names the row that is not text.
    users = pd.Series(["ann", 3, "bob"], dtype=object)
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.retention(users, [1, 2, 3], unit="days")
    assert raised.value.field == "user_ids[1]"


def test_arrow_results_keep_their_python_dates() -> None:
    # Times as Python datetimes, a timestamp column and its pandas form agree.
    stamps = [datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc) + datetime.timedelta(days=d) for d in (0, 1, 8)]
    users = ["a", "b", "a"]
    expected = pmkit.retention(users, stamps).to_dict()
    assert pmkit.retention(pa.array(users), pa.array(stamps)).to_dict() == expected
    assert pmkit.retention(pl.Series(users), pl.Series(stamps)).to_dict() == expected


def test_long_text_columns_are_numbered_by_parts_with_the_same_results() -> None:
    # From 65,536 rows, user ids are partitioned by hash and numbered on every core.
    rng = np.random.default_rng(11)
    people = [str(uuid.UUID(int=int(i))) for i in rng.integers(0, 2**63, 20_000)]
    users = [people[int(i)] for i in rng.integers(0, len(people), 150_000)]
    times = START + rng.integers(0, 90 * SECONDS_PER_DAY, len(users))
    expected = [
        pmkit.retention(np.array(users), times, unit="s").to_dict(),
        pmkit.active_users(np.array(users), times, unit="s").to_dict(),
    ]
    for column in (pa.array(users), _chunked(pa.array(users, pa.string_view()), 5), pl.Series(users)):
        got = [
            pmkit.retention(column, times, unit="s").to_dict(),
            pmkit.active_users(column, times, unit="s").to_dict(),
        ]
        assert got == expected
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.retention(pa.array(users[:99_999] + [None] + users[100_000:]), times, unit="s")
    assert raised.value.field == "user_ids[99999]"
