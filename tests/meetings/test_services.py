import datetime as dt

import pytest

from tests.checks.family import LONDON, at
from tests.factories import SHARING_BASIS
from tests.meetings.conftest import Family
from threadline import clock
from threadline.checks.engine import tick
from threadline.checks.models import Alert, AlertState, Resolution
from threadline.chronology.models import Event
from threadline.chronology.vocabulary import EventType
from threadline.meetings.models import Meeting, MeetingKind, MeetingStatus, MinutesCopy, Response
from threadline.meetings.selectors import proposed_invitations
from threadline.meetings.services import (
    ActionSpec,
    MeetingError,
    Upload,
    acknowledge_minutes,
    answer_invitation,
    book_meeting,
    cancel_meeting,
    circulate_minutes,
    complete_action,
    hold_meeting,
    record_meeting,
    review_decision,
    write_minutes,
)

pytestmark = pytest.mark.django_db


def when(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=LONDON)


def strategy(family: Family, day: str = "2024-03-04") -> Meeting:
    at(day, 15)
    a = family.agencies
    return record_meeting(
        kind=MeetingKind.STRATEGY_DISCUSSION,
        children=[family.child],
        by=family.worker,
        held_at=when(day, 11),
        agencies=[a["police"], a["health_visiting"]],
        decisions=[("section_47", "Section 47 enquiry; initial child protection conference")],
    )


def icpc(family: Family, day: str = "2024-03-18") -> Meeting:
    sd = strategy(family)
    at("2024-03-05")
    proposals = proposed_invitations(MeetingKind.ICPC, [family.child], clock.today())
    return book_meeting(
        kind=MeetingKind.ICPC,
        children=[family.child],
        by=family.worker,
        when=when(day),
        agencies=[p.agency for p in proposals if p.agency],
        people=[p.person for p in proposals if p.person],
        chair=family.chair,
        follows=sd,
    )


def held_icpc(family: Family) -> Meeting:
    meeting = icpc(family)
    at("2024-03-18", 14)
    came = [i.pk for i in meeting.invitations.all() if i.agency and i.agency.code != "gp"]
    return hold_meeting(
        meeting,
        by=family.chair,
        held_at=when("2024-03-18", 10),
        attended=came,
        decisions=[("cp_plan", "Child protection plan under emotional abuse")],
        actions=[
            ActionSpec(
                "Refer the father to a perpetrator programme",
                family.agencies["csc"],
                dt.date(2024, 4, 1),
            ),
        ],
    )


def test_proposals_include_every_involved_agency_health_and_the_father(family: Family) -> None:
    proposals = proposed_invitations(MeetingKind.ICPC, [family.child], dt.date(2024, 3, 5))
    agencies = {p.agency.code for p in proposals if p.agency}
    assert agencies == {"csc", "police", "gp", "education", "health_visiting", "housing"}
    people = [p.person for p in proposals if p.person]
    assert people[0] == family.father, "the father is proposed, and first"
    assert family.mother in people


def test_professionals_meetings_do_not_invite_parents(family: Family) -> None:
    proposals = proposed_invitations(MeetingKind.PROFESSIONALS, [family.child], dt.date(2024, 3, 5))
    assert all(p.person is None for p in proposals)


def test_booking_writes_the_booking_and_invitations_to_the_chronology(family: Family) -> None:
    meeting = icpc(family)
    assert meeting.latest_date == dt.date(2024, 3, 25), "15 working days from 4 March"
    assert "Domestic abuse between the parents" in meeting.reason_for_referral
    invited = Event.objects.filter(event_type=EventType.INVITATION, is_current=True)
    assert {e.counterpart.code for e in invited} == {
        "police",
        "gp",
        "education",
        "health_visiting",
        "housing",
    }
    booking = Event.objects.get(event_type=EventType.MEETING_SCHEDULED)
    assert booking.outcome == "icpc" and booking.due_on == dt.date(2024, 3, 18)
    # Everyone working with the child was invited: SHR-4 has nothing to ask for.
    assert not Alert.objects.filter(check_id="SHR-4", state__in=["watching", "raised"]).exists()


def test_a_meeting_in_the_past_cannot_be_booked_as_scheduled(family: Family) -> None:
    at("2024-03-05")
    with pytest.raises(MeetingError) as refused:
        book_meeting(
            kind=MeetingKind.CORE_GROUP,
            children=[family.child],
            by=family.worker,
            when=when("2024-03-04"),
        )
    assert refused.value.field == "when"
    assert "must be in the future" in refused.value.message
    assert Meeting.objects.count() == 0


