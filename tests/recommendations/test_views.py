"""The tracker's pages: an analyst adds an action and sees it on the board reports."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import PractitionerFactory
from tests.learning.library import seeded
from threadline.agencies.models import Role
from threadline.recommendations.models import Action

pytestmark = pytest.mark.django_db


@pytest.fixture
def recommendation():
    return seeded()["Child BE"].items.get(label="Recommendation BE1")


def form(**changes: str) -> dict[str, str]:
    return {
        "description": "Circulate core group minutes within five working days",
        "owner_subgroup": "Quality Assurance subgroup",
        "deadline": (dt.date.today() + dt.timedelta(days=60)).isoformat(),
        "expected_impact": "Every member acts on the same plan",
        "how_we_will_know": "Share circulated in time above 90%",
        "indicator": "core-group-notes",
        **changes,
    }


def test_an_analyst_adds_an_action_and_sees_it_on_both_reports(client, recommendation) -> None:
    client.force_login(PractitionerFactory(role=Role.ANALYST))
    response = client.post(f"/recommendations/new/{recommendation.pk}/", form())
    action = Action.objects.get()
    assert response.status_code == 302
    assert response.url == f"/recommendations/actions/{action.pk}/"
    page = client.get(f"/recommendations/reviews/{recommendation.review_id}/").content.decode()
    assert "Circulate core group minutes within five working days" in page
    board = client.get("/recommendations/").content.decode()
    assert "Quality Assurance subgroup" in board and 'data-testid="total-actions">1<' in board


def test_a_bad_action_is_refused_naming_the_field(client, recommendation) -> None:
    client.force_login(PractitionerFactory(role=Role.ANALYST))
    response = client.post(
        f"/recommendations/new/{recommendation.pk}/", form(deadline="31/02/2027")
    )
    assert response.status_code == 400
    assert "Enter a valid date" in response.content.decode()
    assert not Action.objects.exists()


def test_a_practitioner_reads_the_board_but_cannot_change_it(client, recommendation) -> None:
    client.force_login(PractitionerFactory(role=Role.PRACTITIONER))
    assert client.get("/recommendations/").status_code == 200
    response = client.post(f"/recommendations/new/{recommendation.pk}/", form())
    assert response.status_code == 403
    assert not Action.objects.exists()


def test_updating_an_action_records_its_history(client, recommendation) -> None:
    client.force_login(PractitionerFactory(role=Role.ANALYST))
    client.post(f"/recommendations/new/{recommendation.pk}/", form())
    action = Action.objects.get()
    refused = client.post(
        f"/recommendations/actions/{action.pk}/update/", {"status": "complete", "note": "Done"}
    )
    assert refused.status_code == 400
    assert "only with evidence" in refused.content.decode()
    client.post(
        f"/recommendations/actions/{action.pk}/update/",
        {"status": "complete", "note": "Done", "evidence": "Audit of 20 plans"},
    )
    page = client.get(f"/recommendations/actions/{action.pk}/").content.decode()
    assert "Audit of 20 plans" in page


def test_the_indicator_link_is_shown_only_to_those_who_may_open_it(client, recommendation):
    analyst = PractitionerFactory(role=Role.ANALYST)
    client.force_login(analyst)
    client.post(f"/recommendations/new/{recommendation.pk}/", form())
    action = Action.objects.get()
    assert (
        "/indicators/core-group-notes/"
        in client.get(f"/recommendations/actions/{action.pk}/").content.decode()
    )
    client.force_login(PractitionerFactory(role=Role.PRACTITIONER))
    page = client.get(f"/recommendations/actions/{action.pk}/").content.decode()
    assert "/indicators/core-group-notes/" not in page
