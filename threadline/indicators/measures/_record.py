"""Reading the shared record by London day, as the learning checks do.

Times are stored in UTC and days are lived in UK time: a date-only event in British Summer Time is
23:00 UTC the day before, so every day here is the London day of a moment.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from threadline.checks.deadlines import LONDON, local_day

__all__ = ["LONDON", "local_day", "margin", "occurred_within", "start_of"]


def start_of(day: dt.date) -> dt.datetime:
    """The first moment of a London day."""
    return dt.datetime.combine(day, dt.time(0), tzinfo=LONDON)


def occurred_within(first: dt.date, last: dt.date, field: str = "occurred_at") -> Q:
    """Moments on London days ``first`` to ``last``, both included."""
    return Q(**{f"{field}__gte": start_of(first), f"{field}__lt": start_of(last + dt.timedelta(1))})


def margin(working_days: int) -> dt.timedelta:
    """Calendar days always enough to hold ``working_days`` working days: five in seven, and ten
    more for the bank holidays around Christmas and Easter."""
    return dt.timedelta(days=working_days * 7 // 5 + 10)
