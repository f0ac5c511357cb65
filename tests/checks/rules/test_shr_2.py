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
    story.involve("child", agency="health_visiting", opened="2024-01-02")
    return story


def meeting_of(meeting_id: str) -> dict[str, str]:
    return {"agency": "csc", "id": meeting_id}


def test_fires_five_working_days_after_a_core_group_without_every_receipt() -> None:
    story = family()
    meeting = story.event("2024-05-21", "core_group", "child")  # Tuesday
    story.event("2024-05-22", "minutes_circulated", "child", refers_to=meeting_of(meeting))
    story.event(
        "2024-05-23", "minutes_received", "child", agency="education", refers_to=meeting_of(meeting)
    )
    story.replay(until="2024-06-07")
    # 22, 23, 24 May, (Spring bank holiday Monday 27 May), 28, 29 May.
    assert raised_on("SHR-2") == dt.date(2024, 5, 29)
    assert (
        "Core group on 21 May 2024. Notes and written agreements to be circulated, and receipt "
        "confirmed by Northshire education and Northshire health_visiting."
        in raised("SHR-2")[0].what
    )


def test_fires_when_the_notes_are_never_circulated() -> None:
    story = family()
    story.event("2024-03-04", "core_group", "child")
    story.replay(until="2024-03-20")
    assert raised_on("SHR-2") == dt.date(2024, 3, 11)


def test_quiet_when_notes_circulated_and_every_agency_confirms() -> None:
    story = family()
    meeting = story.event("2024-03-04", "core_group", "child")
    notes = story.event("2024-03-06", "minutes_circulated", "child", refers_to=meeting_of(meeting))
    story.event(
        "2024-03-07", "minutes_received", "child", agency="education", refers_to=meeting_of(notes)
    )
    story.event(
        "2024-03-08", "acknowledgement", "child", agency="health_visiting", counterpart="csc"
    )
    story.replay(until="2024-03-25")
    assert raised("SHR-2") == []


def test_an_agency_that_sent_apologies_is_owed_the_notes() -> None:
    story = family()
    story.event("2024-03-01", "apologies", "child", agency="housing", counterpart="csc")
    meeting = story.event("2024-03-04", "core_group", "child")
    story.event("2024-03-05", "minutes_circulated", "child", refers_to=meeting_of(meeting))
    for agency in ("education", "health_visiting"):
        story.event("2024-03-06", "minutes_received", "child", agency=agency, counterpart="csc")
    story.replay(until="2024-03-20")
    assert raised_on("SHR-2") == dt.date(2024, 3, 11)
    assert "Housing, Northshire education" in raised("SHR-2")[0].what


def test_receipt_of_the_last_core_group_does_not_count_for_the_next() -> None:
    story = family()
    first = story.event("2024-03-04", "core_group", "child")
    story.event("2024-03-05", "minutes_circulated", "child", refers_to=meeting_of(first))
    for agency in ("education", "health_visiting"):
        story.event("2024-03-06", "minutes_received", "child", agency=agency, counterpart="csc")
    second = story.event("2024-04-08", "core_group", "child")
    story.event("2024-04-09", "minutes_circulated", "child", refers_to=meeting_of(second))
    story.event(
        "2024-04-09", "minutes_received", "child", agency="education", refers_to=meeting_of(first)
    )
    story.replay(until="2024-04-30")
    alerts = raised("SHR-2")
    assert len(alerts) == 1
    assert "Core group on 08 Apr 2024" in alerts[0].what


def test_late_receipt_resolves_the_alert() -> None:
    story = family()
    meeting = story.event("2024-03-04", "core_group", "child")
    story.event("2024-03-05", "minutes_circulated", "child", refers_to=meeting_of(meeting))
    story.event("2024-03-06", "minutes_received", "child", agency="education", counterpart="csc")
    story.event(
        "2024-03-14", "minutes_received", "child", agency="health_visiting", counterpart="csc"
    )
    story.replay(until="2024-03-20")
    assert raised_on("SHR-2") == dt.date(2024, 3, 11)
    alert = Alert.objects.get(check_id="SHR-2")
    assert alert.state == AlertState.RESOLVED
    assert alert.resolution == Resolution.DONE


def test_the_same_core_group_recorded_by_health_is_one_meeting() -> None:
    story = family()
    meeting = story.event("2024-03-04", "core_group", "child")
    story.event("2024-03-04", "core_group", "child", agency="health_visiting")
    story.event("2024-03-05", "minutes_circulated", "child", refers_to=meeting_of(meeting))
    for agency in ("education", "health_visiting"):
        story.event("2024-03-06", "minutes_received", "child", agency=agency, counterpart="csc")
    story.replay(until="2024-03-20")
    assert raised("SHR-2") == []


def test_quiet_for_a_siblings_core_group_that_only_names_the_child() -> None:
    story = family()
    story.event("2024-03-04", "core_group", "child", roles={"child": "mentioned"})
    story.replay(until="2024-03-20")
    assert raised("SHR-2") == []
