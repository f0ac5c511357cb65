"""``threadline scenarios``: write the five reviews' feed files into ``scenarios/``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from threadline.demo.scenarios import scenarios_dir, write_scenarios


class Command(BaseCommand):
    help = "Write the seed reviews' scenario feeds (from threadline/demo/scenarios/*.py)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", type=Path, default=None, help="default: scenarios/")

    def handle(self, *args: Any, **options: Any) -> None:
        for path in write_scenarios(options["out"] or scenarios_dir()):
            self.stdout.write(str(path))
