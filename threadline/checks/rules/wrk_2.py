"""WRK-2: a professional disagreement or escalation is tracked to a recorded resolution."""

from __future__ import annotations

from collections.abc import Iterator

from threadline.agencies.models import AgencyKind
from threadline.checks.base import Actor, Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts, Happening, PersonView
from threadline.checks.patterns import occurrence_key
from threadline.checks.rules._planning import about, day_of, one_per_day, same_day_records, shown
from threadline.chronology.vocabulary import EventType

STAGE_DAYS = 5


class EscalationResolved(Check):
    id = "WRK-2"
    title = "A professional disagreement is tracked to a recorded resolution"
    provenance = (
        Provenance(
            "BE",
            "Rec 3",
            "Seeking the support of safeguarding leads when resolving professional disagreement",
        ),
        Provenance(
            "Ag",
            "Rec 3",
            "the escalation process confirms concerns should be raised with the Practice Manager, "
            "Team Manager and then ultimately the Service Manager.",
        ),
    )
    must = "Resolve the professional disagreement and record the resolution"
    resolves = "a resolution recorded that answers the escalation"
    who = Actor.ALLOCATED_WORKER
    ladder = (Actor.PRACTICE_MANAGER, Actor.TEAM_MANAGER, Actor.SERVICE_MANAGER)
    timescale = Timescale(working_days=STAGE_DAYS, rung_days=STAGE_DAYS)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        escalations = one_per_day(about(child, EventType.ESCALATION))
        resolved = self._resolved(child, escalations)
        for escalation in escalations:
            raised_by = AgencyKind(escalation.agency_kind).label.lower()
            yield Occurrence(
                key=occurrence_key(escalation),
                trigger_at=escalation.at,
                done=escalation.key in resolved,
                detail=f"Escalation raised by {raised_by} on {shown(day_of(escalation))}; "
                "no resolution recorded yet.",
            )

    def _resolved(self, child: PersonView, escalations: list[Happening]) -> set[tuple[int, str]]:
        """A resolution answers the escalation it refers to (any agency's record of it); one that
        names none answers the oldest escalation still open before it."""
        records = {e.key: same_day_records(child, e) for e in escalations}
        resolved: set[tuple[int, str]] = set()
        resolutions = child.happenings(EventType.ESCALATION_RESOLVED)
        for resolution in resolutions:
            for escalation in escalations:
                if resolution.refers_to in records[escalation.key]:
                    resolved.add(escalation.key)
        for resolution in resolutions:
            if resolution.refers_to is not None:
                continue
            for escalation in escalations:
                if escalation.key not in resolved and day_of(escalation) <= day_of(resolution):
                    resolved.add(escalation.key)
                    break
        return resolved


CHECK = EscalationResolved()
