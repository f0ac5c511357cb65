"""Risk through the network: what the adults around a child have done or are bound by, shown on
the child's record (Ak finding 4: the father was well known to the police, and nobody working
with Ak saw it).

Need to know: the child's practitioner sees what kind of thing happened, when and which agency
holds it, for every adult linked to the child; the summary only where they may open the adult's
own record too."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Q

from threadline import clock
from threadline.access.sensitive import words_for
from threadline.agencies.models import Practitioner
from threadline.chronology.models import EventPerson, SubjectRole
from threadline.chronology.vocabulary import EventType
from threadline.network.models import ContactArrangement
from threadline.people.ages import is_adult
from threadline.people.models import Person
from threadline.people.selectors import NetworkLink
from threadline.plans.models import Condition

# What counts, and in which role: an adult named as the victim of an incident is not a risk by it.
AS_PERPETRATOR = (EventType.DOMESTIC_ABUSE_INCIDENT, EventType.POLICE_INCIDENT)
AS_SUBJECT = (
    EventType.ARREST,
    EventType.CHARGE_OR_CONVICTION,
    EventType.CUSTODY_START,
    EventType.RELEASE_FROM_CUSTODY,
    EventType.RELEASE_PLANNED,
    EventType.CONTACT_RESTRICTION,
    EventType.RISK_TO_CHILDREN_ASSESSED,
)
OWN_ROLES = (SubjectRole.SUBJECT, SubjectRole.ALLEGED_PERPETRATOR, SubjectRole.MONITORED)
SHOWN_PER_ADULT = 12


@dataclass(frozen=True)
class RiskItem:
    on: dt.date
    what: str
    agency: str
    summary: str  # blank where the viewer may not open the adult's record


@dataclass(frozen=True)
class AdultRisk:
    adult: Person
    relation: str
    items: list[RiskItem]
    conditions: list[Condition]  # on this child's plans, or any where the viewer may open
    more: int  # items held beyond those shown
    can_open: bool
    contact: list[ContactArrangement] = field(default_factory=list)  # with this child, current
    conditions_elsewhere: list[str] = field(default_factory=list)  # who monitors the others

    @property
    def unwatched_contact(self) -> ContactArrangement | None:
        """Care or contact with the child that no professional is there to see."""
        return next((c for c in self.contact if c.is_unwatched), None)

    @property
    def in_custody(self) -> bool:
        """Custody recorded and no release since."""
        for item in self.items:  # newest first
            if item.what == EventType.RELEASE_FROM_CUSTODY.label:
                return False
            if item.what == EventType.CUSTODY_START.label:
                return True
        return False


def _adults(network: Sequence[NetworkLink], child: Person) -> list[NetworkLink]:
    today = clock.today()
    return [
        link
        for link in network
        if not link.has_ended and link.other.pk != child.pk and _may_be_adult(link.other, today)
    ]


def _may_read(condition: Condition, child: Person, link: NetworkLink) -> bool:
    """A condition on this child's own plan is part of the child's record; one on another
    child's plan is that child's, and is read only by those who may open the adult's record."""
    return condition.plan.child_id == child.pk or link.can_open


def _may_be_adult(person: Person, today: dt.date) -> bool:
    """An adult whose date of birth nobody has recorded still counts; an unborn child never."""
    if person.date_of_birth is None:
        return person.expected_date_of_birth is None
    return is_adult(person.date_of_birth, today)


def _risk_rows(person_ids: list[int]) -> list[EventPerson]:
    wanted = Q(event_type__in=AS_PERPETRATOR, role=SubjectRole.ALLEGED_PERPETRATOR) | Q(
        event_type__in=AS_SUBJECT, role__in=OWN_ROLES
    )
    return list(
        EventPerson.objects.filter(wanted, person_id__in=person_ids, is_current=True)
        .select_related("event", "agency")
        .order_by("-occurred_at", "-pk")
    )


def current_contact(child: Person) -> dict[int, list[ContactArrangement]]:
    """The child's contact arrangements in force today, by adult."""
    today = clock.today()
    arrangements = ContactArrangement.objects.filter(child=child).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=today)
    )
    found: dict[int, list[ContactArrangement]] = {}
    for arrangement in arrangements.select_related("agency", "adult").order_by("-started_on", "pk"):
        found.setdefault(arrangement.adult_id, []).append(arrangement)
    return found


def risks_through_network(
    child: Person,
    network: Sequence[NetworkLink],
    contact: dict[int, list[ContactArrangement]] | None = None,
    *,
    viewer: Practitioner | None = None,
) -> list[AdultRisk]:
    """Each current adult around ``child`` with a history that bears on the child's safety;
    ``contact`` is ``current_contact(child)``, where the caller has it already."""
    adults = {link.other.pk: link for link in _adults(network, child)}
    if not adults:
        return []
    rows_of: dict[int, list[EventPerson]] = {}
    for row in _risk_rows(list(adults)):
        rows_of.setdefault(row.person_id, []).append(row)
    conditions_of: dict[int, list[Condition]] = {}
    for condition in Condition.objects.filter(about_id__in=list(adults)).select_related(
        "plan", "monitor_agency"
    ):
        conditions_of.setdefault(condition.about_id, []).append(condition)
    contact_of = current_contact(child) if contact is None else contact
    risks = []
    for pk, link in adults.items():
        rows = rows_of.get(pk, [])
        conditions = conditions_of.get(pk, [])
        if not rows and not conditions:
            continue
        items = [
            RiskItem(
                on=row.occurred_at.date(),
                what=EventType(row.event_type).label,
                agency=row.agency.name,
                summary=words_for(viewer, row.event).summary if link.can_open else "",
            )
            for row in rows[:SHOWN_PER_ADULT]
        ]
        risks.append(
            AdultRisk(
                adult=link.other,
                relation=link.label,
                items=items,
                conditions=[c for c in conditions if _may_read(c, child, link)],
                more=max(0, len(rows) - SHOWN_PER_ADULT),
                can_open=link.can_open,
                contact=contact_of.get(pk, []),
                conditions_elsewhere=sorted(
                    {c.monitor_agency.name for c in conditions if not _may_read(c, child, link)}
                ),
            )
        )
    return sorted(risks, key=lambda risk: (-len(risk.items), risk.adult.pk))
