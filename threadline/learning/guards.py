"""Which learning checks guard which findings. Every check names, in its provenance, the
review it came from and the review's own words; here those words are found among the items
the library read out, so a finding shows the checks that now enforce it and a check shows the
findings it answers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from threadline.checks.base import Check, Provenance
from threadline.checks.registry import all_checks
from threadline.learning.index import WORD
from threadline.learning.models import Item, Review

# A quote may be abridged or lightly reworded in a check; most of its words must still be
# in one item, in the review the check names, for the item to be the one it means.
ENOUGH_WORDS = 0.7


@dataclass(frozen=True)
class Guard:
    check: Check
    provenance: Provenance


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def _names(code: str) -> tuple[str, ...]:
    return (f"child {code}".lower(), f"children {code}".lower())


def is_source(review: Review, code: str, file: str) -> bool:
    """Whether ``review`` is the document a provenance's review code means."""
    return review.file_name == file or review.title.strip().lower() in _names(code)


def _overlap(quote: list[str], item_words: set[str]) -> float:
    return sum(1 for w in quote if w in item_words) / len(quote) if quote else 0.0


def best_item(provenance: Provenance, items: Iterable[Item]) -> Item | None:
    """The item whose text holds the quote: whole if it can, else most of its words."""
    quote = " ".join(_words(provenance.quote))
    scored = []
    for item in items:
        text = " ".join(_words(item.text))
        if quote and quote in text:
            return item
        scored.append((_overlap(quote.split(), set(text.split())), -item.position, item))
    if not scored:
        return None
    score, _, item = max(scored, key=lambda s: (s[0], s[1]))
    return item if score >= ENOUGH_WORDS else None


def _provenances(review: Review) -> list[Guard]:
    return [
        Guard(check, p)
        for check in all_checks().values()
        for p in check.provenance
        if is_source(review, p.review, p.file)
    ]


def guards_of(review: Review, items: list[Item] | None = None) -> dict[int, list[Guard]]:
    """For one review, each item's guarding checks, by item pk."""
    items = items if items is not None else list(review.items.all())
    found: dict[int, list[Guard]] = {}
    for guard in _provenances(review):
        item = best_item(guard.provenance, items)
        if item is not None:
            found.setdefault(item.pk, []).append(guard)
    return found


def unplaced(review: Review, items: list[Item] | None = None) -> list[Guard]:
    """Checks that cite this review in words no item of it holds (read wrongly, or removed)."""
    items = items if items is not None else list(review.items.all())
    return [g for g in _provenances(review) if best_item(g.provenance, items) is None]


def guarded_by(check: Check, reviews: Iterable[Review]) -> list[tuple[Provenance, Item | None]]:
    """For one check, the item each of its provenances points to in the library."""
    reviews = list(reviews)
    placed = []
    for provenance in check.provenance:
        sources = [r for r in reviews if is_source(r, provenance.review, provenance.file)]
        items = [i for r in sources for i in r.items.all()]
        placed.append((provenance, best_item(provenance, items)))
    return placed
