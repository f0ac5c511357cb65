"""RSK-1: domestic abuse, parental mental ill-health and substance misuse accumulating around a
child call for a specific risk assessment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from threadline.agencies.models import AgencyKind
from threadline.casework.models import EpisodeKind, Involvement
from threadline.checks.base import Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts, Happening, Link
from threadline.checks.patterns import occurrence_key
from threadline.checks.rules._network import (
    ABSENT_ROLES,
    OWN_ROLES,
    STATUTORY_KINDS,
    Period,
    day_at,
    day_of,
    first_on_or_after,
    household_links,
    involved_periods,
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

DOMESTIC_ABUSE = "domestic abuse"
MENTAL_HEALTH = "parental mental ill-health"
SUBSTANCES = "substance misuse"
# Evidence older than this no longer says the factor is present in the child's life now.
RECENT = dt.timedelta(days=365)
ASSESSED = [EventType.RISK_ASSESSMENT]
SERVICES = {MENTAL_HEALTH: AgencyKind.ADULT_MENTAL_HEALTH, SUBSTANCES: AgencyKind.DRUG_ALCOHOL}


@dataclass(frozen=True)
class Sign:
    """One piece of evidence of a factor, and the time it shows the factor present."""

    factor: str
    start: dt.datetime
    end: dt.datetime
    ident: str
    what: str

    def present_at(self, moment: dt.datetime) -> bool:
        return self.start <= moment and self.end >= moment - RECENT


class CumulativeRiskAssessed(Check):
    id = "RSK-1"
    title = "Domestic abuse, parental mental ill-health and substance misuse together are assessed"
    provenance = (
        Provenance(
            "BE",
            "finding 4",
            "Domestic abuse, substance misuse and parental mental health issues were prevalent "
            "in this serious case review.",
        ),
        Provenance(
            "BE",
            "learning 4",
            "There is cumulative risk of harm to a child when different parental and "
            "environmental risk factors are present over periods of time.",
        ),
        Provenance(
            "E",
            "reason for review",
            "Both of Steven's parents were known to have mental health difficulties and "
            "concerns in relation to alcohol misuse.",
        ),
    )
    must = "Carry out a specific risk assessment of the cumulative risk to the child"
    resolves = "a risk assessment for the child on or after the day the factors came together"
    timescale = Timescale(working_days=5)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        periods = involved_periods(facts.subject, {EpisodeKind.EARLY_HELP, *STATUTORY_KINDS})
        moments: set[dt.datetime] = set()
        for sign, present in _accumulations(_signs(facts)):
            known = _known_to_services(periods, sign.start, today(facts))
            if known is not None and known not in moments:
                moments.add(known)
                yield self._occurrence(facts, sign, present, known)

    def _occurrence(
        self, facts: Facts, sign: Sign, present: list[Sign], since: dt.datetime
    ) -> Occurrence:
        day = day_at(since)
        assessed = first_on_or_after(facts.subject, ASSESSED, day)
        return Occurrence(
            key=sign.ident,
            trigger_at=since,
            done=assessed is not None,
            detail=f"Together since {when(day_at(sign.start))}: {_summary(present)}. "
            f"No risk assessment since {when(day)}.",
        )


def _accumulations(signs: list[Sign]) -> Iterator[tuple[Sign, list[Sign]]]:
    """Each sign that brings a new factor to another already present: two factors together,
    or a third joining them. A factor recurring while already present is not a new one."""
    ordered = sorted(signs, key=lambda sign: sign.start)
    for sign in ordered:
        others = [s for s in ordered if s.ident != sign.ident and s.present_at(sign.start)]
        before = {s.factor for s in others}
        if sign.factor not in before and len(before) >= 1:
            yield sign, [*others, sign]


def _known_to_services(
    periods: list[Period], moment: dt.datetime, day: dt.date
) -> dt.datetime | None:
    """The child's worker is the one to assess: from the accumulation, or from when children's
    services next became involved; None if they have not been involved since."""
    for period in periods:
        if (period.end is None or period.end > day_at(moment)) and period.start <= day:
            return latest(moment, start_of(period.start))
    return None


def _signs(facts: Facts) -> list[Sign]:
    child = facts.subject
    found = [
        _event_sign(DOMESTIC_ABUSE, h, None, "")
        for h in child.happenings(EventType.DOMESTIC_ABUSE_INCIDENT)
        if h.role not in ABSENT_ROLES
    ]
    for link in household_links(child, today(facts)):
        found += _adult_signs(link, joined_at(link, child), facts.now)
    # One event in several people's chronologies is one sign, from the first time it counts.
    unique: dict[tuple[str, str], Sign] = {}
    for sign in sorted(found, key=lambda s: s.start, reverse=True):
        unique[(sign.ident, sign.factor)] = sign
    return list(unique.values())


def _adult_signs(link: Link, joined: dt.datetime | None, now: dt.datetime) -> list[Sign]:
    adult, whose = link.other, f"{who(link)}: "
    abuse = [
        h for h in adult.happenings(EventType.DOMESTIC_ABUSE_INCIDENT) if h.role not in ABSENT_ROLES
    ]
    crises = [h for h in adult.happenings(EventType.MENTAL_HEALTH_CRISIS) if h.role in OWN_ROLES]
    signs = [_event_sign(DOMESTIC_ABUSE, h, joined, whose) for h in abuse]
    signs += [_event_sign(MENTAL_HEALTH, h, joined, whose) for h in crises]
    signs += [_event_sign(SUBSTANCES, h, joined, whose) for h in substance_signs(adult)]
    for factor, kind in SERVICES.items():
        signs += _service_signs(factor, services(adult, kind), link, joined, now)
    return signs


def _event_sign(factor: str, h: Happening, joined: dt.datetime | None, whose: str) -> Sign:
    """An event counts for the child from when the adult came into the child's life."""
    start = latest(h.at, joined)
    return Sign(factor, start, start, occurrence_key(h), f"{whose}{label(h)} {when(day_of(h))}")


def _service_signs(
    factor: str,
    involvements: Iterable[Involvement],
    link: Link,
    joined: dt.datetime | None,
    now: dt.datetime,
) -> list[Sign]:
    """Being open to an adult mental health or drug and alcohol service shows the factor for as
    long as the service is open."""
    signs = []
    for involvement in involvements:
        start = latest(start_of(involvement.opened_on), joined)
        end = start_of(involvement.closed_on) if involvement.closed_on else now
        if start <= end:
            what = (
                f"{who(link)}: open to {involvement.agency.name} from {when(involvement.opened_on)}"
            )
            signs.append(Sign(factor, start, end, f"involvement:{involvement.pk}", what))
    return signs


def _summary(present: list[Sign]) -> str:
    """The latest evidence of each factor, in a fixed order."""
    latest_of: dict[str, Sign] = {}
    for sign in sorted(present, key=lambda s: s.start):
        latest_of[sign.factor] = sign
    order = [DOMESTIC_ABUSE, MENTAL_HEALTH, SUBSTANCES]
    parts = [f"{factor} ({latest_of[factor].what})" for factor in order if factor in latest_of]
    return "; ".join(parts)


CHECK = CumulativeRiskAssessed()
