"""Create or update records keyed on the sending agency and its own id, in bulk."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.db import models

from threadline.feeds.context import IngestContext, chunked
from threadline.feeds.parsing import FeedRecord

M = TypeVar("M", bound=models.Model)


def existing_by_source(
    context: IngestContext, model: type[M], records: list[FeedRecord]
) -> dict[tuple[str, str], M]:
    found: dict[tuple[str, str], M] = {}
    by_agency: dict[str, list[str]] = {}
    for feed in records:
        by_agency.setdefault(feed.agency, []).append(feed.source_id)
    for code, source_ids in by_agency.items():
        agency = context.agency(code)
        for chunk in chunked(source_ids):
            manager: Any = model._default_manager
            for row in manager.filter(agency=agency, source_id__in=chunk):
                found[(code, row.source_id)] = row
    return found


def existing_by_source_ids(
    context: IngestContext, model: type[M], records: list[FeedRecord], field_name: str
) -> dict[tuple[str, str], M]:
    """Rows of ``model`` that records point at by ``field_name`` (the same agency's ids)."""
    pointers = [
        FeedRecord(r.line, r.kind, {"agency": r.agency, "id": r.data[field_name]}, "")
        for r in records
    ]
    return existing_by_source(context, model, pointers)


def _hash_of(row: models.Model) -> str:
    return str(getattr(row, "content_hash"))  # noqa: B009


def upsert_by_source(
    context: IngestContext,
    model: type[M],
    records: list[FeedRecord],
    fill: Callable[[M, FeedRecord], None],
    fields: list[str],
) -> list[tuple[M, FeedRecord]]:
    """Write ``records`` as rows of ``model``; returns the rows created or changed."""
    kind = records[0].kind if records else ""
    existing = existing_by_source(context, model, records)
    created: list[tuple[M, FeedRecord]] = []
    changed: list[tuple[M, FeedRecord]] = []
    for feed in records:
        row = existing.get((feed.agency, feed.source_id))
        if row is not None and _hash_of(row) == feed.content_hash:
            context.summary.counts[kind].unchanged += 1
            continue
        if row is None:
            row = model(agency=context.agency(feed.agency), source_id=feed.source_id)
            created.append((row, feed))
        else:
            changed.append((row, feed))
        fill(row, feed)
        setattr(row, "content_hash", feed.content_hash)  # noqa: B010
    context.fail_if_errors()
    manager: Any = model._default_manager
    for chunk in chunked([row for row, _ in created]):
        manager.bulk_create(chunk)
    if changed:
        manager.bulk_update([row for row, _ in changed], [*fields, "content_hash"], batch_size=1000)
    context.summary.counts[kind].created += len(created)
    context.summary.counts[kind].updated += len(changed)
    return created + changed
