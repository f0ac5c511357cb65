"""Writing chronology events. An event is never changed: a correction is a new version."""

from __future__ import annotations

from typing import Any

from threadline import clock
from threadline.agencies.models import Agency
from threadline.chronology.models import Event, EventPerson, SubjectRole
from threadline.chronology.vocabulary import Reliability, Significance
from threadline.feeds.context import IngestContext, chunked, resolve_person
from threadline.feeds.parsing import (
    FeedError,
    FeedRecord,
    parse_date,
    parse_datetime,
    parse_occurred,
)


def _current_events(
    context: IngestContext, records: list[FeedRecord]
) -> dict[tuple[str, str], tuple[int, int, str]]:
    """(agency, id) -> (pk, version, content hash) of the current version of each event."""
    found: dict[tuple[str, str], tuple[int, int, str]] = {}
    by_agency: dict[str, list[str]] = {}
    for feed in records:
        by_agency.setdefault(feed.agency, []).append(feed.source_id)
    for code, source_ids in by_agency.items():
        agency = context.agency(code)
        for chunk in chunked(source_ids):
            rows = Event.objects.filter(
                agency=agency, source_id__in=chunk, is_current=True
            ).values_list("source_id", "pk", "version", "content_hash")
            for source_id, pk, version, digest in rows:
                found[(code, source_id)] = (pk, version, digest)
    return found


def _subjects(context: IngestContext, feed: FeedRecord) -> list[tuple[int, str]]:
    subjects: dict[int, str] = {}
    for index, entry in enumerate(feed.data["people"]):
        if isinstance(entry, dict) and "person" in entry:
            reference: Any = entry["person"]
            role = entry.get("role", SubjectRole.SUBJECT)
        else:
            reference, role = entry, SubjectRole.SUBJECT
        person_id = resolve_person(context, feed, reference, f"people.{index}")
        if person_id is not None:
            subjects.setdefault(person_id, role)
    return list(subjects.items())


def _build_event(context: IngestContext, feed: FeedRecord) -> Event:
    data = feed.data
    occurred_at, precision = parse_occurred(data["occurred"])
    received = clock.now()
    return Event(
        agency=context.agency(feed.agency),
        source_id=feed.source_id,
        event_type=data["type"],
        occurred_at=occurred_at,
        precision=precision,
        recorded_at=parse_datetime(data["recorded"]) if data.get("recorded") else received,
        received_at=received,
        practitioner_id=context.usernames.get(data.get("practitioner_username", "")),
        practitioner_name=data.get("practitioner", ""),
        summary=data["summary"],
        detail=data.get("detail", ""),
        reliability=data.get("reliability") or Reliability.VERIFIED,
        significance=data.get("significance") or Significance.ROUTINE,
        sensitivity=data.get("sensitivity") or "",
        outcome=data.get("outcome") or "",
        due_on=parse_date(data["due"]) if data.get("due") else None,
        counterpart=_counterpart(context, feed),
        content_hash=feed.content_hash,
    )


def _counterpart(context: IngestContext, feed: FeedRecord) -> Agency | None:
    code = feed.data.get("counterpart")
    if not code:
        return None
    if code not in context.agencies:
        found = Agency.objects.filter(code=code).first()
        if found is None:
            context.errors.append(
                FeedError(
                    feed.line, "counterpart", f"agency '{code}' is not registered", feed.source_id
                )
            )
            return None
        context.agencies[code] = found
    return context.agencies[code]


def write_events(context: IngestContext, records: list[FeedRecord]) -> None:
    context.load_usernames(records, "practitioner_username")
    current = _current_events(context, records)
    events: list[Event] = []
    lines: list[int] = []
    subjects: list[list[tuple[int, str]]] = []
    answers: list[tuple[Event, tuple[str, str]]] = []
    superseded: list[int] = []
    counts = context.summary.counts["event"]
    for feed in records:
        known = current.get((feed.agency, feed.source_id))
        if known is not None and known[2] == feed.content_hash:
            counts.unchanged += 1
            continue
        event = _build_event(context, feed)
        if known is not None:
            event.version, event.supersedes_id = known[1] + 1, known[0]
            superseded.append(known[0])
            counts.updated += 1
        else:
            counts.created += 1
        events.append(event)
        lines.append(feed.line)
        subjects.append(_subjects(context, feed))
        if feed.data.get("refers_to"):
            answers.append((event, _event_key(feed, feed.data["refers_to"])))
    context.fail_if_errors()
    _retire(superseded)
    for chunk in chunked(events):
        Event.objects.bulk_create(chunk)
    _link_people(context, events, subjects)
    _link_answers(context, answers, {e.pk: line for e, line in zip(events, lines, strict=True)})


def _retire(event_ids: list[int]) -> None:
    """Old versions stop being current before their corrections are written."""
    for chunk in chunked(event_ids):
        Event.objects.filter(pk__in=chunk).update(is_current=False)
        EventPerson.objects.filter(event_id__in=chunk).update(is_current=False)


def _link_people(
    context: IngestContext, events: list[Event], subjects: list[list[tuple[int, str]]]
) -> None:
    links = [
        EventPerson(
            event_id=event.pk,
            person_id=person_id,
            role=role,
            occurred_at=event.occurred_at,
            event_type=event.event_type,
            agency_id=event.agency_id,
            significance=event.significance,
        )
        for event, people in zip(events, subjects, strict=True)
        for person_id, role in people
    ]
    for chunk in chunked(links, 5000):
        EventPerson.objects.bulk_create(chunk)
    context.summary.touched_people.update(link.person_id for link in links)


def _event_key(feed: FeedRecord, reference: Any) -> tuple[str, str]:
    if isinstance(reference, str):
        return (feed.agency, reference)
    return (reference["agency"], reference["id"])


def _link_answers(
    context: IngestContext, answers: list[tuple[Event, tuple[str, str]]], lines: dict[int, int]
) -> None:
    """Point each answering event at the current version of the event it answers."""
    if not answers:
        return
    targets: dict[tuple[str, str], int] = {}
    wanted: dict[str, list[str]] = {}
    for _, (code, source_id) in answers:
        wanted.setdefault(code, []).append(source_id)
    for code, source_ids in wanted.items():
        for chunk in chunked(source_ids):
            rows = Event.objects.filter(
                agency__code=code, source_id__in=chunk, is_current=True
            ).values_list("source_id", "pk")
            targets.update({(code, source_id): pk for source_id, pk in rows})
    for event, key in answers:
        target = targets.get(key)
        if target is None:
            context.errors.append(
                FeedError(
                    lines[event.pk],
                    "refers_to",
                    f"refers to unknown event {key[0]}:{key[1]}",
                    event.source_id,
                )
            )
        event.refers_to_id = target
    context.fail_if_errors()
    Event.objects.bulk_update([event for event, _ in answers], ["refers_to"], batch_size=1000)
