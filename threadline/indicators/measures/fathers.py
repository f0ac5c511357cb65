"""Plans where the father or male carer is involved (NET-2; Ak Rec 4, Q finding 4).

Read the way NET-2 reads the record. For a child on a child in need or child protection plan,
each conference, core group and child in need review is one meeting however many agencies
recorded it; each father, stepfather or male carer linked to the child that day (and alive) is
involved in it when he is on any agency's record of it (present, invited or sending apologies),
or his own record shows him invited to it, the meeting set up with him, or his apologies.

The indicator counts plans, not meetings: a plan is due in each month one of its meetings was
held while the child had a known father or male carer, and met when every such man was involved
in every such meeting that month. One missing father at one meeting misses the plan's month.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from threadline.casework.models import EpisodeKind, StatusEpisode
from threadline.checks.rules.net_2 import (
    ASKED,
    INVITATION_LEAD,
    MALE_CARING_ROLES,
    MEETINGS,
    ON_THE_MEETING,
)
from threadline.chronology.models import EventPerson
from threadline.feeds.context import chunked
from threadline.indicators.measures._record import local_day, occurred_within
from threadline.indicators.months import month_of
from threadline.indicators.tally import Tally, Window
from threadline.people.models import Relationship, Sex

# A child protection plan stands for the child when a child in need plan is open beside it.
PLAN_KINDS = (EpisodeKind.CHILD_PROTECTION, EpisodeKind.CHILD_IN_NEED)
# How far before the window an invitation that names or answers its meeting is looked for.
ASKED_LOOK_BACK = dt.timedelta(days=92)
Key = tuple[int, str]


@dataclass
class Meeting:
    """One meeting of a child, as every agency recorded it (same type, same London day)."""

    day: dt.date
    events: set[int] = field(default_factory=set)
    keys: set[Key] = field(default_factory=set)


@dataclass(frozen=True)
class Plan:
    pk: int
    kind: str
    started_on: dt.date
    ended_on: dt.date | None
    agency_id: int

    def open_on(self, day: dt.date) -> bool:
        return self.started_on <= day and (self.ended_on is None or day < self.ended_on)


@dataclass(frozen=True)
class Man:
    pk: int
    started_on: dt.date | None
    ended_on: dt.date | None
    died_on: dt.date | None


@dataclass(frozen=True)
class Asked:
    day: dt.date
    due_on: dt.date | None
    refers_to: Key | None


@dataclass
class Record:
    """What the window's meetings say: each child's meetings and who is on each event."""

    meetings: dict[int, dict[tuple[str, dt.date], Meeting]] = field(
        default_factory=lambda: defaultdict(dict)
    )
    on_event: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    born: dict[int, dt.date | None] = field(default_factory=dict)


def count(window: Window) -> Tally:
    record = _meetings(window)
    plans = _plans(record.meetings)
    men = _men(plans)
    asked = _asked({man.pk for found in men.values() for man in found}, window)
    outcome: dict[tuple[int, int, dt.date], tuple[int, bool]] = {}
    for child_id, meetings in record.meetings.items():
        for meeting in meetings.values():
            plan = _plan_on(plans.get(child_id, []), meeting.day)
            here = _men_on(men.get(child_id, []), meeting.day, record.born.get(child_id))
            if plan is None or not here:
                continue
            involved = all(_involved(man, meeting, record, asked) for man in here)
            if not window.settled(meeting.day, met=involved):
                continue  # held today: his part may still be recorded
            key = (child_id, plan.pk, month_of(meeting.day))
            _, so_far = outcome.get(key, (plan.agency_id, True))
            outcome[key] = (plan.agency_id, so_far and involved)
    tally = Tally()
    for (_, _, month), (agency_id, met) in outcome.items():
        tally.add(month, agency_id, met=met)
    return tally


def _meetings(window: Window) -> Record:
    record = Record()
    links = EventPerson.objects.filter(
        occurred_within(window.first, window.last), event_type__in=MEETINGS, is_current=True
    ).values_list(
        "person_id",
        "event_id",
        "event_type",
        "occurred_at",
        "role",
        "event__agency_id",
        "event__source_id",
        "person__date_of_birth",
        "person__expected_date_of_birth",
    )
    for person_id, event_id, kind, at, role, agency_id, source_id, born, expected in links:
        day = local_day(at)
        meeting = record.meetings[person_id].setdefault((kind, day), Meeting(day))
        meeting.events.add(event_id)
        meeting.keys.add((agency_id, source_id))
        if role in ON_THE_MEETING:
            record.on_event[event_id].add(person_id)
        record.born[person_id] = born or expected
    return record


def _plans(meetings: dict[int, dict]) -> dict[int, list[Plan]]:
    plans: dict[int, list[Plan]] = defaultdict(list)
    for chunk in chunked(sorted(meetings)):
        rows = StatusEpisode.objects.filter(person_id__in=chunk, kind__in=PLAN_KINDS).values_list(
            "person_id", "pk", "kind", "started_on", "ended_on", "agency_id"
        )
        for person_id, pk, kind, started_on, ended_on, agency_id in rows:
            plans[person_id].append(Plan(pk, kind, started_on, ended_on, agency_id))
    return plans


def _plan_on(plans: list[Plan], day: dt.date) -> Plan | None:
    open_ones = [plan for plan in plans if plan.open_on(day)]
    return min(
        open_ones,
        key=lambda p: (PLAN_KINDS.index(EpisodeKind(p.kind)), p.started_on, p.pk),
        default=None,
    )


def _men(plans: dict[int, list[Plan]]) -> dict[int, list[Man]]:
    """Each child's fathers, stepfathers and male carers, as the record links them."""
    men: dict[int, list[Man]] = defaultdict(list)
    for chunk in chunked(sorted(plans)):
        rows = Relationship.objects.filter(
            relative_id__in=chunk, kind__in=MALE_CARING_ROLES, person__sex=Sex.MALE
        ).values_list("relative_id", "person_id", "started_on", "ended_on", "person__date_of_death")
        for child_id, pk, started_on, ended_on, died_on in rows:
            men[child_id].append(Man(pk, started_on, ended_on, died_on))
    return men


