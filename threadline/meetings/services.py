"""Changes to meetings: book, answer, hold, set and complete actions, write, circulate and
acknowledge minutes. Each writes the meeting record and its chronology events in one transaction;
bad input raises ``MeetingError`` naming the field, and nothing is written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import transaction

from threadline import clock
from threadline.agencies.models import Agency, AgencyKind, Nation, Practitioner, Role
from threadline.meetings import chronicle
from threadline.meetings.models import (
    Decision,
    Invitation,
    Meeting,
    MeetingAction,
    MeetingKind,
    MeetingStatus,
    Minutes,
    MinutesCopy,
    Response,
)
from threadline.meetings.selectors import (
    SOCIAL_CARE_MEETINGS,
    minutes_owed_to,
    reason_for_referral,
)
from threadline.meetings.timescales import latest_day, minutes_due
from threadline.people.models import Person
from threadline.sharing.models import SharingKind
from threadline.sharing.services import SharingBasis, SharingError, checked, record_for_each

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MANAGERS = frozenset({Role.PRACTICE_MANAGER, Role.TEAM_MANAGER, Role.SERVICE_MANAGER})


class MeetingError(ValueError):
    """Refused: ``field`` names what was wrong, for the form to show it beside that field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Upload:
    name: str
    content_type: str
    content: bytes


def _nation(agency: Agency) -> str:
    return agency.nation or Nation.ENGLAND


def _agency_of(user: Practitioner) -> Agency:
    if user.agency is None:
        raise MeetingError("user", "only a practitioner of an agency can do this")
    return user.agency


def _may_convene(kind: str, agency: Agency) -> None:
    if kind in SOCIAL_CARE_MEETINGS and agency.kind != AgencyKind.CHILDRENS_SOCIAL_CARE:
        label = MeetingKind(kind).label
        raise MeetingError("kind", f"a {label.lower()} is convened by children's social care")
    if kind == MeetingKind.GP_SAFEGUARDING and agency.kind != AgencyKind.GP:
        raise MeetingError(
            "kind", "a GP practice safeguarding meeting is convened by a GP practice"
        )


def _check_timescale(
    kind: str, when: dt.datetime, follows: Meeting | None, agency: Agency, delay_reason: str
) -> dt.date | None:
    if follows is None:
        return None
    if not follows.is_held or follows.held_at is None:
        raise MeetingError("follows", f"the {follows} has not been held yet")
    latest = latest_day(kind, follows.kind, clock.local_date(follows.held_at), _nation(agency))
    if latest is not None and clock.local_date(when) > latest and not delay_reason.strip():
        raise MeetingError(
            "delay_reason",
            f"the {MeetingKind(kind).label.lower()} is due by {latest:%d %B %Y}; "
            f"give the reason it cannot be held by then",
        )
    return latest


@transaction.atomic
def book_meeting(
    *,
    kind: str,
    children: Sequence[Person],
    by: Practitioner,
    when: dt.datetime,
    agencies: Iterable[Agency] = (),
    people: Iterable[Person] = (),
    chair: Practitioner | None = None,
    venue: str = "",
    follows: Meeting | None = None,
    delay_reason: str = "",
) -> Meeting:
    """Book a meeting in the future and send its invitations."""
    agency = _agency_of(by)
    if kind not in MeetingKind.values:
        raise MeetingError("kind", f"{kind!r} is not a kind of meeting")
    _may_convene(kind, agency)
    if not children:
        raise MeetingError("children", "a meeting must be about at least one child")
    now = clock.now()
    if when <= now:
        raise MeetingError(
            "when",
            f"a scheduled meeting must be in the future (it is now {now:%d %B %Y %H:%M}); "
            "record a meeting that has already happened as held",
        )
    latest = _check_timescale(kind, when, follows, agency, delay_reason)
    meeting = Meeting.objects.create(
        kind=kind,
        convened_by=agency,
        chair=chair,
        scheduled_for=when,
        venue=venue,
        follows=follows,
        latest_date=latest,
        delay_reason=delay_reason.strip(),
        reason_for_referral=reason_for_referral(children),
        booked_by=by,
        booked_at=now,
    )
    meeting.children.set(children)
    invited = {a.pk: a for a in agencies}
    invited.setdefault(agency.pk, agency)
    Invitation.objects.bulk_create(
        [Invitation(meeting=meeting, agency=a, invited_at=now) for a in invited.values()]
        + [
            Invitation(meeting=meeting, person=p, invited_at=now)
            for p in {p.pk: p for p in people}.values()
        ]
    )
    chronicle.write(chronicle.booked(meeting, by))
    return meeting


