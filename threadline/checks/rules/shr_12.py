"""SHR-12: what a GP practice safeguarding meeting shared about a child is on the record."""

from __future__ import annotations

from collections.abc import Iterator

from threadline.checks.base import Actor, Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts, Happening
from threadline.checks.patterns import occurrence_key
from threadline.checks.rules._sharing import day_of, on
from threadline.chronology.vocabulary import EventType, Outcome

# The practice's record that, having discussed it, there was nothing to share.
NOTHING_TO_SHARE = frozenset({Outcome.NO_FURTHER_ACTION})


class GpMeetingSharing(Check):
    id = "SHR-12"
    title = "What a GP practice safeguarding meeting shared about a child is recorded"
    provenance = (
        Provenance(
            "Ak",
            "finding 6",
            "Child Ak and his maternal family were discussed a multi-disciplinary safeguarding "
            "meetings at the GP practice. It is not clear what information was shared from these "
            "meetings",
        ),
    )
    must = "Record what the practice shared after its safeguarding meeting, and with whom"
    resolves = (
        "information shared by the practice (naming the agency told) on or after the meeting, "
        "or its recorded decision that nothing needed sharing"
    )
    who = Actor.GP_LEAD
    ladder = ()
    timescale = Timescale(working_days=5)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        for meeting in child.happenings(EventType.GP_SAFEGUARDING_MEETING):
            yield Occurrence(
                key=occurrence_key(meeting),
                trigger_at=meeting.at,
                done=meeting.outcome in NOTHING_TO_SHARE or self._recorded(child.events, meeting),
                detail=f"GP practice safeguarding meeting on {on(day_of(meeting))} discussed the "
                "child: record what was shared, and with which agency.",
            )

    def _recorded(self, events: list[Happening], meeting: Happening) -> bool:
        day = day_of(meeting)
        for h in events:
            if h.agency_id != meeting.agency_id:
                continue
            answers = h.refers_to == meeting.key
            if h.type == EventType.INFORMATION_SHARED and (
                answers or (h.refers_to is None and day_of(h) >= day)
            ):
                return True
            if h.type == EventType.DECISION and answers:
                return True
        return False


CHECK = GpMeetingSharing()
