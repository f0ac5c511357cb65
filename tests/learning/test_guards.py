"""A finding shows the learning checks that guard it; a check shows the findings it answers."""

from __future__ import annotations

import pytest

from tests.learning.library import seeded
from threadline.checks.registry import get_check
from threadline.learning.guards import guarded_by, guards_of
from threadline.learning.models import Item, Review
from threadline.learning.services import add_review

pytestmark = pytest.mark.django_db


def test_a_check_is_placed_on_the_finding_its_provenance_quotes() -> None:
    reviews = seeded()
    placed = guarded_by(get_check("NET-1"), reviews.values())
    items = [item for _, item in placed]
    assert all(items), placed
    assert {item.review.title for item in items if item} == {"Child Ak", "Child BE"}
    be = next(item for item in items if item and item.review.title == "Child BE")
    assert be.label == "Finding BE2"


def test_a_finding_shows_every_check_that_guards_it() -> None:
    ak = seeded()["Child Ak"]
    guards = guards_of(ak)
    recommendation_4 = ak.items.get(label="Recommendation 4")
    assert {g.check.id for g in guards[recommendation_4.pk]} >= {"NET-2", "NET-3", "NET-5"}


def test_a_review_no_check_cites_is_guarded_by_none() -> None:
    review, _ = add_review(
        "other.txt", b"Child Zz\n\nFindings\n\n1. The school was not told of the move.\n"
    )
    assert guards_of(review) == {}


def test_a_removed_finding_leaves_its_check_unplaced() -> None:
    reviews = seeded()
    Item.objects.filter(review=reviews["Child BE"], label="Finding BE2").delete()
    placed = dict(guarded_by(get_check("NET-1"), Review.objects.all()))
    assert [p.review for p, item in placed.items() if item is None] == ["BE"]
