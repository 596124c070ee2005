"""Every ```python block of README.md and docs/*.md type-checks under ``mypy --strict``
against pmkit's stubs, exactly as written (test_docs.py runs the same blocks).

Each block becomes a module with pmkit's names in scope (``from pmkit import *``), as
test_docs.py runs it. A block that shows an error on purpose says so with a
``# type: ignore[code]`` on that line.
"""

from __future__ import annotations

import pathlib
import subprocess
import sys

from test_docs import BLOCKS

# Blocks whose typings are not yet exact (results typed `X | None` where the example
# knows a value is there, dicts passed where a TypedDict is expected, functions not yet
# in the API description). A ratchet: each must still fail (the test says when one
# passes, so it leaves this list) and every other block must type-check.
PENDING: frozenset[str] = frozenset()


def test_docs_python_blocks_type_check(tmp_path: pathlib.Path) -> None:
    for where, index, code in BLOCKS:
        name = where.replace("/", "_").replace(".md", "").replace("-", "_").lower()
        (tmp_path / f"{name}_{index}.py").write_text(
            "from pmkit import *  # noqa: F403\nimport pmkit\n\n" + code, encoding="utf-8"
        )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--allow-redefinition",
            # pandas and polars ship without stubs here; pmkit's calls are what is checked.
            "--disable-error-code=import-untyped",
            "--cache-dir",
            str(tmp_path / ".mypy_cache"),
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    failing = {pathlib.Path(line.split(":")[0]).stem for line in errors}
    for name in sorted(PENDING):
        assert name in failing, f"{name} now type-checks: remove it from PENDING"
    unexpected = [line for line in errors if pathlib.Path(line.split(":")[0]).stem not in PENDING]
    assert not unexpected, "\n".join(unexpected)
    assert errors or result.returncode == 0, result.stdout + result.stderr
