"""Calendar months, the buckets every indicator is counted in. A month is named by its first day."""

from __future__ import annotations

import datetime as dt


def month_of(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(month: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after (or before, if negative) ``month``'s."""
    index = month.year * 12 + month.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def months_between(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every month from ``first``'s to ``last``'s, both included; none when last is before first."""
    found: list[dt.date] = []
    month = month_of(first)
    while first <= last and month <= last:
        found.append(month)
        month = add_months(month, 1)
    return found


def last_months(today: dt.date, count: int) -> tuple[dt.date, dt.date]:
    """The first and last day of the ``count`` months up to this one, this month included: what
    falls due later this month is counted once it is met (``Window.settled``)."""
    if count < 1:
        raise ValueError("count must be at least one month")
    this_month = month_of(today)
    return add_months(this_month, 1 - count), end_of_month(this_month)


def end_of_month(month: dt.date) -> dt.date:
    return add_months(month, 1) - dt.timedelta(days=1)
