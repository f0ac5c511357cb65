"""The family network as a graph: people joined by their relationships and by the households
they share, read out to N steps from a child (networkx).

Households are found from address history: everyone recorded at the same first line and
postcode over overlapping dates lived together then; those there today are a household now.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx
from django.db.models import Q

from threadline import clock
from threadline.casework.models import Involvement, StatusEpisode
from threadline.people.models import Address, Person, Relationship
from threadline.people.selectors import allocated_worker, current_status

MAX_STEPS = 4
_SPACES = re.compile(r"\s+")


@dataclass
class Household:
    """People recorded at one address, with when each lived there."""

    key: tuple[str, str]
    address: str
    members: dict[int, tuple[dt.date | None, dt.date | None]] = field(default_factory=dict)

    def current_members(self, today: dt.date) -> set[int]:
        return {
            pk
            for pk, (start, end) in self.members.items()
            if (start is None or start <= today) and (end is None or end > today)
        }


@dataclass(frozen=True)
class HouseholdStatus:
    household: Household
    status: str  # the highest statutory status of anyone living there, or ""
    lead: str  # that child's lead practitioner, or ""
    agencies: tuple[str, ...]
    living_there: int  # today; 0 for a household of the past
    since: dt.date | None
    until: dt.date | None  # the last of them left, for a household of the past


@dataclass
class Network:
    """A child's network: the graph, the people in it, their relationships and households."""

    child: Person
    graph: nx.Graph
    people: dict[int, Person]
    relationships: list[Relationship]
    households: list[Household]
    steps: int

    def distance(self, person_id: int) -> int:
        return int(
            nx.shortest_path_length(self.graph, ("person", self.child.pk), ("person", person_id))
        )


def _key(address: Address) -> tuple[str, str]:
    line = _SPACES.sub(" ", address.line1.strip().lower())
    return line, address.postcode.replace(" ", "").upper()


def households_of(person_ids: Iterable[int]) -> list[Household]:
    """The households these people have lived in, with everyone else recorded there."""
    own = list(Address.objects.filter(person_id__in=list(person_ids)))
    keys = {_key(address) for address in own}
    postcodes = {address.postcode for address in own if address.postcode}
    found: dict[tuple[str, str], Household] = {}
    for address in Address.objects.filter(postcode__in=postcodes).order_by("pk"):
        key = _key(address)
        if key not in keys:
            continue
        household = found.setdefault(key, Household(key, str(address)))
        start, end = household.members.get(
            address.person_id, (address.lived_from, address.lived_to)
        )
        # The same address recorded by two agencies: the widest span either gives.
        starts = [d for d in (start, address.lived_from) if d is not None]
        ends = [d for d in (end, address.lived_to) if d is not None]
        no_end = end is None or address.lived_to is None
        household.members[address.person_id] = (
            min(starts) if starts else None,
            None if no_end else max(ends),
        )
    return [household for household in found.values() if len(household.members) > 1]


def _relationships_touching(person_ids: set[int]) -> list[Relationship]:
    ids = list(person_ids)
    return list(
        Relationship.objects.filter(Q(person_id__in=ids) | Q(relative_id__in=ids)).order_by("pk")
    )


def network_of(child: Person, steps: int = 2) -> Network:
    """Everyone within ``steps`` of ``child`` through relationships or a shared household."""
    steps = max(1, min(steps, MAX_STEPS))
    reached = {child.pk}
    frontier = {child.pk}
    relationships: dict[int, Relationship] = {}
    households: dict[tuple[str, str], Household] = {}
    for _ in range(steps):
        step = set()
        for relationship in _relationships_touching(frontier):
            relationships[relationship.pk] = relationship
            step.update({relationship.person_id, relationship.relative_id})
        for household in households_of(frontier):
            households[household.key] = household
            step.update(household.members)
        frontier = step - reached
        reached |= step
        if not frontier:
            break
    # A merged record's rows read as the survivor's; what stayed behind (a clash) is not a
    # second person in the family.
    people = Person.objects.filter(merged_into__isnull=True).in_bulk(reached)
    people.setdefault(child.pk, child)
    kept = [r for r in relationships.values() if r.person_id in people and r.relative_id in people]
    graph = nx.Graph()
    for pk in people:
        graph.add_node(("person", pk))
    for relationship in kept:
        graph.add_edge(
            ("person", relationship.person_id), ("person", relationship.relative_id), kind="rel"
        )
    for household in households.values():
        for pk in household.members:
            if pk in people:
                graph.add_edge(("household", household.key), ("person", pk), kind="lives")
    within = nx.ego_graph(graph, ("person", child.pk), radius=steps * 2)
    inside = {node[1] for node in within if node[0] == "person"}
    return Network(
        child=child,
        graph=within,
        people={pk: person for pk, person in people.items() if pk in inside},
        relationships=[r for r in kept if r.person_id in inside and r.relative_id in inside],
        households=[h for h in households.values() if set(h.members) & inside],
        steps=steps,
    )


def household_statuses(network: Network) -> list[HouseholdStatus]:
    """Each current household in the network, with its statutory status and lead practitioner
    (NET-7: a network that reaches other households known to services)."""
    today = clock.today()
    statuses = []
    for household in network.households:
        members = household.current_members(today)
        starts = [start for start, _ in household.members.values() if start is not None]
        ends = [end for _, end in household.members.values() if end is not None]
        since = min(starts) if starts else None
        if not members:
            statuses.append(
                HouseholdStatus(household, "", "", (), 0, since, max(ends) if ends else None)
            )
            continue
        episodes = StatusEpisode.objects.filter(person_id__in=members).select_related("agency")
        involvements = list(
            Involvement.objects.filter(person_id__in=members)
            .filter(Q(closed_on__isnull=True) | Q(closed_on__gt=today))
            .select_related("agency", "team", "lead_practitioner")
        )
        status = current_status(episodes, today)
        allocation = allocated_worker(involvements)
        statuses.append(
            HouseholdStatus(
                household=household,
                status=status.get_kind_display() if status else "",
                lead=allocation.name if allocation else "",
                agencies=tuple(sorted({i.agency.name for i in involvements})),
                living_there=len(members),
                since=since,
                until=None,
            )
        )
    # Today's households first, then the past, most recent first.
    return sorted(
        statuses,
        key=lambda s: (s.living_there == 0, -(s.until or s.since or dt.date.min).toordinal()),
    )
