"""Working days in each UK nation: weekends and that nation's bank holidays are not counted.

Statutory timescales ("ICPC within 15 working days") are counted here and nowhere else.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import holidays

from threadline.agencies.models import Nation

SATURDAY = 5


@cache
def bank_holidays(nation: str, year: int) -> frozenset[dt.date]:
    if nation not in Nation.values:
        raise ValueError(f"unknown nation {nation!r}; expected one of {Nation.values}")
    return frozenset(holidays.country_holidays("GB", subdiv=nation, years=year))


def is_working_day(day: dt.date, nation: str = Nation.ENGLAND) -> bool:
    return day.weekday() < SATURDAY and day not in bank_holidays(nation, day.year)


def next_working_day(day: dt.date, nation: str = Nation.ENGLAND) -> dt.date:
    """The first working day strictly after ``day``."""
    day += dt.timedelta(days=1)
    while not is_working_day(day, nation):
        day += dt.timedelta(days=1)
    return day


def add_working_days(start: dt.date, days: int, nation: str = Nation.ENGLAND) -> dt.date:
    """The date ``days`` working days after ``start`` (the start day itself is day 0).

    With ``days`` 0 the answer is ``start`` itself when it is a working day, else the next one:
    something due "the same day" on a Saturday is due on Monday.
    """
    if days < 0:
        raise ValueError("days must not be negative; use subtract_working_days")
    day = start if is_working_day(start, nation) else next_working_day(start, nation)
    if day != start and days > 0:
        days -= 1
    for _ in range(days):
        day = next_working_day(day, nation)
    return day


def subtract_working_days(end: dt.date, days: int, nation: str = Nation.ENGLAND) -> dt.date:
    """The date ``days`` working days before ``end`` (for "tell us 10 working days before")."""
    day = end
    while days > 0:
        day -= dt.timedelta(days=1)
        if is_working_day(day, nation):
            days -= 1
    return day


def working_days_between(start: dt.date, end: dt.date, nation: str = Nation.ENGLAND) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when end <= start)."""
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        if is_working_day(day, nation):
            count += 1
    return count
