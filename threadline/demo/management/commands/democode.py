"""``threadline democode``: the two-factor code the demo's shared authenticator shows now."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from threadline.demo.accounts import demo_code


class Command(BaseCommand):
    help = "Print the demo sign-ins' two-factor code for now (demo and development only)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("democode is for the demo: THREADLINE_DEBUG is off here")
        self.stdout.write(demo_code())
