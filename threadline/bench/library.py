"""Search over a library of 1,000 synthetic reviews (some 20,000 items) with the five seed
reviews among them: how long the library takes to build with its meanings, the first search
of a process (the index built from the database), then p50 and p95 of warm searches by meaning
and by words against the 200 ms target; and whether the seed questions still find their item
in the top 3 with 20,000 items around it."""

from __future__ import annotations

import functools
import hashlib
import json
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from django.conf import settings
from django.db import transaction
from faker import Faker

from threadline import clock
from threadline.bench.chronology import analyse
from threadline.learning import index, meaning
from threadline.learning.kinds import ItemKind
from threadline.learning.models import Item, Review, ReviewStatus
from threadline.learning.selectors import Hit, search
from threadline.learning.services import add_review, publish

TARGET_P95_MS = 200
SEEDS = Path(settings.PROJECT_DIR).parent / "shared" / "seeds"
QUESTIONS = Path(settings.PROJECT_DIR) / "tests" / "learning" / "ground_truth" / "questions.json"
BATCH = 50  # reviews written (and their items embedded) at a time
Way = Literal["meaning", "words"]
WAYS: tuple[Way, ...] = ("meaning", "words")

AGENCIES = [
    "the school",
    "the health visitor",
    "the GP practice",
    "children's social care",
    "the police",
    "probation",
    "the midwifery service",
    "adult mental health services",
    "the drug and alcohol service",
    "housing",
    "the nursery",
    "the early help team",
    "the ambulance service",
    "the emergency department",
    "CAMHS",
    "the youth justice service",
    "the school nurse",
    "the paediatrician",
]
PEOPLE = [
    "the mother",
    "the father",
    "the mother's partner",
    "the grandmother",
    "the older sibling",
    "the baby",
    "the child",
    "the young person",
    "the stepfather",
    "the maternal aunt",
    "the foster carer",
]
CONCERNS = [
    "domestic abuse",
    "parental alcohol misuse",
    "neglect",
    "unexplained bruising",
    "poor school attendance",
    "missed health appointments",
    "unsafe sleeping arrangements",
    "parental mental ill health",
    "criminal exploitation",
    "overcrowded housing",
    "cannabis use in the home",
    "self-harm",
    "episodes of going missing",
    "poor home conditions",
    "coercive control",
    "a head injury",
    "weight loss",
    "an older child's caring role",
]
MEETINGS = [
    "strategy meeting",
    "child protection conference",
    "core group",
    "child in need review",
    "MARAC",
    "discharge planning meeting",
    "team around the family meeting",
]
TEMPLATES: dict[str, list[str]] = {
    ItemKind.FINDING: [
        "{Agency} knew about {concern} but did not share it with {agency2}.",
        "{Agency} recorded {concern} and did not make a referral to children's social care.",
        "The voice of {person} was not heard in the assessments.",
        "Professionals were optimistic about {person}'s engagement despite {concern}.",
        "Assessments focused on {concern} and lost sight of {concern2}.",
        "{Agency} was not invited to the {meeting}.",
        "The {meeting} did not consider the history of {concern}.",
        "{Agency} and {agency2} applied different thresholds to {concern}.",
        "Nobody asked who else was living in the household when {person} moved in.",
        "Records of the {meeting} were incomplete and actions were not followed up.",
        "{Person} was seen only by appointment, so {concern} went unnoticed.",
        "When the family moved area, {agency} did not pass on the history of {concern}.",
        "{Agency} took the explanation given by {person} at face value.",
    ],
    ItemKind.RECOMMENDATION: [
        "The partnership should ensure that {agency} shares concerns about {concern} with "
        "{agency2} within one working day.",
        "{Agency} should review its guidance on {concern} and train its staff in it.",
        "All agencies should invite {agency} to every {meeting} where {concern} is known.",
        "The partnership should audit how {person} is involved in planning.",
        "{Agency} should record the history of {concern} at the start of every plan.",
        "Escalation procedures should be circulated again to {agency} and {agency2}.",
    ],
    ItemKind.LESSON: [
        "{Concern} and {concern2} together raise the risk to a child over time.",
        "Seeing {person} alone gives a truer picture than speaking to the parents.",
        "Professional curiosity matters when {person} gives a plausible explanation.",
        "Information held by {agency} can change what the {meeting} decides.",
    ],
    ItemKind.GOOD_PRACTICE: [
        "{Agency} kept in close touch with {person} and followed up missed contacts.",
        "{Agency} escalated its concern about {concern} promptly and in writing.",
        "The {meeting} was well attended and had a clear plan.",
    ],
    ItemKind.REFLECTIVE_QUESTION: [
        "How do you make sure the views of {person} are part of your assessment?",
        "What would you do if {agency} did not act on your concern about {concern}?",
        "Who in your team knows how to call a {meeting}?",
    ],
    ItemKind.ACTION: [
        "{Agency} will add {concern} to its induction training by {month}.",
        "The partnership will publish a briefing on {concern} by {month}.",
    ],
}
KINDS = list(TEMPLATES)
KIND_WEIGHTS = [40, 25, 15, 8, 7, 5]
MONTHS = ["March 2024", "June 2024", "September 2024", "January 2025", "April 2025"]
FOLLOW_ON = [
    "This was a missed opportunity to protect {person}.",
    "The review found no record that this was discussed with {agency2}.",
    "It meant that {concern} was not part of the plan.",
    "Practitioners said workloads made this difficult at the time.",
    "This had happened before, when {person} was first known to {agency}.",
]
VARIATIONS = [
    "{question}",
    "reviews where {question}",
    "{start}",
    "learning about {question}",
]


