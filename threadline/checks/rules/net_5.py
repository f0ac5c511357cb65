"""NET-5: contact that breaks an adult's restriction on contact with children raises an urgent
alert on the child's record."""

from __future__ import annotations

from collections.abc import Iterator

from threadline.checks.base import Actor, Check, Occurrence, Provenance, Timescale
from threadline.checks.facts import Facts, Happening, Link, PersonView
from threadline.checks.models import AlertLevel
from threadline.checks.patterns import occurrence_key
from threadline.checks.rules._network import (
    ABSENT_ROLES,
    adult_links,
    capital,
    day_of,
    first_on_or_after,
    label,
    today,
    took_part,
    when,
    who,
)
from threadline.chronology.models import SubjectRole
from threadline.chronology.vocabulary import EventType, Outcome

# Everyone linked to the child directly: a restriction about any child applies to every child
# the adult is linked to (the review's "any other children of that parent/carer").
LINKED_ROLES = frozenset(
    {"parent", "step_parent", "carer", "significant_adult", "partner", "grandparent", "associate"}
)
RESTRICTIONS = frozenset({Outcome.NO_CONTACT, Outcome.SUPERVISED_CONTACT_ONLY})
# Whom a restriction is about, in order of how plainly the record says so.
RESTRICTED_ROLES = (SubjectRole.MONITORED, SubjectRole.ALLEGED_PERPETRATOR, SubjectRole.SUBJECT)
# Being together at an incident or in an emergency is never supervised contact.
TOGETHER_UNSUPERVISED = frozenset(
    {
        EventType.POLICE_INCIDENT,
        EventType.DOMESTIC_ABUSE_INCIDENT,
        EventType.EMERGENCY_ATTENDANCE,
        EventType.AMBULANCE_CALL,
        EventType.HOSPITAL_ADMISSION,
        EventType.INJURY_OBSERVED,
    }
)
# Under no contact at all, any contact session or visit where both were there breaks it too.
TOGETHER_AT_ALL = frozenset(
    {*TOGETHER_UNSUPERVISED, EventType.CONTACT_SESSION, EventType.HOME_VISIT, EventType.CHILD_SEEN}
)
RESPONSE = (EventType.STRATEGY_DISCUSSION, EventType.RISK_ASSESSMENT, EventType.PLAN_REVIEWED)


class ContactRestrictionBreached(Check):
    id = "NET-5"
    title = "Contact that breaks an adult's restriction on contact with children"
    provenance = (
        Provenance(
            "Ak",
            "Rec 4",
            "To establish information relating to the level of care or contact that a parent or "
            "carer has with a child (including any restrictions on, or conditions regarding, "
            "care or contact",
        ),
        Provenance(
            "Ag",
            "the incident",
            "This was not monitored and he returned to the home immediately after release.",
        ),
    )
    must = "Act on contact that breaks a restriction: make the child safe and review the risk"
    resolves = (
        "a strategy discussion, risk assessment or plan review for the child after the breach"
    )
    who = Actor.ALLOCATED_WORKER
    ladder = (Actor.TEAM_MANAGER, Actor.SERVICE_MANAGER)
    timescale = Timescale(working_days=None, rung_days=1)
    level = AlertLevel.URGENT

    def occurrences(self, facts: Facts) -> Iterator[Occurrence]:
        child = facts.subject
        links = adult_links(child, today(facts), LINKED_ROLES)
        restrictions = _restrictions_by_person(links)
        for link in links:
            about_them = restrictions.get(link.other.pk, [])
            for breach, restriction in _breaches(child, link.other, about_them):
                yield self._occurrence(child, link, breach, restriction)

    def _occurrence(
        self, child: PersonView, link: Link, breach: Happening, restriction: Happening
    ) -> Occurrence:
        answered = first_on_or_after(child, RESPONSE, day_of(breach))
        kind = Outcome(restriction.outcome).label.lower()
        return Occurrence(
            key=f"{occurrence_key(breach)}:adult:{link.other.pk}",
            trigger_at=breach.at,
            done=answered is not None,
            detail=f"{capital(label(breach))} on {when(day_of(breach))} with {who(link)}, "
            f"whose contact with children is restricted ({kind}) since "
            f"{when(day_of(restriction))}.",
        )


def _restrictions_by_person(links: list[Link]) -> dict[int, list[Happening]]:
    """Each adult's own restriction records, oldest first. A record is about whoever it names
    as monitored; failing that, the alleged perpetrator; failing that, its subjects (never a
    victim, nor someone only mentioned)."""
    named: dict[tuple[int, str], list[tuple[Link, Happening]]] = {}
    for link in links:
        for h in link.other.happenings(EventType.CONTACT_RESTRICTION):
            named.setdefault(h.key, []).append((link, h))
    found: dict[int, list[Happening]] = {}
    for records in named.values():
        for link, restriction in _about_whom(records):
            found.setdefault(link.other.pk, []).append(restriction)
    return {pk: sorted(records, key=lambda h: h.at) for pk, records in found.items()}


def _about_whom(records: list[tuple[Link, Happening]]) -> list[tuple[Link, Happening]]:
    for role in RESTRICTED_ROLES:
        chosen = [(link, h) for link, h in records if h.role == role]
        if chosen:
            return chosen
    return []


def _breaches(
    child: PersonView, adult: PersonView, restrictions: list[Happening]
) -> Iterator[tuple[Happening, Happening]]:
    for happening in child.events:
        if happening.role in ABSENT_ROLES:
            continue
        restriction = _in_force(restrictions, happening)
        if restriction is not None and _breaks(happening, restriction, adult):
            yield happening, restriction


def _in_force(restrictions: list[Happening], happening: Happening) -> Happening | None:
    """The latest restriction set before the day of the event, if it still restricts: a later
    record replaces an earlier one, and a due date on it is the day it ends."""
    day = day_of(happening)
    earlier = [r for r in restrictions if day_of(r) < day]
    if not earlier:
        return None
    current = earlier[-1]
    if current.outcome not in RESTRICTIONS or (current.due_on and current.due_on <= day):
        return None
    return current


def _breaks(happening: Happening, restriction: Happening, adult: PersonView) -> bool:
    if restriction.outcome == Outcome.NO_CONTACT:
        together = happening.type in TOGETHER_AT_ALL
    else:
        together = happening.type in TOGETHER_UNSUPERVISED
    unsupervised = happening.outcome == Outcome.UNSUPERVISED
    if not (together or unsupervised):
        return False
    return took_part(adult, happening)


CHECK = ContactRestrictionBreached()
