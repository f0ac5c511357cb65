"""The record as the checks read it: one subject, their events, episodes, involvements and the
people linked to them, loaded for many subjects in a few queries."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Q
from django.utils import timezone

from threadline.agencies.models import Absence
from threadline.casework.models import EpisodeKind, Involvement, PlanOutcome, StatusEpisode
from threadline.chronology.models import EventPerson
from threadline.feeds.context import chunked
from threadline.people.models import Person, Relationship, RelationshipKind, Sex

INVERSE_ROLE = {
    RelationshipKind.PARENT: "child",
    RelationshipKind.STEP_PARENT: "step_child",
    RelationshipKind.GRANDPARENT: "grandchild",
    RelationshipKind.CARER: "cared_for",
    RelationshipKind.SIGNIFICANT_ADULT: "significant_to",
}
PARENT_ROLES = frozenset({"parent", "step_parent", "carer"})
CARING_ADULT_ROLES = frozenset({"parent", "step_parent", "carer", "partner", "significant_adult"})
CHILD_ROLES = frozenset({"child", "step_child", "cared_for"})
PLAN_KINDS = frozenset({EpisodeKind.CHILD_IN_NEED, EpisodeKind.CHILD_PROTECTION})
STATUTORY_KINDS = frozenset({*PLAN_KINDS, EpisodeKind.LOOKED_AFTER})


@dataclass(frozen=True)
class Happening:
    """A current chronology event, as the checks see it."""

    pk: int
    key: tuple[int, str]  # (agency id, the agency's own id): stable across corrections
    type: str
    at: dt.datetime
    recorded_at: dt.datetime
    agency_id: int
    agency_kind: str
    outcome: str
    due_on: dt.date | None
    counterpart_id: int | None
    counterpart_kind: str
    refers_to: tuple[int, str] | None
    reliability: str
    role: str  # the subject's role on this event

    @property
    def day(self) -> dt.date:
        """The local date it happened: times are stored in UTC, days are lived in UK time."""
        return timezone.localdate(self.at)


@dataclass(frozen=True)
class Link:
    """Someone linked to the subject; ``role`` is what they are to the subject."""

    role: str
    other: PersonView
    started_on: dt.date | None
    ended_on: dt.date | None
    parental_responsibility: bool

    def current_on(self, day: dt.date) -> bool:
        started = self.started_on is None or self.started_on <= day
        return started and (self.ended_on is None or self.ended_on > day)


@dataclass
class PersonView:
    person: Person
    events: list[Happening] = field(default_factory=list)
    episodes: list[StatusEpisode] = field(default_factory=list)
    involvements: list[Involvement] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)

    @property
    def pk(self) -> int:
        return self.person.pk

    def age_on(self, day: dt.date) -> float | None:
        born = self.person.date_of_birth
        if born is None:
            return None if self.person.expected_date_of_birth is None else -1.0
        return (day - born).days / 365.25

    def is_child_on(self, day: dt.date) -> bool:
        age = self.age_on(day)
        return age is not None and age < 18

    @property
    def is_male(self) -> bool:
        return self.person.sex == Sex.MALE

    def happenings(
        self,
        *types: str,
        after: dt.datetime | None = None,
        until: dt.datetime | None = None,
        outcomes: Iterable[str] | None = None,
    ) -> list[Happening]:
        wanted = set(outcomes) if outcomes is not None else None
        return [
            h
            for h in self.events
            if (not types or h.type in types)
            and (after is None or h.at >= after)
            and (until is None or h.at <= until)
            and (wanted is None or h.outcome in wanted)
        ]

    def open_episodes(self, day: dt.date, kinds: Iterable[str] = STATUTORY_KINDS) -> list:
        kinds = set(kinds)
        return [
            e
            for e in self.episodes
            if e.kind in kinds and e.started_on <= day and (e.ended_on is None or e.ended_on > day)
        ]

    def open_involvements(self, day: dt.date, agency_kind: str | None = None) -> list[Involvement]:
        return [
            i
            for i in self.involvements
            if i.opened_on <= day
            and (i.closed_on is None or i.closed_on > day)
            and (agency_kind is None or i.agency.kind == agency_kind)
        ]

    @property
    def plan_outcomes(self) -> list[PlanOutcome]:
        return [outcome for episode in self.episodes for outcome in episode.outcomes.all()]

    def factors(self, episode: StatusEpisode) -> set[str]:
        return {factor.code for factor in episode.factors.all()}

    @property
    def absences(self) -> list[Absence]:
        """Absences of the practitioners leading this person's open work."""
        found: list[Absence] = []
        for involvement in self.involvements:
            lead = involvement.lead_practitioner
            if lead is not None and involvement.closed_on is None:
                found.extend(lead.absences.all())
        return found

    def linked(self, roles: Iterable[str], day: dt.date) -> list[Link]:
        roles = set(roles)
        return [link for link in self.links if link.role in roles and link.current_on(day)]


