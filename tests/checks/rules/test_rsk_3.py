import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on
from threadline.checks.models import Alert, AlertState, Resolution

pytestmark = pytest.mark.django_db


def couple() -> Story:
    story = Story()
    story.child()
    story.adult("mum")
    story.adult("dad", sex="male")
    story.relate("mum", "child")
    story.relate("dad", "child")
    return story


def incident(story: Story, day: str, **extra: object) -> None:
    story.event(
        day,
        "domestic_abuse_incident",
        "mum",
        "dad",
        "child",
        agency="police",
        roles={"mum": "victim", "dad": "alleged_perpetrator", "child": "present"},
        **extra,
    )


def test_fires_for_the_adult_victim_when_no_dash_is_completed() -> None:
    story = couple()
    incident(story, "2024-03-04T22:15")
    story.replay(until="2024-03-15")
    assert raised_on("RSK-3", "mum") == dt.date(2024, 3, 11)
    assert raised("RSK-3", "dad") == [] and raised("RSK-3", "child") == []
    assert "Domestic abuse incident on 04 Mar 2024: no DASH" in raised("RSK-3", "mum")[0].what


def test_high_risk_dash_without_a_marac_referral_fires_five_days_after_the_dash() -> None:
    story = couple()
    incident(story, "2024-03-04")
    story.event(
        "2024-03-05",
        "dash_completed",
        "mum",
        "dad",
        agency="police",
        outcome="high_risk",
        roles={"dad": "alleged_perpetrator"},
    )
    story.replay(until="2024-03-15")
    # DASH on Tuesday 5 March: MARAC referral due by Tuesday 12 March.
    assert raised_on("RSK-3", "mum") == dt.date(2024, 3, 12)
    assert (
        "Assessed as high risk on 05 Mar 2024: no MARAC referral" in raised("RSK-3", "mum")[0].what
    )
    assert raised("RSK-3", "dad") == []


def test_quiet_when_dash_is_done_and_high_risk_goes_to_marac() -> None:
    story = couple()
    incident(story, "2024-03-04", outcome="high_risk")
    story.event("2024-03-06", "marac_referral", "mum", agency="police")
    incident(story, "2024-04-08")
    story.event("2024-04-08", "dash_completed", "mum", agency="police", outcome="medium_risk")
    story.replay(until="2024-04-30")
    assert raised("RSK-3", "mum") == []


def test_a_late_marac_referral_resolves_the_alert() -> None:
    story = couple()
    incident(story, "2024-03-04", outcome="high_risk")
    story.event("2024-03-14", "marac_referral", "mum", agency="police")
    story.replay(until="2024-03-20")
    alert = Alert.objects.get(check_id="RSK-3")
    assert raised_on("RSK-3", "mum") == dt.date(2024, 3, 11)
    assert (alert.state, alert.resolution) == (AlertState.RESOLVED, Resolution.DONE)


def test_quiet_when_no_victim_is_named() -> None:
    story = couple()
    story.event("2024-03-04", "domestic_abuse_incident", "mum", "dad", agency="police")
    story.replay(until="2024-03-15")
    assert raised("RSK-3", "mum") == [] and raised("RSK-3", "dad") == []
