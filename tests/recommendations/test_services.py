"""Actions made from recommendations: their rules, their history, and overdue escalation."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.factories import AgencyFactory, PractitionerFactory
from tests.learning.library import seeded
from threadline.agencies.models import Role
from threadline.learning.models import Item
from threadline.recommendations.models import Action, Status, Update
from threadline.recommendations.services import (
    Plan,
    TrackerError,
    create_action,
    escalate_overdue,
    is_overdue,
    move_deadline,
    record_update,
)

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


def plan(**changes: object) -> Plan:
    fields: dict = {
        "description": "Audit plans for fathers' involvement",
        "deadline": TODAY + dt.timedelta(days=30),
        "expected_impact": "Fathers are assessed",
        "how_we_will_know": "Audit shows 8 in 10",
        "owner_subgroup": "Quality Assurance subgroup",
    }
    return Plan(**{**fields, **changes})


@pytest.fixture
def recommendation() -> Item:
    return seeded()["Child Ak"].items.get(label="Recommendation 4")


@pytest.fixture
def analyst():
    return PractitionerFactory(role=Role.ANALYST)


def test_an_action_is_agreed_with_its_first_history(recommendation, analyst) -> None:
    action = create_action(recommendation, plan(), by=analyst)
    assert action.status == Status.AMBER
    assert action.owner == "Quality Assurance subgroup"
    assert [u.note for u in action.updates.all()] == ["Action agreed."]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"owner_subgroup": ""}, "owner"),
        ({"owner_agency": "agency"}, "owner"),
        ({"how_we_will_know": "  "}, "how_we_will_know"),
        ({"description": ""}, "description"),
    ],
)
def test_an_action_that_says_too_little_is_refused(recommendation, analyst, changes, field):
    if changes.get("owner_agency") == "agency":
        changes["owner_agency"] = AgencyFactory()
    with pytest.raises(TrackerError) as refused:
        create_action(recommendation, plan(**changes), by=analyst)
    assert refused.value.field == field
    assert not Action.objects.exists()


def test_only_recommendations_and_actions_of_published_reviews_are_tracked(analyst) -> None:
    ak = seeded()["Child Ak"]
    finding = ak.items.filter(kind="finding").first()
    with pytest.raises(TrackerError, match="is a finding"):
        create_action(finding, plan(), by=analyst)


def test_completing_needs_evidence_and_keeps_history(recommendation, analyst) -> None:
    action = create_action(recommendation, plan(), by=analyst)
    with pytest.raises(TrackerError) as refused:
        record_update(action, by=analyst, status=Status.COMPLETE, note="Done")
    assert refused.value.field == "evidence"
    record_update(action, by=analyst, status=Status.COMPLETE, note="Done", evidence="Audit")
    action.refresh_from_db()
    assert action.is_complete and action.completed_on is not None
    record_update(action, by=analyst, status=Status.AMBER, note="Reopened: audit incomplete")
    action.refresh_from_db()
    assert action.completed_on is None
    assert action.updates.count() == 3


def test_an_overdue_action_goes_red_and_before_the_board_once(recommendation, analyst) -> None:
    action = create_action(recommendation, plan(deadline=TODAY - dt.timedelta(days=3)), by=analyst)
    on_time = create_action(recommendation, plan(), by=analyst)
    assert escalate_overdue(TODAY) == [action]
    assert escalate_overdue(TODAY) == []
    action.refresh_from_db()
    assert action.status == Status.RED and action.escalated_on == TODAY
    assert Update.objects.get(action=action, escalation=True).note.startswith("Overdue by 3 days")
    on_time.refresh_from_db()
    assert on_time.escalated_on is None


def test_a_new_deadline_can_escalate_again(recommendation, analyst) -> None:
    action = create_action(recommendation, plan(deadline=TODAY - dt.timedelta(days=3)), by=analyst)
    escalate_overdue(TODAY)
    move_deadline(action, by=analyst, deadline=TODAY + dt.timedelta(days=1), reason="Audit delayed")
    assert escalate_overdue(TODAY) == []
    assert escalate_overdue(TODAY + dt.timedelta(days=2)) == [action]


def test_a_complete_action_is_never_escalated(recommendation, analyst) -> None:
    action = create_action(recommendation, plan(deadline=TODAY - dt.timedelta(days=3)), by=analyst)
    record_update(action, by=analyst, status=Status.COMPLETE, note="Done", evidence="Audit")
    assert escalate_overdue(TODAY) == []


@given(
    deadline=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 1, 1)),
    today=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 1, 1)),
    status=st.sampled_from(Status.values),
)
def test_overdue_means_open_and_past_its_deadline(deadline, today, status) -> None:
    action = Action(deadline=deadline, status=status)
    assert is_overdue(action, today) == (status != Status.COMPLETE and today > deadline)
