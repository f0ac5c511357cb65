"""Reading feed lines into checked records. Nothing here touches the database."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

import fastjsonschema

from threadline.chronology.vocabulary import DatePrecision
from threadline.feeds.schema import RECORD_SCHEMAS, record_validator
from threadline.people.nhs import is_valid_nhs_number, normalise_nhs_number

LONDON = ZoneInfo("Europe/London")
EARLIEST = dt.date(1900, 1, 1)


@dataclass(frozen=True)
class FeedError:
    line: int
    field: str
    message: str
    record_id: str = ""

    def __str__(self) -> str:
        where = f"line {self.line}"
        if self.record_id:
            where += f" (record {self.record_id})"
        return f"{where}, field '{self.field}': {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "record": self.record_id,
            "field": self.field,
            "message": self.message,
        }


@dataclass
class FeedRecord:
    line: int
    kind: str
    data: dict[str, Any]
    content_hash: str

    @property
    def agency(self) -> str:
        return str(self.data.get("agency") or self.data.get("code"))

    @property
    def source_id(self) -> str:
        return str(self.data.get("id", ""))

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.kind, self.agency, self.source_id)


@dataclass
class ParsedFeed:
    records: list[FeedRecord] = field(default_factory=list)
    errors: list[FeedError] = field(default_factory=list)
    header: dict[str, Any] | None = None

    def of_kind(self, kind: str) -> list[FeedRecord]:
        return [record for record in self.records if record.kind == kind]


class DateProblem(ValueError):
    pass


def parse_date(value: str) -> dt.date:
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError as error:
        raise DateProblem(f"'{value}' is not a real date") from error
    if parsed < EARLIEST:
        raise DateProblem(f"'{value}' is before {EARLIEST.isoformat()}")
    return parsed


_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def parse_occurred(value: str) -> tuple[dt.datetime, DatePrecision]:
    """An event's time and the precision the source knew it to."""
    partial = _PARTIAL.match(value)
    if partial:
        year, month = int(partial.group(1)), int(partial.group(2) or 1)
        if not 1 <= month <= 12:
            raise DateProblem(f"'{value}' has no month {month}")
        precision = DatePrecision.MONTH if partial.group(2) else DatePrecision.YEAR
        return dt.datetime(year, month, 1, tzinfo=LONDON), precision
    if len(value) == 10:
        day = parse_date(value)
        return dt.datetime(day.year, day.month, day.day, tzinfo=LONDON), DatePrecision.DAY
    return parse_datetime(value), DatePrecision.MINUTE


def parse_datetime(value: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as error:
        raise DateProblem(f"'{value}' is not a real date and time") from error
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=LONDON)
    if moment.date() < EARLIEST:
        raise DateProblem(f"'{value}' is before {EARLIEST.isoformat()}")
    return moment


def content_hash(data: dict[str, Any]) -> str:
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _schema_error_field(error: fastjsonschema.JsonSchemaValueException) -> str:
    path = [str(part) for part in (error.path or [])[1:]]
    return ".".join(path) or "(record)"


def _schema_message(error: fastjsonschema.JsonSchemaValueException) -> str:
    message = str(error.message)
    if error.rule == "enum" and isinstance(error.rule_definition, list):
        allowed = ", ".join(str(value) for value in error.rule_definition[:12] if value is not None)
        more = "…" if len(error.rule_definition) > 12 else ""
        return f"{error.value!r} is not one of the allowed values ({allowed}{more})"
    return message.replace("data.", "").replace("data ", "")


def check_against_schema(line: int, data: Any) -> list[FeedError]:
    if not isinstance(data, dict):
        return [FeedError(line, "(record)", "each line must be a JSON object")]
    kind = data.get("kind")
    record_id = str(data.get("id", ""))
    if not isinstance(kind, str) or kind not in RECORD_SCHEMAS:
        known = ", ".join(RECORD_SCHEMAS)
        return [
            FeedError(line, "kind", f"unknown record kind {kind!r} (known: {known})", record_id)
        ]
    try:
        record_validator(kind)(data)
    except fastjsonschema.JsonSchemaValueException as error:
        if error.rule == "additionalProperties":
            return _unknown_fields(line, error, record_id)
        return [FeedError(line, _schema_error_field(error), _schema_message(error), record_id)]
    return []


