"""Turning one household's story into feed lines, each agency writing only what it would know."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

from faker import Faker

from threadline.demo.borough import AGENCIES, AgencyDef, agency
from threadline.demo.population import Household, Resident

# Agencies whose systems keep a person's whole address history; the others hold the address
# they were given when they first met the person, which may since have changed.
FULL_HISTORY = {"csc", "gp", "health-visiting", "midwifery", "hospital", "housing"}
# Agencies that take names as given, so spellings drift from the health record.
NAME_DRIFT = {"police", "schools", "housing", "probation", "voluntary", "cafcass"}
TITLES = {"police": ("PC", "DC", "PS"), "gp": ("Dr",), "hospital": ("Dr", "Nurse")}
# Multipliers coprime with 10^8: each agency's ids for the same people look unrelated, as real
# systems' ids do, so matching cannot cheat by lining up numbers.
_ID_MULTIPLIERS = (
    48271,
    69621,
    16807,
    39373,
    40013,
    40691,
    52771,
    2147,
    3791,
    7919,
    6007,
    9973,
    12289,
    24593,
    49157,
)


def to_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": ")) + "\n"


class FeedFiles:
    """One open JSON Lines file per agency, and a count of what went into each."""

    def __init__(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.out_dir = out_dir
        self.counts: Counter[tuple[str, str]] = Counter()
        self.open_involvements: Counter[str] = Counter()
        self._next: Counter[tuple[str, str]] = Counter()
        self._files: dict[str, TextIO] = {}
        with (out_dir / "agencies.jsonl").open("w", encoding="utf-8") as handle:
            handle.write(to_line({"kind": "header", "title": "Northshire: agencies"}))
            for definition in AGENCIES:
                handle.write(to_line(definition.as_record()))
                self.counts[("agencies", "agency")] += 1
        for definition in AGENCIES:
            handle = (out_dir / f"{definition.code}.jsonl").open("w", encoding="utf-8")
            title = f"Northshire synthetic borough: {definition.name}"
            handle.write(to_line({"kind": "header", "title": title}))
            self._files[definition.code] = handle

    def __enter__(self) -> FeedFiles:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        for handle in self._files.values():
            handle.close()

    def write(self, record: dict[str, Any]) -> None:
        self._files[record["agency"]].write(to_line(record))
        self.counts[(record["agency"], record["kind"])] += 1
        if record["kind"] == "involvement" and "closed" not in record:
            self.open_involvements[record["agency"]] += 1

    def next_id(self, code: str, letter: str) -> str:
        self._next[(code, letter)] += 1
        return f"{agency(code).id_prefix}-{letter}{self._next[(code, letter)]:07d}"

    @property
    def paths(self) -> list[Path]:
        return [self.out_dir / "agencies.jsonl"] + [
            self.out_dir / f"{code}.jsonl" for code in self._files
        ]


class Staff:
    """Synthetic practitioners for every team, so events and involvements carry names."""

    def __init__(self, fake: Faker) -> None:
        self.names: dict[tuple[str, str], list[str]] = {}
        for definition in AGENCIES:
            titles = TITLES.get(definition.code, ("",))
            for position, team in enumerate(definition.teams):
                people = []
                for number in range(6):
                    title = titles[(position + number) % len(titles)]
                    name = f"{fake.first_name()} {fake.last_name()}"
                    people.append(f"{title} {name}".strip())
                self.names[(definition.code, team.name)] = people

    def pick(self, rng: random.Random, code: str, team: str) -> str:
        return rng.choice(self.names[(code, team)])


class Recorder:
    """Writes one household's records. Remembers only which people each agency has already
    sent, and only for this household."""

    def __init__(
        self,
        files: FeedFiles,
        staff: Staff,
        household: Household,
        rng: random.Random,
        today: dt.date,
    ) -> None:
        self.files = files
        self.staff = staff
        self.household = household
        self.rng = rng
        self.today = today
        self._known: dict[tuple[str, int], str] = {}

    # --- people -------------------------------------------------------------------------

    def ref(self, code: str, person: Resident, as_at: dt.date | None = None) -> str:
        """The agency's own id for ``person``, sending its record of them the first time."""
        known = self._known.get((code, person.key))
        if known is None:
            known = person_source_id(agency(code), person.key)
            self._known[(code, person.key)] = known
            self.files.write(self._person_record(agency(code), person, known, as_at))
        return known

    def knows(self, code: str, person: Resident) -> bool:
        return (code, person.key) in self._known

    def _person_record(
        self, definition: AgencyDef, person: Resident, source_id: str, as_at: dt.date | None
    ) -> dict[str, Any]:
        given, born = person.given, person.dob
        if definition.code in NAME_DRIFT and self.rng.random() < 0.04:
            given = _misspelt(self.rng, given)
        has_nhs = bool(person.nhs) and self.rng.random() < definition.nhs_rate
        if not has_nhs and definition.code in NAME_DRIFT and self.rng.random() < 0.02:
            born = _day_month_swapped(born)
        record: dict[str, Any] = {
            "kind": "person",
            "agency": definition.code,
            "id": source_id,
            "name": {"given": given, "family": person.family},
        }
        if person.unborn:
            record["expected_date_of_birth"] = person.dob.isoformat()
            has_nhs = False
        else:
            record["date_of_birth"] = min(born, self.today).isoformat()
        record["sex"] = person.sex
        if has_nhs:
            record["nhs_number"] = person.nhs
        record["addresses"] = self._addresses(definition.code, person, as_at or self.today)
        return record

    def _addresses(self, code: str, person: Resident, as_at: dt.date) -> list[dict[str, object]]:
        if code in FULL_HISTORY:
            return [home.as_address() for home in person.homes]
        then = [home for home in person.homes if home.moved_in is None or home.moved_in <= as_at]
        home = (then or person.homes)[-1]
        address = home.as_address()
        address.pop("to", None)  # the agency was never told of the move
        return [address]

    def relationships(self, code: str) -> None:
        """Every tie in the household between two people this agency has a record of."""
        for tie in self.household.ties:
            if self.knows(code, tie.person) and self.knows(code, tie.relative):
                record: dict[str, Any] = {
                    "kind": "relationship",
                    "agency": code,
                    "id": self.files.next_id(code, "R"),
                    "person": self.ref(code, tie.person),
                    "relative": self.ref(code, tie.relative),
                    "type": tie.kind,
                    "parental_responsibility": tie.parental_responsibility,
                }
                if tie.since and tie.since <= self.today:
                    record["from"] = tie.since.isoformat()
                self.files.write(record)

    # --- casework -----------------------------------------------------------------------

    def involvement(
        self,
        code: str,
        person: Resident,
        team: str,
        opened: dt.date,
        *,
        reason: str,
        closed: dt.date | None = None,
        lead: str | None = None,
    ) -> str | None:
        """Opens (and perhaps closes) an agency's work with a person; returns the lead's name."""
        opened = opened if person.unborn else max(opened, person.dob)
        if opened > self.today:
            return None
        lead = lead or self.staff.pick(self.rng, code, team)
        record: dict[str, Any] = {
            "kind": "involvement",
            "agency": code,
            "id": self.files.next_id(code, "I"),
            "person": self.ref(code, person, opened),
            "team": team,
            "team_kind": str(agency(code).team(team).kind),
            "lead_practitioner": lead,
            "reason": reason,
            "opened": opened.isoformat(),
        }
        if closed is not None and closed <= self.today:
            record["closed"] = max(closed, opened).isoformat()
        self.files.write(record)
        return lead

    def episode(
        self,
        person: Resident,
        status: str,
        start: dt.date,
        end: dt.date | None,
        **codes: Any,
    ) -> str | None:
        """A status episode for a child; returns its id (None when it starts after today)."""
        start = start if person.unborn else max(start, person.dob)
        if start > self.today:
            return None
        record: dict[str, Any] = {
            "kind": "status_episode",
            "agency": "csc",
            "id": self.files.next_id("csc", "S"),
            "person": self.ref("csc", person, start),
            "status": status,
            "start": start.isoformat(),
        }
        if end is not None and end <= self.today:
            record["end"] = max(end, start).isoformat()
        record.update({name: value for name, value in codes.items() if value})
        self.files.write(record)
        return str(record["id"])

    def plan_outcome(self, episode: str, written: dt.date, parts: dict[str, str]) -> None:
        """What a plan is for: the risk, the change wanted, by when, and the consequence."""
        if written > self.today:
            return
        record: dict[str, Any] = {
            "kind": "plan_outcome",
            "agency": "csc",
            "id": self.files.next_id("csc", "O"),
            "episode": episode,
            **parts,
            "written": written.isoformat(),
        }
        self.files.write(record)

    def event(
        self,
        code: str,
        event_type: str,
        when: dt.date,
        people: Iterable[tuple[Resident, str]],
        summary: str,
        *,
        practitioner: str = "",
        detail: str = "",
        reliability: str = "verified",
        significance: str = "routine",
        timed: bool = False,
        precision: str = "day",
        outcome: str | None = None,
        counterpart: str | None = None,
        refers_to: str | dict[str, str] | None = None,
        due: dt.date | None = None,
    ) -> str | None:
        """One chronology entry, and its id (for a later entry to answer); left out when it
        would fall after today or before everyone it concerns was born."""
        present = [(p, role) for p, role in people if p.unborn or p.dob <= when]
        if when > self.today or not present:
            return None
        record: dict[str, Any] = {
            "kind": "event",
            "agency": code,
            "id": self.files.next_id(code, "E"),
            "type": event_type,
            "occurred": self._occurred(when, timed, precision),
        }
        if code in {"csc", "police"}:
            record["recorded"] = self._recorded(when)
        if practitioner:
            record["practitioner"] = practitioner
        record["people"] = [
            {"person": self.ref(code, person, when), "role": role} for person, role in present
        ]
        record["summary"] = summary
        if detail:
            record["detail"] = detail
        record["reliability"] = reliability
        record["significance"] = significance
        extras = {"outcome": outcome, "counterpart": counterpart, "refers_to": refers_to}
        record.update({name: value for name, value in extras.items() if value})
        if due is not None:
            record["due"] = due.isoformat()
        self.files.write(record)
        return str(record["id"])

    def _occurred(self, when: dt.date, timed: bool, precision: str) -> str:
        if precision == "year":
            return f"{when.year}"
        if precision == "month":
            return f"{when.year}-{when.month:02d}"
        if not timed:
            return when.isoformat()
        return f"{when.isoformat()}T{self.rng.randint(0, 23):02d}:{self.rng.randint(0, 59):02d}"

    def _recorded(self, when: dt.date) -> str:
        """Most entries are written up the same day; some days later, never after today."""
        lag = 0 if self.rng.random() < 0.7 else self.rng.randint(1, 9)
        day = min(when + dt.timedelta(days=lag), self.today)
        return f"{day.isoformat()}T{self.rng.randint(17, 22):02d}:{self.rng.randint(0, 59):02d}:00"


def person_source_id(definition: AgencyDef, key: int) -> str:
    position = AGENCIES.index(definition)
    number = (key * _ID_MULTIPLIERS[position] + 1_000_003 * (position + 1)) % 10**8
    return f"{definition.id_prefix}{number:08d}"


def _misspelt(rng: random.Random, name: str) -> str:
    if len(name) < 4:
        return name
    where = rng.randint(1, len(name) - 3)
    return name[:where] + name[where + 1] + name[where] + name[where + 2 :]


def _day_month_swapped(day: dt.date) -> dt.date:
    if day.day > 12 or day.day == day.month:
        return day
    return day.replace(month=day.day, day=day.month)
