"""Writing people: each agency's record kept whole, joined to one person on a shared NHS number.

A record no NHS number places becomes a person of its own here; ``matching.link_incoming`` then
decides, once the whole batch is written, whether that person is someone already known."""

from __future__ import annotations

from typing import Any

from threadline import clock
from threadline.feeds.context import IngestContext, chunked
from threadline.feeds.parsing import FeedRecord, parse_date
from threadline.people.models import (
    Address,
    NameKind,
    Person,
    PersonIdentifier,
    PersonName,
    PersonRecord,
    Sex,
)
from threadline.people.names import soundex


def _optional_date(data: dict[str, Any], name: str) -> Any:
    value = data.get(name)
    return parse_date(value) if value else None


def _current_postcode(data: dict[str, Any]) -> str:
    current = [a for a in data.get("addresses", []) if not a.get("to")]
    return str(current[-1].get("postcode", "")) if current else ""


def _apply_to_person(person: Person, data: dict[str, Any]) -> None:
    """Copy what the record says onto the person; a field the record leaves out stays as it was."""
    name = data["name"]
    person.given_name = name.get("given", person.given_name)
    person.family_name = name.get("family", person.family_name)
    for field_name in ("date_of_birth", "expected_date_of_birth", "date_of_death"):
        if field_name in data:
            setattr(person, field_name, _optional_date(data, field_name))
    if data.get("sex"):
        person.sex = data["sex"]
    if data.get("language"):
        person.language = data["language"]
    person.refresh_name_keys()


def _fill_record(record: PersonRecord, feed: FeedRecord) -> None:
    data = feed.data
    record.given_name = data["name"].get("given", "")
    record.family_name = data["name"].get("family", "")
    record.date_of_birth = _optional_date(data, "date_of_birth")
    record.sex = data.get("sex") or Sex.UNKNOWN
    record.nhs_number = data.get("nhs_number") or ""
    record.postcode = _current_postcode(data)
    record.content_hash = feed.content_hash
    record.received_at = clock.now()


def write_people(context: IngestContext, records: list[FeedRecord]) -> None:
    existing = _existing_records(context, records)
    context.load_nhs_ids({r.data["nhs_number"] for r in records if r.data.get("nhs_number")})
    new, changed = [], []
    for feed in records:
        known = existing.get((feed.agency, feed.source_id))
        if known is None:
            new.append(feed)
        elif known.content_hash == feed.content_hash:
            context.summary.counts["person"].unchanged += 1
            context.person_ids[(feed.agency, feed.source_id)] = known.person_id
        else:
            changed.append((feed, known))
    _create_people(context, new)
    _update_people(context, changed)
    _write_details(context, new + [feed for feed, _ in changed])


def _existing_records(
    context: IngestContext, records: list[FeedRecord]
) -> dict[tuple[str, str], PersonRecord]:
    found: dict[tuple[str, str], PersonRecord] = {}
    by_agency: dict[str, list[str]] = {}
    for feed in records:
        by_agency.setdefault(feed.agency, []).append(feed.source_id)
    for code, source_ids in by_agency.items():
        agency = context.agency(code)
        for chunk in chunked(source_ids):
            for row in PersonRecord.objects.filter(agency=agency, source_id__in=chunk):
                found[(code, row.source_id)] = row
    return found


def _create_people(context: IngestContext, new: list[FeedRecord]) -> None:
    now = clock.now()
    people: list[Person] = []
    person_for: dict[int, Person | int] = {}
    batch_by_nhs: dict[str, Person] = {}
    for feed in new:
        nhs = feed.data.get("nhs_number") or ""
        if nhs and nhs in context.nhs_person_ids:
            person_for[feed.line] = context.nhs_person_ids[nhs]
            continue
        if nhs and nhs in batch_by_nhs:
            person_for[feed.line] = batch_by_nhs[nhs]
            continue
        person = Person(created_at=now, nhs_number=nhs)
        _apply_to_person(person, feed.data)
        people.append(person)
        person_for[feed.line] = person
        if nhs:
            batch_by_nhs[nhs] = person
    for people_chunk in chunked(people):
        Person.objects.bulk_create(people_chunk)
    context.created_people.update(person.pk for person in people)
    records = []
    for feed in new:
        target = person_for[feed.line]
        person_id = target if isinstance(target, int) else target.pk
        record = PersonRecord(agency=context.agency(feed.agency), source_id=feed.source_id)
        record.person_id = person_id
        _fill_record(record, feed)
        records.append(record)
        context.person_ids[(feed.agency, feed.source_id)] = person_id
        context.summary.counts["person"].created += 1
        context.summary.touched_people.add(person_id)
    for chunk in chunked(records):
        PersonRecord.objects.bulk_create(chunk)
    for nhs, person in batch_by_nhs.items():
        context.nhs_person_ids[nhs] = person.pk


