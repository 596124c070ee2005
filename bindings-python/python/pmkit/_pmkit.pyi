"""Type stubs for the native module ``pmkit._pmkit`` (re-exported by ``pmkit``)."""

from __future__ import annotations

import datetime
import os
from typing import Any, Literal, Mapping, Sequence, TypedDict, final

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

def customer_satisfaction_score(
    responses: Sequence[float],
    scale_max: float = 5.0,
    satisfied_min: float = 4.0,
    method: Literal["share", "mean"] = "share",
) -> float:
    """Customer satisfaction score (CSAT) of whole-number answers on ``1..=scale_max``.

    ``"share"`` (default): the fraction of answers ``>= satisfied_min`` (0.69 = 69 %).
    ``"mean"``: the mean answer, on the survey's own scale.

    >>> customer_satisfaction_score([5, 4, 3, 1])
    0.5

    Raises ``UndefinedMetricError`` for no answers, ``OutOfRangeError`` for an answer
    outside the scale (field ``responses[i]``), ``scale_max < 2`` or ``satisfied_min``
    outside the scale, ``InvalidInputError`` for a fractional answer, ``ParseError``
    for an unknown method.
    """

# ---------------------------------------------------------------- metrics: finance

def return_on_investment(gain: float, cost: float, years: float | None = None) -> float:
    """Return on investment as a fraction: ``(gain - cost) / cost``.

    ``gain`` is the total amount returned (not the net profit). With ``years``, the
    annualized ROI ``(gain / cost) ** (1 / years) - 1``.

    >>> round(return_on_investment(2000, 1000, years=5), 6)
    0.148698

    Raises ``UndefinedMetricError`` for ``cost == 0`` or ``years == 0``,
    ``InvalidInputError`` for negative or non-finite inputs.
    """

def product_revenue(prices: Sequence[float], quantities: Sequence[float]) -> float:
    """Product revenue: ``sum(prices[i] * quantities[i])``; empty columns give 0.0.

    Raises ``InvalidInputError`` when the columns differ in length or a value is
    negative or not finite (field ``prices[i]`` / ``quantities[i]``).
    """

def monthly_recurring_revenue(monthly_fees: Sequence[float]) -> float:
    """MRR: the sum of every subscriber's monthly fee (annual plans / 12); empty gives 0.0.

    Raises ``InvalidInputError`` for a negative fee (field ``monthly_fees[i]``).
    """

def average_revenue_per_user(revenue: float, customers: float) -> float:
    """ARPU: ``revenue / customers`` (money per customer).

    Raises ``UndefinedMetricError`` for 0 customers, ``InvalidInputError`` for a
    negative revenue or a fractional customer count.
    """

def customer_lifetime_value(
    average_purchase_value: float,
    purchase_frequency: float,
    customer_lifespan: float,
    margin: float = 1.0,
) -> float:
    """CLV: purchase value × purchases per period × periods × margin (money per customer).

    ``margin`` is a fraction in 0..=1 (1.0 = revenue CLV). Raises ``OutOfRangeError``
    for a margin outside 0..=1, ``InvalidInputError`` for negative inputs.
    """

def market_share(product_revenue: float, total_market: float) -> float:
    """Market share: ``product_revenue / total_market`` (revenue or units, same unit).

    Raises ``UndefinedMetricError`` for an empty market, ``OutOfRangeError`` when the
    product exceeds the market.
    """

def forecast_attainment(actual: float, forecast: float) -> float:
    """Forecast attainment: ``actual / forecast``; 1.0 means the forecast was met.

    Raises ``UndefinedMetricError`` for ``forecast == 0``, ``InvalidInputError`` for a
    negative forecast.
    """

# ---------------------------------------------------------------- metrics: growth

def conversion_rate(conversions: float, visitors: float) -> float:
    """Conversion rate: conversions / visitors, as a fraction."""

@final
class FunnelConversion:
    """The result of :func:`funnel_conversion`."""

    @property
    def step_rates(self) -> list[float | None]:
        """``steps[i + 1] / steps[i]``; ``None`` when nobody reached step ``i``."""
    @property
    def cumulative_rates(self) -> list[float]:
        """``steps[i] / steps[0]``: share of the funnel's entrants who reached step ``i``."""
    @property
    def drop_off(self) -> list[int]:
        """``steps[i] - steps[i + 1]``: people lost between step ``i`` and the next."""
    @property
    def overall(self) -> float:
        """``steps[-1] / steps[0]``: conversion through the whole funnel."""
    def to_dict(self) -> dict[str, Any]: ...

def funnel_conversion(steps: Sequence[float]) -> FunnelConversion:
    """Funnel conversion from the unique people reaching each step, in funnel order.

    >>> funnel_conversion([1000, 200, 50, 10]).overall
    0.01

    Raises ``UndefinedMetricError`` for fewer than 2 steps or an empty first step,
    ``OutOfRangeError`` for a step larger than the one before (field ``steps[i]``).
    """

def feature_adoption_rate(feature_users: float, active_users: float) -> float:
    """Feature adoption rate: ``feature_users / active_users`` over the same window.

    Raises ``UndefinedMetricError`` for 0 active users, ``OutOfRangeError`` when
    feature users exceed active users.
    """

def stickiness(dau: float, mau: float) -> float:
    """Stickiness: ``dau / mau`` (DAU may be a monthly average, so a float).

    Raises ``UndefinedMetricError`` for ``mau == 0``, ``OutOfRangeError`` for
    ``dau > mau``, ``InvalidInputError`` for negative values.
    """

def churn_rate(
    customers_at_start: float,
    customers_lost: float,
    new_customers: float = 0.0,
    method: Literal["start", "average", "serviced"] = "start",
) -> float:
    """Churn rate as a fraction: customers lost over a denominator chosen by ``method``.

    ``"start"``: customers at start. ``"average"``: ``(start + end) / 2`` with
    ``end = start - lost + new``. ``"serviced"``: ``start + new``.

    >>> churn_rate(1000, 50, 200, method="serviced")
    0.041666666666666664

    Raises ``OutOfRangeError`` when ``customers_lost > customers_at_start +
    new_customers``, ``UndefinedMetricError`` for a zero denominator, ``ParseError``
    for an unknown method.
    """

def customer_retention_rate(
    customers_at_start: float, customers_at_end: float, new_customers: float
) -> float:
    """Customer retention rate: ``(customers_at_end - new_customers) / customers_at_start``.

    Raises ``UndefinedMetricError`` for 0 customers at start, ``OutOfRangeError`` when
    new customers exceed the end count or more were kept than there were at start.
    """

# ---------------------------------------------------------------- metrics: delivery

def time_to_market(concept_date: datetime.date | str, launch_date: datetime.date | str) -> int:
    """Time to market: whole calendar days from ``concept_date`` to ``launch_date``.

    Dates are ``datetime.date`` objects or ISO 8601 strings (``"2026-04-15"``). A
    ``datetime.datetime`` is rejected (``InvalidInputError``): its calendar day depends
    on a time zone, so pass ``dt.date()``.

    >>> time_to_market(datetime.date(2026, 1, 15), "2026-04-15")
    90

    Raises ``InvalidInputError`` (field ``launch_date``) when the launch is before the
    concept, ``ParseError`` for a string that is not an ISO date.
    """

@final
class VelocitySummary:
    """The result of :func:`team_velocity`: points completed per sprint over the window."""

    @property
    def mean(self) -> float:
        """Mean points per sprint: the velocity to plan with."""
    @property
    def median(self) -> float: ...
    @property
    def standard_deviation(self) -> float | None:
        """Sample standard deviation (n − 1); ``None`` with fewer than 2 sprints."""
    @property
    def min(self) -> float: ...
    @property
    def max(self) -> float: ...
    @property
    def sprints(self) -> int:
        """How many sprints were used: the last ``min(window, len(completed_points))``."""
    def to_dict(self) -> dict[str, Any]: ...

def team_velocity(completed_points: Sequence[float], window: float = 3.0) -> VelocitySummary:
    """Team velocity: points completed per sprint (oldest first) over the last ``window`` sprints.

    >>> team_velocity([5, 20, 24, 22]).mean   # the last 3 sprints
    22.0

    Raises ``UndefinedMetricError`` for no sprints, ``InvalidInputError`` for a negative
    or NaN value (field ``completed_points[i]``) or a fractional window,
    ``OutOfRangeError`` for ``window=0``.
    """

def backlog_completion_rate(completed: float, planned: float) -> float:
    """Backlog completion rate: ``completed / planned`` (items or points) as a fraction.

    >>> backlog_completion_rate(34, 40)
    0.85

    Raises ``UndefinedMetricError`` when nothing was planned, ``OutOfRangeError`` when
    ``completed > planned``, ``InvalidInputError`` for negative or NaN values.
    """

@final
class SprintBurndown:
    """The result of :func:`sprint_burndown`, indexed by day (0 = sprint start)."""

    @property
    def ideal(self) -> list[float]:
        """``committed_points × (1 − d / sprint_days)`` for ``d = 0..=sprint_days``."""
    @property
    def actual(self) -> list[float]:
        """``[committed_points, *remaining_points]``."""
    @property
    def gap(self) -> list[float]:
        """``actual − ideal`` per reported day; positive = behind plan."""
    def to_dict(self) -> dict[str, Any]: ...

def sprint_burndown(
    committed_points: float, remaining_points: Sequence[float], sprint_days: float
) -> SprintBurndown:
    """Sprint burndown: remaining points at the end of each day so far against the ideal line.

    >>> sprint_burndown(40, [32, 25], 4).gap
    [0.0, 2.0, 5.0]

    Raises ``InvalidInputError`` for negative or NaN points or more values than sprint
    days, ``OutOfRangeError`` for ``sprint_days`` outside ``1..=366``.
    """

