"""``threadline transferkey``: print this Threadline's public key (to give to the authorities
that will receive its transfer packs), or ``--trust CODE NAME FILE`` to accept another
authority's packs signed with the key in FILE."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from threadline.agencies.models import Agency, AgencyKind
from threadline.transfers.export import authority_of
from threadline.transfers.services import trust_authority
from threadline.transfers.signing import fingerprint, key_file, private_key, public_pem
from threadline.transfers.verify import TransferError


class Command(BaseCommand):
    help = (
        "Print this Threadline's public transfer key (created on first use), or register "
        "another authority's with --trust CODE NAME FILE."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--trust",
            nargs=3,
            metavar=("CODE", "NAME", "FILE"),
            help="accept transfer packs signed by authority CODE with the public key in FILE",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="with --trust: replace the key already held for CODE",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["trust"]:
            self._trust(*options["trust"], replace=options["replace"])
            return
        key = private_key().public_key()
        # The key alone on standard output, so it can be saved straight to a file.
        self.stdout.write(public_pem(key), ending="")
        self.stderr.write(f"Key file: {key_file()}\nFingerprint: {fingerprint(key)}")
        for agency in Agency.objects.filter(kind=AgencyKind.CHILDRENS_SOCIAL_CARE):
            code = authority_of(agency).code
            self.stderr.write(f"{agency.name} signs its packs as: {code}")

    def _trust(self, code: str, name: str, file: str, *, replace: bool) -> None:
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file")
        try:
            authority = trust_authority(
                code=code, name=name, public_key_pem=path.read_text("ascii"), replace=replace
            )
        except (TransferError, UnicodeDecodeError) as error:
            raise CommandError(f"not trusted: {error}") from error
        self.stdout.write(f"Trusted {authority} for transfer packs.")
