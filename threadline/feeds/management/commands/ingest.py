"""``threadline ingest FILE...``: load agency feed files, each file one transaction."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from threadline.feeds.results import FeedRejected
from threadline.feeds.services import ingest_feed


def _lines_with_progress(path: Path, show: bool) -> Iterator[str]:
    size = path.stat().st_size
    with (
        path.open(encoding="utf-8") as handle,
        tqdm(
            total=size,
            unit="B",
            unit_scale=True,
            desc=path.name,
            disable=not show or size < 5_000_000,
            leave=False,
        ) as bar,
    ):
        for line in handle:
            bar.update(len(line.encode()))
            yield line


class Command(BaseCommand):
    help = "Ingest agency feed files (JSON Lines). Each file is one all-or-nothing batch."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--json", action="store_true", help="print summaries as JSON")
        parser.add_argument("--quiet", action="store_true", help="no progress bar")

    def handle(self, *args: Any, **options: Any) -> None:
        failed = False
        for path in options["files"]:
            if not path.exists():
                raise CommandError(f"{path}: no such file")
            show = not options["quiet"] and not options["json"]
            try:
                summary = ingest_feed(_lines_with_progress(path, show))
            except FeedRejected as rejected:
                failed = True
                if options["json"]:
                    errors = [e.as_dict() for e in rejected.errors]
                    self.stdout.write(json.dumps({"file": str(path), "errors": errors}))
                else:
                    self.stderr.write(f"{path}: refused, nothing written.\n{rejected.report()}")
                continue
            if options["json"]:
                self.stdout.write(json.dumps({"file": str(path), **summary.as_dict()}))
            else:
                self.stdout.write(f"{path}:\n{summary}")
        if failed:
            raise CommandError("one or more files were refused")
