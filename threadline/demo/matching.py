"""A possible match for the review queue: probation's record of Child Ak's father, made before
anyone joined it to social care's. The birth date is a digit out, the address is his hostel's
and there is no NHS number, so Threadline is not sure enough to merge; a manager decides, and
his custody and release then show on Ak's page."""

from __future__ import annotations

from typing import Any

from threadline.demo.records import to_line

FATHER = {
    "kind": "person",
    "agency": "probation",
    "id": "pr-ak-father",
    "name": {"given": "Ak's father", "family": "Harding"},
    "date_of_birth": "1990-09-08",
    "sex": "male",
    "addresses": [
        {"line1": "Approved premises, 2 Mill Road", "town": "Northtown", "postcode": "NT1 1AA"}
    ],
}


def _event(source_id: str, kind: str, occurred: str, summary: str) -> dict[str, Any]:
    return {
        "kind": "event",
        "agency": "probation",
        "id": source_id,
        "type": kind,
        "occurred": occurred,
        "people": [{"person": "pr-ak-father", "role": "subject"}],
        "summary": summary,
        "reliability": "verified",
    }


def possible_match_lines() -> list[str]:
    records = [
        FATHER,
        _event("pr-ak-1", "custody_start", "2014-02-10", "Sentenced: 18 months, supply of class A"),
        _event(
            "pr-ak-2",
            "release_from_custody",
            "2014-11-03",
            "Released on licence to approved premises; licence condition: no unsupervised "
            "contact with children under 16",
        ),
    ]
    return [to_line(record) for record in records]
