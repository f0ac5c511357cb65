"""SHR-2: core group notes reach every member, and each agency confirms receipt."""

from __future__ import annotations

from collections.abc import Iterator

from threadline.checks.base import Actor, Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts
from threadline.checks.rules._sharing import (
    CSC,
    Meeting,
    agencies_involved,
    agency_names,
    apologies_for,
    meetings,
    minutes_for,
    next_day_after,
    on,
    sent_to,
    to_circulate,
    without_receipt,
)
from threadline.chronology.vocabulary import EventType


class CoreGroupNotesShared(Check):
    id = "SHR-2"
    title = "Core group notes are circulated within five working days and every agency has them"
    provenance = (
        Provenance(
            "Ag",
            "findings",
            "Copies of the notes and written agreements should be circulated to core group "
            "members within five working days of the core group meeting.",
        ),
    )
    must = (
        "Circulate the core group notes and written agreements to every member and those who "
        "sent apologies, and get each agency's confirmation of receipt"
    )
    resolves = (
        "minutes circulated for the core group, and minutes received (or acknowledged) by every "
        "agency involved with the child, at the meeting or sending apologies"
    )
    who = Actor.ALLOCATED_WORKER
    timescale = Timescale(working_days=5)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        names = agency_names(facts)
        found = meetings(child, EventType.CORE_GROUP)
        for meeting in found:
            until = next_day_after(found, meeting)
            minutes = minutes_for(child.events, meeting, until)
            members = self._members(facts, meeting) | sent_to(minutes)
            unconfirmed = without_receipt(child.events, meeting, minutes, members, until)
            yield Occurrence(
                key=meeting.key,
                trigger_at=meeting.main.at,
                done=bool(minutes) and not unconfirmed,
                detail=f"Core group on {on(meeting.day)}. "
                + to_circulate(
                    "Notes and written agreements", members, names, unconfirmed if minutes else ()
                ),
            )

    def _members(self, facts: Facts, meeting: Meeting) -> set[int]:
        child = facts.subject
        members = set(agencies_involved(child, meeting.day))
        members |= {h.agency_id for h in meeting.records if h.agency_kind != CSC}
        members |= apologies_for(child.events, meeting)
        return members


CHECK = CoreGroupNotesShared()
