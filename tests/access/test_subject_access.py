"""Subject access: the person's own record, other people's names out of the words, sensitive
categories withheld and named, and the export on the audit log."""

from __future__ import annotations

import json

import pytest

from tests.factories import (
    EventFactory,
    InvolvementFactory,
    PersonFactory,
    PractitionerFactory,
    RelationshipFactory,
    TeamFactory,
)
from threadline.access.models import AuditAction, AuditEntry
from threadline.access.subject_access import ANOTHER_PERSON, subject_access_pack
from threadline.agencies.models import Role
from threadline.chronology.vocabulary import Sensitivity
from threadline.people.models import RelationshipKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def family():
    mother = PersonFactory(given_name="Shona", family_name="Pike")
    partner = PersonFactory(given_name="Darren", family_name="Holt")
    RelationshipFactory(person=partner, relative=mother, kind=RelationshipKind.PARTNER)
    team = TeamFactory()
    InvolvementFactory(person=mother, agency=team.agency)
    # A fixed name: a random one could be the partner's family name.
    manager = PractitionerFactory(
        team=team, role=Role.TEAM_MANAGER, first_name="Ruth", last_name="Okafor"
    )
    EventFactory(
        agency=team.agency,
        people=[mother, partner],
        summary="Shona Pike says Darren Holt pushed her; darren left before police came",
    )
    EventFactory(
        agency=team.agency,
        people=[mother],
        summary="Intelligence about her brother",
        sensitivity=Sensitivity.POLICE_INTELLIGENCE,
    )
    return mother, partner, manager


def test_other_peoples_names_are_taken_out_and_her_own_kept(family) -> None:
    mother, _, manager = family
    pack = subject_access_pack(mother, by=manager, reference="SAR-1")
    [told, withheld] = pack["chronology"]
    assert told["summary"] == (
        f"Shona Pike says {ANOTHER_PERSON} {ANOTHER_PERSON} pushed her; "
        f"{ANOTHER_PERSON} left before police came"
    )
    assert "summary" not in withheld and "police intelligence" in withheld["withheld"]
    assert pack["relationships"] == [{"relationship": "Partner", "with": ANOTHER_PERSON}]
    assert pack["person"]["family_name"] == "Pike"
    assert "Holt" not in json.dumps(pack)


def test_a_manager_downloads_it_and_the_export_is_audited(client, family) -> None:
    mother, _, manager = family
    client.force_login(manager)
    assert client.get(f"/people/{mother.pk}/subject-access/").status_code == 200
    response = client.post(f"/people/{mother.pk}/subject-access/", {"reference": "SAR-2026-14"})
    assert response["Content-Disposition"].startswith('attachment; filename="subject-access-')
    assert json.loads(response.content)["reference"] == "SAR-2026-14"
    export = AuditEntry.objects.get(action=AuditAction.EXPORT)
    assert (export.person, export.purpose) == (mother, "subject access request SAR-2026-14")


def test_a_practitioner_cannot_and_an_outsider_learns_nothing(client, family) -> None:
    mother, _, manager = family
    client.force_login(PractitionerFactory(team=manager.team))
    assert client.get(f"/people/{mother.pk}/subject-access/").status_code == 403
    client.force_login(PractitionerFactory(role=Role.TEAM_MANAGER))
    assert (
        client.post(f"/people/{mother.pk}/subject-access/", {"reference": "x"}).status_code == 404
    )
    assert not AuditEntry.objects.filter(action=AuditAction.EXPORT).exists()
