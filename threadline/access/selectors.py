"""Need to know. Every read of a person's record on a user's behalf goes through here.

Audit entries made while a web request is served are held on the request and written by
``web.middleware.SessionMiddleware`` once the response is ready, in the same commit as any
session change, and before a byte of the response leaves the server (a failed write turns the
response into an error, so nothing is shown unaudited). Outside a request they are written at
once.
"""

from __future__ import annotations

from collections.abc import Collection

from django.db.models import (
    BooleanField,
    Case,
    Exists,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.http import Http404, HttpRequest

from threadline import clock
from threadline.access.chain import append
from threadline.access.models import AuditAction, AuditEntry, EmergencyAccess
from threadline.agencies.models import Practitioner, Role, Team, TeamKind
from threadline.casework.models import Involvement
from threadline.people.models import Person


def open_involvements() -> QuerySet[Involvement]:
    today = clock.today()
    return Involvement.objects.filter(Q(closed_on__isnull=True) | Q(closed_on__gt=today))


def _mash_filter(user: Practitioner) -> Q | None:
    """Front-door involvements, if ``user`` is in the MASH. ``user.is_mash`` reads the user's team,
    a query of its own; unless the team was fetched already, it is checked inside the access
    query instead."""
    front_door = Q(team__kind=TeamKind.MASH)
    if user.role == Role.MASH:
        return front_door
    if user.team_id is None:
        return None
    if Practitioner.team.is_cached(user):
        return front_door if user.is_mash else None
    return front_door & Q(Exists(Team.objects.filter(pk=user.team_id, kind=TeamKind.MASH)))


def _relationship_filter(user: Practitioner) -> Q:
    """The involvements that give ``user`` a legitimate relationship with their person."""
    legitimate = Q(lead_practitioner=user)
    if user.agency_id is not None:
        legitimate |= Q(agency_id=user.agency_id)
    mash = _mash_filter(user)
    if mash is not None:
        legitimate |= mash
    return legitimate


def _reads_records(user: Practitioner) -> bool:
    """Administrators manage users and agencies; they do not read children's records."""
    return bool(user.is_active and user.role != Role.ADMIN)


def _emergency_grants(user: Practitioner) -> QuerySet[EmergencyAccess]:
    return EmergencyAccess.objects.filter(practitioner=user, expires_at__gt=clock.now())


def _may_see(user: Practitioner) -> Q:
    """A legitimate relationship with the person, or emergency access to them still running."""
    involvements = open_involvements().filter(_relationship_filter(user), person=OuterRef("pk"))
    return Q(Exists(involvements)) | Q(
        Exists(_emergency_grants(user).filter(person=OuterRef("pk")))
    )


def visible_people(user: Practitioner) -> QuerySet[Person]:
    """People ``user`` may see: through an open involvement of their agency, an allocation to
    them, (for MASH) an open contact at the front door, or emergency access."""
    if not _reads_records(user):
        return Person.objects.none()
    return Person.objects.filter(_may_see(user), merged_into__isnull=True)


def visible_among(user: Practitioner, person_ids: Collection[int]) -> set[int]:
    """Which of ``person_ids`` ``user`` may see: ``visible_people`` for a few people already in
    hand (the child's network), read from the involvements and grants by id, without building
    the per-person subqueries that cost more to compose than to run."""
    if not _reads_records(user) or not person_ids:
        return set()
    ids = list(person_ids)
    involved = (
        open_involvements()
        .filter(_relationship_filter(user), person_id__in=ids, person__merged_into__isnull=True)
        .values_list("person_id", flat=True)
    )
    granted = (
        _emergency_grants(user)
        .filter(person_id__in=ids, person__merged_into__isnull=True)
        .values_list("person_id", flat=True)
    )
    return set(involved.union(granted))


def can_view_person(user: Practitioner, person: Person) -> bool:
    return visible_people(user).filter(pk=person.pk).exists()


def _person_and_visibility(user: Practitioner, person_id: int) -> tuple[Person | None, bool]:
    """The person, and whether ``user`` may see them, in one query."""
    if not _reads_records(user):
        return Person.objects.filter(pk=person_id).first(), False
    visible = Case(
        When(_may_see(user), then=Value(True)), default=Value(False), output_field=BooleanField()
    )
    # Until when the user sees them in an emergency, for the page to say so (None: not).
    emergency = _emergency_grants(user).filter(person=OuterRef("pk")).order_by("-expires_at")
    person = (
        Person.objects.filter(pk=person_id)
        .annotate(visible=visible, emergency_until=Subquery(emergency.values("expires_at")[:1]))
        .first()
    )
    return person, bool(person is not None and person.visible)


# The request attribute holding the audit entries still to be written (see the module's doc).
PENDING_AUDIT = "_threadline_pending_audit"


def hold_audit(request: HttpRequest) -> None:
    """Hold this request's audit entries until ``write_held_audit``."""
    setattr(request, PENDING_AUDIT, [])


def held_audit(request: HttpRequest) -> list[AuditEntry]:
    return list(getattr(request, PENDING_AUDIT, None) or [])


def write_held_audit(request: HttpRequest) -> None:
    """Write the entries held on ``request`` (call inside the transaction that should hold them).
    Later entries are written at once, as outside a request."""
    entries = held_audit(request)
    if hasattr(request, PENDING_AUDIT):
        delattr(request, PENDING_AUDIT)
    append(entries)


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR")


def record_audit(
    user: Practitioner,
    action: AuditAction,
    *,
    person: Person | None = None,
    purpose: str = "",
    detail: str = "",
    request: HttpRequest | None = None,
) -> AuditEntry:
    entry = AuditEntry(
        at=clock.now(),
        actor=user,
        action=action,
        person=person,
        purpose=purpose,
        detail=detail[:500],
        ip_address=client_ip(request),
    )
    pending = getattr(request, PENDING_AUDIT, None)
    if pending is not None:
        pending.append(entry)
    else:
        entry.save()
    return entry


class MergedPerson(Http404):
    """The record asked for has been merged into another person's: look there instead (the
    caller sends the user on; need to know is checked, and the look audited, there)."""

    def __init__(self, survivor_id: int) -> None:
        super().__init__(f"Merged into person {survivor_id}")
        self.survivor_id = survivor_id


def access_person(
    user: Practitioner,
    person_id: int,
    *,
    action: AuditAction = AuditAction.VIEW,
    purpose: str = "",
    request: HttpRequest | None = None,
) -> Person:
    """The person, if ``user`` may see them; the look is audited either way.

    Refusals are 404, not 403, so that outsiders cannot learn who is in the record.
    """
    person, visible = _person_and_visibility(user, person_id)
    if person is not None and person.merged_into_id is not None:
        survivor: Person | None = person
        while survivor is not None and survivor.merged_into_id is not None:
            survivor, seen = _person_and_visibility(user, survivor.merged_into_id)
        # Only someone who may see the person the record joined learns where it went.
        if survivor is not None and seen:
            raise MergedPerson(survivor.pk)
    if person is None or not visible:
        record_audit(
            user,
            AuditAction.DENIED,
            person=person,
            purpose=purpose,
            detail=f"{action} of person {person_id}",
            request=request,
        )
        raise Http404("No such person, or no legitimate relationship with them.")
    if getattr(person, "emergency_until", None) is not None:
        purpose = f"{purpose}; under emergency access" if purpose else "under emergency access"
    record_audit(user, action, person=person, purpose=purpose, request=request)
    return person


# Who has looked at a record.
LOOKS_PER_PAGE = 50
LOOK_REVIEWERS = frozenset(
    {Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.PRACTICE_MANAGER, Role.SAFEGUARDING_LEAD}
)


def may_see_looks(user: Practitioner) -> bool:
    return user.role in LOOK_REVIEWERS


def looks_at(person: Person) -> QuerySet[AuditEntry]:
    """Every view, search hit, export, print, refusal and emergency look at ``person``, newest
    first, with who and from which agency."""
    return (
        AuditEntry.objects.filter(person=person)
        .select_related("actor", "actor__agency")
        .order_by("-at", "-pk")
    )
