"""RSK-5: a child who may have had access to drugs has a comprehensive risk assessment and a
paediatric assessment."""

from __future__ import annotations

from collections.abc import Iterator

from threadline.checks.base import Actor, Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts, Happening, PersonView
from threadline.checks.models import AlertLevel
from threadline.checks.patterns import occurrence_key
from threadline.checks.rules._network import day_of, first_on_or_after, when
from threadline.chronology.vocabulary import EventType

NEEDED = {
    EventType.RISK_ASSESSMENT: "risk assessment",
    EventType.PAEDIATRIC_ASSESSMENT: "paediatric assessment",
}


class DrugExposureAssessed(Check):
    id = "RSK-5"
    title = "A child who may have had access to drugs is risk assessed and seen by a paediatrician"
    provenance = (
        Provenance(
            "Ak",
            "Rec 8",
            "there must be a comprehensive risk assessment which will consider information or "
            "evidence of the accessibility of drugs within the household, and supervision of the "
            "child. A paediatric assessment should always be considered",
        ),
    )
    must = "Complete a comprehensive risk assessment and a paediatric assessment"
    resolves = "both a risk assessment and a paediatric assessment on or after the day of concern"
    who = Actor.ALLOCATED_WORKER
    ladder = (Actor.TEAM_MANAGER, Actor.SERVICE_MANAGER)
    timescale = Timescale(working_days=1, rung_days=1)
    level = AlertLevel.URGENT

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        for concern in child.happenings(EventType.DRUG_EXPOSURE):
            missing = _missing(child, concern)
            yield Occurrence(
                key=occurrence_key(concern),
                trigger_at=concern.at,
                done=not missing,
                detail=f"Possible access to drugs on {when(day_of(concern))}: no "
                f"{' or '.join(missing)} yet.",
            )


def _missing(child: PersonView, concern: Happening) -> list[str]:
    day = day_of(concern)
    return [text for kind, text in NEEDED.items() if first_on_or_after(child, [kind], day) is None]


CHECK = DrugExposureAssessed()
