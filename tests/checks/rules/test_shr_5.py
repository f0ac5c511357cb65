import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on
from threadline.checks.models import Alert, AlertState, Resolution

pytestmark = pytest.mark.django_db


def family() -> Story:
    story = Story()
    story.child()
    story.involve("child", opened="2024-01-02")
    story.involve("child", agency="health_visiting", opened="2024-01-02")
    story.involve("child", agency="police", opened="2024-01-02")
    return story


def test_fires_when_two_agencies_date_one_core_group_differently() -> None:
    story = family()
    story.event("2024-03-04", "core_group", "child")
    story.event("2024-03-07", "core_group", "child", agency="health_visiting")
    story.replay(until="2024-03-20")
    # Both dates on the record from Thursday 7 March: five working days, Thursday 14 March.
    assert raised_on("SHR-5") == dt.date(2024, 3, 14)
    assert (
        "Core group recorded on 04 Mar 2024 by Northshire csc and on 07 Mar 2024 by "
        "Northshire health_visiting" in raised("SHR-5")[0].what
    )


def test_quiet_when_one_record_is_agreed() -> None:
    story = family()
    story.event("2024-03-04", "strategy_discussion", "child")
    story.event("2024-03-06", "strategy_discussion", "child", agency="police")
    story.event("2024-03-08", "meeting_record_agreed", "child")
    story.replay(until="2024-03-22")
    assert raised("SHR-5") == []


def test_quiet_for_two_meetings_that_one_agency_recorded_both_of() -> None:
    story = family()
    story.event("2024-03-04", "strategy_discussion", "child")
    story.event("2024-03-04", "strategy_discussion", "child", agency="police")
    story.event("2024-03-08", "strategy_discussion", "child")
    story.event("2024-03-08", "strategy_discussion", "child", agency="health_visiting")
    story.replay(until="2024-03-22")
    assert raised("SHR-5") == []


def test_quiet_when_agencies_agree_on_the_date_or_meetings_are_weeks_apart() -> None:
    story = family()
    story.event("2024-03-04", "core_group", "child")
    story.event("2024-03-04", "core_group", "child", agency="health_visiting")
    story.event("2024-04-08", "core_group", "child", agency="health_visiting")
    story.replay(until="2024-04-30")
    assert raised("SHR-5") == []


def test_late_agreement_resolves_the_alert() -> None:
    story = family()
    story.event("2024-03-04", "conference", "child", outcome="icpc")
    story.event("2024-03-05", "conference", "child", agency="health_visiting", outcome="icpc")
    story.event("2024-03-18", "meeting_record_agreed", "child")
    story.replay(until="2024-03-22")
    assert raised_on("SHR-5") == dt.date(2024, 3, 12)
    alert = Alert.objects.get(check_id="SHR-5")
    assert alert.state == AlertState.RESOLVED
    assert alert.resolution == Resolution.DONE
