"""Reading a child's multi-agency chronology.

Every read starts from ``EventPerson`` filtered on the person and ``is_current``, ordered by
``-occurred_at``: the partial index ``chronology_current`` answers that directly, so a page costs
the same whether the record holds a thousand entries or millions. The person passed in must
already have been fetched through ``access.selectors.access_person``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, fields

from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from threadline.chronology.models import Event, EventPerson
from threadline.chronology.vocabulary import EventType, Significance
from threadline.people.models import Person, Relationship

PAGE_SIZE = 50
PRINT_LIMIT = 5000

# Each level includes those above it: "significant" means significant or critical.
SIGNIFICANCE_AT_LEAST: dict[str, tuple[str, ...]] = {
    Significance.ROUTINE: (Significance.ROUTINE, Significance.SIGNIFICANT, Significance.CRITICAL),
    Significance.SIGNIFICANT: (Significance.SIGNIFICANT, Significance.CRITICAL),
    Significance.CRITICAL: (Significance.CRITICAL,),
}


@dataclass(frozen=True)
class ChronologyFilters:
    """What the practitioner asked to see; an empty value means no filter on that field."""

    agency_id: int | None = None
    event_type: str = ""
    other_person_id: int | None = None
    significance: str = ""  # the least significance to show
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    @property
    def is_active(self) -> bool:
        return any(getattr(self, f.name) not in (None, "") for f in fields(self))


@dataclass(frozen=True)
class ChronologyEntry:
    """One event in the child's chronology, with the child's part in it and who else was there."""

    event: Event
    role: str  # the child's part in it, a SubjectRole value
    others: tuple[EventPerson, ...]


def _start_of(day: dt.date) -> dt.datetime:
    """Midnight at the start of ``day`` where the practitioners are, not in UTC."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _filtered(person: Person, filters: ChronologyFilters) -> QuerySet[EventPerson]:
    links = EventPerson.objects.filter(person=person, is_current=True)
    if filters.agency_id is not None:
        links = links.filter(agency_id=filters.agency_id)
    if filters.event_type:
        links = links.filter(event_type=filters.event_type)
    if filters.significance in SIGNIFICANCE_AT_LEAST:
        links = links.filter(significance__in=SIGNIFICANCE_AT_LEAST[filters.significance])
    if filters.date_from is not None:
        links = links.filter(occurred_at__gte=_start_of(filters.date_from))
    if filters.date_to is not None:
        links = links.filter(occurred_at__lt=_start_of(filters.date_to + dt.timedelta(days=1)))
    if filters.other_person_id is not None:
        together = EventPerson.objects.filter(
            event_id=OuterRef("event_id"), person_id=filters.other_person_id
        )
        links = links.filter(Exists(together))
    return links


# The event id breaks ties so that paging is stable when two events share a time.
NEWEST_FIRST = ("-occurred_at", "-event_id")


def chronology_links(person: Person, filters: ChronologyFilters) -> QuerySet[EventPerson]:
    """The child's current entries matching ``filters``, newest first, events joined in."""
    return (
        _filtered(person, filters)
        .select_related("event__agency", "event__practitioner")
        .order_by(*NEWEST_FIRST)
    )


def _page_of_links(person: Person, filters: ChronologyFilters, number: int) -> list[EventPerson]:
    """The page's entries. The page is picked from the index alone (a subquery of ids), and only
    its fifty rows are joined to their events: joining first would make page 200 join the
    10,000 rows it skips."""
    start = (number - 1) * PAGE_SIZE
    window = (
        _filtered(person, filters).order_by(*NEWEST_FIRST).values("pk")[start : start + PAGE_SIZE]
    )
    return list(
        EventPerson.objects.filter(pk__in=window)
        .select_related("event__agency", "event__practitioner")
        .order_by(*NEWEST_FIRST)
    )


