"""Small readings of the record that several checks share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from threadline.checks.facts import Facts, Happening, PersonView
from threadline.chronology.vocabulary import EventType

MEETINGS = (
    EventType.STRATEGY_DISCUSSION,
    EventType.CONFERENCE,
    EventType.CORE_GROUP,
    EventType.CIN_REVIEW,
    EventType.MEETING,
    EventType.PROFESSIONALS_MEETING,
)
INCIDENTS = (
    EventType.POLICE_INCIDENT,
    EventType.DOMESTIC_ABUSE_INCIDENT,
    EventType.EMERGENCY_ATTENDANCE,
    EventType.INJURY_OBSERVED,
    EventType.ALLEGATION,
)


def occurrence_key(happening: Happening) -> str:
    """Stable across corrections: the recording agency and its own id."""
    return f"event:{happening.key[0]}:{happening.key[1]}"


def first_after(
    view: PersonView, types: Iterable[str], moment: dt.datetime, **filters: object
) -> Happening | None:
    found = view.happenings(*types, after=moment, **filters)  # type: ignore[arg-type]
    return found[0] if found else None


def answers(view: PersonView, happening: Happening, types: Iterable[str]) -> list[Happening]:
    """Events that answer ``happening`` (minutes for the meeting, an action done)."""
    wanted = set(types)
    return [h for h in view.events if h.refers_to == happening.key and h.type in wanted]


NON_MOBILE_MONTHS = 9


def is_non_mobile(view: PersonView, day: dt.date) -> bool:
    """Babies under nine months are taken as not independently mobile (the record holds no
    mobility milestones yet); local protocols for bruising in babies use six to twelve months."""
    age = view.age_on(day)
    return age is not None and 0 <= age < NON_MOBILE_MONTHS / 12


def adults_with(facts: Facts, types: Iterable[str], *, role: str | None = None) -> list[PersonView]:
    """The adults around the child whose own chronology holds any of these events."""
    wanted = set(types)
    return [
        adult
        for adult in facts.household_adults()
        if any(h.type in wanted and (role is None or h.role == role) for h in adult.events)
    ]
