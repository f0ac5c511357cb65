"""The audit log's hash chain: intact as written, and any stored change shows."""

from __future__ import annotations

from threading import Thread

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tests.factories import PersonFactory, PractitionerFactory
from threadline import clock
from threadline.access import chain
from threadline.access.models import AuditAction, AuditEntry
from threadline.access.selectors import hold_audit, record_audit, write_held_audit

pytestmark = pytest.mark.django_db


class _Request:
    META = {"REMOTE_ADDR": "10.0.0.7"}


def some_entries(count: int = 5) -> list[AuditEntry]:
    worker = PractitionerFactory()
    child = PersonFactory()
    written = [
        record_audit(worker, AuditAction.VIEW, person=child, purpose="visit", detail=f"page {n}")
        for n in range(count - 2)
    ]
    request = _Request()
    hold_audit(request)  # a web request's entries, written together at its end
    record_audit(worker, AuditAction.SEARCH, detail="Smith", request=request)
    record_audit(worker, AuditAction.EXPORT, person=child, request=request)
    write_held_audit(request)
    return written + list(AuditEntry.objects.order_by("-pk")[:2])


def test_entries_written_one_at_a_time_and_together_make_one_intact_chain() -> None:
    some_entries()
    result = chain.verify()
    assert result.intact, result.breaks
    assert result.entries == 5
    links = list(AuditEntry.objects.order_by("pk").values_list("previous_digest", "digest"))
    assert links[0][0] == chain.GENESIS
    assert all(links[n][0] == links[n - 1][1] for n in range(1, len(links)))


@pytest.mark.parametrize(
    "change",
    [
        {"detail": "page 9"},
        {"purpose": "curiosity"},
        {"action": AuditAction.PRINT},
        {"ip_address": "192.0.2.1"},
        {"digest": "0" * 64},
    ],
    ids=lambda change: next(iter(change)),
)
def test_altering_any_stored_entry_breaks_the_chain_at_that_entry(change: dict) -> None:
    entries = some_entries()
    target = entries[1]
    AuditEntry.objects.filter(pk=target.pk).update(**change)  # past the model's own guard

    result = chain.verify()

    assert not result.intact
    assert result.breaks[0].entry_id == target.pk


def test_altering_who_or_when_breaks_it_too() -> None:
    entries = some_entries()
    AuditEntry.objects.filter(pk=entries[0].pk).update(actor=PractitionerFactory())
    AuditEntry.objects.filter(pk=entries[2].pk).update(at=clock.now())
    broken = {problem.entry_id for problem in chain.verify().breaks}
    assert {entries[0].pk, entries[2].pk} <= broken


def test_removing_an_entry_shows_at_the_one_after_it() -> None:
    entries = some_entries()
    AuditEntry.objects.filter(pk=entries[1].pk).delete()  # past the model's own guard
    [problem] = chain.verify().breaks
    assert problem.entry_id == entries[2].pk
    assert "removed or inserted" in problem.problem


def test_removing_the_newest_shows_only_against_a_head_recorded_elsewhere() -> None:
    some_entries()
    recorded = chain.head()
    AuditEntry.objects.filter(pk=AuditEntry.objects.latest("pk").pk).delete()
    assert chain.verify().intact
    assert not chain.verify(recorded).intact


def test_the_verify_command_fails_on_a_broken_chain_and_names_the_entry(capsys) -> None:
    entries = some_entries()
    call_command("audit", "verify")
    assert "audit log intact: 5 entries" in capsys.readouterr().out

    AuditEntry.objects.filter(pk=entries[3].pk).update(detail="nothing to see")
    with pytest.raises(CommandError, match="chain broken"):
        call_command("audit", "verify")
    assert f"audit entry {entries[3].pk}: its contents do not match" in capsys.readouterr().err


@pytest.mark.django_db(transaction=True)
def test_two_writers_at_once_keep_one_chain() -> None:
    worker = PractitionerFactory()

    def write(writer: int) -> None:
        try:
            for n in range(15):
                record_audit(worker, AuditAction.VIEW, detail=f"writer {writer}, look {n}")
        finally:
            connection.close()

    threads = [Thread(target=write, args=(writer,)) for writer in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    result = chain.verify()
    assert result.intact, result.breaks
    assert result.entries == 30
