"""Reads of the library: reviews, the theme matrix, and search by words."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from django.db.models import QuerySet

from threadline.learning.models import Item, ItemTheme, Review, ReviewStatus, Theme

WORD = re.compile(r"[a-z0-9]+")
STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "by",
        "for",
        "from",
        "had",
        "has",
        "have",
        "in",
        "is",
        "it",
        "its",
        "not",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "there",
        "this",
        "to",
        "was",
        "were",
        "which",
        "who",
        "with",
    ]
)


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


def words(text: str) -> list[str]:
    return [w for w in WORD.findall(text.lower()) if w not in STOP]


def _stem(word: str) -> str:
    for ending in ("ing", "ed", "es", "s"):
        if len(word) > len(ending) + 3 and word.endswith(ending):
            return word[: -len(ending)]
    return word


@dataclass(frozen=True)
class Hit:
    item: Item
    score: float


def search_words(query: str, *, limit: int = 20, items: list[Item] | None = None) -> list[Hit]:
    """Findings, recommendations and lessons ranked by the words they share with the query
    (BM25, words reduced to their stems)."""
    terms = [_stem(w) for w in words(query)]
    if not terms:
        return []
    pool = (
        items
        if items is not None
        else list(
            Item.objects.filter(review__status=ReviewStatus.PUBLISHED).select_related("review")
        )
    )
    documents = [[_stem(w) for w in words(item.text)] for item in pool]
    if not documents:
        return []
    average = sum(len(d) for d in documents) / len(documents)
    frequency = Counter(term for d in documents for term in set(d))
    hits = []
    for item, document in zip(pool, documents, strict=True):
        counts = Counter(document)
        score = 0.0
        for term in set(terms):
            if not counts[term]:
                continue
            idf = math.log(1 + (len(documents) - frequency[term] + 0.5) / (frequency[term] + 0.5))
            tf = counts[term]
            score += idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * len(document) / average))
        if score:
            hits.append(Hit(item, score))
    hits.sort(key=lambda hit: -hit.score)
    return hits[:limit]
