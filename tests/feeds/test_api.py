from __future__ import annotations

import pytest
from django.test import Client

from threadline.agencies.models import Agency
from threadline.feeds.services import ingest_feed, issue_feed_token, revoke_feed_token
from threadline.people.models import Person

from .conftest import table_counts
from .records import agency, event, family_feed, lines, person

pytestmark = pytest.mark.django_db
URL = "/api/feeds/"


@pytest.fixture
def police_key() -> str:
    ingest_feed(family_feed())
    return issue_feed_token(agency=Agency.objects.get(code="police"), name="Police RMS")


def post(body: list[str], key: str | None) -> object:
    headers = {"HTTP_AUTHORIZATION": f"Token {key}"} if key else {}
    return Client().post(URL, "\n".join(body), content_type="application/x-ndjson", **headers)


def test_an_agency_system_sends_its_own_records(police_key: str) -> None:
    feed = lines(person("P7", "police", name={"given": "Kai", "family": "Barnes"}))
    response = post(feed, police_key)
    assert response.status_code == 200, response.content
    assert response.json()["kinds"]["person"]["created"] == 1
    assert Person.objects.filter(family_name="Barnes").exists()


def test_the_api_and_the_command_line_share_idempotency(police_key: str) -> None:
    incident = [line for line in family_feed() if '"police"' in line and '"E2"' in line]
    response = post(incident, police_key)
    assert response.json()["kinds"]["event"] == {"created": 0, "updated": 0, "unchanged": 1}


def test_records_of_another_agency_are_refused(police_key: str) -> None:
    before = table_counts()
    response = post(lines(event("E5", ["C1"], agency="csc")), police_key)
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert (error["line"], error["field"]) == (1, "agency")
    assert table_counts() == before


def test_agency_systems_cannot_register_agencies(police_key: str) -> None:
    response = post(lines(agency("rogue", "voluntary")), police_key)
    assert response.status_code == 400
    assert not Agency.objects.filter(code="rogue").exists()


def test_bad_lines_are_reported_with_line_and_field(police_key: str) -> None:
    response = post(["{oops", *lines(person("P8", "police", sex="yes"))], police_key)
    assert response.status_code == 400
    assert [(e["line"], e["field"]) for e in response.json()["errors"]] == [
        (1, "(line)"),
        (2, "sex"),
    ]


def test_no_token_or_a_revoked_token_is_refused(police_key: str) -> None:
    assert post(lines(person("P9", "police")), None).status_code in {401, 403}
    revoke_feed_token(agency=Agency.objects.get(code="police"), name="Police RMS")
    assert post(lines(person("P9", "police")), police_key).status_code == 401
    assert not Person.objects.filter(records__source_id="P9").exists()


def test_the_openapi_schema_describes_the_feed_endpoint() -> None:
    response = Client().get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    schema = response.json()
    assert "application/x-ndjson" in schema["paths"][URL]["post"]["requestBody"]["content"]
