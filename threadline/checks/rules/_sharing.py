"""Readings of the record shared by the information-sharing checks (SHR-1 to SHR-12).

Conventions (see the checks' README): the agency that tells records ``information_shared``,
``minutes_circulated``, ``transfer_notified`` or ``referral`` with the agency told as its
counterpart; the agency that receives records ``acknowledgement`` or ``minutes_received`` with
the sender as counterpart, optionally answering (``refers_to``) the event it received.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from threadline.agencies.models import AgencyKind, Nation
from threadline.checks.base import Timescale
from threadline.checks.deadlines import LONDON, local_day
from threadline.checks.facts import Facts, Happening, PersonView
from threadline.checks.patterns import occurrence_key
from threadline.chronology.models import SubjectRole
from threadline.chronology.vocabulary import EventType

CSC = AgencyKind.CHILDRENS_SOCIAL_CARE
HEALTH_KINDS = frozenset(
    {
        AgencyKind.GP,
        AgencyKind.HEALTH_VISITING,
        AgencyKind.SCHOOL_NURSING,
        AgencyKind.MIDWIFERY,
        AgencyKind.HOSPITAL,
    }
)
TELLING = frozenset(
    {
        EventType.INFORMATION_SHARED,
        EventType.MINUTES_CIRCULATED,
        EventType.TRANSFER_NOTIFIED,
        EventType.REFERRAL,
    }
)
RECEIPTS = frozenset({EventType.ACKNOWLEDGEMENT, EventType.MINUTES_RECEIVED})
# Records of one meeting by different agencies are taken as one meeting when this close; a
# wider gap between two agencies' dates is a disagreement SHR-5 asks them to settle.
MEETING_WINDOW = dt.timedelta(days=14)
# Apologies are sent in the days before a meeting, before it has a record to answer.
APOLOGIES_WINDOW = dt.timedelta(days=14)


@dataclass(frozen=True)
class DatedTimescale(Timescale):
    """A timescale counted from another date than the trigger (a meeting, a release), which each
    occurrence gives as its ``due_on``; ``working_days`` applies where that date is unknown."""

    words: str = ""

    def describe(self) -> str:
        return self.words or super().describe()


def day_of(happening: Happening) -> dt.date:
    """The UK day an event happened (``Happening.day`` would give the UTC day)."""
    return local_day(happening.at)


def start_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=LONDON)


def on(day: dt.date) -> str:
    return f"{day:%d %b %Y}"


def label(value: str) -> str:
    return value.replace("_", " ")


def nation_of(facts: Facts) -> str:
    """The nation whose bank holidays count: that of the child's social care, as the engine does."""
    for involvement in facts.subject.involvements:
        if involvement.agency.kind == CSC:
            return involvement.agency.nation
    return Nation.ENGLAND


def concerning(view: PersonView, *types: str) -> list[Happening]:
    """The person's events of these types that are about them, not ones they are only named in
    (a sibling's meeting, say)."""
    return [h for h in view.happenings(*types) if h.role != SubjectRole.MENTIONED]


def events_of(*views: PersonView) -> list[Happening]:
    """The chronologies of several people as one, each event once, in time order."""
    found = {h.pk: h for view in views for h in view.events}
    return sorted(found.values(), key=lambda h: (h.at, h.pk))


def agencies_involved(
    view: PersonView, day: dt.date, kinds: Iterable[str] | None = None
) -> dict[int, str]:
    """Agency id to name for every agency (other than children's social care, which tells the
    others) with an open involvement with the person on ``day``."""
    wanted = set(kinds) if kinds is not None else None
    return {
        involvement.agency_id: involvement.agency.name
        for involvement in view.open_involvements(day)
        if involvement.agency.kind != CSC and (wanted is None or involvement.agency.kind in wanted)
    }


def has_social_worker(view: PersonView, day: dt.date) -> bool:
    return bool(view.open_involvements(day, CSC)) or bool(view.open_episodes(day))