def _update_people(context: IngestContext, changed: list[tuple[FeedRecord, PersonRecord]]) -> None:
    if not changed:
        return
    ids = [known.person_id for _, known in changed]
    people = Person.objects.in_bulk(ids)
    for feed, known in changed:
        person = people[known.person_id]
        nhs = feed.data.get("nhs_number") or ""
        owner = context.nhs_person_ids.get(nhs)
        if nhs and (owner is None or owner == person.pk):
            person.nhs_number = nhs
        _apply_to_person(person, feed.data)
        _fill_record(known, feed)
        context.person_ids[(feed.agency, feed.source_id)] = person.pk
        context.summary.counts["person"].updated += 1
        context.summary.touched_people.add(person.pk)
    person_fields = [
        "given_name",
        "family_name",
        "date_of_birth",
        "expected_date_of_birth",
        "date_of_death",
        "sex",
        "language",
        "nhs_number",
        "family_key",
        "given_key",
        "family_folded",
    ]
    Person.objects.bulk_update(people.values(), person_fields, batch_size=1000)
    record_fields = [
        "given_name",
        "family_name",
        "date_of_birth",
        "sex",
        "nhs_number",
        "postcode",
        "content_hash",
        "received_at",
    ]
    PersonRecord.objects.bulk_update([k for _, k in changed], record_fields, batch_size=1000)


def _write_details(context: IngestContext, records: list[FeedRecord]) -> None:
    """Names, identifiers and addresses: added when new, never removed (history is kept)."""
    names, identifiers, addresses = [], [], []
    for feed in records:
        person_id = context.person_ids[(feed.agency, feed.source_id)]
        agency = context.agency(feed.agency)
        data = feed.data
        for name in [{**data["name"], "kind": NameKind.LEGAL}, *data.get("other_names", [])]:
            names.append(_name_row(person_id, agency.pk, name))
        for identifier in data.get("identifiers", []):
            identifiers.append(
                PersonIdentifier(
                    person_id=person_id,
                    scheme=identifier["scheme"],
                    value=identifier["value"],
                    agency_id=agency.pk,
                )
            )
        for address in data.get("addresses", []):
            addresses.append(_address_row(person_id, agency.pk, address))
    addresses = _not_yet_stored(addresses)
    for name_chunk in chunked(names):
        PersonName.objects.bulk_create(name_chunk, ignore_conflicts=True)
    for identifier_chunk in chunked(identifiers):
        PersonIdentifier.objects.bulk_create(identifier_chunk, ignore_conflicts=True)
    for address_chunk in chunked(addresses):
        Address.objects.bulk_create(address_chunk)


def _address_key(address: Address) -> tuple[Any, ...]:
    return (
        address.person_id,
        address.agency_id,
        address.line1,
        address.postcode,
        address.lived_from,
    )


def _not_yet_stored(addresses: list[Address]) -> list[Address]:
    """Addresses not already held (the unique constraint cannot see past a missing date)."""
    person_ids = sorted({address.person_id for address in addresses})
    stored: set[tuple[Any, ...]] = set()
    for chunk in chunked(person_ids):
        stored.update(map(_address_key, Address.objects.filter(person_id__in=chunk)))
    fresh: dict[tuple[Any, ...], Address] = {}
    for address in addresses:
        if _address_key(address) not in stored:
            fresh.setdefault(_address_key(address), address)
    return list(fresh.values())


def _name_row(person_id: int, agency_id: int, name: dict[str, Any]) -> PersonName:
    given, family = name.get("given", ""), name.get("family", "")
    return PersonName(
        person_id=person_id,
        agency_id=agency_id,
        given_name=given,
        family_name=family,
        kind=name.get("kind") or NameKind.ALIAS,
        given_key=soundex(given),
        family_key=soundex(family),
    )


def _address_row(person_id: int, agency_id: int, address: dict[str, Any]) -> Address:
    return Address(
        person_id=person_id,
        agency_id=agency_id,
        line1=address["line1"],
        line2=address.get("line2", ""),
        town=address.get("town", ""),
        postcode=address.get("postcode", "").upper(),
        local_authority=address.get("local_authority", ""),
        lived_from=_optional_date(address, "from"),
        lived_to=_optional_date(address, "to"),
    )
