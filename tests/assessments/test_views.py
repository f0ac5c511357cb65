import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from tests.assessments.test_dash import answers_with
from tests.assessments.test_services import complete, started
from tests.checks.family import at
from tests.factories import PractitionerFactory, TeamFactory
from tests.meetings.conftest import Family
from threadline.access.models import AuditAction, AuditEntry
from threadline.agencies.models import AgencyKind
from threadline.assessments.models import (
    Assessment,
    ChildRiskAssessment,
    DashChecklist,
    RiskLevel,
)
from threadline.assessments.services import complete_dash
from threadline.chronology.models import Event
from threadline.chronology.vocabulary import EventType
from threadline.sharing.models import SharingDecision

pytestmark = pytest.mark.django_db

MARAC_SHARING = {
    "lawful_basis": "public_task",
    "special_condition": "safeguarding",
    "consent": "not_sought",
    "consent_note": "Telling him of the referral would put her at greater risk.",
}


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def outsider() -> object:
    team = TeamFactory(agency__kind=AgencyKind.POLICE, agency__code="elsewhere")
    return PractitionerFactory(team=team)


def dash_post(yes: int, **extra: str) -> dict[str, str]:
    data = {f"q{n}": answer for n, answer in answers_with(yes).items()}
    return {"completed_on": "2024-03-04", **data, **extra}


def test_every_page_is_need_to_know_and_audited(mothers_family: Family) -> None:
    family = mothers_family
    assessment = started(family)
    at("2024-03-05", 16)
    checklist = complete_dash(family.mother, by=family.staff["police"], answers=answers_with(3))
    stranger = signed_in(outsider())
    pages = [
        reverse("person-assessments", args=[family.child.pk]),
        reverse("assessment-start", args=[family.child.pk]),
        reverse("assessment", args=[assessment.pk]),
        reverse("dash-form", args=[family.mother.pk]),
        reverse("dash", args=[checklist.pk]),
        reverse("child-risk-form", args=[family.child.pk]),
    ]
    for page in pages:
        assert stranger.get(page).status_code == 404, page
    assert stranger.post(reverse("dash-marac", args=[checklist.pk])).status_code == 404
    assert AuditEntry.objects.filter(action=AuditAction.DENIED).count() == len(pages) + 1
    police = signed_in(family.staff["police"])
    for page in pages:
        assert police.get(page).status_code == 200, page
    assert AuditEntry.objects.filter(
        actor=family.staff["police"], person=family.mother, action=AuditAction.VIEW
    ).exists()


def test_starting_through_the_page(family: Family) -> None:
    at("2024-03-05", 15)
    page = signed_in(family.worker).post(
        reverse("assessment-start", args=[family.child.pk]),
        {
            "kind": "single_assessment",
            "referred_on": "04/03/2024",
            "started_on": "2024-03-05",
            "lead_practitioner": family.worker.pk,
        },
    )
    assessment = Assessment.objects.get()
    assert page.status_code == 302 and page.url == reverse("assessment", args=[assessment.pk])
    assert assessment.due_on == dt.date(2024, 5, 9)


