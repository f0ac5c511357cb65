import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on

pytestmark = pytest.mark.django_db


def family(*, allocated: bool = True) -> Story:
    story = Story()
    story.child()
    story.adult("mum")
    story.relate("mum", "child", "parent")
    if allocated:
        story.involve("child", team="Child in need", team_kind="cin")
        story.episode("child", "cin", "2024-01-08", reason="Neglect")
    return story


def test_fires_when_no_updated_assessment_follows_a_parents_programme() -> None:
    story = family()
    story.event("2024-04-15", "programme_completed", "mum", agency="drug_alcohol")
    story.replay(until="2024-05-24")
    # 20 working days from Monday 15 April, over the early May bank holiday: Tuesday 14 May.
    assert raised_on("DEC-5") == dt.date(2024, 5, 14)
    assert "Mum Testfamily (parent)" in raised("DEC-5")[0].what


def test_quiet_when_the_assessment_is_updated() -> None:
    story = family()
    story.event("2024-04-15", "programme_completed", "mum", agency="drug_alcohol")
    story.event("2024-05-01", "assessment_completed", "child", outcome="cin_plan")
    story.replay(until="2024-06-28")
    assert raised("DEC-5") == []


def test_an_assessment_from_before_the_programme_does_not_count() -> None:
    story = family()
    story.event("2024-03-01", "assessment_completed", "child", outcome="cin_plan")
    story.event("2024-04-15", "programme_completed", "mum", agency="drug_alcohol")
    story.replay(until="2024-05-24")
    assert raised_on("DEC-5") == dt.date(2024, 5, 14)


def test_a_late_assessment_resolves_the_alert() -> None:
    story = family()
    story.event("2024-04-15", "programme_completed", "mum", agency="drug_alcohol")
    story.event("2024-05-20", "assessment_completed", "child")
    story.replay(until="2024-05-24")
    alert = raised("DEC-5")[0]
    assert alert.state == "resolved" and alert.resolution == "done"


def test_quiet_when_no_worker_holds_an_assessment_for_the_child() -> None:
    story = family(allocated=False)
    story.event("2024-04-15", "programme_completed", "mum", agency="drug_alcohol")
    story.replay(until="2024-05-24")
    assert raised("DEC-5") == []
