"""DEC-3: an assessment accepted on referral is completed within 45 working days."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from threadline.checks.base import Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts, Happening
from threadline.checks.patterns import first_after, occurrence_key
from threadline.chronology.vocabulary import EventType, Outcome

ASSESSMENT_OUTCOMES = {Outcome.SINGLE_ASSESSMENT, Outcome.SECTION_47, ""}
LOOK_BACK = dt.timedelta(days=60)


class AssessmentCompletedInTime(Check):
    id = "DEC-3"
    title = "An assessment is completed within 45 working days of the referral"
    provenance = (
        Provenance(
            "Ak",
            "Rec 7",
            "the start and completion of assessments (including within statutory required "
            "timescales ...)",
        ),
    )
    must = "Complete and authorise the assessment"
    resolves = "an assessment completed after the referral"
    timescale = Timescale(working_days=45, warn_at=35)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        for start in self._starts(facts):
            completed = first_after(child, [EventType.ASSESSMENT_COMPLETED], start.at)
            yield Occurrence(
                key=occurrence_key(start),
                trigger_at=start.at,
                done=completed is not None,
                detail=f"Referral accepted for assessment on {start.day:%d %b %Y}.",
            )

    def _starts(self, facts: Facts) -> list[Happening]:
        """Referrals accepted for assessment, and assessments started without one on record."""
        child = facts.subject
        accepted = child.happenings(EventType.REFERRAL, outcomes=ASSESSMENT_OUTCOMES - {""})
        starts = list(accepted)
        for started in child.happenings(EventType.ASSESSMENT_STARTED, outcomes=ASSESSMENT_OUTCOMES):
            if not any(started.at - LOOK_BACK <= r.at <= started.at for r in accepted):
                starts.append(started)
        return starts


CHECK = AssessmentCompletedInTime()
