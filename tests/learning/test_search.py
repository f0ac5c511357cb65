"""Search by words over the published library, held in an index that is built once and read
with one query a search."""

from __future__ import annotations

import pytest

from tests.learning.test_meaning import QUESTIONS, load_seeds, rank, small_review
from threadline.learning import index
from threadline.learning.models import Item
from threadline.learning.selectors import search, search_words

pytestmark = pytest.mark.django_db


def test_the_seed_questions_by_words_alone() -> None:
    """Words miss what meaning finds (the questions are in other words than the reviews): this
    is the floor meaning is measured against, and a guard on the word index."""
    reviews = load_seeds()
    ranks = [rank(q, reviews, search(q["question"], by="words", limit=20)) for q in QUESTIONS]
    found = sum(1 for place in ranks if place is not None and place <= 3)
    print(f"by words: {found}/{len(QUESTIONS)} in the top 3; ranks {ranks}")
    assert found >= 12


def test_words_rank_the_item_sharing_the_rarer_words_first() -> None:
    small_review(
        "Child Ivy",
        [
            "The school made a referral about the bruising on the child's arm.",
            "The school shared attendance figures with the social worker.",
            "The referral was not acknowledged by the front door.",
        ],
    )
    hits = search("bruising referral", by="words")
    assert "bruising" in hits[0].item.text and "referral" in hits[0].item.text
    assert len(hits) == 2 and hits[0].score > hits[1].score > 0
    # Stems: "referrals" and "bruised" are not the words written, but their stems are.
    assert [hit.item.text for hit in search("bruised", by="words")] == [hits[0].item.text]
    assert len(search("referrals", by="words")) == 2
    assert search("the of and", by="words") == [] and search("   ", by="meaning") == []


def test_search_words_keeps_its_own_pool_and_limit() -> None:
    review = small_review(
        "Child Juniper",
        [f"Finding {n}: the health visitor did not see the baby." for n in range(1, 6)],
    )
    assert len(search_words("health visitor", limit=3)) == 3
    pool = list(review.items.select_related("review")[:2])
    hits = search_words("health visitor", items=pool)
    assert [hit.item for hit in hits] == pool


def test_hits_come_with_their_review_in_one_query_once_the_index_is_built(
    django_assert_num_queries,
) -> None:
    small_review("Child Kale", ["The GP did not ask who else lived in the home."])
    search("GP", by="words")
    search("GP", by="meaning")
    for by in ("meaning", "words"):
        with django_assert_num_queries(1):  # whether the library changed, and nothing more
            hits = search("GP in the home", by=by)
            assert [hit.item.review.title for hit in hits] == ["Child Kale"]


def test_a_corrected_text_in_a_published_review_is_seen() -> None:
    """Services only correct drafts, but an edit made around them (the admin, a data fix)
    changes the text's length, and the index is rebuilt."""
    review = small_review("Child Laurel", ["The pond was not fenced."])
    assert search("pond", by="words")
    Item.objects.filter(review=review).update(text="The river bank was not fenced off.")
    assert search("pond", by="words") == []
    assert search("river", by="words")[0].item.text.startswith("The river")
    assert index.current().items[0].text.startswith("The river")
