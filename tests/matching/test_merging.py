"""Merge and unmerge: nothing lost, everything put back."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import (
    AgencyFactory,
    EventFactory,
    InvolvementFactory,
    PersonFactory,
    RelationshipFactory,
    StatusEpisodeFactory,
)
from threadline import clock
from threadline.access.models import AuditAction, AuditEntry
from threadline.matching.merging import (
    MergeError,
    current_person,
    merge_people,
    person_links,
    unmerge,
)
from threadline.matching.models import MergeOrigin
from threadline.people.models import Address, NameKind, Person, PersonName, PersonRecord

pytestmark = pytest.mark.django_db


def snapshot() -> dict[str, Any]:
    """Every row that names a person, with whom it names, and every person's own fields."""
    rows = {
        f"{link.label}.{link.field}": sorted(
            link.model._default_manager.values_list("pk", f"{link.field}_id")
        )
        for link in person_links()
    }
    rows["people"] = sorted(
        Person.objects.values_list(*[f.attname for f in Person._meta.concrete_fields])
    )
    return rows


def _record(person: Person, agency_code: str, source_id: str) -> None:
    PersonRecord.objects.create(
        agency=AgencyFactory(code=agency_code),
        source_id=source_id,
        person=person,
        given_name=person.given_name,
        family_name=person.family_name,
        date_of_birth=person.date_of_birth,
        content_hash="test",
        received_at=clock.now(),
    )


def _name(person: Person, agency_code: str, given: str) -> None:
    PersonName.objects.get_or_create(
        person=person,
        agency=AgencyFactory(code=agency_code),
        given_name=given,
        family_name=person.family_name,
        kind=NameKind.LEGAL,
    )


def _person_with(rows: dict[str, int], tag: str, **fields: Any) -> Person:
    person = PersonFactory(**fields)
    for n in range(rows["records"]):
        _record(person, f"ag{n % 2}", f"{tag}-{person.pk}-{n}")
    for n in range(rows["names"]):
        _name(person, f"ag{n % 2}", "Shared" if n == 0 else f"Name{n}")
    for n in range(rows["addresses"]):
        Address.objects.create(
            person=person, line1=f"{n} Mill Lane", agency=AgencyFactory(code="ag0")
        )
    for _ in range(rows["events"]):
        EventFactory(people=[person])
    for _ in range(rows["involvements"]):
        InvolvementFactory(person=person)
    for _ in range(rows["episodes"]):
        StatusEpisodeFactory(person=person)
    return person


