"""A person's right of access (UK GDPR article 15): everything Threadline holds about them, with
other people's names taken out of the words and the sensitive categories withheld.

Withheld rather than redacted by the reader's rights: police intelligence (the crime
exemption), adoption records (exempt by their own law), and health notes (disclosed only after
the holding professional's serious-harm review) each need a decision by the agency that holds
them, so the pack says what is withheld and who to ask. Safeguarding records are never deleted;
a wrong entry is corrected by a new version, which the pack shows as the current one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from threadline import clock
from threadline.agencies.models import Practitioner
from threadline.casework.models import Involvement, StatusEpisode
from threadline.chronology.models import Event, EventPerson
from threadline.chronology.vocabulary import Sensitivity
from threadline.people.models import Person, Relationship

FORMAT = "threadline-subject-access"
VERSION = 1
ANOTHER_PERSON = "[another person]"
MIN_NAME = 2  # shorter fragments would blank out ordinary words


def _names_of(people: list[Person]) -> re.Pattern[str] | None:
    names = {
        part
        for person in people
        for name in (person.given_name, person.family_name, *_other_names(person))
        for part in name.split()
        if len(part) >= MIN_NAME
    }
    if not names:
        return None
    words = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b({words})\b", re.IGNORECASE)


def _other_names(person: Person) -> list[str]:
    return [f"{n.given_name} {n.family_name}" for n in person.names.all()]


def without_others(text: str, others: re.Pattern[str] | None, own: set[str]) -> str:
    """``text`` with every other person's name replaced; the subject's own names stay."""
    if others is None or not text:
        return text
    return others.sub(
        lambda match: match.group(0) if match.group(0).lower() in own else ANOTHER_PERSON, text
    )


def subject_access_pack(person: Person, *, by: Practitioner, reference: str) -> dict[str, Any]:
    links = list(
        EventPerson.objects.filter(person=person, is_current=True)
        .select_related("event__agency")
        .order_by("occurred_at", "event_id")
    )
    relationships = list(
        Relationship.objects.filter(person=person).select_related("relative")
    ) + list(Relationship.objects.filter(relative=person).select_related("person"))
    event_ids = [link.event_id for link in links]
    others = list(
        Person.objects.filter(event_links__event_id__in=event_ids)
        .exclude(pk=person.pk)
        .prefetch_related("names")
        .distinct()
    ) + [r.relative if r.person_id == person.pk else r.person for r in relationships]
    pattern = _names_of(others)
    own = {part.lower() for part in f"{person.given_name} {person.family_name}".split()}

    def clean(text: str) -> str:
        return without_others(text, pattern, own)

    return {
        "format": FORMAT,
        "version": VERSION,
        "reference": reference,
        "generated_at": clock.now().isoformat(),
        "prepared_by": by.get_full_name() or by.username,
        "person": {
            "given_name": person.given_name,
            "family_name": person.family_name,
            "other_names": [f"{n.given_name} {n.family_name}".strip() for n in person.names.all()],
            "date_of_birth": person.date_of_birth.isoformat() if person.date_of_birth else None,
            "nhs_number": person.nhs_number or None,
            "addresses": [
                {
                    "line1": a.line1,
                    "postcode": a.postcode,
                    "from": _day(a.lived_from),
                    "to": _day(a.lived_to),
                    "recorded_by": a.agency.name,
                }
                for a in person.addresses.select_related("agency").order_by("lived_from", "pk")
            ],
        },
        "agencies": [
            {"agency": i.agency.name, "opened": _day(i.opened_on), "closed": _day(i.closed_on)}
            for i in Involvement.objects.filter(person=person).select_related("agency")
        ],
        "status": [
            {
                "kind": e.get_kind_display(),
                "from": _day(e.started_on),
                "to": _day(e.ended_on),
                "reason": clean(e.reason),
            }
            for e in StatusEpisode.objects.filter(person=person).order_by("started_on", "pk")
        ],
        "relationships": [
            {"relationship": r.get_kind_display(), "with": ANOTHER_PERSON} for r in relationships
        ],
        "chronology": [_entry(link.event, clean) for link in links],
    }


def _entry(event: Event, clean: Callable[[str], str]) -> dict[str, Any]:
    entry = {
        "date": event.occurred_at.date().isoformat(),
        "type": event.get_event_type_display(),
        "agency": event.agency.name,
        "version": event.version,
    }
    if event.sensitivity:
        category = Sensitivity(event.sensitivity).label.lower()
        return {
            **entry,
            "withheld": f"{category}: ask {event.agency.name}, who decide what can be disclosed",
        }
    return {**entry, "summary": clean(event.summary), "detail": clean(event.detail)}


def _day(value: Any) -> str | None:
    return value.isoformat() if value else None
