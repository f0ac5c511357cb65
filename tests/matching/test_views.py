"""The review queue's pages: who sees which pairs, and every look on the audit log."""

from __future__ import annotations

import pytest

from tests.factories import AgencyFactory, PersonFactory, PractitionerFactory, TeamFactory
from threadline import clock
from threadline.access.models import AuditAction, AuditEntry
from threadline.agencies.models import Agency, Role
from threadline.matching.merging import merge_people
from threadline.matching.models import Candidate, MergeOrigin
from threadline.people.models import Person, PersonRecord

pytestmark = pytest.mark.django_db


def held_by(agency: Agency, source_id: str) -> Person:
    person = PersonFactory()
    PersonRecord.objects.create(
        agency=agency,
        source_id=source_id,
        person=person,
        given_name=person.given_name,
        family_name=person.family_name,
        content_hash="test",
        received_at=clock.now(),
    )
    return person


def gp_pair() -> Candidate:
    gp = AgencyFactory(code="gp", name="Riverside Surgery")
    one, two = held_by(gp, "G1"), held_by(gp, "G2")
    return Candidate.objects.create(
        person=one, other=two, probability=0.9, match_weight=3.2, found_at=clock.now()
    )


def reviewer(role: str, agency: Agency | None = None) -> PractitionerFactory:
    team = TeamFactory(agency=agency) if agency else TeamFactory()
    return PractitionerFactory(team=team, role=role)


def test_a_manager_sees_only_pairs_that_touch_their_own_agencys_records(client) -> None:
    pair = gp_pair()
    client.force_login(reviewer(Role.TEAM_MANAGER))

    assert pair.person.full_name not in client.get("/matches/").content.decode()
    assert client.get(f"/matches/{pair.pk}/").status_code == 404


def test_the_front_door_works_the_whole_queue(client) -> None:
    pair = gp_pair()
    client.force_login(reviewer(Role.MASH))

    assert pair.person.full_name in client.get("/matches/").content.decode()
    assert client.get(f"/matches/{pair.pk}/").status_code == 200


def test_the_queue_is_for_reviewers_only(client) -> None:
    gp_pair()
    client.force_login(reviewer(Role.PRACTITIONER))
    assert client.get("/matches/").status_code == 403


def test_listing_the_queue_and_opening_a_merge_are_on_the_audit_log(client) -> None:
    pair = gp_pair()
    mash = reviewer(Role.MASH)
    client.force_login(mash)
    client.get("/matches/")
    merge = merge_people(pair.person, pair.other, origin=MergeOrigin.PRACTITIONER)

    assert client.get(f"/matches/merges/{merge.pk}/").status_code == 200

    entries = AuditEntry.objects.filter(actor=mash)
    assert entries.filter(action=AuditAction.SEARCH, detail__contains="review queue").exists()
    assert set(
        entries.filter(action=AuditAction.VIEW, purpose="merge review").values_list(
            "person", flat=True
        )
    ) == {pair.person_id, pair.other_id}
