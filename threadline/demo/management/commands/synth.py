"""``threadline synth --people N --seed S --out DIR``: feed files for a synthetic borough."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from threadline import clock
from threadline.demo.synth import SynthResult, synthesise


class Command(BaseCommand):
    help = (
        "Write JSON Lines feeds for a synthetic borough: agencies.jsonl, then one file per "
        "agency. Synthetic people only. The same seed, size and --today give the same bytes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--people", type=int, default=2000, help="about how many people")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--out", type=Path, required=True, help="directory to write into")
        parser.add_argument(
            "--today",
            type=dt.date.fromisoformat,
            default=None,
            help="the day the borough is drawn as of (YYYY-MM-DD); default today",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        today = options["today"] or clock.today()
        result = synthesise(options["people"], options["seed"], options["out"], today)
        self.stdout.write(describe(result, time.perf_counter() - started))


def describe(result: SynthResult, seconds: float) -> str:
    lines = [
        f"{result.people} people in {result.households} households: {result.records} records, "
        f"{result.of_kind('event')} of them events, in {seconds:.1f}s",
    ]
    by_agency: dict[str, int] = {}
    for (code, _kind), count in result.counts.items():
        by_agency[code] = by_agency.get(code, 0) + count
    for path in result.paths:
        lines.append(f"  {path}  {by_agency.get(path.stem, 0)} records")
    return "\n".join(lines)
