"""SHR-4: every agency working with the child is invited to its conferences and core groups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from threadline.checks.base import Actor, Check, Occurrence, Provenance
from threadline.checks.facts import Facts, Happening
from threadline.checks.patterns import occurrence_key
from threadline.checks.rules._sharing import (
    DatedTimescale,
    agencies_involved,
    concerning,
    day_of,
    listing,
    nation_of,
    on,
)
from threadline.chronology.vocabulary import EventType, Outcome
from threadline.workingdays import subtract_working_days

# What a scheduled meeting is, from its outcome word. The vocabulary has no word for a core
# group or a CIN review, so a meeting scheduled for the CP or CIN plan is taken as one.
SCHEDULED_AS = {
    Outcome.ICPC: (EventType.CONFERENCE, "Initial child protection conference"),
    Outcome.RCPC: (EventType.CONFERENCE, "Review child protection conference"),
    Outcome.TRANSFER_IN: (EventType.CONFERENCE, "Transfer-in conference"),
    Outcome.CP_PLAN: (EventType.CORE_GROUP, "Core group"),
    Outcome.CIN_PLAN: (EventType.CIN_REVIEW, "Child in need review"),
}
# An agency that came to the meeting, or sent apologies for it, had been invited.
SHOWS_INVITED = (EventType.INVITATION, EventType.APOLOGIES)


class InvitedToMeetings(Check):
    id = "SHR-4"
    title = "Every agency working with the child is invited to conferences and core groups"
    provenance = (
        Provenance(
            "Ag",
            "finding 5",
            "Health records detail no information regarding the Child Protection Conference or "
            "Core Groups and it is not clear as to whether they were invited or did not attend.",
        ),
        Provenance(
            "BE",
            "Rec BE1",
            "This should include invitations, the sharing of plans and minutes and recording "
            "systems and the sharing of assessments between agencies.",
        ),
    )
    must = "Invite every agency with an open involvement, and record attendance and apologies"
    resolves = (
        "an invitation recorded for each involved agency (sent to it, or its own record of one), "
        "or its attendance or apologies recorded, before the meeting"
    )
    who = Actor.ALLOCATED_WORKER
    timescale = DatedTimescale(working_days=None, words="by the working day before the meeting")

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        nation = nation_of(facts)
        scheduled = [
            h for h in concerning(child, EventType.MEETING_SCHEDULED) if h.outcome in SCHEDULED_AS
        ]
        for booking in scheduled:
            if self._rebooked(booking, scheduled):
                continue
            held_type, name = SCHEDULED_AS[Outcome(booking.outcome)]
            meeting_day = self._meeting_day(facts, booking, held_type)
            if meeting_day is None:
                continue
            booked_on = day_of(booking)
            agencies = agencies_involved(child, booked_on) | agencies_involved(child, meeting_day)
            if not agencies:
                continue
            uninvited = [
                agency_id
                for agency_id in agencies
                if not self._invited(child.events, agency_id, booking, held_type, meeting_day)
            ]
            yield Occurrence(
                key=occurrence_key(booking),
                trigger_at=booking.at,
                done=not uninvited,
                detail=f"{name} on {on(meeting_day)} (booked {on(booked_on)}). To be invited: "
                f"{listing(sorted(agencies.values()))}.",
                # Invitations are due by the working day before the meeting.
                due_on=max(subtract_working_days(meeting_day, 1, nation), booked_on),
            )

    def _rebooked(self, booking: Happening, scheduled: list[Happening]) -> bool:
        """A meeting booked again for another date before it was held: the later booking counts."""
        meeting_day = booking.due_on
        return any(
            other.outcome == booking.outcome
            and (other.at, other.pk) > (booking.at, booking.pk)
            and (meeting_day is None or day_of(other) <= meeting_day)
            for other in scheduled
        )

    def _meeting_day(self, facts: Facts, booking: Happening, held_type: str) -> dt.date | None:
        """The date booked, or failing that the day the meeting was held."""
        if booking.due_on is not None:
            return booking.due_on
        held = facts.subject.happenings(held_type, after=booking.at)
        return day_of(held[0]) if held else None

    def _invited(
        self,
        events: list[Happening],
        agency_id: int,
        booking: Happening,
        held_type: str,
        meeting_day: dt.date,
    ) -> bool:
        booked_on = day_of(booking)
        for h in events:
            about_it = (
                h.refers_to == booking.key
                if h.refers_to is not None
                else booked_on <= day_of(h) <= meeting_day
            )
            if (
                h.type in SHOWS_INVITED
                and agency_id in (h.counterpart_id, h.agency_id)
                and about_it
            ):
                return True
            if h.type == held_type and h.agency_id == agency_id and day_of(h) == meeting_day:
                return True
        return False


CHECK = InvitedToMeetings()
