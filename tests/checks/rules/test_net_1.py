import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on
from threadline.checks.models import Alert, AlertState, Resolution

pytestmark = pytest.mark.django_db


def family() -> Story:
    story = Story()
    story.child()
    story.adult("mum")
    story.adult("dad", sex="male")
    story.relate("mum", "child")
    story.relate("dad", "child")
    return story


def test_fires_ten_working_days_after_involvement_starts_with_no_assessment() -> None:
    story = family()
    story.adult("ex")
    story.event(
        "2024-01-15",
        "domestic_abuse_incident",
        "dad",
        "ex",
        roles={"dad": "alleged_perpetrator", "ex": "victim"},
    )
    story.involve("child", opened="2024-03-04", team="Assessment", team_kind="assessment")
    story.replay(until="2024-03-25")
    # Monday 4 March is day 0; ten working days on is Monday 18 March.
    assert raised_on("NET-1") == dt.date(2024, 3, 18)
    what = raised("NET-1")[0].what
    assert "Father Dad Testfamily" in what and "domestic abuse incident" in what


def test_quiet_when_the_assessment_is_completed_in_time() -> None:
    story = family()
    story.event("2024-01-15", "arrest", "dad")
    story.involve("child", opened="2024-03-04")
    story.event("2024-03-12", "assessment_completed", "child")
    story.replay(until="2024-04-05")
    assert raised("NET-1") == []


def test_a_risk_assessment_recorded_late_resolves_the_alert() -> None:
    story = family()
    story.event("2024-01-15", "charge_or_conviction", "dad")
    story.involve("child", opened="2024-03-04")
    story.event("2024-03-20", "risk_assessment", "child")
    story.replay(until="2024-03-25")
    alert = Alert.objects.get(check_id="NET-1")
    assert alert.raised_at is not None
    assert (alert.state, alert.resolution) == (AlertState.RESOLVED, Resolution.DONE)


def test_a_new_step_parent_restarts_the_clock_from_the_link() -> None:
    story = family()
    story.adult("stepdad", sex="male")
    story.event("2024-01-15", "arrest", "stepdad")
    story.involve("child", opened="2024-03-04")
    story.event("2024-03-12", "assessment_completed", "child")
    story.relate("stepdad", "child", "step_parent", **{"from": "2024-04-02"})
    story.replay(until="2024-04-30")
    # The assessment before he was linked did not weigh him: 10 working days from Tue 2 April.
    assert raised_on("NET-1") == dt.date(2024, 4, 16)


def test_only_the_adult_named_as_alleged_perpetrator_is_flagged() -> None:
    story = family()
    story.event(
        "2024-01-15",
        "domestic_abuse_incident",
        "mum",
        "dad",
        roles={"mum": "alleged_perpetrator", "dad": "victim"},
    )
    story.event("2024-01-15", "police_incident", "dad", roles={"dad": "witness"})
    story.involve("child", opened="2024-03-04")
    story.replay(until="2024-04-05")
    # Mother was the one named as alleged perpetrator; father, the victim, is not flagged.
    assert ["Mother Mum" in alert.what for alert in raised("NET-1")] == [True]


def test_quiet_without_statutory_involvement() -> None:
    story = family()
    story.event("2024-01-15", "arrest", "dad")
    story.involve("child", agency="health_visiting", opened="2024-01-15")
    story.event("2024-03-04", "home_visit", "child")
    story.replay(until="2024-04-05")
    assert raised("NET-1") == []
