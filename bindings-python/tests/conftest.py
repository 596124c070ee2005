"""Shared helpers for the pmkit Python tests."""

from __future__ import annotations

import json
import math
import pathlib
from typing import Any

VECTORS_DIR = pathlib.Path(__file__).resolve().parents[2] / "vectors"


def load_vector_cases() -> list[dict[str, Any]]:
    """Every case of every file in vectors/, tagged with its file name."""
    cases = []
    for path in sorted(VECTORS_DIR.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            cases.append({**case, "file": path.name})
    return cases


def assert_matches(actual: Any, expected: Any, where: str = "result") -> None:
    """Recursive equality with a relative float tolerance of 1e-9."""
    if isinstance(expected, float) or (isinstance(expected, int) and isinstance(actual, float)):
        assert isinstance(actual, (int, float)), f"{where}: {actual!r} is not a number"
        assert math.isclose(actual, expected, rel_tol=1e-9, abs_tol=1e-9), f"{where}: {actual!r} != {expected!r}"
    elif isinstance(expected, dict):
        assert isinstance(actual, dict), f"{where}: {actual!r} is not an object"
        assert set(actual) == set(expected), f"{where}: keys {sorted(actual)} != {sorted(expected)}"
        for key, value in expected.items():
            assert_matches(actual[key], value, f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list), f"{where}: {actual!r} is not a list"
        assert len(actual) == len(expected), f"{where}: length {len(actual)} != {len(expected)}"
        for index, (got, want) in enumerate(zip(actual, expected)):
            assert_matches(got, want, f"{where}[{index}]")
    else:
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"