def test_a_start_before_the_referral_is_refused_beside_the_date(family: Family) -> None:
    at("2024-03-05", 15)
    page = signed_in(family.worker).post(
        reverse("assessment-start", args=[family.child.pk]),
        {
            "kind": "single_assessment",
            "referred_on": "2024-03-05",
            "started_on": "2024-03-04",
            "lead_practitioner": family.worker.pk,
        },
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert 'href="#id_started_on">An assessment starts on or after its referral' in html
    assert Assessment.objects.count() == 0


def test_completing_without_saying_about_fathers_is_refused(family: Family) -> None:
    assessment = started(family)
    at("2024-04-25", 16)
    form = {
        "form": "complete",
        "completed_on": "2024-04-25",
        "child_seen_alone_on": "2024-03-15",
        "child_views": "Ada wants the shouting to stop",
        "analysis": "Ada is frightened at home.",
        "outcome": "cin_plan",
    }
    client = signed_in(family.worker)
    page = client.post(reverse("assessment", args=[assessment.pk]), form)
    html = page.content.decode()
    assert page.status_code == 200
    assert 'href="#id_fathers_assessed_0">Say whether the child&#x27;s father' in html
    assert not Event.objects.filter(event_type=EventType.ASSESSMENT_COMPLETED).exists()
    page = client.post(
        reverse("assessment", args=[assessment.pk]), {**form, "fathers_assessed": "yes"}
    )
    assert page.status_code == 302
    assessment.refresh_from_db()
    assert assessment.completed_on == dt.date(2024, 4, 25) and assessment.fathers_assessed


def test_only_a_manager_is_offered_authorisation(family: Family) -> None:
    assessment = complete(family, started(family), "2024-04-25", fathers_assessed=True)
    url = reverse("assessment", args=[assessment.pk])
    assert "Authorise the assessment" not in signed_in(family.worker).get(url).content.decode()
    refused = signed_in(family.worker).post(url, {"form": "authorise", "note": ""})
    assert "practice, team or service manager" in refused.content.decode()
    manager = signed_in(family.manager)
    assert "Authorise the assessment" in manager.get(url).content.decode()
    assert manager.post(url, {"form": "authorise", "note": "Agreed"}).status_code == 302
    page = manager.get(url).content.decode()
    assert "Authorised on 25 April 2024" in page


def test_the_assessment_page_says_what_is_still_to_record(family: Family) -> None:
    assessment = complete(
        family, started(family), "2024-04-25", child_seen_alone_on=None, child_views=""
    )
    page = signed_in(family.worker).get(reverse("assessment", args=[assessment.pk]))
    html = page.content.decode()
    assert "The child has not been recorded as seen alone." in html
    assert "Add a visit that was not recorded" in html


def test_a_dash_with_fourteen_yes_shows_high_risk_and_refers(mothers_family: Family) -> None:
    family = mothers_family
    at("2024-03-04", 15)
    client = signed_in(family.staff["police"])
    form = client.get(reverse("dash-form", args=[family.mother.pk])).content.decode()
    assert form.count('type="radio"') == 72
    assert "Carl Marsh (parent of Ada Marsh)" in form
    page = client.post(
        reverse("dash-form", args=[family.mother.pk]),
        dash_post(14, perpetrator=str(family.father.pk)),
    )
    checklist = DashChecklist.objects.get()
    assert page.status_code == 302 and page.url == reverse("dash", args=[checklist.pk])
    assert checklist.level == RiskLevel.HIGH and checklist.perpetrator == family.father
    html = client.get(page.url).content.decode()
    assert "High risk" in html and "14 of 24" in html and "Refer to MARAC" in html
    assert "Sharing the checklist with the MARAC" in html
    refused = client.post(
        reverse("dash-marac", args=[checklist.pk]), {"lawful_basis": "public_task"}
    )
    assert refused.status_code == 400
    assert "Say whether the family consented" in refused.content.decode()
    assert DashChecklist.objects.get().marac_referred_on is None, "nothing is written"
    client.post(reverse("dash-marac", args=[checklist.pk]), MARAC_SHARING)
    html = client.get(page.url).content.decode()
    assert "Referred to MARAC on 4 March 2024" in html and "Refer to MARAC</button>" not in html
    decision = SharingDecision.objects.get(dash=checklist)
    assert (decision.person, decision.shared_with, decision.kind) == (
        family.mother,
        "MARAC",
        "assessment",
    )
    assert "Consent: not sought: unsafe or inappropriate to ask (Telling him" in html


def test_an_unanswered_question_is_named(mothers_family: Family) -> None:
    at("2024-03-04", 15)
    data = dash_post(3)
    del data["q9"]
    page = signed_in(mothers_family.staff["police"]).post(
        reverse("dash-form", args=[mothers_family.mother.pk]), data
    )
    html = page.content.decode()
    assert 'href="#id_q9_0">Answer every question yes, no or not known; not answered: 9' in html
    assert 'value="yes" checked' in html, "the answers given are kept"
    assert DashChecklist.objects.count() == 0


def test_a_previous_marac_ticks_repeat_incident(mothers_family: Family) -> None:
    at("2024-03-04", 15)
    client = signed_in(mothers_family.staff["police"])
    client.post(reverse("dash-form", args=[mothers_family.mother.pk]), dash_post(15))
    client.post(reverse("dash-marac", args=[DashChecklist.objects.get().pk]), MARAC_SHARING)
    at("2024-09-04", 15)
    html = client.get(reverse("dash-form", args=[mothers_family.mother.pk])).content.decode()
    assert "A MARAC referral about Beth Marsh is recorded on 4 March 2024" in html
    assert 'name="repeat_incident" type="checkbox" value="on" checked' in html


def test_the_child_risk_tool_through_the_page(family: Family) -> None:
    at("2024-03-06", 15)
    client = signed_in(family.staff["education"])
    data = {"completed_on": "2024-03-06", "raised_to": "", "judgement_reason": "", "notes": ""}
    data |= {field: "0" for field in ("under_one_or_unborn", "contact_conflict")}
    data |= {"present_or_injured": "2", "child_affected": "3", "used_to_control": "0"}
    page = client.post(reverse("child-risk-form", args=[family.child.pk]), data)
    html = page.content.decode()
    assert page.status_code == 200, "two factors not graded"
    assert "Grade this factor: Does the perpetrator misuse" in html
    data |= {"perpetrator_problems": "1", "escalation": "2"}
    page = client.post(reverse("child-risk-form", args=[family.child.pk]), data)
    risk = ChildRiskAssessment.objects.get()
    assert page.status_code == 302 and risk.level == 3
    html = client.get(page.url).content.decode()
    assert "Level 3: medium-high" in html and "Refer to children&#x27;s social care" in html


def test_the_persons_assessments_page_lists_everything(mothers_family: Family) -> None:
    started(mothers_family)
    at("2024-03-05", 16)
    complete_dash(
        mothers_family.mother, by=mothers_family.staff["police"], answers=answers_with(15)
    )
    child_page = signed_in(mothers_family.worker).get(
        reverse("person-assessments", args=[mothers_family.child.pk])
    )
    assert "Single assessment" in child_page.content.decode()
    mother_page = signed_in(mothers_family.staff["police"]).get(
        reverse("person-assessments", args=[mothers_family.mother.pk])
    )
    assert "Referral due" in mother_page.content.decode()
