"""RSK-3: domestic abuse is risk assessed with the DASH checklist, and high risk goes to MARAC."""

from __future__ import annotations

from collections.abc import Iterator

from threadline.checks.base import Actor, Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts, Happening, PersonView
from threadline.checks.patterns import occurrence_key
from threadline.checks.rules._network import day_of, first_on_or_after, when
from threadline.chronology.models import SubjectRole
from threadline.chronology.vocabulary import EventType, Outcome

RISK_LEVELS = frozenset({Outcome.HIGH_RISK, Outcome.MEDIUM_RISK, Outcome.STANDARD_RISK})
DASH = [EventType.DASH_COMPLETED]
MARAC = [EventType.MARAC_REFERRAL, EventType.MARAC]
# A DASH checklist is about the person at risk; the alleged perpetrator may be named on it too.
AT_RISK = frozenset({SubjectRole.VICTIM, SubjectRole.SUBJECT})


class DomesticAbuseRiskAssessed(Check):
    id = "RSK-3"
    title = "Domestic abuse is risk assessed (DASH) and high risk referred to MARAC"
    provenance = (
        Provenance(
            "BE",
            "lesson 1.1",
            "The agencies across the LSCB should use a common approach and an agreed tool to "
            "assess where Domestic Abuse is a factor.",
        ),
        Provenance(
            "E", "good practice 6", "Domestic abuse incidents were referred appropriately to MARAC"
        ),
    )
    must = "Complete the DASH risk checklist with the victim; refer high risk to MARAC"
    resolves = (
        "a DASH checklist (or the incident recorded with its DASH risk level) for the victim; "
        "for high risk, a MARAC referral or the case heard at MARAC"
    )
    who = Actor.POLICE
    ladder = (Actor.RECORDING_AGENCY_LEAD, Actor.MASH)
    timescale = Timescale(working_days=5)
    children_only = False

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        victim = facts.subject
        for incident in victim.happenings(EventType.DOMESTIC_ABUSE_INCIDENT):
            if incident.role == SubjectRole.VICTIM:
                yield self._dash(victim, incident)
        for assessed in _high_risk(victim):
            yield self._marac(victim, assessed)

    def _dash(self, victim: PersonView, incident: Happening) -> Occurrence:
        graded = incident.outcome in RISK_LEVELS
        dash = first_on_or_after(victim, DASH, day_of(incident))
        return Occurrence(
            key=occurrence_key(incident),
            trigger_at=incident.at,
            done=graded or dash is not None,
            detail=f"Domestic abuse incident on {when(day_of(incident))}: no DASH risk checklist "
            "recorded for the victim.",
        )

    def _marac(self, victim: PersonView, assessed: Happening) -> Occurrence:
        referred = first_on_or_after(victim, MARAC, day_of(assessed))
        return Occurrence(
            key=f"{occurrence_key(assessed)}:marac",
            trigger_at=assessed.at,
            done=referred is not None,
            detail=f"Assessed as high risk on {when(day_of(assessed))}: no MARAC referral.",
        )


def _high_risk(victim: PersonView) -> list[Happening]:
    """High-risk DASH results, and incidents recorded with a high-risk DASH level, about this
    person as the one at risk (an incident's "subject" is not enough: it has to say victim)."""
    return [
        h
        for h in victim.happenings(
            EventType.DASH_COMPLETED,
            EventType.DOMESTIC_ABUSE_INCIDENT,
            outcomes=[Outcome.HIGH_RISK],
        )
        if h.role == SubjectRole.VICTIM
        or (h.type == EventType.DASH_COMPLETED and h.role in AT_RISK)
    ]


CHECK = DomesticAbuseRiskAssessed()
