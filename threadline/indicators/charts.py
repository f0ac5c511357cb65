"""Chart geometry for the indicator pages: where each line, point, bar, tick and label goes in
an SVG drawn on the server. No drawing library, no script: the template writes the SVG from
these numbers, and the same figures go in a table beneath it for anyone who cannot see it.

Coordinates are SVG user units in a fixed view box; the page scales the drawing to its width.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 720
HEIGHT = 280
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 52  # room for the axis labels
MOST_LABELS = 12  # beyond this many months, label every other one (and so on)


@dataclass(frozen=True)
class Plot:
    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top


PLOT = Plot(LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM)


@dataclass(frozen=True)
class Tick:
    """A value on the vertical axis, with its gridline's height."""

    y: float
    label: str


@dataclass(frozen=True)
class Label:
    """A month under the horizontal axis; the year is shown under January and the first."""

    x: float
    text: str
    year: str = ""


@dataclass(frozen=True)
class Marker:
    x: float
    y: float


@dataclass(frozen=True)
class LineChart:
    plot: Plot
    ticks: tuple[Tick, ...]
    labels: tuple[Label, ...]
    lines: tuple[str, ...]  # SVG polyline points, one per unbroken run of months
    markers: tuple[Marker, ...]
    width: int = WIDTH
    height: int = HEIGHT


@dataclass(frozen=True)
class Bar:
    """One month's stacked bar: met at the bottom, missed on top."""

    x: float
    width: float
    met_y: float
    met_height: float
    missed_y: float
    missed_height: float


@dataclass(frozen=True)
class BarChart:
    plot: Plot
    ticks: tuple[Tick, ...]
    labels: tuple[Label, ...]
    bars: tuple[Bar, ...]
    width: int = WIDTH
    height: int = HEIGHT


def centre(index: int, count: int, plot: Plot = PLOT) -> float:
    """The middle of the ``index``-th of ``count`` equal columns across the plot."""
    return plot.left + plot.width * (index + 0.5) / count


def height_of(value: float, top: float, plot: Plot = PLOT) -> float:
    """The y of ``value`` on an axis from 0 at the bottom to ``top`` at the top."""
    return plot.bottom - plot.height * (value / top if top else 0)


def nice_top(largest: float, most_ticks: int = 5) -> tuple[int, int]:
    """A round axis top at or above ``largest`` and its tick step (1, 2 or 5 times a power of
    ten), with at most ``most_ticks`` steps; an empty chart gets an axis of 0 to 1."""
    if largest <= 0:
        return 1, 1
    power = 10 ** max(0, math.floor(math.log10(largest)) - 1)
    for step in (power * m for m in (1, 2, 5, 10, 20, 50, 100)):
        top = math.ceil(largest / step) * step
        if top // step <= most_ticks:
            return top, step
    raise AssertionError("unreachable: a step of 10 times the largest always fits")


def month_labels(months: Sequence[dt.date], plot: Plot = PLOT) -> tuple[Label, ...]:
    every = max(1, math.ceil(len(months) / MOST_LABELS))
    labels = []
    for index, month in enumerate(months):
        if index % every:
            continue
        year = str(month.year) if index == 0 or month.month == 1 else ""
        labels.append(Label(centre(index, len(months), plot), f"{month:%b}", year))
    return tuple(labels)


def line_chart(months: Sequence[dt.date], percents: Sequence[int | None]) -> LineChart:
    """Share met each month, 0 to 100%; a month with nothing due leaves a gap in the line."""
    if len(months) != len(percents):
        raise ValueError("one share per month")
    ticks = tuple(Tick(height_of(v, 100), f"{v}%") for v in range(0, 101, 25))
    runs: list[list[Marker]] = [[]]
    markers = []
    for index, percent in enumerate(percents):
        if percent is None:
            runs.append([])
            continue
        marker = Marker(round(centre(index, len(months)), 1), round(height_of(percent, 100), 1))
        runs[-1].append(marker)
        markers.append(marker)
    lines = tuple(" ".join(f"{m.x},{m.y}" for m in run) for run in runs if len(run) > 1)
    return LineChart(PLOT, ticks, month_labels(months), lines, tuple(markers))


def bar_chart(months: Sequence[dt.date], met: Sequence[int], due: Sequence[int]) -> BarChart:
    """How many were due each month, as a bar: the met part solid, the missed part on top."""
    if not len(months) == len(met) == len(due):
        raise ValueError("one count of each per month")
    if any(not 0 <= m <= d for m, d in zip(met, due, strict=True)):
        raise ValueError("met must be between 0 and due")
    top, step = nice_top(max(due, default=0))
    ticks = tuple(Tick(height_of(v, top), str(v)) for v in range(0, top + 1, step))
    band = PLOT.width / max(1, len(months))
    width = round(band * 0.6, 1)
    bars = []
    for index, (met_count, due_count) in enumerate(zip(met, due, strict=True)):
        met_top = height_of(met_count, top)
        due_top = height_of(due_count, top)
        bars.append(
            Bar(
                x=round(centre(index, len(months)) - width / 2, 1),
                width=width,
                met_y=round(met_top, 1),
                met_height=round(PLOT.bottom - met_top, 1),
                missed_y=round(due_top, 1),
                missed_height=round(met_top - due_top, 1),
            )
        )
    return BarChart(PLOT, ticks, month_labels(months), tuple(bars))
