"""Chart geometry: values land where the axes say, gaps stay gaps, bars add up."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from threadline.indicators.charts import PLOT, bar_chart, line_chart, month_labels, nice_top
from threadline.indicators.months import add_months

MARCH = dt.date(2025, 3, 1)


def months(count: int, start: dt.date = MARCH) -> list[dt.date]:
    return [add_months(start, n) for n in range(count)]


def test_a_share_of_100_is_at_the_top_and_0_at_the_bottom() -> None:
    chart = line_chart(months(3), [100, 0, 50])
    assert [m.y for m in chart.markers] == [PLOT.top, PLOT.bottom, (PLOT.top + PLOT.bottom) / 2]
    assert [t.label for t in chart.ticks] == ["0%", "25%", "50%", "75%", "100%"]
    xs = [m.x for m in chart.markers]
    assert xs == sorted(xs) and PLOT.left < xs[0] and xs[-1] < PLOT.right


def test_a_month_with_nothing_due_breaks_the_line() -> None:
    chart = line_chart(months(5), [80, 90, None, 70, 60])
    assert len(chart.markers) == 4
    assert len(chart.lines) == 2
    assert all(len(line.split()) == 2 for line in chart.lines)


def test_a_lone_point_has_no_line_but_keeps_its_marker() -> None:
    chart = line_chart(months(3), [None, 40, None])
    assert chart.lines == () and len(chart.markers) == 1


def test_months_are_labelled_with_the_year_under_the_first_and_january() -> None:
    labels = month_labels(months(12, dt.date(2025, 6, 1)))
    assert [label.text for label in labels][:3] == ["Jun", "Jul", "Aug"]
    assert [(label.text, label.year) for label in labels if label.year] == [
        ("Jun", "2025"),
        ("Jan", "2026"),
    ]


def test_two_years_of_months_label_every_other_month() -> None:
    assert len(month_labels(months(24))) == 12


@given(st.lists(st.tuples(st.integers(0, 500), st.integers(0, 500)), min_size=1, max_size=24))
def test_each_bar_is_as_tall_as_the_number_due(pairs: list[tuple[int, int]]) -> None:
    due = [max(a, b) for a, b in pairs]
    met = [min(a, b) for a, b in pairs]
    chart = bar_chart(months(len(pairs)), met, due)
    top = int(chart.ticks[-1].label)
    assert top >= max(due)
    for bar, count in zip(chart.bars, due, strict=True):
        assert bar.met_height + bar.missed_height == pytest.approx(
            PLOT.height * count / top, abs=0.2
        )
        assert bar.met_y + bar.met_height == pytest.approx(PLOT.bottom, abs=0.1)
        assert PLOT.left <= bar.x and bar.x + bar.width <= PLOT.right


@pytest.mark.parametrize(
    ("largest", "expected"),
    [
        (0, (1, 1)),
        (1, (1, 1)),
        (3, (3, 1)),
        (7, (8, 2)),
        (12, (15, 5)),
        (100, (100, 20)),
        (999, (1000, 200)),
    ],
)
def test_the_axis_top_is_round(largest: int, expected: tuple[int, int]) -> None:
    assert nice_top(largest) == expected


@given(st.integers(1, 10**7))
def test_the_axis_top_holds_the_largest_in_at_most_five_steps(largest: int) -> None:
    top, step = nice_top(largest)
    assert top >= largest and top % step == 0 and top // step <= 5


def test_the_figures_must_fit_the_months() -> None:
    with pytest.raises(ValueError):
        line_chart(months(2), [1])
    with pytest.raises(ValueError):
        bar_chart(months(1), [3], [2])
