import datetime as dt

import pytest

from tests.checks.story import Story, raised, raised_on
from threadline.checks.models import StepKind
from threadline.clock import local_date

pytestmark = pytest.mark.django_db


def family() -> Story:
    story = Story()
    story.child()
    story.involve("child", team="Child in need", team_kind="cin")
    story.involve("child", agency="education", opened="2023-09-04")
    return story


def test_fires_after_five_working_days_and_climbs_a_stage_every_five() -> None:
    story = family()
    story.event("2024-06-03", "escalation", "child", agency="education", counterpart="csc")
    story.replay(until="2024-07-05")
    assert raised_on("WRK-2") == dt.date(2024, 6, 10)
    alert = raised("WRK-2")[0]
    climbed = [local_date(s.at) for s in alert.steps.filter(kind=StepKind.ESCALATED)]
    assert climbed == [dt.date(2024, 6, 17), dt.date(2024, 6, 24), dt.date(2024, 7, 1)]
    assert "raised by school or early years on 03 Jun 2024" in alert.what


def test_quiet_when_the_disagreement_is_resolved_in_time() -> None:
    story = family()
    escalation = story.event("2024-06-03", "escalation", "child", agency="education")
    story.event(
        "2024-06-06",
        "escalation_resolved",
        "child",
        refers_to={"agency": "education", "id": escalation},
    )
    story.replay(until="2024-07-05")
    assert raised("WRK-2") == []


def test_a_resolution_naming_no_escalation_answers_the_oldest_open_one() -> None:
    story = family()
    story.event("2024-06-03", "escalation", "child", agency="education")
    story.event("2024-06-05", "escalation", "child", agency="health_visiting")
    story.event("2024-06-06", "escalation_resolved", "child")
    story.replay(until="2024-06-14")
    alerts = raised("WRK-2")
    assert len(alerts) == 1 and "05 Jun 2024" in alerts[0].what
    assert raised_on("WRK-2") == dt.date(2024, 6, 12)


def test_a_late_resolution_closes_the_alert() -> None:
    story = family()
    escalation = story.event("2024-06-03", "escalation", "child", agency="education")
    story.event(
        "2024-06-19",
        "escalation_resolved",
        "child",
        agency="education",
        refers_to={"agency": "education", "id": escalation},
    )
    story.replay(until="2024-06-21")
    alert = raised("WRK-2")[0]
    assert alert.state == "resolved" and alert.resolution == "done"
