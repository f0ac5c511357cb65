"""The feed API against its own OpenAPI schema (schemathesis), and against feeds that look
nearly right (hypothesis): whatever arrives, no server error, and nothing half-written."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from threadline.agencies.models import Agency
from threadline.feeds.services import ingest_feed, issue_feed_token

from .conftest import table_counts
from .records import family_feed

pytestmark = pytest.mark.django_db

REQUESTS = 2000


@schemathesis.serializer("application/x-ndjson")
def _json_lines(ctx, value) -> bytes:  # type: ignore[no-untyped-def]
    return value.encode("utf-8") if isinstance(value, str) else json.dumps(value).encode()


@pytest.fixture
def in_process_wsgi() -> Iterator[None]:
    """Calls into the WSGI application keep the test's database connection open, as Django's
    own test client arranges."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def police_key() -> str:
    ingest_feed(family_feed())
    return issue_feed_token(agency=Agency.objects.get(code="police"), name="Police RMS")


def test_no_server_error_in_two_thousand_requests_generated_from_the_schema(
    police_key, in_process_wsgi
) -> None:
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())
    operation = schema["/api/feeds/"]["POST"]
    sent = []

    @settings(
        max_examples=REQUESTS,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def send(case) -> None:  # type: ignore[no-untyped-def]
        if len(sent) % 2 == 0:  # half with the agency's token, half as a stranger
            case.headers = {**(case.headers or {}), "Authorization": f"Token {police_key}"}
        response = case.call()
        sent.append(response.status_code)
        assert response.status_code < 500, f"{case.body!r}: {response.status_code}"

    send()
    assert len(sent) >= REQUESTS
    assert {400, 401} <= set(sent), "both refusals were reached"


KINDS = [
    "person",
    "relationship",
    "event",
    "involvement",
    "episode",
    "agency",
    "contact_arrangement",
]
FIELDS = [
    "kind",
    "agency",
    "id",
    "person",
    "relative",
    "type",
    "name",
    "date_of_birth",
    "occurred",
    "people",
    "nhs_number",
    "from",
    "to",
    "legal_union",
    "summary",
]
values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12) | st.sampled_from(KINDS),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(FIELDS), inner),
    max_leaves=6,
)
records = st.dictionaries(st.sampled_from(FIELDS), values, max_size=8).map(
    lambda record: {"kind": record.pop("kind", "person"), "agency": "police", **record}
)


def test_nearly_right_feeds_are_refused_whole_or_taken_whole(police_key) -> None:
    from django.test import Client

    @settings(
        max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(batch=st.lists(records, min_size=1, max_size=4))
    def send(batch) -> None:  # type: ignore[no-untyped-def]
        before = table_counts()
        body = "\n".join(json.dumps(record) for record in batch)
        response = Client().post(
            "/api/feeds/",
            body,
            content_type="application/x-ndjson",
            HTTP_AUTHORIZATION=f"Token {police_key}",
        )
        assert response.status_code < 500, body
        if response.status_code != 200:
            assert table_counts() == before, "a refused batch writes nothing"

    send()
