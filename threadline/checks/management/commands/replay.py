"""``threadline replay SCENARIO... [--format text|json]``: would Threadline have raised it in time?"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from threadline.checks.replay import run_scenario
from threadline.checks.scenarios import ScenarioError, load_scenario


def _scratch() -> Path:
    folder = Path(settings.PROJECT_DIR) / "var" / "replay"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _env(path: Path) -> dict[str, str]:
    return {**os.environ, "THREADLINE_DATABASE_URL": f"sqlite:///{path}"}


def _template() -> Path:
    """A migrated empty database, copied for each scenario: every replay starts fresh."""
    template = _scratch() / "template.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{template}{suffix}").unlink(missing_ok=True)
    command = [sys.executable, "-m", "threadline.cli", "migrate", "--verbosity", "0"]
    subprocess.run(command, env=_env(template), check=True)
    subprocess.run(
        ["sqlite3", str(template), "PRAGMA wal_checkpoint(TRUNCATE);"],
        check=False,
        capture_output=True,
    )
    return template


def replay_in_fresh_database(path: Path, template: Path) -> dict[str, Any]:
    database = _scratch() / f"{path.stem}.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(template, database)
    command = [sys.executable, "-m", "threadline.cli", "replay", str(path), "--here"]
    done = subprocess.run(command, env=_env(database), capture_output=True, text=True)
    if done.returncode != 0:
        raise CommandError(f"{path}: replay failed\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def totals(reports: list[dict[str, Any]]) -> dict[str, Any]:
    reviews = [r for r in reports if not r["control"]]
    controls = [r for r in reports if r["control"]]
    expected = sum(r["expected"] for r in reviews)
    in_time = sum(len(r["raised_in_time"]) for r in reviews)
    return {
        "scenarios": len(reports),
        "expected": expected,
        "raised_in_time": in_time,
        "raised_late": sum(len(r["raised_late"]) for r in reviews),
        "missed": sum(len(r["missed"]) for r in reviews),
        "in_time_share": round(in_time / expected, 3) if expected else None,
        "unexpected_in_reviews": sum(len(r["unexpected"]) for r in reviews),
        "controls": len(controls),
        "unexpected_in_controls": sum(len(r["unexpected"]) for r in controls),
        "unexpected_per_control": round(
            sum(len(r["unexpected"]) for r in controls) / len(controls), 2
        )
        if controls
        else None,
    }


def as_text(report: dict[str, Any]) -> str:
    kind = "control" if report["control"] else "review"
    lines = [
        f"{report['scenario']} ({kind}, {report['days']} days): {len(report['raised_in_time'])} of "
        f"{report['expected']} raised in time, {len(report['raised_late'])} late, "
        f"{len(report['missed'])} missed, {len(report['unexpected'])} unexpected"
    ]
    for status in ("raised_late", "missed"):
        for item in report[status]:
            lines.append(f"  {status}: {item['check']} for {item['person']} by {item['by']}")
    for item in report["unexpected"]:
        lines.append(f"  unexpected: {item['check']} for {item['person']} on {item['raised_on']}")
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Replay scenario files day by day through the checks, each in a fresh database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("scenarios", nargs="+", type=Path)
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument("--here", action="store_true", help="replay into the current database")

    def handle(self, *args: Any, **options: Any) -> None:
        paths: list[Path] = options["scenarios"]
        for path in paths:
            if not path.exists():
                raise CommandError(f"{path}: no such file")
        if options["here"]:
            self._replay_here(paths)
            return
        template = _template()
        reports = [replay_in_fresh_database(path, template) for path in paths]
        if options["format"] == "json":
            self.stdout.write(
                json.dumps({"scenarios": reports, "totals": totals(reports)}, indent=2)
            )
            return
        for report in reports:
            self.stdout.write(as_text(report))
        summary = totals(reports)
        self.stdout.write(
            f"\nReviews: {summary['raised_in_time']} of {summary['expected']} expectations raised "
            f"in time ({summary['in_time_share']}). Controls: {summary['unexpected_in_controls']} "
            f"unexpected alerts over {summary['controls']} ({summary['unexpected_per_control']} each)."
        )

    def _replay_here(self, paths: list[Path]) -> None:
        for path in paths:
            try:
                scenario = load_scenario(path)
            except ScenarioError as error:
                raise CommandError(str(error)) from error
            self.stdout.write(json.dumps(run_scenario(scenario).as_dict()))
