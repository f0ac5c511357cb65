"""The figures the pages and the board read: monthly points per agency and for everyone, each
indicator's latest share, and the alerts indicator by check."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import AlertFactory, InvolvementFactory
from tests.indicators.record import TODAY, child, day, event, moment, north, south, today_is
from threadline.agencies.models import Agency
from threadline.checks.models import AlertState, Resolution
from threadline.chronology.vocabulary import EventType
from threadline.indicators.definitions import ALERTS_IN_TIME, CORE_GROUP_NOTES, INDICATORS
from threadline.indicators.selectors import (
    NOT_ATTRIBUTED,
    alerts_by_check,
    check_choices,
    figures,
    latest_figures,
)

pytestmark = pytest.mark.django_db

FIRST, LAST = dt.date(2025, 3, 1), dt.date(2025, 6, 30)


def core_groups() -> tuple[Agency, Agency]:
    """North: March met, April missed. South: April met."""
    n, s = north(), south()
    ada, ben = child(), child()
    march = event(n, EventType.CORE_GROUP, "2025-03-04", [ada])
    event(n, EventType.MINUTES_CIRCULATED, "2025-03-06", [ada], refers_to=march)
    event(n, EventType.CORE_GROUP, "2025-04-08", [ada])
    april = event(s, EventType.CORE_GROUP, "2025-04-09", [ben])
    event(s, EventType.MINUTES_CIRCULATED, "2025-04-10", [ben], refers_to=april)
    return n, s


def test_monthly_points_per_agency_and_for_all_agencies() -> None:
    n, s = core_groups()
    found = figures(CORE_GROUP_NOTES, first=FIRST, last=LAST, today=TODAY)
    assert found.months == (
        day("2025-03-01"),
        day("2025-04-01"),
        day("2025-05-01"),
        day("2025-06-01"),
    )
    everyone = [(p.due, p.met) for p in found.all_agencies.points]
    assert everyone == [(1, 1), (2, 1), (0, 0), (0, 0)]
    assert [p.percent for p in found.all_agencies.points] == [100, 50, None, None]
    assert [(series.name, series.agency_id) for series in found.agencies] == [
        ("North agency", n.pk),
        ("South agency", s.pk),
    ]
    north_series = found.for_agency(n)
    assert [(p.due, p.met) for p in north_series.points] == [(1, 1), (1, 0), (0, 0), (0, 0)]
    assert (north_series.total.due, north_series.total.met, north_series.total.percent) == (
        2,
        1,
        50,
    )


def test_an_agency_with_nothing_due_has_an_empty_series() -> None:
    core_groups()
    school = Agency.objects.create(code="school", name="A school", kind="education")
    empty = figures(CORE_GROUP_NOTES, first=FIRST, last=LAST, today=TODAY).for_agency(school)
    assert empty.total.due == 0 and empty.total.share is None and len(empty.points) == 4


def test_what_no_agency_is_counted_for_comes_last() -> None:
    n = north()
    ada = child()
    InvolvementFactory(person=ada, agency=n, opened_on=day("2025-01-06"))
    AlertFactory(subject=ada, due_at=moment("2025-03-10", 23), state=AlertState.RAISED)
    AlertFactory(subject=child(), due_at=moment("2025-03-10", 23), state=AlertState.RAISED)
    found = figures(ALERTS_IN_TIME, first=FIRST, last=LAST, today=TODAY)
    assert [series.name for series in found.agencies] == ["North agency", NOT_ATTRIBUTED]
    assert found.all_agencies.total.due == 2


def test_only_the_alerts_indicator_is_counted_by_check() -> None:
    with pytest.raises(ValueError):
        figures(CORE_GROUP_NOTES, first=FIRST, last=LAST, check="SHR-2")
    assert figures(ALERTS_IN_TIME, first=FIRST, last=LAST, today=TODAY, check="SHR-2").months


def test_latest_figures_give_each_indicator_over_the_last_three_months() -> None:
    today_is(TODAY)
    core_groups()
    latest = latest_figures()
    assert [line.indicator for line in latest] == list(INDICATORS)
    assert {(line.first, line.last) for line in latest} == {(day("2025-04-01"), LAST)}
    notes = latest[0].figure
    assert (notes.due, notes.met, notes.percent) == (2, 1, 50), "March is outside the three months"
    assert all(line.figure.due == 0 for line in latest[1:])


def test_alerts_by_check_name_the_check_and_who_acts() -> None:
    n = north()
    ada = child()
    InvolvementFactory(person=ada, agency=n, opened_on=day("2025-01-06"))
    AlertFactory(
        subject=ada,
        check_id="SHR-2",
        due_at=moment("2025-03-10", 23),
        state=AlertState.RESOLVED,
        resolution=Resolution.DONE,
        resolved_at=moment("2025-03-09"),
    )
    [line] = alerts_by_check(first=FIRST, last=LAST, today=TODAY)
    assert (line.check_id, line.figure.due, line.figure.met) == ("SHR-2", 1, 1)
    assert "Core group notes" in line.title and line.who == "allocated social worker"
    assert alerts_by_check(first=FIRST, last=LAST, today=TODAY, agency_id=south().pk) == []


def test_every_check_can_be_chosen() -> None:
    ids = [check_id for check_id, _ in check_choices()]
    assert "SHR-2" in ids and "DEC-3" in ids and len(ids) == len(set(ids)) >= 40


def test_the_latest_figures_take_a_fixed_number_of_queries(django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    today_is(TODAY)
    for _ in range(5):
        core_groups()
    with django_assert_max_num_queries(12):
        latest_figures()
