"""The transfer pack format (version 1), as a JSON Schema built from the record's vocabularies.

``docs/transfer-pack.schema.json`` is this schema written out (``threadline transferschema``); a
test keeps the two the same, so the published format never drifts from what import accepts.
The schema describes the signed file: ``pack`` is what is signed, ``signature`` the base64
Ed25519 signature of the pack's canonical JSON, ``key_id`` the sending authority's code.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import fastjsonschema
from django.db import models

from threadline.agencies.models import Nation
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
    DatePrecision,
    EventType,
    Outcome,
    Reliability,
    Significance,
)
from threadline.feeds.schema import ADDRESS, DATE, NAME, OPTIONAL_DATE, SHORT_TEXT, TEXT
from threadline.meetings.models import MeetingKind, MeetingStatus
from threadline.people.models import RelationshipKind, Sex
from threadline.plans.models import ContactTerms
from threadline.transfers.models import AUTHORITY_CODE_PATTERN

FORMAT = "threadline-transfer-pack"
VERSION = 1
SCHEMA_ID = "https://threadline.example/schemas/transfer-pack-1.json"

DATETIME = {
    "type": "string",
    "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$",
}
OPTIONAL_DATETIME = {"anyOf": [DATETIME, {"type": "null"}]}
OCCURRED = {
    "type": "string",
    "description": "YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 date and time: the form given is "
    "the precision the recording agency knew.",
    "pattern": r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$",
}
LONG_TEXT = {"type": "string", "maxLength": 20000}
AUTHORITY_CODE = {"type": "string", "pattern": AUTHORITY_CODE_PATTERN}
REF = {
    "type": "string",
    "description": "A person in this pack: the sending Threadline's id for them.",
    "pattern": r"^\S{1,100}$",
}
ENTRY_ID = {
    "type": "string",
    "description": "The record's id in the sending Threadline: the recording agency's code and "
    "its own id for the record, stable across packs.",
    "minLength": 3,
    "maxLength": 200,
    "pattern": r"^[a-z0-9_-]{1,40}:\S(.*\S)?$",
}
AGENCY = {
    "type": "object",
    "description": "An agency of the sending authority.",
    "properties": {"code": {"type": "string"}, "name": SHORT_TEXT, "kind": {"type": "string"}},
    "required": ["code", "name"],
    "additionalProperties": False,
}


def _enum(choices: type[models.TextChoices], *, blank: bool = False) -> dict[str, Any]:
    values = [str(value) for value in choices.values]
    return {"enum": [*values, ""] if blank else values}


def _object(properties: dict[str, Any], *, optional: tuple[str, ...] = ()) -> dict[str, Any]:
    """An object with exactly these properties, all required but ``optional``."""
    return {
        "type": "object",
        "properties": properties,
        "required": [name for name in properties if name not in optional],
        "additionalProperties": False,
    }


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/$defs/{name}"}


def _list(item: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": item}


PERSON_FIELDS: dict[str, Any] = {
    "ref": REF,
    "name": NAME,
    "other_names": _list(NAME),
    "date_of_birth": OPTIONAL_DATE,
    "expected_date_of_birth": OPTIONAL_DATE,
    "date_of_death": OPTIONAL_DATE,
    "sex": _enum(Sex),
    "nhs_number": {"type": "string", "pattern": r"^(\d{10})?$"},
    "language": {"type": "string", "maxLength": 50},
    "identifiers": _list(
        _object(
            {
                "scheme": {"type": "string", "minLength": 1, "maxLength": 40},
                "value": {"type": "string", "minLength": 1, "maxLength": 100},
            }
        )
    ),
    "addresses": _list(ADDRESS),
}

DEFS: dict[str, Any] = {
    "agency": AGENCY,
    "person": {
        **_object(PERSON_FIELDS),
        "description": "A person as the sending Threadline knows them, joined up from every "
        "agency's record: names and other names, dates, NHS number, identifiers, address "
        "history.",
    },
    "network_person": {
        **_object(
            {
                **PERSON_FIELDS,
                "relation_to_child": {
                    "type": "string",
                    "maxLength": 200,
                    "description": "What they are to the child, in words (Mother, Partner of "
                    "the mother).",
                },
            }
        ),
    },
    "relationship": _object(
        {
            "id": ENTRY_ID,
            "person": REF,
            "relative": REF,
            "type": {
                **_enum(RelationshipKind),
                "description": "Read as: person is the <type> of relative.",
            },
            "parental_responsibility": {"type": "boolean"},
            "from": OPTIONAL_DATE,
            "to": OPTIONAL_DATE,
            "recorded_by": SHORT_TEXT,
        }
    ),
    "status_episode": _object(
        {
            "id": ENTRY_ID,
            "agency": _ref("agency"),
            "status": _enum(EpisodeKind),
            "start": DATE,
            "end": OPTIONAL_DATE,
            "current": {"type": "boolean"},
            "reason": TEXT,
            "referral_source": _enum(ReferralSource, blank=True),
            "primary_need": _enum(PrimaryNeed, blank=True),
            "category_of_abuse": _enum(CategoryOfAbuse, blank=True),
            "closure_reason": _enum(ReasonForClosure, blank=True),
            "end_reason": TEXT,
            "factors": {"type": "array", "items": _enum(AssessmentFactor), "uniqueItems": True},
        }
    ),
    "plan_outcome": _object(
        {
            "id": ENTRY_ID,
            "risk": TEXT,
            "change_wanted": TEXT,
            "achieve_by": OPTIONAL_DATE,
            "consequence": TEXT,
            "written": DATE,
        }
    ),
    "plan": {
        **_object(
            {
                "episode": ENTRY_ID,
                "status": _enum(EpisodeKind),
                "agency": SHORT_TEXT,
                "reason_for_referral": LONG_TEXT,
                "focus": LONG_TEXT,
                "focus_change_rationale": LONG_TEXT,
                "started_on": OPTIONAL_DATE,
                "review_by": OPTIONAL_DATE,
                "outcomes": _list(_ref("plan_outcome")),
                "actions": _list(
                    _object(
                        {
                            "description": LONG_TEXT,
                            "agency": SHORT_TEXT,
                            "owner": SHORT_TEXT,
                            "due": DATE,
                            "completed": OPTIONAL_DATE,
                        }
                    )
                ),
                "written_agreements": _list(
                    _object(
                        {
                            "text": LONG_TEXT,
                            "about": {"anyOf": [REF, {"type": "null"}]},
                            "about_name": SHORT_TEXT,
                            "contact": _enum(ContactTerms),
                            "monitor_agency": SHORT_TEXT,
                            "monitor_name": SHORT_TEXT,
                            "agreed": DATE,
                            "evidence": _list(
                                _object(
                                    {"on": DATE, "note": LONG_TEXT, "breach": {"type": "boolean"}}
                                )
                            ),
                        }
                    )
                ),
            }
        ),
        "description": "The current child in need or child protection plan: the outcomes, "
        "each with the risk, the change wanted, by when and the consequence; actions; written "
        "agreements with their monitor and evidence. Plan details other than the outcomes are "
        "empty where the plan was sent by an agency's feed rather than written in Threadline.",
    },
    "meeting": _object(
        {
            "kind": _enum(MeetingKind),
            "status": _enum(MeetingStatus),
            "scheduled_for": DATETIME,
            "held_at": OPTIONAL_DATETIME,
            "convened_by": SHORT_TEXT,
            "chair": SHORT_TEXT,
            "venue": SHORT_TEXT,
            "attended": _list(SHORT_TEXT),
            "apologies": _list(SHORT_TEXT),
            "decisions": _list(_object({"outcome": {"type": "string"}, "text": LONG_TEXT})),
            "open_actions": _list(
                _object(
                    {
                        "description": LONG_TEXT,
                        "agency": SHORT_TEXT,
                        "owner": SHORT_TEXT,
                        "due": DATE,
                    }
                )
            ),
        }
    ),
    "contact": {
        **_object(
            {
                "agency": _ref("agency"),
                "with": REF,
                "team": SHORT_TEXT,
                "lead_practitioner": SHORT_TEXT,
                "email": {"type": "string", "maxLength": 254},
                "since": DATE,
            }
        ),
        "description": "An agency with an open involvement with the child or a parent or "
        "carer, and who leads its work.",
    },
    "chronology_entry": _object(
        {
            "id": ENTRY_ID,
            "agency": _ref("agency"),
            "type": _enum(EventType),
            "date": OCCURRED,
            "precision": _enum(DatePrecision),
            "recorded_at": DATETIME,
            "summary": {"type": "string", "minLength": 1, "maxLength": 500},
            "detail": LONG_TEXT,
            "reliability": _enum(Reliability),
            "significance": _enum(Significance),
            "outcome": _enum(Outcome, blank=True),
            "due": OPTIONAL_DATE,
            "practitioner": SHORT_TEXT,
            "people": {
                "type": "array",
                "minItems": 1,
                "items": _object({"ref": REF, "role": _enum(SubjectRole)}),
            },
            "refers_to": {
                "description": "The entry this one answers, where it is in the pack.",
                "anyOf": [ENTRY_ID, {"type": "null"}],
            },
            "version": {"type": "integer", "minimum": 1},
        }
    ),
}

PACK = {
    **_object(
        {
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            "generated_at": DATETIME,
            "sending_authority": _object(
                {
                    "code": AUTHORITY_CODE,
                    "name": SHORT_TEXT,
                    "local_authority": {"type": "string", "maxLength": 100},
                    "nation": _enum(Nation),
                }
            ),
            "receiving_authority": _object(
                {
                    "code": {"type": "string", "maxLength": 40},
                    "name": {"type": "string", "minLength": 1, "maxLength": 200},
                }
            ),
            "sent_by": _object(
                {
                    "name": SHORT_TEXT,
                    "email": {"type": "string", "maxLength": 254},
                    "job_title": SHORT_TEXT,
                    "agency": SHORT_TEXT,
                }
            ),
            "reason": {"type": "string", "minLength": 1, "maxLength": 4000},
            "reason_for_referral": {
                "description": "Why the child first came to notice, kept at the head of "
                "everything (Children Ag).",
                "anyOf": [
                    _object(
                        {
                            "reason": TEXT,
                            "on": DATE,
                            "agency": SHORT_TEXT,
                            "episode": SHORT_TEXT,
                            "referral_source": SHORT_TEXT,
                        }
                    ),
                    {"type": "null"},
                ],
            },
            "move": {
                "description": "The move to another authority's area, as last recorded.",
                "anyOf": [
                    _object({"date": DATE, "summary": TEXT, "recorded_by": SHORT_TEXT}),
                    {"type": "null"},
                ],
            },
            "child": _ref("person"),
            "status_episodes": _list(_ref("status_episode")),
            "plan": {"anyOf": [_ref("plan"), {"type": "null"}]},
            "meetings": _list(_ref("meeting")),
            "network": _object(
                {
                    "people": _list(_ref("network_person")),
                    "relationships": _list(_ref("relationship")),
                }
            ),
            "contacts": _list(_ref("contact")),
            "chronology": _list(_ref("chronology_entry")),
        }
    ),
    "description": "What one child's case hands over: who the child is, why they were "
    "referred, their statuses and plan, recent meetings, family network, the practitioners to "
    "contact, and the whole multi-agency chronology.",
}


def pack_schema() -> dict[str, Any]:
    """The whole schema of a signed transfer pack, as published in docs/."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Threadline transfer pack",
        "description": "A child's case handed from one local authority's Threadline to "
        "another's. 'pack' is signed: 'signature' is the base64 Ed25519 signature of the "
        "pack's canonical JSON (keys sorted, no whitespace, UTF-8) by the sending authority's "
        "key, named by 'key_id'.",
        **_object(
            {
                "pack": _ref("pack"),
                "signature": {"type": "string", "pattern": r"^[A-Za-z0-9+/]+={0,2}$"},
                "key_id": AUTHORITY_CODE,
            }
        ),
        "$defs": {"pack": PACK, **DEFS},
    }


@cache
def pack_validator() -> Any:
    """A compiled validator of the pack alone (what is signed)."""
    return fastjsonschema.compile({"$ref": "#/$defs/pack", "$defs": {"pack": PACK, **DEFS}})
