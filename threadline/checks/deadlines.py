"""When an occurrence's action is due, and when the next rung of the ladder is reached."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

from threadline.checks.base import Check, Occurrence
from threadline.workingdays import add_working_days

LONDON = ZoneInfo("Europe/London")


def end_of(day: dt.date) -> dt.datetime:
    """Something due on a day is due by the end of it."""
    return dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=LONDON)


def local_day(moment: dt.datetime) -> dt.date:
    return moment.astimezone(LONDON).date()


def due_at(check: Check, occurrence: Occurrence, nation: str) -> dt.datetime:
    if occurrence.due_on is not None:
        return end_of(occurrence.due_on)
    days = check.timescale.working_days
    if days is None:
        return occurrence.trigger_at
    return end_of(add_working_days(local_day(occurrence.trigger_at), days, nation))


def remind_at(check: Check, occurrence: Occurrence, nation: str) -> dt.datetime | None:
    warn = check.timescale.warn_at
    if warn is None or occurrence.due_on is not None:
        return None
    return end_of(add_working_days(local_day(occurrence.trigger_at), warn, nation))


def next_rung_at(check: Check, since: dt.datetime, nation: str) -> dt.datetime:
    return _end_of_working_day(local_day(since), check.timescale.rung_days, nation)


@lru_cache(maxsize=4096)
def _end_of_working_day(start: dt.date, days: int, nation: str) -> dt.datetime:
    """A tick works out the same few rungs for thousands of alerts: each is counted once."""
    return end_of(add_working_days(start, days, nation))
