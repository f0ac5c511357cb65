import datetime as dt

import pytest

from tests.checks.family import at, feed
from tests.meetings.conftest import Family
from tests.stepdown.test_services import on_a_plan
from threadline.casework.models import PlanOutcome
from threadline.checks.engine import tick
from threadline.checks.models import OPEN_STATES, Alert, AlertLevel, AlertState
from threadline.chronology.models import Event
from threadline.chronology.vocabulary import EventType
from threadline.plans.models import ContactTerms, Plan
from threadline.plans.services import (
    OutcomeSpec,
    PlanError,
    add_condition,
    add_plan_action,
    complete_plan_action,
    record_evidence,
    review_plan,
    write_plan,
)

pytestmark = pytest.mark.django_db

SAFE = OutcomeSpec(
    risk="Ada is exposed to violence between her parents",
    change_wanted="No further incidents; Carl completes a perpetrator programme",
    achieve_by=dt.date(2024, 9, 1),
    consequence="Legal advice will be sought on care proceedings",
)


def plan_for(family: Family) -> Plan:
    on_a_plan(family)
    at("2024-03-20")
    return write_plan(
        family.child, by=family.worker, focus="Domestic abuse at home", outcomes=[SAFE]
    )


def test_a_plan_opens_with_the_original_reason_for_referral(family: Family) -> None:
    plan = plan_for(family)
    assert plan.episode.source_id == "cp1", "the child protection plan, not the older CIN"
    assert plan.review_by == dt.date(2024, 6, 20)
    started = Event.objects.get(event_type=EventType.PLAN_STARTED)
    assert started.detail.startswith("Original reason for referral: Domestic abuse between")
    outcome = PlanOutcome.objects.get(episode=plan.episode)
    assert outcome.missing_parts == []
    assert not Alert.objects.filter(check_id="PLN-2", state__in=OPEN_STATES).exists()


@pytest.mark.parametrize(
    ("field", "spec"),
    [
        ("outcome-1-risk", OutcomeSpec("", SAFE.change_wanted, SAFE.achieve_by, SAFE.consequence)),
        ("outcome-1-change_wanted", OutcomeSpec(SAFE.risk, " ", SAFE.achieve_by, SAFE.consequence)),
        (
            "outcome-1-achieve_by",
            OutcomeSpec(SAFE.risk, SAFE.change_wanted, None, SAFE.consequence),
        ),
        ("outcome-1-consequence", OutcomeSpec(SAFE.risk, SAFE.change_wanted, SAFE.achieve_by, "")),
    ],
)
def test_an_outcome_missing_a_part_is_refused(
    family: Family, field: str, spec: OutcomeSpec
) -> None:
    on_a_plan(family)
    at("2024-03-20")
    with pytest.raises(PlanError) as refused:
        write_plan(family.child, by=family.worker, focus="Domestic abuse", outcomes=[spec])
    assert refused.value.field == field
    assert Plan.objects.count() == 0 and PlanOutcome.objects.count() == 0
    assert not Event.objects.filter(event_type=EventType.PLAN_STARTED).exists()


def test_only_social_care_writes_plans(family: Family) -> None:
    on_a_plan(family)
    with pytest.raises(PlanError):
        write_plan(family.child, by=family.staff["police"], focus="x", outcomes=[SAFE])


def test_plan_actions_are_set_and_answered(family: Family) -> None:
    plan = plan_for(family)
    action = add_plan_action(
        plan,
        by=family.worker,
        description="Safety plan with Beth",
        agency=family.agencies["csc"],
        due_on=dt.date(2024, 4, 5),
    )
    at("2024-04-02")
    complete_plan_action(action, by=family.worker, on=dt.date(2024, 4, 2))
    done = Event.objects.get(event_type=EventType.ACTION_COMPLETED, summary__contains="Safety")
    assert done.refers_to == Event.objects.get(summary__contains="Plan action for")


def test_a_condition_needs_a_named_monitor(family: Family) -> None:
    plan = plan_for(family)
    with pytest.raises(PlanError) as refused:
        add_condition(
            plan,
            by=family.worker,
            text="Carl not to return home until drug-free for three months",
            about=family.father,
            monitor_agency=family.agencies["csc"],
            monitor_name=" ",
        )
    assert refused.value.field == "monitor_name"


def test_a_condition_unmonitored_at_review_raises_pln_7_and_evidence_resolves_it(
    family: Family,
) -> None:
    plan = plan_for(family)
    condition = add_condition(
        plan,
        by=family.worker,
        text="Carl not to return home until drug-free for three months",
        about=family.father,
        monitor_agency=family.agencies["csc"],
        monitor_name="Sam Social Worker",
        contact=ContactTerms.NO_CONTACT,
    )
    at("2024-06-10")
    review_plan(plan, by=family.worker, on=dt.date(2024, 6, 10), note="Review at core group")
    alert = Alert.objects.get(check_id="PLN-7", state__in=OPEN_STATES)
    record_evidence(
        condition, by=family.worker, on=dt.date(2024, 6, 10), note="Drug test negative; not at home"
    )
    alert.refresh_from_db()
    assert alert.state == AlertState.RESOLVED


def test_a_breach_is_an_urgent_alert(family: Family) -> None:
    plan = plan_for(family)
    condition = add_condition(
        plan,
        by=family.worker,
        text="No contact with Ada",
        about=family.father,
        monitor_agency=family.agencies["police"],
        monitor_name="PC Lee",
        contact=ContactTerms.NO_CONTACT,
    )
    at("2024-04-10")
    record_evidence(
        condition,
        by=family.staff["police"],
        on=dt.date(2024, 4, 10),
        note="Carl seen leaving the home at 7am",
        breach=True,
    )
    at("2024-04-10", 13)
    tick()
    breach = Alert.objects.get(check_id="PLN-7", occurrence__contains="breach")
    assert breach.level == AlertLevel.URGENT and breach.state == AlertState.RAISED
    feed(
        {
            "kind": "event",
            "agency": "csc",
            "id": "sd2",
            "type": "strategy_discussion",
            "occurred": "2024-04-10",
            "people": [{"agency": "csc", "id": "child"}],
            "summary": "Strategy discussion after breach",
        }
    )
    breach.refresh_from_db()
    assert breach.state == AlertState.RESOLVED
