import pytest
from django.test import Client
from django.urls import reverse

from tests.checks.family import at
from tests.factories import SHARING_BASIS, PractitionerFactory, TeamFactory
from tests.meetings.conftest import Family
from tests.meetings.test_services import held_icpc, strategy
from threadline.access.models import AuditEntry
from threadline.agencies.models import AgencyKind
from threadline.meetings.models import Meeting, MeetingKind, MeetingStatus
from threadline.meetings.services import circulate_minutes, write_minutes
from threadline.sharing.models import SharingDecision

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_booking_form_proposes_everyone_ticked(family: Family) -> None:
    sd = strategy(family)
    at("2024-03-05")
    page = signed_in(family.worker).get(
        reverse("meeting-book", args=[family.child.pk]) + f"?follows={sd.pk}"
    )
    html = page.content.decode()
    assert "Monday 25 March 2024" in html, "the statutory latest date is shown"
    assert 'value="icpc" selected' in html
    assert html.count("checked") == 8, "six agencies and both parents"
    assert "Carl Marsh (parent)" in html


def test_booking_in_the_past_is_refused_beside_the_date(family: Family) -> None:
    at("2024-03-05")
    page = signed_in(family.worker).post(
        reverse("meeting-book", args=[family.child.pk]),
        {"kind": "core_group", "day": "2024-03-01", "time": "10:00", "invite": []},
    )
    assert page.status_code == 200
    assert "must be in the future" in page.content.decode()
    assert Meeting.objects.count() == 0


def test_booking_an_icpc_from_the_strategy_discussion(family: Family) -> None:
    sd = strategy(family)
    at("2024-03-05")
    client = signed_in(family.chair)
    page = client.post(
        reverse("meeting-book", args=[family.child.pk]),
        {
            "follows": sd.pk,
            "kind": "icpc",
            "day": "2024-03-18",
            "time": "10:00",
            "invite": [f"agency:{family.agencies['police'].pk}"],
        },
    )
    meeting = Meeting.objects.get(kind=MeetingKind.ICPC)
    assert page.status_code == 302 and page.url == reverse("meeting", args=[meeting.pk])
    assert meeting.follows == sd and meeting.chair == family.chair
    assert {str(i) for i in meeting.invitations.all()} == {"Northshire csc", "Northshire police"}


def test_the_meeting_page_is_need_to_know_and_audited(family: Family) -> None:
    meeting = strategy(family)
    outsider_team = TeamFactory(agency__kind=AgencyKind.POLICE, agency__code="other")
    outsider = PractitionerFactory(team=outsider_team)
    assert signed_in(outsider).get(reverse("meeting", args=[meeting.pk])).status_code == 404
    page = signed_in(family.staff["police"]).get(reverse("meeting", args=[meeting.pk]))
    assert page.status_code == 200
    assert "Domestic abuse between the parents" in page.content.decode()
    assert AuditEntry.objects.filter(actor=family.staff["police"], person=family.child).exists()


def test_holding_through_the_page(family: Family) -> None:
    from tests.meetings.test_services import icpc

    meeting = icpc(family)
    at("2024-03-18", 14)
    police = meeting.invitations.get(agency__code="police")
    page = signed_in(family.chair).post(
        reverse("meeting", args=[meeting.pk]),
        {
            "form": "held",
            "day": "2024-03-18",
            "time": "10:00",
            "attended": [str(police.pk)],
            "outcome": "cp_plan",
            "decision": "Child protection plan, emotional abuse",
        },
    )
    assert page.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD


def test_minutes_print_open_with_the_reason_for_referral(family: Family) -> None:
    meeting = held_icpc(family)
    write_minutes(meeting, by=family.chair, text="The conference agreed a plan.")
    circulate_minutes(meeting.minutes, by=family.chair, basis=SHARING_BASIS)
    page = signed_in(family.chair).get(reverse("meeting-minutes-print", args=[meeting.pk]))
    html = page.content.decode()
    assert html.index("Original reason for referral") < html.index("The conference agreed a plan.")


def test_acknowledging_through_the_page(family: Family) -> None:
    meeting = held_icpc(family)
    write_minutes(meeting, by=family.chair, text="The conference agreed a plan.")
    circulate_minutes(meeting.minutes, by=family.chair, basis=SHARING_BASIS)
    client = signed_in(family.staff["gp"])
    page = client.get(reverse("meeting", args=[meeting.pk]))
    assert "Confirm Northshire gp has the minutes" in page.content.decode()
    client.post(reverse("meeting-acknowledge", args=[meeting.pk]))
    assert meeting.minutes.copies.get(agency__code="gp").acknowledged_at is not None
    awaiting = client.get(reverse("minutes-awaiting")).content.decode()
    assert "Nothing is waiting" in awaiting


def test_circulating_records_the_sharing_decision_for_each_child(family: Family) -> None:
    meeting = held_icpc(family)
    write_minutes(meeting, by=family.chair, text="The conference agreed a plan.")
    client = signed_in(family.chair)
    page = client.get(reverse("meeting", args=[meeting.pk])).content.decode()
    assert "Sharing the minutes" in page and "seven golden rules" in page
    assert 'value="not_sought" selected' in page, "the statutory suggestion is offered"
    url = reverse("meeting-circulate", args=[meeting.pk])
    refused = client.post(url, {"lawful_basis": "consent", "consent": "not_sought"})
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "There is a problem" in html and "Why sharing is necessary" in html
    meeting.minutes.refresh_from_db()
    assert meeting.minutes.circulated_at is None and not SharingDecision.objects.exists()
    sent = client.post(url, {**MINUTES_SHARING, "consent": "given", "consent_note": ""})
    assert sent.status_code == 302
    decisions = SharingDecision.objects.filter(minutes=meeting.minutes)
    assert {d.person for d in decisions} == set(meeting.children.all())
    decision = decisions.first()
    assert decision.kind == "minutes" and decision.lawful_basis == "public_task"
    assert "Northshire police" in decision.shared_with and "Northshire gp" in decision.shared_with
    after = client.get(reverse("meeting", args=[meeting.pk])).content.decode()
    assert "Shared on the basis of <span" in after and "Public task" in after


MINUTES_SHARING = {
    "reason": "So every agency invited knows the plan and its part in it.",
    "lawful_basis": "public_task",
    "special_condition": "safeguarding",
}
