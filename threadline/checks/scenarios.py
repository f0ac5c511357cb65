"""Scenarios: a feed file whose header says what should be raised, by when, and for whom."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import fastjsonschema

REFERENCE = {
    "anyOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "properties": {"agency": {"type": "string"}, "id": {"type": "string"}},
            "required": ["agency", "id"],
            "additionalProperties": False,
        },
    ]
}
DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}

SCENARIO_HEADER_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://threadline.example/schemas/scenario-header-1.json",
    "title": "Threadline scenario header",
    "description": "The first line of a scenario file: a feed file (docs/feed.schema.json) "
    "replayed day by day, with what the learning checks should raise.",
    "type": "object",
    "properties": {
        "kind": {"const": "header"},
        "title": {"type": "string"},
        "review": {"type": "string", "description": "the seed review file, if any"},
        "states": {"type": "array", "items": {"type": "string"}},
        "filled_in": {"type": "array", "items": {"type": "string"}},
        "incident_date": {**DATE, "description": "the day harm occurred; replay ends there"},
        "end_date": {**DATE, "description": "for controls: the last day replayed"},
        "control": {"type": "boolean", "description": "good practice: nothing should be raised"},
        "expectations": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "check": {"type": "string", "pattern": r"^[A-Z]{3}-\d+$"},
                    "person": REFERENCE,
                    "by": {**DATE, "description": "the latest day it must be raised"},
                    "finding": {"type": "string", "description": "what in the review it answers"},
                },
                "required": ["check", "person", "by"],
                "additionalProperties": False,
            },
        },
    },
    "required": ["kind", "title", "control", "expectations"],
}

_validate_header = fastjsonschema.compile(SCENARIO_HEADER_SCHEMA)


class ScenarioError(ValueError):
    pass


@dataclass(frozen=True)
class Expectation:
    check: str
    person: tuple[str, str]
    by: dt.date
    finding: str = ""


@dataclass
class Scenario:
    name: str
    header: dict[str, Any]
    records: list[dict[str, Any]] = field(default_factory=list)

    @property
    def control(self) -> bool:
        return bool(self.header.get("control"))

    @property
    def expectations(self) -> list[Expectation]:
        found = []
        for item in self.header.get("expectations", []):
            person = item["person"]
            key = (person["agency"], person["id"]) if isinstance(person, dict) else ("", person)
            found.append(
                Expectation(
                    item["check"], key, dt.date.fromisoformat(item["by"]), item.get("finding", "")
                )
            )
        return found

    @property
    def end_date(self) -> dt.date | None:
        value = self.header.get("incident_date") or self.header.get("end_date")
        return dt.date.fromisoformat(value) if value else None


def parse_scenario(name: str, lines: list[str]) -> Scenario:
    if not lines:
        raise ScenarioError(f"{name}: empty file")
    try:
        header = json.loads(lines[0])
        _validate_header(header)
    except (json.JSONDecodeError, fastjsonschema.JsonSchemaValueException) as error:
        raise ScenarioError(f"{name}, line 1 (header): {error}") from error
    records = [json.loads(line) for line in lines[1:] if line.strip()]
    return Scenario(name, header, records)


def load_scenario(path: Path) -> Scenario:
    return parse_scenario(path.name, path.read_text(encoding="utf-8").splitlines())
