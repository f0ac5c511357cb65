"""What a learning check is: a small declarative unit with its id, provenance and timescale."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, ClassVar

from threadline.checks.models import AlertLevel

if TYPE_CHECKING:
    from threadline.checks.facts import Facts

REVIEWS = {
    "Ak": "000_1536295c29ff4cc2.txt",
    "E": "001_d0679ac9dec58ce9.txt",
    "BE": "002_16b4bb53bf3a44c8.txt",
    "Ag": "003_f025c57909e5b132.txt",
    "Q": "004_01058cc2a747051e.txt",
}


class Actor(StrEnum):
    """Who must act, as a role in a team or agency around the child."""

    ALLOCATED_WORKER = "allocated social worker"
    PRACTICE_MANAGER = "practice manager"
    TEAM_MANAGER = "team manager"
    SERVICE_MANAGER = "service manager"
    MASH = "MASH"
    CP_CHAIR = "child protection chair"
    SCHOOL_DSL = "school's designated safeguarding lead"
    HEALTH_VISITOR = "health visitor or school nurse"
    RECORDING_AGENCY_LEAD = "safeguarding lead of the agency that recorded it"
    INVOLVED_AGENCIES = "every agency with an open involvement"
    POLICE = "police public protection"
    PROBATION = "probation officer"
    ADULT_SERVICE = "the adult service's worker"
    GP_LEAD = "GP safeguarding lead"


SOCIAL_WORK_LADDER = (
    Actor.ALLOCATED_WORKER,
    Actor.PRACTICE_MANAGER,
    Actor.TEAM_MANAGER,
    Actor.SERVICE_MANAGER,
)


@dataclass(frozen=True)
class Provenance:
    review: str  # the key of REVIEWS, e.g. "Ak"
    finding: str  # e.g. "finding 1", "Rec 4"
    quote: str  # the review's own words, shown on the alert

    @property
    def file(self) -> str:
        return REVIEWS[self.review]

    def __str__(self) -> str:
        return f"{self.review} {self.finding} ({self.file}): “{self.quote}”"


@dataclass(frozen=True)
class Timescale:
    """How long there is to act, in working days from the trigger; None means at once."""

    working_days: int | None
    warn_at: int | None = None
    rung_days: int = 2  # working days between rungs of the escalation ladder

    def describe(self) -> str:
        if self.working_days is None:
            return "at once"
        if self.working_days == 0:
            return "the same day"
        unit = "working day" if self.working_days == 1 else "working days"
        return f"{self.working_days} {unit}"


@dataclass(frozen=True)
class Occurrence:
    """One time a check's condition arose for a subject, and whether the record shows it done."""

    key: str
    trigger_at: dt.datetime
    done: bool
    detail: str = ""
    due_on: dt.date | None = None  # overrides the timescale (e.g. 10 wd before a release)


class Check:
    """Subclass, fill in the class attributes, and yield occurrences from the record."""

    id: ClassVar[str]
    title: ClassVar[str]
    provenance: ClassVar[tuple[Provenance, ...]]
    must: ClassVar[str]  # what must happen, in a practitioner's words
    resolves: ClassVar[str]  # what in the record resolves it
    who: ClassVar[Actor] = Actor.ALLOCATED_WORKER
    ladder: ClassVar[tuple[Actor, ...]] = SOCIAL_WORK_LADDER
    timescale: ClassVar[Timescale]
    level: ClassVar[AlertLevel] = AlertLevel.ALERT
    children_only: ClassVar[bool] = True

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        raise NotImplementedError

    @property
    def why(self) -> str:
        return " ".join(str(p) for p in self.provenance)

    def rungs(self) -> tuple[Actor, ...]:
        return (self.who, *[actor for actor in self.ladder if actor != self.who])
