"""Reads for meetings: who should be invited, what a child's meetings are, what is still owed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from threadline.agencies.models import Agency, AgencyKind, Practitioner
from threadline.casework.models import Involvement, StatusEpisode
from threadline.meetings.models import (
    Invitation,
    Meeting,
    MeetingAction,
    MeetingKind,
    MeetingStatus,
    MinutesCopy,
    Response,
)
from threadline.people.models import Person, PersonRecord, Relationship, RelationshipKind, Sex
from threadline.people.selectors import original_referral

HEALTH_KINDS = frozenset(
    {
        AgencyKind.GP,
        AgencyKind.HEALTH_VISITING,
        AgencyKind.SCHOOL_NURSING,
        AgencyKind.MIDWIFERY,
        AgencyKind.HOSPITAL,
    }
)
# Minutes of these meetings must reach health and the police whether or not they came (SHR-3).
OWED_TO_HEALTH_AND_POLICE = frozenset(
    {MeetingKind.STRATEGY_DISCUSSION, MeetingKind.ICPC, MeetingKind.RCPC, MeetingKind.TRANSFER_IN}
)
# Meetings of professionals only: parents are not invited.
WITHOUT_FAMILY = frozenset(
    {
        MeetingKind.STRATEGY_DISCUSSION,
        MeetingKind.PROFESSIONALS,
        MeetingKind.MARAC,
        MeetingKind.GP_SAFEGUARDING,
    }
)
# Convened by children's social care; the rest any agency may convene.
SOCIAL_CARE_MEETINGS = frozenset(
    {
        MeetingKind.STRATEGY_DISCUSSION,
        MeetingKind.ICPC,
        MeetingKind.RCPC,
        MeetingKind.CORE_GROUP,
        MeetingKind.CIN_REVIEW,
        MeetingKind.TRANSFER_IN,
    }
)
PARENTAL_KINDS = (RelationshipKind.PARENT, RelationshipKind.STEP_PARENT, RelationshipKind.CARER)


@dataclass(frozen=True)
class Proposed:
    """Someone a meeting should invite, and why: shown ticked on the booking form."""

    why: str
    agency: Agency | None = None
    person: Person | None = None

    @property
    def key(self) -> str:
        return f"agency:{self.agency.pk}" if self.agency else f"person:{self.person_pk}"

    @property
    def person_pk(self) -> int:
        return self.person.pk if self.person else 0

    def __str__(self) -> str:
        return str(self.agency or self.person)


def _open_on(day: dt.date) -> Q:
    return Q(opened_on__lte=day) & (Q(closed_on__isnull=True) | Q(closed_on__gt=day))


def _current(relationship: Relationship, day: dt.date) -> bool:
    started = relationship.started_on is None or relationship.started_on <= day
    return started and (relationship.ended_on is None or relationship.ended_on > day)


def parents_and_carers(children: Iterable[Person], day: dt.date) -> list[tuple[Person, str]]:
    """Each child's parents and carers, and their partners living with them, with how they are
    related; a father or male carer is never left off (Ak, BE, Q: fathers not seen)."""
    child_ids = [child.pk for child in children]
    found: dict[int, tuple[Person, str]] = {}
    carers = Relationship.objects.filter(relative_id__in=child_ids, kind__in=PARENTAL_KINDS)
    for rel in carers.select_related("person"):
        if _current(rel, day):
            found.setdefault(rel.person_id, (rel.person, rel.get_kind_display().lower()))
    partners = Relationship.objects.filter(
        Q(person_id__in=list(found)) | Q(relative_id__in=list(found)),
        kind=RelationshipKind.PARTNER,
    ).select_related("person", "relative")
    for rel in partners:
        if _current(rel, day):
            other = rel.relative if rel.person_id in found else rel.person
            if other.pk not in child_ids:
                found.setdefault(other.pk, (other, "partner of a parent"))
    return sorted(found.values(), key=lambda pair: (pair[0].sex != Sex.MALE, str(pair[0])))


def proposed_invitations(kind: str, children: Iterable[Person], day: dt.date) -> list[Proposed]:
    """Every agency with an open involvement with the children or their parents, every health
    service that holds a record of a child, and (unless professionals only) the parents and
    carers, the father or male carer included."""
    children = list(children)
    child_ids = [child.pk for child in children]
    family = parents_and_carers(children, day)
    proposals: dict[int, Proposed] = {}
    involved = Involvement.objects.filter(_open_on(day), person_id__in=child_ids)
    for involvement in involved.select_related("agency").order_by("agency__name"):
        proposals.setdefault(
            involvement.agency_id, Proposed("working with the child", agency=involvement.agency)
        )
    adult_ids = [person.pk for person, _ in family]
    for involvement in Involvement.objects.filter(
        _open_on(day), person_id__in=adult_ids
    ).select_related("agency"):
        proposals.setdefault(
            involvement.agency_id,
            Proposed("working with a parent or carer", agency=involvement.agency),
        )
    health_records = PersonRecord.objects.filter(
        person_id__in=child_ids, agency__kind__in=HEALTH_KINDS
    ).select_related("agency")
    for record in health_records:
        proposals.setdefault(record.agency_id, Proposed("the child's health", agency=record.agency))
    found = sorted(proposals.values(), key=lambda p: str(p))
    if kind not in WITHOUT_FAMILY:
        found += [Proposed(relation, person=person) for person, relation in family]
    return found


def reason_for_referral(children: Iterable[Person]) -> str:
    """The original reason the family came to notice, for the head of the minutes and plan."""
    reasons = []
    for child in children:
        episodes = StatusEpisode.objects.filter(person=child).select_related("agency")
        original = original_referral(child, episodes)
        if original is not None:
            reasons.append((original.on, f"{original.reason} (referred {original.on:%d %B %Y})"))
    if not reasons:
        return "No reason for referral is recorded."
    return min(reasons)[1]


def meetings_of(child: Person) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(children=child)
        .select_related("convened_by", "chair")
        .prefetch_related("children")
        .order_by("-scheduled_for")
    )


def meeting_detail(pk: int) -> Meeting:
    copies = MinutesCopy.objects.select_related("agency", "acknowledged_by")
    return (
        Meeting.objects.select_related("convened_by", "chair", "follows", "booked_by")
        .prefetch_related(
            "children",
            Prefetch("invitations", Invitation.objects.select_related("agency", "person")),
            "decisions",
            Prefetch("actions", MeetingAction.objects.select_related("agency", "owner")),
            Prefetch("minutes__copies", copies),
        )
        .get(pk=pk)
    )


def minutes_owed_to(meeting: Meeting) -> list[Agency]:
    """The agencies that must have the minutes: everyone invited (came, sent apologies or not),
    and for conferences and strategy discussions every involved health service and the police."""
    agencies = {
        i.agency.pk: i.agency
        for i in meeting.invitations.select_related("agency")
        if i.agency is not None
    }
    if meeting.kind in OWED_TO_HEALTH_AND_POLICE:
        day = (meeting.held_at or meeting.scheduled_for).date()
        involved = Involvement.objects.filter(
            _open_on(day),
            person__in=meeting.children.all(),
            agency__kind__in=HEALTH_KINDS | {AgencyKind.POLICE},
        ).select_related("agency")
        agencies.update({i.agency_id: i.agency for i in involved})
    agencies.pop(meeting.convened_by_id, None)
    return sorted(agencies.values(), key=lambda agency: agency.name)


def attending_agencies(meeting: Meeting) -> set[int]:
    return {
        i.agency_id
        for i in meeting.invitations.all()
        if i.agency_id is not None and i.response == Response.ATTENDED
    }


def open_actions(
    children: Iterable[Person], *, since: dt.date | None = None
) -> list[MeetingAction]:
    """Actions set by the children's meetings and not yet done: the chair's actions a step-down
    waits on."""
    rows = MeetingAction.objects.filter(
        meeting__children__in=list(children),
        meeting__status=MeetingStatus.HELD,
        completed_on__isnull=True,
    )
    if since is not None:
        rows = rows.filter(meeting__held_at__date__gte=since)
    return list(rows.select_related("meeting", "agency", "owner").distinct().order_by("due_on"))


def awaiting_receipt(user: Practitioner) -> QuerySet[MinutesCopy]:
    """Minutes sent to the user's agency that nobody there has yet confirmed having."""
    return (
        MinutesCopy.objects.filter(agency=user.agency, acknowledged_at__isnull=True)
        .select_related("minutes__meeting__convened_by")
        .order_by("sent_at")
    )
