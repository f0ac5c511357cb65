"""Months as buckets: every day falls in exactly one, and ranges of them have no gaps."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from threadline.indicators.months import (
    add_months,
    end_of_month,
    last_months,
    month_of,
    months_between,
)

days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2060, 12, 31))


@given(days, st.integers(min_value=-300, max_value=300))
def test_adding_months_and_taking_them_away_returns_to_the_month(day: dt.date, n: int) -> None:
    month = month_of(day)
    assert add_months(add_months(month, n), -n) == month
    assert add_months(month, n).day == 1


@given(days, days)
def test_every_day_of_a_range_is_in_exactly_one_of_its_months(one: dt.date, two: dt.date) -> None:
    first, last = min(one, two), max(one, two)
    months = months_between(first, last)
    assert months == sorted(set(months))
    assert month_of(first) == months[0] and month_of(last) == months[-1]
    for earlier, later in itertools.pairwise(months):
        assert add_months(earlier, 1) == later
    day = first
    while day <= min(last, first + dt.timedelta(days=400)):
        assert months.count(month_of(day)) == 1
        day += dt.timedelta(days=13)


@given(days, st.integers(min_value=1, max_value=36))
def test_the_last_months_end_with_this_one(today: dt.date, count: int) -> None:
    first, last = last_months(today, count)
    assert len(months_between(first, last)) == count
    assert first.day == 1 and first <= today <= last == end_of_month(month_of(today))


def test_worked_examples() -> None:
    assert add_months(dt.date(2025, 11, 1), 3) == dt.date(2026, 2, 1)
    assert end_of_month(dt.date(2024, 2, 1)) == dt.date(2024, 2, 29)
    assert last_months(dt.date(2025, 6, 16), 3) == (dt.date(2025, 4, 1), dt.date(2025, 6, 30))
    assert months_between(dt.date(2025, 3, 31), dt.date(2025, 3, 1)) == []
    with pytest.raises(ValueError):
        last_months(dt.date(2025, 6, 16), 0)
