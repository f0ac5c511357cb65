"""Feed records for tests, built as the agencies would send them (synthetic people only)."""

from __future__ import annotations

import json
from typing import Any

VALID_NHS = ["9434765919", "9434765870", "9434765889", "4010232137"]


def agency(code: str = "csc", kind: str = "csc") -> dict[str, Any]:
    return {"kind": "agency", "code": code, "name": f"Northshire {code}", "agency_kind": kind}


def person(source_id: str, agency_code: str = "csc", **fields: Any) -> dict[str, Any]:
    record = {
        "kind": "person",
        "agency": agency_code,
        "id": source_id,
        "name": {"given": "Lily", "family": "Hartley"},
        "date_of_birth": "2019-04-02",
        "sex": "female",
    }
    record.update(fields)
    return record


def relationship(source_id: str, person_ref: Any, relative: Any, **fields: Any) -> dict[str, Any]:
    return {
        "kind": "relationship",
        "agency": fields.pop("agency", "csc"),
        "id": source_id,
        "person": person_ref,
        "relative": relative,
        "type": fields.pop("type", "parent"),
        **fields,
    }


def involvement(source_id: str, person_ref: Any, **fields: Any) -> dict[str, Any]:
    return {
        "kind": "involvement",
        "agency": fields.pop("agency", "csc"),
        "id": source_id,
        "person": person_ref,
        "opened": fields.pop("opened", "2024-01-10"),
        **fields,
    }


def episode(source_id: str, person_ref: Any, **fields: Any) -> dict[str, Any]:
    return {
        "kind": "status_episode",
        "agency": fields.pop("agency", "csc"),
        "id": source_id,
        "person": person_ref,
        "status": fields.pop("status", "cin"),
        "start": fields.pop("start", "2024-02-01"),
        **fields,
    }


def event(source_id: str, people: list[Any], **fields: Any) -> dict[str, Any]:
    return {
        "kind": "event",
        "agency": fields.pop("agency", "csc"),
        "id": source_id,
        "type": fields.pop("type", "home_visit"),
        "occurred": fields.pop("occurred", "2024-03-05"),
        "people": people,
        "summary": fields.pop("summary", "Home visit; child seen in her bedroom"),
        **fields,
    }


def lines(*records: dict[str, Any]) -> list[str]:
    return [json.dumps(record) for record in records]


def family_feed() -> list[str]:
    """A small family known to social care and the police."""
    return lines(
        agency("csc", "csc"),
        agency("police", "police"),
        person("C1", nhs_number=VALID_NHS[0]),
        person(
            "C2",
            name={"given": "Owen", "family": "Hartley"},
            sex="male",
            date_of_birth="1994-08-19",
        ),
        person(
            "P1", "police", name={"given": "Lilly", "family": "Hartley"}, nhs_number=VALID_NHS[0]
        ),
        relationship("R1", "C2", "C1", parental_responsibility=True),
        involvement("I1", "C1", team="Assessment Team", team_kind="assessment"),
        episode("S1", "C1", reason="Domestic abuse reported by school", factors=["3B"]),
        event("E1", ["C1"]),
        event(
            "E2",
            [{"agency": "csc", "id": "C2"}, {"person": "P1", "role": "victim"}],
            agency="police",
            type="domestic_abuse_incident",
            occurred="2024-03-01T23:40",
            summary="Call from neighbour; shouting heard",
            reliability="third_party",
        ),
    )
