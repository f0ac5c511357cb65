"""Reads for plans."""

from __future__ import annotations

from django.db.models import QuerySet

from threadline import clock
from threadline.casework.models import PlanOutcome
from threadline.meetings.selectors import parents_and_carers
from threadline.people.models import Person
from threadline.plans.models import Plan
from threadline.plans.services import current_episode


def current_plan(child: Person) -> Plan | None:
    episode = current_episode(child, clock.today())
    if episode is None:
        return None
    return Plan.objects.filter(episode=episode).first()


def plan_detail(pk: int) -> Plan:
    return (
        Plan.objects.select_related("child", "episode", "agency", "created_by")
        .prefetch_related(
            "actions__agency",
            "conditions__evidence",
            "conditions__about",
            "conditions__monitor_agency",
        )
        .get(pk=pk)
    )


def outcomes_of(plan: Plan) -> QuerySet[PlanOutcome]:
    return PlanOutcome.objects.filter(episode=plan.episode).order_by("written_on", "pk")


def adults_around(child: Person) -> QuerySet[Person]:
    ids = [adult.pk for adult, _ in parents_and_carers([child], clock.today())]
    return Person.objects.filter(pk__in=ids).order_by("family_name", "given_name")
