"""The genogram, drawn from the record as SVG on the server.

Standard symbols: a square for a male, a circle for a female, a diamond where sex is not known,
a triangle for a pregnancy; a cross through someone who has died; a double outline for the child
the genogram is about. Partners are joined below their symbols: a solid line for a current
partnership, one slash through it for a separation, two for a divorce or a dissolved civil
partnership ("m." and "d." with their years where the record has them), a dashed line for two parents of a child
whose own relationship is not recorded. Children hang from their own parents' line, so
half-siblings read correctly; several partners of one person join at different depths so each
line can be followed. Households today are outlined. Anything else the record holds between two
people (a carer, a significant adult, a grandparent whose child is not recorded) is a dotted
line with its name, so that nothing recorded is left out.

Each symbol carries ``data-person`` and each line ``data-relationships``: the ids of what it
draws, which the tests use to check that the drawing holds the whole record.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape

import networkx as nx

from threadline import clock
from threadline.network.graph import Network
from threadline.people.models import LegalUnion, Person, Relationship, RelationshipKind, Sex

SYMBOL = 40
SPACING = 120  # between the centres of neighbours in a row
ROW_HEIGHT = 210
MARGIN = 40
DROP = 12  # each partnership of one person joins this much deeper than the one before
TEXT_TOP = SYMBOL + 4 * DROP + 16
LINE = 14
WRAP = 14  # characters of a name on one line

ABOVE = {  # person is this many generations above relative
    RelationshipKind.PARENT: 1,
    RelationshipKind.STEP_PARENT: 1,
    RelationshipKind.CARER: 1,
    RelationshipKind.SIGNIFICANT_ADULT: 1,
    RelationshipKind.GRANDPARENT: 2,
}
PARTNERS = (RelationshipKind.PARTNER, RelationshipKind.FORMER_PARTNER)
SIBLINGS = (RelationshipKind.SIBLING, RelationshipKind.HALF_SIBLING)


@dataclass
class Partnership:
    one: int
    two: int
    current: bool | None  # None: two parents whose own relationship is not recorded
    relationship_ids: list[int] = field(default_factory=list)
    union: str = LegalUnion.NOT_RECORDED
    started_on: dt.date | None = None
    ended_on: dt.date | None = None

    @property
    def legally_ended(self) -> bool:
        return self.union in (LegalUnion.DIVORCED, LegalUnion.DISSOLVED)

    @property
    def kind(self) -> str:
        if self.current is None:
            return "not recorded"
        if self.legally_ended:
            return "divorced"
        return "current" if self.current else "separated"

    @property
    def years(self) -> str:
        """'m. 2012 d. 2019': married (or joined in civil partnership) and divorced, when known."""
        parts = []
        if self.union and self.started_on:
            parts.append(f"m. {self.started_on.year}")
        if self.legally_ended and self.ended_on:
            parts.append(f"d. {self.ended_on.year}")
        return " ".join(parts)


@dataclass
class Sibship:
    parents: frozenset[int]
    children: list[int]
    relationship_ids: list[int] = field(default_factory=list)


@dataclass
class Layout:
    generation: dict[int, int]
    x: dict[int, float]
    partnerships: list[Partnership]
    sibships: list[Sibship]
    others: list[Relationship]


def _generations(network: Network) -> dict[int, int]:
    graph = nx.DiGraph()
    graph.add_node(network.child.pk)
    for r in network.relationships:
        above = ABOVE.get(RelationshipKind(r.kind), 0)
        graph.add_edge(r.person_id, r.relative_id, up=above)
        graph.add_edge(r.relative_id, r.person_id, up=-above)
    generation = {network.child.pk: 0}
    for parent, child in nx.bfs_edges(graph, network.child.pk):
        generation[child] = generation[parent] + graph.edges[parent, child]["up"]
    for pk in network.people:
        generation.setdefault(pk, 0)
    lowest = min(generation.values())
    return {pk: gen - lowest for pk, gen in generation.items()}


def _parents_of(network: Network) -> dict[int, set[int]]:
    parents: dict[int, set[int]] = defaultdict(set)
    for r in network.relationships:
        if r.kind == RelationshipKind.PARENT:
            parents[r.relative_id].add(r.person_id)
    return parents


def _partnerships(network: Network, parents: dict[int, set[int]]) -> list[Partnership]:
    found: dict[frozenset[int], Partnership] = {}
    for r in network.relationships:
        if r.kind in PARTNERS:
            pair = frozenset((r.person_id, r.relative_id))
            current = r.kind == RelationshipKind.PARTNER and r.is_current
            known = found.get(pair)
            if known is None:
                one, two = sorted(pair)
                found[pair] = known = Partnership(one, two, current=current)
            else:
                known.current = bool(known.current) or current
            known.relationship_ids.append(r.pk)
            if r.legal_union and not known.legally_ended:  # a divorce outranks a marriage
                known.union = r.legal_union
                known.started_on = known.started_on or r.started_on
                known.ended_on = r.ended_on or known.ended_on
    for child_parents in parents.values():
        if len(child_parents) == 2:
            pair = frozenset(child_parents)
            one, two = sorted(pair)
            found.setdefault(pair, Partnership(one, two, current=None))
    return list(found.values())


def _sibships(network: Network, parents: dict[int, set[int]]) -> list[Sibship]:
    groups: dict[frozenset[int], Sibship] = {}
    for child, child_parents in parents.items():
        key = frozenset(child_parents)
        groups.setdefault(key, Sibship(key, [])).children.append(child)
    orphans = nx.Graph()
    for r in network.relationships:
        if r.kind in SIBLINGS:
            for pk in (r.person_id, r.relative_id):
                if pk not in parents:
                    orphans.add_node(pk)
            if r.person_id not in parents and r.relative_id not in parents:
                orphans.add_edge(r.person_id, r.relative_id)
    for number, component in enumerate(nx.connected_components(orphans)):
        if len(component) > 1:
            key = frozenset({-1 - number})  # siblings whose parents are not recorded
            groups[key] = Sibship(frozenset(), sorted(component))
    sibling_of = {pk: group for group in groups.values() for pk in group.children}
    for r in network.relationships:
        if r.kind in SIBLINGS:
            one, two = sibling_of.get(r.person_id), sibling_of.get(r.relative_id)
            if one is not None and one is two:
                one.relationship_ids.append(r.pk)
    return list(groups.values())


def _row_units(row: list[int], partnerships: list[Partnership]) -> list[list[int]]:
    """People of one generation in the order they sit: partners side by side, and a person with
    several partners in the middle of them."""
    graph = nx.Graph()
    graph.add_nodes_from(row)
    for p in partnerships:
        if p.one in graph and p.two in graph:
            graph.add_edge(p.one, p.two)
    units = []
    for component in nx.connected_components(graph):
        hub = max(sorted(component), key=graph.degree)
        if graph.degree(hub) > 2 and len(component) == graph.degree(hub) + 1:
            others = sorted(component - {hub})
            half = len(others) // 2
            units.append([*others[:half], hub, *others[half:]])
        else:
            start = min(sorted(component), key=graph.degree)
            units.append(list(nx.dfs_preorder_nodes(graph, start)))
    return units


def _unit_order(
    units: list[list[int]], wanted: dict[int, float], discovered: dict[int, int]
) -> list[list[int]]:
    def place(unit: list[int]) -> tuple[float, int]:
        xs = [wanted[pk] for pk in unit if pk in wanted]
        return (sum(xs) / len(xs) if xs else float("inf"), min(discovered[pk] for pk in unit))

    return sorted(units, key=place)


def _closest_in_order(wanted: list[float]) -> list[float]:
    """Positions as near as may be to ``wanted`` (least squares), in the same order and at least
    SPACING apart: isotonic regression, by pooling adjacent violators, on wanted - i * SPACING."""
    blocks: list[list[float]] = []  # [sum, count] of pooled shifted positions
    for i, value in enumerate(wanted):
        blocks.append([value - i * SPACING, 1.0])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            total, count = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += count
    shifted = [block[0] / block[1] for block in blocks for _ in range(int(block[1]))]
    return [value + i * SPACING for i, value in enumerate(shifted)]


def _settle(generation: dict[int, int], x: dict[int, float], parents: dict[int, set[int]]) -> None:
    """Parents over their children and children under their parents, row order kept: a few
    passes up and down, each row placed as near as it may be to where the next row wants it."""
    children: dict[int, list[int]] = defaultdict(list)
    for child, child_parents in parents.items():
        for parent in child_parents:
            if parent in x and child in x:
                children[parent].append(child)
    rows: dict[int, list[int]] = defaultdict(list)
    for pk in x:
        rows[generation[pk]].append(pk)
    for row in rows.values():
        row.sort(key=x.__getitem__)

    def place(row: list[int], near: dict[int, list[int]]) -> None:
        wanted = [
            sum(x[k] for k in near[pk]) / len(near[pk]) if near.get(pk) else x[pk] for pk in row
        ]
        for pk, position in zip(row, _closest_in_order(wanted), strict=True):
            x[pk] = position

    above = {pk: sorted(p for p in ps if p in x) for pk, ps in parents.items()}
    for _ in range(4):
        for gen in sorted(rows, reverse=True)[1:]:
            place(rows[gen], children)
        for gen in sorted(rows)[1:]:
            place(rows[gen], above)
    left = min(x.values(), default=0.0)
    for pk in x:
        x[pk] += MARGIN + SYMBOL / 2 - left


def layout(network: Network) -> Layout:
    generation = _generations(network)
    parents = _parents_of(network)
    partnerships = _partnerships(network, parents)
    sibships = _sibships(network, parents)
    discovered = {
        pk: n for n, pk in enumerate(nx.bfs_tree(network.graph, ("person", network.child.pk)))
    }
    order = {node[1]: n for node, n in discovered.items() if node[0] == "person"}
    for pk in network.people:
        order.setdefault(pk, len(order))
    x: dict[int, float] = {}
    for gen in sorted(set(generation.values())):
        row = sorted((pk for pk, g in generation.items() if g == gen), key=order.__getitem__)
        wanted = {
            pk: sum(x[p] for p in parents[pk]) / len(parents[pk])
            for pk in row
            if parents.get(pk) and all(p in x for p in parents[pk])
        }
        cursor = float(MARGIN + SYMBOL / 2)
        for unit in _unit_order(_row_units(row, partnerships), wanted, order):
            xs = [wanted[pk] for pk in unit if pk in wanted]
            start = (sum(xs) / len(xs)) - SPACING * (len(unit) - 1) / 2 if xs else cursor
            start = max(start, cursor)
            for offset, pk in enumerate(unit):
                x[pk] = start + offset * SPACING
            cursor = x[unit[-1]] + SPACING
    _settle(generation, x, parents)
    drawn = {pk for pk in network.people}
    structural = {rid for p in partnerships for rid in p.relationship_ids}
    structural |= {rid for s in sibships for rid in s.relationship_ids}
    structural |= {
        r.pk
        for r in network.relationships
        if r.kind == RelationshipKind.PARENT and r.person_id in drawn
    }
    others = [r for r in network.relationships if r.pk not in structural]
    return Layout(generation, x, partnerships, sibships, others)


# Drawing -------------------------------------------------------------------------------------


def _y(layout: Layout, pk: int) -> float:
    return MARGIN + 30 + layout.generation[pk] * ROW_HEIGHT


def _wrap(text: str) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= WRAP:
            lines[-1] += " " + word
        else:
            lines.append(word[: WRAP + 4])
    return lines[:2] or ["Unnamed"]


def _age(person: Person, today: dt.date) -> str:
    if person.is_unborn and person.expected_date_of_birth:
        return f"Due {person.expected_date_of_birth:%b %Y}"
    if person.date_of_birth is None:
        return "Born: not known"
    end = person.date_of_death or today
    years = (
        end.year
        - person.date_of_birth.year
        - ((end.month, end.day) < (person.date_of_birth.month, person.date_of_birth.day))
    )
    born = f"b. {person.date_of_birth:%Y}"
    if person.date_of_death:
        return f"{born}, d. {person.date_of_death:%Y}"
    return f"{born} ({years})"


def _symbol(person: Person, cx: float, top: float, index: bool) -> list[str]:
    half = SYMBOL / 2
    cy = top + half
    style = 'fill="#fff" stroke="#0b0c0c" stroke-width="2"'
    if person.is_unborn:
        shape = f'<polygon points="{cx},{top} {cx + half},{top + SYMBOL} {cx - half},{top + SYMBOL}" {style}/>'
    elif person.sex == Sex.MALE:
        shape = f'<rect x="{cx - half}" y="{top}" width="{SYMBOL}" height="{SYMBOL}" {style}/>'
    elif person.sex == Sex.FEMALE:
        shape = f'<circle cx="{cx}" cy="{cy}" r="{half}" {style}/>'
    else:
        shape = f'<polygon points="{cx},{top} {cx + half},{cy} {cx},{top + SYMBOL} {cx - half},{cy}" {style}/>'
    parts = [shape]
    if index:
        ring = half + 6
        parts.append(
            f'<rect x="{cx - ring}" y="{cy - ring}" width="{2 * ring}" height="{2 * ring}" '
            f'rx="8" fill="none" stroke="#1d70b8" stroke-width="3" class="tl-index"/>'
        )
    if person.date_of_death:
        parts.append(
            f'<path d="M{cx - half} {top} L{cx + half} {top + SYMBOL} M{cx + half} {top} '
            f'L{cx - half} {top + SYMBOL}" stroke="#0b0c0c" stroke-width="2" class="tl-deceased"/>'
        )
    return parts


def _person(person: Person, layout: Layout, index: bool, today: dt.date) -> str:
    cx, top = layout.x[person.pk], _y(layout, person.pk)
    lines = [*_wrap(person.full_name), _age(person, today)]
    bold = ' font-weight="bold"'
    text = "".join(
        f'<text x="{cx}" y="{top + TEXT_TOP + n * LINE}" text-anchor="middle"'
        f"{bold if n < len(lines) - 1 else ''}>{escape(line)}</text>"
        for n, line in enumerate(lines)
    )
    title = escape(f"{person.full_name}, {_age(person, today)}")
    body = "".join(_symbol(person, cx, top, index))
    return f'<g data-person="{person.pk}"><title>{title}</title>{body}{text}</g>'


def _partnership_depths(layout: Layout) -> dict[tuple[int, int], int]:
    """How deep below its partners each partnership line runs: the narrowest first, and no two
    lines that share a person at one depth, so each of several partnerships can be followed."""
    depths: dict[tuple[int, int], int] = {}
    used: dict[int, set[int]] = defaultdict(set)
    by_width = sorted(layout.partnerships, key=lambda p: abs(layout.x[p.one] - layout.x[p.two]))
    for partnership in by_width:
        taken = used[partnership.one] | used[partnership.two]
        depth = next(d for d in range(1, len(layout.partnerships) + 2) if d not in taken)
        depths[(partnership.one, partnership.two)] = depth
        used[partnership.one].add(depth)
        used[partnership.two].add(depth)
    return depths


def _partnership(
    layout: Layout, partnership: Partnership, depth: int
) -> tuple[str, tuple[float, float]]:
    left, right = sorted((partnership.one, partnership.two), key=layout.x.__getitem__)
    x1, x2 = layout.x[left], layout.x[right]
    top = max(_y(layout, left), _y(layout, right))
    y = top + SYMBOL + DROP * min(depth, 4)
    dash = ' stroke-dasharray="6 4"' if partnership.current is None else ""
    path = (
        f"M{x1} {_y(layout, left) + SYMBOL} L{x1} {y} L{x2} {y} L{x2} {_y(layout, right) + SYMBOL}"
    )
    middle = (x1 + x2) / 2
    slashes = {"separated": (0,), "divorced": (-4, 4)}.get(partnership.kind, ())
    mark = "".join(
        f'<path d="M{middle + dx - 5} {y + 8} L{middle + dx + 5} {y - 8}" stroke="#0b0c0c" '
        'stroke-width="2"/>'
        for dx in slashes
    )
    if partnership.years:
        mark += (
            f'<text x="{middle}" y="{y - 4}" text-anchor="middle" class="tl-link-label">'
            f"{escape(partnership.years)}</text>"
        )
    ids = " ".join(map(str, partnership.relationship_ids))
    line = (
        f'<g class="tl-partnership" data-relationships="{ids}" '
        f'data-partnership="{partnership.kind}">'
        f'<path d="{path}" fill="none" stroke="#0b0c0c" stroke-width="2"{dash}/>{mark}</g>'
    )
    return line, (middle, y)


def _sibship(
    layout: Layout,
    sibship: Sibship,
    origin: tuple[float, float] | None,
    parent_rels: list[int],
    number: int,
) -> str:
    children = sorted(sibship.children, key=layout.x.__getitem__)
    tops = [_y(layout, pk) for pk in children]
    bar = min(tops) - 22 - (number % 3) * 8
    xs = [layout.x[pk] for pk in children]
    parts = []
    if origin is not None:
        ox, oy = origin
        xs.append(ox)
        parts.append(f"M{ox} {oy} L{ox} {bar}")
    parts.append(f"M{min(xs)} {bar} L{max(xs)} {bar}")
    for pk, top in zip(children, tops, strict=True):
        parts.append(f"M{layout.x[pk]} {bar} L{layout.x[pk]} {top}")
    ids = " ".join(map(str, [*parent_rels, *sibship.relationship_ids]))
    return (
        f'<path class="tl-children" data-relationships="{ids}" d="{" ".join(parts)}" '
        f'fill="none" stroke="#0b0c0c" stroke-width="2"/>'
    )


def _other(layout: Layout, relationship: Relationship) -> str:
    a, b = relationship.person_id, relationship.relative_id
    x1, y1 = layout.x[a], _y(layout, a) + SYMBOL / 2
    x2, y2 = layout.x[b], _y(layout, b) + SYMBOL / 2
    bend = (x1 + x2) / 2, min(y1, y2) - 40
    at = (x1 + 2 * bend[0] + x2) / 4, (y1 + 2 * bend[1] + y2) / 4  # the curve's middle
    label = RelationshipKind(relationship.kind).label
    if relationship.kind in ABOVE:
        label = f"{label} of"
    return (
        f'<g class="tl-other-link" data-relationships="{relationship.pk}">'
        f'<path d="M{x1} {y1} Q{bend[0]} {bend[1]} {x2} {y2}" fill="none" stroke="#505a5f" '
        f'stroke-width="1.5" stroke-dasharray="2 4"/>'
        f'<text x="{at[0]}" y="{at[1] - 4}" text-anchor="middle" class="tl-link-label">'
        f"{escape(label)}</text></g>"
    )


HOUSEHOLD_COLOURS = ("#00703c", "#f47738", "#912b88", "#28a197")


def _households_today(
    network: Network, layout: Layout, today: dt.date
) -> list[tuple[str, list[int]]]:
    found = []
    for household in network.households:
        members = sorted(pk for pk in household.current_members(today) if pk in layout.x)
        if len(members) >= 2:
            found.append((household.address, members))
    return found[: len(HOUSEHOLD_COLOURS)]


def _household_outlines(households: list[tuple[str, list[int]]], layout: Layout) -> list[str]:
    """Each member of a household today outlined in that household's colour."""
    outlines = []
    for (address, members), colour in zip(households, HOUSEHOLD_COLOURS, strict=False):
        boxes = "".join(
            f'<rect x="{layout.x[pk] - SPACING / 2 + 6}" y="{_y(layout, pk) - 10}" '
            f'width="{SPACING - 12}" height="{TEXT_TOP + 2 * LINE + 16}" rx="12" fill="none" '
            f'stroke="{colour}" stroke-width="2" stroke-dasharray="10 6" data-member="{pk}"/>'
            for pk in members
        )
        outlines.append(f'<g class="tl-household" data-household="{escape(address)}">{boxes}</g>')
    return outlines


