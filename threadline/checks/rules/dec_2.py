"""DEC-2: a manager reviews each strategy discussion's decision."""

from __future__ import annotations

from collections.abc import Iterator

from threadline.checks.base import Actor, Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts, Happening, PersonView
from threadline.checks.patterns import occurrence_key
from threadline.checks.rules._planning import (
    about,
    day_of,
    one_per_meeting,
    outcome_label,
    same_meeting,
    shown,
    start_of,
)
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
    resolves = "a manager's review recorded on or after the strategy discussion"
    who = Actor.TEAM_MANAGER
    ladder = (Actor.SERVICE_MANAGER,)
    timescale = Timescale(working_days=2)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        # Police and health often record the same discussion: one alert for the meeting.
        for discussion in one_per_meeting(about(child, EventType.STRATEGY_DISCUSSION)):
            decided = f" decided: {outcome_label(discussion.outcome)}" if discussion.outcome else ""
            yield Occurrence(
                key=occurrence_key(discussion),
                trigger_at=discussion.at,
                done=self._reviewed(child, discussion),
                detail=f"Strategy discussion on {shown(day_of(discussion))}{decided}; "
                "no manager's review of the decision recorded since.",
            )

    def _reviewed(self, child: PersonView, discussion: Happening) -> bool:
        """A review answering this discussion, or one that answers nothing in particular. A review
        that answers some other event (another discussion, a plan) does not count."""
        records = same_meeting(child, discussion)
        reviews = child.happenings(EventType.MANAGEMENT_REVIEW, after=start_of(day_of(discussion)))
        return any(review.refers_to is None or review.refers_to in records for review in reviews)


CHECK = StrategyDecisionReviewed()
