"""PLN-5: a manager reviews a child in need plan at six months, and every six months after."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from threadline.casework.models import EpisodeKind, StatusEpisode
from threadline.checks.base import Actor, Check, Occurrence, Provenance
from threadline.checks.facts import Facts, PersonView
from threadline.checks.rules._planning import (
    ByDate,
    add_months,
    concerning,
    shown,
    start_of,
    today,
)
from threadline.chronology.vocabulary import EventType

EVERY = 6  # months
REVIEW_WINDOW = 1  # month before each six-month point
LOOK_AHEAD = 2  # future six-month points watched ahead of time


class ChildInNeedPlanReviewed(Check):
    id = "PLN-5"
    title = "A manager reviews a child in need plan every six months"
    provenance = (
        Provenance(
            "Ag",
            "good practice",
            "Ideally children would not be on a Child In Need Plan for longer than six months",
        ),
        Provenance(
            "Ag",
            "good practice",
            "It is now business as usual that a Team, within Safeguarding Children's Services, has "
            "to review the Child In Need Plan and authorise the Plan",
        ),
    )
    must = "A manager reviews the child in need plan: why it is still needed, and what must change"
    resolves = "a manager's review recorded in the month before the six-month point, or since"
    who = Actor.TEAM_MANAGER
    ladder = (Actor.SERVICE_MANAGER,)
    timescale = ByDate(working_days=None, wording="by each six-month point of the plan")

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        for episode in child.episodes:
            if episode.kind == EpisodeKind.CHILD_IN_NEED:
                yield from self._six_monthly(child, episode, today(facts))

    def _six_monthly(
        self, child: PersonView, episode: StatusEpisode, on_day: dt.date
    ) -> Iterator[Occurrence]:
        """Every six-month point reached so far, and the next two. Those are yielded ahead of
        time because the engine only looks for new occurrences when a record arrives: watched
        from now, they are raised on their dates even if nothing is recorded meanwhile."""
        months, cycle_began, ahead = EVERY, episode.started_on, 0
        while True:
            point = add_months(episode.started_on, months)
            if episode.ended_on and episode.ended_on <= point:
                return  # the plan ended before reaching it
            window_opens = add_months(episode.started_on, months - REVIEW_WINDOW)
            reviews = concerning(child, EventType.MANAGEMENT_REVIEW, after=start_of(window_opens))
            yield Occurrence(
                key=f"episode:{episode.agency_id}:{episode.source_id}:{months}m",
                trigger_at=start_of(cycle_began),
                done=bool(reviews),
                due_on=point,
                detail=f"Child in need plan open since {shown(episode.started_on)} reaches "
                f"{months} months on {shown(point)}; no manager's review recorded since "
                f"{shown(window_opens)}.",
            )
            if window_opens > on_day:
                ahead += 1
                if ahead == LOOK_AHEAD:
                    return  # later points are yielded as records arrive
            months, cycle_began = months + EVERY, point


CHECK = ChildInNeedPlanReviewed()
