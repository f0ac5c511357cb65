"""A small shared record for the indicators' tests: two children's social care agencies (North and
South), people, and chronology events on London days with each person's part in them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from tests.factories import (
    AgencyFactory,
    EventFactory,
    PersonFactory,
    PractitionerFactory,
    TeamFactory,
)
from threadline import clock
from threadline.agencies.models import Agency, AgencyKind, Role
from threadline.chronology.models import Event, EventPerson, SubjectRole
from threadline.chronology.vocabulary import EventType
from threadline.indicators.tally import Tally, Window
from threadline.people.models import Person, Sex

LONDON = ZoneInfo("Europe/London")
# Every test of the measures reads the record as of this day, over March to June 2025.
TODAY = dt.date(2025, 6, 16)
WINDOW = Window(dt.date(2025, 3, 1), dt.date(2025, 6, 30), TODAY)


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def moment(on: str | dt.date, hour: int = 0) -> dt.datetime:
    """A London moment; midnight is how a date-only record arrives."""
    when = day(on) if isinstance(on, str) else on
    return dt.datetime.combine(when, dt.time(hour), tzinfo=LONDON)


def today_is(on: str | dt.date = TODAY, hour: int = 12) -> None:
    clock.set_now(moment(on, hour))


def agency(code: str, kind: str = AgencyKind.CHILDRENS_SOCIAL_CARE, **extra: str) -> Agency:
    return AgencyFactory(code=code, name=f"{code.title()} agency", kind=kind, **extra)


def north() -> Agency:
    return agency("north")


def south() -> Agency:
    return agency("south")


def child(born: str | None = "2016-05-01", **extra: object) -> Person:
    return PersonFactory(date_of_birth=day(born) if born else None, **extra)


def man(**extra: object) -> Person:
    return PersonFactory(sex=Sex.MALE, date_of_birth=day("1985-02-02"), **extra)


def event(
    by: Agency,
    event_type: str,
    on: str | dt.date,
    people: Iterable[Person | tuple[Person, str]] = (),
    **fields: object,
) -> Event:
    """One current event recorded by ``by`` on a London day, with each person's role (subject
    unless given)."""
    made = EventFactory(agency=by, event_type=event_type, occurred_at=moment(on), **fields)
    for entry in people:
        person, role = entry if isinstance(entry, tuple) else (entry, SubjectRole.SUBJECT)
        EventPerson.objects.create(
            event=made,
            person=person,
            role=role,
            occurred_at=made.occurred_at,
            event_type=made.event_type,
            agency=made.agency,
            significance=made.significance,
            is_current=made.is_current,
        )
    return made


def cells(tally: Tally) -> dict[tuple[str, int | None], tuple[int, int]]:
    """The tally as {("2025-03", agency id): (due, met)}, for exact comparisons."""
    return {(f"{c.month:%Y-%m}", c.agency_id): (c.due, c.met) for c in tally.cells()}


def core_groups_and_visits() -> None:
    """Two agencies' core groups (half with notes circulated) and visits, and an analyst."""
    today_is(TODAY)
    n, s = north(), south()
    for number in range(6):
        ada = child()
        meeting = event(n, EventType.CORE_GROUP, f"2025-0{3 + number % 3}-0{4 + number}", [ada])
        if number % 2:
            event(
                n,
                EventType.MINUTES_CIRCULATED,
                f"2025-0{3 + number % 3}-1{number}",
                [ada],
                refers_to=meeting,
            )
        event(
            s,
            EventType.HOME_VISIT,
            f"2025-0{3 + number % 3}-0{2 + number}",
            [(ada, SubjectRole.PRESENT)],
        )
    PractitionerFactory(username="analyst", role=Role.ANALYST, team=TeamFactory(agency=n))
