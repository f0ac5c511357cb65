"""SHR-10: an allegation of harm or a mark on a child goes to the allocated social worker and the
recording agency's safeguarding lead."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from threadline.agencies.models import AgencyKind
from threadline.checks.base import Actor, Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts, Happening
from threadline.checks.patterns import occurrence_key
from threadline.checks.rules._sharing import CSC, csc_answered, csc_told, day_of, on
from threadline.chronology.models import SubjectRole
from threadline.chronology.vocabulary import EventType

HARM = (EventType.ALLEGATION, EventType.INJURY_OBSERVED)
HARMED = frozenset({SubjectRole.SUBJECT, SubjectRole.VICTIM})
TO_SOCIAL_CARE = (EventType.INFORMATION_SHARED, EventType.REFERRAL, EventType.CONTACT)
# The vocabulary has no "discussed with our safeguarding lead": an agency records that as
# information shared with itself, or as a manager's review or decision on the event.
LEAD_RECORDS = (EventType.MANAGEMENT_REVIEW, EventType.DECISION, EventType.INFORMATION_SHARED)


class HarmShared(Check):
    id = "SHR-10"
    title = "An allegation or mark on a child is shared with the social worker and the safeguarding lead"
    provenance = (
        Provenance(
            "Q",
            "key messages",
            "It is vital to share information about any physical marks to a child with your "
            "safeguarding lead and with the allocated social worker.",
        ),
        Provenance(
            "Q",
            "learning points",
            "Always share information about allegations of harm or physical signs of harm with "
            "the allocated Social Worker for the child.",
        ),
    )
    must = (
        "Share the allegation or mark with the allocated social worker and your safeguarding lead"
    )
    resolves = (
        "information shared with children's social care (where the child has a social worker) and "
        "the recording agency's own record of its safeguarding lead being told, on or after the day"
    )
    who = Actor.RECORDING_AGENCY_LEAD
    ladder = (Actor.ALLOCATED_WORKER,)
    timescale = Timescale(working_days=1)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        for harm in child.happenings(*HARM):
            if harm.role not in HARMED or harm.agency_kind == CSC:
                continue  # social care's own record is already with the social worker
            day = day_of(harm)
            needs = self._needs(facts, harm, day)
            if not needs:
                continue
            missing = [need for need, done in needs.items() if not done]
            yield Occurrence(
                key=occurrence_key(harm),
                trigger_at=harm.at,
                done=not missing,
                detail=f"{EventType(harm.type).label} recorded by "
                f"{AgencyKind(harm.agency_kind).label} on {on(day)}. To be told: "
                f"{' and '.join(needs)}.",
            )

    def _needs(self, facts: Facts, harm: Happening, day: dt.date) -> dict[str, bool]:
        """What must be told, and whether it was."""
        child = facts.subject
        needs = {"the agency's safeguarding lead": self._lead_told(child.events, harm, day)}
        if child.open_involvements(day, CSC):
            told = csc_told(
                child.events, day, by=harm.agency_id, types=TO_SOCIAL_CARE, answering=harm.key
            ) or csc_answered(child.events, harm.key)
            needs["the allocated social worker"] = told is not None
        return needs

    def _lead_told(self, events: list[Happening], harm: Happening, day: dt.date) -> bool:
        for h in events:
            if h.agency_id != harm.agency_id or h.type not in LEAD_RECORDS or day_of(h) < day:
                continue
            if h.type == EventType.INFORMATION_SHARED:
                if h.counterpart_id == harm.agency_id:
                    return True
            elif h.refers_to in (None, harm.key):
                return True
        return False


CHECK = HarmShared()
