"""The indicator pages: who may open them, the figures and charts they show, and what a bad
choice in the query string gives."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.factories import AlertFactory, InvolvementFactory, PractitionerFactory, TeamFactory
from tests.indicators.record import TODAY, child, day, event, moment, north, south, today_is
from threadline.agencies.models import Agency, Practitioner, Role
from threadline.checks.models import AlertState
from threadline.chronology.vocabulary import EventType
from threadline.indicators.access import SEES_INDICATORS
from threadline.indicators.definitions import INDICATORS

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def record() -> tuple[Agency, Agency]:
    """North: a core group in March with notes in time, one in April without. South: none."""
    today_is(TODAY)
    n, s = north(), south()
    ada = child()
    march = event(n, EventType.CORE_GROUP, "2025-03-04", [ada])
    event(n, EventType.MINUTES_CIRCULATED, "2025-03-06", [ada], refers_to=march)
    event(n, EventType.CORE_GROUP, "2025-04-08", [ada])
    InvolvementFactory(person=ada, agency=n, opened_on=day("2025-01-06"))
    AlertFactory(
        subject=ada, check_id="SHR-2", due_at=moment("2025-04-15", 23), state=AlertState.RAISED
    )
    return n, s


def signed_in(role: str = Role.ANALYST, agency: Agency | None = None) -> Client:
    user: Practitioner = PractitionerFactory(role=role, team=TeamFactory(agency=agency or north()))
    client = Client()
    client.force_login(user)
    return client


def page(response) -> str:  # type: ignore[no-untyped-def]
    return response.content.decode()


def test_the_list_shows_every_indicator_with_its_latest_share() -> None:
    response = signed_in().get("/indicators/")
    assert response.status_code == 200
    html = page(response)
    for indicator in INDICATORS:
        assert indicator.name in html and f"/indicators/{indicator.slug}/" in html
    # Over April to June: the April core group, notes never sent.
    share = re.search(r'data-testid="share-core-group-notes">(.*?)</td>', html, re.S)
    assert share is not None and share.group(1).strip() == "0%"
    assert "nothing due" in html, "no share is shown as 0% where nothing was due"


def test_one_indicator_shows_its_figures_in_charts_and_a_table() -> None:
    response = signed_in().get("/indicators/core-group-notes/")
    assert response.status_code == 200
    html = page(response)
    assert html.count('<svg class="tl-chart"') == 2
    assert 'role="img" aria-labelledby="share-chart-title share-chart-desc"' in html
    assert '<title id="share-chart-title">Share met each month: All agencies</title>' in html
    assert '<desc id="count-chart-desc">Bar chart' in html
    assert "1 of 2 core group meetings had notes circulated within 5 working days (50%)" in html
    months = html[html.index('data-testid="months"') :]
    assert re.search(r"March 2025</th>\s*<td[^>]*>1</td>\s*<td[^>]*>1</td>", months)
    assert re.search(r"April 2025</th>\s*<td[^>]*>1</td>\s*<td[^>]*>0</td>", months)
    by_agency = html[html.index('data-testid="by-agency"') :]
    assert "North agency" in by_agency and "1 of 2" in by_agency
    assert "South agency" not in by_agency, "nothing was due in South"
    assert "SHR-2" in html and "within five working days of the core group meeting" in html
    assert '<option value="12" selected>Last 12 months</option>' in html


def test_the_page_has_no_inline_style_for_the_content_security_policy_to_refuse() -> None:
    html = page(signed_in().get("/indicators/core-group-notes/"))
    assert "style=" not in html and "<style" not in html
    assert "/static/indicators/indicators.css" in html


def test_one_agency_over_six_months() -> None:
    n, _ = Agency.objects.get(code="north"), None
    response = signed_in().get(f"/indicators/core-group-notes/?agency={n.pk}&months=6")
    assert response.status_code == 200
    html = page(response)
    assert "North agency: January 2025 to June 2025" in html
    assert 'data-testid="by-agency"' not in html
    assert f'<option value="{n.pk}" selected>' in html


def test_the_alerts_indicator_is_shown_check_by_check() -> None:
    client = signed_in()
    html = page(client.get("/indicators/alerts-resolved-in-time/"))
    assert 'name="check"' in html and 'data-testid="by-check"' in html
    assert "Allocated social worker" in html
    one = client.get("/indicators/alerts-resolved-in-time/?check=SHR-2")
    assert one.status_code == 200 and "SHR-2 alerts" in page(one)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("months=7", "Choose a period of 3, 6, 12 or 24 months"),
        ("months=twelve", "Choose a period of 3, 6, 12 or 24 months"),
        ("agency=99999", "Choose an agency from the list"),
        ("agency=north", "Choose an agency from the list"),
    ],
)
def test_a_bad_choice_is_refused_with_a_clear_error(query: str, message: str) -> None:
    response = signed_in().get(f"/indicators/core-group-notes/?{query}")
    assert response.status_code == 400
    html = page(response)
    assert "There is a problem" in html and message in html
    assert "govuk-select--error" in html and "<svg" not in html


def test_an_unknown_check_is_refused_on_the_alerts_indicator() -> None:
    response = signed_in().get("/indicators/alerts-resolved-in-time/?check=XYZ-9")
    assert response.status_code == 400
    assert "Choose a learning check from the list" in page(response)


def test_an_unknown_indicator_is_not_found() -> None:
    assert signed_in().get("/indicators/no-such-thing/").status_code == 404


@pytest.mark.parametrize("indicator", INDICATORS, ids=lambda i: i.slug)
def test_every_indicator_page_opens(indicator) -> None:  # type: ignore[no-untyped-def]
    assert signed_in().get(f"/indicators/{indicator.slug}/").status_code == 200


@pytest.mark.parametrize("role", sorted(SEES_INDICATORS))
def test_the_partnership_and_managers_may_open_them(role: str) -> None:
    client = signed_in(role)
    assert client.get("/indicators/").status_code == 200
    assert client.get("/indicators/fathers-involved/").status_code == 200


@pytest.mark.parametrize("role", sorted(set(Role.values) - SEES_INDICATORS))
def test_everyone_else_is_refused(role: str) -> None:
    client = signed_in(role)
    for url in ("/indicators/", "/indicators/core-group-notes/"):
        response = client.get(url)
        assert response.status_code == 403
        assert "You cannot see the practice indicators" in page(response)
        assert "core group meetings" not in page(response)


def test_signed_out_is_sent_to_sign_in() -> None:
    response = Client().get("/indicators/core-group-notes/")
    assert response.status_code == 302 and "/sign-in/" in response["Location"]


def test_only_reading_is_allowed() -> None:
    assert signed_in().post("/indicators/core-group-notes/").status_code == 405


def test_with_nothing_due_there_is_no_empty_chart() -> None:
    html = page(signed_in().get("/indicators/fathers-involved/"))
    assert "Nothing was due in this period." in html and "<svg" not in html
