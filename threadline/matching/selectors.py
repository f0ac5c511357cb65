"""Reads for the review queue: who may decide, what is waiting, and both records side by side."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet

from threadline import clock
from threadline.agencies.models import Practitioner, Role
from threadline.casework.models import Involvement
from threadline.matching.models import Candidate, CandidateState, Merge
from threadline.people.models import Person, PersonRecord

# Deciding that two records are one person is a data-quality decision for the front door and
# for managers: they see identifying details of both, never either chronology.
REVIEWERS = frozenset({Role.MASH, Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.ADMIN})
# The front door and the data administrators work the partnership's whole queue; a manager
# only pairs where one of the records is their own agency's.
WHOLE_QUEUE = frozenset({Role.MASH, Role.ADMIN})
EVIDENCE_LABELS = {
    "nhs": "NHS number",
    "given": "Given name",
    "family": "Family name",
    "dob": "Date of birth",
    "sex": "Sex",
    "postcode": "Postcode",
}


def may_review(user: Practitioner) -> bool:
    return bool(user.is_active and user.role in REVIEWERS)


def reviewable_by(user: Practitioner) -> QuerySet[Candidate]:
    pairs = Candidate.objects.select_related("person", "other")
    if user.role in WHOLE_QUEUE:
        return pairs
    return pairs.filter(_either_held_by(user, "person_id", "other_id"))


def waiting(user: Practitioner) -> QuerySet[Candidate]:
    return (
        reviewable_by(user)
        .filter(state=CandidateState.PENDING)
        .order_by("-probability", "found_at")
    )


@dataclass(frozen=True)
class EvidenceRow:
    label: str
    left: str
    right: str
    level: str
    weight: float

    @property
    def direction(self) -> str:
        if self.weight > 0.5:
            return "for"
        if self.weight < -0.5:
            return "against"
        return "neutral"


def evidence_rows(candidate: Candidate) -> list[EvidenceRow]:
    rows = []
    for key, label in EVIDENCE_LABELS.items():
        item = candidate.evidence.get(key) or {}
        rows.append(
            EvidenceRow(
                label=label,
                left=item.get("left") or "—",
                right=item.get("right") or "—",
                level=item.get("level", ""),
                weight=float(item.get("weight") or 0.0),
            )
        )
    return rows


@dataclass(frozen=True)
class Side:
    person: Person
    records: list[PersonRecord]
    agencies: list[str]


def side_of(person: Person) -> Side:
    records = list(person.records.select_related("agency").order_by("agency__name", "source_id"))
    open_today = Q(closed_on__isnull=True) | Q(closed_on__gt=clock.today())
    involved = Involvement.objects.filter(open_today, person=person).select_related("agency")
    return Side(person, records, sorted({i.agency.name for i in involved}))


def merges_reviewable_by(user: Practitioner) -> QuerySet[Merge]:
    merges = Merge.objects.select_related("survivor", "absorbed")
    if user.role in WHOLE_QUEUE:
        return merges
    return merges.filter(_either_held_by(user, "survivor_id", "absorbed_id"))


def _either_held_by(user: Practitioner, one: str, other: str) -> Q:
    """Either person of a pair has a record from ``user``'s agency."""
    ours = PersonRecord.objects.filter(agency=user.agency)
    return Q(Exists(ours.filter(person_id=OuterRef(one)))) | Q(
        Exists(ours.filter(person_id=OuterRef(other)))
    )


def merges_of(person: Person) -> QuerySet[Merge]:
    return (
        Merge.objects.filter(survivor=person)
        .select_related("absorbed", "merged_by", "unmerged_by")
        .order_by("-merged_at")
    )
