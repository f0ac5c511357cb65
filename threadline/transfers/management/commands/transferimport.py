"""``threadline transferimport FILE --user USERNAME``: take in another authority's signed transfer
pack, as the upload page does, and book the transfer-in conference."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from threadline.agencies.models import Practitioner
from threadline.transfers.services import import_pack
from threadline.transfers.verify import TransferError


class Command(BaseCommand):
    help = "Take in a signed transfer pack from another authority's Threadline."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--user", required=True, help="the children's social care practitioner taking it in"
        )
        parser.add_argument(
            "--conference-on",
            type=dt.date.fromisoformat,
            help="the day of the transfer-in conference (YYYY-MM-DD; default: the last day "
            "its timescale allows)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        user = Practitioner.objects.filter(username=options["user"], is_active=True).first()
        if user is None:
            raise CommandError(f"no active practitioner signs in as '{options['user']}'")
        try:
            imported = import_pack(
                path.read_bytes(), by=user, conference_on=options["conference_on"]
            )
        except TransferError as error:
            raise CommandError(f"{path}: refused, nothing written. {error}") from error
        transfer = imported.transfer
        if not imported.created:
            self.stdout.write(f"{path}: taken in already on {transfer.imported_at:%d %B %Y}.")
            return
        self.stdout.write(f"{path}: {transfer.child} taken in from {transfer.authority.name}.")
        if transfer.meeting is not None:
            self.stdout.write(
                f"Transfer-in conference booked for {transfer.meeting.scheduled_for:%d %B %Y %H:%M}."
            )
