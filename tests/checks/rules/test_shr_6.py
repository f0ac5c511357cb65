import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on
from threadline.checks.models import Alert, AlertState, Resolution

pytestmark = pytest.mark.django_db


def family() -> Story:
    story = Story()
    story.child(born="2016-04-01")
    story.adult("mum")
    story.relate("mum", "child", "parent")
    story.involve("child", opened="2024-01-02")
    story.involve("child", agency="education", opened="2024-01-02")
    story.involve("child", agency="school_nursing", opened="2024-01-02")
    return story


def test_fires_on_the_next_school_day_when_the_school_nurse_is_not_told() -> None:
    story = family()
    story.event(
        "2024-03-08", "domestic_abuse_incident", "mum", agency="police", roles={"mum": "victim"}
    )
    story.event(
        "2024-03-08", "information_shared", "child", agency="police", counterpart="education"
    )
    story.event("2024-03-08", "referral", "child", agency="police", counterpart="csc")
    story.replay(until="2024-03-15")
    # Friday's incident: the next school day is Monday 11 March.
    assert raised_on("SHR-6") == dt.date(2024, 3, 11)
    what = raised("SHR-6")[0].what
    assert "incident on 08 Mar 2024 involving Mum Testfamily (parent)" in what
    assert "Northshire csc, Northshire education and Northshire school_nursing" in what


def test_quiet_when_school_nurse_and_social_worker_are_told_the_same_day() -> None:
    story = family()
    incident = story.event(
        "2024-03-08",
        "domestic_abuse_incident",
        "mum",
        "child",
        agency="police",
        roles={"child": "present"},
    )
    for agency in ("education", "school_nursing", "csc"):
        story.event(
            "2024-03-08",
            "information_shared",
            "child",
            agency="police",
            counterpart=agency,
            refers_to={"agency": "police", "id": incident},
        )
    story.replay(until="2024-03-20")
    assert raised("SHR-6") == []


def test_a_school_that_acknowledges_the_notification_was_told() -> None:
    story = family()
    incident = story.event("2024-03-08", "domestic_abuse_incident", "mum", agency="police")
    notice = story.event(
        "2024-03-08",
        "information_shared",
        "mum",
        agency="police",
        counterpart="csc",
        refers_to={"agency": "police", "id": incident},
    )
    story.event(
        "2024-03-11",
        "acknowledgement",
        "child",
        agency="education",
        counterpart="police",
        refers_to={"agency": "police", "id": notice},
    )
    story.event(
        "2024-03-11", "acknowledgement", "child", agency="school_nursing", counterpart="police"
    )
    story.replay(until="2024-03-20")
    assert raised("SHR-6") == []


def test_fires_when_the_child_was_present_and_nobody_was_told() -> None:
    story = Story()
    story.child(born="2021-05-05")
    story.involve("child", agency="health_visiting", opened="2023-01-02")
    story.event(
        "2024-03-06",
        "domestic_abuse_incident",
        "child",
        agency="police",
        roles={"child": "present"},
    )
    story.replay(until="2024-03-12")
    assert raised_on("SHR-6") == dt.date(2024, 3, 7)
    assert "incident on 06 Mar 2024 with the child present." in raised("SHR-6")[0].what


def test_late_notice_resolves_the_alert() -> None:
    story = family()
    story.event("2024-03-08", "domestic_abuse_incident", "mum", agency="police")
    for agency in ("education", "csc"):
        story.event(
            "2024-03-08", "information_shared", "child", agency="police", counterpart=agency
        )
    story.event(
        "2024-03-13", "information_shared", "child", agency="csc", counterpart="school_nursing"
    )
    story.replay(until="2024-03-20")
    assert raised_on("SHR-6") == dt.date(2024, 3, 11)
    alert = Alert.objects.get(check_id="SHR-6")
    assert alert.state == AlertState.RESOLVED
    assert alert.resolution == Resolution.DONE


def test_quiet_for_an_incident_recorded_by_another_agency_or_an_associate() -> None:
    story = family()
    story.adult("friend")
    story.relate("friend", "child", "associate")
    story.event("2024-03-08", "domestic_abuse_incident", "mum", agency="hospital")
    story.event("2024-03-08", "domestic_abuse_incident", "friend", agency="police")
    story.replay(until="2024-03-20")
    assert raised("SHR-6") == []


def test_a_police_referral_reaches_social_care_without_naming_it() -> None:
    story = family()
    story.event("2024-03-08", "domestic_abuse_incident", "mum", agency="police")
    story.event("2024-03-08", "referral", "child", agency="police")
    for agency in ("education", "school_nursing"):
        story.event(
            "2024-03-08", "information_shared", "child", agency="police", counterpart=agency
        )
    story.replay(until="2024-03-20")
    assert raised("SHR-6") == []
