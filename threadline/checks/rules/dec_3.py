"""DEC-3: an assessment accepted on referral is completed within 45 working days."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from threadline.checks.base import Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts, Happening, PersonView
from threadline.checks.patterns import occurrence_key
from threadline.checks.rules._planning import (
    about,
    day_of,
    nation_of,
    one_per_day,
    outcome_label,
    shown,
    start_of,
)
from threadline.chronology.vocabulary import EventType, Outcome
from threadline.workingdays import add_working_days

ACCEPTED_FOR_ASSESSMENT = {Outcome.SINGLE_ASSESSMENT, Outcome.SECTION_47}
# An assessment started without a referral on record (after a strategy discussion, say) counts.
UNREFERRED_STARTS = {*ACCEPTED_FOR_ASSESSMENT, ""}
LOOK_BACK = dt.timedelta(days=60)
# A recorded decision to end the work closes the assessment as surely as a completion does.
ENDING_DECISIONS = {Outcome.NO_FURTHER_ACTION, Outcome.CLOSURE}
DAYS = 45


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
    resolves = (
        "an assessment completed (or a decision to take no further action) after the referral"
    )
    timescale = Timescale(working_days=DAYS, warn_at=35)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        nation = nation_of(child)
        for start in self._starts(child):
            due = add_working_days(day_of(start), DAYS, nation)
            what = "Referral" if start.type == EventType.REFERRAL else "Assessment started"
            kind = f" for a {outcome_label(start.outcome)}" if start.outcome else ""
            yield Occurrence(
                key=occurrence_key(start),
                trigger_at=start.at,
                done=self._ended(child, start),
                detail=f"{what} on {shown(day_of(start))}{kind}; no completed assessment "
                f"recorded yet (due by {shown(due)}).",
            )

    def _starts(self, child: PersonView) -> list[Happening]:
        """Referrals accepted for assessment, and assessments started without one on record."""
        accepted = one_per_day(
            h for h in about(child, EventType.REFERRAL) if h.outcome in ACCEPTED_FOR_ASSESSMENT
        )
        starts = list(accepted)
        for started in one_per_day(about(child, EventType.ASSESSMENT_STARTED)):
            if started.outcome not in UNREFERRED_STARTS:
                continue
            if not any(started.at - LOOK_BACK <= r.at <= started.at for r in accepted):
                starts.append(started)
        return starts

    def _ended(self, child: PersonView, start: Happening) -> bool:
        since = start_of(day_of(start))
        if child.happenings(EventType.ASSESSMENT_COMPLETED, after=since):
            return True
        return bool(child.happenings(EventType.DECISION, after=since, outcomes=ENDING_DECISIONS))


CHECK = AssessmentCompletedInTime()
