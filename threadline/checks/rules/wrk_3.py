"""WRK-3: a professionals' meeting asked for by any professional is held."""

from __future__ import annotations

from collections.abc import Iterator

from threadline.agencies.models import AgencyKind
from threadline.checks.base import Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts, Happening, PersonView
from threadline.checks.patterns import occurrence_key
from threadline.checks.rules._planning import about, concerning, day_of, one_per_day, shown
from threadline.chronology.vocabulary import EventType

# A strategy discussion is also professionals meeting without the parents.
HELD = (EventType.PROFESSIONALS_MEETING, EventType.STRATEGY_DISCUSSION)


class ProfessionalsMeetingHeld(Check):
    id = "WRK-3"
    title = "A requested professionals' meeting is held"
    provenance = (
        Provenance(
            "Q",
            "key messages",
            "Any professional from any agency can request a professionals meeting without a "
            "parent being present if there is a need to do so.",
        ),
        Provenance(
            "Q",
            "findings",
            "led to an assumption that professionals could not meet together, without parents "
            "being present, when they had concerns regarding case management.",
        ),
    )
    must = "Hold the professionals' meeting (without parents) that was asked for"
    resolves = "a professionals' meeting or strategy discussion held on or after the request"
    timescale = Timescale(working_days=10)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        for request in one_per_day(about(child, EventType.PROFESSIONALS_MEETING_REQUESTED)):
            asked_by = AgencyKind(request.agency_kind).label.lower()
            yield Occurrence(
                key=occurrence_key(request),
                trigger_at=request.at,
                done=self._held(child, request),
                detail=f"Professionals' meeting asked for by {asked_by} on "
                f"{shown(day_of(request))}; not yet held.",
            )

    def _held(self, child: PersonView, request: Happening) -> bool:
        return any(
            day_of(meeting) >= day_of(request) or meeting.refers_to == request.key
            for meeting in concerning(child, *HELD)
        )


CHECK = ProfessionalsMeetingHeld()
