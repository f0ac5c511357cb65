"""PLN-4: no step-down or closure while risk is active or engagement poor, without a risk
appraisal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from threadline.checks.base import Actor, Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts, PersonView
from threadline.checks.patterns import INCIDENTS
from threadline.checks.rules._planning import (
    concerning,
    concerns,
    day_of,
    label,
    nation_of,
    shown,
    start_of,
    step_downs,
)
from threadline.chronology.vocabulary import EventType, Outcome
from threadline.workingdays import subtract_working_days

LOOK_BACK = dt.timedelta(days=92)  # three months
RISK_EVENTS = (*INCIDENTS, EventType.SUBSTANCE_USE, EventType.MENTAL_HEALTH_CRISIS)
RISK_RESULTS = {Outcome.POSITIVE, Outcome.INTOXICATED}  # a drug test, say
DISENGAGING = (EventType.MISSED_APPOINTMENT, EventType.CHILD_NOT_SEEN)
POOR_ENGAGEMENT = 2  # missed appointments or visits in the three months
APPRAISALS = (EventType.RISK_ASSESSMENT, EventType.ASSESSMENT_COMPLETED)
APPRAISED_WITHIN = 20  # working days before the decision


class RiskAppraisedBeforeStepDown(Check):
    id = "PLN-4"
    title = "A risk appraisal before stepping down while risk is active or engagement poor"
    provenance = (
        Provenance(
            "Ak",
            "Rec 6",
            "Where child welfare concerns are identified, poor engagement by families should "
            "heighten concern and should not prompt case closure unless there has been a "
            "thorough risk appraisal.",
        ),
    )
    must = "Record a risk appraisal before stepping down or closing while risk is active"
    resolves = "a risk assessment (or updated assessment) in the 20 working days before the decision, or since"
    who = Actor.TEAM_MANAGER
    ladder = (Actor.SERVICE_MANAGER,)
    timescale = Timescale(working_days=None)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        for proposal in step_downs(child):
            active = self.active_concerns(facts, proposal.day)
            if not active:
                continue
            yield Occurrence(
                key=proposal.key,
                trigger_at=proposal.at,
                done=self.appraised(child, proposal.day),
                detail=f"{proposal.what} on {shown(proposal.day)} with {'; '.join(active)} in "
                "the three months before, and no risk appraisal recorded.",
            )

    def active_concerns(self, facts: Facts, day: dt.date) -> list[str]:
        # The child and the adults linked to them directly (whose records the checks always see).
        people = [facts.subject, *facts.caring_adults(day)]
        recent = [
            h
            for person in people
            for h in person.events
            if day - LOOK_BACK <= day_of(h) <= day and concerns(h)
        ]
        risks = {
            h.key: h
            for h in recent
            if h.type in RISK_EVENTS
            or (h.type == EventType.DRUG_TEST and h.outcome in RISK_RESULTS)
        }
        missed = {
            h.key for h in recent if h.type in DISENGAGING or h.outcome == Outcome.DID_NOT_ATTEND
        }
        found = []
        if risks:
            kinds = sorted({label(h.type).lower() for h in risks.values()})
            found.append(f"{len(risks)} incident(s) ({', '.join(kinds)})")
        if len(missed) >= POOR_ENGAGEMENT:
            found.append(f"{len(missed)} missed appointments or visits")
        return found

    def appraised(self, child: PersonView, day: dt.date) -> bool:
        first_day = subtract_working_days(day, APPRAISED_WITHIN, nation_of(child))
        return bool(concerning(child, *APPRAISALS, after=start_of(first_day)))


CHECK = RiskAppraisedBeforeStepDown()
