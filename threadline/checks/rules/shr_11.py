"""SHR-11: when a family on a plan moves to another authority, the case is handed over: notice
at once, and for a child protection plan a transfer-in conference."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from threadline.casework.models import EpisodeKind
from threadline.checks.base import Actor, Check, Occurrence, Provenance
from threadline.checks.facts import PLAN_KINDS, Facts, Happening, PersonView
from threadline.checks.patterns import occurrence_key
from threadline.checks.rules._sharing import DatedTimescale, concerning, day_of, nation_of, on
from threadline.chronology.vocabulary import EventType, Outcome
from threadline.workingdays import add_working_days

TRANSFER_IN_DAYS = 15
# Several agencies record the same move; records this close are one move.
SAME_MOVE = dt.timedelta(days=14)
# A planned move is handed over before it happens: notice and booking this early count.
PLANNED_AHEAD = dt.timedelta(days=30)


def moves_away(child: PersonView) -> list[Happening]:
    """The child's moves to another local authority, each once."""
    moves: list[Happening] = []
    away = [
        h
        for h in concerning(child, EventType.ADDRESS_MOVE)
        if h.outcome == Outcome.MOVED_OUT_OF_AREA
    ]
    for h in away:
        if not any(abs(h.at - earlier.at) <= SAME_MOVE for earlier in moves):
            moves.append(h)
    return moves


class TransferredOnMove(Check):
    id = "SHR-11"
    title = "A move to another authority is handed over: notice, and a transfer-in conference"
    provenance = (
        Provenance(
            "Q",
            "finding 3",
            "A delay in the process and timeliness of robust handover between professionals group "
            "when the family moved resulted in interruption of the knowledge about the family and "
            "the case, and lead to unintended 'start again' for the new professionals.",
        ),
    )
    must = (
        "Notify the receiving authority (chronology, plan, named contacts) and, for a child "
        "protection plan, book the transfer-in conference"
    )
    resolves = (
        "transfer notified on or after the move; for a CP plan, a transfer-in conference held or "
        "booked within 15 working days of the move"
    )
    who = Actor.ALLOCATED_WORKER
    timescale = DatedTimescale(
        working_days=1, words="notice in 1 working day; transfer-in conference in 15"
    )

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        nation = nation_of(facts)
        for move in moves_away(child):
            day = day_of(move)
            # A looked-after child placed out of area stays with the home authority.
            plans = child.open_episodes(day, kinds=PLAN_KINDS)
            if not plans:
                continue
            notified = child.happenings(EventType.TRANSFER_NOTIFIED)
            yield Occurrence(
                key=f"{occurrence_key(move)}:notified",
                trigger_at=move.at,
                done=any(
                    day_of(h) >= day - PLANNED_AHEAD or h.refers_to == move.key for h in notified
                ),
                detail=f"Move to another authority recorded on {on(day)}: the receiving "
                "authority to be notified and sent the chronology, plan and named contacts.",
            )
            if any(plan.kind == EpisodeKind.CHILD_PROTECTION for plan in plans):
                yield self._conference(
                    child, move, day, add_working_days(day, TRANSFER_IN_DAYS, nation)
                )

    def _conference(
        self, child: PersonView, move: Happening, day: dt.date, due: dt.date
    ) -> Occurrence:
        held = child.happenings(EventType.CONFERENCE, outcomes={Outcome.TRANSFER_IN})
        booked = child.happenings(EventType.MEETING_SCHEDULED, outcomes={Outcome.TRANSFER_IN})
        since = day - PLANNED_AHEAD
        done = any(day_of(h) >= since for h in held) or any(
            day_of(h) >= since and h.due_on is not None and h.due_on <= due for h in booked
        )
        return Occurrence(
            key=f"{occurrence_key(move)}:transfer_in",
            trigger_at=move.at,
            done=done,
            detail=f"Child protection plan, move to another authority on {on(day)}: a transfer-in "
            f"conference to be held by {on(due)}.",
            due_on=due,
        )


CHECK = TransferredOnMove()
