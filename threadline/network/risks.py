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
from typing import NamedTuple

from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber

from threadline import clock
from threadline.access.sensitive import may_read_held, restricted_summary
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
NEWEST_FIRST = (F("occurred_at").desc(), F("pk").desc())
EVENT_TYPES: dict[str, str] = dict(EventType.choices)


class RiskRow(NamedTuple):
    """One entry of an adult's, read as plain values: a model each made most of the page's
    objects."""

    person_id: int
    occurred_at: dt.datetime
    event_type: str
    agency_id: int
    agency_name: str
    sensitivity: str
    summary: str
    held: int  # how many such entries the adult has in all

    def summary_for(self, viewer: Practitioner | None) -> str:
        if may_read_held(viewer, sensitivity=self.sensitivity, agency_id=self.agency_id):
            return self.summary
        return restricted_summary(self.sensitivity, self.agency_name)


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


def _risk_rows(person_ids: list[int]) -> list[RiskRow]:
    """Each adult's newest ``SHOWN_PER_ADULT`` entries, newest first: a long-known father has
    hundreds, and the panel shows a dozen."""
    wanted = Q(event_type__in=AS_PERPETRATOR, role=SubjectRole.ALLEGED_PERPETRATOR) | Q(
        event_type__in=AS_SUBJECT, role__in=OWN_ROLES
    )
    per_adult = [F("person_id")]
    rows = (
        EventPerson.objects.filter(wanted, person_id__in=person_ids, is_current=True)
        .annotate(
            place=Window(RowNumber(), partition_by=per_adult, order_by=NEWEST_FIRST),
            held=Window(Count("pk"), partition_by=per_adult),
        )
        .filter(place__lte=SHOWN_PER_ADULT)
        .order_by("-occurred_at", "-pk")
        .values_list(
            "person_id",
            "occurred_at",
            "event_type",
            "event__agency_id",
            "event__agency__name",
            "event__sensitivity",
            "event__summary",
            "held",
        )
    )
    return [RiskRow(*row) for row in rows]


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
    rows_of: dict[int, list[RiskRow]] = {}
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
                what=EVENT_TYPES[row.event_type],
                agency=row.agency_name,
                summary=row.summary_for(viewer) if link.can_open else "",
            )
            for row in rows
        ]
        risks.append(
            AdultRisk(
                adult=link.other,
                relation=link.label,
                items=items,
                conditions=[c for c in conditions if _may_read(c, child, link)],
                more=rows[0].held - len(rows) if rows else 0,
                can_open=link.can_open,
                contact=contact_of.get(pk, []),
                conditions_elsewhere=sorted(
                    {c.monitor_agency.name for c in conditions if not _may_read(c, child, link)}
                ),
            )
        )
    return sorted(risks, key=lambda risk: (-len(risk.items), risk.adult.pk))
