"""The ecomap: the child's household at the centre, the agencies and the significant people
around it, each tie drawn by its kind: strong (a named lead practitioner, a parent with parental
responsibility), ordinary, tenuous (ended), or stressful (an adult with a history of harm, or
under conditions on contact). Drawn from the record as SVG."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from html import escape

from django.db.models import Q

from threadline import clock
from threadline.casework.models import Involvement
from threadline.chronology.models import EventPerson, SubjectRole
from threadline.network.graph import Network
from threadline.network.risks import AS_PERPETRATOR, AS_SUBJECT, OWN_ROLES
from threadline.people.ages import is_adult
from threadline.people.models import Person, Relationship, RelationshipKind
from threadline.people.selectors import relationship_label
from threadline.plans.models import Condition

RING = 270  # the smallest ring; a larger network has a wider one, so no two nodes overlap
HUB = 110
NODE = 58


class Tie(StrEnum):
    STRONG = "strong"
    ORDINARY = "ordinary"
    TENUOUS = "tenuous"
    STRESSFUL = "stressful"


LINE_STYLE = {
    Tie.STRONG: 'stroke="#0b0c0c" stroke-width="5"',
    Tie.ORDINARY: 'stroke="#0b0c0c" stroke-width="2"',
    Tie.TENUOUS: 'stroke="#505a5f" stroke-width="2" stroke-dasharray="4 6"',
    Tie.STRESSFUL: 'stroke="#d4351c" stroke-width="3"',
}


@dataclass(frozen=True)
class Geometry:
    ring: float

    @classmethod
    def around(cls, count: int) -> Geometry:
        return cls(max(RING, count * (2 * NODE + 16) / (2 * math.pi)))

    @property
    def size(self) -> float:
        return 2 * (self.ring + NODE + 24)

    @property
    def centre(self) -> float:
        return self.size / 2


@dataclass(frozen=True)
class Satellite:
    key: str
    title: str
    subtitle: str
    tie: Tie
    is_agency: bool


def household_today(network: Network, today: dt.date) -> set[int]:
    for household in network.households:
        members = household.current_members(today)
        if network.child.pk in members:
            return members
    return {network.child.pk}


def _agencies(members: set[int], today: dt.date) -> list[Satellite]:
    involvements = (
        Involvement.objects.filter(person_id__in=members)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gt=today))
        .select_related("agency", "lead_practitioner")
        .order_by("agency__name")
    )
    by_agency: dict[int, Satellite] = {}
    for involvement in involvements:
        lead = involvement.lead_practitioner
        name = lead.get_full_name() if lead else involvement.lead_practitioner_name
        known = by_agency.get(involvement.agency_id)
        tie = Tie.STRONG if name else Tie.ORDINARY
        if known is None or (tie == Tie.STRONG and known.tie != Tie.STRONG):
            by_agency[involvement.agency_id] = Satellite(
                f"agency-{involvement.agency_id}",
                involvement.agency.name,
                name or "No named worker",
                tie,
                True,
            )
    return list(by_agency.values())


def _harmful(person_ids: Iterable[int]) -> set[int]:
    ids = list(person_ids)
    wanted = Q(event_type__in=AS_PERPETRATOR, role=SubjectRole.ALLEGED_PERPETRATOR) | Q(
        event_type__in=AS_SUBJECT, role__in=OWN_ROLES
    )
    harmful = set(
        EventPerson.objects.filter(wanted, person_id__in=ids, is_current=True).values_list(
            "person_id", flat=True
        )
    )
    harmful |= set(Condition.objects.filter(about_id__in=ids).values_list("about_id", flat=True))
    return harmful


def _what_to(relationship: Relationship, person: Person, network: Network) -> str:
    """What the outside person is to the one inside the household: 'Father of Ak'."""
    is_subject = relationship.person_id == person.pk
    inside = network.people[relationship.relative_id if is_subject else relationship.person_id]
    label = relationship_label(relationship.kind, relative_is_subject=is_subject, sex=person.sex)
    return f"{label} of {inside.given_name or inside.full_name}"


def _is_adult(person: Person) -> bool:
    return is_adult(person.date_of_birth, clock.today())


def _lines(text: str, width: int = 18) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word[:width])
    return lines[:2]


def _tie(relationship: Relationship, harmful: bool) -> Tie:
    if harmful:
        return Tie.STRESSFUL
    if not relationship.is_current or relationship.kind == RelationshipKind.FORMER_PARTNER:
        return Tie.TENUOUS
    if relationship.parental_responsibility or relationship.kind == RelationshipKind.CARER:
        return Tie.STRONG
    return Tie.ORDINARY


def _people(network: Network, members: set[int]) -> list[Satellite]:
    around: dict[int, Relationship] = {}
    for relationship in network.relationships:
        ends = {relationship.person_id, relationship.relative_id}
        inside, outside = ends & members, ends - members
        if inside and len(outside) == 1:
            (other,) = outside
            current = around.get(other)
            if current is None or (relationship.is_current and not current.is_current):
                around[other] = relationship
    adults = [pk for pk in [*around, *members] if _is_adult(network.people[pk])]
    harmful = _harmful(adults)
    satellites = []
    for pk, relationship in sorted(around.items()):
        person = network.people[pk]
        kind = _what_to(relationship, person, network)
        satellites.append(
            Satellite(
                f"person-{pk}", person.full_name, kind, _tie(relationship, pk in harmful), False
            )
        )
    return satellites


def _node(satellite: Satellite, angle: float, shape_of: Geometry) -> str:
    centre = shape_of.centre
    x = centre + shape_of.ring * math.cos(angle)
    y = centre + shape_of.ring * math.sin(angle)
    hx = centre + HUB * math.cos(angle)
    hy = centre + HUB * math.sin(angle)
    nx_, ny_ = x - NODE * math.cos(angle), y - NODE * math.sin(angle)
    if satellite.tie == Tie.STRESSFUL:  # a zigzag, as ecomaps draw stress
        steps = 9
        points = []
        for n in range(steps + 1):
            t = n / steps
            px, py = hx + (nx_ - hx) * t, hy + (ny_ - hy) * t
            wiggle = 7 if n % 2 else -7
            if 0 < n < steps:
                px += wiggle * -math.sin(angle)
                py += wiggle * math.cos(angle)
            points.append(f"{px:.1f},{py:.1f}")
        line = f'<polyline points="{" ".join(points)}" fill="none" {LINE_STYLE[satellite.tie]}/>'
    else:
        line = f'<line x1="{hx:.1f}" y1="{hy:.1f}" x2="{nx_:.1f}" y2="{ny_:.1f}" {LINE_STYLE[satellite.tie]}/>'
    shape = (
        f'<rect x="{x - NODE:.1f}" y="{y - 30:.1f}" width="{2 * NODE}" height="60" rx="8" fill="#f3f2f1" stroke="#0b0c0c"/>'
        if satellite.is_agency
        else f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{NODE}" fill="#fff" stroke="#0b0c0c"/>'
    )
    title = _lines(satellite.title)
    texts = "".join(
        f'<text x="{x:.1f}" y="{y - 8 * len(title) + 14 * n:.1f}" text-anchor="middle" '
        f'font-weight="bold">{escape(part)}</text>'
        for n, part in enumerate(title)
    )
    subtitle = escape(satellite.subtitle[:24])
    return (
        f'<g data-ecomap="{satellite.key}" data-tie="{satellite.tie}">'
        f"<title>{escape(satellite.title)}: {escape(satellite.subtitle)} ({satellite.tie})</title>"
        f'{line}{shape}{texts}<text x="{x:.1f}" y="{y + 8 * len(title) + 8:.1f}" '
        f'text-anchor="middle">{subtitle}</text></g>'
    )


def _hub(people: list[Person], child: Person, centre: float) -> str:
    names = [p.full_name + (" (child)" if p.pk == child.pk else "") for p in people][:6]
    rows = "".join(
        f'<text x="{centre}" y="{centre - 8 * len(names) + 16 * n + 8}" text-anchor="middle">'
        f"{escape(name)}</text>"
        for n, name in enumerate(names)
    )
    return (
        f'<g data-ecomap="household"><circle cx="{centre}" cy="{centre}" r="{HUB}" fill="#e8f1f8" '
        f'stroke="#1d70b8" stroke-width="3"/><text x="{centre}" y="{centre - HUB + 22}" '
        f'text-anchor="middle" font-weight="bold">Household</text>{rows}</g>'
    )


def _legend(top: float) -> str:
    parts = []
    for n, (tie, words) in enumerate(
        [
            (Tie.STRONG, "Strong"),
            (Tie.ORDINARY, "Ordinary"),
            (Tie.TENUOUS, "Tenuous or ended"),
            (Tie.STRESSFUL, "Stressful: history of harm or conditions"),
        ]
    ):
        y = top + 18 + n * 20
        parts.append(
            f'<line x1="20" y1="{y}" x2="60" y2="{y}" {LINE_STYLE[tie]}/><text x="70" y="{y + 4}">{words}</text>'
        )
    return f'<g class="tl-legend">{"".join(parts)}</g>'


def ecomap_svg(network: Network, *, today: dt.date | None = None) -> str:
    today = today or clock.today()
    members = household_today(network, today)
    satellites = _agencies(members, today) + _people(network, members)
    shape_of = Geometry.around(len(satellites))
    step = 2 * math.pi / max(1, len(satellites))
    nodes = "".join(_node(s, -math.pi / 2 + n * step, shape_of) for n, s in enumerate(satellites))
    residents = sorted(
        (network.people[pk] for pk in members if pk in network.people),
        key=lambda p: (p.pk != network.child.pk, p.date_of_birth or dt.date.min),
    )
    size = shape_of.size
    height = size + 100
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size:.0f} {height:.0f}" '
        f'width="{size:.0f}" height="{height:.0f}" role="img" aria-labelledby="ecomap-title" '
        f'font-family="Arial, sans-serif" font-size="12" class="tl-ecomap">'
        f'<title id="ecomap-title">Ecomap of {escape(network.child.full_name)}\'s household: '
        f"{len(satellites)} agencies and people around it</title>"
        f'<rect width="100%" height="100%" fill="#fff"/>{nodes}'
        f"{_hub(residents, network.child, shape_of.centre)}{_legend(size)}</svg>"
    )
