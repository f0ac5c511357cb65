"""Emergency access: a stated reason, a few hours, every step audited, and the manager's review."""

from __future__ import annotations

import datetime as dt

import pytest
from django.http import Http404

from tests.factories import PersonFactory, PractitionerFactory, TeamFactory
from threadline import clock
from threadline.access.emergency import EmergencyError, open_in_emergency, review, to_review
from threadline.access.models import AuditAction, AuditEntry, ReviewOutcome
from threadline.access.selectors import access_person, visible_people
from threadline.agencies.models import Role

pytestmark = pytest.mark.django_db

REASON = "Police call at 23:10: child found alone at the address, mother in custody"
NOON = dt.datetime(2026, 12, 6, 12, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _noon():
    with clock.frozen_at(NOON):
        yield


def a_team():
    team = TeamFactory()
    manager = PractitionerFactory(team=team, role=Role.TEAM_MANAGER)
    worker = PractitionerFactory(team=team, manager=manager)
    return manager, worker


def test_a_child_outside_any_relationship_is_refused_and_the_attempt_audited() -> None:
    _, worker = a_team()
    child = PersonFactory()
    with pytest.raises(Http404):
        access_person(worker, child.pk)
    assert AuditEntry.objects.get(actor=worker).action == AuditAction.DENIED


def test_emergency_access_opens_the_record_for_four_hours_then_closes_it() -> None:
    _, worker = a_team()
    child = PersonFactory()

    grant = open_in_emergency(worker, child, reason=REASON)

    assert grant.expires_at == NOON + dt.timedelta(hours=4)
    assert access_person(worker, child.pk).emergency_until == grant.expires_at
    flagged = AuditEntry.objects.get(actor=worker, action=AuditAction.EMERGENCY)
    assert flagged.purpose == REASON and flagged.person == child
    with clock.frozen_at(NOON + dt.timedelta(hours=4, seconds=1)):
        assert not visible_people(worker).filter(pk=child.pk).exists()
        with pytest.raises(Http404):
            access_person(worker, child.pk)


@pytest.mark.parametrize("reason", ["", "need it", "   just   checking   "])
def test_a_reason_must_say_why(reason: str) -> None:
    _, worker = a_team()
    with pytest.raises(EmergencyError, match="reason: say why"):
        open_in_emergency(worker, PersonFactory(), reason=reason)


def test_administrators_cannot_break_the_glass() -> None:
    admin = PractitionerFactory(role=Role.ADMIN)
    with pytest.raises(EmergencyError, match="administrators"):
        open_in_emergency(admin, PersonFactory(), reason=REASON)


def test_the_manager_reviews_each_look_and_one_not_justified_ends_at_once() -> None:
    manager, worker = a_team()
    child = PersonFactory()
    grant = open_in_emergency(worker, child, reason=REASON)
    assert list(to_review(manager)) == [grant]
    assert list(to_review(PractitionerFactory(role=Role.TEAM_MANAGER))) == []

    with pytest.raises(EmergencyError, match="note: say what was wrong"):
        review(grant, by=manager, justified=False, note="")
    review(grant, by=manager, justified=False, note="Not our case; spoken to Sam")

    grant.refresh_from_db()
    assert (grant.outcome, grant.reviewed_by) == (ReviewOutcome.NOT_JUSTIFIED, manager)
    assert list(to_review(manager)) == []
    assert not visible_people(worker).filter(pk=child.pk).exists()


def test_nobody_reviews_their_own_or_another_teams_look() -> None:
    manager, worker = a_team()
    grant = open_in_emergency(worker, PersonFactory(), reason=REASON)
    with pytest.raises(EmergencyError, match="grant: not one of your team's"):
        review(grant, by=worker, justified=True, note="")
    outsider = PractitionerFactory(role=Role.TEAM_MANAGER)
    with pytest.raises(EmergencyError, match="grant: not one of your team's"):
        review(grant, by=outsider, justified=True, note="")
    review(grant, by=manager, justified=True, note="")


def test_each_look_while_the_glass_is_broken_says_so_on_the_audit_log() -> None:
    _, worker = a_team()
    child = PersonFactory()
    open_in_emergency(worker, child, reason=REASON)
    access_person(worker, child.pk)
    look = AuditEntry.objects.filter(actor=worker, action=AuditAction.VIEW).get()
    assert look.purpose == "under emergency access"
