"""NET-7: a child's network reaches another household with statutory involvement, and the lead
practitioners talk."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from threadline.agencies.models import AgencyKind
from threadline.casework.models import EpisodeKind, Involvement
from threadline.checks.base import Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts, Link, PersonView
from threadline.checks.rules._network import (
    STATUTORY_KINDS,
    capital,
    day_at,
    first_on_or_after,
    involved_periods,
    latest,
    period_on,
    role_word,
    start_of,
    today,
    when,
)
from threadline.chronology.vocabulary import EventType

KIND_WORDS: dict[str, str] = {
    EpisodeKind.CHILD_IN_NEED: "on a child in need plan",
    EpisodeKind.CHILD_PROTECTION: "on a child protection plan",
    EpisodeKind.LOOKED_AFTER: "looked after",
}
TALKED = [EventType.JOINT_DISCUSSION]


@dataclass(frozen=True)
class Connection:
    """Someone in the child's network, and the link or two that reach them."""

    other: PersonView
    path: tuple[Link, ...]

    @property
    def since(self) -> dt.datetime | None:
        starts = [start_of(link.started_on) for link in self.path if link.started_on]
        return max(starts) if starts else None

    def describe(self) -> str:
        words = [role_word(link.role, link.other) for link in self.path]
        name = self.other.person.full_name
        return f"{name} ({words[0]})" if len(words) == 1 else f"{name} ({words[0]}'s {words[1]})"


class OtherHouseholdsJoinedUp(Check):
    id = "NET-7"
    title = "Lead practitioners talk when a child's network reaches another statutory household"
    provenance = (
        Provenance(
            "Ak",
            "finding 5",
            "many people across the families that Child Ak was considered to be part of at "
            "different times were actively involved with statutory services.",
        ),
        Provenance(
            "Ak",
            "Rec 5",
            "Several connected individuals or families (including those who may share a "
            "household) involved with statutory services and known to many different "
            "practitioners and services and who may have different allocated lead practitioners.",
        ),
    )
    must = "Offer a joint discussion with the other household's lead practitioner"
    resolves = "a joint discussion recorded for the child after the connection arose"
    timescale = Timescale(working_days=5)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        day = today(facts)
        own = period_on(involved_periods(child, {EpisodeKind.EARLY_HELP, *STATUTORY_KINDS}), day)
        if own is None:
            return
        leads = _leads(child, day)
        if not leads:
            return  # with no lead named for the child there is no one to compare or to talk
        for connection in _network(child, day):
            status = _statutory(connection, day, leads)
            if status is None:
                continue
            what, since = status
            start = latest(start_of(own.start), since, connection.since)
            yield Occurrence(
                key=f"household:{connection.other.pk}",
                trigger_at=start,
                done=first_on_or_after(child, TALKED, day_at(start)) is not None,
                detail=f"{capital(connection.describe())} is {what}; no joint discussion "
                f"with their lead practitioner recorded since {when(day_at(start))}.",
            )


def _network(child: PersonView, day: dt.date) -> list[Connection]:
    """Everyone one or two current links away, each once, by the shortest path."""
    found: dict[int, Connection] = {}
    for link in child.links:
        if link.current_on(day) and link.other.pk != child.pk:
            found.setdefault(link.other.pk, Connection(link.other, (link,)))
    for near in list(found.values()):
        for link in near.other.links:
            if link.current_on(day) and link.other.pk not in found and link.other.pk != child.pk:
                found[link.other.pk] = Connection(link.other, (near.path[0], link))
    return list(found.values())


def _statutory(
    connection: Connection, day: dt.date, child_leads: set[str]
) -> tuple[str, dt.datetime] | None:
    """What statutory involvement this person has today under another lead, and since when."""
    other = connection.other
    period = period_on(involved_periods(other), day)
    if period is None:
        return None
    theirs = _leads(other, day)
    # Only a lead the record names, and not the child's own, shows another piece of work: brothers
    # and sisters at home on the family's plan share the child's worker, and often have no
    # involvement of their own recorded at all.
    if not theirs or theirs & child_leads:
        return None
    episodes = other.open_episodes(day, STATUTORY_KINDS)
    kind = episodes[0].kind if episodes else ""
    what = KIND_WORDS.get(kind, "open to children's social care")
    named = sorted(_names(other, day))
    if named:
        what += f" (lead practitioner {', '.join(named)})"
    return what, start_of(period.start)


def _csc(view: PersonView, day: dt.date) -> list[Involvement]:
    return view.open_involvements(day, AgencyKind.CHILDRENS_SOCIAL_CARE)


def _leads(view: PersonView, day: dt.date) -> set[str]:
    """Who leads each open children's social care involvement: the practitioner, else the team."""
    found = set()
    for involvement in _csc(view, day):
        if involvement.lead_practitioner_id:
            found.add(f"user:{involvement.lead_practitioner_id}")
        elif involvement.lead_practitioner_name:
            found.add(f"name:{involvement.lead_practitioner_name.casefold()}")
        elif involvement.team_id:
            found.add(f"team:{involvement.team_id}")
    return found


def _names(view: PersonView, day: dt.date) -> set[str]:
    return {i.lead_practitioner_name for i in _csc(view, day) if i.lead_practitioner_name}


CHECK = OtherHouseholdsJoinedUp()
