"""Sending a transfer through its page: the sharing decision asked for, and shown after."""

from __future__ import annotations

import pytest

from tests.meetings.conftest import Family
from tests.transfers.conftest import moving
from threadline.transfers.models import TransferOut

pytestmark = pytest.mark.django_db

FORM = {
    "receiving_authority": "Southshire County Council",
    "reason": "The family moved to Southshire on 8 April 2024; the plan continues there.",
    "lawful_basis": "public_task",
    "special_condition": "safeguarding",
    "consent": "not_sought",
    "consent_note": "",
}


def test_the_page_asks_for_the_sharing_decision_and_shows_it_after(client, family: Family) -> None:
    moving(family)
    client.force_login(family.worker)
    url = f"/people/{family.child.pk}/transfer/"
    assert "The seven golden rules for sharing information" in client.get(url).content.decode()

    refused = client.post(url, FORM)
    assert "say why it was shared without consent" in refused.content.decode().lower()
    assert not TransferOut.objects.exists()

    done = client.post(url, {**FORM, "consent_note": "Father not told: risk to the mother"})
    page = client.get(done["Location"]).content.decode()
    assert "Public task: a statutory duty" in page
    assert "Father not told: risk to the mother" in page
