"""SHR-8: an adult mental health, drug or alcohol service tells children's social care when it
opens or closes a parent's case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from threadline.agencies.models import AgencyKind
from threadline.checks.base import Actor, Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import PARENT_ROLES, Facts, Link
from threadline.checks.patterns import occurrence_key
from threadline.checks.rules._sharing import (
    csc_answered,
    csc_told,
    day_of,
    events_of,
    has_social_worker,
    label,
    on,
    start_of,
)
from threadline.chronology.vocabulary import EventType

ADULT_SERVICES = frozenset({AgencyKind.ADULT_MENTAL_HEALTH, AgencyKind.DRUG_ALCOHOL})
# A service's event and its involvement dates a few days apart are one opening or closing.
SAME_CHANGE = dt.timedelta(days=3)


@dataclass(frozen=True)
class CaseChange:
    key: str
    parent: Link
    agency_id: int
    agency: str
    day: dt.date
    opened: bool
    answering: tuple[int, str] | None = None  # the service's own event, when it recorded one

    @property
    def what(self) -> str:
        return "opened" if self.opened else "closed"


def case_changes(link: Link) -> list[CaseChange]:
    """Openings and closings of a parent's adult mental health or drug and alcohol case, from
    the service's involvement dates and its service_opened / service_closed events."""
    parent = link.other
    changes: list[CaseChange] = []
    for involvement in parent.involvements:
        if involvement.agency.kind not in ADULT_SERVICES:
            continue
        name = involvement.agency.name
        changes.append(
            CaseChange(
                f"involvement:{involvement.pk}:opened",
                link,
                involvement.agency_id,
                name,
                involvement.opened_on,
                True,
            )
        )
        if involvement.closed_on is not None:
            changes.append(
                CaseChange(
                    f"involvement:{involvement.pk}:closed",
                    link,
                    involvement.agency_id,
                    name,
                    involvement.closed_on,
                    False,
                )
            )
    for h in parent.happenings(EventType.SERVICE_OPENED, EventType.SERVICE_CLOSED):
        opened = h.type == EventType.SERVICE_OPENED
        if h.agency_kind not in ADULT_SERVICES:
            continue
        same = [
            c
            for c in changes
            if c.agency_id == h.agency_id
            and c.opened == opened
            and c.answering is None
            and abs(c.day - day_of(h)) <= SAME_CHANGE
        ]
        if same:
            # The involvement already says it; keep one change, answerable through the event.
            index = changes.index(same[0])
            changes[index] = CaseChange(
                same[0].key, link, h.agency_id, same[0].agency, same[0].day, opened, h.key
            )
            continue
        changes.append(
            CaseChange(
                occurrence_key(h),
                link,
                h.agency_id,
                AgencyKind(h.agency_kind).label,
                day_of(h),
                opened,
                h.key,
            )
        )
    return changes


class ParentCaseShared(Check):
    id = "SHR-8"
    title = "An adult mental health or drug and alcohol service tells social care when a parent's case opens or closes"
    provenance = (
        Provenance(
            "E",
            "finding 4",
            "For those agencies primarily addressing parental issues, child safeguarding does not "
            "appear to feature in their assessments, decisions or direct work.",
        ),
        Provenance(
            "E",
            "question 10",
            "How do adult facing organisations such as Adult Mental Health Services ensure that "
            "the opening and closing of cases are appropriately flagged to Children's Social Care "
            "when the client is a parent?",
        ),
    )
    must = "Tell children's social care and the allocated worker that the parent's case opened or closed"
    resolves = (
        "information shared by the adult service with children's social care (or social care's "
        "acknowledgement of it) on or after the day the case opened or closed"
    )
    who = Actor.ADULT_SERVICE
    ladder = (Actor.ALLOCATED_WORKER, Actor.TEAM_MANAGER)
    timescale = Timescale(working_days=2)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        born = child.person.date_of_birth
        for link in child.links:
            if link.role not in PARENT_ROLES:
                continue
            for change in case_changes(link):
                if change.day > facts.today or (born is not None and change.day < born):
                    continue
                # Only a child social care works with has a worker to tell.
                if not link.current_on(change.day) or not has_social_worker(child, change.day):
                    continue
                yield self._occurrence(facts, change)

    def _occurrence(self, facts: Facts, change: CaseChange) -> Occurrence:
        events = events_of(facts.subject, change.parent.other)
        shared = csc_told(events, change.day, by=change.agency_id, answering=change.answering)
        if shared is None and change.answering is not None:
            shared = csc_answered(events, change.answering)
        parent = change.parent
        return Occurrence(
            key=change.key,
            trigger_at=start_of(change.day),
            done=shared is not None,
            detail=f"{change.agency} {change.what} the case of {parent.other.person.full_name} "
            f"({label(parent.role)}) on {on(change.day)}.",
        )


CHECK = ParentCaseShared()
