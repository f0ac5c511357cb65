"""A children's social care team with a worker and her managers, for the alert tests."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest

from tests.factories import PractitionerFactory, TeamFactory
from threadline import clock
from threadline.agencies.models import Agency, Role, TeamKind
from threadline.feeds.services import ingest_feed

LONDON = ZoneInfo("Europe/London")


def at(day: str, hour: int = 12) -> None:
    clock.set_now(dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=LONDON))


def feed(*records: dict) -> None:
    ingest_feed([json.dumps(record) for record in records])


@pytest.fixture
def ladder() -> dict[str, object]:
    """A children's social care agency with a worker and her managers."""
    at("2024-03-01")
    feed({"kind": "agency", "code": "csc", "name": "Northshire CSC", "agency_kind": "csc"})
    csc = Agency.objects.get(code="csc")
    team = TeamFactory(agency=csc, name="Assessment Team", kind=TeamKind.ASSESSMENT)
    service = PractitionerFactory(team=team, role=Role.SERVICE_MANAGER, username="service")
    manager = PractitionerFactory(team=team, role=Role.TEAM_MANAGER, manager=service, username="tm")
    practice = PractitionerFactory(
        team=team, role=Role.PRACTICE_MANAGER, manager=manager, username="pm"
    )
    worker = PractitionerFactory(team=team, manager=practice, username="sw")
    feed(
        {
            "kind": "person",
            "agency": "csc",
            "id": "child",
            "name": {"given": "Ada", "family": "Lane"},
            "date_of_birth": "2020-01-01",
        },
        {
            "kind": "involvement",
            "agency": "csc",
            "id": "inv",
            "person": "child",
            "team": "Assessment Team",
            "lead_practitioner_username": "sw",
            "opened": "2024-01-02",
        },
    )
    return {"worker": worker, "practice": practice, "manager": manager, "service": service}


def strategy_discussion(day: str, outcome: str = "single_assessment", event_id: str = "sd") -> None:
    at(day)
    feed(
        {
            "kind": "event",
            "agency": "csc",
            "id": event_id,
            "type": "strategy_discussion",
            "occurred": day,
            "people": ["child"],
            "summary": "Strategy discussion",
            "outcome": outcome,
        }
    )
