"""The five reviews as feed files: each ingests on its own, says what the review states and
what was invented, and names no one but the reviews' own pseudonyms."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from threadline.casework.models import Involvement
from threadline.demo.scenarios import HEADER_KEYS, all_scenarios, read_header, scenarios_dir
from threadline.demo.scenarios.builder import Scenario
from threadline.feeds.services import ingest_feed
from threadline.people.models import PersonRecord
from threadline.people.nhs import is_valid_nhs_number

REVIEWS = {
    "child-ak.jsonl": "000_1536295c29ff4cc2.txt",
    "child-e.jsonl": "001_d0679ac9dec58ce9.txt",
    "child-be.jsonl": "002_16b4bb53bf3a44c8.txt",
    "children-ag.jsonl": "003_f025c57909e5b132.txt",
    "child-q.jsonl": "004_01058cc2a747051e.txt",
}
CONTROLS = (
    "control-domestic-abuse.jsonl",
    "control-parental-health.jsonl",
    "control-neglect.jsonl",
    "control-move.jsonl",
    "control-step-down.jsonl",
)
# The reviews' own pseudonyms; everyone else is named by their place in the family.
PSEUDONYMS = {"Ak", "Steven", "Joanne", "Mark", "BE", "Q", "Ag (elder)", "Ag (younger)"}
SCENARIOS = all_scenarios()


def by_file(name: str) -> Scenario:
    return next(scenario for scenario in SCENARIOS if scenario.file_name == name)


def test_there_is_one_file_per_review_and_per_control() -> None:
    files = sorted(path.name for path in scenarios_dir().glob("*.jsonl"))
    assert files == sorted([*REVIEWS, *CONTROLS])


@pytest.mark.parametrize("name", [*REVIEWS, *CONTROLS])
def test_file_is_what_its_builder_writes(name: str) -> None:
    """Edit threadline/demo/scenarios/*.py, then run `threadline scenarios`."""
    assert (scenarios_dir() / name).read_text(encoding="utf-8") == by_file(name).text()


@pytest.mark.parametrize("name", REVIEWS)
def test_header_says_what_the_review_states_and_what_was_invented(name: str) -> None:
    header = read_header(scenarios_dir() / name)
    assert list(header) == list(HEADER_KEYS)
    assert header["kind"] == "header"
    assert header["review"] == REVIEWS[name]
    assert header["states"] and header["filled_in"]
    assert header["control"] is False
    incident = dt.date.fromisoformat(header["incident_date"])
    ids = {record["id"] for record in by_file(name).records if record["kind"] == "person"}
    assert header["expectations"], "each finding a check covers is an expectation"
    for expectation in header["expectations"]:
        assert expectation["person"]["id"] in ids
        assert dt.date.fromisoformat(expectation["by"]) < incident, "raised before the harm"
        assert expectation["finding"]


@pytest.mark.parametrize("name", CONTROLS)
def test_controls_expect_nothing_and_say_how_long_to_replay(name: str) -> None:
    header = read_header(scenarios_dir() / name)
    assert header["control"] is True and header["expectations"] == []
    dt.date.fromisoformat(header["end_date"])


@pytest.mark.django_db
@pytest.mark.parametrize("name", REVIEWS)
def test_file_ingests_on_its_own(name: str) -> None:
    lines = (scenarios_dir() / name).read_text(encoding="utf-8").splitlines(keepends=True)
    summary = ingest_feed(lines)
    assert summary.records == len(lines) - 1
    again = ingest_feed(lines)
    assert all(c.created == c.updated == 0 for c in again.counts.values())


@pytest.mark.django_db
@pytest.mark.parametrize("name", REVIEWS)
def test_each_child_has_an_open_social_care_involvement_with_a_lead(name: str) -> None:
    scenario = by_file(name)
    ingest_feed(scenario.lines())
    for source_id in scenario.children:
        person = PersonRecord.objects.get(agency__code="csc", source_id=source_id).person_id
        open_ones = Involvement.objects.filter(
            person_id=person, agency__code="csc", closed_on__isnull=True
        )
        assert open_ones.exclude(team=None).exclude(lead_practitioner_name="").exists()


@pytest.mark.parametrize("name", REVIEWS)
def test_only_the_reviews_pseudonyms_are_names(name: str) -> None:
    for record in by_file(name).records:
        if record["kind"] == "person":
            given = record["name"]["given"]
            assert given in PSEUDONYMS or "'s " in given, given


def test_nhs_numbers_are_valid_and_never_shared_between_scenarios() -> None:
    owners: dict[str, str] = {}
    for scenario in SCENARIOS:
        for record in scenario.records:
            number = record.get("nhs_number")
            if record["kind"] != "person" or not number:
                continue
            assert is_valid_nhs_number(number)
            assert number.startswith("9999"), "the scenarios' own block of the test range"
            key = f"{scenario.key}:{record['id']}"
            assert owners.setdefault(number, key) == key


def test_events_fall_on_or_before_the_incident_or_just_after() -> None:
    """Nothing in a scenario happens long after the harm it reconstructs."""
    for scenario in SCENARIOS:
        last = dt.date.fromisoformat(scenario.incident_date) + dt.timedelta(days=10)
        for record in scenario.records:
            if record["kind"] == "event":
                assert record["occurred"][:10] <= last.isoformat(), json.dumps(record)
