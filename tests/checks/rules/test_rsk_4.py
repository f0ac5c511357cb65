import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on
from threadline.checks.models import Alert, AlertState, Resolution

pytestmark = pytest.mark.django_db


def family(plan: bool = True) -> Story:
    story = Story()
    story.child()
    story.adult("mum")
    story.adult("dad", sex="male")
    story.relate("mum", "child")
    story.relate("dad", "child")
    if plan:
        story.involve("child", opened="2024-01-08")
        story.episode("child", "cin", "2024-01-08")
    return story


def test_fires_when_a_positive_test_follows_earlier_misuse() -> None:
    story = family()
    story.event("2023-11-06", "substance_use", "dad", agency="drug_alcohol")
    story.event("2024-03-04", "drug_test", "dad", agency="drug_alcohol", outcome="positive")
    story.replay(until="2024-03-15")
    assert raised_on("RSK-4") == dt.date(2024, 3, 11)
    what = raised("RSK-4")[0].what
    assert "Father Dad Testfamily, with misuse recorded before (substance use 06 Nov 2023)" in what


def test_quiet_when_the_plan_is_reviewed() -> None:
    story = family()
    story.event("2023-11-06", "substance_use", "dad")
    story.event("2024-03-04", "police_incident", "dad", agency="police", outcome="intoxicated")
    story.event("2024-03-06", "plan_reviewed", "child")
    story.replay(until="2024-03-22")
    assert raised("RSK-4") == []


def test_drinking_again_after_treatment_with_no_plan_open_then_referred_late() -> None:
    story = family(plan=False)
    story.involve("mum", agency="drug_alcohol", opened="2023-09-04", closed="2023-12-01")
    story.event(
        "2024-03-04", "substance_use", "mum", agency="health_visiting", reliability="self_reported"
    )
    story.event("2024-03-13", "referral", "child", agency="health_visiting")
    story.replay(until="2024-03-22")
    alert = Alert.objects.get(check_id="RSK-4")
    assert raised_on("RSK-4") == dt.date(2024, 3, 11)
    assert "history of drug or alcohol treatment (from 04 Sep 2023)" in alert.what
    assert (alert.state, alert.resolution) == (AlertState.RESOLVED, Resolution.DONE)


def test_quiet_for_a_first_sign_or_a_spell_already_known() -> None:
    story = family()
    story.event("2024-01-08", "substance_use", "mum")
    story.event("2024-01-10", "risk_assessment", "child")
    story.event("2024-02-12", "substance_use", "mum")
    story.event("2024-03-11", "drug_test", "mum", outcome="positive")
    story.event("2024-04-08", "drug_test", "mum", outcome="negative")
    story.replay(until="2024-04-30")
    assert raised("RSK-4") == []
