"""The agency feed format, as a JSON Schema built from the record's own vocabularies.

``docs/feed.schema.json`` is this schema written out (``threadline feedschema``); a test keeps
the two the same, so the published format never drifts from what ingest accepts.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import fastjsonschema
from django.db import models

from threadline.agencies.models import AgencyKind, Nation, TeamKind
from threadline.casework.census import (
    AssessmentFactor,
    CategoryOfAbuse,
    PrimaryNeed,
    ReasonForClosure,
    ReferralSource,
)
from threadline.casework.models import EpisodeKind
from threadline.chronology.models import SubjectRole
from threadline.chronology.vocabulary import (
    EventType,
    Outcome,
    Reliability,
    Sensitivity,
    Significance,
)
from threadline.network.models import Arrangement, Basis
from threadline.people.models import LegalUnion, NameKind, RelationshipKind, Sex

SCHEMA_ID = "https://threadline.example/schemas/feed-record-1.json"
DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
OPTIONAL_DATE = {"anyOf": [DATE, {"type": "null"}]}
TEXT = {"type": "string", "maxLength": 1000}
SHORT_TEXT = {"type": "string", "maxLength": 200}
SOURCE_ID = {"type": "string", "minLength": 1, "maxLength": 100, "pattern": r"^\S(.*\S)?$"}


def _enum(choices: type[models.TextChoices], *, blank: bool = False) -> dict[str, Any]:
    values: list[Any] = [str(value) for value in choices.values]
    if blank:
        values.append(None)
    return {"enum": values}


def _record(kind: str, properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "kind": {"const": kind},
            "agency": {"type": "string", "pattern": r"^[a-z0-9_-]{1,40}$"},
            "id": SOURCE_ID,
            **properties,
        },
        "required": ["kind", "agency", "id", *required],
        "additionalProperties": False,
    }


PERSON_REF = {
    "description": "A person: the sending agency's own id for them, or another agency's id, "
    "or their NHS number.",
    "anyOf": [
        SOURCE_ID,
        {
            "type": "object",
            "properties": {"agency": {"type": "string"}, "id": SOURCE_ID},
            "required": ["agency", "id"],
            "additionalProperties": False,
        },
        {
            "type": "object",
            "properties": {"nhs_number": {"type": "string"}},
            "required": ["nhs_number"],
            "additionalProperties": False,
        },
    ],
}

NAME = {
    "type": "object",
    "properties": {
        "given": {"type": "string", "maxLength": 100},
        "family": {"type": "string", "maxLength": 100},
        "kind": _enum(NameKind),
    },
    "anyOf": [{"required": ["given"]}, {"required": ["family"]}],
    "additionalProperties": False,
}

ADDRESS = {
    "type": "object",
    "properties": {
        "line1": {"type": "string", "minLength": 1, "maxLength": 200},
        "line2": SHORT_TEXT,
        "town": {"type": "string", "maxLength": 100},
        "postcode": {"type": "string", "maxLength": 10},
        "local_authority": {"type": "string", "maxLength": 100},
        "from": OPTIONAL_DATE,
        "to": OPTIONAL_DATE,
    },
    "required": ["line1"],
    "additionalProperties": False,
}

HEADER = {
    "type": "object",
    "description": "An optional first line describing the file; ingest reads past it.",
    "properties": {"kind": {"const": "header"}, "title": SHORT_TEXT},
    "required": ["kind"],
}

AGENCY = {
    "type": "object",
    "description": "Registers an agency. Accepted from files an administrator ingests, never "
    "from an agency system's API token.",
    "properties": {
        "kind": {"const": "agency"},
        "code": {"type": "string", "pattern": r"^[a-z0-9_-]{1,40}$"},
        "name": {"type": "string", "minLength": 1, "maxLength": 200},
        "agency_kind": _enum(AgencyKind),
        "nation": _enum(Nation),
        "local_authority": {"type": "string", "maxLength": 100},
    },
    "required": ["kind", "code", "name", "agency_kind"],
    "additionalProperties": False,
}

PERSON = _record(
    "person",
    {
        "name": NAME,
        "other_names": {"type": "array", "items": NAME},
        "date_of_birth": OPTIONAL_DATE,
        "expected_date_of_birth": OPTIONAL_DATE,
        "date_of_death": OPTIONAL_DATE,
        "sex": _enum(Sex),
        "nhs_number": {"anyOf": [{"type": "string", "maxLength": 14}, {"type": "null"}]},
        "language": {"type": "string", "maxLength": 50},
        "identifiers": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "scheme": {"type": "string", "minLength": 1, "maxLength": 40},
                    "value": {"type": "string", "minLength": 1, "maxLength": 100},
                },
                "required": ["scheme", "value"],
                "additionalProperties": False,
            },
        },
        "addresses": {"type": "array", "items": ADDRESS},
    },
    ["name"],
)

RELATIONSHIP = _record(
    "relationship",
    {
        "person": PERSON_REF,
        "relative": PERSON_REF,
        "type": {
            **_enum(RelationshipKind),
            "description": "Read as: person is the <type> of relative.",
        },
        "parental_responsibility": {"type": "boolean"},
        "legal_union": {
            **_enum(LegalUnion),
            "description": "For partner and former_partner: married, civil partnership, or how "
            "it ended in law. A separation without a divorce stays 'married'.",
        },
        "from": OPTIONAL_DATE,
        "to": OPTIONAL_DATE,
    },
    ["person", "relative", "type"],
)

CONTACT_ARRANGEMENT = _record(
    "contact_arrangement",
    {
        "child": PERSON_REF,
        "adult": PERSON_REF,
        "arrangement": _enum(Arrangement),
        "basis": _enum(Basis),
        "frequency": SHORT_TEXT,
        "supervised_by": SHORT_TEXT,
        "conditions": TEXT,
        "from": OPTIONAL_DATE,
        "to": OPTIONAL_DATE,
    },
    ["child", "adult", "arrangement"],
)

INVOLVEMENT = _record(
    "involvement",
    {
        "person": PERSON_REF,
        "team": SHORT_TEXT,
        "team_kind": _enum(TeamKind),
        "lead_practitioner": SHORT_TEXT,
        "lead_practitioner_username": {"type": "string", "maxLength": 150},
        "reason": {"type": "string", "maxLength": 500},
        "opened": DATE,
        "closed": OPTIONAL_DATE,
    },
    ["person", "opened"],
)

STATUS_EPISODE = _record(
    "status_episode",
    {
        "person": PERSON_REF,
        "status": _enum(EpisodeKind),
        "start": DATE,
        "end": OPTIONAL_DATE,
        "reason": TEXT,
        "referral_source": _enum(ReferralSource, blank=True),
        "primary_need": _enum(PrimaryNeed, blank=True),
        "category_of_abuse": _enum(CategoryOfAbuse, blank=True),
        "closure_reason": _enum(ReasonForClosure, blank=True),
        "end_reason": TEXT,
        "factors": {"type": "array", "items": _enum(AssessmentFactor), "uniqueItems": True},
    },
    ["person", "status", "start"],
)

PLAN_OUTCOME = _record(
    "plan_outcome",
    {
        "episode": {
            "description": "The plan's status episode: the sending agency's id for it.",
            **SOURCE_ID,
        },
        "risk": TEXT,
        "change_wanted": TEXT,
        "achieve_by": OPTIONAL_DATE,
        "consequence": TEXT,
        "written": DATE,
    },
    ["episode", "written"],
)

EVENT = _record(
    "event",
    {
        "type": _enum(EventType),
        "occurred": {
            "type": "string",
            "description": "YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 date and time; the form "
            "given is the precision known.",
            "pattern": r"^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?"
            r"(Z|[+-]\d{2}:?\d{2})?)?)?)?$",
        },
        "recorded": {"type": "string", "description": "ISO 8601 date and time."},
        "practitioner": SHORT_TEXT,
        "practitioner_username": {"type": "string", "maxLength": 150},
        "people": {
            "type": "array",
            "minItems": 1,
            "items": {
                "anyOf": [
                    PERSON_REF,
                    {
                        "type": "object",
                        "properties": {"person": PERSON_REF, "role": _enum(SubjectRole)},
                        "required": ["person"],
                        "additionalProperties": False,
                    },
                ]
            },
        },
        "summary": {"type": "string", "minLength": 1, "maxLength": 500},
        "detail": {"type": "string", "maxLength": 20000},
        "reliability": _enum(Reliability),
        "significance": _enum(Significance),
        "sensitivity": {
            **_enum(Sensitivity),
            "description": "A category read more narrowly: only the recording agency, and "
            "those the category admits, read the summary and detail; others see that an entry "
            "is held, and by whom.",
        },
        "outcome": _enum(Outcome, blank=True),
        "due": OPTIONAL_DATE,
        "counterpart": {
            "type": "string",
            "pattern": r"^[a-z0-9_-]{1,40}$",
            "description": "The other agency's code: the agency told, invited or acknowledged.",
        },
        "refers_to": {
            "description": "The event this one answers (minutes for a meeting, an action "
            "completed): the sending agency's id, or another agency's.",
            "anyOf": [
                SOURCE_ID,
                {
                    "type": "object",
                    "properties": {"agency": {"type": "string"}, "id": SOURCE_ID},
                    "required": ["agency", "id"],
                    "additionalProperties": False,
                },
            ],
        },
    },
    ["type", "occurred", "people", "summary"],
)

RECORD_SCHEMAS: dict[str, dict[str, Any]] = {
    "header": HEADER,
    "agency": AGENCY,
    "person": PERSON,
    "relationship": RELATIONSHIP,
    "contact_arrangement": CONTACT_ARRANGEMENT,
    "involvement": INVOLVEMENT,
    "status_episode": STATUS_EPISODE,
    "plan_outcome": PLAN_OUTCOME,
    "event": EVENT,
}


def feed_schema() -> dict[str, Any]:
    """The whole schema of one feed line, as published in ``docs/feed.schema.json``."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Threadline agency feed record",
        "description": "One line of a Threadline feed (JSON Lines: one record per line). "
        "Re-sending a record with the same agency and id is idempotent; a changed record is "
        "an update, and a changed event is a new version that supersedes the old.",
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"enum": list(RECORD_SCHEMAS)}},
        "oneOf": [{"$ref": f"#/$defs/{kind}"} for kind in RECORD_SCHEMAS],
        "$defs": RECORD_SCHEMAS,
    }


@cache
def record_validator(kind: str) -> Any:
    """A compiled validator for one kind of record (compiled once; fast enough for bulk feeds)."""
    return fastjsonschema.compile(RECORD_SCHEMAS[kind])
