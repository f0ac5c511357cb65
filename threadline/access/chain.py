"""The audit log's hash chain: each entry carries the digest of the one before it and its own,
so that altering, inserting or removing an entry anywhere but at the very end shows.

Writers take turns (a transaction-long lock), read the newest digest and write after it, so
entries chain in the order of their ids; ``previous_digest`` is unique besides, so that no
writer that skipped its turn could fork the chain. Entries removed from the very end are
found only against a head recorded elsewhere (``threadline audit head``, then
``threadline audit verify --head``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django.db import connection, transaction

from threadline.access.models import AuditEntry

GENESIS = ""
CHUNK = 5000
CHAIN_LOCK = 0x7A_0D17  # the advisory lock writers of the audit chain take turns by


def digest_of(entry: AuditEntry, previous: str) -> str:
    at = entry.at.astimezone(dt.UTC)
    fields = [
        previous,
        at.isoformat(timespec="microseconds"),
        entry.actor_id,
        str(entry.action),
        entry.person_id,
        entry.purpose,
        entry.detail,
        entry.ip_address,
    ]
    canonical = json.dumps(fields, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def head() -> str:
    newest = AuditEntry.objects.order_by("-pk").values_list("digest", flat=True).first()
    return newest or GENESIS


def append(entries: Sequence[AuditEntry]) -> None:
    """Write ``entries`` at the end of the chain, in order, one writer at a time."""
    if not entries:
        return
    with transaction.atomic(savepoint=False):
        _take_turn()
        previous = head()
        for entry in entries:
            entry.previous_digest = previous
            entry.digest = previous = digest_of(entry, previous)
        if len(entries) == 1:
            entries[0].save_new()
        else:
            AuditEntry.objects.bulk_create(entries)


def _take_turn() -> None:
    """Writers take turns until their transaction ends. SQLite's transactions already do (each
    takes the write lock as it begins); PostgreSQL's need a lock of their own."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK])


@dataclass(frozen=True)
class Break:
    entry_id: int | None
    problem: str

    def __str__(self) -> str:
        where = f"audit entry {self.entry_id}" if self.entry_id is not None else "audit log"
        return f"{where}: {self.problem}"


@dataclass(frozen=True)
class Verification:
    entries: int
    head: str
    breaks: list[Break]

    @property
    def intact(self) -> bool:
        return not self.breaks


def _rows() -> Iterator[AuditEntry]:
    last = 0
    while True:
        chunk = list(AuditEntry.objects.filter(pk__gt=last).order_by("pk")[:CHUNK])
        if not chunk:
            return
        yield from chunk
        last = chunk[-1].pk


def verify(expected_head: str | None = None, *, stop_after: int = 20) -> Verification:
    """Recompute every digest and follow every link, oldest first."""
    breaks: list[Break] = []
    previous = GENESIS
    count = 0
    for entry in _rows():
        count += 1
        if entry.previous_digest != previous:
            breaks.append(
                Break(entry.pk, "does not follow the entry before it (one removed or inserted)")
            )
        if digest_of(entry, entry.previous_digest) != entry.digest:
            breaks.append(Break(entry.pk, "its contents do not match its digest (altered)"))
        previous = entry.digest
        if len(breaks) >= stop_after:
            break
    if expected_head is not None and previous != expected_head and len(breaks) < stop_after:
        breaks.append(Break(None, f"ends at {previous[:12]}…, not at the head recorded"))
    return Verification(count, previous, breaks)