def _others_on(person: Person, event_ids: list[int]) -> dict[int, list[EventPerson]]:
    """Everyone else on these events, in one query rather than one per entry."""
    others: dict[int, list[EventPerson]] = {}
    links = (
        EventPerson.objects.filter(event_id__in=event_ids)
        .exclude(person=person)
        .select_related("person")
        .order_by("person__family_name", "person__given_name", "pk")
    )
    for link in links:
        others.setdefault(link.event_id, []).append(link)
    return others


def _entries(person: Person, links: list[EventPerson]) -> list[ChronologyEntry]:
    others = _others_on(person, [link.event_id for link in links])
    return [
        ChronologyEntry(
            event=link.event,
            role=link.role,
            others=tuple(others.get(link.event_id, [])),
        )
        for link in links
    ]


def child_chronology(
    person: Person, filters: ChronologyFilters, page_number: int | str | None = 1
) -> Page[ChronologyEntry]:
    """One page of the chronology, newest first: three queries (count, page, others on it).
    A page number out of range gives the nearest page, as people expect of a link."""
    paginator = Paginator(_filtered(person, filters).order_by(*NEWEST_FIRST), PAGE_SIZE)
    number = paginator.get_page(page_number).number  # counts, but fetches nothing yet
    entries = _entries(person, _page_of_links(person, filters, number))
    return Page(entries, number, paginator)  # type: ignore[arg-type]


def chronology_to_print(
    person: Person, filters: ChronologyFilters, *, limit: int = PRINT_LIMIT
) -> list[ChronologyEntry]:
    """The whole filtered chronology for printing, newest first, up to ``limit`` entries."""
    return _entries(person, list(chronology_links(person, filters)[:limit]))


def chronology_for_export(person: Person, filters: ChronologyFilters) -> Iterator[EventPerson]:
    """Every matching entry, streamed in chunks so a long chronology never sits in memory."""
    return chronology_links(person, filters).iterator(chunk_size=2000)


def chronology_count(person: Person, filters: ChronologyFilters) -> int:
    return _filtered(person, filters).count()


@dataclass(frozen=True)
class FilterOptions:
    """The values the child's chronology actually holds, to offer as filters."""

    agencies: list[tuple[int, str]]  # (id, name)
    event_types: list[tuple[str, str]]
    people: list[Person]


def _current(person: Person) -> QuerySet[EventPerson]:
    return EventPerson.objects.filter(person=person, is_current=True)


def _people_to_offer(person: Person, recent: int) -> list[Person]:
    """Everyone on the child's newest ``recent`` entries, and everyone in their recorded network.

    Ids are gathered first and the people fetched by primary key: joined or OR-ed as subqueries,
    both PostgreSQL and SQLite fall back to scanning a whole table. A long-running case still
    lists its family through the network, and the filter itself always searches every entry.
    """
    # A subquery, not a list: a thousand ids sent back as parameters cost more than the search.
    event_ids = _current(person).order_by(*NEWEST_FIRST).values("event_id")[:recent]
    # Someone named only on sensitive entries is not offered: the name is part of what is
    # restricted (access.sensitive), and the filter would otherwise show it to every reader.
    ids = (
        EventPerson.objects.filter(event_id__in=event_ids, is_current=True, event__sensitivity="")
        .values_list("person_id", flat=True)
        .union(
            Relationship.objects.filter(relative=person).values_list("person_id", flat=True),
            Relationship.objects.filter(person=person).values_list("relative_id", flat=True),
        )
    )
    others = set(ids) - {person.pk}
    return list(Person.objects.filter(pk__in=others).order_by("family_name", "given_name", "pk"))


def filter_options(person: Person, *, recent: int = 1000) -> FilterOptions:
    # One pass over the child's entries gives both the agencies and the types present.
    pairs = set(_current(person).values_list("agency_id", "agency__name", "event_type").distinct())
    present_types = {event_type for _, _, event_type in pairs}
    return FilterOptions(
        agencies=sorted({(pk, name) for pk, name, _ in pairs}, key=lambda a: (a[1], a[0])),
        event_types=[
            (value, label) for value, label in EventType.choices if value in present_types
        ],
        people=_people_to_offer(person, recent),
    )
