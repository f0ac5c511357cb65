import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on
from threadline.checks.models import Alert, AlertState, Resolution

pytestmark = pytest.mark.django_db


def family() -> Story:
    story = Story()
    story.child()
    story.involve("child", opened="2024-01-02")
    story.involve("child", agency="gp", opened="2024-01-02")
    story.involve("child", agency="health_visiting", opened="2024-01-02")
    story.involve("child", agency="education", opened="2024-01-02")
    return story


def meeting_of(meeting_id: str) -> dict[str, str]:
    return {"agency": "csc", "id": meeting_id}


def test_fires_after_two_weeks_when_health_has_no_strategy_minutes() -> None:
    story = family()
    meeting = story.event("2024-03-04", "strategy_discussion", "child")
    story.event("2024-03-04", "strategy_discussion", "child", agency="police")
    story.event("2024-03-06", "minutes_circulated", "child", refers_to=meeting_of(meeting))
    story.event("2024-03-07", "minutes_received", "child", agency="police", counterpart="csc")
    story.event("2024-03-07", "minutes_received", "child", agency="gp", counterpart="csc")
    story.replay(until="2024-03-19")
    # Ten working days from Monday 4 March: Monday 18 March.
    assert raised_on("SHR-3") == dt.date(2024, 3, 18)
    what = raised("SHR-3")[0].what
    assert "Strategy discussion on 04 Mar 2024" in what
    assert "Northshire health_visiting" in what
    assert "education" not in what, "education is not owed strategy minutes unless it attended"


def test_missing_receipt_climbs_the_ladder_every_two_working_days() -> None:
    story = family()
    story.event("2024-03-04", "conference", "child", outcome="icpc")
    story.replay(until="2024-03-26")
    alert = raised("SHR-3")[0]
    # Raised 18 March to the social worker; 20, 22 and 26 March: practice, team, service manager.
    assert alert.rung == 3


def test_quiet_when_minutes_reach_health_and_police() -> None:
    story = family()
    story.involve("child", agency="police", opened="2024-02-01")
    meeting = story.event("2024-03-04", "conference", "child", outcome="icpc")
    notes = story.event("2024-03-11", "minutes_circulated", "child", refers_to=meeting_of(meeting))
    for agency in ("gp", "health_visiting", "police"):
        story.event(
            "2024-03-12", "minutes_received", "child", agency=agency, refers_to=meeting_of(notes)
        )
    story.replay(until="2024-04-05")
    assert raised("SHR-3") == []


def test_an_attending_agency_is_owed_the_minutes() -> None:
    story = family()
    meeting = story.event("2024-03-04", "conference", "child", outcome="icpc")
    story.event("2024-03-04", "conference", "child", agency="education", outcome="icpc")
    story.event("2024-03-11", "minutes_circulated", "child", refers_to=meeting_of(meeting))
    for agency in ("gp", "health_visiting"):
        story.event("2024-03-12", "minutes_received", "child", agency=agency, counterpart="csc")
    story.replay(until="2024-03-20")
    assert raised_on("SHR-3") == dt.date(2024, 3, 18)
    assert "Northshire education" in raised("SHR-3")[0].what


def test_late_receipt_resolves_the_alert() -> None:
    story = family()
    meeting = story.event("2024-03-04", "conference", "child", outcome="icpc")
    story.event("2024-03-15", "minutes_circulated", "child", refers_to=meeting_of(meeting))
    story.event("2024-03-15", "minutes_received", "child", agency="gp", counterpart="csc")
    story.event(
        "2024-03-20", "minutes_received", "child", agency="health_visiting", counterpart="csc"
    )
    story.replay(until="2024-03-25")
    assert raised_on("SHR-3") == dt.date(2024, 3, 18)
    alert = Alert.objects.get(check_id="SHR-3")
    assert alert.state == AlertState.RESOLVED
    assert alert.resolution == Resolution.DONE


def test_every_agency_sent_the_minutes_must_confirm_receipt() -> None:
    story = family()
    story.involve("child", agency="police", opened="2024-02-01")
    meeting = story.event("2024-03-04", "conference", "child", outcome="icpc")
    notes = story.event("2024-03-11", "minutes_circulated", "child", refers_to=meeting_of(meeting))
    story.event(
        "2024-03-11",
        "minutes_circulated",
        "child",
        refers_to=meeting_of(meeting),
        counterpart="housing",
    )
    for agency in ("gp", "health_visiting", "police"):
        story.event(
            "2024-03-12", "minutes_received", "child", agency=agency, refers_to=meeting_of(notes)
        )
    story.replay(until="2024-03-20")
    # Health and the police confirmed; housing, sent the minutes, did not.
    assert raised_on("SHR-3") == dt.date(2024, 3, 18)
