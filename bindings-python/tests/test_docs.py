"""Runs every ```python block in README.md and docs/*.md, so the docs cannot drift from the API.

Each block runs on its own with ``pmkit`` and every public name of it in scope; a block
fails the test if it raises (use ``assert`` in a block to check a number).
"""

from __future__ import annotations

import pathlib
import re

import pytest

import pmkit

ROOT = pathlib.Path(__file__).resolve().parents[2]
FILES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)

BLOCKS = [
    (path.relative_to(ROOT).as_posix(), index, code)
    for path in FILES
    if path.exists()
    for index, code in enumerate(BLOCK.findall(path.read_text(encoding="utf-8")))
]


def test_docs_have_python_examples() -> None:
    assert BLOCKS, "no ```python blocks found in README.md or docs/"


@pytest.mark.parametrize("where,index,code", BLOCKS, ids=[f"{w}#{i}" for w, i, _ in BLOCKS])
def test_doc_block_runs(where: str, index: int, code: str) -> None:
    scope = {name: getattr(pmkit, name) for name in dir(pmkit) if not name.startswith("_")}
    scope["pmkit"] = pmkit
    exec(compile(code, f"{where} block {index}", "exec"), scope)  # noqa: S102
