"""Statutory timescales for meetings and minutes (Working Together 2023), overridable per
partnership with ``THREADLINE_TIMESCALES`` in settings."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace

from django.conf import settings

from threadline.meetings.models import MeetingKind
from threadline.workingdays import add_working_days


@dataclass(frozen=True)
class Timescales:
    icpc_after_strategy_wd: int = 15
    first_core_group_after_icpc_wd: int = 10
    first_review_after_icpc_months: int = 3
    later_reviews_months: int = 6
    core_group_notes_wd: int = 5
    minutes_wd: int = 10


def timescales() -> Timescales:
    overrides = getattr(settings, "THREADLINE_TIMESCALES", {}) or {}
    return replace(Timescales(), **overrides)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or that month's last day when it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def latest_day(kind: str, follows_kind: str, follows_day: dt.date, nation: str) -> dt.date | None:
    """The last day a meeting of ``kind`` may be held after the meeting it follows, or None where
    no timescale applies."""
    scales = timescales()
    if kind == MeetingKind.ICPC and follows_kind == MeetingKind.STRATEGY_DISCUSSION:
        return add_working_days(follows_day, scales.icpc_after_strategy_wd, nation)
    if kind == MeetingKind.CORE_GROUP and follows_kind == MeetingKind.ICPC:
        return add_working_days(follows_day, scales.first_core_group_after_icpc_wd, nation)
    if kind == MeetingKind.RCPC and follows_kind in (MeetingKind.ICPC, MeetingKind.TRANSFER_IN):
        return add_months(follows_day, scales.first_review_after_icpc_months)
    if kind == MeetingKind.RCPC and follows_kind == MeetingKind.RCPC:
        return add_months(follows_day, scales.later_reviews_months)
    return None


def minutes_due(kind: str, held_on: dt.date, nation: str) -> dt.date:
    scales = timescales()
    days = scales.core_group_notes_wd if kind == MeetingKind.CORE_GROUP else scales.minutes_wd
    return add_working_days(held_on, days, nation)
