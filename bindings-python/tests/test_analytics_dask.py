"""Runs the Dask example of docs/analytics.md on a local Dask cluster: partial counts per
user partition, merged, must equal the single-machine result (the block asserts it)."""

from __future__ import annotations

import pathlib
import re

import pytest

pytest.importorskip("dask")
pytest.importorskip("distributed")

DOC = pathlib.Path(__file__).resolve().parents[2] / "docs" / "analytics.md"
BLOCK = re.compile(r"^```python dask\n(.*?)^```", re.DOTALL | re.MULTILINE)


def test_docs_have_a_dask_example() -> None:
    assert BLOCK.findall(DOC.read_text(encoding="utf-8"))


@pytest.mark.parametrize("index", range(len(BLOCK.findall(DOC.read_text(encoding="utf-8")))))
def test_dask_example_matches_single_machine(index: int) -> None:
    code = BLOCK.findall(DOC.read_text(encoding="utf-8"))[index]
    # The example starts a LocalCluster in worker processes, as a user would; it runs
    # as __main__ so the cluster's worker processes can start.
    scope: dict[str, object] = {"__name__": "__main__"}
    exec(compile(code, f"docs/analytics.md dask block {index}", "exec"), scope)  # noqa: S102
