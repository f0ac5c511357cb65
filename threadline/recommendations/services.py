"""Changes to the tracker: actions made from recommendations, their updates and completion,
and overdue actions escalated to the board."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from threadline import clock
from threadline.agencies.models import Agency, Practitioner
from threadline.learning.kinds import ItemKind
from threadline.learning.models import Item
from threadline.recommendations.models import Action, Status, Update

# The board's own action tables are tracked like its recommendations.
TRACKED = frozenset({ItemKind.RECOMMENDATION, ItemKind.ACTION})


class TrackerError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Plan:
    """What an action is to be, as a form or an import gives it."""

    description: str
    deadline: dt.date
    expected_impact: str
    how_we_will_know: str
    owner_agency: Agency | None = None
    owner_subgroup: str = ""
    lead: Practitioner | None = None
    indicator: str = ""


def _tidy(text: str) -> str:
    return " ".join(text.split())


def _checked(recommendation: Item, plan: Plan) -> None:
    if not recommendation.review.is_published:
        raise TrackerError("recommendation", f"{recommendation.review} is not published yet")
    if recommendation.kind not in TRACKED:
        raise TrackerError(
            "recommendation",
            f"{recommendation} is a {recommendation.get_kind_display().lower()}, "
            "not a recommendation or action",
        )
    if bool(plan.owner_agency) == bool(_tidy(plan.owner_subgroup)):
        raise TrackerError("owner", "name one owner: an agency or a subgroup")
    for field in ("description", "expected_impact", "how_we_will_know"):
        if not _tidy(getattr(plan, field)):
            raise TrackerError(field, "this cannot be empty")


@transaction.atomic
def create_action(recommendation: Item, plan: Plan, *, by: Practitioner) -> Action:
    _checked(recommendation, plan)
    now = clock.now()
    action = Action.objects.create(
        recommendation=recommendation,
        description=_tidy(plan.description),
        owner_agency=plan.owner_agency,
        owner_subgroup=_tidy(plan.owner_subgroup),
        lead=plan.lead,
        deadline=plan.deadline,
        expected_impact=_tidy(plan.expected_impact),
        how_we_will_know=_tidy(plan.how_we_will_know),
        indicator=plan.indicator,
        status=Status.AMBER if plan.deadline >= now.date() else Status.RED,
        created_by=by,
        created_at=now,
    )
    Update.objects.create(
        action=action, written_at=now, by=by, status=action.status, note="Action agreed."
    )
    return action


@transaction.atomic
def record_update(
    action: Action, *, by: Practitioner, status: str, note: str, evidence: str = ""
) -> Update:
    """Progress on an action. Completing it needs the evidence that it is done; a completed
    action can be reopened (with a note why) but its history stays."""
    action = Action.objects.select_for_update().get(pk=action.pk)
    if status not in Status.values:
        raise TrackerError("status", f"{status!r} is not a status")
    note, evidence = _tidy(note), evidence.strip()
    if not note:
        raise TrackerError("note", "say what has happened")
    if status == Status.COMPLETE and not evidence:
        raise TrackerError("evidence", "an action is complete only with evidence that it is")
    now = clock.now()
    action.status = status
    action.completed_on = now.date() if status == Status.COMPLETE else None
    action.save(update_fields=["status", "completed_on"])
    return Update.objects.create(
        action=action, written_at=now, by=by, status=status, note=note, evidence=evidence
    )


def is_overdue(action: Action, today: dt.date) -> bool:
    return not action.is_complete and action.deadline < today


@transaction.atomic
def escalate_overdue(today: dt.date | None = None) -> list[Action]:
    """Every action past its deadline and not complete goes red and is put before the board,
    once per deadline (a new deadline agreed later can escalate again)."""
    today = today or clock.today()
    overdue = (
        Action.objects.select_for_update()
        .exclude(status=Status.COMPLETE)
        .filter(deadline__lt=today, escalated_on__isnull=True)
    )
    escalated = []
    now = clock.now()
    for action in overdue:
        days = (today - action.deadline).days
        action.status, action.escalated_on = Status.RED, today
        action.save(update_fields=["status", "escalated_on"])
        Update.objects.create(
            action=action,
            written_at=now,
            status=Status.RED,
            note=f"Overdue by {days} day{'s' if days != 1 else ''}: escalated to the board.",
            escalation=True,
        )
        escalated.append(action)
    return escalated


@transaction.atomic
def move_deadline(action: Action, *, by: Practitioner, deadline: dt.date, reason: str) -> Update:
    """The board agrees a new deadline; the old one stays in the history."""
    reason = _tidy(reason)
    if not reason:
        raise TrackerError("reason", "say why the deadline moves")
    if action.is_complete:
        raise TrackerError("deadline", "the action is complete")
    old = action.deadline
    action.deadline, action.escalated_on = deadline, None
    action.save(update_fields=["deadline", "escalated_on"])
    return Update.objects.create(
        action=action,
        written_at=clock.now(),
        by=by,
        status=action.status,
        note=f"Deadline moved from {old:%d %B %Y} to {deadline:%d %B %Y}: {reason}",
    )
