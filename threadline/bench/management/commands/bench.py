"""``threadline bench [NAME] [--json]``: measure, print figures and ratios against targets."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from threadline.bench import chronology, ingest, plans
from threadline.bench.runner import BENCHMARKS, run_in_child

ENGINES = ("sqlite", "postgres")


def run_here(name: str, options: dict[str, Any]) -> dict[str, Any]:
    if name == "ingest":
        return ingest.run(**options)
    if name == "tick":
        return plans.run(**options)
    return chronology.run(
        sizes=tuple(options.get("sizes", (100_000, 1_000_000))),
        requests=options.get("requests", 200),
    )


class Command(BaseCommand):
    help = "Run every benchmark on SQLite and PostgreSQL, or one by name (--json for one object)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", nargs="?", choices=BENCHMARKS)
        parser.add_argument("--json", action="store_true")
        parser.add_argument("--engines", default=",".join(ENGINES))
        parser.add_argument("--sizes", default="100000,1000000", help="chronology sizes")
        parser.add_argument("--records", type=int, default=40_000, help="ingest events")
        parser.add_argument("--plans", type=int, default=12_000, help="open plans for tick")
        parser.add_argument("--worker", action="store_true", help=argparse_hidden())
        parser.add_argument("--options", default="{}", help=argparse_hidden())

    def handle(self, *args: Any, **options: Any) -> None:
        if options["worker"]:
            result = run_here(options["name"], json.loads(options["options"]))
            self.stdout.write(json.dumps(result))
            return
        names = [options["name"]] if options["name"] else list(BENCHMARKS)
        engines = [engine for engine in options["engines"].split(",") if engine]
        if unknown := set(engines) - set(ENGINES):
            raise CommandError(f"unknown engine(s): {', '.join(sorted(unknown))}")
        settings_for = {
            "ingest": {"events": options["records"], "people": max(1, options["records"] // 10)},
            "chronology": {"sizes": [int(size) for size in options["sizes"].split(",")]},
            "tick": {"plans": options["plans"]},
        }
        for name in names:
            result = {"benchmark": name}
            for engine in engines:
                if not options["json"]:
                    self.stderr.write(f"running {name} on {engine}…")
                result[engine] = run_in_child(name, engine, settings_for[name])
            self.stdout.write(json.dumps(result, indent=None if options["json"] else 2))


def argparse_hidden() -> str:
    import argparse

    return argparse.SUPPRESS
