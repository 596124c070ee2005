"""Properties a careful person states about pmkit, checked on generated inputs
(hypothesis; the twin of bindings-wasm/tests/properties.test.js).

- percentiles are monotone in the level and lie within [min, max] of the sample;
- NPS lies in [-100, 100] and equals 100 × (promoters − detractors) / answers;
- throughput adds up to the number of finished items, by items and by points;
- the cumulative flow's done band never goes down, bands are nested, and the last
  day's WIP is the ageing-WIP list: a cancelled item never counts as WIP;
- any hostile value gives a PmkitError, never another exception.

Deterministic (``derandomize``: the examples come from a fixed seed) and fast: a
few hundred examples per property.
"""

from __future__ import annotations

import datetime
import math
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import pmkit

SETTINGS = settings(max_examples=200, derandomize=True, deadline=None, database=None)

finite = st.floats(allow_nan=False, allow_infinity=False)


@SETTINGS
@given(
    values=st.lists(finite, min_size=1, max_size=40),
    levels=st.lists(st.floats(min_value=0.0, max_value=1.0), min_size=1, max_size=8),
)
def test_percentiles_are_monotone_and_within_the_sample(values: list[float], levels: list[float]) -> None:
    levels = sorted(levels)
    result = pmkit.percentiles(values, levels=levels)
    got = [p.value for p in result]
    assert [p.level for p in result] == levels
    assert all(math.isfinite(v) for v in got)
    assert all(min(values) <= v <= max(values) for v in got), (values, levels, got)
    assert all(a <= b for a, b in zip(got, got[1:])), (values, levels, got)


@SETTINGS
@given(st.lists(st.integers(min_value=0, max_value=10), min_size=1, max_size=200))
def test_nps_is_the_hand_formula_and_within_its_scale(responses: list[int]) -> None:
    nps = pmkit.net_promoter_score(responses)
    promoters = sum(1 for r in responses if r >= 9)
    detractors = sum(1 for r in responses if r <= 6)
    assert -100.0 <= nps.score <= 100.0
    assert math.isclose(nps.score, 100.0 * (promoters - detractors) / len(responses), abs_tol=1e-9)


# ---- flow: generated status histories on the sample board, with cancelled work ----

STATUSES = ["To Do", "In Progress", "Review", "Done", "Won't Do"]
WORKFLOW = dict(pmkit.sample_workflow(), cancelled=["Won't Do"])
TODAY = datetime.date(2026, 5, 1)
START = datetime.datetime(2026, 3, 1, 9)


@st.composite
def history(draw: st.DrawFn, key: int) -> dict[str, Any]:
    """One item: created in March, up to six moves a few days apart. A finished item is
    not cancelled straight from done (it would leave the done band: see docs/flow.md)."""
    at = START + datetime.timedelta(days=draw(st.integers(0, 20)), hours=draw(st.integers(0, 8)))
    created = at
    status = "To Do"
    transitions = []
    for _ in range(draw(st.integers(0, 6))):
        choices = [s for s in STATUSES if s != status and not (status == "Done" and s == "Won't Do")]
        to = draw(st.sampled_from(choices))
        at += datetime.timedelta(days=draw(st.integers(0, 3)), hours=draw(st.integers(0, 5)))
        transitions.append({"at": at.isoformat(), "from": status, "to": to})
        status = to
    return {
        "key": f"P-{key}",
        "item_type": draw(st.sampled_from(["story", "bug"])),
        "points": draw(st.sampled_from([0, 1, 2, 3, 5, 8])),
        "created": created.isoformat(),
        "transitions": transitions,
    }


items_strategy = st.integers(0, 25).flatmap(lambda n: st.tuples(*(history(k) for k in range(n))))


@SETTINGS
@given(items_strategy, st.sampled_from(["day", "week", "week_monday"]))
def test_throughput_adds_up_to_the_finished_items(items: tuple[dict[str, Any], ...], period: str) -> None:
    timelines = pmkit.item_timelines(list(items), WORKFLOW, TODAY)
    finished = [i for i in timelines.items if i["cycle_time"] is not None]
    assert all(i["cancelled_on"] is None for i in finished)
    assert sum(pmkit.throughput(timelines, period=period).values) == len(finished)
    points = pmkit.throughput(timelines, period=period, measure="points").values
    assert math.isclose(sum(points), sum(i["points"] for i in finished))
    cancelled = [i for i in timelines.items if i["cancelled_on"] is not None]
    assert sum(pmkit.cancelled_work(timelines, period=period).values) == len(cancelled)


@SETTINGS
@given(items_strategy)
def test_cumulative_flow_is_nested_and_its_wip_is_the_ageing_list(items: tuple[dict[str, Any], ...]) -> None:
    timelines = pmkit.item_timelines(list(items), WORKFLOW, TODAY)
    cfd = pmkit.cumulative_flow(timelines)
    done = cfd.counts[3]
    assert all(a <= b for a, b in zip(done, done[1:])), done
    for upper, lower in zip(cfd.counts, cfd.counts[1:]):
        assert all(u >= l for u, l in zip(upper, lower))
    daily = pmkit.wip(timelines)
    assert all(v >= 0 for v in daily.values)
    open_items = pmkit.ageing_wip(timelines)
    assert all(i.key not in {t["key"] for t in timelines.items if t["cancelled_on"]} for i in open_items)
    if daily.values:
        assert daily.values[-1] == len(open_items)
        assert cfd.cancelled[-1] == sum(1 for t in timelines.items if t["cancelled_on"])


# ---- hostile values ----

hostile = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**1100), max_value=2**1100)
    | st.floats()
    | st.text(max_size=20)
    | st.binary(max_size=10)
    | st.just(object()),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)

SAMPLE_TIMELINES = pmkit.item_timelines(pmkit.sample_items()[:10], pmkit.sample_workflow(), pmkit.sample_today())
CALLS = {
    "net_promoter_score": lambda x: pmkit.net_promoter_score(x),
    "percentiles": lambda x: pmkit.percentiles(x),
    "percentiles levels": lambda x: pmkit.percentiles([1.0, 2.0], levels=x),
    "histogram": lambda x: pmkit.histogram(x),
    "item_timelines items": lambda x: pmkit.item_timelines(x, WORKFLOW, TODAY),
    "item_timelines one item": lambda x: pmkit.item_timelines([x], WORKFLOW, TODAY),
    "item_timelines workflow": lambda x: pmkit.item_timelines([], x, TODAY),
    "item_timelines today": lambda x: pmkit.item_timelines([], WORKFLOW, x),
    "item_timelines unmapped": lambda x: pmkit.item_timelines([], WORKFLOW, TODAY, unmapped=x),
    "throughput": lambda x: pmkit.throughput(x),
    "throughput period": lambda x: pmkit.throughput(SAMPLE_TIMELINES, period=x),
    "cumulative_flow": lambda x: pmkit.cumulative_flow(x),
    "cancelled_work": lambda x: pmkit.cancelled_work(x),
    "backlog_from_json": lambda x: pmkit.backlog_from_json(x),
    "roadmap_from_json": lambda x: pmkit.roadmap_from_json(x),
    "sprint_report": lambda x: pmkit.sprint_report(x),
    "rice_score": lambda x: pmkit.rice_score(x, 1, 1, 1),
}


@settings(max_examples=400, derandomize=True, deadline=None, database=None)
@given(st.sampled_from(sorted(CALLS)), hostile)
def test_hostile_values_give_pmkit_errors(call: str, value: Any) -> None:
    try:
        CALLS[call](value)
    except pmkit.PmkitError:
        pass