@dataclass
class Facts:
    """Everything a check may read about one subject, as of ``now``."""

    subject: PersonView
    now: dt.datetime

    @property
    def today(self) -> dt.date:
        return timezone.localdate(self.now)

    def parents(self, day: dt.date | None = None) -> list[PersonView]:
        return [link.other for link in self.subject.linked(PARENT_ROLES, day or self.today)]

    def caring_adults(self, day: dt.date | None = None) -> list[PersonView]:
        return [link.other for link in self.subject.linked(CARING_ADULT_ROLES, day or self.today)]

    def household_adults(self, day: dt.date | None = None) -> list[PersonView]:
        """Parents and carers, and their partners: the adults around a child."""
        day = day or self.today
        adults = {p.pk: p for p in self.caring_adults(day)}
        for parent in self.parents(day):
            for link in parent.linked({"partner"}, day):
                adults.setdefault(link.other.pk, link.other)
        return [adult for adult in adults.values() if not adult.is_child_on(day)]


def _expand(ids: set[int]) -> tuple[set[int], list[Relationship]]:
    found: list[Relationship] = []
    reached = set(ids)
    for chunk in chunked(sorted(ids)):
        rows = Relationship.objects.filter(Q(person_id__in=chunk) | Q(relative_id__in=chunk))
        for rel in rows:
            found.append(rel)
            reached.update((rel.person_id, rel.relative_id))
    return reached, found


def _happening(link: EventPerson) -> Happening:
    event = link.event
    answered = event.refers_to
    return Happening(
        pk=event.pk,
        key=(event.agency_id, event.source_id),
        type=event.event_type,
        at=event.occurred_at,
        recorded_at=event.recorded_at,
        agency_id=event.agency_id,
        agency_kind=event.agency.kind,
        outcome=event.outcome,
        due_on=event.due_on,
        counterpart_id=event.counterpart_id,
        counterpart_kind=event.counterpart.kind if event.counterpart else "",
        refers_to=(answered.agency_id, answered.source_id) if answered else None,
        reliability=event.reliability,
        role=link.role,
    )


def _load_events(ids: set[int]) -> dict[int, list[Happening]]:
    events: dict[int, list[Happening]] = defaultdict(list)
    for chunk in chunked(sorted(ids)):
        rows = (
            EventPerson.objects.filter(person_id__in=chunk, is_current=True)
            .select_related("event__agency", "event__counterpart", "event__refers_to")
            .order_by("occurred_at", "event_id")
        )
        for link in rows:
            events[link.person_id].append(_happening(link))
    return events


PREFETCH: dict[type[models.Model], tuple[str, ...]] = {
    StatusEpisode: ("factors", "outcomes"),
    Involvement: ("lead_practitioner__absences",),
}


def _by_person(model: type[models.Model], ids: set[int]) -> dict[int, list]:
    found: dict[int, list] = defaultdict(list)
    for chunk in chunked(sorted(ids)):
        rows = (
            model._default_manager.filter(person_id__in=chunk)
            .select_related("agency")
            .prefetch_related(*PREFETCH.get(model, ()))
        )
        for row in rows:
            found[getattr(row, "person_id")].append(row)  # noqa: B009
    return found


def load_views(person_ids: Iterable[int]) -> dict[int, PersonView]:
    """Views of the people asked for, with everyone within two steps linked in."""
    wanted = set(person_ids)
    first, near = _expand(wanted)
    second, far = _expand(first)
    people = Person.objects.in_bulk(sorted(second))
    # Everyone within two steps, events included: a parent's partner is two steps from the child.
    events = _load_events(second)
    episodes = _by_person(StatusEpisode, second)
    involvements = _by_person(Involvement, second)
    views = {
        pk: PersonView(person, events.get(pk, []), episodes.get(pk, []), involvements.get(pk, []))
        for pk, person in people.items()
    }
    for rel in {r.pk: r for r in (*near, *far)}.values():
        _add_links(views, rel)
    return views


def _add_links(views: dict[int, PersonView], rel: Relationship) -> None:
    holder, relative = views.get(rel.person_id), views.get(rel.relative_id)
    if holder is None or relative is None:
        return
    common = (rel.started_on, rel.ended_on, rel.parental_responsibility)
    relative.links.append(Link(rel.kind, holder, *common))
    holder.links.append(Link(INVERSE_ROLE.get(rel.kind, rel.kind), relative, *common))  # type: ignore[call-overload]


def load_facts(person_ids: Iterable[int], now: dt.datetime) -> dict[int, Facts]:
    wanted = set(person_ids)
    views = load_views(wanted)
    return {pk: Facts(views[pk], now) for pk in wanted if pk in views}


def linked_people(person_ids: Iterable[int]) -> set[int]:
    """The people whose checks can change when these people's records change: checks read
    the record two steps out, so a change reaches subjects two steps away."""
    first, _ = _expand(set(person_ids))
    second, _ = _expand(first)
    return second
