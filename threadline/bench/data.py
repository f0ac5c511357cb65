"""Synthetic rows for benchmarks, made fast and deterministic (no faker in the hot loop)."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator

from threadline.chronology.vocabulary import EventType, Reliability, Significance
from threadline.people.nhs import nhs_check_digit

GIVEN = ["Amelia", "Noah", "Isla", "Leo", "Ava", "Oscar", "Freya", "Arlo", "Ivy", "Theo", "Mia"]
FAMILY = ["Hartley", "Osei", "Kowalski", "Barnes", "Patel", "Evans", "Quinn", "Fraser", "Cole"]
AGENCIES = ["csc", "police", "gp", "health_visiting", "education", "hospital"]
EVENT_TYPES = [str(value) for value in EventType.values]
START = dt.date(2018, 1, 1)


def valid_nhs_number(rng: random.Random) -> str:
    while True:
        first_nine = f"{rng.randrange(400_000_000, 999_999_999):09d}"
        check = nhs_check_digit(first_nine)
        if check is not None:
            return first_nine + str(check)


def agency_lines() -> Iterator[str]:
    for code in AGENCIES:  # each code is also its agency kind
        yield json.dumps(
            {"kind": "agency", "code": code, "name": f"Bench {code}", "agency_kind": code}
        )


def person_record(index: int, rng: random.Random) -> dict[str, object]:
    born = START - dt.timedelta(days=rng.randrange(0, 365 * 14))
    return {
        "kind": "person",
        "agency": "csc",
        "id": f"P{index}",
        "name": {"given": rng.choice(GIVEN), "family": rng.choice(FAMILY)},
        "date_of_birth": born.isoformat(),
        "sex": rng.choice(["female", "male"]),
        "nhs_number": valid_nhs_number(rng),
    }


def event_record(index: int, people: int, rng: random.Random) -> dict[str, object]:
    subject = rng.randrange(people)
    concerned: list[object] = [{"agency": "csc", "id": f"P{subject}"}]
    if rng.random() < 0.3 and people > 1:
        other = (subject + 1) % people
        concerned.append({"agency": "csc", "id": f"P{other}"})
    occurred = START + dt.timedelta(days=rng.randrange(0, 365 * 6))
    agency = rng.choice(AGENCIES)
    return {
        "kind": "event",
        "agency": agency,
        "id": f"E{index}",
        "type": rng.choice(EVENT_TYPES),
        "occurred": occurred.isoformat(),
        "people": concerned,
        "summary": f"Synthetic event {index} recorded by {agency}",
        "reliability": rng.choice(list(Reliability.values)),
        "significance": rng.choice(list(Significance.values)),
    }


def feed_lines(people: int, events: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    lines = list(agency_lines())
    lines += [json.dumps(person_record(i, rng)) for i in range(people)]
    lines += [json.dumps(event_record(i, people, rng)) for i in range(events)]
    return lines
