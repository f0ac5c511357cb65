"""RSK-6: a baby living with parental alcohol or drug use or smoking has a targeted safe-sleep
plan, not only advice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from threadline.agencies.models import AgencyKind
from threadline.checks.base import Actor, Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts, Link, PersonView
from threadline.checks.rules._network import (
    adult_links,
    day_at,
    day_of,
    first_on_or_after,
    joined_at,
    label,
    latest,
    services,
    start_of,
    substance_signs,
    today,
    when,
    who,
)
from threadline.chronology.vocabulary import EventType

INFANT_AGE = 1.0
# Use in the year before the birth still says the baby is born into it.
RECENT = dt.timedelta(days=365)
PREGNANCY = dt.timedelta(days=300)
# Advice alone does not count: the reviews found advice given four times was not enough.
PLAN = [EventType.SAFE_SLEEP_PLAN]


@dataclass(frozen=True)
class Risk:
    at: dt.datetime
    what: str


class SafeSleepPlanned(Check):
    id = "RSK-6"
    title = "A baby living with parental drinking, drug use or smoking has a safe-sleep plan"
    provenance = (
        Provenance(
            "E",
            "finding 5",
            "The safe sleeping advice, given consistently to mother, was not effective in "
            "reducing the risks to Steven",
        ),
        Provenance(
            "E",
            "question 11",
            "Should a tiered or different approach be considered when working with parents who "
            "have identified as having additional needs and being at higher risk?",
        ),
    )
    must = "Agree a targeted safe-sleep plan with the parents (advice alone is not enough)"
    resolves = "a safe-sleep plan recorded for the baby, or with a parent during or since pregnancy"
    who = Actor.HEALTH_VISITOR
    ladder = (Actor.ALLOCATED_WORKER, Actor.TEAM_MANAGER)
    timescale = Timescale(working_days=10)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        baby = facts.subject
        born = baby.person.date_of_birth
        if born is None or (baby.age_on(today(facts)) or 0) >= INFANT_AGE:
            return
        links = adult_links(baby, today(facts))
        found = [risk for link in links for risk in _risks(link, joined_at(link, baby), born)]
        risks = sorted(found, key=lambda risk: risk.at)
        if not risks:
            return
        first = risks[0]
        yield Occurrence(
            key="infant",
            trigger_at=latest(start_of(born), first.at),
            done=_planned(baby, links, born),
            detail=f"Baby born {when(born)}; {first.what}. Only a targeted safe-sleep plan "
            "resolves this, not advice.",
        )


def _risks(link: Link, joined: dt.datetime | None, born: dt.date) -> list[Risk]:
    """Drink or drug use (standing in for smoking too) by an adult caring for the baby, shown
    since a year before the birth, counted from when that adult came into the baby's life."""
    since = start_of(born) - RECENT
    whose = who(link)
    found = [
        Risk(latest(h.at, joined), f"{whose}: {label(h)} {when(day_of(h))}")
        for h in substance_signs(link.other)
        if h.at >= since
    ]
    for service in services(link.other, AgencyKind.DRUG_ALCOHOL):
        if service.closed_on is None or start_of(service.closed_on) > since:
            opened = start_of(service.opened_on)
            text = f"{whose}: open to {service.agency.name} from {when(service.opened_on)}"
            found.append(Risk(latest(opened, joined), text))
    return found


def _planned(baby: PersonView, links: list[Link], born: dt.date) -> bool:
    if first_on_or_after(baby, PLAN, dt.date.min) is not None:
        return True
    pregnancy = day_at(start_of(born) - PREGNANCY)
    return any(first_on_or_after(link.other, PLAN, pregnancy) for link in links)


CHECK = SafeSleepPlanned()
