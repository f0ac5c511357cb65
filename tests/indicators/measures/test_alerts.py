"""Learning check alerts resolved in time, counted in the database, by agency and by check."""

from __future__ import annotations

import pytest

from tests.factories import AlertFactory, InvolvementFactory
from tests.indicators.record import WINDOW, cells, child, day, moment, north, south
from threadline.agencies.models import Agency
from threadline.checks.models import Alert, AlertState, Resolution
from threadline.indicators.measures.alerts import by_check, count, count_for_check
from threadline.people.models import Person

pytestmark = pytest.mark.django_db


def known_to(agency: Agency, opened: str = "2025-01-06") -> Person:
    ada = child()
    InvolvementFactory(person=ada, agency=agency, opened_on=day(opened))
    return ada


def resolved(subject: Person, due: str, closed: str, **extra: object) -> Alert:
    fields = {"resolution": Resolution.DONE, **extra}
    return AlertFactory(
        subject=subject,
        due_at=moment(due, 23),
        state=AlertState.RESOLVED,
        resolved_at=moment(closed, 10),
        **fields,
    )


def raised(subject: Person, due: str, **extra: object) -> Alert:
    return AlertFactory(
        subject=subject,
        due_at=moment(due, 23),
        state=AlertState.RAISED,
        raised_at=moment(due, 23),
        **extra,
    )


def test_resolved_in_time_is_met_and_raised_is_missed_in_each_agency_and_month() -> None:
    n, s = north(), south()
    ada, ben = known_to(n), known_to(s)
    resolved(ada, due="2025-03-10", closed="2025-03-07")
    raised(ben, due="2025-04-15")
    assert cells(count(WINDOW)) == {("2025-03", n.pk): (1, 1), ("2025-04", s.pk): (1, 0)}


def test_resolved_after_the_deadline_is_missed_and_a_judgement_in_time_is_met() -> None:
    n = north()
    ada = known_to(n)
    resolved(ada, due="2025-03-10", closed="2025-03-14")
    resolved(ada, due="2025-03-20", closed="2025-03-18", resolution=Resolution.JUDGEMENT)
    assert cells(count(WINDOW)) == {("2025-03", n.pk): (2, 1)}


def test_alerts_that_no_longer_apply_and_alerts_not_yet_due_are_left_out() -> None:
    n = north()
    ada = known_to(n)
    resolved(ada, due="2025-03-10", closed="2025-03-07", resolution=Resolution.NO_LONGER_APPLIES)
    AlertFactory(subject=ada, due_at=moment("2025-06-20", 23))  # watching: not yet due
    assert cells(count(WINDOW)) == {}


def test_a_watched_alert_past_its_deadline_is_missed_even_before_the_tick_raises_it() -> None:
    n = north()
    AlertFactory(subject=known_to(n), due_at=moment("2025-06-13", 23))
    assert cells(count(WINDOW)) == {("2025-06", n.pk): (1, 0)}


def test_an_alert_counts_against_the_social_care_working_with_the_child_when_triggered() -> None:
    n, s = north(), south()
    ada = known_to(n, opened="2025-01-06")
    InvolvementFactory(person=ada, agency=s, opened_on=day("2025-03-20"))  # moved later
    resolved(ada, due="2025-03-10", closed="2025-03-07", trigger_at=moment("2025-03-03"))
    resolved(ada, due="2025-04-10", closed="2025-04-07", trigger_at=moment("2025-04-03"))
    stranger = child()
    raised(stranger, due="2025-04-15")
    assert cells(count(WINDOW)) == {
        ("2025-03", n.pk): (1, 1),
        ("2025-04", None): (1, 0),
        ("2025-04", s.pk): (1, 1),
    }


def test_by_check_and_for_one_check() -> None:
    n, s = north(), south()
    ada, ben = known_to(n), known_to(s)
    resolved(ada, due="2025-03-10", closed="2025-03-07", check_id="SHR-2")
    raised(ada, due="2025-03-12", check_id="DEC-3")
    raised(ben, due="2025-04-15", check_id="DEC-3")

    everyone = {(f.check_id, f.due, f.met, f.raised) for f in by_check(WINDOW)}
    assert everyone == {("DEC-3", 2, 0, 2), ("SHR-2", 1, 1, 0)}
    south_only = {(f.check_id, f.due, f.met) for f in by_check(WINDOW, s.pk)}
    assert south_only == {("DEC-3", 1, 0)}
    assert cells(count_for_check(WINDOW, "DEC-3")) == {
        ("2025-03", n.pk): (1, 0),
        ("2025-04", s.pk): (1, 0),
    }


def test_months_are_london_months() -> None:
    n = north()
    # Due at 23:59 on 31 March in London: 22:59 UTC, still March.
    resolved(known_to(n), due="2025-03-31", closed="2025-03-30")
    # Due 00:30 on 1 June in London (BST): 23:30 UTC on 31 May, but June here.
    AlertFactory(
        subject=known_to(n),
        due_at=moment("2025-06-01").replace(minute=30),
        state=AlertState.RAISED,
    )
    assert cells(count(WINDOW)) == {("2025-03", n.pk): (1, 1), ("2025-06", n.pk): (1, 0)}
