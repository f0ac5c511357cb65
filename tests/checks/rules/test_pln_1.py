import datetime as dt
from typing import Any

import pytest

from tests.checks.story import Story, raised, raised_on

pytestmark = pytest.mark.django_db


def family(original: dict[str, Any], current: dict[str, Any]) -> Story:
    """A child first on a child in need plan, stepped up to protection on Friday 1 March 2024."""
    story = Story()
    story.child()
    story.involve("child", team="Child protection", team_kind="cp")
    story.episode("child", "cin", "2023-10-02", end="2024-03-01", **original)
    story.episode("child", "cp", "2024-03-01", **current)
    story.event("2024-03-01", "conference", "child", outcome="icpc")
    return story


def test_fires_when_the_plan_loses_the_concern_first_referred() -> None:
    story = family(
        {"reason": "Domestic abuse between mother and her partner"},
        {"reason": "Mother's drug use; father in prison", "category_of_abuse": "NEG"},
    )
    story.replay(until="2024-03-08")
    assert raised_on("PLN-1") == dt.date(2024, 3, 1)
    what = raised("PLN-1")[0].what
    assert "domestic abuse" in what and "substance misuse" in what


def test_quiet_while_the_original_concern_is_still_in_focus() -> None:
    story = family(
        {"reason": "Domestic abuse between mother and her partner"},
        {"reason": "Domestic abuse, and now mother's drug use", "category_of_abuse": "NEG"},
    )
    story.event("2024-04-15", "core_group", "child")
    story.replay(until="2024-04-30")
    assert raised("PLN-1") == []


def test_quiet_when_the_change_of_focus_is_explained() -> None:
    story = family(
        {"reason": "Domestic abuse between mother and her partner"},
        {"reason": "Mother's drug use", "category_of_abuse": "NEG"},
    )
    story.event("2024-03-01", "focus_change_rationale", "child")
    story.replay(until="2024-03-08")
    assert raised("PLN-1") == []


def test_a_rationale_recorded_later_resolves_the_alert() -> None:
    story = family(
        {"reason": "Domestic abuse between mother and her partner"},
        {"reason": "Mother's drug use", "category_of_abuse": "NEG"},
    )
    story.event("2024-03-05", "focus_change_rationale", "child")
    story.replay(until="2024-03-08")
    alert = raised("PLN-1")[0]
    assert alert.state == "resolved" and alert.resolution == "done"


def test_reads_the_census_factors_whoever_they_concern() -> None:
    lost = family({"factors": ["3B"]}, {"factors": ["2B"]})
    lost.replay(until="2024-03-08")
    assert raised_on("PLN-1") == dt.date(2024, 3, 1)


def test_the_same_concern_in_another_member_of_the_household_keeps_the_thread() -> None:
    story = family({"factors": ["3B"]}, {"factors": ["3C", "2B"]})
    story.replay(until="2024-03-08")
    assert raised("PLN-1") == []


def test_emotional_abuse_is_the_category_for_a_child_living_with_domestic_abuse() -> None:
    story = family(
        {"reason": "Domestic abuse between mother and her partner"},
        {"category_of_abuse": "EMO"},
    )
    story.replay(until="2024-03-08")
    assert raised("PLN-1") == []


def test_the_category_is_not_compared_when_the_reason_names_the_concern() -> None:
    story = family(
        {"reason": "Domestic violence witnessed by the children", "category_of_abuse": "EMO"},
        {"reason": "Domestic violence; support for mother"},
    )
    story.event("2024-03-11", "plan_started", "child")
    story.replay(until="2024-03-15")
    assert raised("PLN-1") == []


def test_a_new_referral_years_after_the_case_closed_is_a_new_journey() -> None:
    story = Story()
    story.child()
    story.involve("child", team="Child in need", team_kind="cin")
    story.episode("child", "cin", "2023-01-09", end="2023-05-02", reason="Domestic abuse")
    story.episode("child", "cp", "2024-03-01", reason="Neglect", category_of_abuse="NEG")
    story.event("2024-03-01", "conference", "child", outcome="icpc")
    story.replay(until="2024-03-08")
    assert raised("PLN-1") == []
