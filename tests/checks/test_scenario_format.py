from __future__ import annotations

import json
from pathlib import Path

import pytest

from threadline.checks.scenarios import (
    SCENARIO_HEADER_SCHEMA,
    ScenarioError,
    load_scenario,
    parse_scenario,
)

REPO = Path(__file__).resolve().parents[2]


def test_the_published_scenario_schema_is_the_one_replay_uses() -> None:
    published = json.loads((REPO / "docs" / "scenario.schema.json").read_text(encoding="utf-8"))
    assert published == SCENARIO_HEADER_SCHEMA


@pytest.mark.parametrize("path", sorted((REPO / "scenarios").glob("*.jsonl")), ids=lambda p: p.name)
def test_every_scenario_file_has_a_valid_header(path: Path) -> None:
    scenario = load_scenario(path)
    assert scenario.records
    assert scenario.control == (not scenario.expectations)


def test_a_header_without_expectations_is_refused() -> None:
    with pytest.raises(ScenarioError, match="line 1"):
        parse_scenario("bad.jsonl", ['{"kind": "header", "title": "x", "control": false}'])
