"""Dates in a synthetic household's story: when people arrived, moved away, and the window
of history the borough is drawn over."""

from __future__ import annotations

import datetime as dt
import random

from threadline.demo.population import YEAR, Household, Resident
from threadline.demo.records import Recorder


def days(count: float) -> dt.timedelta:
    return dt.timedelta(days=int(count))


def between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    if last <= first:
        return first
    return first + days(rng.randint(0, (last - first).days))


def left_borough(household: Household) -> dt.date | None:
    """The day a household moved out of the borough, if it did."""
    last = household.homes[-1]
    return last.moved_in if not last.in_borough else None


def arrived(person: Resident) -> dt.date:
    """When a person became known to local services: birth, or their first home here."""
    first = person.homes[0]
    return max(person.dob, first.moved_in) if first.moved_in else person.dob


def window_start(rec: Recorder, years: float = 4.0) -> dt.date:
    return rec.today - days(years * YEAR)
