"""Core group notes circulated within five working days of the meeting (SHR-2, Ag findings).

A core group is counted once, as the children's social care agency that convened it recorded it:
other agencies often record the same meeting on their own systems, and counting theirs too would
count one meeting several times. Its notes are out when that agency records minutes circulated
answering the meeting; or, where an agency's system cannot say which meeting it answers, minutes
about one of the same children recorded between the meeting and the deadline; or when Threadline's
own minutes record shows them sent (which writes no chronology event when nobody else is owed).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet

from threadline.agencies.models import AgencyKind
from threadline.chronology.models import Event, EventPerson
from threadline.chronology.vocabulary import EventType
from threadline.indicators.measures._record import local_day, margin, occurred_within
from threadline.indicators.tally import Tally, Window
from threadline.meetings.chronicle import held_id
from threadline.meetings.models import Meeting, MeetingKind, Minutes
from threadline.meetings.timescales import timescales
from threadline.workingdays import add_working_days

Key = tuple[int, str]  # (agency id, the agency's own id): stable across corrections


@dataclass(frozen=True)
class CoreGroup:
    pk: int
    key: Key
    agency_id: int
    day: dt.date
    deadline: dt.date


def count(window: Window) -> Tally:
    days = timescales().core_group_notes_wd
    since = window.first - margin(days)
    meetings = Event.objects.filter(
        occurred_within(since, window.last),
        event_type=EventType.CORE_GROUP,
        is_current=True,
        agency__kind=AgencyKind.CHILDRENS_SOCIAL_CARE,
    )
    groups = [
        CoreGroup(pk, (agency_id, source_id), agency_id, day, add_working_days(day, days, nation))
        for pk, agency_id, source_id, day, nation in _rows(meetings)
    ]
    sent = _first_sent(groups, meetings, since, window.last)
    tally = Tally()
    for group in groups:
        first = sent.get(group.pk)
        met = first is not None and first <= group.deadline
        if window.counts(group.deadline, met=met):
            tally.add(group.deadline, group.agency_id, met=met)
    return tally


def _rows(meetings: QuerySet[Event]) -> list[tuple[int, int, str, dt.date, str]]:
    rows = meetings.values_list("pk", "agency_id", "source_id", "occurred_at", "agency__nation")
    return [(pk, agency, source, local_day(at), nation) for pk, agency, source, at, nation in rows]


def _first_sent(
    groups: list[CoreGroup], meetings: QuerySet[Event], since: dt.date, until: dt.date
) -> dict[int, dt.date]:
    """The first day each meeting's notes were sent, on or after the meeting, where known."""
    by_key = {group.key: group for group in groups}
    first: dict[int, dt.date] = {}

    def sent(group: CoreGroup | None, day: dt.date) -> None:
        if group is not None and day >= group.day and day < first.get(group.pk, dt.date.max):
            first[group.pk] = day

    minutes = Event.objects.filter(
        occurred_within(since, until), event_type=EventType.MINUTES_CIRCULATED, is_current=True
    )
    answering = minutes.filter(refers_to__isnull=False).values_list(
        "refers_to__agency_id", "refers_to__source_id", "occurred_at"
    )
    for agency_id, source_id, at in answering:
        sent(by_key.get((agency_id, source_id)), local_day(at))
    for meeting_id, agency_id, at in _threadline_minutes(since, until):
        sent(by_key.get((agency_id, held_id(Meeting(pk=meeting_id)))), local_day(at))
    for group, day in _unanswering(groups, meetings, minutes):
        sent(group, day)
    return first


def _threadline_minutes(since: dt.date, until: dt.date) -> QuerySet[Minutes, tuple]:
    return Minutes.objects.filter(
        occurred_within(since, until, "circulated_at"), meeting__kind=MeetingKind.CORE_GROUP
    ).values_list("meeting_id", "meeting__convened_by_id", "circulated_at")


def _unanswering(
    groups: list[CoreGroup], meetings: QuerySet[Event], minutes: QuerySet[Event]
) -> list[tuple[CoreGroup, dt.date]]:
    """Minutes that answer no event, matched to a meeting of the same agency about one of the
    same children: the first recorded between the meeting and its deadline."""
    days: dict[tuple[int, int], list[dt.date]] = defaultdict(list)
    loose = EventPerson.objects.filter(event__in=minutes.filter(refers_to__isnull=True))
    for person_id, agency_id, at in loose.values_list("person_id", "agency_id", "occurred_at"):
        days[(agency_id, person_id)].append(local_day(at))
    for found in days.values():
        found.sort()
    people: dict[int, list[int]] = defaultdict(list)
    on_meetings = EventPerson.objects.filter(event__in=meetings)
    for event_id, person_id in on_meetings.values_list("event_id", "person_id"):
        people[event_id].append(person_id)
    matched = []
    for group in groups:
        for person_id in people[group.pk]:
            found = days.get((group.agency_id, person_id), [])
            index = bisect.bisect_left(found, group.day)
            if index < len(found) and found[index] <= group.deadline:
                matched.append((group, found[index]))
    return matched
