import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on
from tests.factories import PractitionerFactory
from threadline.agencies.models import Absence

pytestmark = pytest.mark.django_db


def family() -> Story:
    """A social worker on leave from Monday 22 July to Friday 9 August 2024."""
    worker = PractitionerFactory(username="sw", team=None, first_name="Sam", last_name="Worker")
    Absence.objects.create(
        practitioner=worker,
        starts_on=dt.date(2024, 7, 22),
        ends_on=dt.date(2024, 8, 9),
        reason="annual leave",
    )
    story = Story()
    story.child()
    story.involve(
        "child",
        team="Child protection",
        team_kind="cp",
        lead_practitioner="Sam Worker",
        lead_practitioner_username="sw",
    )
    story.episode("child", "cp", "2024-01-08", category_of_abuse="NEG")
    return story


def test_fires_the_day_before_an_action_falls_due_with_the_worker_away() -> None:
    story = family()
    story.event("2024-07-15", "action_set", "child", due="2024-07-31")
    story.replay(until="2024-08-02")
    # Due Wednesday 31 July: cover is needed by the end of Tuesday 30 July.
    assert raised_on("WRK-1") == dt.date(2024, 7, 30)
    assert "Sam Worker is away 22 Jul 2024 to 09 Aug 2024" in raised("WRK-1")[0].what


def test_quiet_when_a_manager_reviews_the_case_before_the_leave() -> None:
    story = family()
    story.event("2024-07-15", "action_set", "child", due="2024-07-31")
    story.event("2024-07-18", "management_review", "child")
    story.replay(until="2024-08-16")
    assert raised("WRK-1") == []


def test_quiet_when_another_worker_is_allocated() -> None:
    story = family()
    story.involve("child", opened="2024-07-22", lead_practitioner="Cover Worker")
    story.event("2024-07-15", "action_set", "child", due="2024-07-31")
    story.replay(until="2024-08-16")
    assert raised("WRK-1") == []


def test_a_meeting_falling_due_is_resolved_when_it_is_held() -> None:
    story = family()
    story.event("2024-07-01", "meeting_scheduled", "child", due="2024-08-05")
    story.event("2024-08-05", "core_group", "child")
    story.replay(until="2024-08-16")
    # Nobody had arranged cover by Friday 2 August, the working day before the meeting.
    assert raised_on("WRK-1") == dt.date(2024, 8, 2)
    alert = raised("WRK-1")[0]
    assert alert.state == "resolved" and alert.resolution == "done"


def test_quiet_for_actions_due_after_the_worker_is_back() -> None:
    story = family()
    story.event("2024-07-15", "action_set", "child", due="2024-08-14")
    story.replay(until="2024-08-16")
    assert raised("WRK-1") == []


def test_the_action_done_by_someone_resolves_the_alert() -> None:
    story = family()
    action = story.event("2024-07-15", "action_set", "child", due="2024-07-31")
    story.event("2024-08-01", "action_completed", "child", refers_to=action)
    story.replay(until="2024-08-02")
    alert = raised("WRK-1")[0]
    assert alert.state == "resolved" and alert.resolution == "done"