def _men_on(men: Iterable[Man], day: dt.date, born: dt.date | None) -> list[Man]:
    """The men linked to the child on the day, alive, each once (as NET-2's ``_men``). A link
    dated from the child's birth or before was there from the start."""
    found: dict[int, Man] = {}
    for man in men:
        if man.ended_on is not None and man.ended_on <= day:
            continue
        joined = man.started_on is not None and (born is None or man.started_on > born)
        if joined and man.started_on is not None and man.started_on > day:
            continue
        if man.died_on is not None and man.died_on <= day:
            continue
        found.setdefault(man.pk, man)
    return list(found.values())


def _asked(men: set[int], window: Window) -> dict[int, list[Asked]]:
    asked: dict[int, list[Asked]] = defaultdict(list)
    since = window.first - ASKED_LOOK_BACK
    for chunk in chunked(sorted(men)):
        rows = EventPerson.objects.filter(
            occurred_within(since, window.last),
            person_id__in=chunk,
            event_type__in=ASKED,
            is_current=True,
        ).values_list(
            "person_id",
            "occurred_at",
            "event__due_on",
            "event__refers_to__agency_id",
            "event__refers_to__source_id",
        )
        for person_id, at, due_on, agency_id, source_id in rows:
            refers = (agency_id, source_id) if agency_id is not None else None
            asked[person_id].append(Asked(local_day(at), due_on, refers))
    return asked


def _involved(man: Man, meeting: Meeting, record: Record, asked: dict[int, list[Asked]]) -> bool:
    if any(man.pk in record.on_event[event_id] for event_id in meeting.events):
        return True
    return any(_for_meeting(invitation, meeting) for invitation in asked.get(man.pk, []))


def _for_meeting(asked: Asked, meeting: Meeting) -> bool:
    """An invitation points at the meeting, names its date, or went out in the month before."""
    if asked.refers_to is not None:
        return asked.refers_to in meeting.keys
    if asked.due_on is not None:
        return asked.due_on == meeting.day
    return meeting.day - INVITATION_LEAD <= asked.day <= meeting.day
