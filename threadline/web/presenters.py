"""Chronology entries as the page shows them.

A page of fifty entries is the hottest thing Threadline renders, so each row's words and tag
colours are worked out here, once, in plain Python. The rows' markup is written here too
(``rows_html``): through Django's template engine, the fifty rows alone cost more than every
database query of the page together, and a print of 5,000 entries took a quarter of a second.
The table around them stays in ``web/_chronology_table.html``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe

from threadline.access.sensitive import words_for
from threadline.agencies.models import Practitioner
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


def _local(event: Event, zone: dt.tzinfo | None) -> dt.datetime:
    # Django's localtime() looks the current time zone up on each call; a page of rows looks it
    # up once and passes it in.
    if zone is None:
        return timezone.localtime(event.occurred_at)
    return event.occurred_at.astimezone(zone)


def occurred_text(event: Event, zone: dt.tzinfo | None = None) -> str:
    """When the event happened, saying no more than the source knew: 'March 2024', not
    '1 Mar 2024', for an event known only to the month."""
    local = _local(event, zone)
    if event.precision == DatePrecision.YEAR:
        return f"{local:%Y}"
    if event.precision == DatePrecision.MONTH:
        return f"{local:%B %Y}"
    if event.precision == DatePrecision.MINUTE:
        return f"{local.day} {local:%b %Y, %H:%M}"
    return f"{local.day} {local:%b %Y}"


def occurred_iso(event: Event, zone: dt.tzinfo | None = None) -> str:
    """The same, machine-readable (for <time datetime> and CSV), cut to the precision known."""
    local = _local(event, zone)
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


def _others(entry: ChronologyEntry, redacted: bool = False) -> str:
    # Who else a restricted entry concerns is part of what is restricted: a partner named only
    # in a sexual health record is not named to those who may not read it.
    if redacted:
        count = len(entry.others)
        return "" if not count else "1 other person" if count == 1 else f"{count} other people"
    names = []
    for link in entry.others:
        part = "" if link.role == SubjectRole.SUBJECT else f" ({ROLES[link.role].lower()})"
        names.append(f"{link.person.full_name}{part}")
    return ", ".join(names)


def chronology_row(
    entry: ChronologyEntry,
    person: Person,
    zone: dt.tzinfo | None = None,
    viewer: Practitioner | None = None,
) -> ChronologyRow:
    event = entry.event
    words = words_for(viewer, event)
    role = "" if entry.role == SubjectRole.SUBJECT else ROLES.get(entry.role, entry.role).lower()
    return ChronologyRow(
        date=occurred_text(event, zone),
        date_iso=occurred_iso(event, zone),
        event_type=EVENT_TYPES.get(event.event_type, event.event_type),
        version=event.version,
        summary=words.summary,
        detail=words.detail,
        childs_part=f"{person.given_name or person.full_name}: {role}" if role else "",
        others=_others(entry, words.redacted),
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


def chronology_rows(
    entries: list[ChronologyEntry], person: Person, viewer: Practitioner
) -> list[ChronologyRow]:
    zone = timezone.get_current_timezone()
    return [chronology_row(entry, person, zone, viewer) for entry in entries]


def _row_html(row: ChronologyRow, expand_detail: bool) -> str:
    """One row: the markup ``web/_chronology_table.html`` had, with every value escaped (the
    standard library's ``html.escape`` is Django's ``escape`` without its lazy-string wrapper)."""
    date = escape(row.date)
    event_type = escape(row.event_type)
    parts = [
        f'<tr class="govuk-table__row tl-entry {escape(row.significance_class)}">\n'
        f'<th scope="row" class="govuk-table__header tl-col-date">'
        f'<time datetime="{escape(row.date_iso)}">{date}</time></th>\n'
        f'<td class="govuk-table__cell">\n<strong class="tl-entry__type">{event_type}</strong>\n'
    ]
    if row.version > 1:
        parts.append(
            '<strong class="govuk-tag govuk-tag--turquoise tl-tag--inline">'
            f"Corrected (version {row.version})</strong>\n"
        )
    parts.append(f'<span class="tl-block">{escape(row.summary)}</span>\n')
    if row.childs_part:
        parts.append(
            f'<span class="govuk-body-s tl-secondary tl-block">{escape(row.childs_part)}</span>\n'
        )
    if row.others:
        parts.append(
            '<span class="govuk-body-s tl-secondary tl-block">'
            f"Also involved: {escape(row.others)}</span>\n"
        )
    if row.detail:
        detail = linebreaks(row.detail, autoescape=True)
        if expand_detail:
            parts.append(f'<div class="govuk-body-s tl-entry__detail-text">{detail}</div>\n')
        else:
            parts.append(
                '<details class="govuk-details tl-entry__detail">\n'
                '<summary class="govuk-details__summary">'
                '<span class="govuk-details__summary-text">Detail<span class="govuk-visually-hidden">'
                f" of {escape(row.event_type.lower())} on {date}</span></span></summary>\n"
                f'<div class="govuk-details__text">{detail}</div>\n'
                "</details>\n"
            )
    significance = escape(row.significance)
    if row.significance_tag:
        significance = (
            f'<strong class="govuk-tag {escape(row.significance_tag)}">{significance}</strong>'
        )
    parts.append(
        "</td>\n"
        f'<td class="govuk-table__cell tl-col-source">{escape(row.agency)}'
        '<span class="govuk-body-s tl-secondary tl-block">'
        f"{escape(row.practitioner or 'Practitioner not named')}</span></td>\n"
        '<td class="govuk-table__cell tl-col-tag">'
        f'<strong class="govuk-tag {escape(row.reliability_tag)}">{escape(row.reliability)}'
        "</strong></td>\n"
        f'<td class="govuk-table__cell tl-col-tag">{significance}</td>\n'
        "</tr>\n"
    )
    return "".join(parts)


def rows_html(rows: Iterable[ChronologyRow], *, expand_detail: bool = False) -> SafeString:
    """The table rows of the chronology; ``expand_detail`` prints each entry's detail in full
    rather than behind a 'Detail' toggle."""
    return mark_safe("".join(_row_html(row, expand_detail) for row in rows))
