import datetime as dt

import pytest
from django.urls import reverse

from tests.checks.family import at
from tests.meetings.conftest import Family
from tests.meetings.test_views import signed_in
from tests.plans.test_services import SAFE, plan_for
from tests.stepdown.test_services import on_a_plan
from threadline.plans.models import Plan
from threadline.plans.services import add_condition

pytestmark = pytest.mark.django_db


def test_writing_a_plan_through_the_page(family: Family) -> None:
    on_a_plan(family)
    at("2024-03-20")
    client = signed_in(family.worker)
    url = reverse("child-plan", args=[family.child.pk])
    assert "Write the plan" in client.get(url).content.decode()
    form = {
        "focus": "Domestic abuse at home",
        "outcome_1_risk": "",
        "outcome_1_change_wanted": SAFE.change_wanted,
        "outcome_1_achieve_by": "2024-09-01",
        "outcome_1_consequence": SAFE.consequence,
    }
    refused = client.post(url, form)
    assert refused.status_code == 200 and "This field is required" in refused.content.decode()
    form["outcome_1_risk"] = SAFE.risk
    written = client.post(url, form)
    plan = Plan.objects.get()
    assert written.url == reverse("plan", args=[plan.pk])
    assert client.get(url).url == reverse("plan", args=[plan.pk]), "one plan per episode"


def test_a_partly_filled_second_outcome_is_refused_by_name(family: Family) -> None:
    on_a_plan(family)
    at("2024-03-20")
    page = signed_in(family.worker).post(
        reverse("child-plan", args=[family.child.pk]),
        {
            "focus": "Domestic abuse at home",
            "outcome_1_risk": SAFE.risk,
            "outcome_1_change_wanted": SAFE.change_wanted,
            "outcome_1_achieve_by": "2024-09-01",
            "outcome_1_consequence": SAFE.consequence,
            "outcome_2_change_wanted": "Home conditions improve",
        },
    )
    assert "Outcome 2 must say the risk it addresses" in page.content.decode()
    assert Plan.objects.count() == 0


def test_the_plan_page_and_its_print_open_with_the_referral(family: Family) -> None:
    plan = plan_for(family)
    add_condition(
        plan,
        by=family.worker,
        text="Carl not to return home until drug-free",
        about=family.father,
        monitor_agency=family.agencies["csc"],
        monitor_name="Sam",
    )
    client = signed_in(family.worker)
    page = client.get(reverse("plan", args=[plan.pk])).content.decode()
    assert "Carl not to return home until drug-free" in page
    printed = client.get(reverse("plan-print", args=[plan.pk])).content.decode()
    assert printed.index("Original reason for referral") < printed.index(SAFE.risk)


def test_evidence_of_a_breach_through_the_page(family: Family) -> None:
    plan = plan_for(family)
    condition = add_condition(
        plan,
        by=family.worker,
        text="No contact with Ada",
        about=family.father,
        monitor_agency=family.agencies["csc"],
        monitor_name="Sam",
    )
    at("2024-04-10")
    client = signed_in(family.worker)
    client.post(
        reverse("plan-evidence", args=[plan.pk, condition.pk]),
        {"on": "2024-04-10", "note": "Carl at the home", "breach": "on"},
    )
    assert condition.evidence.get().breach
    assert condition.evidence.get().on == dt.date(2024, 4, 10)
