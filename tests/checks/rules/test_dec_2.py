import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on

pytestmark = pytest.mark.django_db


def family() -> Story:
    story = Story()
    story.child()
    story.involve("child", team="MASH", team_kind="mash")
    return story


def test_fires_two_working_days_after_a_discussion_no_manager_reviews() -> None:
    story = family()
    story.event("2024-03-04", "strategy_discussion", "child", outcome="section_47")
    story.replay(until="2024-03-15")
    # Monday's discussion: the review is due by the end of Wednesday 6 March.
    assert raised_on("DEC-2") == dt.date(2024, 3, 6)
    assert "section 47" in raised("DEC-2")[0].what.lower()


def test_counts_working_days_over_easter() -> None:
    story = family()
    story.event("2024-03-27", "strategy_discussion", "child", outcome="single_assessment")
    story.replay(until="2024-04-10")
    # Good Friday and Easter Monday are not working days.
    assert raised_on("DEC-2") == dt.date(2024, 4, 2)


def test_quiet_when_a_manager_reviews_the_decision_next_day() -> None:
    story = family()
    discussion = story.event("2024-03-04", "strategy_discussion", "child", outcome="section_47")
    story.event("2024-03-05", "management_review", "child", refers_to=discussion)
    story.replay(until="2024-03-20")
    assert raised("DEC-2") == []


def test_one_alert_when_police_and_social_care_both_record_the_discussion() -> None:
    story = family()
    story.event("2024-03-04", "strategy_discussion", "child", outcome="section_47")
    story.event("2024-03-04", "strategy_discussion", "child", agency="police")
    story.replay(until="2024-03-15")
    assert len(raised("DEC-2")) == 1


def test_a_review_of_something_else_does_not_count() -> None:
    story = family()
    plan = story.event("2024-02-26", "plan_reviewed", "child")
    story.event("2024-03-04", "strategy_discussion", "child", outcome="section_47")
    story.event("2024-03-05", "management_review", "child", refers_to=plan)
    story.replay(until="2024-03-15")
    assert raised_on("DEC-2") == dt.date(2024, 3, 6)


def test_a_late_review_resolves_the_alert() -> None:
    story = family()
    story.event("2024-03-04", "strategy_discussion", "child", outcome="section_47")
    story.event("2024-03-11", "management_review", "child")
    story.replay(until="2024-03-15")
    alert = raised("DEC-2")[0]
    assert alert.state == "resolved" and alert.resolution == "done"
