import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on
from threadline.checks.models import Alert, AlertState, Resolution

pytestmark = pytest.mark.django_db


def new_baby(born: str = "2024-02-19") -> Story:
    story = Story()
    story.child("baby", born=born)
    story.adult("mum")
    story.adult("dad", sex="male")
    story.relate("mum", "baby")
    story.relate("dad", "baby")
    story.involve("baby", agency="health_visiting", opened=born)
    return story


def test_fires_when_only_advice_is_given_to_a_drinking_parent() -> None:
    story = new_baby()
    story.event("2024-03-04", "substance_use", "mum", agency="health_visiting")
    story.event("2024-03-04", "advice_given", "mum", "baby", agency="health_visiting")
    story.replay(until="2024-03-22")
    # Monday 4 March, ten working days on: Monday 18 March.
    assert raised_on("RSK-6", "baby") == dt.date(2024, 3, 18)
    assert "; mother Mum Testfamily: substance use 04 Mar 2024" in raised("RSK-6", "baby")[0].what


def test_use_in_pregnancy_counts_from_the_birth_and_a_plan_made_in_pregnancy_resolves() -> None:
    story = new_baby(born="2024-03-04")
    story.event("2024-01-15", "drug_test", "dad", agency="drug_alcohol", outcome="positive")
    story.event("2024-02-12", "safe_sleep_plan", "mum", agency="midwifery")
    story.replay(until="2024-03-29")
    assert raised("RSK-6", "baby") == []


def test_a_late_plan_resolves_the_alert() -> None:
    story = new_baby()
    story.involve("dad", agency="drug_alcohol", opened="2023-06-05")
    story.event("2024-03-06", "safe_sleep_plan", "baby", "mum", agency="health_visiting")
    story.replay(until="2024-03-08")
    alert = Alert.objects.get(check_id="RSK-6")
    # Born Monday 19 February with father open to the drug service: due Monday 4 March.
    assert raised_on("RSK-6", "baby") == dt.date(2024, 3, 4)
    assert (alert.state, alert.resolution) == (AlertState.RESOLVED, Resolution.DONE)


def test_quiet_for_use_long_before_the_birth() -> None:
    story = new_baby()
    story.event("2022-11-07", "substance_use", "mum", recorded="2024-03-04T09:00:00+00:00")
    story.replay(until="2024-03-29")
    assert raised("RSK-6", "baby") == []


def test_quiet_after_the_first_birthday_but_not_for_the_new_baby() -> None:
    story = new_baby(born="2023-01-16")
    story.child("younger", born="2024-03-04")
    story.relate("mum", "younger")
    story.event("2024-03-11", "drug_test", "mum", outcome="positive")
    story.replay(until="2024-03-29")
    assert raised("RSK-6", "baby") == []
    assert raised_on("RSK-6", "younger") == dt.date(2024, 3, 25)
