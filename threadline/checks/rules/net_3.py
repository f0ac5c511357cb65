"""NET-3: while a child has a plan, the genogram and ecomap are drawn and kept up to date with
every change of household."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from threadline.checks.base import Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts, Link, PersonView
from threadline.checks.rules._network import (
    Period,
    adult_links,
    day_at,
    day_of,
    first_on_or_after,
    joined_at,
    period_on,
    plan_periods,
    start_of,
    today,
    when,
    who,
)
from threadline.chronology.vocabulary import EventType

# A relationship starting or ending among these is a change in who the child lives or grows up
# with: a parent, step-parent or carer arriving or leaving, a brother or sister born.
CHILD_SIDE_ROLES = frozenset(
    {"parent", "step_parent", "carer", "significant_adult", "sibling", "half_sibling"}
)
# And among these, seen from the child's parents and carers: a new partner, a separation.
PARENT_SIDE_ROLES = frozenset({"partner", "former_partner"})
PARENTS = frozenset({"parent", "step_parent", "carer"})
MAP = [EventType.GENOGRAM_UPDATED]


@dataclass(frozen=True)
class Change:
    day: dt.date
    what: str


class NetworkMapKeptUpToDate(Check):
    id = "NET-3"
    title = "The genogram and ecomap are up to date while the child has a plan"
    provenance = (
        Provenance(
            "Ak",
            "Rec 4",
            "wider family/families' members, associates and people of significance to the child "
            "(using genograms and ecomaps in all cases)",
        ),
        Provenance("BE", "Rec 2", "The use of genograms"),
    )
    must = "Bring the child's genogram and ecomap up to date"
    resolves = "a genogram and ecomap update on or after the last change of household"
    timescale = Timescale(working_days=10)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        plan = period_on(plan_periods(child), today(facts))
        if plan is None:
            return
        changes = _changes(child, today(facts))
        before = [change for change in changes if change.day < plan.start]
        yield self._at_plan_start(child, plan, before[-1] if before else None)
        for change in changes:
            if change.day >= plan.start:
                yield self._after_change(child, change)

    def _at_plan_start(self, child: PersonView, plan: Period, last: Change | None) -> Occurrence:
        """The map must exist and postdate the last change before the plan began."""
        since = last.day if last else dt.date.min
        return Occurrence(
            key=f"plan:{plan.start:%Y%m%d}",
            trigger_at=start_of(plan.start),
            done=first_on_or_after(child, MAP, since) is not None,
            detail=f"Plan from {when(plan.start)}: the genogram and ecomap "
            f"{_state_of_map(child, last)}.",
        )

    def _after_change(self, child: PersonView, change: Change) -> Occurrence:
        return Occurrence(
            key=f"change:{change.day:%Y%m%d}",
            trigger_at=start_of(change.day),
            done=first_on_or_after(child, MAP, change.day) is not None,
            detail=f"Household changed on {when(change.day)} ({change.what}); the genogram and "
            "ecomap have not been updated since.",
        )


def _state_of_map(child: PersonView, last: Change | None) -> str:
    if last is None or not child.happenings(*MAP):
        return "are missing"
    return f"predate the last change of household ({last.what}, {when(last.day)})"


def _changes(child: PersonView, until: dt.date) -> list[Change]:
    """Moves and relationships starting or ending, one per day, oldest first."""
    found: dict[dt.date, str] = {}
    for move in child.happenings(EventType.ADDRESS_MOVE):
        found.setdefault(day_of(move), "a move of address")
    for link in child.links:
        if link.role not in CHILD_SIDE_ROLES:
            continue
        # A link there from the child's birth (a parent, an older sibling) is not a change.
        joined = joined_at(link, child)
        if joined is not None:
            found.setdefault(day_at(joined), f"{who(link)} joined the family")
        if link.ended_on is not None:
            found.setdefault(link.ended_on, f"{who(link)} left")
    for parent in adult_links(child, until, PARENTS):
        for link in parent.other.links:
            if link.role in PARENT_SIDE_ROLES and link.other.pk != child.pk:
                _partnership(found, who(parent), link)
    return [Change(day, what) for day, what in sorted(found.items()) if day <= until]


def _partnership(found: dict[dt.date, str], parent: str, link: Link) -> None:
    couple = f"{parent} and {link.other.person.full_name}"
    if link.role == "former_partner":
        if link.started_on is not None:
            found.setdefault(link.started_on, f"{couple} separated")
        return
    if link.started_on is not None:
        found.setdefault(link.started_on, f"{couple} became partners")
    if link.ended_on is not None:
        found.setdefault(link.ended_on, f"{couple} separated")


CHECK = NetworkMapKeptUpToDate()
