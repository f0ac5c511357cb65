"""Ingest: the one way records enter the shared record, whether from a file or the API.

A batch is one transaction. Every line is checked before anything is written; any error refuses
the whole batch. Re-sending the same records changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from threadline import clock
from threadline.agencies.models import Agency, Nation
from threadline.feeds.context import IngestContext, prefetch_references
from threadline.feeds.models import FeedSystem, hash_token
from threadline.feeds.parsing import FeedError, FeedRecord, ParsedFeed, parse_lines
from threadline.feeds.results import FeedRejected, IngestSummary
from threadline.feeds.writers.events import write_events
from threadline.feeds.writers.links import (
    write_contact_arrangements,
    write_episodes,
    write_involvements,
    write_plan_outcomes,
    write_relationships,
)
from threadline.feeds.writers.people import write_people

WRITE_ORDER = (
    ("person", write_people),
    ("relationship", write_relationships),
    ("contact_arrangement", write_contact_arrangements),
    ("involvement", write_involvements),
    ("status_episode", write_episodes),
    ("plan_outcome", write_plan_outcomes),
    ("event", write_events),
)


def ingest_feed(lines: Iterable[str], *, sender: Agency | None = None) -> IngestSummary:
    """Check and write one batch of feed lines.

    ``sender`` is the agency whose system sent the batch (API calls): every record must then be
    that agency's own, and agencies cannot be registered. Without a sender (an administrator's
    file) any registered agency's records are accepted.
    """
    parsed = parse_lines(lines, today=clock.today())
    if sender is not None:
        parsed.errors.extend(_sender_errors(parsed, sender))
    if parsed.errors:
        raise FeedRejected(parsed.errors)
    with transaction.atomic():
        summary = _write(parsed)
        if summary.touched_people:
            # Imported here: the checks read the record that feeds write, not the other way.
            from threadline.checks.engine import evaluate

            summary.checks = evaluate(summary.touched_people)
        return summary


def _sender_errors(parsed: ParsedFeed, sender: Agency) -> list[FeedError]:
    errors = []
    for record in parsed.records:
        if record.kind == "agency":
            errors.append(FeedError(record.line, "kind", "agency systems cannot register agencies"))
        elif record.agency != sender.code:
            errors.append(
                FeedError(
                    record.line,
                    "agency",
                    f"this token sends for '{sender.code}', not '{record.agency}'",
                    record.source_id,
                )
            )
    return errors


def _write(parsed: ParsedFeed) -> IngestSummary:
    context = IngestContext(summary=IngestSummary())
    _write_agencies(context, parsed.of_kind("agency"))
    others = [record for record in parsed.records if record.kind != "agency"]
    context.load_agencies(others)
    context.fail_if_errors()
    people = parsed.of_kind("person")
    write_people(context, people)
    prefetch_references(context, [record for record in others if record.kind != "person"])
    for kind, writer in WRITE_ORDER[1:]:
        records = parsed.of_kind(kind)
        if records:
            writer(context, records)
    context.fail_if_errors()
    _link_new_people(context)
    return context.summary


def _link_new_people(context: IngestContext) -> None:
    from threadline.matching.services import link_incoming

    outcome = link_incoming(context.created_people)
    context.summary.linked += outcome.linked
    context.summary.for_review += outcome.for_review
    context.summary.touched_people |= outcome.touched_people


def _write_agencies(context: IngestContext, records: list[FeedRecord]) -> None:
    for record in records:
        data = record.data
        values = {
            "name": data["name"],
            "kind": data["agency_kind"],
            "nation": data.get("nation") or Nation.ENGLAND,
            "local_authority": data.get("local_authority", ""),
        }
        agency, created = Agency.objects.get_or_create(code=data["code"], defaults=values)
        counts = context.summary.counts["agency"]
        if created:
            counts.created += 1
        elif any(getattr(agency, name) != value for name, value in values.items()):
            Agency.objects.filter(pk=agency.pk).update(**values)
            counts.updated += 1
        else:
            counts.unchanged += 1
        context.agencies[agency.code] = agency


def issue_feed_token(*, agency: Agency, name: str) -> str:
    """A new API key for one agency system; only its hash is kept, so it is shown once."""
    key = FeedSystem.new_key()
    FeedSystem.objects.create(
        agency=agency, name=name, token_hash=hash_token(key), created_at=clock.now()
    )
    return key


def revoke_feed_token(*, agency: Agency, name: str) -> int:
    systems = FeedSystem.objects.filter(agency=agency, name=name, revoked_at__isnull=True)
    return systems.update(revoked_at=clock.now())
