from __future__ import annotations

import json
from pathlib import Path

import fastjsonschema

from threadline.feeds.management.commands.feedschema import schema_text
from threadline.feeds.schema import feed_schema

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_the_published_schema_is_the_one_ingest_uses() -> None:
    published = (DOCS / "feed.schema.json").read_text(encoding="utf-8")
    assert published == schema_text(), "run: threadline feedschema --out docs/feed.schema.json"


def test_the_published_schema_accepts_the_documented_example() -> None:
    validate = fastjsonschema.compile(feed_schema())
    example = (DOCS / "feed-example.jsonl").read_text(encoding="utf-8").splitlines()
    for line in example:
        validate(json.loads(line))
