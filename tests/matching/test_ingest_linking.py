"""Linking as feeds arrive: the police's record of a man joined to the GP's, the doubtful pair
queued for a practitioner, and the decision standing."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from tests.factories import PractitionerFactory
from tests.feeds.records import VALID_NHS, agency, lines, person
from threadline.access.models import AuditAction, AuditEntry
from threadline.feeds.services import ingest_feed
from threadline.matching.models import Candidate, CandidateState, Merge, MergeOrigin
from threadline.matching.services import DecisionError, decide, undo_merge
from threadline.people.models import Person, PersonRecord

pytestmark = pytest.mark.django_db


def father(source_id: str, agency_code: str, given: str, **fields):
    return person(
        source_id,
        agency_code,
        name={"given": given, "family": fields.pop("family", "Hartley")},
        date_of_birth=fields.pop("date_of_birth", "1988-07-14"),
        sex="male",
        addresses=[{"line1": "4 Mill Lane", "postcode": fields.pop("postcode", "NE1 4ST")}],
        **fields,
    )


def gp_record() -> list[str]:
    return lines(agency("gp", "gp"), father("G1", "gp", "William", nhs_number=VALID_NHS[1]))


def test_a_record_without_an_nhs_number_is_joined_to_the_person_known() -> None:
    ingest_feed(gp_record())
    summary = ingest_feed(lines(agency("police", "police"), father("P9", "police", "Bill")))

    assert summary.linked == 1
    william = Person.objects.get(nhs_number=VALID_NHS[1])
    assert PersonRecord.objects.get(source_id="P9").person == william
    merge = Merge.objects.get()
    assert merge.origin == MergeOrigin.AUTOMATIC
    assert merge.evidence["given"]["level"] == "Same formal name"
    assert Person.objects.filter(merged_into__isnull=True).count() == 1


def test_resending_the_linked_record_changes_nothing() -> None:
    ingest_feed(gp_record())
    police = lines(agency("police", "police"), father("P9", "police", "Bill"))
    ingest_feed(police)
    summary = ingest_feed(police)
    assert (summary.linked, summary.for_review) == (0, 0)
    assert Merge.objects.count() == 1


def test_a_doubtful_pair_waits_for_a_practitioner_who_decides() -> None:
    ingest_feed(gp_record())
    summary = ingest_feed(
        lines(
            agency("police", "police"),
            # A digit of the birth date mistyped, and another address: not sure enough.
            father("P9", "police", "Bill", date_of_birth="1988-07-04", postcode="NE2 1AA"),
        )
    )
    assert (summary.linked, summary.for_review) == (0, 1)
    candidate = Candidate.objects.get()
    assert candidate.state == CandidateState.PENDING
    worker = PractitionerFactory()

    with pytest.raises(DecisionError, match=rf"match {candidate.pk}: reason"):
        decide(candidate, same_person=True, by=worker, reason=" ")
    decide(candidate, same_person=True, by=worker, reason="Same man: police PNC shows GP address")

    candidate.refresh_from_db()
    assert (candidate.state, candidate.decided_by) == (CandidateState.LINKED, worker)
    assert Merge.objects.get().origin == MergeOrigin.REVIEW
    assert PersonRecord.objects.filter(person__merged_into__isnull=True).count() == 2


def test_an_unmerged_pair_is_not_joined_again_by_the_batch_relink() -> None:
    ingest_feed(gp_record())
    ingest_feed(lines(agency("police", "police"), father("P9", "police", "Bill")))
    worker = PractitionerFactory()

    undo_merge(Merge.objects.get(), by=worker, reason="Different man: his brother")
    call_command("link")

    assert Person.objects.filter(merged_into__isnull=True).count() == 2
    assert Candidate.objects.get().state == CandidateState.DECLINED
    assert Merge.objects.filter(unmerged_at__isnull=True).count() == 0


def test_an_old_link_to_a_merged_record_opens_the_person_it_joined(client) -> None:
    from tests.factories import InvolvementFactory, TeamFactory
    from threadline.agencies.models import Agency

    ingest_feed(gp_record())
    ingest_feed(lines(agency("police", "police"), father("P9", "police", "Bill")))
    merge = Merge.objects.get()
    officer = PractitionerFactory(team=TeamFactory(agency=Agency.objects.get(code="police")))
    InvolvementFactory(person=merge.survivor, agency=officer.agency)
    client.force_login(officer)

    response = client.get(f"/people/{merge.absorbed_id}/")

    assert response.status_code == 302
    assert response["Location"] == f"/people/{merge.survivor_id}/"
    assert client.get(response["Location"]).status_code == 200


def test_someone_who_may_not_see_the_person_learns_nothing_from_an_old_link(client) -> None:
    ingest_feed(gp_record())
    ingest_feed(lines(agency("police", "police"), father("P9", "police", "Bill")))
    merge = Merge.objects.get()
    outsider = PractitionerFactory()  # no involvement with him
    client.force_login(outsider)

    response = client.get(f"/people/{merge.absorbed_id}/")

    assert response.status_code == 404, "not a redirect that names the person he became"
    refused = AuditEntry.objects.get(actor=outsider)
    assert (refused.action, refused.person_id) == (AuditAction.DENIED, merge.absorbed_id)