def test_an_icpc_after_fifteen_working_days_needs_a_reason(family: Family) -> None:
    sd = strategy(family)
    at("2024-03-05")
    with pytest.raises(MeetingError) as refused:
        book_meeting(
            kind=MeetingKind.ICPC,
            children=[family.child],
            by=family.worker,
            when=when("2024-03-26"),
            follows=sd,
        )
    assert refused.value.field == "delay_reason"
    assert "25 March 2024" in refused.value.message
    assert Meeting.objects.filter(kind=MeetingKind.ICPC).count() == 0
    late = book_meeting(
        kind=MeetingKind.ICPC,
        children=[family.child],
        by=family.worker,
        when=when("2024-03-26"),
        follows=sd,
        delay_reason="The only date the paediatrician can attend",
    )
    assert late.delay_reason.startswith("The only date")


def test_only_social_care_convenes_a_conference(family: Family) -> None:
    at("2024-03-05")
    with pytest.raises(MeetingError) as refused:
        book_meeting(
            kind=MeetingKind.ICPC,
            children=[family.child],
            by=family.staff["police"],
            when=when("2024-03-18"),
        )
    assert refused.value.field == "kind"


def test_any_professional_may_call_a_professionals_meeting(family: Family) -> None:
    at("2024-03-05")
    meeting = book_meeting(
        kind=MeetingKind.PROFESSIONALS,
        children=[family.child],
        by=family.staff["education"],
        when=when("2024-03-12"),
        agencies=[family.agencies["csc"], family.agencies["health_visiting"]],
    )
    assert meeting.convened_by.code == "education"


def test_apologies_go_into_the_chronology(family: Family) -> None:
    meeting = icpc(family)
    gp = meeting.invitations.get(agency__code="gp")
    answer_invitation(gp, response=Response.APOLOGIES, by=family.staff["gp"])
    apologies = Event.objects.get(event_type=EventType.APOLOGIES)
    assert apologies.agency.code == "gp"
    assert (
        apologies.refers_to is not None
        and apologies.refers_to.event_type == EventType.MEETING_SCHEDULED
    )


def test_an_agency_cannot_answer_for_another(family: Family) -> None:
    meeting = icpc(family)
    gp = meeting.invitations.get(agency__code="gp")
    with pytest.raises(MeetingError):
        answer_invitation(gp, response=Response.APOLOGIES, by=family.staff["police"])


def test_minutes_for_a_meeting_that_did_not_happen_are_refused(family: Family) -> None:
    meeting = icpc(family)
    with pytest.raises(MeetingError) as refused:
        write_minutes(meeting, by=family.chair, text="Minutes")
    assert "meeting that happened" in refused.value.message
    cancel_meeting(meeting, by=family.worker, reason="Family moved away")
    with pytest.raises(MeetingError):
        write_minutes(meeting, by=family.chair, text="Minutes")


def test_holding_records_attendance_decisions_and_actions(family: Family) -> None:
    meeting = held_icpc(family)
    responses = {str(i.agency or i.person): i.response for i in meeting.invitations.all()}
    assert responses["Northshire gp"] == Response.DID_NOT_ATTEND
    assert responses["Northshire police"] == Response.ATTENDED
    held = Event.objects.get(event_type=EventType.CONFERENCE)
    assert held.outcome == "icpc"
    assert held.detail.startswith("Original reason for referral: Domestic abuse")
    action = Event.objects.get(event_type=EventType.ACTION_SET)
    assert action.due_on == dt.date(2024, 4, 1) and action.refers_to == held


def test_a_meeting_cannot_be_held_in_the_future(family: Family) -> None:
    meeting = icpc(family)
    with pytest.raises(MeetingError) as refused:
        hold_meeting(meeting, by=family.chair, held_at=when("2024-03-18"), attended=[])
    assert refused.value.field == "held_at"
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.SCHEDULED


def test_minutes_go_to_every_invitee_and_health_and_police(family: Family) -> None:
    meeting = held_icpc(family)
    minutes = write_minutes(meeting, by=family.chair, text="The conference met and decided a plan.")
    assert minutes.due_on == dt.date(2024, 4, 3), (
        "10 working days, Good Friday and Easter Monday out"
    )
    copies = circulate_minutes(minutes, by=family.chair, basis=SHARING_BASIS)
    assert {c.agency.code for c in copies} == {
        "police",
        "gp",
        "education",
        "health_visiting",
        "housing",
    }
    sent = Event.objects.filter(event_type=EventType.MINUTES_CIRCULATED)
    assert sent.count() == 5