row_counts = st.fixed_dictionaries(
    {
        kind: st.integers(0, 3)
        for kind in ("records", "names", "addresses", "events", "involvements", "episodes")
    }
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(row_counts, row_counts, st.booleans(), st.booleans())
def test_merge_then_unmerge_returns_the_record_exactly(
    survivor_rows: dict[str, int],
    absorbed_rows: dict[str, int],
    related: bool,
    absorbed_has_nhs: bool,
) -> None:
    survivor = _person_with(survivor_rows, "s", nhs_number="")
    absorbed = _person_with(
        absorbed_rows, "a", nhs_number="9434765919" if absorbed_has_nhs else "", date_of_birth=None
    )
    if related:  # a relationship between the two: it cannot become one to oneself
        RelationshipFactory(person=absorbed, relative=survivor)
    RelationshipFactory(person=absorbed)
    before = snapshot()

    merge = merge_people(survivor, absorbed, origin=MergeOrigin.PRACTITIONER, reason="test")
    assert snapshot() != before or not any(absorbed_rows.values())
    unmerge(merge, reason="test")

    assert snapshot() == before
    Person.objects.filter(pk__in=[survivor.pk, absorbed.pk]).update(nhs_number="")


def test_after_a_merge_the_survivor_holds_everything_and_the_absorbed_is_kept() -> None:
    survivor = PersonFactory(nhs_number="")
    absorbed = PersonFactory(nhs_number="9434765919", date_of_birth=None)
    event = EventFactory(people=[absorbed])
    InvolvementFactory(person=absorbed)
    AuditEntry.objects.create(
        at=clock.now(), actor=_someone(), action=AuditAction.VIEW, person=absorbed
    )

    merge = merge_people(survivor, absorbed, origin=MergeOrigin.PRACTITIONER)

    survivor.refresh_from_db()
    absorbed.refresh_from_db()
    assert survivor.nhs_number == "9434765919" and absorbed.nhs_number == ""
    assert list(event.people.values_list("person", flat=True)) == [survivor.pk]
    assert survivor.involvements.count() == 1
    assert AuditEntry.objects.get().person == absorbed, "who looked at which record is history"
    assert current_person(absorbed) == survivor
    assert merge.moved.count() >= 2


def test_a_merge_refuses_two_nhs_numbers_and_names_both() -> None:
    one = PersonFactory(nhs_number="9434765919")
    two = PersonFactory(nhs_number="9434765870")
    with pytest.raises(MergeError, match=rf"person {two.pk}: NHS number 9434765870 differs"):
        merge_people(one, two, origin=MergeOrigin.PRACTITIONER)
    assert Person.objects.filter(merged_into__isnull=False).count() == 0


def test_an_undone_merge_cannot_be_undone_twice() -> None:
    merge = merge_people(PersonFactory(), PersonFactory(), origin=MergeOrigin.PRACTITIONER)
    unmerge(merge)
    with pytest.raises(MergeError, match=rf"merge {merge.pk}: already undone"):
        unmerge(merge)


def test_an_earlier_merge_waits_for_the_later_ones_into_the_same_person() -> None:
    survivor = PersonFactory()
    first = merge_people(survivor, PersonFactory(), origin=MergeOrigin.PRACTITIONER)
    second = merge_people(survivor, PersonFactory(), origin=MergeOrigin.PRACTITIONER)
    with pytest.raises(MergeError, match=rf"undo merge {second.pk} first"):
        unmerge(first)
    unmerge(second)
    unmerge(first)


def _someone():
    from tests.factories import PractitionerFactory

    return PractitionerFactory()


def test_a_merge_waits_while_its_survivor_has_been_merged_onward() -> None:
    first_survivor, final = PersonFactory(), PersonFactory()
    first = merge_people(first_survivor, PersonFactory(), origin=MergeOrigin.PRACTITIONER)
    onward = merge_people(final, first_survivor, origin=MergeOrigin.PRACTITIONER)
    with pytest.raises(MergeError, match=rf"merged into person {final.pk}; undo merge {onward.pk}"):
        unmerge(first)
    unmerge(onward)
    unmerge(first)


def test_an_unmerge_leaves_alone_a_row_corrected_since_to_name_someone_else() -> None:
    survivor, absorbed, third = PersonFactory(), PersonFactory(), PersonFactory()
    wrong = InvolvementFactory(person=absorbed)
    merge = merge_people(survivor, absorbed, origin=MergeOrigin.PRACTITIONER)
    wrong.refresh_from_db()
    wrong.person = third
    wrong.save()

    unmerge(merge)

    wrong.refresh_from_db()
    assert wrong.person == third


def test_an_unmerge_keeps_what_has_been_corrected_on_the_survivor_since() -> None:
    survivor = PersonFactory(nhs_number="", date_of_birth=None, language="")
    absorbed = PersonFactory(
        nhs_number="9434765919", date_of_birth=dt.date(2019, 4, 1), language="Polish"
    )
    merge = merge_people(survivor, absorbed, origin=MergeOrigin.PRACTITIONER)
    survivor.refresh_from_db()
    survivor.date_of_birth = dt.date(2019, 4, 2)  # the survivor's own agency corrects it
    survivor.save()

    unmerge(merge)

    survivor.refresh_from_db()
    absorbed.refresh_from_db()
    assert survivor.date_of_birth == dt.date(2019, 4, 2), "a correction made since stands"
    assert survivor.language == "" and survivor.nhs_number == "", "what the merge copied goes"
    assert absorbed.nhs_number == "9434765919" and absorbed.merged_into is None


def test_an_unmerge_that_would_break_a_rule_changes_nothing_and_says_why() -> None:
    survivor = PersonFactory(nhs_number="")
    absorbed = PersonFactory(nhs_number="9434765919")
    involvement = InvolvementFactory(person=absorbed)
    merge = merge_people(survivor, absorbed, origin=MergeOrigin.PRACTITIONER)
    # While the two are one, the number is taken from the survivor and given to someone else.
    Person.objects.filter(pk=survivor.pk).update(nhs_number="")
    PersonFactory(nhs_number="9434765919")

    with pytest.raises(MergeError, match=rf"merge {merge.pk}: person {absorbed.pk} cannot take"):
        unmerge(merge)

    merge.refresh_from_db()
    absorbed.refresh_from_db()
    involvement.refresh_from_db()
    assert merge.is_live and absorbed.merged_into_id == survivor.pk
    assert involvement.person_id == survivor.pk, "the rows moved back were put back again"
