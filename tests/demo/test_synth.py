"""``threadline synth``: feeds that ingest cleanly, the same bytes for the same seed, nothing
changed when sent twice, and no real person anywhere."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from threadline.agencies.models import Agency, AgencyKind
from threadline.chronology.models import Event
from threadline.demo.borough import AGENCIES
from threadline.demo.population import SYNTH_NHS_BLOCK
from threadline.demo.synth import SynthResult, synthesise
from threadline.feeds.services import ingest_feed
from threadline.people.models import Person, PersonRecord
from threadline.people.nhs import is_valid_nhs_number

from .conftest import TODAY, read_lines


def ingest_all(result: SynthResult) -> dict[str, dict[str, int]]:
    """Ingest every file, agencies first; returns created/updated/unchanged per kind."""
    totals: dict[str, dict[str, int]] = {}
    for path in result.paths:
        summary = ingest_feed(read_lines(path))
        for kind, counts in summary.as_dict()["kinds"].items():
            for outcome, number in counts.items():
                totals.setdefault(kind, {}).setdefault(outcome, 0)
                totals[kind][outcome] += number
    return totals


def records(result: SynthResult, kind: str) -> list[dict[str, object]]:
    found = []
    for path in result.paths:
        for line in read_lines(path):
            record = json.loads(line)
            if record["kind"] == kind:
                found.append(record)
    return found


def test_writes_agencies_file_and_one_file_per_agency(borough: SynthResult) -> None:
    names = [path.name for path in borough.paths]
    assert names[0] == "agencies.jsonl"
    assert sorted(names[1:]) == sorted(f"{a.code}.jsonl" for a in AGENCIES)
    kinds = {record["agency_kind"] for record in records(borough, "agency")}
    assert kinds == set(AgencyKind.values)


@pytest.mark.django_db
def test_output_ingests_without_errors(borough: SynthResult) -> None:
    totals = ingest_all(borough)
    assert Agency.objects.count() == len(AGENCIES)
    assert totals["event"]["created"] == borough.of_kind("event") > 0
    assert totals["person"]["created"] == PersonRecord.objects.count()
    # The same people are known to several agencies and joined on their NHS numbers.
    assert Person.objects.count() < PersonRecord.objects.count()
    assert Event.objects.filter(is_current=True).count() == borough.of_kind("event")


@pytest.mark.django_db
def test_sending_the_same_feeds_again_changes_nothing(borough: SynthResult) -> None:
    ingest_all(borough)
    again = ingest_all(borough)
    assert all(counts["created"] == counts["updated"] == 0 for counts in again.values())
    assert sum(counts["unchanged"] for counts in again.values()) == borough.records


def test_same_seed_gives_the_same_bytes(tmp_path: Path) -> None:
    first = synthesise(120, 5, tmp_path / "first", TODAY)
    second = synthesise(120, 5, tmp_path / "second", TODAY)
    for one, two in zip(first.paths, second.paths, strict=True):
        assert one.read_bytes() == two.read_bytes(), one.name


def test_another_seed_gives_another_borough(tmp_path: Path) -> None:
    first = synthesise(120, 5, tmp_path / "first", TODAY)
    other = synthesise(120, 6, tmp_path / "other", TODAY)
    assert (first.paths[1].read_bytes()) != (other.paths[1].read_bytes())


def test_nhs_numbers_are_valid_test_numbers(borough: SynthResult) -> None:
    numbers = [str(r["nhs_number"]) for r in records(borough, "person") if "nhs_number" in r]
    assert numbers
    assert all(is_valid_nhs_number(number) for number in numbers)
    # 999 numbers are never issued to patients; the scenarios keep 999 9xx xxxx.
    assert all(number.startswith("999") for number in numbers)
    assert all(int(number[3:9]) < SYNTH_NHS_BLOCK for number in numbers)


def test_people_are_spread_over_several_agencies(borough: SynthResult) -> None:
    by_number: dict[str, set[str]] = {}
    for record in records(borough, "person"):
        if "nhs_number" in record:
            by_number.setdefault(str(record["nhs_number"]), set()).add(str(record["agency"]))
    assert max(len(agencies) for agencies in by_number.values()) >= 4
    missing = [r for r in records(borough, "person") if "nhs_number" not in r]
    assert missing, "some agencies' records carry no NHS number"


def test_a_minority_of_children_have_statutory_episodes(borough: SynthResult) -> None:
    episodes = records(borough, "status_episode")
    children = {r["person"] for r in episodes}
    csc_people = [r for r in records(borough, "person") if r["agency"] == "gp"]
    assert episodes
    assert len(children) < len(csc_people) / 4
    assert {r["status"] for r in episodes} <= {"early_help", "cin", "cp", "looked_after"}


def test_command_reports_what_it_wrote(tmp_path: Path) -> None:
    out = StringIO()
    call_command("synth", people=60, seed=2, out=tmp_path, today=TODAY, stdout=out)
    assert "people in" in out.getvalue()
    assert (tmp_path / "csc.jsonl").exists()