def sentence(rng: random.Random, template: str) -> str:
    agency, agency2 = rng.sample(AGENCIES, 2)
    concern, concern2 = rng.sample(CONCERNS, 2)
    person = rng.choice(PEOPLE)
    filled = template.format(
        agency=agency,
        Agency=agency[0].upper() + agency[1:],
        agency2=agency2,
        concern=concern,
        Concern=concern[0].upper() + concern[1:],
        concern2=concern2,
        person=person,
        Person=person[0].upper() + person[1:],
        meeting=rng.choice(MEETINGS),
        month=rng.choice(MONTHS),
    )
    return filled[0].upper() + filled[1:]


def synthetic_items(rng: random.Random) -> list[Item]:
    items = []
    for position in range(1, rng.randint(15, 25) + 1):
        kind = rng.choices(KINDS, weights=KIND_WEIGHTS)[0]
        parts = [sentence(rng, rng.choice(TEMPLATES[kind]))]
        parts += [sentence(rng, rng.choice(FOLLOW_ON)) for _ in range(rng.choice((0, 1, 1, 2, 3)))]
        items.append(
            Item(position=position, kind=kind, text=" ".join(parts), line=position * 3, section="")
        )
    return items


def build(reviews: int, rng: random.Random) -> dict[str, float]:
    """``reviews`` synthetic reviews, published, every item with its meaning."""
    partnerships = [f"{city} Safeguarding Children Partnership" for city in _cities(40)]
    now = clock.now()
    embedding = 0.0
    for start in range(0, reviews, BATCH):
        batch = [synthetic_items(rng) for _ in range(min(BATCH, reviews - start))]
        started = time.perf_counter()
        meaning.fill([item for items in batch for item in items])
        embedding += time.perf_counter() - started
        with transaction.atomic():
            for number, items in enumerate(batch, start=start + 1):
                text = "\n\n".join(item.text for item in items)
                review = Review.objects.create(
                    title=f"Child {_pseudonym(number)}",
                    partnership=rng.choice(partnerships),
                    year=rng.randint(2012, 2025),
                    file_name=f"synthetic-{number}.txt",
                    original=text.encode(),
                    content_hash=hashlib.sha256(text.encode()).hexdigest(),
                    text=text,
                    status=ReviewStatus.PUBLISHED,
                    added_at=now,
                    published_at=now,
                )
                for item in items:
                    item.review = review
            Item.objects.bulk_create([item for items in batch for item in items])
    return {"embed_seconds": embedding}


