import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on
from threadline.checks.models import Alert, AlertState, Resolution

pytestmark = pytest.mark.django_db


def family() -> Story:
    story = Story()
    story.child()
    story.adult("mum")
    story.relate("mum", "child")
    story.involve("child", opened="2024-03-01")
    return story


def test_fires_when_a_plan_starts_without_a_genogram() -> None:
    story = family()
    story.episode("child", "cin", "2024-03-04")
    story.replay(until="2024-03-22")
    # Ten working days from Monday 4 March: Monday 18 March.
    assert raised_on("NET-3") == dt.date(2024, 3, 18)
    assert "genogram and ecomap are missing" in raised("NET-3")[0].what


def test_fires_when_the_family_moves_and_the_map_is_not_updated() -> None:
    story = family()
    story.episode("child", "cp", "2024-03-04")
    story.event("2024-03-08", "genogram_updated", "child")
    story.event("2024-04-08", "address_move", "child", "mum")
    story.replay(until="2024-04-30")
    assert raised_on("NET-3") == dt.date(2024, 4, 22)
    assert "Household changed on 08 Apr 2024 (a move of address)" in raised("NET-3")[0].what


def test_quiet_when_the_map_follows_the_plan_and_a_new_partner() -> None:
    story = family()
    story.adult("bob", sex="male")
    story.episode("child", "cin", "2024-03-04")
    story.event("2024-03-08", "genogram_updated", "child")
    story.relate("mum", "bob", "partner", **{"from": "2024-04-02"})
    story.event("2024-04-10", "genogram_updated", "child")
    story.replay(until="2024-05-10")
    assert raised("NET-3") == []


def test_quiet_when_a_map_drawn_before_the_plan_is_still_current() -> None:
    story = family()
    story.event("2024-02-12", "genogram_updated", "child")
    story.episode("child", "cin", "2024-03-04")
    story.replay(until="2024-04-10")
    assert raised("NET-3") == []


def test_a_map_older_than_a_separation_before_the_plan_is_out_of_date() -> None:
    story = family()
    story.adult("dad", sex="male")
    story.relate("dad", "child")
    story.event("2024-01-08", "genogram_updated", "child")
    story.relate("mum", "dad", "former_partner", **{"from": "2024-02-05"})
    story.episode("child", "cin", "2024-03-04")
    story.event("2024-03-25", "genogram_updated", "child")
    story.replay(until="2024-04-10")
    alert = Alert.objects.get(check_id="NET-3")
    assert "predate the last change of household (mother Mum Testfamily and Dad " in alert.what
    assert alert.raised_at is not None and raised_on("NET-3") == dt.date(2024, 3, 18)
    assert (alert.state, alert.resolution) == (AlertState.RESOLVED, Resolution.DONE)
