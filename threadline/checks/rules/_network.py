"""Readings of the family network and the record that the NET and RSK checks share.

Two cautions shape everything here:

- Days are London days. The database returns times in UTC, and a date-only event in British
  Summer Time is 23:00 UTC the day before; ``day_of``, ``day_at`` and ``today`` read the London
  day of a moment, whatever zone it comes in.
- ``facts`` loads everyone within two steps of the child, events included, so a parent's partner
  who is not linked to the child directly is still read (``household_links``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from threadline.agencies.models import AgencyKind
from threadline.casework.models import EpisodeKind, Involvement
from threadline.checks.deadlines import LONDON, local_day
from threadline.checks.facts import Facts, Happening, Link, PersonView
from threadline.chronology.models import SubjectRole
from threadline.chronology.vocabulary import EventType, Outcome

# Roles on an event that say the person was not there: named, invited or excused.
ABSENT_ROLES = frozenset({SubjectRole.MENTIONED, SubjectRole.INVITED, SubjectRole.APOLOGIES})
# Roles that say the event is about what this person did or underwent, not what they saw.
OWN_ROLES = frozenset(
    {
        SubjectRole.SUBJECT,
        SubjectRole.VICTIM,
        SubjectRole.ALLEGED_PERPETRATOR,
        SubjectRole.MONITORED,
    }
)
# The adults around a child whose events the checks read: linked to the child directly.
CARING_ROLES = frozenset({"parent", "step_parent", "carer", "significant_adult"})
PLAN_KINDS = frozenset({EpisodeKind.CHILD_IN_NEED, EpisodeKind.CHILD_PROTECTION})
STATUTORY_KINDS = frozenset({*PLAN_KINDS, EpisodeKind.LOOKED_AFTER})
ROLE_WORDS = {
    "parent": ("father", "mother", "parent"),
    "step_parent": ("stepfather", "stepmother", "step-parent"),
    "partner": ("partner", "partner", "partner"),
    "carer": ("carer", "carer", "carer"),
    "significant_adult": ("significant adult", "significant adult", "significant adult"),
    "sibling": ("brother", "sister", "sibling"),
    "half_sibling": ("half-brother", "half-sister", "half-sibling"),
    "child": ("son", "daughter", "child"),
    "step_child": ("stepson", "stepdaughter", "step-child"),
}


# Days and times ------------------------------------------------------------------------------


def day_of(happening: Happening) -> dt.date:
    """The London day an event happened on."""
    return local_day(happening.at)


def day_at(moment: dt.datetime) -> dt.date:
    return local_day(moment)


def today(facts: Facts) -> dt.date:
    return local_day(facts.now)


def start_of(day: dt.date) -> dt.datetime:
    """The first moment of a London day: the time a date-only fact is taken to happen."""
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=LONDON)


def when(day: dt.date) -> str:
    return f"{day:%d %b %Y}"


# People ---------------------------------------------------------------------------------------


def role_word(role: str, view: PersonView) -> str:
    """What someone is to the child in a practitioner's words: "father", "half-sister"."""
    words = ROLE_WORDS.get(role)
    if words is None:
        return role.replace("_", " ")
    sex = view.person.sex
    return words[0] if sex == "male" else words[1] if sex == "female" else words[2]


def who(link: Link) -> str:
    return f"{role_word(link.role, link.other)} {link.other.person.full_name}"


def capital(text: str) -> str:
    """Capitalise the first letter only (str.capitalize would lower-case the names)."""
    return text[:1].upper() + text[1:]


def joined_at(link: Link, subject: PersonView) -> dt.datetime | None:
    """When the linked person came into the subject's life; None when they were there from the
    start. A link dated from the child's birth (a parent, an older brother) was there before it
    too: a father is the unborn baby's father."""
    person = subject.person
    born = person.date_of_birth or person.expected_date_of_birth
    if link.started_on is None or (born is not None and link.started_on <= born):
        return None
    return start_of(link.started_on)


def linked_on(link: Link, subject: PersonView, day: dt.date) -> bool:
    if link.ended_on is not None and link.ended_on <= day:
        return False
    joined = joined_at(link, subject)
    return joined is None or day_at(joined) <= day


def adult_links(
    subject: PersonView, day: dt.date, roles: Iterable[str] = CARING_ROLES
) -> list[Link]:
    """The subject's links in these roles on a day, one per person (agencies record some twice)."""
    wanted = set(roles)
    found: dict[int, Link] = {}
    for link in subject.links:
        if link.role in wanted and link.other.pk != subject.pk and linked_on(link, subject, day):
            found.setdefault(link.other.pk, link)
    return list(found.values())


