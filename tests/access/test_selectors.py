"""Need to know: who may see whom, in one query, and the audit of every look."""

from __future__ import annotations

import pytest
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    AgencyFactory,
    InvolvementFactory,
    PersonFactory,
    PractitionerFactory,
    TeamFactory,
)
from threadline.access.models import AuditAction, AuditEntry
from threadline.access.selectors import (
    access_person,
    held_audit,
    hold_audit,
    visible_people,
    write_held_audit,
)
from threadline.agencies.models import Practitioner, Role, TeamKind
from threadline.people.models import Person

pytestmark = pytest.mark.django_db


def front_door_contact() -> Person:
    """A child known only through a contact open at the MASH of another agency."""
    contact = PersonFactory()
    mash = TeamFactory(agency=AgencyFactory(code="csc"), name="MASH", kind=TeamKind.MASH)
    InvolvementFactory(agency=mash.agency, person=contact, team=mash)
    return contact


def fresh(user: Practitioner) -> Practitioner:
    """The user as a request has them: their team not yet fetched."""
    return Practitioner.objects.get(pk=user.pk)


def test_a_mash_team_member_sees_the_front_door_without_a_query_for_their_team() -> None:
    contact = front_door_contact()
    screener = PractitionerFactory(
        team=TeamFactory(agency=AgencyFactory(code="police"), kind=TeamKind.MASH)
    )
    user = fresh(screener)
    with CaptureQueriesContext(connection) as queries:
        assert access_person(user, contact.pk) == contact
    # The person and need to know in one query (the team read inside it), then the audit
    # entry: the chain's head read and the entry written after it (on PostgreSQL, after taking
    # the writers' turn).
    statements = [q["sql"] for q in queries if "pg_advisory_xact_lock" not in q["sql"]]
    access, head, audit = statements
    assert 'FROM "people_person"' in access and '"agencies_team"' in access
    assert head.startswith('SELECT "access_auditentry"."digest"')
    assert audit.startswith('INSERT INTO "access_auditentry"')


@pytest.mark.parametrize("team_fetched", [False, True])
def test_front_door_needs_a_mash_team_or_role(team_fetched: bool) -> None:
    contact = front_door_contact()
    police = AgencyFactory(code="police")
    by_team = PractitionerFactory(team=TeamFactory(agency=police, kind=TeamKind.MASH))
    by_role = PractitionerFactory(team=TeamFactory(agency=police), role=Role.MASH)
    neither = PractitionerFactory(team=TeamFactory(agency=police))
    no_team = PractitionerFactory(team=None, agency=police)
    for user, sees in ((by_team, True), (by_role, True), (neither, False), (no_team, False)):
        user = fresh(user)
        if team_fetched and user.team_id is not None:
            assert user.team is not None
        assert visible_people(user).filter(pk=contact.pk).exists() is sees


def test_a_refusal_is_audited_and_looks_like_no_such_person() -> None:
    contact = front_door_contact()
    outsider = PractitionerFactory(team=TeamFactory(agency=AgencyFactory(code="school")))
    with pytest.raises(Http404):
        access_person(outsider, contact.pk)
    with pytest.raises(Http404):
        access_person(outsider, contact.pk + 1000)
    assert list(AuditEntry.objects.order_by("pk").values_list("action", "person")) == [
        (AuditAction.DENIED, contact.pk),
        (AuditAction.DENIED, None),
    ]


def test_an_inactive_user_sees_no_one() -> None:
    contact = front_door_contact()
    leaver = PractitionerFactory(team=TeamFactory(agency=AgencyFactory(code="csc")))
    InvolvementFactory(agency=leaver.agency, person=contact, lead_practitioner=leaver)
    leaver.is_active = False
    with pytest.raises(Http404):
        access_person(leaver, contact.pk)
    assert AuditEntry.objects.get().action == AuditAction.DENIED


def test_outside_a_request_the_audit_entry_is_written_at_once() -> None:
    contact = front_door_contact()
    lead = PractitionerFactory(team=TeamFactory(agency=AgencyFactory(code="csc")))
    InvolvementFactory(agency=lead.agency, person=contact, lead_practitioner=lead)
    access_person(lead, contact.pk, purpose="supervision")
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action, entry.person, entry.purpose) == (
        lead,
        AuditAction.VIEW,
        contact,
        "supervision",
    )


def test_a_request_holds_its_audit_entries_until_they_are_written() -> None:
    contact = front_door_contact()
    lead = PractitionerFactory(team=TeamFactory(agency=AgencyFactory(code="csc")))
    InvolvementFactory(agency=lead.agency, person=contact, lead_practitioner=lead)
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.7")
    hold_audit(request)
    access_person(lead, contact.pk, request=request)
    access_person(lead, contact.pk, action=AuditAction.PRINT, request=request)
    assert not AuditEntry.objects.exists()
    assert len(held_audit(request)) == 2
    write_held_audit(request)
    assert list(AuditEntry.objects.order_by("pk").values_list("action", "ip_address")) == [
        (AuditAction.VIEW, "10.0.0.7"),
        (AuditAction.PRINT, "10.0.0.7"),
    ]
    # Once written, later looks are written at once again.
    access_person(lead, contact.pk, request=request)
    assert AuditEntry.objects.count() == 3
    assert held_audit(request) == []
