"""Sharing a completed assessment: the decision recorded, the share in the chronology, and
nothing written when the decision or the assessment is not ready."""

from dataclasses import replace

import pytest
from django.test import Client
from django.urls import reverse

from tests.assessments.test_services import complete, completed, started
from tests.factories import SHARING_BASIS
from tests.meetings.conftest import Family
from threadline.agencies.models import Agency
from threadline.assessments.services import AssessmentError, share_assessment
from threadline.chronology.models import Event
from threadline.chronology.vocabulary import EventType
from threadline.sharing.models import SharingDecision

pytestmark = pytest.mark.django_db


def _others(family: Family) -> list[Agency]:
    return [family.staff["gp"].agency, family.staff["police"].agency]


def test_a_share_is_recorded_with_its_basis_and_in_the_chronology(family: Family) -> None:
    assessment = completed(family)
    told = share_assessment(
        assessment, by=family.worker, agencies=_others(family), basis=SHARING_BASIS
    )
    assert [a.code for a in told] == ["gp", "police"]
    decision = SharingDecision.objects.get(assessment=assessment)
    assert decision.person == family.child and decision.kind == "assessment"
    assert decision.shared_with == "Northshire gp, Northshire police"
    shared = Event.objects.filter(event_type=EventType.INFORMATION_SHARED, is_current=True)
    assert sorted(e.counterpart.code for e in shared) == ["gp", "police"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"reason": "needed"}, "reason"),
        ({"consent": "overridden"}, "consent_note"),
        ({"lawful_basis": "consent", "consent": "not_sought", "consent_note": "x"}, "lawful_basis"),
    ],
)
def test_a_decision_that_does_not_say_enough_writes_nothing(
    family: Family, change: dict, field: str
) -> None:
    assessment = completed(family)
    with pytest.raises(AssessmentError) as refused:
        share_assessment(
            assessment,
            by=family.worker,
            agencies=_others(family),
            basis=replace(SHARING_BASIS, **change),
        )
    assert refused.value.field == field
    assert not SharingDecision.objects.exists()
    assert not Event.objects.filter(event_type=EventType.INFORMATION_SHARED).exists()


def test_an_open_assessment_or_another_agency_cannot_share(family: Family) -> None:
    open_one = started(family)
    with pytest.raises(AssessmentError, match="once it is completed"):
        share_assessment(open_one, by=family.worker, agencies=_others(family), basis=SHARING_BASIS)
    done = complete(family, open_one, "2024-04-25")
    with pytest.raises(AssessmentError):
        share_assessment(done, by=family.staff["gp"], agencies=_others(family), basis=SHARING_BASIS)
    with pytest.raises(AssessmentError, match="at least one other agency"):
        share_assessment(done, by=family.worker, agencies=[done.agency], basis=SHARING_BASIS)
    assert not SharingDecision.objects.exists()


def test_sharing_through_the_assessment_page(family: Family) -> None:
    assessment = completed(family)
    client = Client()
    client.force_login(family.worker)
    url = reverse("assessment", args=[assessment.pk])
    page = client.get(url).content.decode()
    assert "Share the assessment and its analysis" in page and "Not shared yet." in page
    gp = family.staff["gp"].agency
    refused = client.post(url, {"form": "share", "agencies": [gp.pk], "reason": "x"})
    assert refused.status_code == 200
    assert "Say whether the family consented" in refused.content.decode()
    assert not SharingDecision.objects.exists()
    sent = client.post(
        url,
        {
            "form": "share",
            "agencies": [gp.pk],
            "reason": "The GP needs the analysis for the mother's care.",
            "lawful_basis": "public_task",
            "special_condition": "health_and_care",
            "consent": "given",
        },
    )
    assert sent.status_code == 302
    after = client.get(url).content.decode()
    assert "To Northshire gp, on the basis of <span" in after and "Public task" in after
