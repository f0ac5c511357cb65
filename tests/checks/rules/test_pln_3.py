import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on

pytestmark = pytest.mark.django_db


def family() -> tuple[Story, str]:
    """Stepped down from protection to child in need, with an action the chair set for it."""
    story = Story()
    story.child()
    story.involve("child", team="Child in need", team_kind="cin")
    story.episode("child", "cp", "2024-01-08", end="2024-04-01", category_of_abuse="EMO")
    story.episode("child", "cin", "2024-04-01")
    # The review conference steps the child down, and the chair sets an action for the next step.
    story.event("2024-04-01", "conference", "child", outcome="step_down")
    action = story.event("2024-04-01", "action_set", "child", due="2024-05-03")
    return story, action


def test_fires_when_a_step_down_is_decided_alone_with_actions_outstanding() -> None:
    story, _ = family()
    story.event("2024-05-20", "decision", "child", outcome="step_down")
    story.replay(until="2024-05-24")
    assert raised_on("PLN-3") == dt.date(2024, 5, 20)
    what = raised("PLN-3")[0].what
    assert "1 action(s) not recorded as completed (set 01 Apr 2024)" in what
    assert "no multi-agency meeting" in what


def test_quiet_when_actions_are_done_and_agencies_met_first() -> None:
    story, action = family()
    story.event("2024-05-10", "action_completed", "child", refers_to=action)
    story.event("2024-05-13", "cin_review", "child")
    story.event("2024-05-20", "decision", "child", outcome="step_down")
    story.replay(until="2024-06-28")
    assert raised("PLN-3") == []


def test_a_meeting_is_not_enough_while_an_action_is_outstanding() -> None:
    story, _ = family()
    story.event("2024-05-13", "cin_review", "child")
    story.event("2024-05-20", "decision", "child", outcome="closure")
    story.replay(until="2024-05-24")
    assert raised_on("PLN-3") == dt.date(2024, 5, 20)
    assert "no multi-agency meeting" not in raised("PLN-3")[0].what


def test_a_meeting_more_than_twenty_working_days_before_does_not_count() -> None:
    story, action = family()
    story.event("2024-04-12", "action_completed", "child", refers_to=action)
    # Twenty working days before Monday 20 May reach back to Friday 19 April.
    story.event("2024-04-18", "core_group", "child")
    story.event("2024-05-20", "decision", "child", outcome="step_down")
    story.replay(until="2024-05-24")
    assert raised_on("PLN-3") == dt.date(2024, 5, 20)


def test_the_action_completed_later_resolves_the_alert() -> None:
    story, action = family()
    story.event("2024-05-13", "cin_review", "child")
    story.event("2024-05-20", "decision", "child", outcome="step_down")
    story.event("2024-05-22", "action_completed", "child", refers_to=action)
    story.replay(until="2024-05-24")
    alert = raised("PLN-3")[0]
    assert alert.state == "resolved" and alert.resolution == "done"


def test_quiet_when_the_review_meeting_itself_agrees_the_step_down() -> None:
    story, action = family()
    story.event("2024-05-10", "action_completed", "child", refers_to=action)
    story.event("2024-05-20", "cin_review", "child", outcome="step_down")
    story.event("2024-05-20", "decision", "child", outcome="step_down")
    story.replay(until="2024-05-24")
    assert raised("PLN-3") == []


def test_actions_set_at_the_step_down_meeting_are_for_the_next_stage() -> None:
    story = Story()
    story.child()
    story.involve("child", team="Child protection", team_kind="cp")
    story.episode("child", "cp", "2024-01-08", end="2024-04-01", category_of_abuse="EMO")
    story.event("2024-04-01", "conference", "child", outcome="step_down")
    story.event("2024-04-01", "action_set", "child", due="2024-05-03")
    story.replay(until="2024-04-05")
    assert raised("PLN-3") == []


def test_a_plan_ending_with_no_step_down_decision_on_record_is_checked_too() -> None:
    story = Story()
    story.child()
    story.involve("child", team="Child in need", team_kind="cin")
    story.episode("child", "cin", "2024-01-08", end="2024-05-20")
    story.event("2024-03-04", "action_set", "child", due="2024-04-05")
    story.replay(until="2024-05-24")
    assert raised_on("PLN-3") == dt.date(2024, 5, 20)
    assert "Child in need plan ended on 20 May 2024" in raised("PLN-3")[0].what


def test_quiet_for_closing_a_referral_after_assessment_without_a_plan() -> None:
    story = Story()
    story.child()
    story.involve("child", team="Assessment", team_kind="assessment")
    story.event("2024-03-04", "referral", "child", outcome="single_assessment")
    story.event("2024-04-08", "assessment_completed", "child", outcome="no_further_action")
    story.event("2024-04-09", "decision", "child", outcome="closure")
    story.replay(until="2024-04-30")
    assert raised("PLN-3") == []
