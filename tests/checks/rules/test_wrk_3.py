import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on

pytestmark = pytest.mark.django_db


def family() -> Story:
    story = Story()
    story.child()
    story.involve("child", team="Child protection", team_kind="cp")
    story.involve("child", agency="health_visiting", opened="2023-09-04")
    return story


def request(story: Story) -> str:
    return story.event(
        "2024-05-20", "professionals_meeting_requested", "child", agency="health_visiting"
    )


def test_fires_when_a_requested_professionals_meeting_is_not_held_in_ten_working_days() -> None:
    story = family()
    request(story)
    story.replay(until="2024-06-07")
    # Ten working days from Monday 20 May, over the spring bank holiday: Tuesday 4 June.
    assert raised_on("WRK-3") == dt.date(2024, 6, 4)
    assert "asked for by health visiting on 20 May 2024" in raised("WRK-3")[0].what


def test_quiet_when_the_meeting_is_held() -> None:
    story = family()
    request(story)
    story.event("2024-05-29", "professionals_meeting", "child")
    story.replay(until="2024-06-28")
    assert raised("WRK-3") == []


def test_a_meeting_before_the_request_does_not_count() -> None:
    story = family()
    story.event("2024-05-13", "professionals_meeting", "child")
    request(story)
    story.replay(until="2024-06-07")
    assert raised_on("WRK-3") == dt.date(2024, 6, 4)


def test_holding_it_late_resolves_the_alert() -> None:
    story = family()
    request(story)
    story.event("2024-06-06", "professionals_meeting", "child")
    story.replay(until="2024-06-07")
    alert = raised("WRK-3")[0]
    assert alert.state == "resolved" and alert.resolution == "done"