def test_uploaded_minutes_are_kept(family: Family) -> None:
    meeting = held_icpc(family)
    upload = Upload("minutes.pdf", "application/pdf", b"%PDF-1.4 minutes")
    minutes = write_minutes(meeting, by=family.chair, upload=upload)
    minutes.refresh_from_db()
    assert bytes(minutes.file_content) == b"%PDF-1.4 minutes"


def test_an_agency_not_invited_cannot_acknowledge(family: Family) -> None:
    meeting = strategy(family)
    minutes = write_minutes(meeting, by=family.worker, text="Strategy discussion minutes")
    circulate_minutes(minutes, by=family.worker, basis=SHARING_BASIS)
    with pytest.raises(MeetingError) as refused:
        acknowledge_minutes(minutes, by=family.staff["housing"])
    assert refused.value.field == "agency"
    assert "was not invited" in refused.value.message
    assert not Event.objects.filter(event_type=EventType.MINUTES_RECEIVED).exists()


def test_acknowledging_writes_the_receipt_once(family: Family) -> None:
    meeting = strategy(family)
    minutes = write_minutes(meeting, by=family.worker, text="Strategy discussion minutes")
    circulate_minutes(minutes, by=family.worker, basis=SHARING_BASIS)
    acknowledge_minutes(minutes, by=family.staff["police"])
    acknowledge_minutes(minutes, by=family.staff["police"])
    receipt = Event.objects.get(event_type=EventType.MINUTES_RECEIVED)
    assert receipt.agency.code == "police"
    copy = MinutesCopy.objects.get(agency__code="police")
    assert copy.acknowledged_by == family.staff["police"]


def test_missing_receipt_escalates_to_the_practice_manager_then_resolves(family: Family) -> None:
    meeting = held_icpc(family)
    minutes = write_minutes(meeting, by=family.chair, text="Minutes of the conference.")
    at("2024-03-20")
    circulate_minutes(minutes, by=family.chair, basis=SHARING_BASIS)
    for code in ("police", "education", "health_visiting", "housing"):
        acknowledge_minutes(minutes, by=family.staff[code])
    alert = Alert.objects.get(check_id="SHR-3", what__contains="Conference on 18 Mar 2024")
    assert alert.state == AlertState.WATCHING and "Northshire gp" in alert.what
    at("2024-04-04", 9)  # due by the end of 3 April, ten working days after the conference
    tick()
    alert.refresh_from_db()
    assert alert.state == AlertState.RAISED and alert.rung == 0
    at("2024-04-08", 9)  # two working days after it was due: the practice manager
    tick()
    alert.refresh_from_db()
    assert alert.rung == 1
    assert alert.recipients.filter(practitioner=family.practice).exists()
    acknowledge_minutes(minutes, by=family.staff["gp"])
    alert.refresh_from_db()
    assert alert.state == AlertState.RESOLVED and alert.resolution == Resolution.DONE


def test_completing_an_action_answers_it_in_the_chronology(family: Family) -> None:
    meeting = held_icpc(family)
    action = meeting.actions.get()
    at("2024-03-25")
    complete_action(action, by=family.worker, on=dt.date(2024, 3, 25))
    done = Event.objects.get(event_type=EventType.ACTION_COMPLETED)
    assert done.refers_to is not None and done.refers_to.event_type == EventType.ACTION_SET
    with pytest.raises(MeetingError):
        complete_action(action, by=family.worker, on=dt.date(2024, 3, 25))


def test_the_father_invited_to_the_conference_satisfies_net_2(family: Family) -> None:
    held_icpc(family)
    assert not Alert.objects.filter(check_id="NET-2", state__in=["watching", "raised"]).exists()
    held = Event.objects.get(event_type=EventType.CONFERENCE)
    roles = {link.person_id: link.role for link in held.people.all()}
    assert roles[family.father.pk] == "invited"


def test_a_managers_review_answers_dec_2(family: Family) -> None:
    meeting = strategy(family)
    with pytest.raises(MeetingError):
        review_decision(meeting, by=family.worker, note="Agreed")
    review_decision(meeting, by=family.manager, note="Agreed: threshold for section 47 met")
    alert = Alert.objects.get(check_id="DEC-2")
    assert alert.state == AlertState.RESOLVED
