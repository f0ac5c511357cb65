"""The audit log's hash chain: each entry carries the digest of the one before it and its own,
so that altering, inserting or removing an entry anywhere but at the very end shows.

Appending is optimistic: read the newest digest, write the entries after it. The database
refuses two entries after the same one (``previous_digest`` is unique), so of two writers who
read the same head, the second is refused and tries again after the first. Entries therefore
chain in the order of their ids. Removing entries from the end is found only against a head
recorded elsewhere (``threadline audit head``, ``threadline audit verify --head``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from threadline.access.models import AuditEntry

GENESIS = ""
ATTEMPTS = 20
CHUNK = 5000


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
    """Write ``entries`` at the end of the chain, in order."""
    if not entries:
        return
    for _ in range(ATTEMPTS):
        previous = head()
        for entry in entries:
            entry.previous_digest = previous
            entry.digest = previous = digest_of(entry, previous)
        try:
            with transaction.atomic():
                if len(entries) == 1:
                    entries[0].save_new()
                else:
                    AuditEntry.objects.bulk_create(entries)
            return
        except IntegrityError:
            for entry in entries:
                entry.pk = None
            continue
    raise RuntimeError(f"audit: could not append after {ATTEMPTS} attempts")


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
