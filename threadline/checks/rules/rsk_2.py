"""RSK-2: a new incident for a child on a plan is followed by a review of the plan's risk
assessment."""

from __future__ import annotations

from collections.abc import Iterator

from threadline.checks.base import Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts, Happening
from threadline.checks.patterns import INCIDENTS, occurrence_key
from threadline.checks.rules._network import (
    ABSENT_ROLES,
    OWN_ROLES,
    adult_links,
    capital,
    day_of,
    first_on_or_after,
    label,
    period_on,
    plan_periods,
    today,
    when,
)
from threadline.chronology.vocabulary import EventType

NEW_INCIDENTS = (*INCIDENTS, EventType.AMBULANCE_CALL)
# A review of risk: the risk assessment itself, or the plan reviewed at a review meeting or
# conference, or a strategy discussion held on the incident.
REVIEWS = (
    EventType.RISK_ASSESSMENT,
    EventType.PLAN_REVIEWED,
    EventType.CIN_REVIEW,
    EventType.CONFERENCE,
    EventType.STRATEGY_DISCUSSION,
)


class RiskReviewedAfterIncident(Check):
    id = "RSK-2"
    title = "The plan's risk assessment is reviewed after a new incident"
    provenance = (
        Provenance(
            "Q",
            "learning for managers",
            "Risk assessment: Review the risk assessment after any incidents to ensure that it "
            "reflects and addresses ongoing concerns.",
        ),
        Provenance(
            "Q",
            "finding 2",
            "Professionals were not consistently and sufficiently pro-active in response to "
            "incidents and allegations regarding the children",
        ),
    )
    must = "Review the plan's risk assessment in the light of the incident"
    resolves = (
        "a risk assessment, plan review, child in need review, conference or strategy "
        "discussion for the child on or after the day of the incident"
    )
    timescale = Timescale(working_days=5)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        plans = plan_periods(child)
        for incident in _incidents(facts):
            day = day_of(incident)
            if period_on(plans, day) is None:
                continue
            reviewed = first_on_or_after(child, REVIEWS, day)
            yield Occurrence(
                key=occurrence_key(incident),
                trigger_at=incident.at,
                done=reviewed is not None,
                detail=f"{capital(label(incident))} on {when(day)} during the plan; "
                "the risk assessment has not been reviewed since.",
            )


def _incidents(facts: Facts) -> list[Happening]:
    """Incidents concerning the child, or one of the adults caring for the child as the person
    it happened to or who did it; each once, though several chronologies hold it."""
    child = facts.subject
    found = {h.key: h for h in child.happenings(*NEW_INCIDENTS) if h.role not in ABSENT_ROLES}
    for link in adult_links(child, today(facts)):
        for h in link.other.happenings(*NEW_INCIDENTS):
            if h.role in OWN_ROLES:
                found.setdefault(h.key, h)
    return sorted(found.values(), key=lambda h: h.at)


CHECK = RiskReviewedAfterIncident()
