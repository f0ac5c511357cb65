"""SHR-9: any injury to a baby who is not yet mobile is referred and assessed the same day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from threadline.checks.base import Actor, Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts, Happening
from threadline.checks.models import AlertLevel
from threadline.checks.patterns import is_non_mobile, occurrence_key
from threadline.checks.rules._sharing import (
    CSC,
    concerning,
    csc_answered,
    day_of,
    on,
    sent_to_csc,
)
from threadline.chronology.vocabulary import EventType

# A contact is how a concern first reaches social care; a referral is a contact it accepts.
REPORTS = (EventType.REFERRAL, EventType.CONTACT, EventType.INFORMATION_SHARED)


class NonMobileInjuryReferred(Check):
    id = "SHR-9"
    title = (
        "An injury to a non-mobile baby is referred and assessed by a paediatrician the same day"
    )
    provenance = (
        Provenance(
            "BE",
            "Rec BE3",
            "Injuries to non-mobile infants should always be reported to Children's Social Care "
            "regardless of a plausible explanation being given",
        ),
        Provenance(
            "E",
            "reason for review",
            "A historic bruise on Steven's chest was also noted which was thought may be "
            "innocuous or may have been indicative of a broken rib.",
        ),
    )
    must = (
        "Refer to children's social care and arrange a paediatric assessment, whatever the "
        "explanation given"
    )
    resolves = (
        "a referral or contact to children's social care (or recorded by it) and a paediatric "
        "assessment, each on or after the day of the injury"
    )
    who = Actor.RECORDING_AGENCY_LEAD
    ladder = (Actor.MASH,)
    timescale = Timescale(working_days=0)
    level = AlertLevel.URGENT

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        for injury in concerning(child, EventType.INJURY_OBSERVED):
            day = day_of(injury)
            if not is_non_mobile(child, day):
                continue
            missing = self._missing(child.events, injury, day)
            yield Occurrence(
                key=occurrence_key(injury),
                trigger_at=injury.at,
                done=not missing,
                detail=f"Injury or mark recorded on {on(day)} for a baby not yet mobile. Needed "
                "the same day: a referral to children's social care and a paediatric assessment.",
                # The same calendar day, weekends too: babies are seen at weekends.
                due_on=day,
            )

    def _missing(self, events: list[Happening], injury: Happening, day: dt.date) -> list[str]:
        later = [h for h in events if day_of(h) >= day]
        referred = csc_answered(events, injury.key) is not None or any(
            h.type in REPORTS and (sent_to_csc(h) or self._received_by_csc(h)) for h in later
        )
        assessed = any(h.type == EventType.PAEDIATRIC_ASSESSMENT for h in later)
        missing = []
        if not referred:
            missing.append("referral to children's social care")
        if not assessed:
            missing.append("paediatric assessment")
        return missing

    def _received_by_csc(self, h: Happening) -> bool:
        """Social care's own record of the contact or referral reaching it."""
        return h.agency_kind == CSC and h.type != EventType.INFORMATION_SHARED


CHECK = NonMobileInjuryReferred()
