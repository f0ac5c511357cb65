from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from threadline.people.ages import is_adult, years_old

dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


def test_someone_born_on_29_february_comes_of_age_on_1_march_in_other_years() -> None:
    born = dt.date(2008, 2, 29)
    assert not is_adult(born, dt.date(2026, 2, 28))
    assert is_adult(born, dt.date(2026, 3, 1))
    assert is_adult(born, dt.date(2028, 2, 29)), "and on the day itself in a leap year"


def test_nobody_without_a_date_of_birth_is_taken_for_an_adult() -> None:
    assert not is_adult(None, dt.date(2026, 12, 6))


@given(born=dates, on=dates)
def test_age_grows_by_exactly_one_on_each_birthday(born: dt.date, on: dt.date) -> None:
    age = years_old(born, on)
    if on >= born:
        assert age >= 0
        assert (on - born).days // 366 <= age <= (on - born).days // 365
    if on + dt.timedelta(days=1) <= dt.date(2100, 12, 31):
        assert years_old(born, on + dt.timedelta(days=1)) - age in (0, 1)
