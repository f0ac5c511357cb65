"""Reads of the library: reviews, the theme matrix, and search by words and by meaning."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from django.db.models import QuerySet

from threadline.learning import index, meaning
from threadline.learning.models import Item, ItemTheme, Review, ReviewStatus, Theme


def published() -> QuerySet[Review]:
    return Review.objects.filter(status=ReviewStatus.PUBLISHED)


@dataclass(frozen=True)
class ThemeRow:
    theme: Theme
    counts: list[int]  # per review, in the matrix's order of reviews
    total: int


def theme_matrix(reviews: list[Review]) -> list[ThemeRow]:
    """Each theme against each review: how many of its findings, lessons and recommendations
    show it. Themes no review shows are left out."""
    counts = Counter(
        ItemTheme.objects.filter(item__review__in=reviews).values_list(
            "theme_id", "item__review_id"
        )
    )
    rows = []
    for theme in Theme.objects.all():
        per_review = [counts[(theme.pk, review.pk)] for review in reviews]
        if any(per_review):
            rows.append(ThemeRow(theme, per_review, sum(per_review)))
    return sorted(rows, key=lambda row: (-sum(1 for n in row.counts if n), row.theme.name))


@dataclass(frozen=True)
class Hit:
    item: Item  # with its review loaded
    score: float


def search(query: str, *, by: Literal["words", "meaning"], limit: int = 10) -> list[Hit]:
    """Every kind of item in the published reviews, best first: by the words it shares with the
    query (BM25 over stems), or by how near its meaning is (cosine similarity, -1 to 1). Mixing
    in the word scores put fewer of the 20 seed questions' answers in the top 3, so meaning is
    meaning alone. Without the semantic extra installed, meaning falls back to words (check
    ``meaning.available()`` to say so)."""
    if not query.strip():
        return []
    if by == "meaning" and not meaning.available():
        by = "words"
    held = index.current(meaning_needed=by == "meaning")
    found = held.by_meaning(query, limit) if by == "meaning" else held.by_words(query, limit)
    return [Hit(item, score) for item, score in found]


def search_words(query: str, *, limit: int = 20, items: list[Item] | None = None) -> list[Hit]:
    """Items ranked by the words they share with the query (BM25, words reduced to their stems):
    the published library's, or only ``items``."""
    if items is None:
        return search(query, by="words", limit=limit)
    found = index.Index.of(items).by_words(query, limit)
    return [Hit(item, score) for item, score in found]
