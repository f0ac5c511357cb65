"""Sensitive categories: sexual health, mental health notes, police intelligence and adoption
are read more narrowly than the rest of the record. Whoever may see the child but not the
category sees that an entry exists, when, of what kind and held by whom, with its words
redacted: so that they know to ask, and nothing is silently missing from a chronology.

Every surface that shows an event's words (the page, print, CSV, the risk panel, the transfer
pack) reads them through ``words_for``, or ``may_read_held`` and ``restricted_summary`` where the
entry was read as plain values.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q

from threadline.agencies.models import AgencyKind, Practitioner
from threadline.casework.models import Involvement
from threadline.chronology.models import Event, EventPerson
from threadline.chronology.vocabulary import Sensitivity
from threadline.people.models import Relationship

HEALTH = frozenset(
    {
        AgencyKind.GP,
        AgencyKind.MIDWIFERY,
        AgencyKind.HEALTH_VISITING,
        AgencyKind.SCHOOL_NURSING,
        AgencyKind.HOSPITAL,
        AgencyKind.ADULT_MENTAL_HEALTH,
    }
)
# Beyond the recording agency, who may read each category.
READ_BY: dict[str, frozenset[str]] = {
    Sensitivity.SEXUAL_HEALTH: frozenset(),  # the clinic alone
    Sensitivity.MENTAL_HEALTH: HEALTH,
    Sensitivity.POLICE_INTELLIGENCE: frozenset({AgencyKind.POLICE}),
    Sensitivity.ADOPTION: frozenset({AgencyKind.CHILDRENS_SOCIAL_CARE, AgencyKind.CAFCASS}),
}
# The front door reads police intelligence under the MASH information-sharing agreement.
MASH_READS = frozenset({Sensitivity.POLICE_INTELLIGENCE})


@dataclass(frozen=True)
class Words:
    summary: str
    detail: str
    redacted: bool


def may_read(viewer: Practitioner | None, event: Event) -> bool:
    """Whether ``viewer`` reads the words of ``event``; None is Threadline itself (a check)."""
    return may_read_held(viewer, sensitivity=event.sensitivity, agency_id=event.agency_id)


def may_read_held(viewer: Practitioner | None, *, sensitivity: str, agency_id: int) -> bool:
    """``may_read`` for an entry read as plain values, with no ``Event`` made for it."""
    if not sensitivity or viewer is None:
        return True
    if viewer.agency_id == agency_id:
        return True
    agency = viewer.agency
    if agency is not None and agency.kind in READ_BY.get(sensitivity, frozenset()):
        return True
    return viewer.is_mash and sensitivity in MASH_READS


def restricted_summary(sensitivity: str, agency_name: str) -> str:
    """What stands in for the words of an entry the reader may not read."""
    category = Sensitivity(sensitivity).label.lower()
    return f"Restricted: {category} held by {agency_name}. Ask them if you need it."


def readable_by(viewer: Practitioner) -> Q:
    """The events whose words ``viewer`` reads, as a filter on ``Event`` (``prefix`` aside)."""
    agency = viewer.agency
    categories = {
        category for category, kinds in READ_BY.items() if agency and agency.kind in kinds
    }
    if viewer.is_mash:
        categories |= MASH_READS
    return Q(sensitivity="") | Q(agency_id=viewer.agency_id) | Q(sensitivity__in=categories)


def known_only_where_restricted(viewer: Practitioner) -> Q:
    """People named on sensitive entries ``viewer`` may not read and in nothing else that
    Threadline holds (no other entry, involvement or relationship): to find them by name
    would tell what the entries are restricted to keep."""
    current = EventPerson.objects.filter(person=OuterRef("pk"), is_current=True)
    readable_events = Event.objects.filter(readable_by(viewer)).values("pk")
    unreadable = current.exclude(event__in=readable_events)
    readable = current.filter(event__in=readable_events)
    return (
        Q(Exists(unreadable))
        & ~Q(Exists(readable))
        & ~Q(Exists(Involvement.objects.filter(person=OuterRef("pk"))))
        & ~Q(Exists(Relationship.objects.filter(person=OuterRef("pk"))))
        & ~Q(Exists(Relationship.objects.filter(relative=OuterRef("pk"))))
    )


def words_for(viewer: Practitioner | None, event: Event) -> Words:
    if may_read(viewer, event):
        return Words(event.summary, event.detail, redacted=False)
    return Words(restricted_summary(event.sensitivity, event.agency.name), "", redacted=True)
