"""The five published reviews Threadline is built from, as they were published: the library's
first documents in the demo, and the ground the learning checks' provenance stands on."""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).parent


def seed_files() -> list[Path]:
    return sorted(FOLDER.glob("0*.txt"))
