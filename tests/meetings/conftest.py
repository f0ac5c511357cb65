"""A child known to social care, the police, a GP, a school and a health visitor, with the
practitioners who meet about her."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.checks.family import at, feed
from tests.factories import PractitionerFactory, TeamFactory
from threadline.agencies.models import Agency, Practitioner, Role, TeamKind
from threadline.people.models import Person, PersonRecord

AGENCIES = ("csc", "police", "gp", "education", "health_visiting", "housing")


@dataclass
class Family:
    child: Person
    mother: Person
    father: Person
    agencies: dict[str, Agency]
    worker: Practitioner
    practice: Practitioner
    manager: Practitioner
    service: Practitioner
    chair: Practitioner
    staff: dict[str, Practitioner]


def _person(pid: str, given: str, born: str, sex: str) -> dict:
    return {
        "kind": "person",
        "agency": "csc",
        "id": pid,
        "name": {"given": given, "family": "Marsh"},
        "date_of_birth": born,
        "sex": sex,
    }


def _involvement(agency: str, person: str, **extra: str) -> dict:
    return {
        "kind": "involvement",
        "agency": agency,
        "id": f"{agency}-{person}",
        "person": {"agency": "csc", "id": person},
        "opened": "2024-01-02",
        **extra,
    }


@pytest.fixture
def family() -> Family:
    at("2024-03-01")
    feed(
        *(
            {"kind": "agency", "code": c, "name": f"Northshire {c}", "agency_kind": c}
            for c in AGENCIES
        )
    )
    agencies = {code: Agency.objects.get(code=code) for code in AGENCIES}
    team = TeamFactory(
        agency=agencies["csc"], name="Child Protection Team", kind=TeamKind.CHILD_PROTECTION
    )
    service = PractitionerFactory(team=team, role=Role.SERVICE_MANAGER, username="service")
    manager = PractitionerFactory(team=team, role=Role.TEAM_MANAGER, manager=service, username="tm")
    practice = PractitionerFactory(
        team=team, role=Role.PRACTICE_MANAGER, manager=manager, username="pm"
    )
    worker = PractitionerFactory(team=team, manager=practice, username="sw")
    chair = PractitionerFactory(team=team, role=Role.CP_CHAIR, username="chair")
    staff = {
        code: PractitionerFactory(
            team=TeamFactory(agency=agencies[code], name=f"{code} safeguarding"),
            role=Role.SAFEGUARDING_LEAD,
            username=f"{code}.lead",
        )
        for code in AGENCIES
        if code != "csc"
    }
    feed(
        _person("child", "Ada", "2019-06-01", "female"),
        _person("mother", "Beth", "1994-02-03", "female"),
        _person("father", "Carl", "1990-09-09", "male"),
        {
            "kind": "relationship",
            "agency": "csc",
            "id": "r1",
            "person": "mother",
            "relative": "child",
            "type": "parent",
            "parental_responsibility": True,
        },
        {
            "kind": "relationship",
            "agency": "csc",
            "id": "r2",
            "person": "father",
            "relative": "child",
            "type": "parent",
            "parental_responsibility": True,
        },
        {
            "kind": "status_episode",
            "agency": "csc",
            "id": "ep1",
            "person": "child",
            "status": "cin",
            "start": "2024-01-02",
            "reason": "Domestic abuse between the parents, reported by the police",
        },
        _involvement("csc", "child", team="Child Protection Team", lead_practitioner_username="sw"),
        _involvement("police", "child"),
        _involvement("gp", "child"),
        _involvement("education", "child"),
        _involvement("health_visiting", "child"),
        _involvement("housing", "mother"),
    )
    people = {r.source_id: r.person for r in PersonRecord.objects.filter(agency__code="csc")}
    return Family(
        child=people["child"],
        mother=people["mother"],
        father=people["father"],
        agencies=agencies,
        worker=worker,
        practice=practice,
        manager=manager,
        service=service,
        chair=chair,
        staff=staff,
    )
