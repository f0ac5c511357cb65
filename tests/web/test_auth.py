"""Signing in and out, and that no page shows anything without signing in."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.web.builders import PASSWORD, Family

PERSON_PAGES = ["person", "person-chronology", "person-chronology-print", "person-chronology-csv"]


@pytest.mark.parametrize("name", ["home", "search"])
def test_pages_need_sign_in(client: Client, db: None, name: str) -> None:
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", PERSON_PAGES)
def test_person_pages_need_sign_in(client: Client, family: Family, name: str) -> None:
    response = client.get(reverse(name, args=[family.child.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_sign_in_page_is_gov_uk_styled_without_the_crown(client: Client, db: None) -> None:
    page = client.get(reverse("login")).content.decode()
    assert "govuk-frontend.min.css" in page
    assert 'for="id_username"' in page and 'autocomplete="current-password"' in page
    assert "govuk-header__logotype" not in page and "crown" not in page.lower()


def test_signing_in_goes_to_your_work(client: Client, family: Family) -> None:
    response = client.post(reverse("login"), {"username": "sw.allocated", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("home")


def test_a_wrong_password_is_explained_and_not_echoed(client: Client, family: Family) -> None:
    response = client.post(reverse("login"), {"username": "sw.allocated", "password": "guess"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Enter a correct username and password" in page
    assert 'value="guess"' not in page


def test_signing_out_needs_a_post(client: Client, family: Family) -> None:
    client.force_login(family.worker)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 302
