"""Tallies: each thing due is counted once, in its deadline's month and agency; a share is met
out of due, and there is no share where nothing was due."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from threadline.indicators.months import month_of
from threadline.indicators.selectors import Share
from threadline.indicators.tally import Tally, Window

things = st.lists(
    st.tuples(
        st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2026, 12, 31)),
        st.sampled_from([None, 1, 2, 3]),
        st.booleans(),
    ),
    max_size=60,
)


@given(things)
def test_every_thing_is_counted_once_in_its_month_and_agency(found: list) -> None:
    tally = Tally()
    for day, agency_id, met in found:
        tally.add(day, agency_id, met=met)
    assert (tally.due, tally.met) == (len(found), sum(met for *_, met in found))
    due = Counter((month_of(day), agency) for day, agency, _ in found)
    met = Counter((month_of(day), agency) for day, agency, ok in found if ok)
    cells = list(tally.cells())
    assert {(c.month, c.agency_id): (c.due, c.met) for c in cells} == {
        key: (count, met[key]) for key, count in due.items()
    }
    assert [(c.month, c.agency_id or -1) for c in cells] == sorted(
        (c.month, c.agency_id or -1) for c in cells
    )


@given(st.integers(min_value=0, max_value=10_000), st.data())
def test_a_share_is_met_out_of_due(due: int, data: st.DataObject) -> None:
    met = data.draw(st.integers(min_value=0, max_value=due))
    share = Share(due, met)
    if due == 0:
        assert share.share is None and share.percent is None
    else:
        assert share.share == met / due
        assert 0 <= share.percent <= 100  # type: ignore[operator]
        assert share.missed == due - met


def test_met_cannot_exceed_due() -> None:
    with pytest.raises(ValueError):
        Tally().add_counts(dt.date(2025, 3, 1), 1, due=1, met=2)


def test_a_window_counts_deadlines_in_it_once_passed_or_met() -> None:
    window = Window(dt.date(2025, 3, 1), dt.date(2025, 6, 30), dt.date(2025, 6, 16))
    assert window.counts(dt.date(2025, 6, 15), met=False)
    assert not window.counts(dt.date(2025, 6, 16), met=False), "due today: not missed yet"
    assert window.counts(dt.date(2025, 6, 20), met=True)
    assert not window.counts(dt.date(2025, 2, 28), met=True)
    with pytest.raises(ValueError):
        Window(dt.date(2025, 3, 1), dt.date(2025, 2, 1), dt.date(2025, 6, 16))
