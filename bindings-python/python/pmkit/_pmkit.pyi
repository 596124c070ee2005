"""Type stubs for the native module ``pmkit._pmkit`` (re-exported by ``pmkit``)."""

from __future__ import annotations

import datetime
from typing import Any, Literal, Sequence, final

__version__: str

# ---------------------------------------------------------------- errors

class PmkitError(ValueError):
    """Bad input to a pmkit function."""

    kind: Literal["invalid_input", "out_of_range", "undefined", "parse"]
    """The machine-readable kind."""
    field: str
    """The input at fault, as named in the API (``"responses[2]"``)."""

class InvalidInputError(PmkitError): ...
class OutOfRangeError(PmkitError): ...
class UndefinedMetricError(PmkitError): ...
class ParseError(PmkitError): ...

# ---------------------------------------------------------------- metrics: satisfaction

@final
class NpsResult:
    """The result of :func:`net_promoter_score`."""

    @property
    def score(self) -> float: ...
    @property
    def promoters(self) -> int: ...
    @property
    def passives(self) -> int: ...
    @property
    def detractors(self) -> int: ...
    @property
    def responses(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...

def net_promoter_score(responses: Sequence[float]) -> NpsResult:
    """Net Promoter Score of answers on 0..=10: 100 × (% promoters − % detractors)."""

# ---------------------------------------------------------------- metrics: finance

# ---------------------------------------------------------------- metrics: growth

def conversion_rate(conversions: float, visitors: float) -> float:
    """Conversion rate: conversions / visitors, as a fraction."""

# ---------------------------------------------------------------- metrics: delivery

# ---------------------------------------------------------------- metrics: quality

# ---------------------------------------------------------------- metrics: stakeholder

# ---------------------------------------------------------------- metrics: catalog

# ---------------------------------------------------------------- roles

# ---------------------------------------------------------------- work (backlog)
