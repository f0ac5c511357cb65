"""The genogram holds the whole record, and stays legible for a large family."""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise
from xml.etree import ElementTree

import pytest

from tests.factories import AgencyFactory, PersonFactory, RelationshipFactory
from tests.network.family import large_family
from threadline.network.genogram import SPACING, genogram_svg, layout
from threadline.network.graph import network_of
from threadline.people.models import Address, RelationshipKind

pytestmark = pytest.mark.django_db


def drawn_people(svg: str) -> set[int]:
    return {int(pk) for pk in re.findall(r'data-person="(\d+)"', svg)}


def drawn_relationships(svg: str) -> set[int]:
    return {
        int(pk) for ids in re.findall(r'data-relationships="([\d ]*)"', svg) for pk in ids.split()
    }


def test_every_person_and_relationship_in_the_record_is_drawn() -> None:
    family = large_family()
    network = network_of(family["index"], steps=3)
    svg = genogram_svg(network)

    assert drawn_people(svg) == set(network.people)
    assert drawn_relationships(svg) == {r.pk for r in network.relationships}
    assert len(network.people) == 19, (
        "father, 4 partners, 10 children, 2 grandparents, unborn, carer"
    )


def test_children_hang_from_their_own_parents_partnership() -> None:
    family = large_family()
    plan = layout(network_of(family["index"], steps=3))
    by_parents = {sibship.parents: sibship.children for sibship in plan.sibships}
    father = family["father"]
    for partner, count in zip(family["partners"], (4, 3, 2, 2), strict=True):
        assert len(by_parents[frozenset({father.pk, partner.pk})]) == count


def test_a_large_family_is_legible_no_two_symbols_closer_than_their_spacing() -> None:
    family = large_family()
    plan = layout(network_of(family["index"], steps=3))
    rows: dict[int, list[float]] = {}
    for pk, generation in plan.generation.items():
        rows.setdefault(generation, []).append(plan.x[pk])
    assert sorted(rows) == [0, 1, 2], "three generations"
    for xs in rows.values():
        xs.sort()
        assert all(b - a >= SPACING - 1e-6 for a, b in pairwise(xs))


def test_symbols_say_who_has_died_who_is_unborn_and_who_the_child_is() -> None:
    family = large_family()
    svg = genogram_svg(network_of(family["index"], steps=3))
    grandfather = family["grandparents"][0]
    assert re.search(rf'data-person="{grandfather.pk}">.*?class="tl-deceased"', svg)
    assert re.search(rf'data-person="{family["index"].pk}">.*?class="tl-index"', svg)
    assert re.search(rf'data-person="{family["unborn"].pk}"><title>[^<]*Due Mar 2027', svg)
    assert svg.count('data-partnership="separated"') == 2
    assert svg.count('data-partnership="divorced"') == 1
    assert 'data-household="7 Canal Street, NE1 1AA"' in svg


def test_a_divorce_has_two_slashes_and_its_years_a_separation_one() -> None:
    family = large_family()
    plan = layout(network_of(family["index"], steps=3))
    father, first, second = family["father"], *family["partners"][:2]
    by_pair = {frozenset((p.one, p.two)): p for p in plan.partnerships}
    divorce = by_pair[frozenset((father.pk, first.pk))]
    assert (divorce.kind, divorce.years) == ("divorced", "m. 2006 d. 2011")
    assert by_pair[frozenset((father.pk, second.pk))].kind == "separated"
    grandparents = frozenset(p.pk for p in family["grandparents"])
    assert (by_pair[grandparents].kind, by_pair[grandparents].years) == ("current", "m. 1975")

    svg = genogram_svg(network_of(family["index"], steps=3))
    divorced = re.search(r'data-partnership="divorced">(.*?)</g>', svg).group(1)
    assert divorced.count("<path") == 3, "the line and two slashes"
    assert "m. 2006 d. 2011" in divorced


def test_the_drawing_changes_when_the_record_does() -> None:
    family = large_family()
    before = genogram_svg(network_of(family["index"], steps=3))
    family["father"].given_name = "Deano"
    family["father"].save()
    after = genogram_svg(network_of(family["index"], steps=3))
    assert "Dean Marsh" in before and "Deano Marsh" in after


def test_a_child_with_nobody_recorded_around_them_is_drawn_alone() -> None:
    child = PersonFactory(given_name="Lone", family_name="Child")
    svg = genogram_svg(network_of(child, steps=2))
    assert drawn_people(svg) == {child.pk}


def test_what_an_agency_typed_cannot_break_out_of_the_drawing() -> None:
    mother = PersonFactory(given_name='Ann"><script>alert(1)</script>', family_name="O'Neil")
    child = PersonFactory(given_name="Kim", family_name="O'Neil")
    RelationshipFactory(person=mother, relative=child, kind=RelationshipKind.PARENT)
    for person in (mother, child):
        Address.objects.create(
            person=person,
            line1='1 "Quoted" Row<img src=x onerror=alert(1)>',
            postcode="NE1 1AA",
            lived_from=dt.date(2020, 1, 1),
            agency=AgencyFactory(),
        )
    svg = genogram_svg(network_of(child, steps=2))
    assert "<script" not in svg and "<img" not in svg
    [household] = re.findall(r'data-household="([^"]*)"', svg)
    assert household.startswith("1 &quot;Quoted&quot; Row&lt;img")
    ElementTree.fromstring(svg)
