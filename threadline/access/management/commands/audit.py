"""``threadline audit verify [--head DIGEST]`` checks the audit log's hash chain;
``threadline audit head`` prints the newest digest, to be recorded outside Threadline."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from threadline.access.chain import head, verify


class Command(BaseCommand):
    help = "Verify the audit log's hash chain, or print its head to record elsewhere."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("what", choices=["verify", "head"])
        parser.add_argument(
            "--head",
            dest="expected_head",
            help="the head recorded earlier: entries removed from the end are found too",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["what"] == "head":
            self.stdout.write(head())
            return
        result = verify(options["expected_head"])
        if not result.intact:
            for problem in result.breaks:
                self.stderr.write(str(problem))
            raise CommandError(f"audit log: chain broken ({len(result.breaks)} problems shown)")
        self.stdout.write(f"audit log intact: {result.entries} entries, head {result.head}")
