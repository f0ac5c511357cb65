"""Builders for library tests: the five seed reviews, read and published."""

from __future__ import annotations

from threadline.learning.demo import load_seed_reviews
from threadline.learning.models import Review


def seeded() -> dict[str, Review]:
    return {review.title: review for review in load_seed_reviews()}
