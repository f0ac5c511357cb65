"""DEC-2: a manager reviews each strategy discussion's decision."""

from __future__ import annotations

from collections.abc import Iterator

from threadline.checks.base import Actor, Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts
from threadline.checks.patterns import first_after, occurrence_key
from threadline.chronology.vocabulary import EventType


class StrategyDecisionReviewed(Check):
    id = "DEC-2"
    title = "A manager reviews the strategy discussion's decision"
    provenance = (
        Provenance(
            "Ak",
            "findings",
            "There does not seem to have been an effective process for management oversight or a "
            "process to review the decision of the Strategy discussion.",
        ),
    )
    must = "Record a manager's review of the strategy discussion's decision"
    resolves = "a management review recorded after the strategy discussion"
    who = Actor.TEAM_MANAGER
    ladder = (Actor.SERVICE_MANAGER,)
    timescale = Timescale(working_days=2)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        for discussion in child.happenings(EventType.STRATEGY_DISCUSSION):
            review = first_after(child, [EventType.MANAGEMENT_REVIEW], discussion.at)
            yield Occurrence(
                key=occurrence_key(discussion),
                trigger_at=discussion.at,
                done=review is not None,
                detail=f"Strategy discussion on {discussion.day:%d %b %Y}.",
            )


CHECK = StrategyDecisionReviewed()
