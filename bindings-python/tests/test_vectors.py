"""Runs every case in vectors/*.json through the Python API (the cross-language contract)."""

from __future__ import annotations

from typing import Any

import pytest

import pmkit
from conftest import assert_matches, load_vector_cases

CASES = load_vector_cases()


def as_plain(value: Any) -> Any:
    """Result objects to their JSON form; lists element-wise."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list):
        return [as_plain(item) for item in value]
    return value


def test_there_are_vectors() -> None:
    assert len(CASES) > 0


@pytest.mark.parametrize("case", CASES, ids=[f"{c['file']}:{c['name']}" for c in CASES])
def test_vector(case: dict[str, Any]) -> None:
    function = getattr(pmkit, case["function"])
    # A null argument means "use the default", as `undefined` does in JavaScript.
    kwargs = {name: value for name, value in case["args"].items() if value is not None}
    if "error" in case:
        with pytest.raises(pmkit.PmkitError) as raised:
            function(**kwargs)
        assert raised.value.kind == case["error"]["kind"]
        assert raised.value.field == case["error"]["field"]
        assert str(raised.value).startswith(case["error"]["field"] + ": ")
    else:
        assert_matches(as_plain(function(**kwargs)), case["expected"])
