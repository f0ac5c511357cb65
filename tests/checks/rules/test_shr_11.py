import datetime as dt

import pytest

from tests.checks.story import Story, raised
from threadline.checks.models import Alert, AlertState, Resolution
from threadline.clock import local_date

pytestmark = pytest.mark.django_db


def family(plan: str = "cp") -> Story:
    story = Story()
    story.child(born="2022-02-02")
    story.involve("child", opened="2023-11-01")
    story.episode("child", plan, "2024-01-08")
    return story


def raised_days() -> dict[str, dt.date]:
    return {
        alert.occurrence.rsplit(":", 1)[1]: local_date(alert.raised_at)
        for alert in raised("SHR-11")
        if alert.raised_at
    }


def test_notice_due_the_next_working_day_and_the_conference_in_fifteen() -> None:
    story = family()
    story.event("2024-03-04", "address_move", "child", outcome="moved_out_of_area")
    story.replay(until="2024-03-29")
    # Notice by Tuesday 5 March; transfer-in conference 15 working days on, Monday 25 March.
    assert raised_days() == {
        "notified": dt.date(2024, 3, 5),
        "transfer_in": dt.date(2024, 3, 25),
    }
    assert "conference to be held by 25 Mar 2024" in raised("SHR-11")[1].what


def test_quiet_when_notified_and_the_conference_is_booked_in_time() -> None:
    story = family()
    story.event("2024-03-04", "address_move", "child", outcome="moved_out_of_area")
    story.event("2024-03-04", "address_move", "child", agency="gp", outcome="moved_out_of_area")
    story.event("2024-03-05", "transfer_notified", "child", counterpart="csc")
    story.event("2024-03-08", "meeting_scheduled", "child", outcome="transfer_in", due="2024-03-21")
    story.replay(until="2024-04-05")
    assert raised("SHR-11") == []


def test_a_child_in_need_needs_notice_but_no_conference() -> None:
    story = family(plan="cin")
    story.event("2024-03-04", "address_move", "child", outcome="moved_out_of_area")
    story.event("2024-03-05", "transfer_notified", "child")
    story.replay(until="2024-04-05")
    assert raised("SHR-11") == []


def test_a_conference_held_late_resolves_the_alert() -> None:
    story = family()
    story.event("2024-03-04", "address_move", "child", outcome="moved_out_of_area")
    story.event("2024-03-04", "transfer_notified", "child")
    story.event("2024-03-27", "conference", "child", outcome="transfer_in")
    story.replay(until="2024-04-05")
    assert raised_days() == {"transfer_in": dt.date(2024, 3, 25)}
    alert = Alert.objects.get(check_id="SHR-11")
    assert alert.state == AlertState.RESOLVED
    assert alert.resolution == Resolution.DONE


def test_quiet_for_a_local_move_or_a_child_placed_out_of_area() -> None:
    story = family(plan="looked_after")
    story.event("2024-03-04", "address_move", "child", outcome="moved_out_of_area")
    story.event("2024-03-11", "address_move", "child")
    story.replay(until="2024-04-05")
    assert raised("SHR-11") == []


def test_a_planned_move_handed_over_before_it_happens_is_quiet() -> None:
    story = family()
    story.event("2024-02-19", "transfer_notified", "child", counterpart="csc")
    story.event("2024-02-26", "conference", "child", outcome="transfer_in")
    story.event("2024-03-04", "address_move", "child", outcome="moved_out_of_area")
    story.replay(until="2024-04-05")
    assert raised("SHR-11") == []


def test_a_sibling_named_in_the_move_is_not_moved_by_it() -> None:
    story = family()
    story.event(
        "2024-03-04",
        "address_move",
        "child",
        outcome="moved_out_of_area",
        roles={"child": "mentioned"},
    )
    story.replay(until="2024-04-05")
    assert raised("SHR-11") == []
