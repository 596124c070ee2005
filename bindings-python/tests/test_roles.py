"""The two product roles from Python: what the shared vectors cannot express."""

from __future__ import annotations

import math

import pytest

import pmkit


def test_profiles_are_product_manager_first_and_match_role_profile() -> None:
    profiles = pmkit.role_profiles()
    assert [p.role for p in profiles] == ["product_manager", "product_owner"]
    assert profiles == [pmkit.role_profile("product_manager"), pmkit.role_profile(role="product_owner")]


def test_profile_attributes_are_plain_python_values() -> None:
    owner = pmkit.role_profile("product_owner")
    assert owner.title == "Product owner"
    assert owner.horizon == "tactical"
    assert [kpi["id"] for kpi in owner.kpis] == [
        "development_velocity",
        "stakeholder_satisfaction",
        "backlog_management_quality",
        "customer_alignment",
    ]
    assert owner.kpis[0]["metrics"] == ["team_velocity", "sprint_burndown", "time_to_market"]
    assert {"id": "agile_methodologies", "label": "Knowledge of Agile methodologies"} in owner.skills
    assert "team_velocity" in owner.metrics
    # Every metric is evidence for some KPI.
    assert {m for kpi in owner.kpis for m in kpi["metrics"]} == set(owner.metrics)
    assert owner.to_dict()["role"] == "product_owner"


def test_profiles_can_be_filtered_by_skill_id() -> None:
    needing_management = [p.role for p in pmkit.role_profiles() if any(s["id"] == "management" for s in p.skills)]
    assert needing_management == ["product_manager", "product_owner"]


def test_repr_and_equality() -> None:
    owner = pmkit.owner_of("market_analysis")
    assert repr(owner) == "ActivityOwner(role='product_manager', horizon='strategic')"
    assert owner == pmkit.owner_of(kind="roadmap_update")
    assert owner != pmkit.owner_of("sprint_monitoring")
    assert repr(pmkit.role_profile("product_manager")).startswith("RoleProfile(role='product_manager', title=")


def test_salary_benchmark_record_and_method() -> None:
    owner = pmkit.salary_benchmark("product_owner")
    assert (owner.average, owner.low, owner.high) == (108_777.0, 76_274.0, 155_131.0)
    assert (owner.currency, owner.country, owner.source) == ("USD", "US", "Indeed")
    assert owner.factors == ["years_of_experience", "location", "company_size", "work_arrangement", "market_status"]
    assert owner.position_in_range(76_274) == 0.0
    assert owner.position_in_range(salary=155_131) == 1.0
    assert math.isclose(owner.position_in_range(108_777), 32_503 / 78_857, rel_tol=1e-12)
    assert owner.position_in_range(108_777) == pmkit.salary_position_in_range("product_owner", 108_777)
    assert repr(owner) == (
        "SalaryBenchmark(role='product_owner', average=108777.0, low=76274.0, high=155131.0, "
        "currency='USD', country='US', source='Indeed', factors=['years_of_experience', "
        "'location', 'company_size', 'work_arrangement', 'market_status'])"
    )
    assert owner == pmkit.salary_benchmark("product_owner")
    assert owner != pmkit.salary_benchmark("product_manager")
    assert owner.to_dict()["high"] == 155_131.0


def test_salary_benchmark_is_immutable() -> None:
    owner = pmkit.salary_benchmark("product_owner")
    with pytest.raises(AttributeError):
        owner.average = 1.0  # type: ignore[misc]


def test_salary_outside_the_range_raises_out_of_range() -> None:
    manager = pmkit.salary_benchmark("product_manager")
    with pytest.raises(pmkit.OutOfRangeError) as raised:
        manager.position_in_range(200_000)
    assert raised.value.field == "salary"
    assert "above" in str(raised.value)
    assert isinstance(raised.value, ValueError)


def test_nan_salary_is_invalid_input() -> None:
    with pytest.raises(pmkit.InvalidInputError) as raised:
        pmkit.salary_position_in_range("product_manager", math.nan)
    assert raised.value.field == "salary"
    with pytest.raises(pmkit.InvalidInputError):
        pmkit.salary_benchmark("product_owner").position_in_range(math.inf)


def test_unknown_names_raise_parse_error_listing_the_valid_ones() -> None:
    with pytest.raises(pmkit.ParseError) as raised:
        pmkit.role_profile("scrum_master")  # type: ignore[arg-type]
    assert raised.value.kind == "parse"
    assert raised.value.field == "role"
    assert '"product_manager" or "product_owner"' in str(raised.value)
    with pytest.raises(pmkit.ParseError) as raised:
        pmkit.owner_of("coffee_break")  # type: ignore[arg-type]
    assert raised.value.field == "kind"
    assert "market_analysis" in str(raised.value) and "development_team_liaison" in str(raised.value)


def test_every_activity_of_a_profile_is_owned_by_that_role() -> None:
    for profile in pmkit.role_profiles():
        for activity in profile.activities:
            owner = pmkit.owner_of(activity["id"])
            assert (owner.role, owner.horizon) == (profile.role, profile.horizon)


def test_worked_example_splits_three_and_three() -> None:
    example = pmkit.worked_example()
    assert "HubSpot" in example.product
    roles = [activity["owner"]["role"] for activity in example.activities]
    assert roles == ["product_manager"] * 3 + ["product_owner"] * 3
    assert example.activities[3]["kind"] == "feature_development_oversight"
    assert "automatic email responses" in example.activities[3]["description"]
    assert "Salesforce" in example.activities[0]["description"]


def test_headcount() -> None:
    headcount = pmkit.product_manager_headcount()
    assert (headcount.role, headcount.country, headcount.at_least) == ("product_manager", "US", 500_000)
    assert isinstance(headcount.at_least, int)
