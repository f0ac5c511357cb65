"""``threadline library read FILE [--json]``: what the reader reads out of one review.
``threadline library add FILE... [--publish]``: add reviews to the library."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from threadline.learning.documents import DocumentError, text_of
from threadline.learning.reading import read_text


class Command(BaseCommand):
    help = "Read review documents into the partnership's learning library."

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True)
        read = verbs.add_parser("read", help="print what is read out of one document")
        read.add_argument("file")
        read.add_argument("--json", action="store_true")
        add = verbs.add_parser("add", help="add documents to the library")
        add.add_argument("files", nargs="+")
        add.add_argument("--publish", action="store_true", help="publish them as read")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["verb"] == "read":
            self._read(Path(options["file"]), as_json=options["json"])
        else:
            self._add([Path(f) for f in options["files"]], publish_them=options["publish"])

    def _content(self, path: Path) -> bytes:
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        return path.read_bytes()

    def _read(self, path: Path, *, as_json: bool) -> None:
        try:
            reading = read_text(text_of(path.name, self._content(path)))
        except DocumentError as error:
            raise CommandError(str(error)) from error
        if as_json:
            self.stdout.write(json.dumps(reading.as_json(), indent=2, ensure_ascii=False))
            return
        self.stdout.write(f"{reading.title} ({reading.partnership or 'partnership not given'})")
        for item in reading.items:
            label = f"{item.label}: " if item.label else ""
            self.stdout.write(f"  [{item.kind}] line {item.line}: {label}{item.text[:100]}")

    def _add(self, paths: list[Path], *, publish_them: bool) -> None:
        from threadline.learning.services import add_review, publish

        for path in paths:
            try:
                review, created = add_review(path.name, self._content(path))
            except DocumentError as error:
                raise CommandError(str(error)) from error
            if publish_them and not review.is_published:
                publish(review, by=None)
            state = "added" if created else "already held"
            self.stdout.write(f"{path.name}: {review.title}, {review.items.count()} items, {state}")
