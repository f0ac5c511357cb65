"""NET-1: an adult with a record of domestic abuse, violence or drug offences is linked to a child
who has statutory involvement, and the assessment or plan records how that history was weighed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from threadline.casework.models import EpisodeKind
from threadline.checks.base import Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts, Happening, Link, PersonView
from threadline.checks.rules._network import (
    STATUTORY_KINDS,
    Period,
    adult_links,
    capital,
    day_at,
    day_of,
    first_on_or_after,
    involved_periods,
    joined_at,
    label,
    latest,
    linked_on,
    start_of,
    today,
    when,
    who,
)
from threadline.chronology.models import SubjectRole
from threadline.chronology.vocabulary import EventType

# A partner here is the child's own (a teenager's adult partner); a parent's partner who is not
# linked to the child is two steps away, where the record's events are not read (see _network).
LINKED_ROLES = frozenset({"parent", "step_parent", "carer", "significant_adult", "partner"})
# Incidents count only where the adult is named as the alleged perpetrator: an adult recorded
# as the victim, a witness or simply "subject" of an incident is not shown to be a risk by it.
INCIDENTS = (EventType.DOMESTIC_ABUSE_INCIDENT, EventType.POLICE_INCIDENT)
# The vocabulary has no offence category, so any arrest, charge, conviction or custody counts.
OFFENCES = (
    EventType.ARREST,
    EventType.CHARGE_OR_CONVICTION,
    EventType.CUSTODY_START,
    EventType.RISK_TO_CHILDREN_ASSESSED,
)
OFFENDER_ROLES = frozenset({SubjectRole.SUBJECT, SubjectRole.ALLEGED_PERPETRATOR})
WEIGHED_IN = (
    EventType.ASSESSMENT_COMPLETED,
    EventType.RISK_ASSESSMENT,
    EventType.PLAN_REVIEWED,
    EventType.CONFERENCE,
)
SHOWN = 3  # the most recent items of the history named on the alert


class RiskyAdultWeighed(Check):
    id = "NET-1"
    title = "An adult's history of abuse or offending is weighed for the child linked to them"
    provenance = (
        Provenance(
            "Ak",
            "finding 4",
            "professionals did not fully appreciate the significance of father's chronic "
            "history of domestic abuse and extensive history of drug related offences.",
        ),
        Provenance(
            "BE",
            "finding 2",
            "Assessments were based on self-reporting rather than making assessments on "
            "recorded history.",
        ),
    )
    must = (
        "Record in the child's assessment, risk assessment or plan review how this adult's "
        "history was weighed"
    )
    resolves = (
        "an assessment completed, risk assessment, plan review or conference for the child on or "
        "after the day the adult, the history and the involvement first came together"
    )
    timescale = Timescale(working_days=10)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        periods = involved_periods(child, {EpisodeKind.EARLY_HELP, *STATUTORY_KINDS})
        for link in adult_links(child, today(facts), LINKED_ROLES):
            history = _history(link.other)
            if not history:
                continue
            for period in periods:
                start = _came_together(child, link, history, period, facts.now)
                if start is not None:
                    yield self._occurrence(child, link, history, period, start)

    def _occurrence(
        self,
        child: PersonView,
        link: Link,
        history: list[Happening],
        period: Period,
        start: dt.datetime,
    ) -> Occurrence:
        day = day_at(start)
        weighed = first_on_or_after(child, WEIGHED_IN, day)
        return Occurrence(
            key=f"link:{link.other.pk}:{period.start:%Y%m%d}",
            trigger_at=start,
            done=weighed is not None,
            detail=f"{capital(who(link))} has a record of {_listed(history)}; linked to the "
            f"child during involvement from {when(period.start)}. No assessment, risk "
            f"assessment or plan review since {when(day)}.",
        )


def _history(adult: PersonView) -> list[Happening]:
    incidents = [
        h for h in adult.happenings(*INCIDENTS) if h.role == SubjectRole.ALLEGED_PERPETRATOR
    ]
    offences = [h for h in adult.happenings(*OFFENCES) if h.role in OFFENDER_ROLES]
    return sorted([*incidents, *offences], key=lambda h: h.at)


def _came_together(
    child: PersonView, link: Link, history: list[Happening], period: Period, now: dt.datetime
) -> dt.datetime | None:
    """The first moment the adult was linked, had a record and the child was involved with, in
    this period of involvement; None when that never happened (or has not happened yet)."""
    start = latest(history[0].at, joined_at(link, child), start_of(period.start))
    day = day_at(start)
    if start > now or not period.holds_on(day) or not linked_on(link, child, day):
        return None
    return start


def _listed(history: list[Happening]) -> str:
    recent = history[-SHOWN:]
    items = [f"{_described(h)} {when(day_of(h))}" for h in reversed(recent)]
    more = f" and {len(history) - SHOWN} earlier" if len(history) > SHOWN else ""
    return ", ".join(items) + more


def _described(happening: Happening) -> str:
    if happening.type in INCIDENTS:
        return f"{label(happening)} (alleged perpetrator)"
    return label(happening)


CHECK = RiskyAdultWeighed()
