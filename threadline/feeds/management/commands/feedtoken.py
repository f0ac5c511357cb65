"""``threadline feedtoken AGENCY NAME``: issue an API token for one agency's system."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from threadline.agencies.models import Agency
from threadline.feeds.services import issue_feed_token, revoke_feed_token


class Command(BaseCommand):
    help = "Issue (or --revoke) the API token of an agency system. The key is shown once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("agency", help="agency code, e.g. police")
        parser.add_argument("name", help="the system's name, e.g. 'Niche RMS'")
        parser.add_argument("--revoke", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        agency = Agency.objects.filter(code=options["agency"]).first()
        if agency is None:
            raise CommandError(f"agency '{options['agency']}' is not registered")
        if options["revoke"]:
            count = revoke_feed_token(agency=agency, name=options["name"])
            self.stdout.write(f"revoked {count} token(s)")
            return
        key = issue_feed_token(agency=agency, name=options["name"])
        self.stdout.write(key)
