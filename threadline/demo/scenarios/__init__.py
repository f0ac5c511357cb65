"""The five published reviews, reconstructed as feed files (``scenarios/*.jsonl``).

Each module builds one review's family as the agencies would have recorded it. The files in
``scenarios/`` are written from these builders by ``threadline scenarios``; a test keeps them
the same, so edit the builder, not the file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings

from threadline.demo.scenarios import (
    child_ak,
    child_be,
    child_e,
    child_q,
    children_ag,
    control_domestic_abuse,
    control_move,
    control_neglect,
    control_parental_health,
    control_step_down,
)
from threadline.demo.scenarios.builder import Scenario

REVIEWS = (child_ak.build, child_e.build, child_be.build, children_ag.build, child_q.build)
CONTROLS = (
    control_domestic_abuse.build,
    control_parental_health.build,
    control_neglect.build,
    control_move.build,
    control_step_down.build,
)
BUILDERS = (*REVIEWS, *CONTROLS)
HEADER_KEYS = (
    "kind",
    "title",
    "review",
    "states",
    "filled_in",
    "incident_date",
    "control",
    "expectations",
)


def scenarios_dir() -> Path:
    return Path(settings.PROJECT_DIR) / "scenarios"


def all_scenarios() -> list[Scenario]:
    return [build() for build in BUILDERS]


def review_scenarios() -> list[Scenario]:
    """The five reviews, without the controls (which the demo does not load)."""
    return [build() for build in REVIEWS]


def write_scenarios(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for scenario in all_scenarios():
        path = directory / scenario.file_name
        path.write_text(scenario.text(), encoding="utf-8")
        written.append(path)
    return written


def read_header(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        header: dict[str, Any] = json.loads(handle.readline())
    return header