def household_links(subject: PersonView, day: dt.date) -> list[Link]:
    """The adults around the child: those linked directly, and their partners."""
    direct = adult_links(subject, day)
    found = {link.other.pk: link for link in direct}
    for link in direct:
        for partner in link.other.links:
            if (
                partner.role == "partner"
                and partner.current_on(day)
                and partner.other.pk != subject.pk
            ):
                found.setdefault(partner.other.pk, partner)
    return list(found.values())


def latest(*moments: dt.datetime | None) -> dt.datetime:
    return max(moment for moment in moments if moment is not None)


# Events ---------------------------------------------------------------------------------------


def same_event(view: PersonView, happening: Happening) -> Happening | None:
    """This person's record of an event another person's chronology holds (their own role)."""
    return next((h for h in view.events if h.key == happening.key), None)


def took_part(view: PersonView, happening: Happening) -> bool:
    """Whether this person is on the event as someone who was there, not only named."""
    own = same_event(view, happening)
    return own is not None and own.role not in ABSENT_ROLES


def own_events(
    view: PersonView, *types: str, outcomes: Iterable[str] | None = None
) -> list[Happening]:
    """Events about what this person did or underwent, not ones they only saw or are named in."""
    return [h for h in view.happenings(*types, outcomes=outcomes) if h.role in OWN_ROLES]


def first_on_or_after(
    view: PersonView, types: Iterable[str], day: dt.date, outcomes: Iterable[str] | None = None
) -> Happening | None:
    """The first of these events on or after a London day: a same-day answer counts, because
    date-only records cannot say which came first."""
    wanted = set(outcomes) if outcomes is not None else None
    for happening in view.happenings(*types):
        if day_of(happening) >= day and (wanted is None or happening.outcome in wanted):
            return happening
    return None


def label(happening: Happening) -> str:
    return happening.type.replace("_", " ")


# Periods of involvement -----------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date | None  # the first day it is no longer open; None while open

    def holds_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


def merged(spans: Iterable[tuple[dt.date, dt.date | None]]) -> list[Period]:
    """Overlapping or back-to-back spans as one period: a step from one team to the next, or from
    child protection to child in need on the same day, is one continuous involvement."""
    periods: list[Period] = []
    for start, end in sorted(spans, key=lambda span: span[0]):
        last = periods[-1] if periods else None
        if last is not None and (last.end is None or start <= last.end):
            longer = None if last.end is None or end is None else max(last.end, end)
            periods[-1] = Period(last.start, longer)
        else:
            periods.append(Period(start, end))
    return periods


def csc_spans(view: PersonView) -> Iterator[tuple[dt.date, dt.date | None]]:
    for involvement in view.involvements:
        if involvement.agency.kind == AgencyKind.CHILDRENS_SOCIAL_CARE:
            yield involvement.opened_on, involvement.closed_on


def episode_spans(
    view: PersonView, kinds: Iterable[str]
) -> Iterator[tuple[dt.date, dt.date | None]]:
    wanted = set(kinds)
    for episode in view.episodes:
        if episode.kind in wanted:
            yield episode.started_on, episode.ended_on


def involved_periods(view: PersonView, kinds: Iterable[str] = STATUTORY_KINDS) -> list[Period]:
    """When children's social care was involved or an episode of these kinds was open."""
    return merged([*csc_spans(view), *episode_spans(view, kinds)])


def plan_periods(view: PersonView) -> list[Period]:
    """Child in need and child protection plans, a step between them kept as one plan."""
    return merged(episode_spans(view, PLAN_KINDS))


def period_on(periods: Iterable[Period], day: dt.date) -> Period | None:
    return next((period for period in periods if period.holds_on(day)), None)


# Signs of parental difficulty ----------------------------------------------------------------


def substance_signs(view: PersonView) -> list[Happening]:
    """Drink or drugs shown in this person's own record: use observed or disclosed, a positive
    test, or being found intoxicated at any event."""
    return [
        h
        for h in view.events
        if h.role in OWN_ROLES
        and (
            h.type == EventType.SUBSTANCE_USE
            or (h.type == EventType.DRUG_TEST and h.outcome == Outcome.POSITIVE)
            or h.outcome == Outcome.INTOXICATED
        )
    ]


def services(view: PersonView, kind: str) -> list[Involvement]:
    """This person's involvements with one kind of agency (an adult mental health or drug and
    alcohol service), open or closed."""
    return [i for i in view.involvements if i.agency.kind == kind]
