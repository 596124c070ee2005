"""Runs every case in vectors/*.json through the Python API (the cross-language contract)."""

from __future__ import annotations

from typing import Any

import pytest

import pmkit
from conftest import VECTORS_DIR, assert_matches, load_vector_cases

CASES = load_vector_cases()


def as_plain(value: Any) -> Any:
    """Result objects to their JSON form; lists element-wise."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list):
        return [as_plain(item) for item in value]
    return value


def resolve(value: Any) -> Any:
    """A chart case's argument: ``{"call": f, "args": {...}}`` is the result of ``pmkit.f``."""
    if isinstance(value, dict) and set(value) == {"call", "args"}:
        args = {name: resolve(arg) for name, arg in value["args"].items() if arg is not None}
        return getattr(pmkit, value["call"])(**args)
    return value


def with_golden_svg(expected: Any) -> Any:
    """``expected`` with a golden file path in ``svg`` replaced by the file's exact text."""
    svg = expected.get("svg") if isinstance(expected, dict) else None
    if isinstance(svg, str) and svg.endswith(".svg"):
        return {**expected, "svg": (VECTORS_DIR / svg).read_bytes().decode("utf-8")}
    return expected


def test_there_are_vectors() -> None:
    assert len(CASES) > 0


@pytest.mark.parametrize("case", CASES, ids=[f"{c['file']}:{c['name']}" for c in CASES])
def test_vector(case: dict[str, Any]) -> None:
    function = getattr(pmkit, case["function"])
    # A null argument means "use the default", as `undefined` does in JavaScript.
    # A chart case's models are calls (resolved first); its options are keywords too.
    kwargs = {name: resolve(value) for name, value in case["args"].items() if value is not None}

    def call() -> Any:
        return function(**kwargs)
    if "error" in case:
        with pytest.raises(pmkit.PmkitError) as raised:
            call()
        assert raised.value.kind == case["error"]["kind"]
        assert raised.value.field == case["error"]["field"]
        assert str(raised.value).startswith(case["error"]["field"] + ": ")
    else:
        assert_matches(as_plain(call()), with_golden_svg(case["expected"]))
