"""A borough's open plans, fed in through ingest (so the checks run as they would live), then
``tick`` over all of them."""

from __future__ import annotations

import datetime as dt
import json
import random
import time
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

from django.core.management import call_command

from threadline import clock
from threadline.bench.chronology import analyse
from threadline.bench.data import FAMILY, GIVEN, valid_nhs_number
from threadline.checks.engine import tick
from threadline.checks.models import Alert
from threadline.feeds.services import ingest_feed

LONDON = ZoneInfo("Europe/London")
TODAY = dt.date(2025, 6, 2)
AGENCIES = ("csc", "police", "education", "health_visiting", "gp")
VISIT_TYPES = ("home_visit", "child_seen", "child_seen_alone", "child_views_recorded", "core_group")


def _agencies() -> Iterator[dict[str, Any]]:
    for code in AGENCIES:
        yield {"kind": "agency", "code": code, "name": f"Bench {code}", "agency_kind": code}


def _family(index: int, rng: random.Random) -> Iterator[dict[str, Any]]:
    child, mother, father = f"C{index}", f"M{index}", f"F{index}"
    family = rng.choice(FAMILY)
    born = TODAY - dt.timedelta(days=rng.randrange(200, 365 * 15))
    for pid, given, sex, dob in (
        (child, rng.choice(GIVEN), rng.choice(["female", "male"]), born),
        (mother, rng.choice(GIVEN), "female", born - dt.timedelta(days=365 * 25)),
        (father, rng.choice(GIVEN), "male", born - dt.timedelta(days=365 * 28)),
    ):
        yield {
            "kind": "person",
            "agency": "csc",
            "id": pid,
            "name": {"given": given, "family": family},
            "date_of_birth": dob.isoformat(),
            "sex": sex,
            "nhs_number": valid_nhs_number(rng),
        }
    for parent in (mother, father):
        yield {
            "kind": "relationship",
            "agency": "csc",
            "id": f"R{parent}",
            "person": parent,
            "relative": child,
            "type": "parent",
            "parental_responsibility": True,
        }
    started = TODAY - dt.timedelta(days=rng.randrange(20, 300))
    yield {
        "kind": "involvement",
        "agency": "csc",
        "id": f"I{index}",
        "person": child,
        "team": f"Team {index % 40}",
        "team_kind": "cin",
        "opened": (started - dt.timedelta(days=30)).isoformat(),
    }
    yield {
        "kind": "status_episode",
        "agency": "csc",
        "id": f"S{index}",
        "person": child,
        "status": rng.choice(["cin", "cin", "cp"]),
        "start": started.isoformat(),
        "category_of_abuse": "NEG",
        "reason": "Neglect reported by school",
    }
    for visit in range(8):
        day = started + dt.timedelta(days=10 * (visit + 1))
        if day >= TODAY:
            break
        yield {
            "kind": "event",
            "agency": "csc",
            "id": f"V{index}-{visit}",
            "type": VISIT_TYPES[visit % len(VISIT_TYPES)],
            "occurred": day.isoformat(),
            "people": [child],
            "summary": "Statutory visit",
        }


def borough_lines(plans: int, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    records: list[dict[str, Any]] = list(_agencies())
    for index in range(plans):
        records.extend(_family(index, rng))
    return [json.dumps(record) for record in records]


def run(plans: int = 12_000, batch: int = 20_000) -> dict[str, Any]:
    call_command("flush", interactive=False, verbosity=0)
    clock.set_now(dt.datetime.combine(TODAY, dt.time(9), tzinfo=LONDON))
    lines = borough_lines(plans)
    started = time.perf_counter()
    for start in range(0, len(lines), batch):
        ingest_feed(lines[start : start + batch])
    ingest_seconds = time.perf_counter() - started
    analyse()
    started = time.perf_counter()
    idle = tick()
    idle_seconds = time.perf_counter() - started
    # Six months on, every plan's review and every watched deadline has fallen due at once.
    clock.set_now(dt.datetime.combine(TODAY + dt.timedelta(days=190), dt.time(9), tzinfo=LONDON))
    started = time.perf_counter()
    full = tick()
    full_seconds = time.perf_counter() - started
    return {
        "open_plans": plans,
        "records": len(lines),
        "ingest_with_checks_seconds": round(ingest_seconds, 2),
        "ingest_with_checks_records_per_second": round(len(lines) / ingest_seconds),
        "alerts_after_ingest": Alert.objects.count(),
        "idle_tick_seconds": round(idle_seconds, 3),
        "idle_tick_subjects": idle.subjects,
        "full_pass_seconds": round(full_seconds, 2),
        "full_pass_subjects": full.subjects,
        "full_pass_raised": full.raised,
        "full_pass_escalated": full.escalated,
        "full_pass_resolved": full.resolved,
        "target_full_pass_seconds": 5,
    }