# ---------------------------------------------------------------- metrics: quality

def defect_density(
    defect_counts: Sequence[float],
    size_kloc: float,
    severity_weights: Sequence[float] | None = None,
) -> float:
    """Defect density: ``Σ defect_counts[i] × severity_weights[i] / size_kloc`` (defects per KLOC).

    ``defect_counts`` has one count per severity level; without weights every defect
    counts 1.

    >>> defect_density([30], 15)
    2.0
    >>> defect_density([2, 5, 10], 9, severity_weights=[10, 3, 1])
    5.0

    Raises ``UndefinedMetricError`` for no levels or ``size_kloc=0``,
    ``InvalidInputError`` for a fractional or negative count, a negative weight or
    weights of another length than the counts.
    """

def defect_escape_rate(found_in_production: float, found_before_release: float) -> float:
    """Defect escape rate: ``found_in_production / (found_in_production + found_before_release)``.

    >>> defect_escape_rate(4, 36)
    0.1

    Raises ``UndefinedMetricError`` (field ``found_before_release``) when both are 0.
    """

# ---------------------------------------------------------------- metrics: stakeholder

_EngagementLevel = Literal["unaware", "resistant", "neutral", "supportive", "leading"]

class _StakeholderGap(TypedDict):
    name: str
    current: _EngagementLevel
    desired: _EngagementLevel
    shortfall: int
    """Levels between current and desired (≥ 1)."""

@final
class StakeholderEngagement:
    """The result of :func:`stakeholder_engagement`."""

    @property
    def share_at_or_above_desired(self) -> float:
        """Share of stakeholders at or above their desired level (fraction)."""
    @property
    def mean_gap(self) -> float:
        """Mean shortfall in levels over all stakeholders (0..=4)."""
    @property
    def gaps(self) -> list[_StakeholderGap]:
        """The stakeholders below their desired level, in input order."""
    def to_dict(self) -> dict[str, Any]: ...

def stakeholder_engagement(stakeholders: Sequence[Mapping[str, str]]) -> StakeholderEngagement:
    """Stakeholder engagement on the PMBOK Stakeholder Engagement Assessment Matrix.

    Each stakeholder is a dict ``{"name": ..., "current": level, "desired": level}``;
    levels, least engaged first: ``"unaware"``, ``"resistant"``, ``"neutral"``,
    ``"supportive"``, ``"leading"``.

    >>> stakeholder_engagement([
    ...     {"name": "CFO", "current": "resistant", "desired": "supportive"},
    ...     {"name": "Sales VP", "current": "leading", "desired": "supportive"},
    ... ]).mean_gap
    1.0

    Raises ``UndefinedMetricError`` for no stakeholders, ``InvalidInputError`` for a
    malformed dict or unknown level (field ``stakeholders[i]``) or a blank name (field
    ``stakeholders[i].name``).
    """

# ---------------------------------------------------------------- metrics: catalog

_MetricId = Literal[
    "return_on_investment", "customer_satisfaction_score", "net_promoter_score",
    "product_revenue", "monthly_recurring_revenue", "average_revenue_per_user",
    "conversion_rate", "funnel_conversion", "feature_adoption_rate", "stickiness",
    "churn_rate", "customer_retention_rate", "time_to_market", "defect_density",
    "defect_escape_rate", "team_velocity", "backlog_completion_rate", "sprint_burndown",
    "stakeholder_engagement", "customer_lifetime_value", "market_share", "forecast_attainment",
]
_MetricUnit = Literal[
    "fraction", "score", "money", "money_per_month", "money_per_user", "days",
    "defects_per_kloc", "points", "points_per_sprint",
]

@final
class MetricInfo:
    """One metric's catalog entry (see :func:`metrics_catalog`)."""

    @property
    def id(self) -> _MetricId:
        """The snake_case id (``"team_velocity"``)."""
    @property
    def name(self) -> str:
        """Display name (``"Net Promoter Score (NPS)"``)."""
    @property
    def owners(self) -> list[_Role]:
        """The role(s) judged by it."""
    @property
    def unit(self) -> _MetricUnit: ...
    @property
    def higher_is_better(self) -> bool | None:
        """``True`` higher is better, ``False`` lower is better, ``None`` neither."""
    @property
    def formula(self) -> str:
        """The formula in words, with its variants."""
    @property
    def source(self) -> str:
        """The public source the formula follows."""
    @property
    def function(self) -> str:
        """The pmkit function that computes it (same name in Rust and Python)."""
    def to_dict(self) -> dict[str, Any]: ...

def metrics_catalog() -> list[MetricInfo]:
    """Every metric pmkit computes: name, owners, unit, direction, formula, source, function.

    >>> [m.id for m in metrics_catalog() if "product_owner" in m.owners][:2]
    ['churn_rate', 'customer_retention_rate']
    """

# ---------------------------------------------------------------- roles

_Role = Literal["product_manager", "product_owner"]
_Horizon = Literal["strategic", "tactical"]
_ActivityKind = Literal[
    "market_analysis", "competitor_analysis", "market_research", "opportunity_identification",
    "product_strategy", "long_term_vision", "portfolio_planning", "roadmap_update",
    "stakeholder_alignment", "department_alignment", "lifecycle_management",
    "product_marketing", "sales_support", "customer_engagement",
    "feature_development_oversight", "requirements_to_stories", "story_writing",
    "backlog_refinement", "backlog_prioritization", "sprint_monitoring",
    "development_team_liaison",
]

class _Labeled(TypedDict):
    id: str
    """The snake_case id (``"agile_methodologies"``)."""
    label: str
    """The label to show."""

class _LabeledActivity(TypedDict):
    id: _ActivityKind
    label: str

class _KpiIndicator(TypedDict):
    id: str
    label: str
    metrics: list[str]
    """The snake_case ids of the metrics that evidence the KPI (``"team_velocity"``)."""

class _ActivityOwner(TypedDict):
    role: _Role
    horizon: _Horizon

class _Activity(TypedDict):
    description: str
    kind: _ActivityKind
    owner: _ActivityOwner

