"""Finding a person: forgiving of spelling, never showing anyone the user may not see."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import InvolvementFactory, PersonFactory
from tests.web.builders import Family, add_other_name
from threadline.access.models import AuditAction, AuditEntry
from threadline.people import selectors as people_selectors
from threadline.people.selectors import (
    SearchProblem,
    SearchTerms,
    parse_search_terms,
    search_people,
)


def found(family: Family, text: str) -> list[str]:
    matches = search_people(family.worker, parse_search_terms(text))
    return [match.person.full_name for match in matches]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jon Smyth", SearchTerms(text="Jon Smyth", given="Jon", family="Smyth")),
        ("Smyth, Jon", SearchTerms(text="Smyth, Jon", given="Jon", family="Smyth")),
        ("Smyth", SearchTerms(text="Smyth", family="Smyth")),
        ("03/04/2019", SearchTerms(text="03/04/2019", date_of_birth=dt.date(2019, 4, 3))),
        ("3/4/2019", SearchTerms(text="3/4/2019", date_of_birth=dt.date(2019, 4, 3))),
        ("2019-04-03", SearchTerms(text="2019-04-03", date_of_birth=dt.date(2019, 4, 3))),
        ("943 476 5919", SearchTerms(text="943 476 5919", nhs_number="9434765919")),
        ("9434765919", SearchTerms(text="9434765919", nhs_number="9434765919")),
        (
            "Jon Smyth 03/04/2019",
            SearchTerms(
                text="Jon Smyth 03/04/2019",
                given="Jon",
                family="Smyth",
                date_of_birth=dt.date(2019, 4, 3),
            ),
        ),
    ],
)
def test_what_was_typed_is_read_as_names_dates_and_numbers(
    text: str, expected: SearchTerms
) -> None:
    assert parse_search_terms(text) == expected


@pytest.mark.parametrize("text", ["31/02/2019", "John 123", "S"])
def test_searches_that_cannot_run_say_why(text: str) -> None:
    with pytest.raises(SearchProblem):
        parse_search_terms(text)


@pytest.mark.parametrize(
    "text", ["Jon Smyth", "john smith", "JOHN SMITH", "Smith, John", "Smyth", "Smi", "J Smith"]
)
def test_a_misspelt_or_partial_name_finds_the_child(family: Family, text: str) -> None:
    assert "John Smith" in found(family, text)


def test_another_name_finds_them_and_says_so(family: Family) -> None:
    matches = search_people(family.worker, parse_search_terms("Johnny Smythjones"))
    assert [m.person for m in matches] == [family.child]
    assert matches[0].matched_name == "Johnny Smyth-Jones"


def test_an_alias_recorded_by_another_agency_is_searched_too(family: Family) -> None:
    add_other_name(family.child, family.police, "Jack", "Doyle")
    assert found(family, "Jak Doyle") == ["John Smith"]


def test_date_of_birth_in_either_form_and_nhs_number_with_or_without_spaces(
    family: Family,
) -> None:
    for text in ("03/04/2019", "2019-04-03", "943 476 5919", "9434765919", "943-476-5919"):
        assert found(family, text) == ["John Smith"], text


def test_a_date_of_birth_narrows_a_name(family: Family) -> None:
    twin = PersonFactory(given_name="Jon", family_name="Smith", date_of_birth=dt.date(2020, 1, 1))
    InvolvementFactory(agency=family.social_care, person=twin)
    assert found(family, "Jon Smith 03/04/2019") == ["John Smith"]


def test_closest_spelling_ranks_first(family: Family) -> None:
    for given, family_name in [("Joan", "Smithson"), ("Jon", "Smyth"), ("Jean", "Smit")]:
        person = PersonFactory(given_name=given, family_name=family_name)
        InvolvementFactory(agency=family.social_care, person=person)
    names = found(family, "Jon Smyth")
    assert names[0] == "Jon Smyth"
    assert names.index("John Smith") < names.index("Jean Smit")


def test_an_outsiders_search_never_returns_the_child(family: Family) -> None:
    for text in ("John Smith", "Jon Smyth", "Smi", "03/04/2019", "943 476 5919"):
        assert search_people(family.outsider, parse_search_terms(text)) == [], text


def test_an_outsiders_results_page_does_not_name_the_child(
    outsider_client: Client, family: Family
) -> None:
    page = outsider_client.get(reverse("search"), {"q": "Jon Smyth"}).content.decode()
    assert "No one found" in page
    assert reverse("person", args=[family.child.pk]) not in page
    assert "John Smith" not in page and "943 476 5919" not in page


def test_people_whose_involvement_closed_are_not_found(family: Family) -> None:
    person = PersonFactory(given_name="Kacper", family_name="Nowak")
    InvolvementFactory(
        agency=family.social_care, person=person, opened_on="2023-01-01", closed_on="2023-06-01"
    )
    assert found(family, "Kacper Nowak") == []


def test_every_search_is_audited(worker_client: Client, family: Family) -> None:
    worker_client.get(reverse("search"), {"q": "Jon Smyth"})
    entry = AuditEntry.objects.get(action=AuditAction.SEARCH)
    assert entry.actor == family.worker
    assert entry.detail == "Jon Smyth"
    assert entry.person is None


def test_results_page_links_to_the_child(worker_client: Client, family: Family) -> None:
    page = worker_client.get(reverse("search"), {"q": "Jon Smyth"}).content.decode()
    assert reverse("person", args=[family.child.pk]) in page
    assert "943 476 5919" in page
    assert "1 person found" in page


def test_a_search_that_cannot_run_shows_an_error_and_is_not_audited(
    worker_client: Client,
) -> None:
    page = worker_client.get(reverse("search"), {"q": "31/02/2019"}).content.decode()
    assert "There is a problem" in page
    assert "31/02/2019 is not a real date" in page
    assert not AuditEntry.objects.filter(action=AuditAction.SEARCH).exists()


def test_an_empty_search_shows_the_form_only(worker_client: Client) -> None:
    response = worker_client.get(reverse("search"))
    assert response.status_code == 200
    assert not AuditEntry.objects.exists()


def test_a_common_name_keeps_the_exact_spelling_within_the_cap(
    family: Family, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(people_selectors, "SEARCH_CANDIDATES", 3)
    for given in ("Aaron", "Abel", "Ada", "Adam"):
        person = PersonFactory(given_name=given, family_name="Smid")  # sorts before Smith
        InvolvementFactory(agency=family.social_care, person=person)
    assert "John Smith" in found(family, "Smith")
