"""Assessments completed within 45 working days of the referral (DEC-3, Ak Rec 7).

Read the way DEC-3 reads the record, so the indicator counts the check's own occurrences: the
clock starts at a referral accepted for a single assessment or section 47 enquiry, or at an
assessment started with no such referral in the 60 days before it; it stops at an assessment
completed, or a decision to take no further action or close, recorded for the child on or after
that day. Several agencies' records of one start on one day are one start.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q

from threadline.checks.rules._planning import SUBJECT_ROLES
from threadline.checks.rules.dec_3 import (
    ACCEPTED_FOR_ASSESSMENT,
    DAYS,
    ENDING_DECISIONS,
    LOOK_BACK,
    UNREFERRED_STARTS,
)
from threadline.chronology.models import EventPerson
from threadline.chronology.vocabulary import EventType
from threadline.indicators.measures._record import local_day, margin, occurred_within
from threadline.indicators.tally import Tally, Window
from threadline.workingdays import add_working_days

STARTS = (EventType.REFERRAL, EventType.ASSESSMENT_STARTED)


@dataclass(frozen=True)
class Row:
    type: str
    at: dt.datetime
    day: dt.date
    agency_id: int
    nation: str
    outcome: str
    about: bool  # the child is its subject, not only present or named


def count(window: Window) -> Tally:
    since = window.first - margin(DAYS) - LOOK_BACK
    tally = Tally()
    for rows in _by_child(since, window.last).values():
        ends = sorted(row.day for row in rows if _ends(row))
        for start in _starts(rows):
            deadline = add_working_days(start.day, DAYS, start.nation)
            met = any(start.day <= day <= deadline for day in ends)
            if window.counts(deadline, met=met):
                tally.add(deadline, start.agency_id, met=met)
    return tally


def _by_child(since: dt.date, until: dt.date) -> dict[int, list[Row]]:
    wanted = Q(event_type__in=[*STARTS, EventType.ASSESSMENT_COMPLETED]) | Q(
        event_type=EventType.DECISION, event__outcome__in=ENDING_DECISIONS
    )
    links = EventPerson.objects.filter(wanted, occurred_within(since, until), is_current=True)
    rows: dict[int, list[Row]] = defaultdict(list)
    fields = ("person_id", "event_type", "occurred_at", "agency_id", "agency__nation")
    for person_id, kind, at, agency_id, nation, outcome, role in links.order_by(
        "occurred_at", "event_id"
    ).values_list(*fields, "event__outcome", "role"):
        rows[person_id].append(
            Row(kind, at, local_day(at), agency_id, nation, outcome, role in SUBJECT_ROLES)
        )
    return rows


def _ends(row: Row) -> bool:
    return row.type in (EventType.ASSESSMENT_COMPLETED, EventType.DECISION)


def _starts(rows: list[Row]) -> list[Row]:
    """Referrals accepted for assessment, and assessments started without one (as DEC-3)."""
    accepted = _one_per_day(
        r
        for r in rows
        if r.about and r.type == EventType.REFERRAL and r.outcome in ACCEPTED_FOR_ASSESSMENT
    )
    starts = list(accepted)
    started = _one_per_day(r for r in rows if r.about and r.type == EventType.ASSESSMENT_STARTED)
    for row in started:
        if row.outcome in UNREFERRED_STARTS and not any(
            row.at - LOOK_BACK <= referral.at <= row.at for referral in accepted
        ):
            starts.append(row)
    return starts


def _one_per_day(rows: Iterable[Row]) -> list[Row]:
    """The first record of each day stands for the others: agencies record one start apiece."""
    kept: dict[dt.date, Row] = {}
    for row in rows:
        kept.setdefault(row.day, row)
    return list(kept.values())
