"""The library as search reads it: every published item with its words' BM25 weights and its
meaning, held in this process and rebuilt only when the library changes. Whether it changed
is one aggregate query a search, so every process sees another's publish on its next search."""

from __future__ import annotations

import math
import re
import threading
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
from django.db.models import Count, Max, Q, QuerySet, Sum
from django.db.models.functions import Length

from threadline.learning import meaning
from threadline.learning.models import Item, ReviewStatus

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
# BM25's usual constants: how soon repeating a word stops counting, and how much a long item
# is marked down for having more words to match with.
K1, B = 1.2, 0.75

Scores = npt.NDArray[np.float64]
Fingerprint = tuple[tuple[str, Any], ...]


def words(text: str) -> list[str]:
    return [w for w in WORD.findall(text.lower()) if w not in STOP]


def stem(word: str) -> str:
    for ending in ("ing", "ed", "es", "s"):
        if len(word) > len(ending) + 3 and word.endswith(ending):
            return word[: -len(ending)]
    return word


def terms(text: str) -> list[str]:
    return [stem(w) for w in words(text)]


def published_items() -> QuerySet[Item]:
    return Item.objects.filter(review__status=ReviewStatus.PUBLISHED)


def fingerprint() -> Fingerprint:
    """What the index was built from, cheaply: a publish adds items and a later publication
    time, a removal lowers the count, a correction moves the latest correction, an emptied
    embedding counts as missing, and the text's total length catches an edit made around the
    services (and SQLite handing a rolled-back item's number to a new one)."""
    figures = published_items().aggregate(
        items=Count("pk"),
        last=Max("pk"),
        corrected=Max("corrected_at"),
        published=Max("review__published_at"),
        missing=Count("pk", filter=Q(embedding__isnull=True)),
        length=Sum(Length("text")),
    )
    return tuple(sorted(figures.items()))


@dataclass
class Words:
    """For each term, the rows holding it and its BM25 weight in each (all but the idf)."""

    postings: dict[str, tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]]
    idf: dict[str, float]
    size: int

    @classmethod
    def of(cls, texts: Sequence[str]) -> Words:
        documents = [Counter(terms(text)) for text in texts]
        lengths = [sum(counts.values()) for counts in documents]
        average = (sum(lengths) / len(lengths)) if lengths else 1.0
        rows: dict[str, list[int]] = defaultdict(list)
        weights: dict[str, list[float]] = defaultdict(list)
        for row, (counts, length) in enumerate(zip(documents, lengths, strict=True)):
            norm = K1 * (1 - B + B * length / (average or 1.0))
            for term, tf in counts.items():
                rows[term].append(row)
                weights[term].append(tf * (K1 + 1) / (tf + norm))
        size = len(documents)
        return cls(
            postings={t: (np.array(rows[t]), np.array(weights[t])) for t in rows},
            idf={t: math.log(1 + (size - len(r) + 0.5) / (len(r) + 0.5)) for t, r in rows.items()},
            size=size,
        )

    def scores(self, query: str) -> Scores:
        scores = np.zeros(self.size)
        for term in set(terms(query)):
            if term in self.postings:
                rows, weights = self.postings[term]
                scores[rows] += self.idf[term] * weights
        return scores


@dataclass
class Index:
    items: list[Item]
    words: Words
    fingerprint: Fingerprint = ()
    _vectors: meaning.Vectors | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def of(cls, items: list[Item], fingerprint: Fingerprint = ()) -> Index:
        return cls(items, Words.of([item.text for item in items]), fingerprint)

    def vectors(self) -> meaning.Vectors:
        """The items' meanings as one matrix, read from the database on first need (a search
        by words never pays for them)."""
        with self._lock:
            if self._vectors is None:
                self._vectors = self._read_vectors()
            return self._vectors

    def _read_vectors(self) -> meaning.Vectors:
        # All published items' rather than these items' by number: SQLite refuses a query with
        # more than 32,766 numbers in it. Any published since the index was built are left out.
        stored = dict(
            published_items()
            .filter(embedding__isnull=False)
            .values_list("pk", "embedding")
            .iterator(chunk_size=2_000)
        )
        matrix = np.zeros((len(self.items), meaning.dimension()), dtype=np.float32)
        missing: list[int] = []
        for row, item in enumerate(self.items):
            if (data := stored.get(item.pk)) is not None:
                matrix[row] = meaning.from_bytes(data)
            else:  # emptied since the search embedded what was missing: embed it here
                missing.append(row)
        if missing:
            matrix[missing] = meaning.item_vectors([self.items[row] for row in missing])
        return matrix

    def by_words(self, query: str, limit: int) -> list[tuple[Item, float]]:
        return self._top(self.words.scores(query), limit, matched_only=True)

    def by_meaning(self, query: str, limit: int) -> list[tuple[Item, float]]:
        if not self.items or not query.strip():
            return []
        return self._top(meaning.similarities(self.vectors(), query), limit, matched_only=False)

    def _top(self, scores: Scores, limit: int, *, matched_only: bool) -> list[tuple[Item, float]]:
        if limit <= 0:
            return []
        rows = np.flatnonzero(scores) if matched_only else np.arange(len(scores))
        if limit < len(rows):
            # Only the best ``limit`` need sorting; ties at the edge keep the library's order.
            edge = np.partition(-scores[rows], limit - 1)[limit - 1]
            rows = rows[-scores[rows] <= edge]
        rows = rows[np.argsort(-scores[rows], kind="stable")][:limit]
        return [(self.items[row], float(scores[row])) for row in rows]


_held: Index | None = None
_building = threading.Lock()


def current(*, meaning_needed: bool = False) -> Index:
    """The index of the published library as it is now, rebuilt if it changed. A search by
    meaning first embeds any published item still without a meaning (a review published where
    the model was not installed, or an embedding emptied), so every item can be found."""
    global _held
    seen = fingerprint()
    if meaning_needed and dict(seen)["missing"]:
        meaning.embed_missing(published_items())
        seen = fingerprint()
    held = _held
    if held is not None and held.fingerprint == seen:
        return held
    with _building:
        if _held is not None and _held.fingerprint == seen:
            return _held
        items = list(
            published_items()
            .select_related("review")
            .defer("embedding", "as_read", "review__original", "review__text")
            .order_by("review__title", "review__pk", "position")
        )
        _held = Index.of(items, seen)
        return _held


def forget() -> None:
    """Drop the index held by this process; the next search builds it again."""
    global _held
    _held = None
