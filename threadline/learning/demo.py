"""The library as the demo starts it: the five seed reviews, read and published."""

from __future__ import annotations

from threadline.learning.models import Review
from threadline.learning.seeds import seed_files
from threadline.learning.services import add_review, publish


def load_seed_reviews() -> list[Review]:
    reviews = []
    for path in seed_files():
        review, added = add_review(path.name, path.read_bytes(), content_type="text/plain")
        if added or not review.is_published:
            publish(review, by=None)
        reviews.append(review)
    return reviews
