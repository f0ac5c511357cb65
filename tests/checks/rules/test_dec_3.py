import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on
from threadline.checks.models import Alert, StepKind
from threadline.clock import local_date

pytestmark = pytest.mark.django_db


def family() -> Story:
    story = Story()
    story.child()
    story.involve("child", team="Assessment", team_kind="assessment")
    return story


def test_reminds_at_35_working_days_while_still_watching_and_raises_at_45() -> None:
    story = family()
    story.event("2024-03-04", "referral", "child", outcome="single_assessment")
    story.replay(until="2024-05-20")
    alert = Alert.objects.get(check_id="DEC-3")
    steps = [
        (step.kind, local_date(step.at))
        for step in alert.steps.exclude(kind=StepKind.NOTIFIED).order_by("at", "pk")
    ]
    assert steps == [
        (StepKind.WATCHED, dt.date(2024, 3, 4)),
        # 35 working days on (Good Friday and Easter Monday not counted): a reminder only,
        # nobody's alert yet.
        (StepKind.REMINDED, dt.date(2024, 4, 24)),
        # 45 working days, with the early May bank holiday: Thursday 9 May.
        (StepKind.RAISED, dt.date(2024, 5, 9)),
        # Then up the social work ladder every two working days.
        (StepKind.ESCALATED, dt.date(2024, 5, 13)),
        (StepKind.ESCALATED, dt.date(2024, 5, 15)),
        (StepKind.ESCALATED, dt.date(2024, 5, 17)),
    ]
    assert raised_on("DEC-3") == dt.date(2024, 5, 9)
    assert "04 Mar 2024" in alert.what


def test_still_watching_after_the_reminder() -> None:
    story = family()
    story.event("2024-03-04", "referral", "child", outcome="single_assessment")
    story.replay(until="2024-04-30")
    alert = Alert.objects.get(check_id="DEC-3")
    assert alert.state == "watching" and alert.raised_at is None
    assert alert.steps.filter(kind=StepKind.REMINDED).count() == 1


def test_quiet_when_the_assessment_is_completed_in_time() -> None:
    story = family()
    story.event("2024-03-04", "referral", "child", outcome="single_assessment")
    story.event("2024-03-05", "assessment_started", "child", outcome="single_assessment")
    story.event("2024-04-22", "assessment_completed", "child", outcome="cin_plan")
    story.replay(until="2024-06-28")
    assert raised("DEC-3") == []
    assert not Alert.objects.filter(check_id="DEC-3", steps__kind=StepKind.REMINDED).exists()


def test_a_late_completion_resolves_the_alert() -> None:
    story = family()
    story.event("2024-03-04", "referral", "child", outcome="section_47")
    story.event("2024-05-14", "assessment_completed", "child")
    story.replay(until="2024-05-20")
    alert = raised("DEC-3")[0]
    assert alert.state == "resolved" and alert.resolution == "done"


def test_a_referral_not_accepted_for_assessment_starts_nothing() -> None:
    story = family()
    story.event("2024-03-04", "referral", "child", outcome="no_further_action")
    story.event("2024-03-11", "referral", "child", outcome="early_help")
    story.replay(until="2024-06-28")
    assert not Alert.objects.filter(check_id="DEC-3").exists()


def test_an_assessment_started_without_a_referral_on_record_is_timed_from_its_start() -> None:
    story = family()
    story.event("2024-03-04", "assessment_started", "child")
    story.replay(until="2024-05-20")
    assert raised_on("DEC-3") == dt.date(2024, 5, 9)


def test_quiet_when_the_work_is_closed_by_a_recorded_decision() -> None:
    story = family()
    story.event("2024-03-04", "referral", "child", outcome="single_assessment")
    story.event("2024-03-20", "decision", "child", outcome="no_further_action")
    story.replay(until="2024-06-28")
    assert raised("DEC-3") == []
