import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on
from threadline.checks.models import Alert, AlertState, Resolution

pytestmark = pytest.mark.django_db


def family_on_a_plan() -> Story:
    story = Story()
    story.child()
    story.adult("mum")
    story.relate("mum", "child")
    story.involve("child", opened="2024-03-01")
    story.episode("child", "cp", "2024-03-04")
    return story


def test_fires_five_working_days_after_an_incident_with_no_review() -> None:
    story = family_on_a_plan()
    story.event("2024-03-13T21:40", "police_incident", "child", "mum", agency="police")
    story.replay(until="2024-03-29")
    # Wednesday 13 March, five working days on: Wednesday 20 March.
    assert raised_on("RSK-2") == dt.date(2024, 3, 20)
    assert "Police incident on 13 Mar 2024 during the plan" in raised("RSK-2")[0].what


def test_an_incident_to_the_mother_alone_counts_and_a_late_review_resolves_it() -> None:
    story = family_on_a_plan()
    story.event("2024-03-13", "emergency_attendance", "mum", agency="hospital")
    story.event("2024-03-22", "plan_reviewed", "child")
    story.replay(until="2024-03-29")
    alert = Alert.objects.get(check_id="RSK-2")
    assert raised_on("RSK-2") == dt.date(2024, 3, 20)
    assert (alert.state, alert.resolution) == (AlertState.RESOLVED, Resolution.DONE)


def test_quiet_when_the_risk_assessment_is_reviewed() -> None:
    story = family_on_a_plan()
    story.event(
        "2024-03-13",
        "allegation",
        "child",
        "mum",
        agency="education",
        roles={"mum": "alleged_perpetrator"},
    )
    story.event("2024-03-15", "risk_assessment", "child")
    story.replay(until="2024-03-29")
    assert raised("RSK-2") == []


def test_quiet_for_incidents_outside_a_plan_or_only_mentioning_the_family() -> None:
    story = family_on_a_plan()
    story.event("2024-02-26", "injury_observed", "child", agency="education")
    story.event(
        "2024-03-13",
        "police_incident",
        "child",
        "mum",
        roles={"child": "mentioned", "mum": "witness"},
    )
    story.replay(until="2024-03-29")
    assert raised("RSK-2") == []


def test_a_date_only_incident_on_the_first_day_of_a_summer_plan_counts() -> None:
    # In British Summer Time a date-only event is stored as 23:00 UTC the day before; the check
    # must read the London day, or this incident would fall outside the plan.
    story = Story()
    story.child()
    story.episode("child", "cp", "2024-06-03")
    story.event("2024-06-03", "injury_observed", "child", agency="education")
    story.replay(until="2024-06-14")
    assert raised_on("RSK-2") == dt.date(2024, 6, 10)
