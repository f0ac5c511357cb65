import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on

pytestmark = pytest.mark.django_db

CLOSED = "2024-08-22"


def family(*, stepped_up: bool = False) -> Story:
    """A child in need plan closing on Thursday 22 August 2024, with a school nurse and the
    school working with the child and adult mental health with the mother."""
    story = Story()
    story.child()
    story.adult("mum")
    story.relate("mum", "child", "parent")
    story.involve("child", team="Child in need", team_kind="cin")
    story.involve("child", agency="education", opened="2023-09-04")
    story.involve("child", agency="school_nursing", opened="2023-09-04")
    story.involve("mum", agency="adult_mental_health", opened="2023-06-05")
    story.episode("child", "cin", "2024-01-08", end=CLOSED)
    if stepped_up:
        story.episode("child", "cp", CLOSED, category_of_abuse="NEG")
    return story


def tell(story: Story, day: str, *agencies: str) -> None:
    for agency in agencies:
        story.event(day, "information_shared", "child", "mum", counterpart=agency)


def test_fires_when_agencies_still_in_contact_are_not_told_of_the_closure() -> None:
    story = family()
    story.replay(until="2024-08-30")
    # Two working days from Thursday, over the August bank holiday: Tuesday 27 August.
    assert raised_on("PLN-6") == dt.date(2024, 8, 27)
    what = raised("PLN-6")[0].what
    assert "Northshire education" in what and "Northshire adult_mental_health" in what


def test_quiet_when_every_agency_is_told() -> None:
    story = family()
    tell(story, CLOSED, "education", "school_nursing", "adult_mental_health")
    story.replay(until="2024-09-30")
    assert raised("PLN-6") == []


def test_names_only_the_agencies_not_told() -> None:
    story = family()
    tell(story, CLOSED, "education", "school_nursing")
    story.replay(until="2024-08-30")
    what = raised("PLN-6")[0].what
    assert "adult_mental_health" in what and "school_nursing" not in what


def test_telling_them_late_resolves_the_alert() -> None:
    story = family()
    tell(story, "2024-08-29", "education", "school_nursing", "adult_mental_health")
    story.replay(until="2024-08-30")
    alert = raised("PLN-6")[0]
    assert alert.state == "resolved" and alert.resolution == "done"


def test_quiet_when_the_plan_ends_because_protection_begins() -> None:
    story = family(stepped_up=True)
    story.replay(until="2024-09-30")
    assert raised("PLN-6") == []
