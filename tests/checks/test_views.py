"""Alerts in the web UI: the inbox, one alert with its finding, acting on it, the dashboard."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.checks.family import at, strategy_discussion
from tests.factories import PractitionerFactory, TeamFactory
from threadline.access.models import AuditEntry
from threadline.agencies.models import Agency, AgencyKind
from threadline.checks.engine import tick
from threadline.checks.models import Alert, AlertState, Resolution

pytestmark = pytest.mark.django_db


def signed_in(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


@pytest.fixture
def raised(ladder: dict) -> Alert:
    strategy_discussion("2024-03-04")
    at("2024-03-06", 1)
    tick()
    at("2024-03-06", 10)
    return Alert.objects.get(check_id="DEC-1")


def test_the_worker_sees_the_alert_with_what_why_and_by_when(ladder: dict, raised: Alert) -> None:
    client = signed_in(ladder["worker"])
    inbox = client.get("/alerts/").content.decode()
    assert "DEC-1" in inbox
    page = client.get(f"/alerts/{raised.pk}/").content.decode()
    assert "Start the action the strategy discussion decided" in page
    assert "The single assessment did not take place" in page, "the finding is quoted"
    assert "Tuesday 5 March 2024" in page
    child_page = client.get(f"/people/{raised.subject_id}/").content.decode()
    assert "DEC-1" in child_page


def test_recording_the_action_closes_the_alert(ladder: dict, raised: Alert) -> None:
    client = signed_in(ladder["worker"])
    response = client.post(
        f"/alerts/{raised.pk}/",
        {
            "form": "action",
            "event_type": "assessment_started",
            "outcome": "single_assessment",
            "occurred": "2024-03-06",
            "summary": "Single assessment started; visit booked",
        },
        follow=True,
    )
    assert "alert closed" in response.content.decode()
    raised.refresh_from_db()
    assert (raised.state, raised.resolution) == (AlertState.RESOLVED, Resolution.DONE)


def test_a_judgement_without_a_reason_is_refused(ladder: dict, raised: Alert) -> None:
    client = signed_in(ladder["worker"])
    response = client.post(f"/alerts/{raised.pk}/", {"form": "judgement", "reason": "no"})
    assert response.status_code == 200 and "govuk-error-message" in response.content.decode()
    raised.refresh_from_db()
    assert raised.state == AlertState.RAISED


def test_an_outsider_cannot_open_the_alert_and_the_attempt_is_audited(raised: Alert) -> None:
    police = Agency.objects.create(
        code="other-police", name="Elsewhere Police", kind=AgencyKind.POLICE
    )
    outsider = PractitionerFactory(team=TeamFactory(agency=police))
    response = signed_in(outsider).get(f"/alerts/{raised.pk}/")
    assert response.status_code == 404
    assert AuditEntry.objects.filter(actor=outsider, action="denied").exists()
    assert "DEC-1" not in signed_in(outsider).get("/alerts/").content.decode()


def test_the_manager_sees_it_escalated_to_them(ladder: dict, raised: Alert) -> None:
    for day in ("2024-03-08", "2024-03-12"):
        at(day, 1)
        tick()
    at("2024-03-12", 10)
    manager = signed_in(ladder["manager"])
    assert "Escalated to you" in manager.get("/alerts/").content.decode()
    board = manager.get("/alerts/team/").content.decode()
    assert "DEC-1" in board and "escalated" in board
