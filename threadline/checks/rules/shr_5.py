"""SHR-5: when agencies' records of a meeting disagree on its date, one record is agreed."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from threadline.checks.base import Actor, Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts, Happening, PersonView
from threadline.checks.rules._sharing import (
    MEETING_WINDOW,
    agency_names,
    concerning,
    day_of,
    label,
    listing,
    on,
)
from threadline.chronology.vocabulary import EventType

RECORDED_MEETINGS = (
    EventType.CONFERENCE,
    EventType.CORE_GROUP,
    EventType.STRATEGY_DISCUSSION,
    EventType.CIN_REVIEW,
)


@dataclass(frozen=True)
class Disagreement:
    type: str
    first: list[Happening]  # the records on the earlier date
    second: list[Happening]  # the records on the later date

    @property
    def key(self) -> str:
        return f"dates:{self.type}:{day_of(self.first[0])}:{day_of(self.second[0])}"

    @property
    def noticed_at(self) -> dt.datetime:
        """The moment both dates were on the record."""
        return max(min(h.recorded_at for h in self.first), min(h.recorded_at for h in self.second))


def disagreements(view: PersonView, meeting_type: str) -> list[Disagreement]:
    """Pairs of dates close together on which different agencies recorded the meeting.

    If any agency recorded the meeting on both dates there were two meetings; otherwise each
    date has an agency the other lacks and the agencies are recording one meeting differently.
    """
    by_day: dict[dt.date, list[Happening]] = {}
    for h in concerning(view, meeting_type):
        by_day.setdefault(day_of(h), []).append(h)
    days = sorted(by_day)
    found = []
    for earlier, later in itertools.pairwise(days):
        if later - earlier > MEETING_WINDOW:
            continue
        on_earlier = {h.agency_id for h in by_day[earlier]}
        on_later = {h.agency_id for h in by_day[later]}
        if on_earlier.isdisjoint(on_later):
            found.append(Disagreement(meeting_type, by_day[earlier], by_day[later]))
    return found


class OneMeetingRecord(Check):
    id = "SHR-5"
    title = "Agencies' records of the same meeting are reconciled into one"
    provenance = (
        Provenance(
            "Ag",
            "finding 7",
            "agency records appear to have different dates as to when meetings actually took "
            "place, who attended and minutes, along with actions are missing.",
        ),
    )
    must = (
        "Agree one authoritative record of the meeting (date, attendees, actions) with the agencies"
    )
    resolves = "a meeting record agreed for the child on or after the earlier of the two dates"
    who = Actor.ALLOCATED_WORKER
    timescale = Timescale(working_days=5)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        names = agency_names(facts)
        for meeting_type in RECORDED_MEETINGS:
            for disagreement in disagreements(child, meeting_type):
                yield Occurrence(
                    key=disagreement.key,
                    trigger_at=disagreement.noticed_at,
                    done=self._agreed(child, disagreement),
                    detail=f"{label(meeting_type).capitalize()} recorded on "
                    f"{self._side(disagreement.first, names)} and on "
                    f"{self._side(disagreement.second, names)}.",
                )

    def _side(self, records: list[Happening], names: dict[int, str]) -> str:
        recorders = sorted({names.get(h.agency_id, "an agency") for h in records})
        return f"{on(day_of(records[0]))} by {listing(recorders)}"

    def _agreed(self, child: PersonView, disagreement: Disagreement) -> bool:
        keys = {h.key for h in (*disagreement.first, *disagreement.second)}
        since = day_of(disagreement.first[0])
        return any(
            h.refers_to in keys if h.refers_to is not None else day_of(h) >= since
            for h in child.happenings(EventType.MEETING_RECORD_AGREED)
        )


CHECK = OneMeetingRecord()
