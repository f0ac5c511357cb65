"""Meetings into the shared chronology.

Every step of a meeting that other agencies and the learning checks need to see (booked,
invited, apologies, held, actions set and done, minutes sent and received) becomes a chronology
event, written through the same ingest as any agency's feed, in the same transaction as the
meeting record. Event ids are derived from the meeting's, so writing a step twice changes nothing
and a changed step (a new date) is a new version of its event.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from threadline import clock
from threadline.agencies.models import Agency, Practitioner
from threadline.chronology.models import SubjectRole
from threadline.chronology.vocabulary import EventType, Outcome
from threadline.feeds.services import ingest_feed
from threadline.meetings.models import (
    Meeting,
    MeetingAction,
    MeetingKind,
    Minutes,
    MinutesCopy,
    Response,
)
from threadline.people.models import Person, PersonRecord

HELD_AS: dict[str, tuple[str, str]] = {
    MeetingKind.STRATEGY_DISCUSSION: (EventType.STRATEGY_DISCUSSION, ""),
    MeetingKind.ICPC: (EventType.CONFERENCE, Outcome.ICPC),
    MeetingKind.RCPC: (EventType.CONFERENCE, Outcome.RCPC),
    MeetingKind.TRANSFER_IN: (EventType.CONFERENCE, Outcome.TRANSFER_IN),
    MeetingKind.CORE_GROUP: (EventType.CORE_GROUP, ""),
    MeetingKind.CIN_REVIEW: (EventType.CIN_REVIEW, ""),
    MeetingKind.TEAM_AROUND_FAMILY: (EventType.MEETING, Outcome.EARLY_HELP),
    MeetingKind.PROFESSIONALS: (EventType.PROFESSIONALS_MEETING, ""),
    MeetingKind.MARAC: (EventType.MARAC, ""),
    MeetingKind.GP_SAFEGUARDING: (EventType.GP_SAFEGUARDING_MEETING, ""),
}
# The outcome word a booking carries, which says what kind of meeting is coming.
BOOKED_AS: dict[str, str] = {
    MeetingKind.ICPC: Outcome.ICPC,
    MeetingKind.RCPC: Outcome.RCPC,
    MeetingKind.TRANSFER_IN: Outcome.TRANSFER_IN,
    MeetingKind.CORE_GROUP: Outcome.CP_PLAN,
    MeetingKind.CIN_REVIEW: Outcome.CIN_PLAN,
}


def booking_id(meeting: Meeting) -> str:
    return f"tl-meeting-{meeting.pk}-booked"


def held_id(meeting: Meeting) -> str:
    return f"tl-meeting-{meeting.pk}"


def action_id(action: MeetingAction) -> str:
    return f"tl-meeting-{action.meeting_id}-action-{action.pk}"


def copy_id(copy: MinutesCopy) -> str:
    return f"tl-meeting-{copy.minutes.meeting_id}-minutes-{copy.agency.code}"


# A family member's part in a meeting, from their answer, as the chronology records it.
FAMILY_ROLE = {
    Response.ATTENDED: SubjectRole.PRESENT,
    Response.APOLOGIES: SubjectRole.APOLOGIES,
}


def _reference(person: Person, agency_id: int) -> dict[str, str]:
    """A feed reference to a person: the given agency's own record where it has one."""
    records = PersonRecord.objects.filter(person=person).select_related("agency")
    record = min(records, key=lambda r: (r.agency_id != agency_id, r.pk))
    return {"agency": record.agency.code, "id": record.source_id}


def _people(meeting: Meeting, *, family: bool = False) -> list[dict[str, Any]]:
    """The children, and with ``family`` the parents and carers invited, in their part."""
    references: list[dict[str, Any]] = [
        _reference(child, meeting.convened_by_id) for child in meeting.children.all()
    ]
    if family:
        for invitation in meeting.invitations.filter(person__isnull=False).select_related("person"):
            assert invitation.person is not None
            role = FAMILY_ROLE.get(Response(invitation.response), SubjectRole.INVITED)
            references.append(
                {"person": _reference(invitation.person, meeting.convened_by_id), "role": role}
            )
    return references


def _event(
    meeting: Meeting,
    agency: Agency,
    source_id: str,
    event_type: str,
    occurred: str,
    summary: str,
    *,
    by: Practitioner | None = None,
    family: bool = False,
    **fields: Any,
) -> dict[str, Any]:
    record: dict[str, Any] = {
        "kind": "event",
        "agency": agency.code,
        "id": source_id,
        "type": event_type,
        "occurred": occurred,
        "people": _people(meeting, family=family),
        "summary": summary[:500],
        "reliability": "verified",
    }
    if by is not None:
        record["practitioner"] = by.get_full_name() or by.username
        record["practitioner_username"] = by.username
    record.update({key: value for key, value in fields.items() if value not in (None, "")})
    return record


def write(records: Iterable[dict[str, Any]]) -> None:
    lines = [json.dumps(record) for record in records]
    if lines:
        ingest_feed(lines)


