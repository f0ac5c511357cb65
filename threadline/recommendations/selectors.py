"""Reads of the tracker: the board report for one review and across reviews."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from threadline.learning.models import Item, Review
from threadline.learning.selectors import published
from threadline.recommendations.models import Action, Status, Update
from threadline.recommendations.services import TRACKED, is_overdue

STATUS_ORDER = (Status.RED, Status.AMBER, Status.GREEN, Status.COMPLETE)


@dataclass(frozen=True)
class ActionLine:
    action: Action
    overdue: bool
    last: Update | None


@dataclass(frozen=True)
class RecommendationLine:
    item: Item
    actions: list[ActionLine]


@dataclass
class Tally:
    """How many actions are in each status, and how many of the open ones are overdue."""

    by_status: Counter[str] = field(default_factory=Counter)
    overdue: int = 0
    untracked: int = 0

    def add(self, line: ActionLine) -> None:
        self.by_status[line.action.status] += 1
        self.overdue += line.overdue

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    @property
    def counts(self) -> list[tuple[str, str, int]]:
        return [(s.value, s.label, self.by_status[s.value]) for s in STATUS_ORDER]

    @property
    def complete_share(self) -> int | None:
        if not self.total:
            return None
        return round(100 * self.by_status[Status.COMPLETE] / self.total)


@dataclass(frozen=True)
class ReviewReport:
    review: Review
    recommendations: list[RecommendationLine]
    tally: Tally


def _actions() -> QuerySet[Action]:
    return Action.objects.select_related("owner_agency", "lead").prefetch_related(
        Prefetch("updates", queryset=Update.objects.order_by("written_at", "pk"))
    )


def _line(action: Action, today: dt.date) -> ActionLine:
    updates = list(action.updates.all())
    return ActionLine(action, is_overdue(action, today), updates[-1] if updates else None)


def review_report(review: Review, today: dt.date) -> ReviewReport:
    """Every recommendation of one review with its actions, in the review's order."""
    items = (
        Item.objects.filter(review=review, kind__in=TRACKED)
        .order_by("position")
        .prefetch_related(Prefetch("actions", queryset=_actions()))
    )
    tally = Tally()
    lines = []
    for item in items:
        actions = [_line(a, today) for a in item.actions.all()]
        for line in actions:
            tally.add(line)
        tally.untracked += not actions
        lines.append(RecommendationLine(item, actions))
    return ReviewReport(review, lines, tally)


@dataclass(frozen=True)
class BoardReport:
    reviews: list[tuple[Review, Tally]]
    owners: list[tuple[str, Tally]]
    overdue: list[ActionLine]
    total: Tally


def board_report(today: dt.date) -> BoardReport:
    """Across every published review: progress per review and per owner, and what is late."""
    reviews = {r.pk: r for r in published().defer("original", "text")}
    per_review: dict[int, Tally] = {pk: Tally() for pk in reviews}
    per_owner: dict[str, Tally] = {}
    total = Tally()
    overdue = []
    actions = _actions().select_related("recommendation__review")
    for action in actions.filter(recommendation__review__in=list(per_review)):
        line = _line(action, today)
        per_review[action.recommendation.review_id].add(line)
        per_owner.setdefault(action.owner, Tally()).add(line)
        total.add(line)
        if line.overdue:
            overdue.append(line)
    tracked = Counter(
        Item.objects.filter(
            review__in=list(per_review), kind__in=TRACKED, actions__isnull=True
        ).values_list("review_id", flat=True)
    )
    for pk, tally in per_review.items():
        tally.untracked = tracked[pk]
        total.untracked += tracked[pk]
    return BoardReport(
        reviews=[(reviews[pk], tally) for pk, tally in per_review.items()],
        owners=sorted(per_owner.items()),
        overdue=sorted(overdue, key=lambda line: line.action.deadline),
        total=total,
    )