@transaction.atomic
def cancel_meeting(meeting: Meeting, *, by: Practitioner, reason: str) -> Meeting:
    if meeting.status != MeetingStatus.SCHEDULED:
        raise MeetingError(
            "status", f"only a scheduled meeting can be cancelled; it is {meeting.status}"
        )
    if not reason.strip():
        raise MeetingError("reason", "say why the meeting is cancelled")
    meeting.status = MeetingStatus.CANCELLED
    meeting.save(update_fields=["status"])
    chronicle.write(chronicle.cancelled(meeting, by, reason.strip()))
    return meeting


@transaction.atomic
def answer_invitation(invitation: Invitation, *, response: str, by: Practitioner) -> Invitation:
    """Record an agency's (or a family member's) reply; apologies go into the chronology."""
    if response not in (Response.ACCEPTED, Response.APOLOGIES):
        raise MeetingError(
            "response", "an invitation is answered by accepting or sending apologies"
        )
    meeting = invitation.meeting
    if meeting.status != MeetingStatus.SCHEDULED:
        raise MeetingError("meeting", f"the {meeting} is {meeting.get_status_display().lower()}")
    agency = _agency_of(by)
    if invitation.agency_id not in (None, agency.pk) and agency.pk != meeting.convened_by_id:
        raise MeetingError("invitation", f"{agency} cannot answer for {invitation.agency}")
    invitation.response = response
    invitation.answered_at = clock.now()
    invitation.save(update_fields=["response", "answered_at"])
    if response == Response.APOLOGIES and invitation.agency is not None:
        at = invitation.answered_at.isoformat()
        chronicle.write([chronicle.apologies(meeting, invitation.agency, at, by)])
    return invitation


@dataclass(frozen=True)
class ActionSpec:
    description: str
    agency: Agency
    due_on: dt.date
    owner: Practitioner | None = None
    owner_name: str = ""


@transaction.atomic
def hold_meeting(
    meeting: Meeting,
    *,
    by: Practitioner,
    held_at: dt.datetime,
    attended: Iterable[int],
    decisions: Sequence[tuple[str, str]] = (),
    actions: Sequence[ActionSpec] = (),
) -> Meeting:
    """Record that the meeting happened: who came (invitation ids), what it decided, the actions
    it set. Invitees not attending and without apologies are recorded as not attending."""
    if meeting.status != MeetingStatus.SCHEDULED:
        raise MeetingError(
            "meeting", f"the {meeting} is already {meeting.get_status_display().lower()}"
        )
    if held_at > clock.now():
        raise MeetingError("held_at", "a meeting cannot be recorded as held in the future")
    came = set(attended)
    invitations = list(meeting.invitations.all())
    unknown = came - {i.pk for i in invitations}
    if unknown:
        raise MeetingError("attended", f"invitation(s) {sorted(unknown)} are not of this meeting")
    for invitation in invitations:
        if invitation.pk in came:
            invitation.response = Response.ATTENDED
        elif invitation.response != Response.APOLOGIES:
            invitation.response = Response.DID_NOT_ATTEND
    Invitation.objects.bulk_update(invitations, ["response"])
    meeting.status, meeting.held_at = MeetingStatus.HELD, held_at
    meeting.save(update_fields=["status", "held_at"])
    Decision.objects.bulk_create(
        [Decision(meeting=meeting, outcome=o, text=t) for o, t in decisions if t.strip()]
    )
    outcome = next((o for o, _ in decisions if o), "")
    records = [chronicle.held(meeting, by, outcome, _summary_of(meeting, decisions))]
    records += [chronicle.action_set(_new_action(meeting, spec), by) for spec in actions]
    chronicle.write(records)
    return meeting


