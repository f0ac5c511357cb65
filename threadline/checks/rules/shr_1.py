"""SHR-1: every agency involved with a child knows when the child's statutory status changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from threadline.casework.models import EpisodeKind, StatusEpisode
from threadline.checks.base import Actor, Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import STATUTORY_KINDS, Facts, Happening
from threadline.checks.rules._sharing import (
    acknowledged_to_csc,
    agencies_involved,
    day_of,
    listing,
    on,
    start_of,
)
from threadline.chronology.vocabulary import EventType

# An agency that recorded the meeting which made the change was there when it was decided.
DECIDING_MEETINGS = frozenset(
    {
        EventType.CONFERENCE,
        EventType.CIN_REVIEW,
        EventType.CORE_GROUP,
        EventType.STRATEGY_DISCUSSION,
    }
)
# An episode ending and another starting a day apart is one change of status, not two.
SAME_CHANGE = dt.timedelta(days=1)


@dataclass(frozen=True)
class StatusChange:
    key: str
    day: dt.date
    description: str


def _kind(episode: StatusEpisode) -> str:
    return EpisodeKind(episode.kind).label.lower()


def _adjoining(first: StatusEpisode, then: StatusEpisode) -> bool:
    """Whether ``then`` starts as ``first`` ends: one change of status, not an end and a start."""
    return (
        first is not then
        and first.ended_on is not None
        and dt.timedelta(0) <= then.started_on - first.ended_on <= SAME_CHANGE
    )


def status_changes(episodes: list[StatusEpisode], today: dt.date) -> list[StatusChange]:
    """Starts, ends and changes of kind of the child in need, protection and care episodes."""
    statutory = [e for e in episodes if e.kind in STATUTORY_KINDS]
    changes = []
    for episode in statutory:
        before = [e for e in episodes if _adjoining(e, episode)]
        was = f" (was {_kind(before[0])})" if before else ""
        changes.append(
            StatusChange(
                f"episode:{episode.pk}:start",
                episode.started_on,
                f"{_kind(episode).capitalize()} status started {on(episode.started_on)}{was}",
            )
        )
    for episode in statutory:
        ended = episode.ended_on
        if ended is None or any(_adjoining(episode, e) for e in statutory):
            continue
        after = [e for e in episodes if _adjoining(episode, e)]
        then = f" (stepped down to {_kind(after[0])})" if after else ""
        changes.append(
            StatusChange(
                f"episode:{episode.pk}:end",
                ended,
                f"{_kind(episode).capitalize()} status ended {on(ended)}{then}",
            )
        )
    return [change for change in changes if change.day <= today]


class StatusChangeShared(Check):
    id = "SHR-1"
    title = "Every involved agency knows when a child's CIN, CP or looked-after status changes"
    provenance = (
        Provenance(
            "BE",
            "finding BE1",
            "Some of the agencies involved with the family were unaware of Child BE's Child in "
            "Need status.",
        ),
        Provenance(
            "BE",
            "lesson BE2.1",
            "On completion of a Child in Need Plan professionals must consider who else needs to "
            "know this information.",
        ),
        Provenance(
            "E",
            "finding 3",
            "the circumstances under which Children's Social Care may want to consider re-opening "
            "a Child in Need case after the closure are not specified to the agencies who "
            "remained in contact with the family",
        ),
    )
    must = "Tell every agency involved with the child of the change of status, and get their acknowledgement"
    resolves = (
        "each agency with an open involvement acknowledges (acknowledgement or minutes received, "
        "or it recorded the meeting that made the change) on or after the day of the change"
    )
    who = Actor.ALLOCATED_WORKER
    timescale = Timescale(working_days=2)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        for change in status_changes(child.episodes, facts.today):
            agencies = agencies_involved(child, change.day)
            if not agencies:
                continue
            missing = [
                agency_id
                for agency_id in agencies
                if not self._knows(child.events, agency_id, change.day)
            ]
            # The detail is written when the alert starts and is not rewritten later, so it
            # names everyone who must acknowledge rather than who had not yet.
            yield Occurrence(
                key=change.key,
                trigger_at=start_of(change.day),
                done=not missing,
                detail=f"{change.description}. To acknowledge it: "
                f"{listing(sorted(agencies.values()))}.",
            )

    def _knows(self, events: list[Happening], agency_id: int, day: dt.date) -> bool:
        if acknowledged_to_csc(events, agency_id, day) is not None:
            return True
        return any(
            h.type in DECIDING_MEETINGS and h.agency_id == agency_id and day_of(h) == day
            for h in events
        )


CHECK = StatusChangeShared()
