"""SHR-7: probation tells children's social care of a linked adult's release, or of the risk he
poses to children, in time for the plan to be ready."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from threadline.agencies.models import AgencyKind
from threadline.casework.models import EpisodeKind
from threadline.checks.base import Actor, Check, Occurrence, Provenance
from threadline.checks.facts import Facts, Happening, PersonView
from threadline.checks.patterns import occurrence_key
from threadline.checks.rules._sharing import (
    DatedTimescale,
    csc_answered,
    csc_told,
    day_of,
    events_of,
    label,
    nation_of,
    on,
)
from threadline.chronology.models import SubjectRole
from threadline.chronology.vocabulary import EventType, Outcome
from threadline.workingdays import add_working_days, subtract_working_days

NOTICE_BEFORE_RELEASE = 10
RELEASES = (EventType.RELEASE_PLANNED, EventType.RELEASE_FROM_CUSTODY)
TRIGGERS = (*RELEASES, EventType.RISK_TO_CHILDREN_ASSESSED)
# The adult's role on the event when the release or the assessment is his or her own.
OWN_ROLES = frozenset({SubjectRole.SUBJECT, SubjectRole.ALLEGED_PERPETRATOR, SubjectRole.MONITORED})
NO_RISK = frozenset({Outcome.NO_FURTHER_ACTION, Outcome.NEGATIVE})
# A release is "planned" if a plan for it was on the record this long before.
PLANNED_WITHIN = dt.timedelta(days=183)


@dataclass(frozen=True)
class Notice:
    event: Happening
    who: str
    people: tuple[PersonView, ...]


def notices(facts: Facts) -> list[Notice]:
    """Releases and risk assessments of adults linked to the child, each once."""
    child = facts.subject
    found: dict[int, Notice] = {}
    candidates = [(h, link) for link in child.links for h in link.other.happenings(*TRIGGERS)]
    # An event in several adults' records is named after the adult whose release it is.
    for h, link in sorted(candidates, key=lambda pair: pair[0].role not in OWN_ROLES):
        adult = link.other
        if h.pk in found or adult.is_child_on(day_of(h)):
            continue
        name = f"{adult.person.full_name} ({label(link.role)})"
        who = name if h.role in OWN_ROLES else f"an adult linked to {name}"
        found[h.pk] = Notice(h, who, (child, adult))
    for h in child.happenings(*TRIGGERS):
        # The child's own release from youth custody is another matter.
        if h.pk not in found and h.role != SubjectRole.SUBJECT:
            found[h.pk] = Notice(h, "an adult linked to the child", (child,))
    return sorted(found.values(), key=lambda notice: notice.event.at)


class ReleaseShared(Check):
    id = "SHR-7"
    title = "Probation tells MASH and the allocated worker of a linked adult's release"
    provenance = (
        Provenance(
            "Ag",
            "findings",
            "Agencies did not know father was being released from prison. There is a process in "
            "place whereby Probation will inform MASH if they consider the perpetrator to be a "
            "risk to children, however, on this occasion, the process was not used and "
            "information not shared.",
        ),
    )
    must = "Tell MASH and the allocated worker of the adult's release or risk to children"
    resolves = (
        "information shared by probation with children's social care (or social care's "
        "acknowledgement of it) on or after the day it was recorded"
    )
    who = Actor.PROBATION
    ladder = (Actor.ALLOCATED_WORKER, Actor.TEAM_MANAGER)
    timescale = DatedTimescale(
        working_days=2, words="10 working days before release; 2 working days if no date is set"
    )

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        nation = nation_of(facts)
        found = notices(facts)
        for notice in found:
            event, day = notice.event, day_of(notice.event)
            if not self._applies(facts, notice, found):
                continue
            release = self._release_day(notice, found)
            events = events_of(*notice.people)
            shared = csc_told(
                events, day, by_kinds={AgencyKind.PROBATION}, answering=event.key
            ) or csc_answered(events, event.key)
            yield Occurrence(
                key=occurrence_key(event),
                trigger_at=event.at,
                done=shared is not None,
                detail=self._detail(notice, release),
                due_on=self._due(event, day, release, nation),
            )

    def _applies(self, facts: Facts, notice: Notice, found: list[Notice]) -> bool:
        event, day = notice.event, day_of(notice.event)
        if event.type == EventType.RISK_TO_CHILDREN_ASSESSED:
            # Probation tells MASH of a risk to children whether or not the child has a plan.
            return event.agency_kind == AgencyKind.PROBATION and event.outcome not in NO_RISK
        # Any plan, early help included: a child stepped down is still one the release concerns.
        if not facts.subject.open_episodes(day, kinds=EpisodeKind.values):
            return False
        if event.type == EventType.RELEASE_FROM_CUSTODY:
            return not any(
                other.event.type == EventType.RELEASE_PLANNED
                and dt.timedelta(0) <= event.at - other.event.at <= PLANNED_WITHIN
                for other in found
            )
        return True

    def _release_day(self, notice: Notice, found: list[Notice]) -> dt.date | None:
        event = notice.event
        if event.type == EventType.RELEASE_FROM_CUSTODY:
            return day_of(event)
        if event.type == EventType.RELEASE_PLANNED:
            return event.due_on
        planned = [
            other.event.due_on
            for other in found
            if other.event.type == EventType.RELEASE_PLANNED
            and other.event.due_on is not None
            and other.event.due_on >= day_of(event)
            and other.people[-1].pk == notice.people[-1].pk
        ]
        return min(planned) if planned else None

    def _due(self, event: Happening, day: dt.date, release: dt.date | None, nation: str) -> dt.date:
        if event.type == EventType.RELEASE_FROM_CUSTODY:
            return day  # released without notice: social care must hear at once
        if release is None:
            return add_working_days(day, self.timescale.working_days or 0, nation)
        return max(subtract_working_days(release, NOTICE_BEFORE_RELEASE, nation), day)

    def _detail(self, notice: Notice, release: dt.date | None) -> str:
        event = notice.event
        if event.type == EventType.RELEASE_FROM_CUSTODY:
            return (
                f"{notice.who} was released on {on(day_of(event))} with no release plan on record."
            )
        if event.type == EventType.RELEASE_PLANNED:
            when = f"for {on(release)}" if release else "(no date on record yet)"
            return f"Release of {notice.who} planned {when}."
        when = f"; release planned for {on(release)}" if release else ""
        return (
            f"Probation assessed {notice.who} as a risk to children on {on(day_of(event))}{when}."
        )


CHECK = ReleaseShared()
