"""PLN-2: each outcome of a child protection plan says the risk, the change, by when, and what
happens if the change is not made."""

from __future__ import annotations

from collections.abc import Iterator

from threadline.casework.models import EpisodeKind, PlanOutcome
from threadline.checks.base import Actor, Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts
from threadline.checks.rules._planning import open_on, shown, start_of, today

SHOWN_CHANGE = 60


class PlanOutcomesComplete(Check):
    id = "PLN-2"
    title = (
        "Each child protection plan outcome names the risk, the change, by when and the consequence"
    )
    provenance = (
        Provenance(
            "Q",
            "findings",
            "The Child Protection Plan for Neglect did not consistently spell out the specific "
            "risks to the children and the consequences if the desired outcomes for their "
            "improved safety were not achieved.",
        ),
        Provenance(
            "Q",
            "learning points for managers",
            "Ensure that neglect cases have clear plans",
        ),
    )
    must = (
        "Complete the plan outcome: the risk, the change wanted, by when, and what happens if it "
        "is not achieved"
    )
    resolves = "the plan outcome rewritten with all four parts"
    who = Actor.ALLOCATED_WORKER
    ladder = (Actor.CP_CHAIR, Actor.TEAM_MANAGER, Actor.SERVICE_MANAGER)
    timescale = Timescale(working_days=None)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        on_day = today(facts)
        # Only the plans still running: an ended plan's outcomes can no longer be put right.
        plans = {
            episode.pk: episode
            for episode in child.episodes
            if episode.kind == EpisodeKind.CHILD_PROTECTION and open_on(episode, on_day)
        }
        for outcome in child.plan_outcomes:
            if outcome.episode_id in plans:
                yield self._occurrence(outcome)

    def _occurrence(self, outcome: PlanOutcome) -> Occurrence:
        missing = outcome.missing_parts
        change = outcome.change_wanted.strip()
        named = f" (“{change[:SHOWN_CHANGE]}”)" if change else ""
        return Occurrence(
            key=f"plan_outcome:{outcome.agency_id}:{outcome.source_id}",
            trigger_at=start_of(outcome.written_on),
            done=not missing,
            detail=f"Child protection plan outcome written on {shown(outcome.written_on)}{named} "
            f"does not say {', '.join(missing) or 'anything missing'}.",
        )


CHECK = PlanOutcomesComplete()
