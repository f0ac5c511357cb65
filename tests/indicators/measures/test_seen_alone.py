"""Children seen alone when visited: one visit per child, agency and day."""

from __future__ import annotations

import pytest

from tests.indicators.record import WINDOW, agency, cells, child, event, north, south
from threadline.agencies.models import AgencyKind
from threadline.chronology.models import SubjectRole
from threadline.chronology.vocabulary import EventType
from threadline.indicators.measures.seen_alone import count

pytestmark = pytest.mark.django_db

VISIT, SEEN, ALONE = EventType.HOME_VISIT, EventType.CHILD_SEEN, EventType.CHILD_SEEN_ALONE


def test_seen_alone_is_met_and_seen_with_a_parent_missed_in_each_agency_and_month() -> None:
    n, s = north(), south()
    ada, ben = child("2016-05-01"), child("2017-09-12")
    # North, March: a home visit, and Ada seen alone in her room.
    event(n, VISIT, "2025-03-05", [(ada, SubjectRole.PRESENT)])
    event(n, ALONE, "2025-03-05", [ada])
    # South, April: Ben seen, with his mother there.
    event(s, VISIT, "2025-04-09", [(ben, SubjectRole.PRESENT)])
    event(s, SEEN, "2025-04-09", [ben])

    assert cells(count(WINDOW)) == {("2025-03", n.pk): (1, 1), ("2025-04", s.pk): (1, 0)}


def test_a_home_visit_with_the_child_there_and_nothing_more_is_a_miss() -> None:
    n = north()
    event(n, VISIT, "2025-03-05", [(child(), SubjectRole.PRESENT)])
    assert cells(count(WINDOW)) == {("2025-03", n.pk): (1, 0)}


def test_each_agencys_visit_on_a_day_counts_for_that_agency() -> None:
    n = north()
    nurse = agency("school-nursing", AgencyKind.SCHOOL_NURSING)
    ada = child()
    event(n, ALONE, "2025-03-05", [ada])
    event(nurse, SEEN, "2025-03-05", [ada])
    event(n, SEEN, "2025-03-19", [ada])
    assert cells(count(WINDOW)) == {("2025-03", n.pk): (2, 1), ("2025-03", nurse.pk): (1, 0)}


def test_babies_adults_unknown_ages_and_children_not_there_are_left_out() -> None:
    n = north()
    baby, adult, unknown, named = (
        child("2023-01-01"),
        child("2000-01-01"),
        child(None),
        child("2015-01-01"),
    )
    for someone in (baby, adult, unknown):
        event(n, SEEN, "2025-03-05", [someone])
    event(n, VISIT, "2025-03-05", [(named, SubjectRole.MENTIONED)])
    event(n, EventType.CHILD_NOT_SEEN, "2025-03-12", [named])
    assert cells(count(WINDOW)) == {}


def test_a_visit_is_counted_in_its_own_month_from_the_age_of_four() -> None:
    n = north()
    # Four on 10 March 2025.
    ada = child("2021-03-10")
    event(n, SEEN, "2025-03-07", [ada])  # not yet four: left out
    event(n, SEEN, "2025-03-11", [ada])
    event(n, ALONE, "2025-05-30", [ada])
    assert cells(count(WINDOW)) == {("2025-03", n.pk): (1, 0), ("2025-05", n.pk): (1, 1)}
