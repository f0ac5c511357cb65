"""Assessments completed within 45 working days, read as DEC-3 reads the record."""

from __future__ import annotations

import pytest

from tests.indicators.record import WINDOW, cells, child, event, north, south
from threadline.chronology.models import SubjectRole
from threadline.chronology.vocabulary import EventType, Outcome
from threadline.indicators.measures.assessments import count

pytestmark = pytest.mark.django_db

REFERRAL, STARTED, COMPLETED = (
    EventType.REFERRAL,
    EventType.ASSESSMENT_STARTED,
    EventType.ASSESSMENT_COMPLETED,
)


def test_completed_in_time_is_met_and_late_is_missed_in_each_agency_and_month() -> None:
    n, s = north(), south()
    ada, ben = child(), child()
    # North: accepted Monday 3 March, due Thursday 8 May; completed 2 May.
    event(n, REFERRAL, "2025-03-03", [ada], outcome=Outcome.SINGLE_ASSESSMENT)
    event(n, STARTED, "2025-03-05", [ada], outcome=Outcome.SINGLE_ASSESSMENT)
    event(n, COMPLETED, "2025-05-02", [ada])
    # South: started Tuesday 1 April with no referral on record, due Monday 9 June; completed
    # on the 10th.
    event(s, STARTED, "2025-04-01", [ben])
    event(s, COMPLETED, "2025-06-10", [ben])

    assert cells(count(WINDOW)) == {("2025-05", n.pk): (1, 1), ("2025-06", s.pk): (1, 0)}


def test_an_assessment_never_completed_is_missed_once_past_its_deadline() -> None:
    n = north()
    event(n, REFERRAL, "2025-03-03", [child()], outcome=Outcome.SECTION_47)
    assert cells(count(WINDOW)) == {("2025-05", n.pk): (1, 0)}


def test_a_decision_to_take_no_further_action_ends_the_assessment() -> None:
    n = north()
    ada = child()
    event(n, REFERRAL, "2025-03-03", [ada], outcome=Outcome.SINGLE_ASSESSMENT)
    event(n, EventType.DECISION, "2025-04-10", [ada], outcome=Outcome.NO_FURTHER_ACTION)
    assert cells(count(WINDOW)) == {("2025-05", n.pk): (1, 1)}


def test_a_decision_that_does_not_end_the_work_does_not() -> None:
    n = north()
    ada = child()
    event(n, REFERRAL, "2025-03-03", [ada], outcome=Outcome.SINGLE_ASSESSMENT)
    event(n, EventType.DECISION, "2025-04-10", [ada], outcome=Outcome.CIN_PLAN)
    assert cells(count(WINDOW)) == {("2025-05", n.pk): (1, 0)}


def test_the_clock_runs_from_the_referral_not_the_start() -> None:
    n = north()
    ada = child()
    # Accepted 3 March (due 8 May), started 10 March (which alone would be due 15 May).
    event(n, REFERRAL, "2025-03-03", [ada], outcome=Outcome.SINGLE_ASSESSMENT)
    event(n, STARTED, "2025-03-10", [ada], outcome=Outcome.SINGLE_ASSESSMENT)
    event(n, COMPLETED, "2025-05-12", [ada])
    assert cells(count(WINDOW)) == {("2025-05", n.pk): (1, 0)}


def test_one_start_recorded_by_two_agencies_on_a_day_is_one_assessment() -> None:
    n, s = north(), south()
    ada = child()
    event(n, STARTED, "2025-03-03", [ada])
    event(s, STARTED, "2025-03-03", [ada])
    assert cells(count(WINDOW)) == {("2025-05", n.pk): (1, 0)}


def test_referrals_not_accepted_for_assessment_and_other_assessments_are_not_counted() -> None:
    n = north()
    ada = child()
    event(n, REFERRAL, "2025-03-03", [ada])  # not (yet) accepted for an assessment
    event(n, STARTED, "2025-03-04", [ada], outcome=Outcome.PARENTING)
    assert cells(count(WINDOW)) == {}


def test_a_child_only_mentioned_in_a_referral_has_no_assessment_due() -> None:
    n = north()
    event(n, REFERRAL, "2025-03-03", [(child(), SubjectRole.MENTIONED)], outcome=Outcome.SECTION_47)
    assert cells(count(WINDOW)) == {}


def test_an_assessment_within_its_time_is_counted_only_once_complete() -> None:
    n = north()
    ada = child()
    # Accepted Thursday 17 April: due Wednesday 25 June, after "today" (16 June).
    event(n, REFERRAL, "2025-04-17", [ada], outcome=Outcome.SINGLE_ASSESSMENT)
    assert cells(count(WINDOW)) == {}
    event(n, COMPLETED, "2025-06-10", [ada])
    assert cells(count(WINDOW)) == {("2025-06", n.pk): (1, 1)}
