"""Emergency access ("break glass"): a practitioner opens a record outside any legitimate
relationship, for a reason they state, for a few hours; the look is audited like any other and
flagged to their manager, who reviews whether it was justified.

Administrators cannot use it: they manage users and do not read children's records.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from threadline import clock
from threadline.access.models import AuditAction, EmergencyAccess, ReviewOutcome
from threadline.access.selectors import record_audit
from threadline.agencies.models import Practitioner, Role
from threadline.people.models import Person

MIN_REASON = 20  # characters: enough for "Section 47 strategy call out of hours, ..."
MANAGERS = frozenset({Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.PRACTICE_MANAGER})


class EmergencyError(ValueError):
    """An emergency access or review that cannot be recorded; names the field at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def hours() -> int:
    return int(getattr(settings, "THREADLINE_EMERGENCY_HOURS", 4))


def may_break_glass(user: Practitioner) -> bool:
    return bool(user.is_active and user.role != Role.ADMIN and user.agency_id is not None)


def check_reason(reason: str) -> str:
    reason = " ".join(reason.split())
    if len(reason) < MIN_REASON:
        raise EmergencyError(
            "reason", f"say why you need this record now, in at least {MIN_REASON} characters"
        )
    return reason


def live_grant(user: Practitioner, person: Person) -> EmergencyAccess | None:
    return (
        EmergencyAccess.objects.filter(practitioner=user, person=person, expires_at__gt=clock.now())
        .order_by("-expires_at")
        .first()
    )


@transaction.atomic
def open_in_emergency(
    user: Practitioner, person: Person, *, reason: str, request: HttpRequest | None = None
) -> EmergencyAccess:
    """Grant ``user`` access to ``person`` for ``hours()`` hours, on the record."""
    if not may_break_glass(user):
        raise EmergencyError("user", "administrators and people outside an agency cannot")
    reason = check_reason(reason)
    now = clock.now()
    grant = EmergencyAccess.objects.create(
        practitioner=user,
        person=person,
        reason=reason,
        opened_at=now,
        expires_at=now + dt.timedelta(hours=hours()),
    )
    record_audit(
        user,
        AuditAction.EMERGENCY,
        person=person,
        purpose=reason[:200],
        detail=f"emergency access {grant.pk} until {grant.expires_at:%d %b %Y %H:%M}",
        request=request,
    )
    return grant


def to_review(manager: Practitioner) -> QuerySet[EmergencyAccess]:
    """Grants by ``manager``'s reports (or their team's, where nobody is named) not yet reviewed."""
    if manager.role not in MANAGERS:
        return EmergencyAccess.objects.none()
    theirs = Q(practitioner__manager=manager)
    if manager.team_id is not None:
        theirs |= Q(practitioner__manager__isnull=True, practitioner__team_id=manager.team_id)
    return (
        EmergencyAccess.objects.filter(theirs, reviewed_at__isnull=True)
        .exclude(practitioner=manager)
        .select_related("practitioner", "person")
        .order_by("opened_at")
    )


@transaction.atomic
def review(grant: EmergencyAccess, *, by: Practitioner, justified: bool, note: str) -> None:
    grant = EmergencyAccess.objects.select_for_update().get(pk=grant.pk)
    if not to_review(by).filter(pk=grant.pk).exists():
        raise EmergencyError("grant", "not one of your team's to review, or reviewed already")
    note = " ".join(note.split())
    if not justified and not note:
        raise EmergencyError("note", "say what was wrong with it, and what you will do")
    grant.reviewed_by = by
    grant.reviewed_at = clock.now()
    grant.outcome = ReviewOutcome.JUSTIFIED if justified else ReviewOutcome.NOT_JUSTIFIED
    grant.review_note = note
    if not justified:
        grant.expires_at = min(grant.expires_at, grant.reviewed_at)  # ended at once
    grant.save()
