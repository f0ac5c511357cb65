from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from threadline import clock
from threadline.demo.synth import SynthResult, synthesise

TODAY = dt.date(2024, 6, 3)


@pytest.fixture(autouse=True)
def _fixed_today() -> None:
    """Synth draws the borough as of a day; ingest refuses anything after the clock's today."""
    clock.set_now(dt.datetime(2024, 6, 3, 9, 0, tzinfo=dt.UTC))


@pytest.fixture(scope="session")
def borough(tmp_path_factory: pytest.TempPathFactory) -> SynthResult:
    return synthesise(250, 11, tmp_path_factory.mktemp("borough"), TODAY)


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines(keepends=True)
