"""What a review holds, as its page shows it: the items by kind, each with its themes and the
learning checks that guard it."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from threadline.learning.guards import Guard, guards_of, unplaced
from threadline.learning.kinds import ItemKind
from threadline.learning.models import Item, ItemTheme, Review, ReviewStatus

KIND_ORDER = (
    ItemKind.FINDING,
    ItemKind.RECOMMENDATION,
    ItemKind.LESSON,
    ItemKind.GOOD_PRACTICE,
    ItemKind.REFLECTIVE_QUESTION,
    ItemKind.ACTION,
    ItemKind.HOW_WE_WILL_KNOW,
)


@dataclass(frozen=True)
class Entry:
    item: Item
    themes: list[ItemTheme]
    guards: list[Guard]


HEADINGS = {
    ItemKind.FINDING: "Findings",
    ItemKind.RECOMMENDATION: "Recommendations",
    ItemKind.LESSON: "Lessons",
    ItemKind.GOOD_PRACTICE: "Good practice",
    ItemKind.REFLECTIVE_QUESTION: "Reflective questions",
    ItemKind.ACTION: "Actions the partnership set",
    ItemKind.HOW_WE_WILL_KNOW: "How we will know",
}


@dataclass(frozen=True)
class Group:
    kind: ItemKind
    entries: list[Entry]

    @property
    def heading(self) -> str:
        return HEADINGS[self.kind]


@dataclass(frozen=True)
class Contents:
    review: Review
    groups: list[Group]
    narrative_guards: list[Guard]  # checks citing words that are not one of the items

    @property
    def count(self) -> int:
        return sum(len(g.entries) for g in self.groups)


def contents(review: Review) -> Contents:
    items = list(
        review.items.prefetch_related(
            Prefetch("themes", queryset=ItemTheme.objects.select_related("theme"))
        ).select_related("corrected_by")
    )
    guards = guards_of(review, items)
    groups = []
    for kind in KIND_ORDER:
        entries = [
            Entry(item, list(item.themes.all()), guards.get(item.pk, []))
            for item in items
            if item.kind == kind
        ]
        if entries:
            groups.append(Group(kind, entries))
    return Contents(review, groups, unplaced(review, items))


def shelf(*, with_drafts: bool) -> QuerySet[Review]:
    """The library's reviews, newest first, each with its count of findings and
    recommendations; drafts only for those who may publish them."""
    reviews = Review.objects.defer("original", "text")
    if not with_drafts:
        reviews = reviews.filter(status=ReviewStatus.PUBLISHED)
    return reviews.annotate(
        findings=Count("items", filter=Q(items__kind=ItemKind.FINDING)),
        recommendations=Count("items", filter=Q(items__kind=ItemKind.RECOMMENDATION)),
    ).order_by("status", "-year", "title")
