"""Ingest rate against a plain bulk insert of the same rows."""

from __future__ import annotations

import json
import time
from typing import Any

from django.core.management import call_command
from django.db import transaction

from threadline import clock
from threadline.agencies.models import Agency
from threadline.bench.data import feed_lines
from threadline.chronology.models import Event, EventPerson
from threadline.feeds.parsing import parse_occurred
from threadline.feeds.services import ingest_feed
from threadline.people.models import NameKind, Person, PersonName, PersonRecord


def run(people: int = 4_000, events: int = 40_000) -> dict[str, Any]:
    lines = feed_lines(people, events)
    records = len(lines)
    call_command("flush", interactive=False, verbosity=0)
    ingest_feed(lines[:6])  # the agencies, so both sides start from the same place
    plain_seconds = _plain_insert(lines[6:])
    call_command("flush", interactive=False, verbosity=0)
    started = time.perf_counter()
    ingest_feed(lines)
    ingest_seconds = time.perf_counter() - started
    started = time.perf_counter()
    ingest_feed(lines)
    resend_seconds = time.perf_counter() - started
    ingest_rate, plain_rate = records / ingest_seconds, records / plain_seconds
    return {
        "records": records,
        "ingest_seconds": round(ingest_seconds, 3),
        "ingest_records_per_second": round(ingest_rate),
        "plain_insert_seconds": round(plain_seconds, 3),
        "plain_insert_records_per_second": round(plain_rate),
        "ratio": round(ingest_rate / plain_rate, 3),
        "target_ratio": 0.3,
        "resend_unchanged_records_per_second": round(records / resend_seconds),
    }


def _plain_insert(lines: list[str]) -> float:
    """The same people, records, events and links written by bulk_create with no checks."""
    agencies = {agency.code: agency.pk for agency in Agency.objects.all()}
    rows = [json.loads(line) for line in lines]
    started = time.perf_counter()
    with transaction.atomic():
        now = clock.now()
        person_rows = [row for row in rows if row["kind"] == "person"]
        people = [
            Person(
                given_name=row["name"]["given"],
                family_name=row["name"]["family"],
                date_of_birth=row["date_of_birth"],
                sex=row["sex"],
                nhs_number=row["nhs_number"],
                created_at=now,
            )
            for row in person_rows
        ]
        Person.objects.bulk_create(people, batch_size=2000)
        ids = {row["id"]: person.pk for row, person in zip(person_rows, people, strict=True)}
        PersonRecord.objects.bulk_create(
            [
                PersonRecord(
                    agency_id=agencies["csc"],
                    source_id=row["id"],
                    person_id=ids[row["id"]],
                    content_hash="",
                    received_at=now,
                )
                for row in person_rows
            ],
            batch_size=2000,
        )
        PersonName.objects.bulk_create(
            [
                PersonName(
                    person_id=person.pk,
                    agency_id=agencies["csc"],
                    given_name=person.given_name,
                    family_name=person.family_name,
                    kind=NameKind.LEGAL,
                )
                for person in people
            ],
            batch_size=2000,
        )
        _plain_events([row for row in rows if row["kind"] == "event"], agencies, ids, now)
    return time.perf_counter() - started


def _plain_events(
    rows: list[dict[str, Any]], agencies: dict[str, int], ids: dict[str, int], now: Any
) -> None:
    events = []
    for row in rows:
        occurred, precision = parse_occurred(row["occurred"])
        events.append(
            Event(
                agency_id=agencies[row["agency"]],
                source_id=row["id"],
                event_type=row["type"],
                occurred_at=occurred,
                precision=precision,
                recorded_at=now,
                received_at=now,
                summary=row["summary"],
                content_hash="",
            )
        )
    Event.objects.bulk_create(events, batch_size=2000)
    links = []
    for row, event in zip(rows, events, strict=True):
        for reference in row["people"]:
            source_id = reference["id"]
            links.append(
                EventPerson(
                    event_id=event.pk,
                    person_id=ids[source_id],
                    occurred_at=event.occurred_at,
                    event_type=event.event_type,
                    agency_id=event.agency_id,
                    significance=event.significance,
                )
            )
    EventPerson.objects.bulk_create(links, batch_size=5000)
