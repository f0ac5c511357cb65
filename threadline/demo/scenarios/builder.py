"""A small vocabulary for writing a review's family as feed records, one line per fact.

Each scenario module reads like the review's chronology: ``event("2017-03-08", "csc",
"strategy_discussion", ...)``. The builder numbers the records, keeps agency definitions the
same as the synthetic borough's, and writes the header that says what the review states and
what had to be invented.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from threadline.demo.borough import LOCAL_AUTHORITY, agency
from threadline.demo.records import to_line
from threadline.people.nhs import nhs_check_digit

# A person in an event: the sending agency's own id, another agency's record of them
# ({"agency": ..., "id": ...}), or either with their role in the event as (person, role).
PersonRef = str | dict[str, str] | tuple[str | dict[str, str], str]
# The scenarios' own block of the NHS test range (synth never issues 999 9xx xxxx).
SCENARIO_NHS_START = 999_900_000


@dataclass(frozen=True)
class Place:
    line1: str
    town: str
    postcode: str
    local_authority: str = LOCAL_AUTHORITY

    def address(self, moved_in: str | None = None, moved_out: str | None = None) -> dict[str, Any]:
        address: dict[str, Any] = {
            "line1": self.line1,
            "town": self.town,
            "postcode": self.postcode,
            "local_authority": self.local_authority,
        }
        if moved_in:
            address["from"] = moved_in
        if moved_out:
            address["to"] = moved_out
        return address


@dataclass
class Scenario:
    """One review's family as a feed: header first, then agencies, people and their records."""

    key: str  # short prefix for every id in the file, e.g. "ak"
    file_name: str
    title: str
    review: str
    incident_date: str
    states: list[str]
    filled_in: list[str]
    children: list[str] = field(default_factory=list)  # CSC ids of the review's children
    control: bool = False
    expectations: list[dict[str, Any]] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)
    _numbers: dict[str, int] = field(default_factory=dict)
    _nhs_index: int = 0

    def header(self) -> dict[str, Any]:
        header: dict[str, Any] = {
            "kind": "header",
            "title": self.title,
            "review": self.review,
            "states": self.states,
            "filled_in": self.filled_in,
            "incident_date": self.incident_date,
            "control": self.control,
            "expectations": self.expectations,
        }
        if self.control:
            # A control has no incident: it is replayed to its last day and should stay quiet.
            header["end_date"] = header.pop("incident_date")
            header.pop("review")
        return header

    def expect(self, check: str, person: str, by: str, finding: str) -> None:
        """``check`` must be raised for ``person`` (a CSC id) by ``by``, answering ``finding``."""
        self.expectations.append(
            {
                "check": check,
                "person": {"agency": "csc", "id": person},
                "by": by,
                "finding": finding,
            }
        )

    def lines(self) -> list[str]:
        return [to_line(self.header()), *(to_line(record) for record in self.records)]

    def text(self) -> str:
        return "".join(self.lines())

    # --- records --------------------------------------------------------------------------

    def agencies(self, *codes: str) -> None:
        for code in codes:
            self.records.append(agency(code).as_record())

    def new_nhs_number(self) -> str:
        """The next valid number in the scenarios' block, distinct across all five files."""
        offset = {"ak": 0, "e": 2000, "be": 4000, "ag": 6000, "q": 8000}.get(self.key)
        if offset is None:  # the controls share the rest of the block
            offset = 10_000 + 1_000 * sum(map(ord, self.key)) % 80_000
        while True:
            self._nhs_index += 1
            first_nine = str(SCENARIO_NHS_START + offset + self._nhs_index)
            check = nhs_check_digit(first_nine)
            if check is not None:
                return f"{first_nine}{check}"

    def person(
        self,
        source_id: str,
        given: str,
        family: str,
        *,
        at: tuple[str, ...],
        sex: str,
        born: str | None = None,
        due: str | None = None,
        died: str | None = None,
        nhs: str | None = None,
        addresses: list[dict[str, Any]] | None = None,
        known_as: str | None = None,
    ) -> None:
        """The same person as each agency in ``at`` records them (each under the same id)."""
        for code in at:
            record: dict[str, Any] = {
                "kind": "person",
                "agency": code,
                "id": source_id,
                "name": {"given": given, "family": family},
            }
            if known_as:
                record["other_names"] = [{"given": known_as, "kind": "known_as"}]
            for name, value in (
                ("date_of_birth", born),
                ("expected_date_of_birth", due),
                ("date_of_death", died),
            ):
                if value:
                    record[name] = value
            record["sex"] = sex
            if nhs:
                record["nhs_number"] = nhs
            if addresses:
                record["addresses"] = addresses
            self.records.append(record)

    def _next_id(self, letter: str) -> str:
        self._numbers[letter] = self._numbers.get(letter, 0) + 1
        return f"{self.key}-{letter}{self._numbers[letter]:03d}"

    def relationship(
        self,
        code: str,
        person: str,
        relative: str,
        kind: str,
        *,
        pr: bool = False,
        since: str | None = None,
        until: str | None = None,
    ) -> None:
        record: dict[str, Any] = {
            "kind": "relationship",
            "agency": code,
            "id": self._next_id("r"),
            "person": person,
            "relative": relative,
            "type": kind,
            "parental_responsibility": pr,
        }
        if since:
            record["from"] = since
        if until:
            record["to"] = until
        self.records.append(record)

    def involvement(
        self,
        code: str,
        person: str,
        team: str,
        opened: str,
        *,
        lead: str,
        reason: str,
        closed: str | None = None,
    ) -> None:
        record: dict[str, Any] = {
            "kind": "involvement",
            "agency": code,
            "id": self._next_id("i"),
            "person": person,
            "team": team,
            "team_kind": str(agency(code).team(team).kind),
            "lead_practitioner": lead,
            "reason": reason,
            "opened": opened,
        }
        if closed:
            record["closed"] = closed
        self.records.append(record)

    def episode(
        self, person: str, status: str, start: str, end: str | None = None, **codes: Any
    ) -> str:
        record: dict[str, Any] = {
            "kind": "status_episode",
            "agency": "csc",
            "id": self._next_id("s"),
            "person": person,
            "status": status,
            "start": start,
        }
        if end:
            record["end"] = end
        record.update({name: value for name, value in codes.items() if value})
        self.records.append(record)
        return str(record["id"])

    def plan_outcome(self, episode: str, written: str, **parts: str) -> None:
        """What a plan is for: ``risk``, ``change_wanted``, ``achieve_by``, ``consequence``."""
        record = {
            "kind": "plan_outcome",
            "agency": "csc",
            "id": self._next_id("o"),
            "episode": episode,
            **parts,
            "written": written,
        }
        self.records.append(record)

    def event(
        self,
        occurred: str,
        code: str,
        event_type: str,
        people: Sequence[PersonRef],
        summary: str,
        *,
        by: str = "",
        detail: str = "",
        reliability: str = "verified",
        significance: str = "routine",
        outcome: str | None = None,
        due: str | None = None,
        counterpart: str | None = None,
        refers_to: str | dict[str, str] | None = None,
    ) -> str:
        """One chronology entry; returns its id, for a later entry to answer (``refers_to``)."""
        record: dict[str, Any] = {
            "kind": "event",
            "agency": code,
            "id": self._next_id("e"),
            "type": event_type,
            "occurred": occurred,
        }
        if by:
            record["practitioner"] = by
        record["people"] = [
            {"person": ref[0], "role": ref[1]} if isinstance(ref, tuple) else ref for ref in people
        ]
        record["summary"] = summary
        if detail:
            record["detail"] = detail
        record["reliability"] = reliability
        record["significance"] = significance
        extras = {"outcome": outcome, "due": due, "counterpart": counterpart}
        record.update({name: value for name, value in extras.items() if value})
        if refers_to:
            record["refers_to"] = refers_to
        self.records.append(record)
        return str(record["id"])
