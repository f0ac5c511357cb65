"""Whole years of age, safe on 29 February."""

from __future__ import annotations

import datetime as dt

ADULT_AT = 18


def years_old(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def is_adult(born: dt.date | None, on: dt.date) -> bool:
    return born is not None and years_old(born, on) >= ADULT_AT