def _unknown_fields(
    line: int, error: fastjsonschema.JsonSchemaValueException, record_id: str
) -> list[FeedError]:
    defined = set((error.definition or {}).get("properties", {}))
    unknown = sorted(set(error.value or {}) - defined)
    prefix = _schema_error_field(error)
    prefix = "" if prefix == "(record)" else f"{prefix}."
    return [
        FeedError(line, f"{prefix}{name}", "is not a field the feed format defines", record_id)
        for name in unknown
    ]


def _date_fields(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    for name in ("date_of_birth", "expected_date_of_birth", "date_of_death", "from", "to"):
        if isinstance(data.get(name), str):
            yield name, data[name]
    for name in ("opened", "closed", "start", "end", "due", "written", "achieve_by"):
        if isinstance(data.get(name), str):
            yield name, data[name]
    for index, address in enumerate(data.get("addresses") or []):
        for name in ("from", "to"):
            if isinstance(address.get(name), str):
                yield f"addresses.{index}.{name}", address[name]


_ORDERED_PAIRS = (
    ("date_of_birth", "date_of_death"),
    ("from", "to"),
    ("opened", "closed"),
    ("start", "end"),
)


def check_meaning(line: int, data: dict[str, Any], today: dt.date) -> list[FeedError]:
    """What a schema cannot say: real dates in a sensible order, valid NHS numbers."""
    record_id = str(data.get("id", ""))
    errors: list[FeedError] = []
    dates: dict[str, dt.date] = {}
    for name, value in _date_fields(data):
        try:
            dates[name] = parse_date(value)
        except DateProblem as problem:
            errors.append(FeedError(line, name, str(problem), record_id))
    for first, second in _ORDERED_PAIRS:
        if first in dates and second in dates and dates[second] < dates[first]:
            errors.append(FeedError(line, second, f"is before {first} ({dates[first]})", record_id))
    for name in ("date_of_birth", "date_of_death", "opened", "start"):
        if name in dates and dates[name] > today:
            errors.append(FeedError(line, name, f"{dates[name]} is in the future", record_id))
    nhs = data.get("nhs_number")
    if nhs and not is_valid_nhs_number(nhs):
        errors.append(
            FeedError(
                line,
                "nhs_number",
                f"'{nhs}' is not a valid NHS number (ten digits with a correct check digit)",
                record_id,
            )
        )
    errors.extend(_check_event_times(line, data, today))
    return errors


def _check_event_times(line: int, data: dict[str, Any], today: dt.date) -> list[FeedError]:
    if data.get("kind") != "event":
        return []
    record_id = str(data.get("id", ""))
    try:
        occurred, _precision = parse_occurred(data["occurred"])
    except DateProblem as problem:
        return [FeedError(line, "occurred", str(problem), record_id)]
    if occurred.date() > today:
        return [FeedError(line, "occurred", f"{data['occurred']} is in the future", record_id)]
    if isinstance(data.get("recorded"), str):
        try:
            recorded = parse_datetime(data["recorded"])
        except DateProblem as problem:
            return [FeedError(line, "recorded", str(problem), record_id)]
        if recorded.date() < occurred.date():
            return [FeedError(line, "recorded", "is before the event occurred", record_id)]
    return []


def normalise(data: dict[str, Any]) -> dict[str, Any]:
    if data.get("nhs_number"):
        data["nhs_number"] = normalise_nhs_number(data["nhs_number"])
    return data


def parse_lines(lines: Iterable[str], *, today: dt.date) -> ParsedFeed:
    """Check every line; a feed with any error is reported whole and never written."""
    feed = ParsedFeed()
    seen: dict[tuple[str, str, str], FeedRecord] = {}
    for number, raw in enumerate(lines, start=1):
        text = raw.strip()
        if not text:
            continue
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            feed.errors.append(FeedError(number, "(line)", f"malformed JSON: {error.msg}"))
            continue
        problems = check_against_schema(number, data)
        if not problems:
            problems = check_meaning(number, data, today)
        if problems:
            feed.errors.extend(problems)
            continue
        if data["kind"] == "header":
            if feed.records or feed.header is not None:
                feed.errors.append(FeedError(number, "kind", "a header must be the first line"))
            feed.header = data
            continue
        record = FeedRecord(number, data["kind"], normalise(data), content_hash(data))
        earlier = seen.get(record.key)
        if earlier is None:
            seen[record.key] = record
            feed.records.append(record)
        elif earlier.content_hash != record.content_hash:
            feed.errors.append(
                FeedError(
                    number,
                    "id",
                    f"the same {record.kind} id was sent on line {earlier.line} with different "
                    "content; send one version per batch",
                    record.source_id,
                )
            )
    return feed
