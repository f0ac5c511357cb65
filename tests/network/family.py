"""A large synthetic family for the genogram: a father with four partners (one divorce, two
separations) and ten children between them, his parents (his father has died), a pregnancy, a household today, and a carer."""

from __future__ import annotations

import datetime as dt

from tests.factories import AgencyFactory, PersonFactory, RelationshipFactory
from threadline.people.models import Address, LegalUnion, Person, RelationshipKind, Sex


def _rel(person: Person, relative: Person, kind: str, **fields) -> None:
    RelationshipFactory(person=person, relative=relative, kind=kind, **fields)


def large_family() -> dict[str, object]:
    csc = AgencyFactory(code="csc")
    father = PersonFactory(
        given_name="Dean", family_name="Marsh", sex=Sex.MALE, date_of_birth=dt.date(1985, 5, 1)
    )
    grandfather = PersonFactory(
        given_name="Ron",
        family_name="Marsh",
        sex=Sex.MALE,
        date_of_birth=dt.date(1950, 1, 1),
        date_of_death=dt.date(2020, 3, 1),
    )
    grandmother = PersonFactory(
        given_name="Jean", family_name="Marsh", sex=Sex.FEMALE, date_of_birth=dt.date(1955, 1, 1)
    )
    _rel(grandfather, father, RelationshipKind.PARENT)
    _rel(grandmother, father, RelationshipKind.PARENT)
    _rel(
        grandfather,
        grandmother,
        RelationshipKind.PARTNER,
        legal_union=LegalUnion.MARRIED,
        started_on=dt.date(1975, 6, 1),
    )
    partners, children = [], []
    for n, count in enumerate((4, 3, 2, 1)):
        partner = PersonFactory(
            given_name=f"Partner{n + 1}",
            family_name="Smith",
            sex=Sex.FEMALE,
            date_of_birth=dt.date(1988 + n, 2, 2),
        )
        partners.append(partner)
        kind = RelationshipKind.PARTNER if n == 3 else RelationshipKind.FORMER_PARTNER
        if n == 0:  # his first marriage ended in divorce; the next two were separations
            _rel(
                father,
                partner,
                kind,
                legal_union=LegalUnion.DIVORCED,
                started_on=dt.date(2006, 5, 1),
                ended_on=dt.date(2011, 9, 1),
            )
        else:
            _rel(father, partner, kind)
        for m in range(count):
            child = PersonFactory(
                given_name=f"Child{n + 1}{m + 1}",
                family_name="Marsh",
                sex=Sex.MALE if m % 2 else Sex.FEMALE,
                date_of_birth=dt.date(2008 + 2 * n + m, 6, 1),
            )
            _rel(father, child, RelationshipKind.PARENT, parental_responsibility=True)
            _rel(partner, child, RelationshipKind.PARENT, parental_responsibility=True)
            children.append(child)
    unborn = PersonFactory(
        given_name="",
        family_name="Marsh",
        sex=Sex.UNKNOWN,
        date_of_birth=None,
        expected_date_of_birth=dt.date(2027, 3, 1),
    )
    _rel(father, unborn, RelationshipKind.PARENT)
    _rel(partners[3], unborn, RelationshipKind.PARENT)
    carer = PersonFactory(
        given_name="Aunt", family_name="Kaur", sex=Sex.FEMALE, date_of_birth=dt.date(1970, 1, 1)
    )
    _rel(carer, children[0], RelationshipKind.CARER)
    _rel(children[0], children[1], RelationshipKind.SIBLING)
    _rel(children[0], children[4], RelationshipKind.HALF_SIBLING)
    for person in (father, partners[3], children[-1]):
        Address.objects.create(
            person=person,
            line1="7 Canal Street",
            postcode="NE1 1AA",
            lived_from=dt.date(2020, 1, 1),
            agency=csc,
        )
    return {
        "index": children[-1],
        "father": father,
        "partners": partners,
        "children": children,
        "unborn": unborn,
        "grandparents": (grandfather, grandmother),
        "carer": carer,
    }