def _cities(count: int) -> list[str]:
    fake = Faker("en_GB")
    fake.seed_instance(7)
    return sorted({fake.city() for _ in range(count)})


def _pseudonym(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters[0] + letters[1:].lower()


def seed_reviews() -> dict[str, Review]:
    """The five seed reviews through the services, as a partnership would add them."""
    reviews = {}
    for path in sorted(SEEDS.glob("0*.txt")):
        review, _ = add_review(path.name, path.read_bytes(), content_type="text/plain")
        reviews[path.stem] = review if review.is_published else publish(review, by=None)
    return reviews


def questions() -> list[dict[str, Any]]:
    return list(json.loads(QUESTIONS.read_text())) if QUESTIONS.is_file() else []


def queries(asked: list[dict[str, Any]], rng: random.Random, count: int) -> list[str]:
    """The seed questions in a few phrasings, then synthetic ones to make up ``count``."""
    made = [
        variation.format(question=q["question"], start=" ".join(q["question"].split()[:6]))
        for variation in VARIATIONS
        for q in asked
    ]
    while len(made) < count:
        kind = rng.choice(KINDS)
        made.append(sentence(rng, rng.choice(TEMPLATES[kind])).rstrip(".?").lower())
    return made[:count]


def found_in_top_three(asked: list[dict[str, Any]], reviews: dict[str, Review]) -> int:
    def right(question: dict[str, Any], hit: Hit) -> bool:
        starts = [question["text_starts"], *question.get("acceptable", [])]
        text = " ".join(hit.item.text.split())
        return hit.item.review_id == reviews[question["seed"]].pk and any(
            map(text.startswith, starts)
        )

    return sum(
        1
        for q in asked
        if q["seed"] in reviews
        and any(right(q, hit) for hit in search(q["question"], by="meaning", limit=3))
    )


def timings(run_one: Callable[[str], object], texts: list[str]) -> list[float]:
    measured = []
    for text in texts:
        started = time.perf_counter()
        run_one(text)
        measured.append((time.perf_counter() - started) * 1000)
    return measured


def summary(measured: list[float]) -> dict[str, float]:
    p95 = statistics.quantiles(measured, n=100)[94]
    return {
        "p50_ms": round(statistics.median(measured), 2),
        "p95_ms": round(p95, 2),
        "max_ms": round(max(measured), 2),
        "p95_ratio_to_target": round(p95 / TARGET_P95_MS, 3),
    }


def cold(by: Way, query: str) -> float:
    """The first search of a process: nothing held, the index read from the database."""
    index.forget()
    started = time.perf_counter()
    search(query, by=by)
    return round((time.perf_counter() - started) * 1000, 1)


def run(reviews: int = 1_000, queries_per_way: int = 100) -> dict[str, Any]:
    rng = random.Random(23)
    started = time.perf_counter()
    meaning.model()
    model_seconds = time.perf_counter() - started
    started = time.perf_counter()
    built = build(reviews, rng)
    seeds = seed_reviews()
    build_seconds = time.perf_counter() - started
    analyse()
    asked = questions()
    texts = queries(asked, rng, queries_per_way)
    figures: dict[str, Any] = {
        "target_p95_ms": TARGET_P95_MS,
        "reviews": Review.objects.count(),
        "items": Item.objects.count(),
        "model_load_seconds": round(model_seconds, 1),
        "build_seconds": round(build_seconds, 1),
        "embed_seconds": round(built["embed_seconds"], 1),
        "queries": len(texts),
    }
    for by in WAYS:
        first = cold(by, texts[0])
        for text in texts[:5]:  # warm: the query path, not the first touch of each page
            search(text, by=by)
        measured = timings(functools.partial(search, by=by), texts)
        figures[by] = {"cold_first_query_ms": first, **summary(measured)}
    figures["change_check_p50_ms"] = round(statistics.median(timings(_check, texts[:50])), 2)
    # Among 20,000 synthetic items made of the same phrases, not the five reviews alone.
    figures["seed_questions_top3_among_synthetic"] = (
        f"{found_in_top_three(asked, seeds)}/{len(asked)}"
    )
    return figures


def _check(_: str) -> None:
    index.fingerprint()
