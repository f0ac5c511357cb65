"""``threadline tick``: act on every alert whose time has come. Safe every minute, in parallel."""

from __future__ import annotations

import json
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from threadline.checks.engine import sweep, tick
from threadline.recommendations.services import escalate_overdue


class Command(BaseCommand):
    help = "Raise, remind, escalate or resolve the alerts that are due. Safe to run from cron."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--json", action="store_true")
        parser.add_argument(
            "--daily",
            action="store_true",
            help="first re-run every check for everyone with open statutory work, and escalate "
            "overdue recommendation actions (once a day)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        swept = sweep().subjects if options["daily"] else 0
        # The partnership's overdue actions go before the board once a day, with the sweep.
        overdue = len(escalate_overdue()) if options["daily"] else 0
        result = tick()
        figures = {
            "seconds": round(time.perf_counter() - started, 3),
            "swept": swept,
            "subjects": result.subjects,
            "raised": result.raised,
            "reminded": result.reminded,
            "escalated": result.escalated,
            "resolved": result.resolved,
            "actions_escalated": overdue,
        }
        if options["json"]:
            self.stdout.write(json.dumps(figures))
        else:
            self.stdout.write(" ".join(f"{key}={value}" for key, value in figures.items()))
