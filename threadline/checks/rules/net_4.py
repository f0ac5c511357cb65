"""NET-4: a new pregnancy or birth to a parent who has had children removed, or children subject
to proceedings, starts a pre-birth or new-birth assessment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from threadline.agencies.models import AgencyKind
from threadline.casework.census import ReasonForClosure
from threadline.casework.models import EpisodeKind
from threadline.checks.base import Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts, Happening, Link, PersonView
from threadline.checks.rules._network import (
    adult_links,
    capital,
    day_at,
    day_of,
    first_on_or_after,
    latest,
    start_of,
    today,
    when,
    who,
)
from threadline.chronology.vocabulary import EventType, Outcome

# Orders that moved a child away from the parent: adoption, special guardianship, and a child
# arrangements order (the other parent, as in the review).
LEFT_UNDER_AN_ORDER = frozenset(
    {
        ReasonForClosure.ADOPTED,
        ReasonForClosure.SPECIAL_GUARDIANSHIP,
        ReasonForClosure.RESIDENCE_ORDER,
    }
)
# Court hearings about a parent recorded by these agencies are family proceedings; the police,
# probation and the courts' criminal side record criminal ones.
FAMILY_COURT_RECORDERS = frozenset({AgencyKind.CHILDRENS_SOCIAL_CARE, AgencyKind.CAFCASS})
PREGNANCY = dt.timedelta(days=300)
NEW_CHILD_AGE = 1.0
STARTED = (EventType.ASSESSMENT_STARTED, EventType.ASSESSMENT_COMPLETED, EventType.CONFERENCE)
PARENT_STARTED = (EventType.ASSESSMENT_STARTED,)


@dataclass(frozen=True)
class Removal:
    at: dt.datetime
    parent: str
    what: str


class PreBirthAssessmentStarted(Check):
    id = "NET-4"
    title = "A pre-birth or new-birth assessment starts for a parent whose children were removed"
    provenance = (
        Provenance(
            "E",
            "reason for review",
            "Steven had been subject of a pre-birth assessment as Joanne's previous children had "
            'been "removed" and were in the care of their father.',
        ),
        Provenance(
            "E",
            "good practice 3",
            "Upon receipt of the information in relation to Joanne's older children being subject "
            "to a CAFCASS assessment the Midwife made an immediate and appropriate referral",
        ),
    )
    must = "Start a pre-birth (or new-birth) assessment for the baby"
    resolves = "an assessment started for the baby, or a pre-birth assessment started with a parent"
    timescale = Timescale(working_days=5)

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        baby = facts.subject
        if not _new(baby, today(facts)):
            return
        parents = adult_links(baby, today(facts), {"parent"})
        removals = _removals_so_far(baby, parents, today(facts))
        if not removals:
            return
        first = removals[0]
        expected = baby.person.date_of_birth or baby.person.expected_date_of_birth
        since = expected - PREGNANCY if expected else day_at(first.at)
        yield Occurrence(
            key="new-child",
            trigger_at=latest(_known_from(baby), first.at),
            done=_assessment_started(baby, parents, since),
            detail=f"{capital(first.parent)}: {first.what}. New {_new_child_text(baby)}; no "
            "pre-birth or new-birth assessment started.",
        )


def _removals_so_far(baby: PersonView, parents: list[Link], day: dt.date) -> list[Removal]:
    """Every parent's removals up to today, earliest first. One during the baby's first year
    counts too: the baby at home is then as much in question as a baby still to be born."""
    found = [
        removal
        for link in parents
        for removal in _removals(link, baby)
        if day_at(removal.at) <= day
    ]
    return sorted(found, key=lambda removal: removal.at)


def _assessment_started(baby: PersonView, parents: list[Link], since: dt.date) -> bool:
    if first_on_or_after(baby, STARTED, since) is not None:
        return True
    return any(
        first_on_or_after(link.other, PARENT_STARTED, since, outcomes=[Outcome.PRE_BIRTH])
        for link in parents
    )


def _new(baby: PersonView, day: dt.date) -> bool:
    """Unborn, or born within the year: later the question is no longer a pre-birth one."""
    age = baby.age_on(day)
    return age is not None and age < NEW_CHILD_AGE


def _known_from(baby: PersonView) -> dt.datetime:
    """When the record first shows the pregnancy or the baby."""
    person = baby.person
    moments = [h.at for h in baby.happenings(EventType.PREGNANCY_BOOKED, EventType.BIRTH)]
    expected = person.date_of_birth or person.expected_date_of_birth
    if expected is not None:
        moments += [h.at for h in _bookings_by_parents(baby, expected)]
    if person.date_of_birth is not None:
        moments.append(start_of(person.date_of_birth))
    else:
        moments.append(person.created_at)  # an unborn child's record is itself the news
    return min(moments)


def _bookings_by_parents(baby: PersonView, expected: dt.date) -> list[Happening]:
    """A parent's pregnancy booking in the months before this baby's (expected) birth."""
    return [
        booking
        for link in baby.links
        if link.role == "parent"
        for booking in link.other.happenings(EventType.PREGNANCY_BOOKED)
        if expected - PREGNANCY <= day_of(booking) <= expected
    ]


def _removals(parent: Link, baby: PersonView) -> list[Removal]:
    """The parent's other children taken into care or moved under an order, and the family
    court hearings the parent was part of (other than ones about this baby)."""
    whose = who(parent)
    found: list[Removal] = []
    for link in parent.other.links:
        if link.role == "child" and link.other.pk != baby.pk:
            found += _child_removed(whose, link.other)
    about_the_baby = {h.key for h in baby.happenings(EventType.COURT)}
    for hearing in parent.other.happenings(EventType.COURT):
        if hearing.agency_kind in FAMILY_COURT_RECORDERS and hearing.key not in about_the_baby:
            text = f"family court hearing on {when(day_of(hearing))}"
            found.append(Removal(hearing.at, whose, text))
    return found


def _child_removed(whose: str, child: PersonView) -> list[Removal]:
    name = child.person.full_name
    found = []
    for episode in child.episodes:
        if episode.kind == EpisodeKind.LOOKED_AFTER:
            text = f"{name} looked after from {when(episode.started_on)}"
            found.append(Removal(start_of(episode.started_on), whose, text))
        elif episode.closure_reason in LEFT_UNDER_AN_ORDER and episode.ended_on is not None:
            order = ReasonForClosure(episode.closure_reason).label.lower()
            text = f"{name} left under an order ({order}) on {when(episode.ended_on)}"
            found.append(Removal(start_of(episode.ended_on), whose, text))
    return found


def _new_child_text(baby: PersonView) -> str:
    person = baby.person
    if person.date_of_birth is not None:
        return f"baby born {when(person.date_of_birth)}"
    if person.expected_date_of_birth is not None:
        return f"pregnancy, baby due {when(person.expected_date_of_birth)}"
    return "pregnancy"


CHECK = PreBirthAssessmentStarted()