@transaction.atomic
def record_meeting(
    *,
    kind: str,
    children: Sequence[Person],
    by: Practitioner,
    held_at: dt.datetime,
    agencies: Iterable[Agency],
    people: Iterable[Person] = (),
    decisions: Sequence[tuple[str, str]] = (),
    actions: Sequence[ActionSpec] = (),
    chair: Practitioner | None = None,
    follows: Meeting | None = None,
    delay_reason: str = "",
) -> Meeting:
    """A meeting held without being booked here first (a strategy discussion called the same
    day): the agencies and family members given are those that took part."""
    agency = _agency_of(by)
    if kind not in MeetingKind.values:
        raise MeetingError("kind", f"{kind!r} is not a kind of meeting")
    _may_convene(kind, agency)
    if not children:
        raise MeetingError("children", "a meeting must be about at least one child")
    latest = _check_timescale(kind, held_at, follows, agency, delay_reason)
    meeting = Meeting.objects.create(
        kind=kind,
        convened_by=agency,
        chair=chair,
        scheduled_for=held_at,
        follows=follows,
        latest_date=latest,
        delay_reason=delay_reason.strip(),
        reason_for_referral=reason_for_referral(children),
        booked_by=by,
        booked_at=clock.now(),
    )
    meeting.children.set(children)
    taking_part = {a.pk: a for a in agencies}
    taking_part.setdefault(agency.pk, agency)
    family = {p.pk: p for p in people}
    invitations = Invitation.objects.bulk_create(
        [Invitation(meeting=meeting, agency=a, invited_at=held_at) for a in taking_part.values()]
        + [Invitation(meeting=meeting, person=p, invited_at=held_at) for p in family.values()]
    )
    return hold_meeting(
        meeting,
        by=by,
        held_at=held_at,
        attended=[i.pk for i in invitations],
        decisions=decisions,
        actions=actions,
    )


def _summary_of(meeting: Meeting, decisions: Sequence[tuple[str, str]]) -> str:
    came = ", ".join(str(i) for i in meeting.invitations.all() if i.response == Response.ATTENDED)
    sorry = ", ".join(str(i) for i in meeting.invitations.all() if i.response == Response.APOLOGIES)
    lines = [f"Original reason for referral: {meeting.reason_for_referral}"]
    lines.append(f"Attended: {came or 'nobody recorded'}.")
    if sorry:
        lines.append(f"Apologies: {sorry}.")
    lines += [f"Decision: {text}" for _, text in decisions if text.strip()]
    return "\n".join(lines)


def _new_action(meeting: Meeting, spec: ActionSpec) -> MeetingAction:
    if not spec.description.strip():
        raise MeetingError("description", "say what the action is")
    return MeetingAction.objects.create(
        meeting=meeting,
        description=spec.description.strip(),
        agency=spec.agency,
        owner=spec.owner,
        owner_name=spec.owner_name,
        due_on=spec.due_on,
    )


@transaction.atomic
def add_action(meeting: Meeting, spec: ActionSpec, *, by: Practitioner) -> MeetingAction:
    if not meeting.is_held:
        raise MeetingError(
            "meeting", f"actions are set by a meeting that was held; the {meeting} was not"
        )
    action = _new_action(meeting, spec)
    chronicle.write([chronicle.action_set(action, by)])
    return action


@transaction.atomic
def complete_action(action: MeetingAction, *, by: Practitioner, on: dt.date) -> MeetingAction:
    if action.completed_on is not None:
        raise MeetingError("action", f"this action was completed on {action.completed_on:%d %B %Y}")
    if on > clock.today():
        raise MeetingError("on", "an action cannot be completed in the future")
    action.completed_on, action.completed_by = on, by
    action.save(update_fields=["completed_on", "completed_by"])
    chronicle.write([chronicle.action_completed(action, by)])
    return action


