import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on
from threadline.checks.models import Alert, AlertState, Resolution

pytestmark = pytest.mark.django_db


def family() -> Story:
    story = Story()
    story.child()
    story.involve("child", opened="2024-01-02")
    story.involve("child", agency="education", opened="2024-01-02")
    story.involve("child", agency="gp", opened="2024-01-02")
    story.involve("child", agency="health_visiting", opened="2024-01-02")
    return story


def booking_of(event_id: str) -> dict[str, str]:
    return {"agency": "csc", "id": event_id}


def test_fires_the_working_day_before_the_conference_when_an_agency_is_not_invited() -> None:
    story = family()
    story.event("2024-03-04", "meeting_scheduled", "child", outcome="icpc", due="2024-03-11")
    story.event("2024-03-05", "invitation", "child", counterpart="education")
    story.event("2024-03-05", "invitation", "child", counterpart="gp")
    story.replay(until="2024-03-15")
    # Invitations are due by Friday 8 March, the working day before Monday 11 March.
    assert raised_on("SHR-4") == dt.date(2024, 3, 8)
    what = raised("SHR-4")[0].what
    assert "Initial child protection conference on 11 Mar 2024 (booked 04 Mar 2024)" in what


def test_a_core_group_after_a_bank_holiday_weekend() -> None:
    story = family()
    story.event("2024-05-21", "meeting_scheduled", "child", outcome="cp_plan", due="2024-05-28")
    story.replay(until="2024-05-31")
    # Monday 27 May is the Spring bank holiday: the working day before 28 May is Friday 24 May.
    assert raised_on("SHR-4") == dt.date(2024, 5, 24)
    assert "Core group on 28 May 2024" in raised("SHR-4")[0].what


def test_quiet_when_every_agency_is_invited_or_sends_apologies() -> None:
    story = family()
    booking = story.event(
        "2024-03-04", "meeting_scheduled", "child", outcome="rcpc", due="2024-03-18"
    )
    story.event(
        "2024-03-04", "invitation", "child", counterpart="education", refers_to=booking_of(booking)
    )
    story.event("2024-03-05", "invitation", "child", agency="gp", counterpart="csc")
    story.event("2024-03-14", "apologies", "child", agency="health_visiting", counterpart="csc")
    story.replay(until="2024-03-22")
    assert raised("SHR-4") == []


def test_a_rebooked_meeting_counts_from_its_new_date() -> None:
    story = family()
    story.event("2024-03-04", "meeting_scheduled", "child", outcome="icpc", due="2024-03-11")
    story.event("2024-03-07", "meeting_scheduled", "child", outcome="icpc", due="2024-03-18")
    for agency in ("education", "gp", "health_visiting"):
        story.event("2024-03-12", "invitation", "child", counterpart=agency)
    story.replay(until="2024-03-22")
    assert raised("SHR-4") == []


def test_late_invitation_resolves_the_alert() -> None:
    story = family()
    story.event("2024-03-04", "meeting_scheduled", "child", outcome="cin_plan", due="2024-03-11")
    story.event("2024-03-05", "invitation", "child", counterpart="education")
    story.event("2024-03-05", "invitation", "child", counterpart="gp")
    story.event("2024-03-11", "invitation", "child", counterpart="health_visiting")
    story.replay(until="2024-03-15")
    assert raised_on("SHR-4") == dt.date(2024, 3, 8)
    alert = Alert.objects.get(check_id="SHR-4")
    assert alert.state == AlertState.RESOLVED
    assert alert.resolution == Resolution.DONE


def test_an_invitation_to_another_meeting_does_not_count() -> None:
    story = family()
    earlier = story.event(
        "2024-03-01", "meeting_scheduled", "child", outcome="cp_plan", due="2024-04-15"
    )
    story.event("2024-03-04", "meeting_scheduled", "child", outcome="icpc", due="2024-03-11")
    for agency in ("education", "gp"):
        story.event("2024-03-05", "invitation", "child", counterpart=agency)
    story.event(
        "2024-03-05",
        "invitation",
        "child",
        counterpart="health_visiting",
        refers_to=booking_of(earlier),
    )
    story.replay(until="2024-03-15")
    assert raised_on("SHR-4") == dt.date(2024, 3, 8)


def test_quiet_for_a_meeting_of_another_kind() -> None:
    story = family()
    story.event("2024-03-04", "meeting_scheduled", "child", due="2024-03-11")
    story.replay(until="2024-03-15")
    assert raised("SHR-4") == []
