from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from threadline.workingdays import (
    add_working_days,
    is_working_day,
    next_working_day,
    subtract_working_days,
    working_days_between,
)

days = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31))
counts = st.integers(min_value=0, max_value=80)
nations = st.sampled_from(["ENG", "WLS", "SCT", "NIR"])


def test_bank_holidays_differ_by_nation() -> None:
    st_andrews_observed = dt.date(2024, 12, 2)
    assert not is_working_day(st_andrews_observed, "SCT")
    assert is_working_day(st_andrews_observed, "ENG")
    st_patricks = dt.date(2023, 3, 17)
    assert not is_working_day(st_patricks, "NIR")
    assert is_working_day(st_patricks, "WLS")


def test_known_timescales_over_christmas() -> None:
    friday_before_christmas = dt.date(2024, 12, 20)
    # 23, 24, 27, 30, 31 December then 2 January (25, 26 Dec and 1 Jan are bank holidays).
    assert add_working_days(friday_before_christmas, 6) == dt.date(2025, 1, 2)
    assert add_working_days(dt.date(2024, 12, 21), 0) == dt.date(2024, 12, 23)


@given(days, counts, nations)
def test_adding_lands_on_a_working_day(start: dt.date, n: int, nation: str) -> None:
    end = add_working_days(start, n, nation)
    assert is_working_day(end, nation)
    assert end >= start


@given(days, counts, nations)
def test_adding_then_counting_gives_back_the_days(start: dt.date, n: int, nation: str) -> None:
    anchor = start if is_working_day(start, nation) else next_working_day(start, nation)
    assert working_days_between(anchor, add_working_days(anchor, n, nation), nation) == n


@given(days, counts, counts, nations)
def test_adding_is_monotonic(start: dt.date, a: int, b: int, nation: str) -> None:
    low, high = sorted((a, b))
    assert add_working_days(start, low, nation) <= add_working_days(start, high, nation)


@given(days, counts, nations)
def test_subtracting_undoes_adding_from_a_working_day(start: dt.date, n: int, nation: str) -> None:
    anchor = start if is_working_day(start, nation) else next_working_day(start, nation)
    assert subtract_working_days(add_working_days(anchor, n, nation), n, nation) == anchor


@given(days, nations)
def test_next_working_day_skips_only_non_working_days(day: dt.date, nation: str) -> None:
    following = next_working_day(day, nation)
    between = [day + dt.timedelta(days=i) for i in range(1, (following - day).days)]
    assert not any(is_working_day(d, nation) for d in between)
