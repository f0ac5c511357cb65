"""``threadline transferschema``: print (or write) the published JSON Schema of transfer packs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from threadline.transfers.schema import pack_schema


def schema_text() -> str:
    return json.dumps(pack_schema(), indent=2, ensure_ascii=False) + "\n"


class Command(BaseCommand):
    help = "Print the transfer pack's JSON Schema, or write it to --out (docs/transfer-pack.schema.json)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["out"]:
            options["out"].write_text(schema_text(), encoding="utf-8")
        else:
            self.stdout.write(schema_text(), ending="")
