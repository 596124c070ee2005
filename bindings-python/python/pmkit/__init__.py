"""pmkit: product-management KPIs, roles, backlogs and sprints, computed by a Rust core.

>>> import pmkit
>>> pmkit.net_promoter_score([10, 9, 8, 3]).score
25.0

Every function raises :class:`pmkit.PmkitError` (a :class:`ValueError`) on bad
input, with ``kind`` and ``field`` attributes; subclasses name the kind.
"""

from pmkit._pmkit import *  # noqa: F401,F403
from pmkit._pmkit import __version__ as __version__