@transaction.atomic
def review_decision(meeting: Meeting, *, by: Practitioner, note: str) -> None:
    """A manager's oversight of what the meeting decided (Ak: no process to review the
    strategy discussion's decision)."""
    if by.role not in MANAGERS:
        raise MeetingError("note", "a decision is reviewed by a practice, team or service manager")
    if not meeting.is_held:
        raise MeetingError("meeting", f"the {meeting} has not been held; there is no decision yet")
    if not note.strip():
        raise MeetingError("note", "say what the review found")
    chronicle.write([chronicle.decision_reviewed(meeting, by, note.strip())])


@transaction.atomic
def write_minutes(
    meeting: Meeting, *, by: Practitioner, text: str = "", upload: Upload | None = None
) -> Minutes:
    """Minutes written in Threadline, or uploaded (kept in the database with the meeting)."""
    if not meeting.is_held or meeting.held_at is None:
        raise MeetingError(
            "meeting",
            f"minutes are for a meeting that happened; the {meeting} is "
            f"{meeting.get_status_display().lower()}",
        )
    if not text.strip() and upload is None:
        raise MeetingError("text", "write the minutes or upload them")
    if upload is not None and len(upload.content) > MAX_UPLOAD_BYTES:
        raise MeetingError("upload", f"{upload.name} is larger than 10 MB")
    minutes = Minutes.objects.filter(meeting=meeting).first() or Minutes(
        meeting=meeting,
        due_on=minutes_due(
            meeting.kind, clock.local_date(meeting.held_at), _nation(meeting.convened_by)
        ),
    )
    if minutes.circulated_at is not None:
        raise MeetingError("minutes", "these minutes were circulated; they cannot be rewritten")
    minutes.text, minutes.written_by, minutes.written_at = text.strip(), by, clock.now()
    if upload is not None:
        minutes.file_name, minutes.file_type = upload.name[:200], upload.content_type[:100]
        minutes.file_content = upload.content
    minutes.save()
    return minutes


@transaction.atomic
def circulate_minutes(
    minutes: Minutes, *, by: Practitioner, basis: SharingBasis
) -> list[MinutesCopy]:
    """Send the minutes to every agency owed them; each must then confirm receipt. The
    sharing decision is recorded for each child the meeting was about."""
    if minutes.circulated_at is not None:
        raise MeetingError("minutes", f"already circulated on {minutes.circulated_at:%d %B %Y}")
    try:
        basis = checked(basis)
    except SharingError as error:
        raise MeetingError(error.field, error.message) from error
    now = clock.now()
    owed = minutes_owed_to(minutes.meeting)
    record_for_each(
        minutes.meeting.children.all(),
        by=by,
        from_agency=_agency_of(by),
        kind=SharingKind.MINUTES,
        shared_with=", ".join(agency.name for agency in owed),
        basis=basis,
        minutes=minutes,
    )
    copies = MinutesCopy.objects.bulk_create(
        [MinutesCopy(minutes=minutes, agency=agency, sent_at=now) for agency in owed]
    )
    minutes.circulated_at, minutes.circulated_by = now, by
    minutes.save(update_fields=["circulated_at", "circulated_by"])
    chronicle.write(chronicle.circulated(minutes, copies, by))
    return copies


@transaction.atomic
def acknowledge_minutes(minutes: Minutes, *, by: Practitioner) -> MinutesCopy:
    """The user's agency confirms it has the minutes."""
    agency = _agency_of(by)
    copy = minutes.copies.filter(agency=agency).first()
    if copy is None:
        raise MeetingError(
            "agency",
            f"{agency} was not invited to the {minutes.meeting} and was not sent its minutes",
        )
    if copy.acknowledged_at is not None:
        return copy
    copy.acknowledged_at, copy.acknowledged_by = clock.now(), by
    copy.save(update_fields=["acknowledged_at", "acknowledged_by"])
    chronicle.write([chronicle.received(copy, by)])
    return copy
