"""NET-6: a parent under 18 has a worker and a plan of their own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from threadline.agencies.models import AgencyKind
from threadline.casework.models import Involvement
from threadline.checks.base import Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts, PersonView
from threadline.checks.rules._network import day_at, start_of, today, when
from threadline.chronology.vocabulary import EventType

# Registration with a universal or acute service, or a police case, is not a worker of one's
# own: the lead practitioner must come from a service that works with the young person.
NOT_A_WORKER = frozenset(
    {
        AgencyKind.GP,
        AgencyKind.HOSPITAL,
        AgencyKind.AMBULANCE,
        AgencyKind.MIDWIFERY,
        AgencyKind.POLICE,
    }
)


class YoungParentHasOwnPlan(Check):
    id = "NET-6"
    title = "A parent under 18 has a worker and a plan of their own"
    provenance = (
        Provenance(
            "Ak",
            "Rec 2",
            "including the need for separate plans and appropriately differentiated services, "
            "resources and allocation of practitioners.",
        ),
        Provenance(
            "Ak",
            "findings",
            "Young people who are also parents must still be considered under their own right "
            "by services.",
        ),
    )
    must = (
        "Give the young parent a lead practitioner and a plan (early help, CIN or CP) of their own"
    )
    resolves = (
        "an involvement with a named lead practitioner and an open episode for the young parent, "
        "both at some time since they became (or were expecting to become) a parent"
    )
    timescale = Timescale(working_days=10)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        parent = facts.subject
        became = _became_a_parent(parent, facts.now)
        if became is None or not parent.is_child_on(today(facts)):
            return
        since = day_at(became)
        missing = _missing(parent, since, today(facts))
        yield Occurrence(
            key="young-parent",
            trigger_at=became,
            done=not missing,
            detail=f"Parent aged {_age(parent, since)} since {when(since)}, without "
            f"{' or '.join(missing) or 'nothing'} of their own.",
        )


YOUNGEST_PARENT = 10


def _became_a_parent(parent: PersonView, now: dt.datetime) -> dt.datetime | None:
    """When the record first shows the young person as a parent or expecting one: a child
    linked to them, or their own pregnancy booked. An unborn or young child named on a
    pregnancy booking is the baby, not the parent."""
    age = parent.age_on(day_at(now))
    if age is None or age < YOUNGEST_PARENT:
        return None
    moments = [h.at for h in parent.happenings(EventType.PREGNANCY_BOOKED)]
    for link in parent.links:
        if link.role != "child":
            continue
        baby = link.other.person
        known = link.started_on or baby.date_of_birth
        moments.append(start_of(known) if known else baby.created_at)
    moments = [moment for moment in moments if moment <= now]
    return min(moments) if moments else None


def _missing(parent: PersonView, since: dt.date, day: dt.date) -> list[str]:
    missing = []
    workers = _workers(parent)
    if not any(_open_between(i.opened_on, i.closed_on, since, day) for i in workers):
        missing.append("a lead practitioner")
    if not any(_open_between(e.started_on, e.ended_on, since, day) for e in parent.episodes):
        missing.append("a plan")
    return missing


def _workers(parent: PersonView) -> list[Involvement]:
    return [
        i
        for i in parent.involvements
        if i.agency.kind not in NOT_A_WORKER
        and (i.lead_practitioner_id or i.lead_practitioner_name)
    ]


def _open_between(opened: dt.date, closed: dt.date | None, since: dt.date, day: dt.date) -> bool:
    """Open at some time between the day they became a parent and today."""
    return opened <= day and (closed is None or closed > since)


def _age(parent: PersonView, day: dt.date) -> str:
    age = parent.age_on(day)
    return str(int(age)) if age is not None else "unknown"


CHECK = YoungParentHasOwnPlan()
