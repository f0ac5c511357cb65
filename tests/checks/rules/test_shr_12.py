import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on
from threadline.checks.models import Alert, AlertState, Resolution

pytestmark = pytest.mark.django_db


def family() -> Story:
    story = Story()
    story.child(born="2022-02-02")
    story.involve("child", agency="gp", opened="2022-02-10")
    return story


def test_fires_five_working_days_after_the_meeting_with_nothing_recorded() -> None:
    story = family()
    story.event("2024-03-25", "gp_safeguarding_meeting", "child", agency="gp")
    story.replay(until="2024-04-10")
    # Monday 25 March, then Good Friday and Easter Monday: 26, 27, 28 March, 2, 3 April.
    assert raised_on("SHR-12") == dt.date(2024, 4, 3)
    assert "safeguarding meeting on 25 Mar 2024" in raised("SHR-12")[0].what


def test_quiet_when_the_practice_records_what_it_shared() -> None:
    story = family()
    story.event("2024-03-04", "gp_safeguarding_meeting", "child", agency="gp")
    story.event(
        "2024-03-06", "information_shared", "child", agency="gp", counterpart="health_visiting"
    )
    story.replay(until="2024-03-20")
    assert raised("SHR-12") == []


def test_quiet_when_the_meeting_records_nothing_to_share() -> None:
    story = family()
    story.event(
        "2024-03-04", "gp_safeguarding_meeting", "child", agency="gp", outcome="no_further_action"
    )
    story.replay(until="2024-03-20")
    assert raised("SHR-12") == []


def test_sharing_by_another_agency_is_not_the_practices_record() -> None:
    story = family()
    story.event("2024-03-04", "gp_safeguarding_meeting", "child", agency="gp")
    story.event(
        "2024-03-05", "information_shared", "child", agency="health_visiting", counterpart="gp"
    )
    story.replay(until="2024-03-20")
    assert raised_on("SHR-12") == dt.date(2024, 3, 11)


def test_late_record_resolves_the_alert() -> None:
    story = family()
    meeting = story.event("2024-03-04", "gp_safeguarding_meeting", "child", agency="gp")
    story.event(
        "2024-03-13", "decision", "child", agency="gp", refers_to={"agency": "gp", "id": meeting}
    )
    story.replay(until="2024-03-20")
    assert raised_on("SHR-12") == dt.date(2024, 3, 11)
    alert = Alert.objects.get(check_id="SHR-12")
    assert alert.state == AlertState.RESOLVED
    assert alert.resolution == Resolution.DONE
