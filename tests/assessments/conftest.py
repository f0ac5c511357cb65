"""The meetings' family (a child, her mother and father, the agencies and practitioners around
them), with the police also working with the mother, for the DASH checklist."""

from __future__ import annotations

import pytest

from tests.checks.family import at, feed
from tests.meetings.conftest import Family, family

__all__ = ["family", "incident", "police_know_mother"]


def police_know_mother() -> None:
    feed(
        {
            "kind": "involvement",
            "agency": "police",
            "id": "police-mother",
            "person": {"agency": "csc", "id": "mother"},
            "opened": "2024-01-02",
        }
    )


def incident(day: str, event_id: str = "da1") -> None:
    """The police record a domestic abuse incident: the mother the victim, the father the alleged
    perpetrator, the child present."""
    at(day, 9)
    feed(
        {
            "kind": "event",
            "agency": "police",
            "id": event_id,
            "type": "domestic_abuse_incident",
            "occurred": f"{day}T02:00",
            "people": [
                {"person": {"agency": "csc", "id": "mother"}, "role": "victim"},
                {"person": {"agency": "csc", "id": "father"}, "role": "alleged_perpetrator"},
                {"person": {"agency": "csc", "id": "child"}, "role": "witness"},
            ],
            "summary": "Police called to a domestic abuse incident at the family home",
        }
    )


@pytest.fixture
def mothers_family(family: Family) -> Family:
    police_know_mother()
    return family
