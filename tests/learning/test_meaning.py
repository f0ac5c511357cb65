"""Search by meaning with the packaged model: the 20 questions written from the five seed
reviews (tests/learning/ground_truth/questions.json) find their item in the top 3, and what is
searched is the published library as it is now."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tests.factories import PractitionerFactory
from threadline.learning import index, meaning
from threadline.learning.models import Item, Review
from threadline.learning.selectors import Hit, search
from threadline.learning.services import add_review, correct_item, publish, remove_item

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
QUESTIONS = json.loads((Path(__file__).parent / "ground_truth" / "questions.json").read_text())
ENOUGH = 17

pytestmark = pytest.mark.django_db


def load_seeds() -> dict[str, Review]:
    """The five seed reviews, added and published as an import of agreed reviews is."""
    reviews = {}
    for path in sorted(SEEDS.glob("0*.txt")):
        review, _ = add_review(path.name, path.read_bytes(), content_type="text/plain")
        reviews[path.stem] = publish(review, by=None)
    return reviews


def small_review(title: str, findings: list[str], *, published: bool = True) -> Review:
    lines = [title, "", "The Findings", "", *(f"- {finding}" for finding in findings)]
    review, _ = add_review(f"{title}.txt", "\n".join(lines).encode())
    return publish(review, by=None) if published else review


def is_answer(question: dict, reviews: dict[str, Review], item: Item) -> bool:
    starts = [question["text_starts"], *question.get("acceptable", [])]
    text = " ".join(item.text.split())
    return item.review_id == reviews[question["seed"]].pk and any(map(text.startswith, starts))


def rank(question: dict, reviews: dict[str, Review], hits: list[Hit]) -> int | None:
    for place, hit in enumerate(hits, start=1):
        if is_answer(question, reviews, hit.item):
            return place
    return None


def test_the_twenty_seed_questions_find_their_item_in_the_top_three() -> None:
    reviews = load_seeds()
    ranks = []
    for question in QUESTIONS:
        hits = search(question["question"], by="meaning", limit=20)
        ranks.append(rank(question, reviews, hits))
        print(f"{ranks[-1] or '>20':>3}  {question['question']}")
    found = sum(1 for place in ranks if place is not None and place <= 3)
    print(f"by meaning: {found}/{len(QUESTIONS)} in the top 3, {ranks.count(1)} first")
    assert found >= ENOUGH


def test_adding_a_review_stores_every_items_meaning() -> None:
    review = small_review("Child Yew", ["The health visitor was not told the family had moved."])
    stored = review.items.get().embedding
    assert stored is not None and len(stored) == 4 * meaning.dimension()
    vector = meaning.from_bytes(stored)
    assert vector.dtype == np.float32 and abs(float(np.linalg.norm(vector)) - 1) < 1e-5


def test_embed_gives_unit_float32_rows_that_survive_bytes() -> None:
    vectors = meaning.embed(["a bruise on a non-mobile baby", "school attendance fell"])
    assert vectors.shape == (2, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)
    assert np.array_equal(meaning.from_bytes(meaning.to_bytes(vectors[0])), vectors[0])
    assert meaning.embed([]).shape == (0, 384)


def test_a_long_item_is_read_in_passages_between_sentences() -> None:
    sentence = "The school saw the child was hungry and tired on most days that term. "
    pieces = meaning.passages("finding", sentence * 12)
    assert len(pieces) > 1 and all(piece.startswith("Finding: ") for piece in pieces)
    assert all(piece.endswith("term.") for piece in pieces)
    assert all(len(piece.split()) <= meaning.PASSAGE_WORDS + 1 for piece in pieces)


def test_a_correction_changes_what_is_found() -> None:
    question = "the garden pond was not fenced off from the toddler"
    review = small_review(
        "Child Vale",
        ["Agencies shared nothing about the father's release from prison."],
        published=False,
    )
    item = review.items.get()
    before = bytes(item.embedding)
    correct_item(
        item,
        by=PractitionerFactory(),
        text="Nobody checked whether the pond in the garden was fenced before the toddler moved in.",
    )
    item.refresh_from_db()
    assert bytes(item.embedding) != before
    publish(review, by=None)
    small_review("Child Wren", ["The GP did not ask about the baby's sleeping arrangements."])
    hits = search(question, by="meaning", limit=1)
    assert hits[0].item.pk == item.pk and "pond" in hits[0].item.text


def test_an_unpublished_review_is_not_searched_until_it_is_published() -> None:
    small_review("Child Ash", ["Housing did not pass the family's records to the new area."])
    draft = small_review(
        "Child Birch", ["Nobody checked whether the pond was fenced."], published=False
    )
    assert all(hit.item.review_id != draft.pk for hit in search("pond fence", by="meaning"))
    assert search("pond fenced", by="words") == []
    publish(draft, by=None)
    assert search("pond fence", by="meaning", limit=1)[0].item.review_id == draft.pk
    assert search("pond fenced", by="words")[0].item.review_id == draft.pk


def test_a_removed_item_or_review_is_no_longer_found() -> None:
    kept = small_review("Child Elm", ["The midwife shared the concern with the health visitor."])
    draft = small_review(
        "Child Fir",
        ["Nobody checked whether the pond was fenced.", "The nursery recorded every bruise."],
        published=False,
    )
    remove_item(draft.items.get(text__contains="pond"), by=PractitionerFactory())
    publish(draft, by=None)
    assert all("pond" not in hit.item.text for hit in search("pond", by="meaning"))
    assert search("bruise", by="words")[0].item.review_id == draft.pk
    draft.delete()
    assert {hit.item.review_id for hit in search("bruise", by="meaning")} == {kept.pk}
    assert search("bruise", by="words") == []


def test_items_published_without_a_meaning_are_embedded_when_searched_by_meaning() -> None:
    review = small_review("Child Gorse", ["The pond in the garden was never fenced."])
    Item.objects.filter(review=review).update(embedding=None)
    assert search("pond", by="words")[0].item.review_id == review.pk  # no model needed
    assert Item.objects.filter(review=review, embedding__isnull=True).exists()
    hits = search("an unfenced garden pond", by="meaning", limit=1)
    assert hits[0].item.review_id == review.pk
    assert not Item.objects.filter(review=review, embedding__isnull=True).exists()


def test_the_index_is_kept_while_nothing_changes_and_rebuilt_when_it_does() -> None:
    small_review("Child Hazel", ["The school nurse saw the bruising."])
    search("bruise", by="meaning")
    held = index.current()
    search("bruise", by="words")
    assert index.current() is held
    small_review("Child Holly", ["The police did not share the callout."])
    assert index.current() is not held
