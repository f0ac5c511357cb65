"""The emergency access pages: search with a reason, open, and the manager's review."""

from __future__ import annotations

import pytest

from tests.factories import PersonFactory, PractitionerFactory, TeamFactory
from threadline.access.models import AuditAction, AuditEntry, EmergencyAccess
from threadline.agencies.models import Role

pytestmark = pytest.mark.django_db

REASON = "Police call at 23:10: child found alone at the address, mother in custody"


def test_the_emergency_search_needs_a_reason_and_finds_anyone(client) -> None:
    child = PersonFactory(given_name="Ada", family_name="Quill")
    worker = PractitionerFactory()
    client.force_login(worker)

    refused = client.post("/emergency/", {"q": "Ada Quill", "reason": "x"})
    assert "at least 20 characters" in refused.content.decode()
    assert not AuditEntry.objects.filter(action=AuditAction.SEARCH).exists()

    found = client.post("/emergency/", {"q": "Ada Quill", "reason": REASON})
    assert f'action="/emergency/open/{child.pk}/"' in found.content.decode()
    search = AuditEntry.objects.get(action=AuditAction.SEARCH)
    assert search.purpose.startswith("emergency: Police call")


def test_opening_a_record_in_an_emergency_shows_it_with_a_banner(client) -> None:
    child = PersonFactory()
    worker = PractitionerFactory()
    client.force_login(worker)
    assert client.get(f"/people/{child.pk}/").status_code == 404

    response = client.post(f"/emergency/open/{child.pk}/", {"reason": REASON}, follow=True)

    assert response.status_code == 200
    assert "You are seeing this record in an emergency until" in response.content.decode()
    assert EmergencyAccess.objects.get().practitioner == worker


def test_an_administrator_gets_no_emergency_access(client) -> None:
    client.force_login(PractitionerFactory(role=Role.ADMIN))
    assert client.get("/emergency/").status_code == 403
    assert (
        client.post(f"/emergency/open/{PersonFactory().pk}/", {"reason": REASON}).status_code == 403
    )


def test_the_manager_sees_the_look_in_the_menu_and_reviews_it(client) -> None:
    team = TeamFactory()
    manager = PractitionerFactory(team=team, role=Role.TEAM_MANAGER)
    worker = PractitionerFactory(team=team, manager=manager)
    client.force_login(worker)
    client.post(f"/emergency/open/{PersonFactory().pk}/", {"reason": REASON})
    grant = EmergencyAccess.objects.get()

    client.force_login(manager)
    home = client.get("/").content.decode()
    assert 'data-testid="emergency-waiting">1' in home
    page = client.get("/emergency/review/").content.decode()
    assert REASON in page
    done = client.post(
        "/emergency/review/", {"grant": grant.pk, f"g{grant.pk}-outcome": "justified"}, follow=True
    )
    assert "Nothing to review" in done.content.decode()
    grant.refresh_from_db()
    assert grant.reviewed_by == manager


def test_a_manager_sees_who_has_looked_at_a_record_refusals_and_emergencies_marked(client) -> None:
    from tests.factories import InvolvementFactory

    child = PersonFactory()
    team = TeamFactory()
    InvolvementFactory(person=child, agency=team.agency)
    manager = PractitionerFactory(team=team, role=Role.TEAM_MANAGER, last_name="Okafor")
    outsider = PractitionerFactory(last_name="Pryce")
    client.force_login(outsider)
    client.get(f"/people/{child.pk}/")
    client.post(f"/emergency/open/{child.pk}/", {"reason": REASON})

    client.force_login(manager)
    page = client.get(f"/people/{child.pk}/looks/").content.decode()

    rows = page.split('data-testid="looks"')[1]
    assert rows.count("Pryce") == 2 and "Refused access" in rows and "Emergency access" in rows
    assert REASON[:40] in rows
    again = client.get(f"/people/{child.pk}/looks/").content.decode()
    assert "Okafor" in again.split('data-testid="looks"')[1], "the manager's own look is there"


def test_a_practitioner_is_not_shown_who_has_looked(client) -> None:
    from tests.factories import InvolvementFactory

    child = PersonFactory()
    worker = PractitionerFactory()
    InvolvementFactory(person=child, agency=worker.agency)
    client.force_login(worker)
    assert client.get(f"/people/{child.pk}/looks/").status_code == 403
