import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on

pytestmark = pytest.mark.django_db


def family() -> Story:
    story = Story()
    story.child()
    story.involve("child", team="MASH", team_kind="mash")
    return story


def test_fires_when_the_assessment_a_strategy_discussion_decided_never_starts() -> None:
    story = family()
    story.event("2024-03-04", "strategy_discussion", "child", outcome="single_assessment")
    story.replay(until="2024-03-15")
    # Due by the end of the next working day (Tue 5 March), raised as that day ends.
    assert raised_on("DEC-1") == dt.date(2024, 3, 5)
    assert "single assessment" in raised("DEC-1")[0].what.lower()


def test_escalates_to_the_team_manager_then_the_service_manager() -> None:
    story = family()
    story.event("2024-03-04", "strategy_discussion", "child", outcome="section_47")
    story.replay(until="2024-03-15")
    alert = raised("DEC-1")[0]
    assert alert.rung == 2, "allocated worker, then team manager, then service manager"


def test_icpc_decision_has_fifteen_working_days() -> None:
    story = family()
    story.event("2024-03-04", "strategy_discussion", "child", outcome="icpc")
    story.event("2024-03-22", "conference", "child", outcome="icpc")
    story.replay(until="2024-04-30")
    assert raised("DEC-1") == []


def test_quiet_when_the_assessment_starts_the_next_day() -> None:
    story = family()
    story.event("2024-03-04", "strategy_discussion", "child", outcome="single_assessment")
    story.event("2024-03-05", "assessment_started", "child", outcome="single_assessment")
    story.replay(until="2024-03-20")
    assert raised("DEC-1") == []


def test_quiet_when_the_discussion_decides_no_further_action() -> None:
    story = family()
    story.event("2024-03-04", "strategy_discussion", "child", outcome="no_further_action")
    story.replay(until="2024-03-20")
    assert raised("DEC-1") == []


def test_one_alert_when_police_and_social_care_both_record_the_discussion() -> None:
    story = family()
    for agency in ("csc", "police"):
        story.event(
            "2024-03-04", "strategy_discussion", "child", agency=agency, outcome="section_47"
        )
    story.replay(until="2024-03-15")
    assert len(raised("DEC-1")) == 1
