"""Changes to the library: add a review (read it, keep the original), correct what was read,
publish. Adding is one transaction and idempotent on the document's bytes."""

from __future__ import annotations

import hashlib

from django.db import transaction

from threadline import clock
from threadline.agencies.models import Practitioner
from threadline.learning import meaning
from threadline.learning.documents import text_of
from threadline.learning.kinds import ItemKind
from threadline.learning.models import Item, ItemTheme, Review, ReviewStatus, Theme
from threadline.learning.reading import read_text
from threadline.learning.themes import TAXONOMY, themes_in

THEMED = frozenset({ItemKind.FINDING, ItemKind.LESSON, ItemKind.RECOMMENDATION})


class LibraryError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def add_review(
    name: str, content: bytes, *, by: Practitioner | None = None, content_type: str = ""
) -> tuple[Review, bool]:
    """The review read from ``content``; (review, False) if these bytes are already held."""
    digest = hashlib.sha256(content).hexdigest()
    held = Review.objects.filter(content_hash=digest).first()
    if held is not None:
        return held, False
    text = text_of(name, content)
    reading = read_text(text)
    items = [
        Item(
            position=n,
            kind=item.kind,
            label=item.label or "",
            text=item.text,
            line=item.line,
            section=item.section[:200],
        )
        for n, item in enumerate(reading.items, start=1)
    ]
    # Their meanings in one batch, before the transaction: on SQLite it holds the one write
    # lock from its start, and the model takes seconds to load the first time.
    meaning.fill(items)
    with transaction.atomic():
        held = Review.objects.filter(content_hash=digest).first()
        if held is not None:  # the same bytes, added by someone else meanwhile
            return held, False
        review = Review.objects.create(
            title=reading.title[:200] or name[:200],
            partnership=reading.partnership[:200],
            year=reading.year,
            child_age=reading.child_age,
            harm=reading.harm,
            agencies=reading.agencies,
            file_name=name[:200],
            content_type=content_type[:100],
            original=content,
            content_hash=digest,
            text=text,
            added_by=by,
            added_at=clock.now(),
        )
        for item in items:
            item.review = review
        _theme(Item.objects.bulk_create(items))
    return review, True


def themes() -> dict[str, Theme]:
    """The taxonomy's themes, made on first use."""
    held = {theme.slug: theme for theme in Theme.objects.all()}
    missing = [Theme(slug=s.slug, name=s.name) for s in TAXONOMY if s.slug not in held]
    if missing:
        Theme.objects.bulk_create(missing, ignore_conflicts=True)
        held = {theme.slug: theme for theme in Theme.objects.all()}
    return held


def _theme(items: list[Item]) -> None:
    by_slug = themes()
    ItemTheme.objects.filter(item__in=[i.pk for i in items]).delete()
    ItemTheme.objects.bulk_create(
        [
            ItemTheme(item=item, theme=by_slug[spec.slug], evidence=evidence)
            for item in items
            if item.kind in THEMED
            for spec, evidence in themes_in(item.text)
        ]
    )


def _draft(review: Review) -> None:
    if review.status != ReviewStatus.DRAFT:
        raise LibraryError("review", f"{review} is published; what was read can no longer change")


@transaction.atomic
def correct_item(
    item: Item, *, by: Practitioner, text: str, kind: str | None = None, label: str | None = None
) -> Item:
    """A reviewer's correction of what was read; the reading is kept beside it."""
    _draft(item.review)
    text = " ".join(text.split())
    if not text:
        raise LibraryError("text", "an item needs its text; remove it instead")
    kind = kind or item.kind
    if kind not in ItemKind.values:
        raise LibraryError("kind", f"{kind!r} is not a kind of item")
    if not item.as_read:
        item.as_read = item.text
    item.text, item.kind = text, kind
    if label is not None:
        item.label = " ".join(label.split())[:60]
    item.corrected_by, item.corrected_at = by, clock.now()
    meaning.fill([item])
    item.save()
    _theme([item])
    return item


@transaction.atomic
def remove_item(item: Item, *, by: Practitioner) -> None:
    """A reviewer removes something the reader took for an item that is not one."""
    _draft(item.review)
    item.delete()


@transaction.atomic
def publish(review: Review, *, by: Practitioner | None) -> Review:
    """Publish what was read; ``by`` None is an import of reviews already agreed."""
    _draft(review)
    if not review.items.exists():
        raise LibraryError("review", f"nothing was read out of {review.file_name}")
    review.status, review.published_by, review.published_at = (
        ReviewStatus.PUBLISHED,
        by,
        clock.now(),
    )
    review.save(update_fields=["status", "published_by", "published_at"])
    return review