@final
class RoleProfile:
    """The result of :func:`role_profile`: what a role does, needs and is judged by."""

    @property
    def role(self) -> _Role: ...
    @property
    def title(self) -> str: ...
    @property
    def horizon(self) -> _Horizon: ...
    @property
    def focus(self) -> str:
        """The role in one line."""
    @property
    def responsibilities(self) -> list[_Labeled]: ...
    @property
    def skills(self) -> list[_Labeled]: ...
    @property
    def kpis(self) -> list[_KpiIndicator]:
        """The KPIs the role is judged by, each with the metrics that evidence it."""
    @property
    def metrics(self) -> list[str]:
        """Every metric tracking the role (snake_case metric ids)."""
    @property
    def activities(self) -> list[_LabeledActivity]:
        """The activity kinds the role owns (see :func:`owner_of`)."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class SalaryBenchmark:
    """The result of :func:`salary_benchmark`: published annual salary figures for a role."""

    @property
    def role(self) -> _Role: ...
    @property
    def average(self) -> float: ...
    @property
    def low(self) -> float: ...
    @property
    def high(self) -> float: ...
    @property
    def currency(self) -> str:
        """ISO 4217 code (``"USD"``)."""
    @property
    def country(self) -> str: ...
    @property
    def source(self) -> str:
        """Who published the figures (``"Indeed"``)."""
    @property
    def factors(self) -> list[str]:
        """What moves a salary within the range (``"years_of_experience"``, ``"location"`` ...)."""
    def position_in_range(self, salary: float) -> float:
        """Where ``salary`` sits in the range: 0.0 at ``low``, 1.0 at ``high``, linear between.

        Raises :class:`OutOfRangeError` (field ``salary``) outside the range and
        :class:`InvalidInputError` for NaN or infinity.
        """
    def to_dict(self) -> dict[str, Any]: ...

@final
class ActivityOwner:
    """The result of :func:`owner_of`."""

    @property
    def role(self) -> _Role: ...
    @property
    def horizon(self) -> _Horizon: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class WorkedExample:
    """The result of :func:`worked_example`: both roles at work on one initiative."""

    @property
    def product(self) -> str: ...
    @property
    def initiative(self) -> str: ...
    @property
    def activities(self) -> list[_Activity]:
        """Six activities, the product manager's three first."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class Headcount:
    """The result of :func:`product_manager_headcount`."""

    @property
    def role(self) -> _Role: ...
    @property
    def country(self) -> str: ...
    @property
    def at_least(self) -> int:
        """A published lower bound ("over 500,000")."""
    @property
    def source(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

def role_profile(role: _Role) -> RoleProfile:
    """The profile of a role: responsibilities, skills, KPIs (with their metrics) and activities.

    Raises :class:`ParseError` (field ``role``) for a name other than
    ``"product_manager"`` or ``"product_owner"``.
    """

def role_profiles() -> list[RoleProfile]:
    """Both profiles, product manager first."""

def salary_benchmark(role: _Role) -> SalaryBenchmark:
    """The published salary figures for a role: Indeed, US, annual, USD."""

def salary_position_in_range(role: _Role, salary: float) -> float:
    """``salary_benchmark(role).position_in_range(salary)``: 0.0 at low, 1.0 at high."""

def owner_of(kind: _ActivityKind) -> ActivityOwner:
    """The role that owns an activity kind, and its horizon.

    Raises :class:`ParseError` (field ``kind``), listing the valid names, for an unknown kind.
    """

def worked_example() -> WorkedExample:
    """The source's worked example: a CRM (like HubSpot) bringing AI into its portfolio."""

def product_manager_headcount() -> Headcount:
    """Over 500,000 product managers work in the US."""

# ---------------------------------------------------------------- scorecard

@final
class Scorecard:
    """Every KPI computed for one product: :func:`kpi_scorecard`."""

    @property
    def product(self) -> str: ...
    @property
    def currency(self) -> str: ...
    @property
    def readings(self) -> list[dict[str, Any]]:
        """One dict per KPI: metric, name, value, unit, formula, owners, note."""
    @property
    def missing(self) -> list[str]:
        """Metric ids whose inputs the snapshot lacks."""
    def to_dict(self) -> dict[str, Any]: ...

def kpi_scorecard(snapshot: dict[str, Any] | str) -> Scorecard:
    """Every KPI the snapshot (a dict in the JSON form, or JSON text) has inputs for.

    Absent sections are listed in ``missing``; a bad section raises
    :class:`PmkitError` naming the field (``"nps_responses[3]"``).
    """

def sample_snapshot() -> dict[str, Any]:
    """The bundled sample product (what ``make demo`` reports on), as a dict."""

# ---------------------------------------------------------------- work (backlog)

_StatusCategory = Literal["to_do", "in_progress", "done", "cancelled"]
_Rule = Literal[
    "missing_benefit", "missing_acceptance_criteria", "unestimated", "too_big", "blocked", "vague_goal", "must_have_share"
]
_Framework = Literal["rice", "ice", "wsjf", "value_effort", "moscow"]
_Variant = Literal["intercom", "unrestricted", "product", "mean", "modified_fibonacci", "ratio", "standard"]

class _Status(TypedDict):
    name: str
    category: _StatusCategory

class _Step(TypedDict):
    keyword: Literal["given", "when", "then", "and", "but"]
    text: str

class _Scenario(TypedDict):
    name: str
    steps: list[_Step]

class _Link(TypedDict):
    kind: Literal["blocks", "blocked_by", "relates_to"]
    id: str

class _Priority(TypedDict, total=False):
    moscow: Literal["must", "should", "could", "wont"] | None
    rice: dict[str, float] | None
    ice: dict[str, float] | None
    wsjf: dict[str, float] | None
    value_effort: dict[str, float] | None

class _StoryRequired(TypedDict):
    id: str
    title: str

class _Story(_StoryRequired, total=False):
    """A story in its JSON form: only ``id`` and ``title`` are required on input;
    results have every key. Dates are ISO strings; ``estimate`` is points or None."""

    persona: str | None
    goal: str | None
    benefit: str | None
    description: str | None
    acceptance_criteria: list[_Scenario]
    estimate: float | None
    status: _Status
    priority: _Priority
    parent: str | None
    labels: list[str]
    issue_type: str | None
    sprint: str | None
    created: str | None
    resolved: str | None
    links: list[_Link]

class _Card(TypedDict):
    label: str
    weight: float | None

class _EstimateScale(TypedDict):
    name: str
    cards: list[_Card]

class _BacklogRequired(TypedDict):
    stories: list[_Story]

class _Backlog(_BacklogRequired, total=False):
    """A backlog in its JSON form: stories top first, and the team's scale or None."""

    scale: _EstimateScale | None

class _InvestContext(TypedDict, total=False):
    max_points: float | None
    velocity: float | None
    max_velocity_share: float
    resolved_items: list[str]

@final
class Finding:
    """One broken rule: which, how serious, and what to do."""

    @property
    def rule(self) -> _Rule: ...
    @property
    def severity(self) -> Literal["error", "warning"]: ...
    @property
    def message(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Score:
    """A priority score with its provenance. Higher scores rank first."""

    @property
    def framework(self) -> _Framework: ...
    @property
    def variant(self) -> _Variant: ...
    @property
    def inputs(self) -> dict[str, Any]:
        """The inputs as given, in the framework's own terms."""
    @property
    def score(self) -> float: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class MoscowSummary:
    """The MoSCoW breakdown of a backlog's open stories."""

    @property
    def must(self) -> dict[str, Any]:
        """``{"stories", "effort", "unestimated"}``; likewise should, could, wont."""
    @property
    def should(self) -> dict[str, Any]: ...
    @property
    def could(self) -> dict[str, Any]: ...
    @property
    def wont(self) -> dict[str, Any]: ...
    @property
    def uncategorized(self) -> int: ...
    @property
    def must_have_share(self) -> float | None:
        """Must effort / (must + should + could effort); None when that total is 0."""
    @property
    def findings(self) -> list[dict[str, Any]]:
        """A ``must_have_share`` finding when the share is above 0.6 (DSDM)."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class KanoSummary:
    """Respondents' Kano answers on one feature."""

    @property
    def attractive(self) -> int: ...
    @property
    def one_dimensional(self) -> int: ...
    @property
    def must_be(self) -> int: ...
    @property
    def indifferent(self) -> int: ...
    @property
    def reverse(self) -> int: ...
    @property
    def questionable(self) -> int: ...
    @property
    def respondents(self) -> int: ...
    @property
    def category(self) -> Literal["attractive", "one_dimensional", "must_be", "indifferent", "reverse", "questionable"]:
        """The most frequent category; ties go must-be, one-dimensional, attractive, indifferent."""
    @property
    def better(self) -> float:
        """(A + O) / (A + O + M + I)."""
    @property
    def worse(self) -> float:
        """−(O + M) / (A + O + M + I)."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class RankedStory:
    """One story's place in a ranking."""

    @property
    def rank(self) -> int: ...
    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def score(self) -> dict[str, Any]:
        """The score's dict form: framework, variant, inputs, score."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class PointTotals:
    """Stories, points and unestimated stories per status category."""

    @property
    def to_do(self) -> dict[str, Any]:
        """``{"stories", "points", "unestimated"}``; likewise the other categories."""
    @property
    def in_progress(self) -> dict[str, Any]: ...
    @property
    def done(self) -> dict[str, Any]: ...
    @property
    def cancelled(self) -> dict[str, Any]:
        """Cancelled work, never counted as done."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class BacklogHealth:
    """The health report of a backlog on a day; shares are fractions of the open stories."""

    @property
    def today(self) -> str: ...
    @property
    def period_start(self) -> str: ...
    @property
    def stories(self) -> int: ...
    @property
    def open(self) -> int: ...
    @property
    def completed_in_period(self) -> int: ...
    @property
    def cancelled_in_period(self) -> int: ...
    @property
    def done_without_date(self) -> int: ...
    @property
    def completion_rate(self) -> float | None:
        """completed_in_period / (completed_in_period + open)."""
    @property
    def ready(self) -> int: ...
    @property
    def ready_share(self) -> float | None: ...
    @property
    def unestimated(self) -> int: ...
    @property
    def unestimated_share(self) -> float | None: ...
    @property
    def median_open_age_days(self) -> float | None: ...
    @property
    def oldest_open_age_days(self) -> int | None: ...
    @property
    def oldest_open_id(self) -> str | None: ...
    @property
    def blocked(self) -> list[str]: ...
    @property
    def must_have_share(self) -> float | None: ...
    @property
    def findings(self) -> list[dict[str, Any]]: ...
    def to_dict(self) -> dict[str, Any]: ...

def parse_story(id: str, text: str) -> _Story:
    """A story from "As a <persona>, I want <goal>, so that <benefit>" (case and
    punctuation tolerant; "so that" optional). Raises ParseError naming the missing part."""

def to_connextra(story: _Story) -> str:
    """The story as "As a <persona>, I want <goal>, so that <benefit>."."""

def parse_acceptance_criteria(text: str) -> list[_Scenario]:
    """Given / When / Then scenarios from Gherkin-style text; errors name the line."""

def invest_findings(
    story: _Story, context: _InvestContext | None = None, rules: Sequence[_Rule] | None = None
) -> list[Finding]:
    """INVEST findings of a story for the given rules (every story rule by default)."""

def is_ready(story: _Story, definition_of_ready: Sequence[_Rule], context: _InvestContext | None = None) -> bool:
    """Whether no rule of the Definition of Ready has a finding."""

def estimate_scale(
    preset: Literal["fibonacci", "modified_fibonacci", "powers_of_two", "linear", "t_shirt"] = "modified_fibonacci",
) -> _EstimateScale:
    """A ready-made estimate scale."""

def estimate_points(scale: _EstimateScale, label: str) -> float | None:
    """The points of the card named ``label`` ("½", "1/2", "M", "8"); None for "?"."""

def estimate_card(scale: _EstimateScale, points: float) -> _Card:
    """The card whose weight is ``points``; OutOfRangeError when none is."""

def rice_score(
    reach: float, impact: float, confidence: float, effort: float, variant: Literal["intercom", "unrestricted"] | None = None
) -> Score:
    """RICE = reach × impact × confidence / effort (Intercom). Variant "intercom"
    (default) requires impact in {3, 2, 1, 0.5, 0.25} and confidence in {1, 0.8, 0.5}."""

def ice_score(impact: float, confidence: float, ease: float, variant: Literal["product", "mean"] | None = None) -> Score:
    """ICE of inputs on 1..=10: their product (default) or mean."""

def wsjf_score(
    user_business_value: float,
    time_criticality: float,
    risk_reduction: float,
    job_size: float,
    variant: Literal["unrestricted", "modified_fibonacci"] | None = None,
) -> Score:
    """WSJF = (user-business value + time criticality + risk reduction) / job size (SAFe)."""

def value_effort_score(value: float, effort: float) -> Score:
    """Value / effort."""

def value_effort_quadrant(
    value: float, effort: float, value_threshold: float, effort_threshold: float
) -> Literal["quick_win", "big_bet", "fill_in", "money_pit"]:
    """The 2 × 2 quadrant; a value or effort at its threshold counts as high."""

def moscow_score(category: str) -> Score:
    """A MoSCoW category as a score: must 3, should 2, could 1, won't 0."""

def moscow_summary(backlog: _Backlog, unestimated_weight: float | None = None) -> MoscowSummary:
    """MoSCoW breakdown of the open stories with the must-have share of effort."""

def kano_category(
    functional: str, dysfunctional: str
) -> Literal["attractive", "one_dimensional", "must_be", "indifferent", "reverse", "questionable"]:
    """One respondent's Kano category from the standard evaluation table (Berger et al. 1993)."""

def kano_summary(functional: Sequence[str], dysfunctional: Sequence[str]) -> KanoSummary:
    """Category counts, category and better / worse coefficients over many respondents."""

def new_backlog(stories: Sequence[_Story], scale: _EstimateScale | None = None) -> _Backlog:
    """A validated backlog (ids unique, estimates on the scale), every field filled in."""

def backlog_from_json(text: str) -> _Backlog:
    """A backlog from its JSON text."""

def backlog_to_json(backlog: _Backlog) -> str:
    """The backlog as JSON text, byte for byte what Rust and JavaScript write."""

def rank_backlog(backlog: _Backlog, framework: _Framework, variant: _Variant | None = None) -> list[RankedStory]:
    """The open stories ranked by a framework, highest first; ties keep backlog order."""

def point_totals(backlog: _Backlog, unestimated_weight: float | None = None) -> PointTotals:
    """Stories, points and unestimated stories per status category."""

def stories_in(backlog: _Backlog, category: str) -> list[_Story]:
    """The stories whose status is in ``category``, in backlog order."""

def move_story(backlog: _Backlog, id: str, rank: float) -> _Backlog:
    """A new backlog with story ``id`` moved to ``rank`` (1 = top)."""

def insert_story(backlog: _Backlog, story: _Story, rank: float | None = None) -> _Backlog:
    """A new backlog with ``story`` inserted at ``rank`` (default: the bottom)."""

def remove_story(backlog: _Backlog, id: str) -> _Backlog:
    """A new backlog without story ``id``."""

def backlog_health(
    backlog: _Backlog,
    today: datetime.date | str,
    period_days: float = 30.0,
    definition_of_ready: Sequence[_Rule] | None = None,
    context: _InvestContext | None = None,
    unestimated_weight: float | None = None,
) -> BacklogHealth:
    """Completion rate, ready and unestimated shares, ages, blocked stories and the
    must-have share of a backlog on ``today``."""

def import_jira_csv(
    source: str | os.PathLike[str] | Any,
    statuses: Mapping[str, _StatusCategory],
    scale: _EstimateScale | None = None,
) -> _Backlog:
    """A backlog from a Jira CSV export: CSV text (a str with a line break), a path, or a
    pandas DataFrame. ``statuses`` maps every status name to its category."""

def sample_backlog() -> _Backlog:
    """The sample checkout backlog that ``make demo`` reports on."""

# ---------------------------------------------------------------- analytics

# A column: a numpy array (int64/uint64/datetime64 borrowed without a copy), a pandas or
# polars Series, or a list. User ids and event names may also be strings. Times may also
# be time-zone-aware pandas or polars datetimes (read as UTC instants) or a list of
# Python ``datetime`` (aware, or naive read as UTC) or ``date`` objects.
_Column = Any
_TimeUnit = Literal["days", "seconds", "milliseconds", "microseconds", "nanoseconds", "D", "s", "ms", "us", "ns"]
_Cohorts = Literal["first_time", "recurring"]
_RetentionKind = Literal["on", "on_or_after"]

class _RetentionOptions(TypedDict):
    period: str
    cohorts: _Cohorts
    kind: _RetentionKind
    start_event: int | str | None
    return_event: int | str | None

@final
class ActiveUsers:
    """The result of :func:`active_users` (dates as ISO strings)."""

    @property
    def days(self) -> list[str]: ...
    @property
    def dau(self) -> list[int]:
        """Distinct users active each day."""
    @property
    def wau(self) -> list[int]:
        """Distinct users active in the 7 days ending each day (rolling)."""
    @property
    def mau(self) -> list[int]:
        """Distinct users active in the 30 days ending each day (rolling)."""
    @property
    def stickiness(self) -> list[float | None]:
        """DAU / MAU per day; ``None`` where MAU is 0."""
    @property
    def week(self) -> str: ...
    @property
    def weeks(self) -> list[str]: ...
    @property
    def weekly(self) -> list[int]: ...
    @property
    def months(self) -> list[str]: ...
    @property
    def monthly(self) -> list[int]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def chart(self, *, width: float = 720.0, height: float = 400.0, theme: Literal["light", "dark"] = "light") -> Chart:
        """DAU, WAU and MAU over the days: :func:`active_users_chart` of this result."""

@final
class Retention:
    """The result of :func:`retention`: the cohort matrix (``None`` = a cell after the last day)."""

    @property
    def options(self) -> _RetentionOptions:
        """The settings; ``start_event`` / ``return_event`` are the names given when
        ``events`` held names, else codes."""
    @property
    def cohort_starts(self) -> list[str]: ...
    @property
    def cohort_sizes(self) -> list[int]: ...
    @property
    def counts(self) -> list[list[int | None]]: ...
    @property
    def rates(self) -> list[list[float | None]]: ...
    @property
    def average(self) -> list[float | None]:
        """The weighted-average row over cohorts whose period ``k`` is complete."""
    @property
    def average_returned(self) -> list[int]: ...
    @property
    def average_cohort_users(self) -> list[int]: ...
    @property
    def last_day(self) -> str: ...
    @property
    def last_period_complete(self) -> bool: ...
    def to_dict(self) -> dict[str, Any]: ...
    def chart(self, *, width: float = 720.0, height: float = 400.0, theme: Literal["light", "dark"] = "light") -> Chart:
        """The cohort heatmap: :func:`retention_chart` of this result."""

@final
class Counts:
    """Partial counts of one metric for a shard of users; they add up across shards
    partitioned by user. Picklable (through its dict form and event names)."""

    def __new__(cls, value: Mapping[str, Any], event_names: Sequence[str] | None = None) -> Counts: ...
    @property
    def metric(self) -> str:
        """The metric: ``"active_users"``, ``"retention"``, ..."""
    @property
    def event_names(self) -> list[str] | None:
        """When the call was given event names: the names the counts' event codes stand
        for (code ``k`` is ``event_names[k]``); the finished metric reports them.
        ``None`` for event codes."""
    def to_dict(self) -> dict[str, Any]: ...
    def merge(self, other: Counts | Mapping[str, Any]) -> Counts:
        """These counts plus another shard's (disjoint users)."""
    def finish(self) -> Any:
        """The metric these counts describe (``ActiveUsers``, ``Retention``, ...)."""

@final
class EncodedIds:
    """The result of :func:`encode_ids`."""

    @property
    def codes(self) -> list[int]: ...
    @property
    def ids(self) -> list[str]: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class SampleEvents:
    """The result of :func:`sample_events`: an event log as columns."""

    @property
    def user_ids(self) -> list[int]: ...
    @property
    def times(self) -> list[int]:
        """Seconds since the epoch (UTC)."""
    @property
    def events(self) -> list[int]: ...
    @property
    def event_names(self) -> list[str]: ...
    @property
    def unit(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

def active_users(
    user_ids: _Column,
    times: _Column,
    unit: _TimeUnit | None = None,
    utc_offset_minutes: float = 0.0,
    week: str = "week",
) -> ActiveUsers:
    """DAU, rolling WAU (7 days) and MAU (30 days) per day, DAU/MAU stickiness, and
    distinct users per calendar ``week`` (ISO by default) and month.

    ``times`` are seconds since the epoch unless ``unit`` says otherwise; datetime64
    columns carry their own unit; time-zone-aware datetimes are read as UTC instants.
    Calendar days are UTC, or local to a fixed ``utc_offset_minutes`` (a column in
    another zone is *not* read on its local days unless that offset is passed).
    ``InvalidInputError`` names ``times[i]`` for a NaT. Raises ``UndefinedMetricError`` for an empty log,
    ``InvalidInputError`` for a negative or fractional id (``user_ids[i]``),
    ``OutOfRangeError`` for a time outside 1970..=9999 (``times[i]``).
    """

def active_user_counts(
    user_ids: _Column,
    times: _Column,
    unit: _TimeUnit | None = None,
    utc_offset_minutes: float = 0.0,
    week: str = "week",
) -> Counts:
    """Partial counts of :func:`active_users` for a shard of users (empty shards allowed)."""

def retention(
    user_ids: _Column,
    times: _Column,
    period: str = "week",
    cohorts: _Cohorts = "first_time",
    kind: _RetentionKind = "on",
    events: _Column | None = None,
    start_event: int | str | None = None,
    return_event: int | str | None = None,
    unit: _TimeUnit | None = None,
    utc_offset_minutes: float = 0.0,
) -> Retention:
    """The retention matrix: cohorts by calendar ``period`` ("day", "week",
    "week_<weekday>", "month") of first activity ("first_time") or of every activity
    ("recurring"), and the distinct users of each returning in period ``k`` ("on") or in
    ``k`` or later ("on_or_after"), as counts and rates, with the weighted-average row.

    ``start_event`` / ``return_event`` restrict cohorts and returns to an event code
    (or name, when ``events`` holds names; the result's ``options`` then give the names).
    Cells after the log's last day are ``None``. Raises ``InvalidInputError`` naming the
    option for a name ``events`` does not hold (a misspelling), a name when ``events``
    holds codes, a code when it holds names, or either without ``events``.
    """

def retention_counts(
    user_ids: _Column,
    times: _Column,
    period: str = "week",
    cohorts: _Cohorts = "first_time",
    kind: _RetentionKind = "on",
    events: _Column | None = None,
    start_event: int | str | None = None,
    return_event: int | str | None = None,
    unit: _TimeUnit | None = None,
    utc_offset_minutes: float = 0.0,
) -> Counts:
    """Partial counts of :func:`retention` for a shard of users (empty shards allowed).
    An event name the shard does not hold counts no one (another shard may hold it)."""

def merge_counts(parts: Sequence[Counts | Mapping[str, Any]]) -> Counts:
    """The sum of partial counts from shards partitioned by user (each user in one shard)."""

def finish_counts(counts: Counts | Mapping[str, Any]) -> Any:
    """The metric that (merged) partial counts describe."""

@final
class Churn:
    """The result of :func:`activity_churn` (``None`` = follow-up not observed yet)."""

    @property
    def period(self) -> str: ...
    @property
    def inactive_days(self) -> int: ...
    @property
    def period_starts(self) -> list[str]: ...
    @property
    def active(self) -> list[int]: ...
    @property
    def churned(self) -> list[int | None]: ...
    @property
    def churn_rate(self) -> list[float | None]: ...
    @property
    def retention_rate(self) -> list[float | None]: ...
    @property
    def last_day(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Adoption:
    """The result of :func:`feature_adoption`."""

    @property
    def period(self) -> str: ...
    @property
    def feature(self) -> int | str:
        """The feature as given: its event name when ``events`` held names, else its code."""
    @property
    def period_starts(self) -> list[str]: ...
    @property
    def active(self) -> list[int]: ...
    @property
    def users(self) -> list[int]: ...
    @property
    def rate(self) -> list[float | None]: ...
    @property
    def ever_active(self) -> list[int]: ...
    @property
    def ever_adopted(self) -> list[int]: ...
    @property
    def cumulative_rate(self) -> list[float | None]: ...
    @property
    def adopters(self) -> int: ...
    @property
    def days_to_first_use(self) -> list[int]:
        """Histogram: ``days_to_first_use[d]`` adopters first used it ``d`` days after their first event."""
    @property
    def median_days_to_first_use(self) -> float | None: ...
    @property
    def mean_days_to_first_use(self) -> float | None: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Funnel:
    """The result of :func:`event_funnel`."""

    @property
    def steps(self) -> list[int] | list[str]:
        """The steps as given: event names when ``events`` held names, else codes."""
    @property
    def window_seconds(self) -> int: ...
    @property
    def order(self) -> Literal["sequential", "any_order"]: ...
    @property
    def reached(self) -> list[int]: ...
    @property
    def conversion_from_previous(self) -> list[float | None]: ...
    @property
    def conversion_from_start(self) -> list[float | None]: ...
    @property
    def overall(self) -> float | None: ...
    @property
    def median_seconds_from_previous(self) -> list[float | None]: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class StickinessHistogram:
    """The result of :func:`stickiness_histogram`."""

    @property
    def period(self) -> str: ...
    @property
    def period_starts(self) -> list[str]: ...
    @property
    def period_days(self) -> list[int]: ...
    @property
    def complete(self) -> list[bool]: ...
    @property
    def active(self) -> list[int]: ...
    @property
    def users(self) -> list[list[int]]:
        """``users[p][k - 1]``: users active on exactly ``k`` days of period ``p``."""
    @property
    def at_least(self) -> list[list[int]]: ...
    def to_dict(self) -> dict[str, Any]: ...

def activity_churn(
    user_ids: _Column,
    times: _Column,
    period: str = "week",
    inactive_days: float = 30.0,
    unit: _TimeUnit | None = None,
    utc_offset_minutes: float = 0.0,
) -> Churn:
    """Churn from activity: per calendar period, users active in it with no event in the
    ``inactive_days`` after it ended, and churn and retention rates (``None`` while the
    follow-up is not observed). Raises ``OutOfRangeError`` for ``inactive_days`` of 0."""

def activity_churn_counts(
    user_ids: _Column,
    times: _Column,
    period: str = "week",
    inactive_days: float = 30.0,
    unit: _TimeUnit | None = None,
    utc_offset_minutes: float = 0.0,
) -> Counts:
    """Partial counts of :func:`activity_churn` for a shard of users."""

def feature_adoption(
    user_ids: _Column,
    times: _Column,
    events: _Column,
    feature: int | str,
    period: str = "week",
    unit: _TimeUnit | None = None,
    utc_offset_minutes: float = 0.0,
) -> Adoption:
    """Feature adoption per calendar period (users of the ``feature`` event / active
    users), cumulative adoption, and days from first event to first use.

    ``feature`` is an event code, or a name when ``events`` holds names (the result's
    ``feature`` is then that name). Raises ``InvalidInputError`` naming ``feature`` for a
    name ``events`` does not hold, a name when ``events`` holds codes, or the reverse."""

def feature_adoption_counts(
    user_ids: _Column,
    times: _Column,
    events: _Column,
    feature: int | str,
    period: str = "week",
    unit: _TimeUnit | None = None,
    utc_offset_minutes: float = 0.0,
) -> Counts:
    """Partial counts of :func:`feature_adoption` for a shard of users. An event name the
    shard does not hold counts no one (another shard may hold it)."""

def event_funnel(
    user_ids: _Column,
    times: _Column,
    events: _Column,
    steps: Sequence[int | str],
    window_seconds: float = 2_592_000.0,
    order: Literal["sequential", "any_order"] = "sequential",
    unit: _TimeUnit | None = None,
    utc_offset_minutes: float = 0.0,
) -> Funnel:
    """A conversion funnel: users reaching each step within ``window_seconds`` (default
    30 days) of entering, per-step and overall conversion, median seconds between steps.

    ``steps`` are event codes, or names when ``events`` holds names (the result's
    ``steps`` are then those names). Raises ``InvalidInputError`` naming ``steps[i]`` for
    a name ``events`` does not hold, a name when ``events`` holds codes, or the reverse."""

def event_funnel_counts(
    user_ids: _Column,
    times: _Column,
    events: _Column,
    steps: Sequence[int | str],
    window_seconds: float = 2_592_000.0,
    order: Literal["sequential", "any_order"] = "sequential",
    unit: _TimeUnit | None = None,
    utc_offset_minutes: float = 0.0,
) -> Counts:
    """Partial counts of :func:`event_funnel` for a shard of users. An event name the
    shard does not hold counts no one (another shard may hold it)."""

def stickiness_histogram(
    user_ids: _Column,
    times: _Column,
    period: str = "week",
    unit: _TimeUnit | None = None,
    utc_offset_minutes: float = 0.0,
) -> StickinessHistogram:
    """Per calendar period, users active on exactly ``k`` days of it and on at least ``k``."""

def stickiness_counts(
    user_ids: _Column,
    times: _Column,
    period: str = "week",
    unit: _TimeUnit | None = None,
    utc_offset_minutes: float = 0.0,
) -> Counts:
    """Partial counts of :func:`stickiness_histogram` for a shard of users."""

def encode_ids(values: Sequence[str], known: Sequence[str] | None = None) -> EncodedIds:
    """Dense integer codes for text ids, in order of first appearance, continuing
    ``known`` (the ``ids`` of an earlier call) so codes stay the same across batches."""

def sample_events() -> SampleEvents:
    """A small, deterministic event log: 120 users over eight ISO weeks of 2026."""

# ---------------------------------------------------------------- sprint

_SprintState = Literal["planned", "active", "closed"]
_WeekDay = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

class _SprintRequired(TypedDict):
    id: str
    name: str
    start: str
    end: str

class _Sprint(_SprintRequired, total=False):
    """A sprint in its JSON form (dates as ISO strings; both included)."""

    goal: str | None
    team: list[str]
    state: _SprintState

class _WorkCalendar(TypedDict, total=False):
    """Working weekdays (default Monday to Friday) and holidays (ISO strings)."""

    working_weekdays: list[_WeekDay]
    holidays: list[str]

class _MemberRequired(TypedDict):
    name: str

class _Member(_MemberRequired, total=False):
    days_off: list[str]
    focus_factor: float
    hours_per_day: float | None

class _CommitmentRequired(TypedDict):
    id: str

class _Commitment(_CommitmentRequired, total=False):
    points: float | None
    carried_in: bool

class _SprintEventRequired(TypedDict):
    date: str
    kind: Literal["added", "removed", "re_estimated", "completed", "reopened", "cancelled", "carried_over"]
    id: str

class _SprintEvent(_SprintEventRequired, total=False):
    points: float | None

class _SprintLogRequired(TypedDict):
    sprint: _Sprint
    commitment: list[_Commitment]

class _SprintLog(_SprintLogRequired, total=False):
    """The sprint, the team calendar, the commitment at start and the events since."""

    calendar: _WorkCalendar
    events: list[_SprintEvent]

class _SprintOutcomeRequired(TypedDict):
    sprint_id: str
    completed_points: float
    completed_items: int

class _SprintOutcome(_SprintOutcomeRequired, total=False):
    """One closed sprint's numbers."""

    committed_points: float
    committed_items: int
    available_person_days: float | None

@final
class SprintCapacity:
    """Working days, person-days, focus days and hours (None unless every member gives hours)."""

    @property
    def working_days(self) -> int: ...
    @property
    def members(self) -> list[dict[str, Any]]: ...
    @property
    def available_days(self) -> int: ...
    @property
    def focus_days(self) -> float: ...
    @property
    def hours(self) -> float | None: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class CapacityPlan:
    """Points to commit at the historical focus factor (points per available person-day)."""

    @property
    def focus_factor(self) -> float: ...
    @property
    def points(self) -> float: ...
    @property
    def sprints(self) -> int: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class SprintReport:
    """Burndown, burnup, committed vs completed, scope change, carry-over and say/do.

    Day series hold one value per calendar day (end of day); ``working`` flags working days.
    Tallies (``committed``, ``added`` ...) are dicts ``{"items": int, "points": float}``."""

    @property
    def sprint_id(self) -> str: ...
    @property
    def count_by(self) -> Literal["points", "items"]: ...
    @property
    def working_days(self) -> int: ...
    @property
    def dates(self) -> list[str]: ...
    @property
    def working(self) -> list[bool]: ...
    @property
    def ideal(self) -> list[float]: ...
    @property
    def remaining(self) -> list[float]: ...
    @property
    def scope(self) -> list[float]: ...
    @property
    def done(self) -> list[float]: ...
    @property
    def committed(self) -> dict[str, Any]: ...
    @property
    def completed(self) -> dict[str, Any]: ...
    @property
    def completed_committed(self) -> dict[str, Any]: ...
    @property
    def added(self) -> dict[str, Any]: ...
    @property
    def removed(self) -> dict[str, Any]: ...
    @property
    def cancelled(self) -> dict[str, Any]: ...
    @property
    def re_estimated(self) -> dict[str, Any]: ...
    @property
    def carried_in(self) -> dict[str, Any]: ...
    @property
    def carry_over(self) -> list[dict[str, Any]]: ...
    @property
    def say_do_ratio(self) -> float | None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def chart(self, *, width: float = 720.0, height: float = 400.0, theme: Literal["light", "dark"] = "light") -> Chart:
        """The burndown chart of this report: :func:`burndown_chart` of it."""

@final
class Velocity:
    """Mean, median, standard deviation, min, max and trend per sprint, in points and items."""

    @property
    def sprint_ids(self) -> list[str]: ...
    @property
    def points(self) -> dict[str, Any]: ...
    @property
    def items(self) -> dict[str, Any]: ...
    def to_dict(self) -> dict[str, Any]: ...

def new_sprint(
    id: str,
    name: str,
    start: datetime.date | str,
    end: datetime.date | str,
    goal: str | None = None,
    team: Sequence[str] | None = None,
    state: _SprintState | None = None,
) -> _Sprint:
    """A sprint, checked: InvalidInputError when ``end`` is before ``start``,
    OutOfRangeError when it is longer than one month."""

def working_days(start: datetime.date | str, end: datetime.date | str, calendar: _WorkCalendar | None = None) -> list[str]:
    """The working days (ISO strings) from ``start`` to ``end``, both included."""

def sprint_capacity(sprint: _Sprint, members: Sequence[_Member], calendar: _WorkCalendar | None = None) -> SprintCapacity:
    """Per member: working days minus days off, × focus factor (ideal days) or × hours per day."""

def plan_capacity(history: Sequence[_SprintOutcome], available_person_days: float, window: float = 3.0) -> CapacityPlan:
    """Σ completed points / Σ available person-days over the last ``window`` sprints,
    × ``available_person_days``."""

def sprint_report(log: _SprintLog, count_by: Literal["points", "items"] = "points") -> SprintReport:
    """The sprint report of a log: re-estimates are scope change, cancelled is never
    done, the ideal line is flat on non-working days and ignores added scope."""

def sprint_log_from_json(text: str) -> _SprintLog:
    """A sprint log from its JSON text."""

def sprint_log_to_json(log: _SprintLog) -> str:
    """The sprint log as JSON text, byte for byte what Rust and JavaScript write."""

def velocity(history: Sequence[_SprintOutcome], window: float = 3.0) -> Velocity:
    """Velocity over the last ``window`` closed sprints (oldest first), in points and items."""

def sample_sprint() -> _SprintLog:
    """The hand-computed sample sprint of docs/sprints.md."""

def sample_sprint_history() -> list[_SprintOutcome]:
    """Five closed sprints, oldest first, ending with the sample sprint."""

# ---------------------------------------------------------------- roadmap

_Stage = Literal["introduction", "growth", "maturity", "decline", "sunset"]

class _RoadmapItemRequired(TypedDict):
    id: str
    title: str
    level: Literal["product", "objective", "key_result", "theme", "initiative", "epic", "story"]

class _RoadmapItem(_RoadmapItemRequired, total=False):
    """A roadmap item; targets are "2026-11-28", "2026-11", "2026-Q4", "2026-H2" or "2026"."""

    parent: str | None
    owner: Literal["product_manager", "product_owner"] | None
    status: _StatusCategory
    start: str | None
    target: str | None
    lane: Literal["now", "next", "later"] | None
    estimate: float | None

# "from" is a Python keyword, hence the functional form.
_Dependency = TypedDict(
    "_Dependency",
    {
        "from": str,
        "to": str,
        "kind": Literal["finish_to_start", "start_to_start", "finish_to_finish", "start_to_finish"],
        "lag_days": int,
    },
    total=False,
)

class _StageChange(TypedDict):
    stage: _Stage
    date: str

class _Lifecycle(TypedDict):
    history: list[_StageChange]

class _RoadmapRequired(TypedDict):
    product: str
    items: list[_RoadmapItem]

class _Roadmap(_RoadmapRequired, total=False):
    """A roadmap in its JSON form (a dependency needs "from" and "to")."""

    dependencies: list[_Dependency]
    releases: list[dict[str, Any]]
    milestones: list[dict[str, Any]]
    lifecycle: _Lifecycle | None

class _PlannedEpicRequired(TypedDict):
    id: str
    remaining_points: float

class _PlannedEpic(_PlannedEpicRequired, total=False):
    target: str | None

@final
class RoadmapValidation:
    """Every cycle (path with the first id repeated), missing item, level-order problem,
    child outside its parent and violated dependency."""

    @property
    def valid(self) -> bool: ...
    @property
    def issues(self) -> list[dict[str, Any]]: ...
    @property
    def cycles_truncated(self) -> bool: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class RoadmapProgress:
    """Done / total points and items per item and per level; cancelled excluded."""

    @property
    def items(self) -> list[dict[str, Any]]: ...
    @property
    def levels(self) -> list[dict[str, Any]]: ...
    @property
    def unplanned(self) -> list[str]: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Feasibility:
    """The ranked epics laid into future sprints at mean velocity."""

    @property
    def mean_velocity(self) -> float: ...
    @property
    def sprints_needed(self) -> int: ...
    @property
    def epics(self) -> list[dict[str, Any]]: ...
    @property
    def missed(self) -> list[str]: ...
    @property
    def sprints(self) -> list[dict[str, Any]]: ...
    def to_dict(self) -> dict[str, Any]: ...

def roadmap_from_json(text: str) -> _Roadmap:
    """A roadmap from its JSON text."""

def roadmap_to_json(roadmap: _Roadmap) -> str:
    """The roadmap as JSON text, byte for byte what Rust and JavaScript write."""

def validate_roadmap(roadmap: _Roadmap) -> RoadmapValidation:
    """Every cycle, missing item, misplaced child and violated dependency, at once."""

def roadmap_progress(roadmap: _Roadmap, backlog: _Backlog) -> RoadmapProgress:
    """Progress of every roadmap item and level, rolled up from the backlog."""

def remaining_epics(roadmap: _Roadmap, backlog: _Backlog) -> list[_PlannedEpic]:
    """The open epics in rank order with their remaining points."""

def feasibility(
    epics: Sequence[_PlannedEpic],
    velocity_history: Sequence[float],
    first_sprint_start: datetime.date | str,
    sprint_length_days: float = 14.0,
    wip_limit: float = 1.0,
    window: float = 3.0,
) -> Feasibility:
    """The ranked epics laid into future sprints at the mean velocity of the last
    ``window`` sprints, ``wip_limit`` at a time; which finish after their target."""

def new_lifecycle(stage: _Stage, date: datetime.date | str) -> _Lifecycle:
    """A lifecycle that entered ``stage`` on ``date``."""

def advance_lifecycle(
    lifecycle: _Lifecycle, stage: _Stage, date: datetime.date | str, allow_backward: bool = False
) -> _Lifecycle:
    """A new lifecycle moved to ``stage``; backward moves only with ``allow_backward``."""

def sample_roadmap() -> _Roadmap:
    """The checkout roadmap that matches the sample backlog."""

# ---------------------------------------------------------------- flow

@final
class Timelines:
    """The result of :func:`item_timelines`: every item's path through the workflow.

    Pass it (not a copy) to :func:`throughput`, :func:`cumulative_flow`, :func:`wip`,
    :func:`net_flow`, :func:`ageing_wip` and :func:`durations`; its ``to_dict()`` form
    is accepted too.
    """

    @property
    def columns(self) -> list[str]:
        """Column names, in workflow order."""
    @property
    def backlog(self) -> int:
        """Index of the backlog column."""
    @property
    def committed(self) -> int:
        """Index of the committed column (cycle time starts here)."""
    @property
    def done(self) -> int:
        """Index of the done column (cycle and lead time end here)."""
    @property
    def today(self) -> str:
        """The day the data was read (ISO)."""
    @property
    def counting(self) -> Literal["elapsed", "inclusive", "exact"]: ...
    @property
    def items(self) -> list[dict[str, Any]]:
        """One dict per item: ``key``, ``item_type``, ``points``, ``entered`` (first entry
        per column, ISO timestamp or ``None``), ``committed_on``, ``done_on``,
        ``cycle_time``, ``lead_time`` (days or ``None``), ``blocked_days``, ``column``."""
    @property
    def unmapped_statuses(self) -> list[str]:
        """Statuses in no column; moves to them were ignored."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class Throughput:
    """The result of :func:`throughput`: ``values[i]`` finished in the period ending ``ends[i]``."""

    @property
    def period(self) -> str: ...
    @property
    def ends(self) -> list[str]:
        """Last day of each period (ISO), oldest first, no gaps."""
    @property
    def values(self) -> list[float]:
        """Items (or points) finished per period; 0 for an empty period."""
    @property
    def by_type(self) -> dict[str, list[float]]:
        """The same per item type."""
    def to_dict(self) -> dict[str, Any]: ...

@final
class CumulativeFlow:
    """The result of :func:`cumulative_flow`: ``counts[column][day]``."""

    @property
    def dates(self) -> list[str]: ...
    @property
    def columns(self) -> list[str]: ...
    @property
    def counts(self) -> list[list[float]]:
        """Items (or points) that had reached each column, or a later one, by each day."""
    def to_dict(self) -> dict[str, Any]: ...
    def chart(self, *, width: float = 720.0, height: float = 400.0, theme: Literal["light", "dark"] = "light") -> Chart:
        """One band per column: :func:`cumulative_flow_chart` of this result."""

@final
class Wip:
    """The result of :func:`wip`: committed minus done at the end of each day."""

    @property
    def dates(self) -> list[str]: ...
    @property
    def values(self) -> list[float]: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class NetFlow:
    """The result of :func:`net_flow`: arrivals, departures and ``net = arrivals − departures``."""

    @property
    def period(self) -> str: ...
    @property
    def ends(self) -> list[str]: ...
    @property
    def arrivals(self) -> list[float]: ...
    @property
    def departures(self) -> list[float]: ...
    @property
    def net(self) -> list[float]: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class AgeingItem:
    """One open item of :func:`ageing_wip`."""

    @property
    def key(self) -> str: ...
    @property
    def item_type(self) -> str: ...
    @property
    def column(self) -> str: ...
    @property
    def started(self) -> str: ...
    @property
    def age_days(self) -> float: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Percentile:
    """One percentile: the value below which ``level`` (a fraction) of the sample lies."""

    @property
    def level(self) -> float: ...
    @property
    def value(self) -> float: ...
    def to_dict(self) -> dict[str, Any]: ...

def item_timelines(
    items: Sequence[Mapping[str, Any]],
    workflow: Mapping[str, Any],
    today: datetime.date | str,
    counting: Literal["elapsed", "inclusive", "exact"] = "elapsed",
) -> Timelines:
    """Each item's column entry times, cycle time, lead time, blocked days and column.

    ``items`` are dicts: ``key``, ``created`` (ISO date or timestamp), optional
    ``item_type``, ``points``, ``status`` (used only without transitions),
    ``transitions`` (``{"at", "from", "to"}``, oldest first) and ``blocked``
    (``{"start", "end"}``). ``workflow`` is ``{"columns": [{"name", "statuses"}],
    "backlog", "committed", "done"}``. ``counting="elapsed"`` is jira-agile-metrics'
    rule (same day = 0 days); ``"inclusive"`` counts both ends; ``"exact"`` uses the
    timestamps.

    Raises ``InvalidInputError`` for an inconsistent workflow or transitions out of
    order (field ``items[i].transitions[j].at``), ``ParseError`` for a bad ``today``
    or ``counting``.
    """

def throughput(
    timelines: Timelines | Mapping[str, Any],
    period: str = "week",
    measure: Literal["items", "points"] = "items",
    start: datetime.date | str | None = None,
    end: datetime.date | str | None = None,
) -> Throughput:
    """Items (or points) finished per ``period`` (``"day"``, ``"week"``, ``"week_monday"`` …),
    empty periods as 0, in total and by type; ``start``/``end`` fix the range.

    Only items with a cycle time count (as in jira-agile-metrics). Raises
    ``InvalidInputError`` (field ``end``) when ``end`` is before ``start``.
    """

def cumulative_flow(
    timelines: Timelines | Mapping[str, Any], measure: Literal["items", "points"] = "items"
) -> CumulativeFlow:
    """Cumulative flow per day: per column, items (or points) that had reached it or a later one."""

def wip(timelines: Timelines | Mapping[str, Any], measure: Literal["items", "points"] = "items") -> Wip:
    """Work in progress per day: the committed band minus the done band of the cumulative flow."""

def net_flow(
    timelines: Timelines | Mapping[str, Any],
    period: str = "week",
    measure: Literal["items", "points"] = "items",
) -> NetFlow:
    """Arrivals (commitments) and departures (finishes) per period."""

def ageing_wip(timelines: Timelines | Mapping[str, Any]) -> list[AgeingItem]:
    """Items in progress on the timelines' ``today``, with their column and age in days.

    Raises ``InvalidInputError`` (field ``today``) when ``today`` is before an open item's start.
    """

def durations(
    timelines: Timelines | Mapping[str, Any], kind: Literal["cycle_time", "lead_time"] = "cycle_time"
) -> list[float]:
    """Cycle (or lead) times of every finished item, in days, in input order."""

def percentiles(values: Sequence[float], levels: Sequence[float] | None = None) -> list[Percentile]:
    """Percentiles with linear interpolation (numpy's default); ``levels`` are fractions,
    ``[0.5, 0.85, 0.95]`` by default.

    >>> [p.value for p in percentiles([4, 1, 3, 2], [0.5, 0.85])]
    [2.5, 3.55]

    Raises ``UndefinedMetricError`` for no values, ``OutOfRangeError`` for a level
    outside 0..=1 (field ``levels[i]``).
    """

def histogram(values: Sequence[float]) -> list[int]:
    """Counts per one-day bin: ``counts[d]`` values lie in ``d..d+1`` days."""

def sample_workflow() -> dict[str, Any]:
    """The sample board: Backlog, In Progress, Review, Done."""

def sample_items() -> list[dict[str, Any]]:
    """120 sample items of the sample board, read on :func:`sample_today`."""

def sample_today() -> datetime.date:
    """The day the sample items were read: 2026-02-20."""

def synthetic_items(
    count: float, seed: float, first_day: datetime.date | str, today: datetime.date | str
) -> list[dict[str, Any]]:
    """Up to ``count`` synthetic items of the sample board, three a day from ``first_day``,
    cut at ``today``; the same seed gives the same items."""

# ---------------------------------------------------------------- forecast

@final
class WhenForecast:
    """The result of :func:`forecast_when`."""

    @property
    def trials(self) -> int: ...
    @property
    def percentiles(self) -> list[dict[str, Any]]:
        """One ``{"level", "periods", "date"}`` per level: ``level`` of the trials were
        done within ``periods`` (ending on ``date`` when a start was given, else ``None``)."""
    @property
    def deadline_probability(self) -> float | None:
        """Share of trials done by the deadline, when one was given."""
    @property
    def deadline(self) -> str | None:
        """The ISO day ``deadline_probability`` was computed for, when one was given."""
    @property
    def deadline_periods(self) -> int | None:
        """Whole periods from the start to the deadline: ``deadline_probability`` is the
        share of trials done within them. ``None`` without a deadline or when it is
        before the start (the probability is then 0)."""
    @property
    def mean_periods(self) -> float: ...
    @property
    def distribution(self) -> list[dict[str, int]]:
        """``{"periods", "trials"}``: trials per number of periods, fewest first."""
    def to_dict(self) -> dict[str, Any]: ...
    def chart(self, *, width: float = 720.0, height: float = 400.0, theme: Literal["light", "dark"] = "light") -> Chart:
        """The forecast histogram: :func:`forecast_chart` of this result."""

@final
class HowManyForecast:
    """The result of :func:`forecast_how_many`."""

    @property
    def trials(self) -> int: ...
    @property
    def periods(self) -> int: ...
    @property
    def percentiles(self) -> list[dict[str, float]]:
        """``{"level", "value"}`` read from the low end: at 0.85, at least ``value`` in 85 % of trials."""
    @property
    def mean(self) -> float: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class EpicsForecast:
    """The result of :func:`forecast_epics`."""

    @property
    def trials(self) -> int: ...
    @property
    def epics(self) -> list[dict[str, Any]]:
        """``{"name", "percentiles"}`` per epic, in plan order."""
    @property
    def all(self) -> list[dict[str, Any]]:
        """Percentiles of when the last epic is done."""
    def to_dict(self) -> dict[str, Any]: ...

def forecast_when(
    remaining: float,
    history: Sequence[float],
    trials: float = 10000.0,
    seed: float = 0.0,
    levels: Sequence[float] | None = None,
    start: datetime.date | str | None = None,
    period_days: float = 1.0,
    deadline: datetime.date | str | None = None,
) -> WhenForecast:
    """When will ``remaining`` items (or points) be done? Monte Carlo over ``history``
    (items or points done per period, zero periods included; a list or numpy array).

    Levels default to ``[0.5, 0.7, 0.85, 0.95]``. With ``start`` (and ``period_days``:
    1 daily, 7 weekly, 14 for two-week sprints) each percentile gets a date, and
    ``deadline`` gets the probability of finishing by it. The seed defaults to 0: the
    same call always gives the same numbers, in Python, Rust and JavaScript.

    >>> forecast_when(20, [5], trials=100).percentiles[0]["periods"]
    4

    Raises ``UndefinedMetricError`` (field ``history``) for an empty or all-zero
    history (the work would never finish), ``OutOfRangeError`` for work beyond 100,000
    periods, ``InvalidInputError`` for a deadline without a start.
    """

def forecast_how_many(
    history: Sequence[float],
    periods: float | None = None,
    trials: float = 10000.0,
    seed: float = 0.0,
    levels: Sequence[float] | None = None,
    start: datetime.date | str | None = None,
    period_days: float = 1.0,
    deadline: datetime.date | str | None = None,
) -> HowManyForecast:
    """How many items (or points) will be done in ``periods`` periods, or from ``start`` to
    ``deadline``? Percentiles read from the low end: 0.85 → "at least N".

    Raises ``InvalidInputError`` (field ``periods``) unless exactly one of ``periods``
    and ``deadline`` is given.
    """

def forecast_epics(
    epics: Sequence[Mapping[str, Any]],
    history: Sequence[float],
    wip_limit: float = 1.0,
    split_rate: Mapping[str, float] | None = None,
    risks: Sequence[Mapping[str, Any]] | None = None,
    trials: float = 10000.0,
    seed: float = 0.0,
    levels: Sequence[float] | None = None,
    start: datetime.date | str | None = None,
    period_days: float = 1.0,
) -> EpicsForecast:
    """When will each epic be done, worked in priority order with at most ``wip_limit`` at once?

    ``epics``: ``{"name", "low", "high"}`` (size range, highest priority first);
    ``split_rate``: ``{"low", "high"}`` (0.2 = 20 % more work); ``risks``:
    ``{"name", "epic", "probability", "low", "high"}``. Throughput is shared equally
    among the epics in progress.
    """

# ---------------------------------------------------------------- dashboard

@final
class Dashboard:
    """Every number and chart of the dashboard page: :func:`product_dashboard`.

    A section absent from the file is ``None`` here (``charts`` is then shorter).
    """

    @property
    def product(self) -> str:
        """The file's product name, else the snapshot's or the roadmap's, else "Product"."""
    @property
    def today(self) -> str | None:
        """The ISO day backlog health is computed on."""
    @property
    def scorecard(self) -> dict[str, Any] | None:
        """Every KPI of the snapshot (as :func:`kpi_scorecard`'s ``to_dict()``)."""
    @property
    def backlog(self) -> dict[str, Any] | None:
        """``{"totals": {...}, "health": {...} | None}``."""
    @property
    def sprint(self) -> dict[str, Any] | None:
        """The sprint report, in points."""
    @property
    def velocity(self) -> dict[str, Any] | None:
        """Velocity over the last 3 closed sprints."""
    @property
    def flow(self) -> dict[str, Any] | None:
        """Items, finished, in progress, cycle- and lead-time percentiles, weekly throughput."""
    @property
    def forecast(self) -> dict[str, Any] | None:
        """When the backlog's open stories (or the board's unfinished items) will be done."""
    @property
    def roadmap(self) -> dict[str, Any] | None:
        """The roadmap's progress rolled up from the backlog."""
    @property
    def charts(self) -> list[Chart]:
        """The charts of the sections present (Jupyter shows each inline)."""
    def to_dict(self) -> dict[str, Any]: ...

def sample_product_file() -> dict[str, Any]:
    """The sample product file (every bundled sample, as of 31 March 2026), as a dict."""

def product_file_from_json(text: str) -> dict[str, Any]:
    """A product file read from its JSON text, each section checked.

    Errors name the JSON path: ``"sprint.events[2].points: invalid type: …"``.
    """

def product_file_from_jira_csv(text: str, statuses: Mapping[str, str] | None = None) -> dict[str, Any]:
    """A backlog-only product file from a Jira CSV export.

    ``statuses`` maps status names to ``"to_do"``, ``"in_progress"``, ``"done"`` or
    ``"cancelled"``; by default Jira's built-in workflow statuses.
    """

def product_dashboard(
    file: Mapping[str, Any] | str,
    today: datetime.date | str | None = None,
    *,
    width: float = 720.0,
    height: float = 400.0,
    theme: Literal["light", "dark"] = "light",
) -> Dashboard:
    """Every number and chart of the dashboard for a product file (a dict or JSON text).

    ``today`` defaults to the file's, else its latest backlog date; charts are
    ``width`` × ``height`` pixels in the ``theme``, as every chart function draws them.
    """

# ---------------------------------------------------------------- chart

_Theme = Literal["light", "dark"]
_ChartKind = Literal[
    "burndown", "burnup", "velocity", "cumulative_flow", "cycle_time",
    "forecast", "roadmap", "retention", "active_users",
]

@final
class Chart:
    """A drawn chart: its kind, title, description, size and the SVG document.

    Jupyter shows it inline (``_repr_svg_``); ``str(chart)`` is the SVG;
    ``chart.save("burndown.svg")`` writes it. Every chart function takes keyword options
    ``width`` (240 to 4000 px, default 720), ``height`` (160 to 4000 px, default 400)
    and ``theme`` (``"light"``, the default, or ``"dark"``): a size outside its range is
    ``OutOfRangeError``, a fractional or negative one ``InvalidInputError``, another
    theme ``ParseError``, each naming the option.
    """

    @property
    def kind(self) -> _ChartKind:
        """Which chart."""
    @property
    def title(self) -> str:
        """The title, as drawn and as the SVG's ``<title>``."""
    @property
    def description(self) -> str:
        """The data in words (the SVG's ``<desc>``), for alt text."""
    @property
    def width(self) -> int:
        """Width in pixels."""
    @property
    def height(self) -> int:
        """Height in pixels."""
    @property
    def svg(self) -> str:
        """The SVG document (starts with ``<svg``, ends with ``</svg>\\n``)."""
    def _repr_svg_(self) -> str:
        """The SVG, for IPython/Jupyter's inline display."""
    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the SVG to ``path`` as UTF-8; I/O errors raise ``OSError``."""
    def to_dict(self) -> dict[str, Any]:
        """``{"kind", "title", "description", "width", "height", "svg"}``."""

def burndown_chart(
    report: SprintReport | Mapping[str, Any],
    *,
    width: float = 720.0,
    height: float = 400.0,
    theme: _Theme = "light",
) -> Chart:
    """The sprint's burndown: remaining (a dot per day), ideal and scope over its days,
    non-working days shaded. ``report`` is :func:`sprint_report`'s result or its
    ``to_dict()``. Same as ``report.chart()``.

    >>> burndown_chart(sprint_report(sample_sprint())).title
    'Sprint burndown — S-12'
    """

def burnup_chart(
    report: SprintReport | Mapping[str, Any],
    *,
    width: float = 720.0,
    height: float = 400.0,
    theme: _Theme = "light",
) -> Chart:
    """The sprint's burnup: done work (from 0) rising towards the scope line."""

def velocity_chart(
    history: Sequence[Mapping[str, Any]],
    *,
    width: float = 720.0,
    height: float = 400.0,
    theme: _Theme = "light",
) -> Chart:
    """Committed vs completed points per closed sprint (dicts, oldest first, as
    :func:`sample_sprint_history`), with the mean completed as a dashed line."""

def cumulative_flow_chart(
    flow: CumulativeFlow | Mapping[str, Any],
    *,
    width: float = 720.0,
    height: float = 400.0,
    theme: _Theme = "light",
) -> Chart:
    """The cumulative flow of a board (:func:`cumulative_flow`'s result or its
    ``to_dict()``): one band per column. Same as ``flow.chart()``."""

def cycle_time_chart(
    timelines: Timelines | Mapping[str, Any],
    *,
    width: float = 720.0,
    height: float = 400.0,
    theme: _Theme = "light",
) -> Chart:
    """Cycle time of each finished item (:func:`item_timelines`'s result or its
    ``to_dict()``) by finish day, with percentile lines."""

def forecast_chart(
    forecast: WhenForecast | Mapping[str, Any],
    *,
    width: float = 720.0,
    height: float = 400.0,
    theme: _Theme = "light",
) -> Chart:
    """The histogram of a Monte Carlo "when" forecast (:func:`forecast_when`'s result or
    its ``to_dict()``), with its percentiles. Same as ``forecast.chart()``."""

def roadmap_chart(
    roadmap: _Roadmap,
    today: datetime.date | str,
    *,
    width: float = 720.0,
    height: float = 400.0,
    theme: _Theme = "light",
) -> Chart:
    """The roadmap (a dict, as :func:`sample_roadmap`) as a timeline with ``today``
    marked. An unreadable roadmap (empty names, repeated ids, an item starting after its
    target) is ``InvalidInputError`` naming ``roadmap.…``; links to missing items and
    broken dates are drawn, not errors."""

def retention_chart(
    retention: Retention | Mapping[str, Any],
    *,
    width: float = 720.0,
    height: float = 400.0,
    theme: _Theme = "light",
) -> Chart:
    """The retention matrix (:func:`retention`'s result or its ``to_dict()``) as a
    cohort heatmap. Same as ``retention.chart()``."""

def active_users_chart(
    active: ActiveUsers | Mapping[str, Any],
    *,
    width: float = 720.0,
    height: float = 400.0,
    theme: _Theme = "light",
) -> Chart:
    """Daily, weekly and monthly active users (:func:`active_users`'s result or its
    ``to_dict()``) over the days. Same as ``active.chart()``."""
