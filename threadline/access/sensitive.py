"""Sensitive categories: sexual health, mental health notes, police intelligence and adoption
are read more narrowly than the rest of the record. Whoever may see the child but not the
category sees that an entry exists, when, of what kind and held by whom, with its words
redacted: so that they know to ask, and nothing is silently missing from a chronology.

Every surface that shows an event's words (the page, print, CSV, the risk panel, the transfer
pack) reads them through ``words_for``.
"""

from __future__ import annotations

from dataclasses import dataclass

from threadline.agencies.models import AgencyKind, Practitioner
from threadline.chronology.models import Event
from threadline.chronology.vocabulary import Sensitivity

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
    if not event.sensitivity or viewer is None:
        return True
    if viewer.agency_id == event.agency_id:
        return True
    agency = viewer.agency
    if agency is not None and agency.kind in READ_BY.get(event.sensitivity, frozenset()):
        return True
    return viewer.is_mash and event.sensitivity in MASH_READS


def words_for(viewer: Practitioner | None, event: Event) -> Words:
    if may_read(viewer, event):
        return Words(event.summary, event.detail, redacted=False)
    category = Sensitivity(event.sensitivity).label.lower()
    return Words(
        f"Restricted: {category} held by {event.agency.name}. Ask them if you need it.",
        "",
        redacted=True,
    )
