"""pmkit as a user installs it: the wheel in a clean virtualenv, with only what
`pip install` brought (its one dependency, numpy).

Run by `make wheel-test` with each Python the machine has from 3.9 up. It checks the
installed package (not the repository): the typed-package marker and stubs are
installed, the core answers, errors are `PmkitError`s naming the parameter, and the
analytics read plain lists (the event-log columns go through numpy, a declared
dependency: a wheel without it failed here with ModuleNotFoundError).
"""

import datetime
import importlib.util
import pathlib
import sys

import pmkit

package = pathlib.Path(pmkit.__file__).parent
assert "site-packages" in str(package), f"pmkit came from {package}, not the installed wheel"
for name in ("py.typed", "_pmkit.pyi", "__init__.py"):
    assert (package / name).is_file(), f"the wheel is missing pmkit/{name}"
assert importlib.util.find_spec("numpy") is not None, "pip did not install numpy, pmkit's dependency"
assert importlib.util.find_spec("pandas") is None, "this check needs a virtualenv with nothing but pmkit"

# Hand-checked numbers: 5 promoters, 2 passives, 3 detractors of 10 -> NPS 20.
assert pmkit.net_promoter_score([10, 9, 9, 10, 9, 7, 8, 0, 3, 6]).score == 20.0
# Churn: 5 of 200 customers lost -> 0.025.
assert pmkit.churn_rate(200, 5) == 0.025

# Analytics over plain lists (the numpy-free path): users 1 and 2 active on day 0,
# user 1 again 8 days later -> week 0 holds both, week 1 one of them.
matrix = pmkit.retention([1, 2, 1], [0, 0, 8], unit="days")
assert matrix.cohort_sizes == [2, 0], matrix.cohort_sizes
assert matrix.counts[0] == [2, 1], matrix.counts
assert matrix.chart().svg.startswith("<svg"), "the retention chart did not render"
active = pmkit.active_users(["ann", "bob", "ann"], [datetime.datetime(2026, 1, 5, tzinfo=datetime.timezone.utc)] * 3)
assert active.dau == [2], active.dau

try:
    pmkit.churn_rate(200, None)  # type: ignore[arg-type]
except pmkit.PmkitError as error:
    assert error.field == "customers_lost", error.field
else:
    raise AssertionError("churn_rate(200, None) did not raise PmkitError")

print(f"pmkit {pmkit.__version__} from the wheel on Python {sys.version.split()[0]}: ok")
