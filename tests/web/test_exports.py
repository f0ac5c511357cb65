"""Printing and CSV export: audited, and honouring the filters on screen."""

from __future__ import annotations

import csv
import io

from django.test import Client
from django.urls import reverse

from tests.factories import EventFactory
from tests.web.builders import Family, many_events
from threadline.access.models import AuditAction, AuditEntry
from threadline.chronology.vocabulary import Significance


def csv_rows(client: Client, family: Family, **params: object) -> list[list[str]]:
    response = client.get(reverse("person-chronology-csv", args=[family.child.pk]), params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert f"chronology-{family.child.pk}-" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_csv_has_every_entry_and_is_audited_as_an_export(
    worker_client: Client, family: Family
) -> None:
    rows = csv_rows(worker_client, family)
    assert rows[0][:4] == ["Occurred", "Date known to", "Event type", "Summary"]
    assert [row[3] for row in rows[1:]] == [
        "Home visit: John seen alone in his bedroom",
        "Police called to the home: argument between parents",
        "Two-year review not attended",
        "Referral to early help: home conditions",
    ]
    assert rows[3][0] == "2023-03" and rows[3][1] == "Month"
    entry = AuditEntry.objects.get(actor=family.worker)
    assert (entry.action, entry.person) == (AuditAction.EXPORT, family.child)


def test_csv_honours_the_filters(worker_client: Client, family: Family) -> None:
    rows = csv_rows(worker_client, family, agency=family.police.pk)
    assert [row[3] for row in rows[1:]] == ["Police called to the home: argument between parents"]
    rows = csv_rows(worker_client, family, significance=Significance.SIGNIFICANT)
    assert len(rows) == 3


def test_csv_is_not_paged(worker_client: Client, family: Family) -> None:
    many_events(family, 70)
    assert len(csv_rows(worker_client, family)) == 1 + 74


def test_csv_cells_cannot_run_as_spreadsheet_formulas(
    worker_client: Client, family: Family
) -> None:
    EventFactory(agency=family.police, summary='=HYPERLINK("http://x")', people=[family.child])
    summaries = [row[3] for row in csv_rows(worker_client, family)]
    assert '\'=HYPERLINK("http://x")' in summaries


def test_an_outsider_cannot_export(outsider_client: Client, family: Family) -> None:
    response = outsider_client.get(reverse("person-chronology-csv", args=[family.child.pk]))
    assert response.status_code == 404
    assert AuditEntry.objects.get(actor=family.outsider).action == AuditAction.DENIED


def test_print_view_is_audited_and_honours_the_filters(
    worker_client: Client, family: Family
) -> None:
    response = worker_client.get(
        reverse("person-chronology-print", args=[family.child.pk]),
        {"significance": Significance.CRITICAL},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "OFFICIAL-SENSITIVE" in page
    assert "Police called to the home" in page
    assert "Home visit: John seen alone" not in page
    assert "filtered: Critical only" in page
    assert "Neighbour reported shouting" in page  # detail printed in full, not folded away
    entry = AuditEntry.objects.get(actor=family.worker)
    assert (entry.action, entry.person) == (AuditAction.PRINT, family.child)


def test_print_view_is_not_paged(worker_client: Client, family: Family) -> None:
    many_events(family, 70)
    page = worker_client.get(reverse("person-chronology-print", args=[family.child.pk]))
    assert page.content.decode().count("tl-entry tl-entry--") == 74


def test_an_outsider_cannot_print(outsider_client: Client, family: Family) -> None:
    response = outsider_client.get(reverse("person-chronology-print", args=[family.child.pk]))
    assert response.status_code == 404
    assert AuditEntry.objects.get(actor=family.outsider).action == AuditAction.DENIED


def test_print_and_csv_links_carry_the_filters(worker_client: Client, family: Family) -> None:
    page = worker_client.get(
        reverse("person", args=[family.child.pk]), {"agency": family.police.pk, "page": 1}
    ).content.decode()
    print_url = reverse("person-chronology-print", args=[family.child.pk])
    csv_url = reverse("person-chronology-csv", args=[family.child.pk])
    assert f'{print_url}?agency={family.police.pk}"' in page
    assert f'{csv_url}?agency={family.police.pk}"' in page
