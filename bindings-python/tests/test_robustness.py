"""No Python value can crash pmkit or slip through as a wrong number.

Every exported function is called with hostile values in every position (the twin of
bindings-wasm/tests/robustness.test.js): each call returns or raises a
``pmkit.PmkitError``; never a bare ``TypeError``, ``OverflowError`` or a PyO3
``PanicException``. When every argument is hostile, the error names the first
parameter, as Python spells it.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

import pmkit

HOSTILE: list[Any] = [
    None,
    True,
    "x",
    "12",
    [],
    {},
    float("nan"),
    float("inf"),
    10**400,
    -1,
    object(),
    [None],
    ["x"],
    [True],
    np.array([1.5, np.nan]),
    np.array([[1, 2]]),
]
FILLERS: list[Any] = [None, [], "x"]

# Functions whose bindings are not yet generated from the API description (issue 11):
# their hand-written parameters still raise PyO3's TypeError for some hostile values.
# A ratchet, not a skip: each must still fail the walk (the test says when one is fixed,
# so it leaves this list) and every function not listed must pass.
PENDING: frozenset[str] = frozenset()

# Functions whose first parameter may be a path: a text without a line break is read as
# one, so a missing file is FileNotFoundError, as Python's own I/O (and pandas) raise.
READS_PATHS: frozenset[str] = frozenset({"import_jira_csv", "import_linear_csv"})


def exported() -> list[tuple[str, Callable[..., Any]]]:
    functions = []
    for name in sorted(dir(pmkit)):
        value = getattr(pmkit, name)
        if name.startswith("_") or inspect.isclass(value) or not callable(value):
            continue
        functions.append((name, value))
    return functions


FUNCTIONS = exported()


def positional(function: Callable[..., Any]) -> list[str]:
    """The names of the parameters a caller may pass by position."""
    parameters = inspect.signature(function).parameters.values()
    kinds = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    return [parameter.name for parameter in parameters if parameter.kind in kinds]


def show(args: list[Any]) -> str:
    return ", ".join(repr(arg)[:40] for arg in args)


def walk_failure(name: str, function: Callable[..., Any], args: list[Any]) -> str | None:
    """None when `function(*args)` returns or raises a well-formed PmkitError."""
    try:
        function(*args)
    except pmkit.PmkitError as err:
        if not str(err).startswith(f"{err.field}: "):
            return f"{name}({show(args)}): message {err} does not start with its field"
    except FileNotFoundError:
        if not (name in READS_PATHS and isinstance(args[0], str) and "\n" not in args[0]):
            return f"{name}({show(args)}) raised FileNotFoundError"
    except BaseException as err:  # noqa: BLE001 - anything else is the failure we look for
        return f"{name}({show(args)}) raised {type(err).__name__}: {err}"
    return None


def first_walk_failure(name: str, function: Callable[..., Any]) -> str | None:
    arity = len(positional(function))
    for hostile in HOSTILE:
        failure = walk_failure(name, function, [hostile] * arity)
        if failure:
            return failure
        for filler in FILLERS:
            for position in range(arity):
                args = [filler] * arity
                args[position] = hostile
                failure = walk_failure(name, function, args)
                if failure:
                    return failure
    for hostile in [True, object()]:
        # No parameter of pmkit takes a bool or an arbitrary object for its first
        # argument: reading either as a number or a default is the silent bug.
        names = positional(function)
        if not names:
            break
        try:
            function(*([hostile] * len(names)))
        except pmkit.PmkitError as err:
            if err.field.split("[")[0].split(".")[0] != names[0]:
                return f"{name}({show([hostile] * len(names))}) named {err.field!r}, not {names[0]!r}"
        except BaseException as err:  # noqa: BLE001
            return f"{name}({show([hostile] * len(names))}) raised {type(err).__name__}: {err}"
        else:
            return f"{name}({show([hostile] * len(names))}) returned instead of raising"
    return None


def test_the_walk_sees_the_whole_api() -> None:
    names = [name for name, _ in FUNCTIONS]
    assert len(names) > 100, len(names)
    for name in ["net_promoter_score", "retention", "active_users", "new_sprint", "kano_summary"]:
        assert name in names, name


@pytest.mark.parametrize("name,function", FUNCTIONS, ids=[name for name, _ in FUNCTIONS])
def test_hostile_arguments_in_every_position(name: str, function: Callable[..., Any]) -> None:
    failure = first_walk_failure(name, function)
    if name in PENDING:
        assert failure, f"{name} now passes the walk: remove it from PENDING"
    else:
        assert failure is None, failure


def test_pending_names_are_exported() -> None:
    assert PENDING <= {name for name, _ in FUNCTIONS}


def test_the_module_still_works_after_the_walk() -> None:
    nps = pmkit.net_promoter_score([10, 9])
    assert nps.score == 100.0
    assert not math.isnan(nps.score)


def test_complex_numbers_are_refused_not_cut_to_their_real_part() -> None:
    for values in (
        np.array([1 + 2j, 3 + 0j]),
        np.array([1 + 2j], dtype=np.complex64),
        [np.complex128(1 + 2j)],
        [1 + 2j],
        np.array([1 + 2j], dtype=object),
    ):
        with pytest.raises(pmkit.PmkitError) as info:
            pmkit.percentiles(values, levels=[0.5])
        assert info.value.field in ("values", "values[0]")


def test_priority_inputs_are_checked_so_json_round_trips() -> None:
    story = {"id": "A", "title": "a", "priority": {"rice": {"reach": math.nan, "impact": 1, "confidence": 0.5, "effort": 1}}}
    with pytest.raises(pmkit.PmkitError) as info:
        pmkit.new_backlog([story])
    assert info.value.field == "stories[0].priority.rice.reach"
    story["priority"]["rice"]["reach"] = 10
    text = pmkit.backlog_to_json(pmkit.new_backlog([story]))
    assert pmkit.backlog_to_json(pmkit.backlog_from_json(text)) == text
