import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on
from threadline.checks.models import Alert, AlertState, Resolution

pytestmark = pytest.mark.django_db


def young_mother() -> Story:
    story = Story()
    story.person("mum", "2008-01-20")  # 16 in March 2024
    story.child("baby", born="2024-09-30")
    story.relate("mum", "baby")
    story.involve("mum", agency="midwifery", opened="2024-03-04", lead_practitioner="A Midwife")
    story.event("2024-03-04", "pregnancy_booked", "mum", agency="midwifery")
    return story


def test_fires_when_a_pregnant_sixteen_year_old_has_no_worker_or_plan() -> None:
    story = young_mother()
    story.replay(until="2024-03-22")
    # Booked Monday 4 March: ten working days is Monday 18 March.
    assert raised_on("NET-6", "mum") == dt.date(2024, 3, 18)
    assert "Parent aged 16 since 04 Mar 2024, without a lead practitioner or a plan" in (
        raised("NET-6", "mum")[0].what
    )


def test_quiet_when_she_has_her_own_early_help_worker_and_plan() -> None:
    story = young_mother()
    story.involve("mum", opened="2024-03-08", lead_practitioner="E Worker", team="Early Help")
    story.episode("mum", "early_help", "2024-03-08")
    story.replay(until="2024-03-29")
    assert raised("NET-6", "mum") == []


def test_a_plan_given_late_resolves_it() -> None:
    story = young_mother()
    story.involve("mum", opened="2024-03-08", lead_practitioner="E Worker")
    story.episode("mum", "cin", "2024-03-20")
    story.replay(until="2024-03-22")
    alert = Alert.objects.get(check_id="NET-6")
    assert alert.raised_at is not None
    assert (alert.state, alert.resolution) == (AlertState.RESOLVED, Resolution.DONE)


def test_a_plan_that_closed_before_she_became_a_parent_does_not_count() -> None:
    story = Story()
    story.person("dad", "2007-06-01", sex="male")  # 17 when his son is born
    story.child("baby", born="2024-03-04")
    story.relate("dad", "baby", **{"from": "2024-03-04"})
    story.involve("dad", opened="2023-09-04", closed="2024-01-31", lead_practitioner="W")
    story.episode("dad", "cin", "2023-09-04", end="2024-01-31")
    story.replay(until="2024-03-22")
    assert raised_on("NET-6", "dad") == dt.date(2024, 3, 18)


def test_quiet_for_adult_parents() -> None:
    story = Story()
    story.adult("mum", born="2005-01-10")
    story.child("baby", born="2024-02-01")
    story.relate("mum", "baby")
    story.event("2024-03-04", "home_visit", "baby", "mum", agency="health_visiting")
    story.replay(until="2024-03-29")
    assert raised("NET-6", "mum") == []
