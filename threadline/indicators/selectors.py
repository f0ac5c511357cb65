"""Reads for the indicator pages and the board: monthly figures per agency and for all agencies
together, each indicator's latest share, and the alerts indicator check by check.

Aggregates only: nothing here names a child or a family.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from threadline import clock
from threadline.agencies.models import Agency
from threadline.checks.registry import all_checks
from threadline.indicators.definitions import INDICATORS, Indicator
from threadline.indicators.measures import alerts
from threadline.indicators.months import last_months, months_between
from threadline.indicators.tally import AgencyId, Tally, Window

NOT_ATTRIBUTED = "Not attributed to an agency"
LATEST_MONTHS = 3


class _Shared:
    due: int
    met: int

    @property
    def missed(self) -> int:
        return self.due - self.met

    @property
    def share(self) -> float | None:
        """Met as a fraction of due; None when nothing was due (no share, rather than 0%)."""
        return self.met / self.due if self.due else None

    @property
    def percent(self) -> int | None:
        share = self.share
        return None if share is None else round(100 * share)


@dataclass(frozen=True)
class Share(_Shared):
    due: int
    met: int


@dataclass(frozen=True)
class Point(_Shared):
    month: dt.date
    due: int
    met: int


@dataclass(frozen=True)
class Series:
    agency_id: AgencyId  # None for all agencies together, or for what no agency is counted for
    name: str
    points: tuple[Point, ...]

    @property
    def total(self) -> Share:
        return Share(sum(p.due for p in self.points), sum(p.met for p in self.points))


@dataclass(frozen=True)
class Figures:
    indicator: Indicator
    first: dt.date
    last: dt.date
    months: tuple[dt.date, ...]
    all_agencies: Series
    agencies: tuple[Series, ...]  # each with anything due, by name; the unattributed last

    def for_agency(self, agency: Agency) -> Series:
        for series in self.agencies:
            if series.agency_id == agency.pk:
                return series
        return Series(agency.pk, agency.name, tuple(Point(m, 0, 0) for m in self.months))


def figures(
    indicator: Indicator,
    *,
    first: dt.date,
    last: dt.date,
    today: dt.date | None = None,
    check: str = "",
) -> Figures:
    """Monthly due, met and share from ``first`` to ``last`` (both included), for each agency and
    all agencies together; with ``check``, only that learning check's (the alerts indicator)."""
    window = Window(first, last, today or clock.today())
    if not check:
        return _figures(indicator, window, indicator.measure(window))
    if indicator.measure_check is None:
        raise ValueError(f"{indicator.name} is not counted check by check")
    return _figures(indicator, window, indicator.measure_check(window, check))


def _figures(indicator: Indicator, window: Window, tally: Tally) -> Figures:
    months = tuple(months_between(window.first, window.last))
    cells: dict[AgencyId, dict[dt.date, tuple[int, int]]] = defaultdict(dict)
    for cell in tally.cells():
        if window.first.replace(day=1) <= cell.month <= window.last:
            cells[cell.agency_id][cell.month] = (cell.due, cell.met)
    names = dict(Agency.objects.filter(pk__in=[pk for pk in cells if pk]).values_list("pk", "name"))

    def series(agency_id: AgencyId, name: str, counts: dict[dt.date, tuple[int, int]]) -> Series:
        return Series(agency_id, name, tuple(Point(m, *counts.get(m, (0, 0))) for m in months))

    everyone: dict[dt.date, tuple[int, int]] = {}
    for counts in cells.values():
        for month, (due, met) in counts.items():
            so_far = everyone.get(month, (0, 0))
            everyone[month] = (so_far[0] + due, so_far[1] + met)
    each = [
        series(pk, names.get(pk, NOT_ATTRIBUTED) if pk else NOT_ATTRIBUTED, counts)
        for pk, counts in cells.items()
    ]
    each.sort(key=lambda s: (s.agency_id is None, s.name.lower()))
    return Figures(
        indicator,
        window.first,
        window.last,
        months,
        series(None, "All agencies", everyone),
        tuple(each),
    )


@dataclass(frozen=True)
class Latest:
    """An indicator's share over the latest months, all agencies together."""

    indicator: Indicator
    first: dt.date
    last: dt.date
    figure: Share


def latest_figures(*, months: int = LATEST_MONTHS, today: dt.date | None = None) -> list[Latest]:
    """Each indicator's share over the last ``months`` months (this month so far included), all
    agencies together: the "how we will know" evidence for the recommendations board."""
    today = today or clock.today()
    first, last = last_months(today, months)
    window = Window(first, last, today)
    found = []
    for indicator in INDICATORS:
        tally = indicator.measure(window)
        found.append(Latest(indicator, first, last, Share(tally.due, tally.met)))
    return found


@dataclass(frozen=True)
class CheckLine:
    check_id: str
    title: str
    who: str
    figure: Share


def alerts_by_check(
    *,
    first: dt.date,
    last: dt.date,
    agency_id: AgencyId = None,
    today: dt.date | None = None,
) -> list[CheckLine]:
    """The alerts indicator over the window for each learning check that had alerts due, with
    who must act on it; for one agency's children, or everyone's."""
    window = Window(first, last, today or clock.today())
    checks = all_checks()
    lines = []
    for row in alerts.by_check(window, agency_id):
        check = checks.get(row.check_id)
        title = check.title if check else "A check no longer in use"
        who = str(check.who) if check else ""
        lines.append(CheckLine(row.check_id, title, who, Share(row.due, row.met)))
    return lines


def check_choices() -> list[tuple[str, str]]:
    """The learning checks the alerts indicator can be shown for."""
    return [(check.id, f"{check.id}: {check.title}") for check in all_checks().values()]