def sent_to_csc(h: Happening) -> bool:
    """Sent to children's social care: named as counterpart, or a referral, which goes to social
    care by definition even where the sender left the counterpart out."""
    return h.counterpart_kind == CSC or (h.type == EventType.REFERRAL and not h.counterpart_kind)


def told(
    events: Iterable[Happening],
    agency_id: int,
    since: dt.date,
    *,
    telling: Iterable[str] = TELLING,
    receipts: Iterable[str] = RECEIPTS,
    about: set[tuple[int, str]] | None = None,
) -> Happening | None:
    """The first record, on or after ``since``, that the agency was told: something sent to it,
    or its own acknowledgement of something received. With ``about``, a record that answers
    another event counts only if it answers one of these."""
    sent_types, receipt_types = set(telling), set(receipts)
    for h in events:
        if day_of(h) < since:
            continue
        if about is not None and h.refers_to is not None and h.refers_to not in about:
            continue
        if h.type in sent_types and h.counterpart_id == agency_id:
            return h
        if h.type in receipt_types and h.agency_id == agency_id:
            return h
    return None


def acknowledged_to_csc(
    events: Iterable[Happening], agency_id: int, since: dt.date
) -> Happening | None:
    """The agency's own record, on or after ``since``, of receiving what social care sent."""
    for h in events:
        if (
            h.type in RECEIPTS
            and h.agency_id == agency_id
            and h.counterpart_kind in (CSC, "")
            and day_of(h) >= since
        ):
            return h
    return None


def csc_told(
    events: Iterable[Happening],
    since: dt.date,
    *,
    by: int | None = None,
    by_kinds: Iterable[str] | None = None,
    types: Iterable[str] = TELLING,
    answering: tuple[int, str] | None = None,
) -> Happening | None:
    """The first record, on or after ``since`` (or answering the event ``answering``), that
    children's social care was told, by the agency ``by`` or an agency of ``by_kinds`` if given:
    something sent to social care, or social care's acknowledgement of it."""
    wanted = set(types)
    kinds = set(by_kinds) if by_kinds is not None else None

    def from_sender(agency_id: int | None, kind: str) -> bool:
        return by in (None, agency_id) and (kinds is None or kind in kinds)

    for h in events:
        if day_of(h) < since and (answering is None or h.refers_to != answering):
            continue
        sent = h.type in wanted and sent_to_csc(h) and from_sender(h.agency_id, h.agency_kind)
        received = (
            h.type in RECEIPTS
            and h.agency_kind == CSC
            and from_sender(h.counterpart_id, h.counterpart_kind)
        )
        if sent or received:
            return h
    return None


def csc_answered(events: Iterable[Happening], key: tuple[int, str]) -> Happening | None:
    """A record answering the event that social care made or was sent: it knows of the event."""
    for h in events:
        if h.refers_to == key and CSC in (h.agency_kind, h.counterpart_kind):
            return h
    return None


@dataclass(frozen=True)
class Meeting:
    """One meeting as the agencies recorded it: social care's record first where there is one."""

    type: str
    records: tuple[Happening, ...]

    @property
    def main(self) -> Happening:
        return self.records[0]

    @property
    def day(self) -> dt.date:
        return day_of(self.main)

    @property
    def key(self) -> str:
        return occurrence_key(self.main)

    @property
    def keys(self) -> set[tuple[int, str]]:
        return {h.key for h in self.records}

    @property
    def name(self) -> str:
        return label(self.type).capitalize()


def meetings(view: PersonView, meeting_type: str) -> list[Meeting]:
    """The distinct meetings of a type in the person's chronology.

    Social care convenes these meetings, so each day it records one is a meeting; another
    agency's record within ``MEETING_WINDOW`` of it is taken as the same meeting. Records with no
    social care record near them are a meeting per day.
    """
    records = concerning(view, meeting_type)
    by_day: dict[dt.date, list[Happening]] = {}
    for h in records:
        if h.agency_kind == CSC:
            by_day.setdefault(day_of(h), []).append(h)
    csc_days = sorted(by_day)
    for h in records:
        if h.agency_kind == CSC:
            continue
        day = day_of(h)
        near = [d for d in csc_days if abs(d - day) <= MEETING_WINDOW]
        home = min(near, key=lambda d: abs(d - day)) if near else day
        by_day.setdefault(home, []).append(h)
    return [
        Meeting(meeting_type, tuple(sorted(hs, key=lambda h: (h.agency_kind != CSC, h.at, h.pk))))
        for _, hs in sorted(by_day.items())
    ]


