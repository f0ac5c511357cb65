"""Chronology entries as the page shows them.

A page of fifty entries is the hottest thing Threadline renders, so each row's words and tag
colours are worked out here, once, in plain Python; the template then only places them. (Django's
date filter and a dozen template filters per row cost more than every database query together.)
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from threadline.chronology.models import Event, SubjectRole
from threadline.chronology.selectors import ChronologyEntry
from threadline.chronology.vocabulary import DatePrecision, EventType, Reliability, Significance
from threadline.people.models import Person

# Plain dictionaries: Django's get_FOO_display() rebuilds its lookup from the choices on every
# call, which at fifty rows a page is measurable.
EVENT_TYPES: dict[str, str] = dict(EventType.choices)
RELIABILITIES: dict[str, str] = dict(Reliability.choices)
SIGNIFICANCES: dict[str, str] = dict(Significance.choices)
ROLES: dict[str, str] = dict(SubjectRole.choices)

RELIABILITY_TAGS: dict[str, str] = {
    Reliability.VERIFIED: "govuk-tag--green",
    Reliability.SELF_REPORTED: "govuk-tag--yellow",
    Reliability.THIRD_PARTY: "govuk-tag--grey",
}
SIGNIFICANCE_TAGS: dict[str, str] = {
    Significance.CRITICAL: "govuk-tag--red",
    Significance.SIGNIFICANT: "govuk-tag--orange",
    Significance.ROUTINE: "govuk-tag--grey",
}


def occurred_text(event: Event) -> str:
    """When the event happened, saying no more than the source knew: 'March 2024', not
    '1 Mar 2024', for an event known only to the month."""
    local = timezone.localtime(event.occurred_at)
    if event.precision == DatePrecision.YEAR:
        return f"{local:%Y}"
    if event.precision == DatePrecision.MONTH:
        return f"{local:%B %Y}"
    if event.precision == DatePrecision.MINUTE:
        return f"{local.day} {local:%b %Y, %H:%M}"
    return f"{local.day} {local:%b %Y}"


def occurred_iso(event: Event) -> str:
    """The same, machine-readable (for <time datetime> and CSV), cut to the precision known."""
    local = timezone.localtime(event.occurred_at)
    if event.precision == DatePrecision.YEAR:
        return f"{local:%Y}"
    if event.precision == DatePrecision.MONTH:
        return f"{local:%Y-%m}"
    if event.precision == DatePrecision.DAY:
        return f"{local:%Y-%m-%d}"
    return local.isoformat(timespec="minutes")


def recorded_by(event: Event) -> str:
    practitioner = event.practitioner
    if practitioner is not None:
        return practitioner.get_full_name() or practitioner.username
    return event.practitioner_name


@dataclass(frozen=True, slots=True)
class ChronologyRow:
    date: str
    date_iso: str
    event_type: str
    version: int
    summary: str
    detail: str
    childs_part: str  # empty when the child is simply the subject
    others: str
    agency: str
    practitioner: str
    reliability: str
    reliability_tag: str
    significance: str
    significance_tag: str  # empty for routine entries, which need no flag
    significance_class: str


def _others(entry: ChronologyEntry) -> str:
    names = []
    for link in entry.others:
        part = "" if link.role == SubjectRole.SUBJECT else f" ({ROLES[link.role].lower()})"
        names.append(f"{link.person.full_name}{part}")
    return ", ".join(names)


def chronology_row(entry: ChronologyEntry, person: Person) -> ChronologyRow:
    event = entry.event
    role = "" if entry.role == SubjectRole.SUBJECT else ROLES.get(entry.role, entry.role).lower()
    return ChronologyRow(
        date=occurred_text(event),
        date_iso=occurred_iso(event),
        event_type=EVENT_TYPES.get(event.event_type, event.event_type),
        version=event.version,
        summary=event.summary,
        detail=event.detail,
        childs_part=f"{person.given_name or person.full_name}: {role}" if role else "",
        others=_others(entry),
        agency=event.agency.name,
        practitioner=recorded_by(event),
        reliability=RELIABILITIES.get(event.reliability, event.reliability),
        reliability_tag=RELIABILITY_TAGS.get(event.reliability, "govuk-tag--grey"),
        significance=SIGNIFICANCES.get(event.significance, event.significance),
        significance_tag=""
        if event.significance == Significance.ROUTINE
        else SIGNIFICANCE_TAGS.get(event.significance, "govuk-tag--grey"),
        significance_class=f"tl-entry--{event.significance}",
    )


def chronology_rows(entries: list[ChronologyEntry], person: Person) -> list[ChronologyRow]:
    return [chronology_row(entry, person) for entry in entries]
