import datetime as dt

import pytest

from tests.checks.family import at, feed
from tests.meetings.conftest import Family
from tests.meetings.test_services import held_icpc, when
from threadline.casework.models import EpisodeKind, StatusEpisode
from threadline.checks.models import OPEN_STATES, Alert
from threadline.chronology.models import Event
from threadline.chronology.vocabulary import EventType
from threadline.meetings.models import Meeting, MeetingKind
from threadline.meetings.services import complete_action, record_meeting
from threadline.stepdown.models import Destination, StepDownDecision
from threadline.stepdown.selectors import readiness
from threadline.stepdown.services import StepDownError, decide_step_down

pytestmark = pytest.mark.django_db


def on_a_plan(family: Family) -> Meeting:
    """A child protection plan from the ICPC, whose chair set an action for the step-down."""
    conference = held_icpc(family)
    feed(
        {
            "kind": "status_episode",
            "agency": "csc",
            "id": "cp1",
            "person": "child",
            "status": "cp",
            "start": "2024-03-18",
            "category_of_abuse": "EMO",
        }
    )
    return conference


def core_group(family: Family, day: str) -> Meeting:
    at(day, 15)
    return record_meeting(
        kind=MeetingKind.CORE_GROUP,
        children=[family.child],
        by=family.worker,
        held_at=when(day, 10),
        agencies=[family.agencies["police"], family.agencies["education"]],
    )


def test_refused_while_the_chairs_actions_are_open(family: Family) -> None:
    on_a_plan(family)
    meeting = core_group(family, "2024-06-10")
    with pytest.raises(StepDownError) as refused:
        decide_step_down(
            family.child,
            by=family.worker,
            destination=Destination.CHILD_IN_NEED,
            reason="Progress made",
            meeting=meeting,
        )
    assert refused.value.field == "override_reason"
    assert refused.value.unmet == [
        "1 action(s) set for the family not completed: "
        "Action for Northshire csc: Refer the father to a perpetrator programme"
    ]
    assert StepDownDecision.objects.count() == 0
    assert StatusEpisode.objects.get(source_id="cp1").ended_on is None


def test_refused_without_a_multi_agency_discussion(family: Family) -> None:
    conference = on_a_plan(family)
    at("2024-06-10")
    complete_action(conference.actions.get(), by=family.worker, on=dt.date(2024, 6, 10))
    state = readiness(family.child)
    assert state.open_actions == []
    assert state.unmet() == ["no multi-agency meeting in the 20 working days before"]


def test_agreed_at_a_core_group_once_the_actions_are_done(family: Family) -> None:
    conference = on_a_plan(family)
    at("2024-06-07")
    complete_action(conference.actions.get(), by=family.worker, on=dt.date(2024, 6, 7))
    meeting = core_group(family, "2024-06-10")
    decision = decide_step_down(
        family.child,
        by=family.worker,
        destination=Destination.CHILD_IN_NEED,
        reason="Father completed the programme; no incidents since March",
        meeting=meeting,
    )
    assert decision.unmet == []
    cp = StatusEpisode.objects.get(source_id="cp1")
    assert cp.ended_on == dt.date(2024, 6, 10)
    cin = StatusEpisode.objects.get(source_id=f"tl-stepdown-{decision.pk}")
    assert cin.kind == EpisodeKind.CHILD_IN_NEED and cin.ended_on is None
    assert cin.reason.startswith("Domestic abuse between the parents"), "the thread is kept"
    told = Event.objects.filter(event_type=EventType.INFORMATION_SHARED, is_current=True)
    assert {e.counterpart.code for e in told} == {
        "police",
        "gp",
        "education",
        "health_visiting",
        "housing",
    }
    decided = Event.objects.get(event_type=EventType.DECISION)
    assert decided.outcome == "step_down" and decided.refers_to is not None
    assert not Alert.objects.filter(check_id__in=["PLN-3", "PLN-4"], state__in=OPEN_STATES)


def test_a_manager_may_override_with_a_reason(family: Family) -> None:
    on_a_plan(family)
    at("2024-06-10")
    with pytest.raises(StepDownError) as refused:
        decide_step_down(
            family.child,
            by=family.worker,
            destination=Destination.CHILD_IN_NEED,
            reason="Progress made",
            override_reason="Family moving; the receiving authority will hold the plan",
        )
    assert "only a manager" in refused.value.message
    decision = decide_step_down(
        family.child,
        by=family.manager,
        destination=Destination.CHILD_IN_NEED,
        reason="Progress made",
        override_reason="Family moving; the receiving authority will hold the plan",
    )
    assert len(decision.unmet) == 2
    assert "manager's override" in Event.objects.get(event_type=EventType.DECISION).summary


def test_active_risk_needs_an_appraisal(family: Family) -> None:
    conference = on_a_plan(family)
    at("2024-06-07")
    complete_action(conference.actions.get(), by=family.worker, on=dt.date(2024, 6, 7))
    feed(
        {
            "kind": "event",
            "agency": "police",
            "id": "da1",
            "type": "domestic_abuse_incident",
            "occurred": "2024-05-20",
            "people": [{"agency": "csc", "id": "child"}],
            "summary": "Police called to the home",
        }
    )
    meeting = core_group(family, "2024-06-10")
    state = readiness(family.child, meeting)
    assert state.unmet() == [
        "no risk appraisal while there are 1 incident(s) (domestic abuse incident)"
    ]
    decision = decide_step_down(
        family.child,
        by=family.worker,
        destination=Destination.CHILD_IN_NEED,
        reason="Progress made",
        meeting=meeting,
        risk_appraisal="Incident was verbal; mother has a safety plan; father engaging.",
    )
    assert decision.unmet == []
    assert Event.objects.filter(event_type=EventType.RISK_ASSESSMENT).exists()


def test_closure_needs_the_signs_for_re_referral(family: Family) -> None:
    at("2024-03-05")
    with pytest.raises(StepDownError) as refused:
        decide_step_down(
            family.child, by=family.worker, destination=Destination.CLOSURE, reason="Needs met"
        )
    assert refused.value.field == "re_referral_signs"


def test_closure_tells_every_agency_what_should_bring_the_child_back(family: Family) -> None:
    at("2024-03-05")
    meeting = core_group(family, "2024-03-05")
    decide_step_down(
        family.child,
        by=family.worker,
        destination=Destination.CLOSURE,
        reason="Needs met",
        meeting=meeting,
        re_referral_signs="Any further domestic abuse incident; the father returning home",
    )
    assert StatusEpisode.objects.get(source_id="ep1").ended_on == dt.date(2024, 3, 5)
    told = Event.objects.filter(event_type=EventType.INFORMATION_SHARED, is_current=True)
    assert told.count() == 5, "housing works with the mother"
    assert all("the father returning home" in e.detail for e in told)
    assert not Alert.objects.filter(check_id="PLN-6", state__in=OPEN_STATES).exists()
