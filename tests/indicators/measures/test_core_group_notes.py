"""Core group notes circulated within 5 working days: met and missed, in two agencies and two
months, and the readings of the record behind it."""

from __future__ import annotations

import pytest

from tests.factories import PractitionerFactory, TeamFactory
from tests.indicators.record import WINDOW, agency, cells, child, event, moment, north, south
from threadline.agencies.models import AgencyKind
from threadline.chronology.vocabulary import EventType
from threadline.indicators.measures.core_group_notes import count
from threadline.meetings.chronicle import held_id
from threadline.meetings.models import Meeting, MeetingKind, MeetingStatus, Minutes

pytestmark = pytest.mark.django_db

CORE_GROUP, MINUTES = EventType.CORE_GROUP, EventType.MINUTES_CIRCULATED


def test_notes_in_time_are_met_and_late_ones_missed_in_each_agency_and_month() -> None:
    n, s = north(), south()
    ada, ben = child(), child()
    # North, Tuesday 4 March: due Tuesday 11 March; sent on the 10th.
    march = event(n, CORE_GROUP, "2025-03-04", [ada])
    event(n, MINUTES, "2025-03-10", [ada], refers_to=march)
    # South, Thursday 3 April: due Thursday 10 April; sent on the 14th, too late.
    april = event(s, CORE_GROUP, "2025-04-03", [ben])
    event(s, MINUTES, "2025-04-14", [ben], refers_to=april)

    assert cells(count(WINDOW)) == {("2025-03", n.pk): (1, 1), ("2025-04", s.pk): (1, 0)}


def test_notes_never_sent_are_missed_once_the_deadline_has_passed() -> None:
    n = north()
    event(n, CORE_GROUP, "2025-03-04", [child()])
    assert cells(count(WINDOW)) == {("2025-03", n.pk): (1, 0)}


def test_a_meeting_still_within_its_five_days_is_not_counted_until_the_notes_go() -> None:
    n = north()
    # Thursday 12 June: due Thursday 19 June, after "today" (16 June).
    waiting = event(n, CORE_GROUP, "2025-06-12", [child()])
    assert cells(count(WINDOW)) == {}
    event(n, MINUTES, "2025-06-13", [], refers_to=waiting)
    assert cells(count(WINDOW)) == {("2025-06", n.pk): (1, 1)}


def test_a_meeting_is_counted_in_the_month_its_deadline_falls() -> None:
    n = north()
    # Thursday 27 March: due Thursday 3 April.
    event(n, CORE_GROUP, "2025-03-27", [child()])
    assert cells(count(WINDOW)) == {("2025-04", n.pk): (1, 0)}


def test_bank_holidays_are_not_working_days() -> None:
    n = north()
    ada = child()
    # Thursday 17 April 2025, before Good Friday and Easter Monday: due Monday 28 April.
    easter = event(n, CORE_GROUP, "2025-04-17", [ada])
    event(n, MINUTES, "2025-04-28", [ada], refers_to=easter)
    assert cells(count(WINDOW)) == {("2025-04", n.pk): (1, 1)}


def test_minutes_that_answer_no_event_count_for_the_same_childs_meeting() -> None:
    n, s = north(), south()
    ada, ben = child(), child()
    event(n, CORE_GROUP, "2025-03-04", [ada])
    event(n, MINUTES, "2025-03-07", [ada])
    # South's unanswering minutes are about another child: they are not this meeting's.
    event(s, CORE_GROUP, "2025-03-04", [ben])
    event(s, MINUTES, "2025-03-07", [ada])
    assert cells(count(WINDOW)) == {("2025-03", n.pk): (1, 1), ("2025-03", s.pk): (1, 0)}


def test_minutes_answering_another_meeting_do_not_count() -> None:
    n = north()
    ada = child()
    event(n, CORE_GROUP, "2025-03-04", [ada])
    conference = event(n, EventType.CONFERENCE, "2025-03-03", [ada])
    event(n, MINUTES, "2025-03-06", [ada], refers_to=conference)
    assert cells(count(WINDOW)) == {("2025-03", n.pk): (1, 0)}


def test_other_agencies_records_of_the_meeting_are_not_counted_again() -> None:
    n = north()
    school = agency("school", AgencyKind.EDUCATION)
    ada = child()
    meeting = event(n, CORE_GROUP, "2025-03-04", [ada])
    event(school, CORE_GROUP, "2025-03-04", [ada])
    event(n, MINUTES, "2025-03-05", [ada], refers_to=meeting)
    assert cells(count(WINDOW)) == {("2025-03", n.pk): (1, 1)}


def test_minutes_answering_an_earlier_version_of_the_meeting_still_count() -> None:
    n = north()
    ada = child()
    first = event(n, CORE_GROUP, "2025-03-03", [ada], source_id="cg-1", is_current=False)
    event(n, CORE_GROUP, "2025-03-04", [ada], source_id="cg-1", version=2, supersedes=first)
    event(n, MINUTES, "2025-03-06", [ada], refers_to=first)
    assert cells(count(WINDOW)) == {("2025-03", n.pk): (1, 1)}


def test_threadlines_own_minutes_sent_to_nobody_else_count() -> None:
    n = north()
    ada = child()
    chair = PractitionerFactory(team=TeamFactory(agency=n))
    meeting = Meeting.objects.create(
        kind=MeetingKind.CORE_GROUP,
        status=MeetingStatus.HELD,
        convened_by=n,
        scheduled_for=moment("2025-03-04", 10),
        held_at=moment("2025-03-04", 10),
        reason_for_referral="Neglect",
        booked_by=chair,
        booked_at=moment("2025-02-20"),
    )
    event(n, CORE_GROUP, "2025-03-04", [ada], source_id=held_id(meeting))
    Minutes.objects.create(
        meeting=meeting,
        text="Plan reviewed.",
        written_by=chair,
        written_at=moment("2025-03-05", 9),
        due_on=moment("2025-03-11").date(),
        circulated_at=moment("2025-03-05", 10),
        circulated_by=chair,
    )
    assert cells(count(WINDOW)) == {("2025-03", n.pk): (1, 1)}