def _household_key(households: list[tuple[str, list[int]]], top: float) -> str:
    rows = "".join(
        f'<g transform="translate({MARGIN},{top + 24 * n})"><rect x="0" y="-14" width="24" '
        f'height="18" rx="5" fill="none" stroke="{colour}" stroke-width="2" '
        f'stroke-dasharray="6 4"/><text x="30" y="0">Living at {escape(address)} today</text></g>'
        for n, ((address, _), colour) in enumerate(zip(households, HOUSEHOLD_COLOURS, strict=False))
    )
    return f'<g class="tl-household-key">{rows}</g>'


def _legend(top: float, width: float) -> str:
    items = [
        (
            '<rect x="0" y="-14" width="18" height="18" fill="#fff" stroke="#0b0c0c" stroke-width="2"/>',
            "Male",
        ),
        ('<circle cx="9" cy="-5" r="9" fill="#fff" stroke="#0b0c0c" stroke-width="2"/>', "Female"),
        (
            '<polygon points="9,-14 18,-5 9,4 0,-5" fill="#fff" stroke="#0b0c0c" stroke-width="2"/>',
            "Sex not known",
        ),
        (
            '<polygon points="9,-14 18,4 0,4" fill="#fff" stroke="#0b0c0c" stroke-width="2"/>',
            "Pregnancy",
        ),
        ('<path d="M0 -5 L24 -5" stroke="#0b0c0c" stroke-width="2"/>', "Partners"),
        ('<path d="M0 -5 L24 -5 M8 2 L16 -12" stroke="#0b0c0c" stroke-width="2"/>', "Separated"),
        (
            '<path d="M0 -5 L24 -5 M4 2 L12 -12 M12 2 L20 -12" stroke="#0b0c0c" stroke-width="2"/>',
            "Divorced or dissolved",
        ),
        (
            '<path d="M0 -5 L24 -5" stroke="#0b0c0c" stroke-width="2" stroke-dasharray="6 4"/>',
            "Parents; relationship not recorded",
        ),
    ]
    parts, x = [], MARGIN
    for shape, words in items:
        if x + 40 + 7 * len(words) > width:
            x, top = MARGIN, top + 24
        parts.append(
            f'<g transform="translate({x},{top})">{shape}<text x="30" y="0">{escape(words)}</text></g>'
        )
        x += 40 + 7 * len(words)
    return f'<g class="tl-legend">{"".join(parts)}</g>'


