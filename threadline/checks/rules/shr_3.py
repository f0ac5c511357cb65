"""SHR-3: conference and strategy discussion minutes reach health and the police, and are chased."""

from __future__ import annotations

from collections.abc import Iterator

from threadline.agencies.models import AgencyKind
from threadline.checks.base import Actor, Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts
from threadline.checks.rules._sharing import (
    CSC,
    HEALTH_KINDS,
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

MINUTED = (EventType.CONFERENCE, EventType.STRATEGY_DISCUSSION)
OWED_MINUTES = HEALTH_KINDS | {AgencyKind.POLICE}


class ConferenceMinutesShared(Check):
    id = "SHR-3"
    title = "Conference and strategy discussion minutes reach health and the police in two weeks"
    provenance = (
        Provenance(
            "Ag",
            "Rec 3",
            "minutes are circulated to all attendees and those who have given apologies within "
            "two weeks of the meeting date.",
        ),
        Provenance(
            "Ak",
            "Rec 10",
            "especially MASH Strategy Discussion minutes with health agencies and the police",
        ),
        Provenance(
            "Q", "finding 6", "A delay in timely and consistent sharing of CP plans and minutes."
        ),
    )
    must = (
        "Circulate the minutes to attendees, those who sent apologies, the child's health "
        "services and the police, and get their receipt"
    )
    resolves = (
        "minutes circulated, and received (or acknowledged) by each involved health agency, the "
        "police if involved, and every agency at the meeting or sending apologies"
    )
    who = Actor.ALLOCATED_WORKER
    timescale = Timescale(working_days=10, rung_days=2)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        names = agency_names(facts)
        for meeting_type in MINUTED:
            found = meetings(child, meeting_type)
            for meeting in found:
                until = next_day_after(found, meeting)
                minutes = minutes_for(child.events, meeting, until)
                owed = self._owed(facts, meeting) | sent_to(minutes)
                unconfirmed = without_receipt(child.events, meeting, minutes, owed, until)
                yield Occurrence(
                    key=meeting.key,
                    trigger_at=meeting.main.at,
                    done=bool(minutes) and not unconfirmed,
                    detail=f"{meeting.name} on {on(meeting.day)}. "
                    + to_circulate("Minutes", owed, names, unconfirmed if minutes else ()),
                )

    def _owed(self, facts: Facts, meeting: Meeting) -> set[int]:
        child = facts.subject
        owed = set(agencies_involved(child, meeting.day, OWED_MINUTES))
        owed |= {h.agency_id for h in meeting.records if h.agency_kind != CSC}
        owed |= apologies_for(child.events, meeting)
        return owed


CHECK = ConferenceMinutesShared()
