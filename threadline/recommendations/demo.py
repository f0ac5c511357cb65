"""The tracker as the demo starts it: actions agreed on the seed reviews' recommendations, at
every status, one of them overdue and escalated to the board."""

from __future__ import annotations

import datetime as dt

from threadline import clock
from threadline.agencies.models import Agency, Practitioner
from threadline.learning.kinds import ItemKind
from threadline.learning.models import Review
from threadline.recommendations.models import Action, Status
from threadline.recommendations.services import Plan, create_action, escalate_overdue, record_update

# (review title, recommendation label, owner agency code or subgroup, days to deadline, status
# to reach, what will be done, how we will know, indicator)
AGREED = (
    (
        "Child Ak",
        "Recommendation 4",
        "csc",
        -20,
        Status.AMBER,
        "Audit 20 child protection plans for how fathers and male carers were assessed",
        "Multi-agency audit shows fathers seen and assessed in at least 8 of 10 plans",
        "father-involved",
    ),
    (
        "Child Ak",
        "Recommendation 7",
        "Learning and Improvement subgroup",
        45,
        Status.GREEN,
        "Briefing on strategy meeting outcomes for every team manager",
        "Assessments agreed at strategy meetings are started and completed in time",
        "assessments-in-time",
    ),
    (
        "Child BE",
        "Recommendation BE1",
        "Quality Assurance subgroup",
        90,
        Status.AMBER,
        "Core group minutes circulated to every member within 5 working days",
        "Share of core group notes circulated within 5 working days rises above 90%",
        "core-group-notes",
    ),
    (
        "Children Ag",
        "Recommendation 3",
        "police",
        -60,
        Status.COMPLETE,
        "Prison release notifications passed to children's social care the same day",
        "Every release of a linked adult reaches the allocated worker within a working day",
        "",
    ),
)


def stage_actions(reviews: list[Review], by: Practitioner) -> list[Action]:
    by_title = {review.title: review for review in reviews}
    now = clock.now()
    actions = []
    for title, label, owner, days, status, description, knowing, indicator in AGREED:
        review = by_title.get(title)
        item = review and review.items.filter(label=label, kind=ItemKind.RECOMMENDATION).first()
        if not item:
            continue
        agency = Agency.objects.filter(code=owner).first()
        plan = Plan(
            description=description,
            deadline=now.date() + dt.timedelta(days=days),
            expected_impact="What the review found does not happen again to another child",
            how_we_will_know=knowing,
            owner_agency=agency,
            owner_subgroup="" if agency else owner,
            indicator=indicator,
        )
        # Agreed months ago, so that a deadline can already have passed.
        with clock.frozen_at(now - dt.timedelta(days=120)):
            action = create_action(item, plan, by=by)
        with clock.frozen_at(now - dt.timedelta(days=30)):
            evidence = "Audit report to the board, March" if status == Status.COMPLETE else ""
            record_update(
                action,
                by=by,
                status=status,
                note="Progress reported to the board",
                evidence=evidence,
            )
        actions.append(action)
    escalate_overdue(now.date())
    return actions