def genogram_svg(network: Network, *, today: dt.date | None = None) -> str:
    today = today or clock.today()
    plan = layout(network)
    width = max(plan.x.values(), default=0) + SPACING / 2 + MARGIN
    rows = max(plan.generation.values(), default=0) + 1
    households = _households_today(network, plan, today)
    height = MARGIN + 30 + rows * ROW_HEIGHT + 64 + 24 * len(households)
    width = max(width, 900)
    origins: dict[frozenset[int], tuple[float, float]] = {}
    body: list[str] = _household_outlines(households, plan)
    depths = _partnership_depths(plan)
    for partnership in plan.partnerships:
        line, middle = _partnership(plan, partnership, depths[(partnership.one, partnership.two)])
        body.append(line)
        origins[frozenset((partnership.one, partnership.two))] = middle
    parent_rels: dict[int, list[int]] = defaultdict(list)
    for r in network.relationships:
        if r.kind == RelationshipKind.PARENT:
            parent_rels[r.relative_id].append(r.pk)
    for number, sibship in enumerate(plan.sibships):
        origin = _origin(plan, sibship, origins)
        rels = [rid for pk in sibship.children for rid in parent_rels.get(pk, [])]
        body.append(_sibship(plan, sibship, origin, rels, number))
    body += [_other(plan, r) for r in plan.others]
    body += [_person(p, plan, p.pk == network.child.pk, today) for p in _people(network, plan)]
    child = network.child.full_name
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" aria-labelledby="genogram-title" '
        f'font-family="Arial, sans-serif" font-size="12" class="tl-genogram">'
        f'<title id="genogram-title">Genogram of {escape(child)}: {len(network.people)} people, '
        f"{len(network.relationships)} relationships</title>"
        f'<rect width="100%" height="100%" fill="#fff"/>{"".join(body)}'
        f"{_legend(height - 44 - 24 * len(households), width)}"
        f"{_household_key(households, height - 20 - 24 * len(households) + 24)}</svg>"
    )


def _origin(
    layout: Layout, sibship: Sibship, origins: dict[frozenset[int], tuple[float, float]]
) -> tuple[float, float] | None:
    if len(sibship.parents) == 2:
        return origins.get(sibship.parents)
    if len(sibship.parents) == 1:
        (parent,) = sibship.parents  # one parent known: the line starts below their name
        return layout.x[parent], _y(layout, parent) + TEXT_TOP + 2 * LINE + 6
    return None


def _people(network: Network, layout: Layout) -> Iterable[Person]:
    return (network.people[pk] for pk in sorted(network.people, key=layout.x.__getitem__))
