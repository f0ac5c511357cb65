import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on
from threadline.checks.models import Alert, AlertState, Resolution

pytestmark = pytest.mark.django_db


def family_on_a_plan() -> Story:
    story = Story()
    story.child()
    story.adult("mum")
    story.adult("dad", sex="male")
    story.relate("mum", "child")
    story.relate("dad", "child")
    story.involve("child", opened="2024-03-01")
    story.episode("child", "cp", "2024-03-04")
    return story


def test_fires_on_the_day_of_a_core_group_without_the_father() -> None:
    story = family_on_a_plan()
    story.event("2024-03-18", "core_group", "child", "mum", roles={"mum": "present"})
    story.replay(until="2024-03-22")
    assert raised_on("NET-2") == dt.date(2024, 3, 18)
    assert "Core group on 18 Mar 2024: father Dad Testfamily" in raised("NET-2")[0].what


def test_quiet_when_he_attends_or_was_invited() -> None:
    story = family_on_a_plan()
    story.event("2024-03-04", "conference", "child", "dad", roles={"dad": "present"})
    story.event("2024-03-11", "invitation", "dad", due="2024-03-18")
    story.event("2024-03-18", "core_group", "child", "mum", roles={"mum": "present"})
    story.event("2024-04-10", "apologies", "dad")
    story.event("2024-04-15", "core_group", "child", "mum", roles={"mum": "present"})
    story.replay(until="2024-04-30")
    assert raised("NET-2") == []


def test_one_alert_for_a_meeting_two_agencies_record() -> None:
    story = family_on_a_plan()
    story.event("2024-03-18", "core_group", "child")
    story.event("2024-03-18", "core_group", "child", agency="education")
    story.replay(until="2024-03-22")
    assert len(raised("NET-2")) == 1


def test_a_corrected_meeting_record_showing_him_present_resolves_it() -> None:
    story = family_on_a_plan()
    story.event("2024-03-18", "core_group", "child", id="CG1")
    story.event(
        "2024-03-18",
        "core_group",
        "child",
        "dad",
        id="CG1",
        roles={"dad": "present"},
        recorded="2024-03-20T10:00:00+00:00",
    )
    story.replay(until="2024-03-22")
    alert = Alert.objects.get(check_id="NET-2")
    assert alert.raised_at is not None
    assert (alert.state, alert.resolution) == (AlertState.RESOLVED, Resolution.DONE)


def test_quiet_without_a_plan_or_without_a_man_in_the_childs_life() -> None:
    story = Story()
    story.child()
    story.child("other", born="2018-02-02")
    story.adult("mum")
    story.adult("dad", sex="male")
    story.relate("mum", "child")
    story.relate("mum", "other")
    story.relate("dad", "other")
    story.episode("child", "cin", "2024-03-04")
    story.event("2024-03-18", "cin_review", "child", "mum", roles={"mum": "present"})
    story.event("2024-03-18", "core_group", "other", "mum", roles={"mum": "present"})
    story.replay(until="2024-03-22")
    assert raised("NET-2") == [] and raised("NET-2", "other") == []
