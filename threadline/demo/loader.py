"""Filling a freshly migrated database for the demo: agencies, teams and sign-ins, a small
synthetic borough, the five reviews, and the demo social worker allocated to the reviews'
children. Everything enters the record through ``ingest_feed``, as an agency's data would."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from threadline import clock
from threadline.access.selectors import visible_people
from threadline.agencies.models import Practitioner, Role
from threadline.checks.engine import sweep, tick
from threadline.demo.accounts import (
    ALLOCATED_TEAM,
    ALLOCATED_WORKER,
    DEMO_USERS,
    create_demo_users,
    register_teams,
)
from threadline.demo.borough import AGENCIES, agency
from threadline.demo.matching import possible_match_lines
from threadline.demo.meetings import stage_meetings
from threadline.demo.population import DEMO
from threadline.demo.records import to_line
from threadline.demo.scenarios import review_scenarios
from threadline.demo.scenarios.builder import Scenario
from threadline.demo.synth import SynthResult, synthesise
from threadline.feeds.services import ingest_feed
from threadline.learning.demo import load_seed_reviews
from threadline.meetings.models import Meeting
from threadline.people.models import PersonRecord
from threadline.recommendations.demo import stage_actions

SEED_TRIES = 50


@dataclass
class SeedChild:
    scenario: str
    name: str
    person_id: int


@dataclass
class DemoResult:
    users: list[Practitioner]
    seed: int
    synth: SynthResult | None
    children: list[SeedChild] = field(default_factory=list)
    visible: dict[str, int] = field(default_factory=dict)  # username -> people they can see
    conference: Meeting | None = None  # the borough child's ICPC, run through Threadline
    reviews: int = 0  # published in the learning library
    actions: int = 0  # agreed on their recommendations


def load_demo(people: int, seed: int) -> DemoResult:
    ingest_feed(to_line(definition.as_record()) for definition in AGENCIES)
    register_teams()
    users = create_demo_users()
    chosen, synth = _load_borough(people, seed, clock.today())
    scenarios = review_scenarios()
    for scenario in scenarios:
        ingest_feed(scenario.lines())
        ingest_feed(allocation_lines(scenario))
    conference = stage_meetings()
    ingest_feed(possible_match_lines())  # one pair waiting in the review queue
    reviews = load_seed_reviews()
    actions = stage_actions(reviews, by=_analyst(users))
    # What the nightly sweep and the every-minute tick would have done by now: alerts routed to
    # the inboxes and climbed their ladders.
    sweep()
    tick()
    result = DemoResult(
        users,
        chosen,
        synth,
        _seed_children(scenarios),
        conference=conference,
        reviews=len(reviews),
        actions=len(actions),
    )
    result.visible = {user.username: visible_people(user).count() for user in users}
    return result


def _analyst(users: list[Practitioner]) -> Practitioner:
    return next(user for user in users if user.role == Role.ANALYST)


def _load_borough(people: int, seed: int, today: dt.date) -> tuple[int, SynthResult | None]:
    """Draw the demo borough from the first seed (from ``seed`` on) in which every demo
    sign-in's agency has open work, so nobody signs in to an empty list."""
    if people <= 0:
        return seed, None
    needed = {user.agency for user in DEMO_USERS}
    with tempfile.TemporaryDirectory(prefix="threadline-demo-") as folder:
        for candidate in range(seed, seed + SEED_TRIES):
            result = synthesise(people, candidate, Path(folder), today, DEMO)
            if needed <= {code for code, count in result.open_involvements.items() if count}:
                break
        for path in result.paths:
            with path.open(encoding="utf-8") as handle:
                ingest_feed(handle)
    return candidate, result


def allocation_lines(scenario: Scenario) -> list[str]:
    """The scenario children's open children's social care involvements, sent again as
    allocated to the demo social worker (an update, as a case-management system would send)."""
    allocated = []
    for record in _open_csc_involvements(scenario.records, set(scenario.children)):
        allocated.append(
            {
                **record,
                "team": ALLOCATED_TEAM,
                "team_kind": str(agency("csc").team(ALLOCATED_TEAM).kind),
                "lead_practitioner": ALLOCATED_WORKER.name,
                "lead_practitioner_username": ALLOCATED_WORKER.username,
            }
        )
    return [to_line(record) for record in allocated]


def _open_csc_involvements(
    records: Iterable[dict[str, Any]], children: set[str]
) -> Iterable[dict[str, Any]]:
    for record in records:
        if (
            record["kind"] == "involvement"
            and record["agency"] == "csc"
            and record["person"] in children
            and not record.get("closed")
        ):
            yield record


def _seed_children(scenarios: list[Scenario]) -> list[SeedChild]:
    found = []
    for scenario in scenarios:
        for source_id in scenario.children:
            record = PersonRecord.objects.select_related("person").get(
                agency__code="csc", source_id=source_id
            )
            found.append(SeedChild(scenario.title, record.person.full_name, record.person_id))
    return found
