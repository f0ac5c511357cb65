"""What a measure is given (a window of days) and what it gives back (counts per month and agency).

Every indicator counts things that were *due* and how many of them were *met*. A thing is counted
in the month its deadline fell, once that deadline has passed or it was met: something still
within its time is neither met nor missed yet, so it is left out rather than counted as a miss.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from threadline.indicators.months import month_of

AgencyId = int | None  # None: not attributable to any agency


@dataclass(frozen=True)
class Window:
    """The days whose deadlines are counted (``first`` to ``last``, both included) and today,
    which says whether a deadline has passed."""

    first: dt.date
    last: dt.date
    today: dt.date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"the window ends ({self.last}) before it starts ({self.first})")

    def holds(self, day: dt.date) -> bool:
        return self.first <= day <= self.last

    def settled(self, deadline: dt.date, *, met: bool) -> bool:
        """Met, or missed for good: something due by a day is missed only once that day is over."""
        return met or deadline < self.today

    def counts(self, deadline: dt.date, *, met: bool) -> bool:
        return self.holds(deadline) and self.settled(deadline, met=met)


@dataclass(frozen=True)
class Cell:
    month: dt.date
    agency_id: AgencyId
    due: int
    met: int


class Tally:
    """Due and met counts by (month, agency)."""

    def __init__(self) -> None:
        self._due: Counter[tuple[dt.date, AgencyId]] = Counter()
        self._met: Counter[tuple[dt.date, AgencyId]] = Counter()

    def add(self, day: dt.date, agency_id: AgencyId, *, met: bool) -> None:
        """One thing due on ``day``, met or not."""
        self.add_counts(month_of(day), agency_id, due=1, met=int(met))

    def add_counts(self, month: dt.date, agency_id: AgencyId, *, due: int, met: int) -> None:
        if not 0 <= met <= due:
            raise ValueError(f"met ({met}) must be between 0 and due ({due})")
        key = (month_of(month), agency_id)
        self._due[key] += due
        self._met[key] += met

    def cells(self) -> Iterator[Cell]:
        for (month, agency_id), due in sorted(self._due.items(), key=_order):
            yield Cell(month, agency_id, due, self._met[(month, agency_id)])

    @property
    def due(self) -> int:
        return sum(self._due.values())

    @property
    def met(self) -> int:
        return sum(self._met.values())


def _order(item: tuple[tuple[dt.date, AgencyId], int]) -> tuple[dt.date, int]:
    (month, agency_id), _ = item
    return month, agency_id if agency_id is not None else -1
