"""NET-2: a child on a plan with a known father or male carer: he is invited to and recorded at
each of the child's meetings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import groupby

from threadline.checks.base import Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts, Happening, Link, PersonView
from threadline.checks.patterns import occurrence_key
from threadline.checks.rules._network import (
    adult_links,
    day_of,
    label,
    period_on,
    plan_periods,
    when,
    who,
)
from threadline.chronology.vocabulary import EventType

MEETINGS = (EventType.CONFERENCE, EventType.CORE_GROUP, EventType.CIN_REVIEW)
MALE_CARING_ROLES = frozenset({"parent", "step_parent", "carer"})
# Being on the meeting's record in any of these roles shows he was part of it.
ON_THE_MEETING = frozenset({"subject", "present", "invited", "apologies"})
# Or his own record of being asked: an invitation, the meeting being set up with him, apologies.
ASKED = (EventType.INVITATION, EventType.MEETING_SCHEDULED, EventType.APOLOGIES)
INVITATION_LEAD = dt.timedelta(days=30)


class FatherInvolvedInMeetings(Check):
    id = "NET-2"
    title = "A father or male carer is invited to and involved in the child's meetings"
    provenance = (
        Provenance(
            "Ak",
            "Rec 4",
            "To include fathers or partners (including those who have contact) actively in all "
            "processes (especially in parenting assessments, meetings and plans).",
        ),
        Provenance(
            "Q",
            "finding 4",
            "The input and cooperation of the mother, was prioritized at the expense of not "
            "engaging the other parent (father) in the child protection process.",
        ),
    )
    must = "Invite the child's father or male carer to the meeting and record his involvement"
    resolves = (
        "he is on the meeting's record (present, invited or sent apologies), or an invitation, "
        "scheduling or apologies concerning him for that meeting"
    )
    timescale = Timescale(working_days=None)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        plans = plan_periods(child)
        for records in _meetings(child):
            meeting = records[0]
            day = day_of(meeting)
            if period_on(plans, day) is None:
                continue
            for link in _men(child, day):
                yield Occurrence(
                    key=f"{occurrence_key(meeting)}:man:{link.other.pk}",
                    trigger_at=meeting.at,
                    done=_involved(link.other, records),
                    detail=f"{label(meeting).capitalize()} on {when(day)}: {who(link)} is not "
                    "recorded as invited, present or sending apologies.",
                )


def _meetings(child: PersonView) -> Iterator[list[Happening]]:
    """Each meeting once, with every agency's record of it (they record the same meeting)."""
    ordered = sorted(child.happenings(*MEETINGS), key=lambda h: (h.type, day_of(h), h.at))
    for _, records in groupby(ordered, key=lambda h: (h.type, day_of(h))):
        yield list(records)


def _men(child: PersonView, day: dt.date) -> list[Link]:
    return [
        link
        for link in adult_links(child, day, MALE_CARING_ROLES)
        if link.other.is_male and not _dead_by(link.other, day)
    ]


def _dead_by(view: PersonView, day: dt.date) -> bool:
    died = view.person.date_of_death
    return died is not None and died <= day


def _involved(man: PersonView, records: list[Happening]) -> bool:
    keys = {record.key for record in records}
    day = day_of(records[0])
    for happening in man.events:
        if happening.key in keys and happening.role in ON_THE_MEETING:
            return True
        if happening.type in ASKED and _for_meeting(happening, keys, day):
            return True
    return False


def _for_meeting(happening: Happening, keys: set[tuple[int, str]], day: dt.date) -> bool:
    """An invitation points at the meeting, names its date, or went out in the month before."""
    if happening.refers_to is not None:
        return happening.refers_to in keys
    if happening.due_on is not None:
        return happening.due_on == day
    return day - INVITATION_LEAD <= day_of(happening) <= day


CHECK = FatherInvolvedInMeetings()
