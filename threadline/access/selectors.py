"""Need to know. Every read of a person's record on a user's behalf goes through here."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest

from threadline import clock
from threadline.access.models import AuditAction, AuditEntry
from threadline.agencies.models import Practitioner, TeamKind
from threadline.casework.models import Involvement
from threadline.people.models import Person


def _open_involvements() -> QuerySet[Involvement]:
    today = clock.today()
    return Involvement.objects.filter(Q(closed_on__isnull=True) | Q(closed_on__gt=today))


def _relationship_filter(user: Practitioner) -> Q:
    """The involvements that give ``user`` a legitimate relationship with their person."""
    legitimate = Q(lead_practitioner=user)
    if user.agency_id is not None:
        legitimate |= Q(agency_id=user.agency_id)
    if user.is_mash:
        legitimate |= Q(team__kind=TeamKind.MASH)
    return legitimate


def visible_people(user: Practitioner) -> QuerySet[Person]:
    """People ``user`` may see: through an open involvement of their agency, an allocation to
    them, or (for MASH) an open contact at the front door."""
    if not user.is_active:
        return Person.objects.none()
    involvements = _open_involvements().filter(_relationship_filter(user))
    return Person.objects.filter(Exists(involvements.filter(person=OuterRef("pk"))))


def can_view_person(user: Practitioner, person: Person) -> bool:
    return visible_people(user).filter(pk=person.pk).exists()


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
    return AuditEntry.objects.create(
        at=clock.now(),
        actor=user,
        action=action,
        person=person,
        purpose=purpose,
        detail=detail[:500],
        ip_address=client_ip(request),
    )


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
    person = Person.objects.filter(pk=person_id).first()
    if person is None or not can_view_person(user, person):
        record_audit(
            user,
            AuditAction.DENIED,
            person=person,
            purpose=purpose,
            detail=f"{action} of person {person_id}",
            request=request,
        )
        raise Http404("No such person, or no legitimate relationship with them.")
    record_audit(user, action, person=person, purpose=purpose, request=request)
    return person
