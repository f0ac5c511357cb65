"""State shared by the writers during one ingest: agencies, people and references resolved once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from threadline.agencies.models import Agency, Practitioner, Team, TeamKind
from threadline.feeds.parsing import FeedError, FeedRecord
from threadline.feeds.results import FeedRejected, IngestSummary
from threadline.people.models import Person, PersonRecord

CHUNK = 2000
T = TypeVar("T")


def chunked(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass
class IngestContext:
    summary: IngestSummary
    agencies: dict[str, Agency] = field(default_factory=dict)
    person_ids: dict[tuple[str, str], int] = field(default_factory=dict)
    nhs_person_ids: dict[str, int] = field(default_factory=dict)
    created_people: set[int] = field(default_factory=set)
    teams: dict[tuple[int, str], Team] = field(default_factory=dict)
    usernames: dict[str, int] = field(default_factory=dict)
    errors: list[FeedError] = field(default_factory=list)

    def agency(self, code: str) -> Agency:
        return self.agencies[code]

    def fail_if_errors(self) -> None:
        if self.errors:
            raise FeedRejected(sorted(self.errors, key=lambda error: error.line))

    def load_agencies(self, records: Iterable[FeedRecord]) -> None:
        codes = {record.agency for record in records}
        self.agencies.update({a.code: a for a in Agency.objects.filter(code__in=codes)})
        for record in records:
            if record.agency not in self.agencies:
                self.errors.append(
                    FeedError(
                        record.line,
                        "agency",
                        f"agency '{record.agency}' is not registered",
                        record.source_id,
                    )
                )

    def load_person_ids(self, keys: set[tuple[str, str]]) -> None:
        """Find people already known by the sending agencies' ids."""
        wanted = sorted(key for key in keys if key not in self.person_ids)
        by_agency: dict[str, list[str]] = {}
        for code, source_id in wanted:
            by_agency.setdefault(code, []).append(source_id)
        for code, source_ids in by_agency.items():
            agency = self.agencies.get(code) or Agency.objects.filter(code=code).first()
            if agency is None:
                continue
            for chunk in chunked(source_ids):
                rows = PersonRecord.objects.filter(agency=agency, source_id__in=chunk)
                for source_id, person_id in rows.values_list("source_id", "person_id"):
                    self.person_ids[(code, source_id)] = person_id

    def load_nhs_ids(self, numbers: set[str]) -> None:
        wanted = sorted(number for number in numbers if number not in self.nhs_person_ids)
        for chunk in chunked(wanted):
            rows = Person.objects.filter(nhs_number__in=chunk).values_list("nhs_number", "pk")
            self.nhs_person_ids.update(dict(rows))

    def team(self, agency: Agency, name: str, kind: str | None) -> Team:
        key = (agency.pk, name)
        if key not in self.teams:
            self.teams[key], _ = Team.objects.get_or_create(
                agency=agency, name=name, defaults={"kind": kind or TeamKind.UNIVERSAL}
            )
        return self.teams[key]

    def load_usernames(self, records: Iterable[FeedRecord], field_name: str) -> None:
        names = {r.data[field_name] for r in records if r.data.get(field_name)}
        rows = Practitioner.objects.filter(username__in=names).values_list("username", "pk")
        self.usernames.update(dict(rows))
        for record in records:
            username = record.data.get(field_name)
            if username and username not in self.usernames:
                self.errors.append(
                    FeedError(
                        record.line,
                        field_name,
                        f"no practitioner signs in as '{username}'",
                        record.source_id,
                    )
                )


def reference_key(record: FeedRecord, reference: Any) -> tuple[str, str] | str:
    """A person reference as (agency code, agency's id), or an NHS number string."""
    if isinstance(reference, str):
        return (record.agency, reference)
    if "nhs_number" in reference:
        return "".join(ch for ch in reference["nhs_number"] if ch.isdigit())
    return (reference["agency"], reference["id"])


def resolve_person(
    context: IngestContext, record: FeedRecord, reference: Any, field_name: str
) -> int | None:
    key = reference_key(record, reference)
    if isinstance(key, str):
        person_id = context.nhs_person_ids.get(key)
    else:
        person_id = context.person_ids.get(key)
    if person_id is None:
        shown = key if isinstance(key, str) else f"{key[0]}:{key[1]}"
        context.errors.append(
            FeedError(
                record.line, field_name, f"refers to unknown person {shown}", record.source_id
            )
        )
    return person_id


def prefetch_references(context: IngestContext, records: Iterable[FeedRecord]) -> None:
    """Load, in a few queries, every person the non-person records refer to."""
    keys: set[tuple[str, str]] = set()
    numbers: set[str] = set()
    for record in records:
        for reference in references_in(record):
            key = reference_key(record, reference)
            if isinstance(key, str):
                numbers.add(key)
            else:
                keys.add(key)
    context.load_person_ids(keys)
    context.load_nhs_ids(numbers)


def references_in(record: FeedRecord) -> Iterator[Any]:
    for name in ("person", "relative", "child", "adult"):
        if name in record.data:
            yield record.data[name]
    for entry in record.data.get("people", []):
        yield entry["person"] if isinstance(entry, dict) and "person" in entry else entry
