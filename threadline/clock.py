"""The one clock. Every "now" in Threadline comes from here, so tests and replays can set time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from django.utils import timezone

_frozen: dt.datetime | None = None


def now() -> dt.datetime:
    return _frozen if _frozen is not None else timezone.now()


def today() -> dt.date:
    return timezone.localdate(now())


def set_now(moment: dt.datetime | None) -> None:
    """Fix the clock at ``moment`` (timezone-aware), or release it with None."""
    global _frozen
    if moment is not None and timezone.is_naive(moment):
        raise ValueError("the clock takes timezone-aware datetimes only")
    _frozen = moment


@contextmanager
def frozen_at(moment: dt.datetime) -> Iterator[None]:
    previous = _frozen
    set_now(moment)
    try:
        yield
    finally:
        set_now(previous)


def local_date(moment: dt.datetime) -> dt.date:
    return timezone.localdate(moment)