def booked(meeting: Meeting, by: Practitioner) -> list[dict[str, Any]]:
    name = meeting.get_kind_display()
    when = f"{meeting.scheduled_for:%d %B %Y %H:%M}"
    records = [
        _event(
            meeting,
            meeting.convened_by,
            booking_id(meeting),
            EventType.MEETING_SCHEDULED,
            meeting.booked_at.isoformat(),
            f"{name} booked for {when}",
            by=by,
            family=True,
            outcome=BOOKED_AS.get(meeting.kind, ""),
            due=meeting.scheduled_for.date().isoformat(),
            detail=f"Original reason for referral: {meeting.reason_for_referral}",
        )
    ]
    for invitation in meeting.invitations.filter(agency__isnull=False).select_related("agency"):
        assert invitation.agency is not None
        if invitation.agency_id == meeting.convened_by_id:
            continue
        records.append(
            _event(
                meeting,
                meeting.convened_by,
                f"tl-meeting-{meeting.pk}-invite-{invitation.agency.code}",
                EventType.INVITATION,
                invitation.invited_at.isoformat(),
                f"{invitation.agency.name} invited to the {name.lower()} on {when}",
                by=by,
                counterpart=invitation.agency.code,
                refers_to=booking_id(meeting),
            )
        )
    return records


def cancelled(meeting: Meeting, by: Practitioner, reason: str) -> list[dict[str, Any]]:
    """A new version of the booking, with no meeting coming: nothing is owed for it."""
    return [
        _event(
            meeting,
            meeting.convened_by,
            booking_id(meeting),
            EventType.MEETING_SCHEDULED,
            meeting.booked_at.isoformat(),
            f"{meeting.get_kind_display()} cancelled: {reason}",
            by=by,
        )
    ]


def apologies(meeting: Meeting, agency: Agency, at: str, by: Practitioner) -> dict[str, Any]:
    return _event(
        meeting,
        agency,
        f"tl-meeting-{meeting.pk}-apologies",
        EventType.APOLOGIES,
        at,
        f"Apologies for the {meeting.get_kind_display().lower()}",
        by=by,
        counterpart=meeting.convened_by.code,
        refers_to={"agency": meeting.convened_by.code, "id": booking_id(meeting)},
    )


def held(meeting: Meeting, by: Practitioner, outcome: str, detail: str) -> dict[str, Any]:
    assert meeting.held_at is not None
    event_type, kind_outcome = HELD_AS[meeting.kind]
    return _event(
        meeting,
        meeting.convened_by,
        held_id(meeting),
        event_type,
        meeting.held_at.isoformat(),
        f"{meeting.get_kind_display()} held",
        by=by,
        family=True,
        outcome=kind_outcome or outcome,
        detail=detail,
        significance="significant",
    )


def decision_reviewed(meeting: Meeting, by: Practitioner, note: str) -> dict[str, Any]:
    assert by.agency is not None
    now = clock.now()
    return _event(
        meeting,
        by.agency,
        f"tl-meeting-{meeting.pk}-review-{now:%Y%m%d%H%M%S}",
        EventType.MANAGEMENT_REVIEW,
        now.isoformat(),
        f"Manager's review of the {meeting.get_kind_display().lower()}'s decision",
        by=by,
        detail=note,
        refers_to={"agency": meeting.convened_by.code, "id": held_id(meeting)},
    )


def action_set(action: MeetingAction, by: Practitioner) -> dict[str, Any]:
    meeting = action.meeting
    assert meeting.held_at is not None
    return _event(
        meeting,
        meeting.convened_by,
        action_id(action),
        EventType.ACTION_SET,
        meeting.held_at.isoformat(),
        f"Action for {action.agency.name}: {action.description}",
        by=by,
        due=action.due_on.isoformat(),
        counterpart=action.agency.code if action.agency_id != meeting.convened_by_id else "",
        refers_to=held_id(meeting),
    )


def action_completed(action: MeetingAction, by: Practitioner) -> dict[str, Any]:
    assert action.completed_on is not None
    agency = by.agency or action.agency
    return _event(
        action.meeting,
        agency,
        f"{action_id(action)}-done",
        EventType.ACTION_COMPLETED,
        action.completed_on.isoformat(),
        f"Action completed: {action.description}",
        by=by,
        refers_to={"agency": action.meeting.convened_by.code, "id": action_id(action)},
    )


def circulated(minutes: Minutes, copies: Iterable[MinutesCopy], by: Practitioner) -> list[dict]:
    meeting = minutes.meeting
    noun = "Notes" if meeting.kind == MeetingKind.CORE_GROUP else "Minutes"
    return [
        _event(
            meeting,
            meeting.convened_by,
            copy_id(copy),
            EventType.MINUTES_CIRCULATED,
            copy.sent_at.isoformat(),
            f"{noun} of the {meeting.get_kind_display().lower()} sent to {copy.agency.name}",
            by=by,
            counterpart=copy.agency.code,
            refers_to=held_id(meeting),
        )
        for copy in copies
    ]


def received(copy: MinutesCopy, by: Practitioner) -> dict[str, Any]:
    meeting = copy.minutes.meeting
    assert copy.acknowledged_at is not None
    return _event(
        meeting,
        copy.agency,
        f"{copy_id(copy)}-received",
        EventType.MINUTES_RECEIVED,
        copy.acknowledged_at.isoformat(),
        f"Minutes of the {meeting.get_kind_display().lower()} received",
        by=by,
        counterpart=meeting.convened_by.code,
        refers_to={"agency": meeting.convened_by.code, "id": copy_id(copy)},
    )
