"""DEC-1: a strategy discussion's decision is carried out."""

from __future__ import annotations

from collections.abc import Iterator

from threadline.checks.base import Actor, Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts
from threadline.checks.patterns import first_after, occurrence_key
from threadline.checks.rules._planning import one_per_meeting
from threadline.chronology.vocabulary import EventType, Outcome
from threadline.workingdays import add_working_days

WHAT_STARTS_IT = {
    Outcome.SINGLE_ASSESSMENT: (EventType.ASSESSMENT_STARTED, 1),
    Outcome.SECTION_47: (EventType.ASSESSMENT_STARTED, 1),
    Outcome.ICPC: (EventType.CONFERENCE, 15),
}


class StrategyDecisionCarriedOut(Check):
    id = "DEC-1"
    title = "A strategy discussion's decision is carried out"
    provenance = (
        Provenance(
            "Ak",
            "finding 1",
            "A Strategy meeting (approximately three months prior to Child Ak's death) recommended "
            "a single assessment. The single assessment did not take place prior to Child Ak's death.",
        ),
    )
    must = "Start the action the strategy discussion decided (assessment, section 47 or ICPC)"
    resolves = "an assessment started, or the initial child protection conference held"
    who = Actor.ALLOCATED_WORKER
    ladder = (Actor.TEAM_MANAGER, Actor.SERVICE_MANAGER)
    timescale = Timescale(working_days=1)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        deciding = [
            h
            for h in child.happenings(EventType.STRATEGY_DISCUSSION)
            if h.outcome in WHAT_STARTS_IT
        ]
        # Police and social care often both record the same discussion: one alert, not two.
        for discussion in one_per_meeting(deciding):
            follow_up, days = WHAT_STARTS_IT[Outcome(discussion.outcome)]
            outcomes = {Outcome.ICPC} if follow_up == EventType.CONFERENCE else None
            done = first_after(child, [follow_up], discussion.at, outcomes=outcomes)
            yield Occurrence(
                key=occurrence_key(discussion),
                trigger_at=discussion.at,
                done=done is not None,
                detail=f"Strategy discussion on {discussion.day:%d %b %Y} decided: "
                f"{Outcome(discussion.outcome).label}.",
                due_on=add_working_days(discussion.day, days) if days != 1 else None,
            )


CHECK = StrategyDecisionCarriedOut()
