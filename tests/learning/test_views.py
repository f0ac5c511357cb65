"""The library's pages: upload, correct, remove and publish; themes, search and checks."""

from __future__ import annotations

import pytest

from tests.factories import PractitionerFactory
from threadline.agencies.models import Role
from threadline.learning.models import Item, Review
from threadline.learning.seeds import seed_files

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst_client(client):
    client.force_login(PractitionerFactory(role=Role.ANALYST))
    return client


def upload(client, path=None):
    path = path or seed_files()[2]
    with path.open("rb") as handle:
        return client.post("/library/upload/", {"document": handle})


def test_an_upload_is_read_corrected_and_published(analyst_client) -> None:
    response = upload(analyst_client)
    review = Review.objects.get()
    assert response.status_code == 302 and not review.is_published
    page = analyst_client.get(f"/library/reviews/{review.pk}/").content.decode()
    assert "Finding BE2" in page and "Now guarded by" in page
    finding = review.items.get(label="Finding BE2")
    corrected = analyst_client.post(
        f"/library/items/{finding.pk}/correct/",
        {"kind": "finding", "label": "Finding BE2", "text": "Assessments relied on self-report."},
    )
    assert corrected.status_code == 302
    finding.refresh_from_db()
    assert finding.text == "Assessments relied on self-report." and finding.as_read
    analyst_client.post(f"/library/reviews/{review.pk}/publish/")
    review.refresh_from_db()
    assert review.is_published
    refused = analyst_client.post(
        f"/library/items/{finding.pk}/correct/", {"kind": "finding", "text": "Late change"}
    )
    assert refused.status_code == 403


def test_the_same_document_twice_is_held_once(analyst_client) -> None:
    upload(analyst_client)
    upload(analyst_client)
    assert Review.objects.count() == 1


def test_a_document_that_cannot_be_read_is_refused_naming_it(analyst_client, tmp_path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"not a pdf at all")
    response = upload(analyst_client, bad)
    assert response.status_code == 400
    assert "broken.pdf" in response.content.decode()
    assert not Review.objects.exists()


def test_an_empty_correction_is_refused_and_nothing_changes(analyst_client) -> None:
    upload(analyst_client)
    item = Item.objects.filter(kind="finding").first()
    response = analyst_client.post(
        f"/library/items/{item.pk}/correct/", {"kind": "finding", "text": ""}
    )
    assert response.status_code == 400
    assert Item.objects.get(pk=item.pk).text == item.text


def test_a_practitioner_reads_published_reviews_but_not_drafts(client, analyst_client) -> None:
    upload(analyst_client)
    review = Review.objects.get()
    client.force_login(PractitionerFactory(role=Role.PRACTITIONER))
    assert client.get(f"/library/reviews/{review.pk}/").status_code == 404
    assert client.get("/library/upload/").status_code == 403
    review.status = "published"
    review.save()
    assert client.get(f"/library/reviews/{review.pk}/").status_code == 200


def test_themes_search_and_checks_pages(analyst_client) -> None:
    for path in seed_files():
        upload(analyst_client, path)
    for review in Review.objects.all():
        analyst_client.post(f"/library/reviews/{review.pk}/publish/")
    themes = analyst_client.get("/library/themes/").content.decode()
    assert "Domestic abuse" in themes and "Child Q" in themes
    found = analyst_client.get("/library/search/", {"q": "father not involved", "by": "words"})
    assert found.status_code == 200 and 'data-testid="hits"' in found.content.decode()
    assert analyst_client.get("/library/search/", {"q": "", "by": "words"}).status_code == 400
    checks = analyst_client.get("/library/checks/").content.decode()
    assert "NET-1" in checks and "Finding BE2" in checks
