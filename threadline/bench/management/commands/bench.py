"""``threadline bench [NAME] [--json]``: measure, print figures and ratios against targets."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from threadline.bench import chronology, ingest, library, linkage, plans
from threadline.bench.runner import BENCHMARKS, IN_PROCESS, run_in_child

ENGINES = ("sqlite", "postgres")


def run_here(name: str, options: dict[str, Any]) -> dict[str, Any]:
    if name == "ingest":
        return ingest.run(**options)
    if name == "tick":
        return plans.run(**options)
    if name == "linkage":
        return linkage.run(records=options["records"], febrl=options["febrl"])
    if name == "library":
        return library.run(**options)
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
        parser.add_argument(
            "--records",
            type=int,
            help="ingest: events (40,000); linkage: records (100,000 and 1,000,000)",
        )
        parser.add_argument("--no-febrl", action="store_true", help="linkage: skip FEBRL")
        parser.add_argument("--plans", type=int, default=12_000, help="open plans for tick")
        parser.add_argument(
            "--reviews", type=int, default=1_000, help="synthetic reviews for library"
        )
        parser.add_argument("--worker", action="store_true", help=argparse_hidden())
        parser.add_argument("--options", default="{}", help=argparse_hidden())

    def handle(self, *args: Any, **options: Any) -> None:
        if options["worker"]:
            self.stdout.write(json.dumps(run_here(options["name"], json.loads(options["options"]))))
            return
        names = [options["name"]] if options["name"] else list(BENCHMARKS)
        engines = [engine for engine in options["engines"].split(",") if engine]
        if unknown := set(engines) - set(ENGINES):
            raise CommandError(f"unknown engine(s): {', '.join(sorted(unknown))}")
        events = options["records"] or 40_000
        settings_for: dict[str, dict[str, Any]] = {
            "ingest": {"events": events, "people": max(1, events // 10)},
            "chronology": {"sizes": [int(size) for size in options["sizes"].split(",")]},
            "tick": {"plans": options["plans"]},
            "library": {"reviews": options["reviews"]},
            "linkage": {
                "records": [options["records"]] if options["records"] else [100_000, 1_000_000],
                "febrl": not options["no_febrl"],
            },
        }
        for name in names:
            result: dict[str, Any] = {"benchmark": name}
            if name in IN_PROCESS:
                result.update(run_here(name, settings_for[name]))
                self.stdout.write(json.dumps(result, indent=None if options["json"] else 2))
                continue
            for engine in engines:
                if not options["json"]:
                    self.stderr.write(f"running {name} on {engine}…")
                result[engine] = run_in_child(name, engine, settings_for[name])
            self.stdout.write(json.dumps(result, indent=None if options["json"] else 2))


def argparse_hidden() -> str:
    import argparse

    return argparse.SUPPRESS
