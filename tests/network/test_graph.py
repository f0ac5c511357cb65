from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import (
    AgencyFactory,
    InvolvementFactory,
    PersonFactory,
    RelationshipFactory,
    StatusEpisodeFactory,
)
from threadline.casework.models import EpisodeKind
from threadline.matching.merging import merge_people
from threadline.matching.models import MergeOrigin
from threadline.network.graph import household_statuses, network_of
from threadline.people.models import Address, RelationshipKind

pytestmark = pytest.mark.django_db


def _lives(person, line1: str, postcode: str, start: str, end: str | None = None) -> None:
    Address.objects.create(
        person=person,
        line1=line1,
        postcode=postcode,
        lived_from=dt.date.fromisoformat(start),
        lived_to=dt.date.fromisoformat(end) if end else None,
        agency=AgencyFactory(code="csc"),
    )


def test_the_network_reaches_n_steps_through_relationships_and_shared_homes() -> None:
    child, mother, lodger, lodgers_son = (PersonFactory() for _ in range(4))
    RelationshipFactory(person=mother, relative=child, kind=RelationshipKind.PARENT)
    _lives(mother, "4 Mill Lane", "NE1 4ST", "2020-01-01")
    _lives(lodger, "4  mill lane", "NE1 4ST", "2023-05-01")  # typed differently, same home
    RelationshipFactory(person=lodger, relative=lodgers_son, kind=RelationshipKind.PARENT)

    assert set(network_of(child, steps=1).people) == {child.pk, mother.pk}
    assert set(network_of(child, steps=2).people) == {child.pk, mother.pk, lodger.pk}
    assert lodgers_son.pk in network_of(child, steps=3).people


def test_households_today_come_first_with_status_and_lead_then_the_past() -> None:
    child, mother, sibling = (PersonFactory() for _ in range(3))
    for person in (child, sibling):
        RelationshipFactory(person=mother, relative=person, kind=RelationshipKind.PARENT)
    _lives(mother, "4 Mill Lane", "NE1 4ST", "2020-01-01")
    _lives(child, "4 Mill Lane", "NE1 4ST", "2020-01-01")
    _lives(mother, "9 Old Road", "NE2 2BB", "2015-01-01", "2019-12-31")
    _lives(sibling, "9 Old Road", "NE2 2BB", "2015-01-01", "2019-12-31")
    StatusEpisodeFactory(person=child, kind=EpisodeKind.CHILD_PROTECTION)
    InvolvementFactory(person=child, lead_practitioner_name="Sam Okafor")

    today, past = household_statuses(network_of(child, steps=2))
    assert (today.living_there, today.status, today.lead) == (2, "Child protection", "Sam Okafor")
    assert (past.living_there, past.until) == (0, dt.date(2019, 12, 31))


def test_a_record_merged_into_another_is_not_a_second_person_in_the_family() -> None:
    child, father, fathers_other_record = PersonFactory(), PersonFactory(), PersonFactory()
    RelationshipFactory(person=father, relative=child, kind=RelationshipKind.PARENT)
    # A tie between the two records cannot move: it would be a tie to himself.
    RelationshipFactory(
        person=fathers_other_record, relative=father, kind=RelationshipKind.ASSOCIATE
    )
    merge_people(father, fathers_other_record, origin=MergeOrigin.PRACTITIONER)

    network = network_of(child, steps=2)
    assert set(network.people) == {child.pk, father.pk}
    assert all(
        fathers_other_record.pk not in (r.person_id, r.relative_id) for r in network.relationships
    )
