import datetime as dt

from django.test import override_settings
from hypothesis import given
from hypothesis import strategies as st

from threadline.meetings.models import MeetingKind
from threadline.meetings.timescales import add_months, latest_day, minutes_due
from threadline.workingdays import is_working_day, working_days_between

days = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31))


@given(days, st.integers(min_value=0, max_value=24))
def test_add_months_lands_in_the_right_month_never_past_its_end(day: dt.date, months: int) -> None:
    later = add_months(day, months)
    assert (later.year - day.year) * 12 + later.month - day.month == months
    assert later.day <= day.day
    if later.day < day.day:  # only ever clipped to a shorter month's last day
        assert (later + dt.timedelta(days=1)).month != later.month


@given(days)
def test_the_icpc_is_due_fifteen_working_days_after_the_strategy_discussion(day: dt.date) -> None:
    due = latest_day(MeetingKind.ICPC, MeetingKind.STRATEGY_DISCUSSION, day, "ENG")
    assert due is not None and is_working_day(due, "ENG")
    assert working_days_between(day, due, "ENG") == 15


@given(days)
def test_reviews_come_three_months_after_the_icpc_then_six_monthly(day: dt.date) -> None:
    first = latest_day(MeetingKind.RCPC, MeetingKind.ICPC, day, "ENG")
    later = latest_day(MeetingKind.RCPC, MeetingKind.RCPC, day, "ENG")
    assert first == add_months(day, 3) and later == add_months(day, 6)


@given(days)
def test_core_group_notes_are_due_sooner_than_conference_minutes(day: dt.date) -> None:
    notes = minutes_due(MeetingKind.CORE_GROUP, day, "ENG")
    minutes = minutes_due(MeetingKind.ICPC, day, "ENG")
    assert working_days_between(day, notes, "ENG") == 5
    assert working_days_between(day, minutes, "ENG") == 10


def test_a_partnership_can_set_its_own_timescales() -> None:
    with override_settings(THREADLINE_TIMESCALES={"minutes_wd": 7}):
        due = minutes_due(MeetingKind.ICPC, dt.date(2024, 3, 4), "ENG")
    assert due == dt.date(2024, 3, 13)


def test_no_timescale_between_unrelated_meetings() -> None:
    assert latest_day(MeetingKind.MARAC, MeetingKind.ICPC, dt.date(2024, 3, 4), "ENG") is None
