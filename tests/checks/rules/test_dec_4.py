import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on

pytestmark = pytest.mark.django_db


def family(born: str = "2019-06-01") -> Story:
    story = Story()
    story.child(born=born)
    story.involve("child", team="Child protection", team_kind="cp")
    return story


def test_fires_at_a_conference_held_without_the_child_seen_or_heard() -> None:
    story = family()
    story.event("2024-03-04", "conference", "child", outcome="icpc")
    story.replay(until="2024-03-08")
    assert raised_on("DEC-4") == dt.date(2024, 3, 4)
    what = raised("DEC-4")[0].what
    assert "the child seen alone" in what and "views" in what


def test_a_child_old_enough_must_be_seen_alone() -> None:
    story = family(born="2017-01-10")
    story.event("2024-02-12", "child_seen", "child")
    story.event("2024-02-12", "child_views_recorded", "child")
    story.event("2024-03-04", "plan_reviewed", "child")
    story.replay(until="2024-03-08")
    assert raised_on("DEC-4") == dt.date(2024, 3, 4)
    assert "the child seen alone" in raised("DEC-4")[0].what


def test_quiet_when_the_child_was_seen_alone_and_heard_in_the_three_months_before() -> None:
    story = family(born="2017-01-10")
    story.event("2024-01-15", "child_seen_alone", "child")
    story.event("2024-02-20", "child_views_recorded", "child")
    story.event("2024-03-04", "conference", "child", outcome="icpc")
    story.event("2024-04-10", "child_seen_alone", "child")
    story.event("2024-04-29", "cin_review", "child")
    story.replay(until="2024-05-10")
    assert raised("DEC-4") == []


def test_a_toddler_seen_with_their_lived_experience_recorded_is_enough() -> None:
    story = family(born="2022-09-01")
    story.event("2024-02-26", "child_seen", "child")
    story.event("2024-02-26", "child_views_recorded", "child")
    story.event("2024-03-04", "assessment_completed", "child")
    story.replay(until="2024-03-08")
    assert raised("DEC-4") == []


def test_a_child_in_need_review_is_a_plan_review_too() -> None:
    story = family()
    story.event("2024-03-04", "cin_review", "child")
    story.replay(until="2024-03-08")
    assert raised_on("DEC-4") == dt.date(2024, 3, 4)


def test_quiet_for_a_pre_birth_conference_after_the_baby_is_born() -> None:
    story = family(born="2024-05-13")
    story.event("2024-04-15", "conference", "child", outcome="icpc")
    story.event("2024-05-20", "child_seen", "child")
    story.replay(until="2024-06-07")
    assert raised("DEC-4") == []


def test_one_alert_when_two_agencies_record_the_same_conference() -> None:
    story = family()
    story.event("2024-03-04", "conference", "child", outcome="icpc")
    story.event("2024-03-04", "conference", "child", agency="health_visiting")
    story.replay(until="2024-03-08")
    assert len(raised("DEC-4")) == 1


def test_one_alert_when_the_school_records_the_review_a_day_later() -> None:
    story = family()
    story.event("2024-03-04", "cin_review", "child")
    story.event("2024-03-05", "cin_review", "child", agency="education")
    story.replay(until="2024-03-08")
    assert len(raised("DEC-4")) == 1


def test_a_visit_recorded_late_resolves_the_alert() -> None:
    story = family(born="2022-09-01")
    story.event("2024-03-04", "conference", "child", outcome="icpc")
    story.event("2024-02-28", "child_seen", "child", recorded="2024-03-06T09:00:00")
    story.event("2024-02-28", "child_views_recorded", "child", recorded="2024-03-06T09:00:00")
    story.replay(until="2024-03-08")
    alert = raised("DEC-4")[0]
    assert alert.state == "resolved" and alert.resolution == "done"


def test_a_young_parent_present_at_her_babys_review_is_not_its_subject() -> None:
    story = family(born="2023-11-20")
    story.person("mum", "2007-03-03")
    story.relate("mum", "child", "parent")
    story.event("2024-02-26", "child_seen", "child")
    story.event("2024-02-26", "child_views_recorded", "child")
    story.event("2024-03-04", "cin_review", "child", "mum", roles={"mum": "present"})
    story.replay(until="2024-03-08")
    assert raised("DEC-4", "mum") == []
    assert raised("DEC-4") == []
