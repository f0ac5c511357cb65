import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on
from threadline.checks.models import Alert, AlertState, Resolution

pytestmark = pytest.mark.django_db


def family() -> Story:
    story = Story()
    story.child()
    story.involve("child", opened="2023-09-01")
    story.involve("child", agency="education", opened="2023-09-01")
    story.involve("child", agency="gp", opened="2023-09-01")
    return story


def test_fires_two_working_days_after_a_cp_plan_starts_unacknowledged() -> None:
    story = family()
    story.episode("child", "cp", "2024-03-04")  # Monday
    story.event("2024-03-05", "information_shared", "child", counterpart="education")
    story.replay(until="2024-03-15")
    # Two working days from Monday 4 March: due by the end of Wednesday 6 March.
    assert raised_on("SHR-1") == dt.date(2024, 3, 6)
    what = raised("SHR-1")[0].what
    assert "Child protection status started 04 Mar 2024" in what
    assert "Northshire education and Northshire gp" in what


def test_quiet_when_every_involved_agency_acknowledges() -> None:
    story = family()
    story.episode("child", "cp", "2024-03-04")
    story.event("2024-03-05", "acknowledgement", "child", agency="education", counterpart="csc")
    story.event("2024-03-06", "acknowledgement", "child", agency="gp", counterpart="csc")
    story.replay(until="2024-03-20")
    assert raised("SHR-1") == []


def test_quiet_for_an_agency_at_the_conference_that_made_the_change() -> None:
    story = family()
    story.episode("child", "cp", "2024-03-04")
    story.event("2024-03-04", "conference", "child", outcome="icpc")
    story.event("2024-03-04", "conference", "child", agency="education", outcome="icpc")
    story.event("2024-03-04", "conference", "child", agency="gp", outcome="icpc")
    story.replay(until="2024-03-20")
    assert raised("SHR-1") == []


def test_an_acknowledgement_of_another_agency_does_not_count() -> None:
    story = family()
    story.episode("child", "cin", "2024-03-04")
    story.event("2024-03-05", "acknowledgement", "child", agency="gp", counterpart="csc")
    story.event("2024-03-05", "acknowledgement", "child", agency="education", counterpart="police")
    story.replay(until="2024-03-15")
    assert raised_on("SHR-1") == dt.date(2024, 3, 6)
    alert = Alert.objects.get(check_id="SHR-1")
    assert alert.state == AlertState.RAISED, "education acknowledged the police, not social care"


def test_late_acknowledgement_resolves_the_alert() -> None:
    story = family()
    story.episode("child", "cin", "2024-03-04")
    story.event("2024-03-11", "acknowledgement", "child", agency="education", counterpart="csc")
    story.event("2024-03-12", "minutes_received", "child", agency="gp", counterpart="csc")
    story.replay(until="2024-03-20")
    assert raised_on("SHR-1") == dt.date(2024, 3, 6)
    alert = Alert.objects.get(check_id="SHR-1")
    assert alert.state == AlertState.RESOLVED
    assert alert.resolution == Resolution.DONE


def test_a_step_up_is_one_change_and_counts_easter() -> None:
    story = family()
    story.episode("child", "cin", "2023-10-02", end="2024-03-28")
    story.episode("child", "cp", "2024-03-28")  # Thursday before Good Friday
    story.event("2023-10-02", "acknowledgement", "child", agency="education", counterpart="csc")
    story.event("2023-10-02", "acknowledgement", "child", agency="gp", counterpart="csc")
    story.replay(until="2024-04-10")
    alerts = raised("SHR-1")
    assert len(alerts) == 1, "the end of CIN and the start of CP are one change"
    assert "(was child in need)" in alerts[0].what
    # Good Friday 29 March and Easter Monday 1 April are not working days: 2 April, 3 April.
    assert raised_on("SHR-1") == dt.date(2024, 4, 3)


def test_the_end_of_a_plan_must_reach_agencies_still_in_contact() -> None:
    story = family()
    story.episode("child", "cin", "2024-01-08", end="2024-06-03")
    story.event("2024-01-09", "acknowledgement", "child", agency="education", counterpart="csc")
    story.event("2024-01-09", "acknowledgement", "child", agency="gp", counterpart="csc")
    story.event("2024-06-04", "acknowledgement", "child", agency="gp", counterpart="csc")
    story.replay(until="2024-06-14")
    assert raised_on("SHR-1") == dt.date(2024, 6, 5)
    assert "ended 03 Jun 2024" in raised("SHR-1")[0].what


def test_quiet_when_no_other_agency_is_involved() -> None:
    story = Story()
    story.child()
    story.involve("child", opened="2023-09-01")
    story.episode("child", "cp", "2024-03-04")
    story.replay(until="2024-03-20")
    assert raised("SHR-1") == []
