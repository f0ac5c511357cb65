"""What the charts say in words: their titles and descriptions, read out in place of the drawing
(the table beneath it has every figure)."""

from __future__ import annotations

from dataclasses import dataclass

from threadline.indicators.definitions import Indicator
from threadline.indicators.selectors import Figures, Series


@dataclass(frozen=True)
class Caption:
    title: str
    description: str


def _period(figures: Figures) -> str:
    return f"{figures.first:%B %Y} to {figures.last:%B %Y}"


def _overall(indicator: Indicator, series: Series) -> str:
    total = series.total
    if not total.due:
        return "Nothing was due."
    return f"{total.met} of {total.due} {indicator.unit} {indicator.met_words} ({total.percent}%)."


def share_caption(indicator: Indicator, figures: Figures, series: Series) -> Caption:
    with_due = [p for p in series.points if p.due]
    words = [f"Line chart, {_period(figures)}.", _overall(indicator, series)]
    if len(with_due) > 1:
        low = min(with_due, key=lambda p: (p.met / p.due, p.month))
        high = max(with_due, key=lambda p: (p.met / p.due, p.month))
        words.append(
            f"Lowest {low.month:%B %Y} ({low.percent}%), highest {high.month:%B %Y} "
            f"({high.percent}%)."
        )
    words.append("Months with nothing due have no point. Every figure is in the table below.")
    return Caption(f"Share met each month: {series.name}", " ".join(words))


def count_caption(indicator: Indicator, figures: Figures, series: Series) -> Caption:
    words = [
        f"Bar chart, {_period(figures)}: each month's bar is the number of {indicator.unit} due,",
        "solid for those met and hatched for those missed.",
        _overall(indicator, series),
        "Every figure is in the table below.",
    ]
    return Caption(f"Number due each month, met and missed: {series.name}", " ".join(words))
