"""Reads for assessments and risk tools: a person's assessments and checklists, what an assessment
still lacks, who may be named as the alleged perpetrator, and a previous MARAC referral."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet
from django.utils import timezone

from threadline import clock
from threadline.access.selectors import open_involvements
from threadline.agencies.models import Agency
from threadline.assessments.models import Assessment, ChildRiskAssessment, DashChecklist
from threadline.checks.rules.dec_4 import OLD_ENOUGH_TO_BE_SEEN_ALONE
from threadline.chronology.models import EventPerson, SubjectRole
from threadline.chronology.vocabulary import EventType
from threadline.people.models import Person, Relationship, RelationshipKind

# SafeLives: a new incident within 12 months of the last MARAC referral is a repeat.
REPEAT_WITHIN = dt.timedelta(days=365)
PARTNER_KINDS = (RelationshipKind.PARTNER, RelationshipKind.FORMER_PARTNER)
PARENT_KINDS = (RelationshipKind.PARENT, RelationshipKind.STEP_PARENT)


def assessments_of(child: Person) -> QuerySet[Assessment]:
    return Assessment.objects.filter(child=child).select_related(
        "agency", "lead_practitioner", "authorised_by"
    )


def assessment_detail(pk: int) -> Assessment:
    return Assessment.objects.select_related(
        "child", "agency", "lead_practitioner", "started_by", "completed_by", "authorised_by"
    ).get(pk=pk)


def dash_checklists_of(victim: Person) -> QuerySet[DashChecklist]:
    return DashChecklist.objects.filter(victim=victim).select_related(
        "agency", "perpetrator", "completed_by"
    )


def dash_detail(pk: int) -> DashChecklist:
    return (
        DashChecklist.objects.select_related(
            "victim", "perpetrator", "agency", "completed_by", "marac_referred_by"
        )
        .prefetch_related("answers")
        .get(pk=pk)
    )


def child_risks_of(child: Person) -> QuerySet[ChildRiskAssessment]:
    return ChildRiskAssessment.objects.filter(child=child).select_related("agency", "completed_by")


def _age_on(person: Person, day: dt.date) -> float | None:
    if person.date_of_birth is None:
        return None
    return (day - person.date_of_birth).days / 365.25


def gaps(assessment: Assessment) -> list[str]:
    """What the assessment still lacks, read as the learning checks read it (DEC-4): the child
    seen, seen alone where old enough, and heard; and whether the fathers were assessed."""
    day = assessment.completed_on or clock.today()
    found = []
    age = _age_on(assessment.child, day)
    if age is not None and age >= 0:
        if assessment.child_seen_on is None and assessment.child_seen_alone_on is None:
            found.append("The child has not been recorded as seen.")
        if age >= OLD_ENOUGH_TO_BE_SEEN_ALONE and assessment.child_seen_alone_on is None:
            found.append("The child has not been recorded as seen alone.")
        if not assessment.child_views:
            found.append("The child's wishes, feelings or lived experience are not recorded.")
    if assessment.fathers_assessed is False:
        found.append(f"The father or male carers were not assessed: {assessment.fathers_note}")
    if assessment.completed_on is None and day > assessment.due_on:
        found.append(f"The assessment was due by {assessment.due_on:%d %B %Y}.")
    return found


def previous_marac(victim: Person, day: dt.date) -> dt.date | None:
    """The last MARAC referral (or MARAC hearing) about ``victim`` as the person at risk within
    the 12 months before ``day``: a new incident now is a repeat."""
    since = timezone.make_aware(dt.datetime.combine(day - REPEAT_WITHIN, dt.time(0)))
    link = (
        EventPerson.objects.filter(
            person=victim,
            is_current=True,
            event_type__in=[EventType.MARAC_REFERRAL, EventType.MARAC],
            occurred_at__gte=since,
        )
        .exclude(role=SubjectRole.ALLEGED_PERPETRATOR)
        .order_by("-occurred_at")
        .first()
    )
    return clock.local_date(link.occurred_at) if link else None


def perpetrator_choices(victim: Person) -> list[tuple[Person, str]]:
    """People the record links to ``victim`` who may be named as the alleged perpetrator: her
    partners and former partners, and the other parents of her children."""
    found: dict[int, tuple[Person, str]] = {}
    partners = Relationship.objects.filter(
        Q(person=victim) | Q(relative=victim), kind__in=PARTNER_KINDS
    ).select_related("person", "relative")
    for rel in partners:
        other = rel.relative if rel.person_id == victim.pk else rel.person
        found.setdefault(other.pk, (other, rel.get_kind_display().lower()))
    children = Relationship.objects.filter(person=victim, kind__in=PARENT_KINDS).values("relative")
    co_parents = (
        Relationship.objects.filter(relative__in=children, kind__in=PARENT_KINDS)
        .exclude(person=victim)
        .select_related("person", "relative")
    )
    for rel in co_parents:
        found.setdefault(rel.person_id, (rel.person, f"parent of {rel.relative.full_name}"))
    return sorted(found.values(), key=lambda pair: str(pair[0]))


def share_choices(assessment: Assessment) -> list[Agency]:
    """The agencies open with the child, other than the one that assessed: those who need it."""
    open_with_child = open_involvements().filter(person=assessment.child_id)
    return list(
        Agency.objects.filter(pk__in=open_with_child.values("agency"))
        .exclude(pk=assessment.agency_id)
        .order_by("name")
    )