def next_day_after(found: list[Meeting], meeting: Meeting) -> dt.date | None:
    later = [m.day for m in found if m.day > meeting.day]
    return min(later) if later else None


def _for_meeting(
    h: Happening, meeting: Meeting, answers: set[tuple[int, str]], until: dt.date | None
) -> bool:
    """Whether a record on or after the meeting is about it: it answers the meeting (or what
    answered it), or answers nothing and comes before the next meeting of the kind."""
    if h.refers_to is not None:
        return h.refers_to in answers
    return day_of(h) >= meeting.day and (until is None or day_of(h) < until)


def minutes_for(
    events: Iterable[Happening], meeting: Meeting, until: dt.date | None
) -> list[Happening]:
    return [
        h
        for h in events
        if h.type == EventType.MINUTES_CIRCULATED and _for_meeting(h, meeting, meeting.keys, until)
    ]


def sent_to(minutes: Iterable[Happening]) -> set[int]:
    """The agencies minutes were sent to: each owes a confirmation that it has them."""
    return {h.counterpart_id for h in minutes if h.counterpart_id is not None}


def receipt_of_minutes(
    events: Iterable[Happening],
    meeting: Meeting,
    minutes: list[Happening],
    agency_id: int,
    until: dt.date | None,
) -> Happening | None:
    answers = meeting.keys | {m.key for m in minutes}
    for h in events:
        if (
            h.type in RECEIPTS
            and h.agency_id == agency_id
            and _for_meeting(h, meeting, answers, until)
        ):
            return h
    return None


def apologies_for(events: Iterable[Happening], meeting: Meeting) -> set[int]:
    """Agencies that sent apologies for the meeting: they are owed its minutes too."""
    return {
        h.agency_id
        for h in events
        if h.type == EventType.APOLOGIES
        and h.agency_kind != CSC
        and (
            h.refers_to in meeting.keys
            or meeting.day - APOLOGIES_WINDOW <= day_of(h) <= meeting.day
        )
    }


def agency_names(facts: Facts) -> dict[int, str]:
    """Agency names as the subject's record knows them: from involvements, else the agency's kind
    as seen on its events."""
    names: dict[int, str] = {}
    views = [facts.subject, *(link.other for link in facts.subject.links)]
    for view in views:
        for involvement in view.involvements:
            names.setdefault(involvement.agency_id, involvement.agency.name)
    for view in views:
        for h in view.events:
            names.setdefault(h.agency_id, AgencyKind(h.agency_kind).label)
    return names


def listing(items: Iterable[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def to_circulate(
    noun: str, owed: Iterable[int], names: dict[int, str], unconfirmed: Iterable[int] = ()
) -> str:
    """What a meeting's alert asks for: the minutes out and who must confirm receipt, or, once
    they are out, who has still to confirm."""
    waiting = listing(sorted(names.get(agency_id, "an agency") for agency_id in unconfirmed))
    if waiting:
        return f"{noun} circulated; receipt still to be confirmed by {waiting}."
    confirming = listing(sorted(names.get(agency_id, "an agency") for agency_id in owed))
    if not confirming:
        return f"{noun} to be circulated."
    return f"{noun} to be circulated, and receipt confirmed by {confirming}."


def without_receipt(
    events: list[Happening],
    meeting: Meeting,
    minutes: list[Happening],
    agencies: set[int],
    until: dt.date | None,
) -> list[int]:
    """The agencies owed the meeting's minutes that have not confirmed receiving them."""
    return [
        agency_id
        for agency_id in agencies
        if receipt_of_minutes(events, meeting, minutes, agency_id, until) is None
    ]
