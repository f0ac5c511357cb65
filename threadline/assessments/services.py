"""Changes to assessments and risk tools: start, record the child seen and heard, complete and
authorise an assessment; complete a DASH checklist and refer to MARAC; grade the risk to a child.
Each writes the record and its chronology events in one transaction; bad input raises
``AssessmentError`` naming the field, and nothing is written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from django.db import transaction

from threadline import clock
from threadline.agencies.models import Agency, AgencyKind, Nation, Practitioner, Role
from threadline.assessments import childrisk, chronicle, dash
from threadline.assessments.models import (
    Assessment,
    AssessmentKind,
    AssessmentOutcome,
    ChildRiskAssessment,
    DashAnswer,
    DashChecklist,
)
from threadline.assessments.timescales import assessment_due
from threadline.people.models import Person
from threadline.sharing.models import SharingKind
from threadline.sharing.services import SharingBasis, SharingError, checked, record_for_each

MANAGERS = frozenset({Role.PRACTICE_MANAGER, Role.TEAM_MANAGER, Role.SERVICE_MANAGER})
# Statutory assessments, carried out by children's social care; any agency may assess parenting.
SOCIAL_CARE_KINDS = frozenset(
    {AssessmentKind.SINGLE_ASSESSMENT, AssessmentKind.SECTION_47, AssessmentKind.PRE_BIRTH}
)
# The DASH checklist is for victims aged 16 and over; a younger victim's risk is a child's.
DASH_MINIMUM_AGE = 16
ADULT_AGE = 18


class AssessmentError(ValueError):
    """Refused: ``field`` names what was wrong, for the form to show it beside that field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _agency_of(user: Practitioner) -> Agency:
    if user.agency is None:
        raise AssessmentError("user", "only a practitioner of an agency can do this")
    return user.agency


def _shown(day: dt.date) -> str:
    return f"{day:%d %B %Y}"


def _not_future(field: str, day: dt.date, what: str) -> None:
    today = clock.today()
    if day > today:
        raise AssessmentError(field, f"{what} cannot be in the future (today is {_shown(today)})")


def _years_on(person: Person, day: dt.date) -> int | None:
    born = person.date_of_birth
    if born is None:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


# Assessments.


@transaction.atomic
def start_assessment(
    child: Person,
    *,
    kind: str,
    by: Practitioner,
    referred_on: dt.date,
    started_on: dt.date | None = None,
    lead_practitioner: Practitioner | None = None,
) -> Assessment:
    """Start an assessment of ``child``; it is due a set number of working days after referral."""
    agency = _agency_of(by)
    if kind not in AssessmentKind.values:
        raise AssessmentError("kind", f"{kind!r} is not a kind of assessment")
    label = AssessmentKind(kind).label
    if kind in SOCIAL_CARE_KINDS and agency.kind != AgencyKind.CHILDRENS_SOCIAL_CARE:
        raise AssessmentError("kind", f"a {label.lower()} is carried out by children's social care")
    started_on = started_on or clock.today()
    _not_future("referred_on", referred_on, "the referral date")
    _not_future("started_on", started_on, "the start date")
    if started_on < referred_on:
        raise AssessmentError(
            "started_on",
            f"an assessment starts on or after its referral ({_shown(referred_on)})",
        )
    born = child.date_of_birth
    if kind == AssessmentKind.PRE_BIRTH and born is not None and born <= started_on:
        raise AssessmentError(
            "kind", f"a pre-birth assessment is for an unborn baby; {child} was born {_shown(born)}"
        )
    lead = lead_practitioner or by
    if lead.agency_id != agency.pk:
        raise AssessmentError("lead_practitioner", f"the lead practitioner must be of {agency}")
    under_way = Assessment.objects.filter(child=child, kind=kind, completed_on__isnull=True).first()
    if under_way is not None:
        raise AssessmentError(
            "kind",
            f"a {label.lower()} of {child} is already in progress "
            f"(started {_shown(under_way.started_on)})",
        )
    assessment = Assessment.objects.create(
        child=child,
        kind=kind,
        agency=agency,
        lead_practitioner=lead,
        referred_on=referred_on,
        started_on=started_on,
        due_on=assessment_due(kind, referred_on, agency.nation or Nation.ENGLAND),
        started_by=by,
        started_at=clock.now(),
    )
    chronicle.write([chronicle.started(assessment)])
    return assessment


def _check_seen(
    assessment: Assessment, until: dt.date, seen_on: dt.date | None, alone_on: dt.date | None
) -> None:
    for field, day, what in (
        ("child_seen_on", seen_on, "the date the child was seen"),
        ("child_seen_alone_on", alone_on, "the date the child was seen alone"),
    ):
        if day is None:
            continue
        _not_future(field, day, what)
        if day < assessment.referred_on:
            raise AssessmentError(
                field, f"{what} is before the referral ({_shown(assessment.referred_on)})"
            )
        if day > until:
            raise AssessmentError(
                field, f"{what} is after the assessment's completion ({_shown(until)})"
            )


def _of_assessing_agency(assessment: Assessment, by: Practitioner) -> None:
    if by.agency_id != assessment.agency_id:
        raise AssessmentError("user", f"the {assessment} is recorded by {assessment.agency}")


def _still_open(assessment: Assessment) -> None:
    if assessment.authorised_on is not None:
        raise AssessmentError(
            "assessment",
            f"the {assessment} was authorised on {_shown(assessment.authorised_on)}; "
            "its record is closed",
        )


@transaction.atomic
def record_child_seen(
    assessment: Assessment,
    *,
    by: Practitioner,
    seen_on: dt.date | None = None,
    seen_alone_on: dt.date | None = None,
    views: str = "",
) -> Assessment:
    """The child seen, seen alone or heard during the assessment, recorded when it happened or
    added afterwards (until a manager authorises it), dated on the day it happened."""
    _of_assessing_agency(assessment, by)
    _still_open(assessment)
    if seen_on is None and seen_alone_on is None and not views.strip():
        raise AssessmentError(
            "child_seen_on", "give the date the child was seen or seen alone, or their views"
        )
    _check_seen(assessment, assessment.completed_on or clock.today(), seen_on, seen_alone_on)
    seen = seen_on or seen_alone_on or assessment.child_seen_on or assessment.child_seen_alone_on
    if views.strip() and seen is None and assessment.completed_on is None:
        raise AssessmentError(
            "child_seen_on", "give the date the child was seen, when their views were heard"
        )
    assessment.child_seen_on = seen_on or assessment.child_seen_on
    assessment.child_seen_alone_on = seen_alone_on or assessment.child_seen_alone_on
    assessment.child_views = views.strip() or assessment.child_views
    assessment.save(update_fields=["child_seen_on", "child_seen_alone_on", "child_views"])
    chronicle.write(chronicle.seen(assessment, by))
    return assessment


@transaction.atomic
def complete_assessment(
    assessment: Assessment,
    *,
    by: Practitioner,
    completed_on: dt.date,
    outcome: str,
    analysis: str,
    fathers_assessed: bool | None,
    fathers_note: str = "",
    significant_adults_assessed: str = "",
    child_seen_on: dt.date | None = None,
    child_seen_alone_on: dt.date | None = None,
    child_views: str = "",
) -> Assessment:
    """Complete the assessment: whether the child was seen, seen alone and heard, whether the
    fathers and other significant adults were assessed, the analysis and what it concluded."""
    _of_assessing_agency(assessment, by)
    if assessment.completed_on is not None:
        raise AssessmentError(
            "completed_on", f"the {assessment} was completed on {_shown(assessment.completed_on)}"
        )
    _not_future("completed_on", completed_on, "the completion date")
    if completed_on < assessment.started_on:
        raise AssessmentError(
            "completed_on",
            f"an assessment cannot be completed before it started ({_shown(assessment.started_on)})",
        )
    _check_seen(assessment, completed_on, child_seen_on, child_seen_alone_on)
    if fathers_assessed is None:
        raise AssessmentError(
            "fathers_assessed", "say whether the child's father or male carers were assessed"
        )
    if not fathers_assessed and not fathers_note.strip():
        raise AssessmentError(
            "fathers_note", "say why the child's father or male carers were not assessed"
        )
    if not analysis.strip():
        raise AssessmentError("analysis", "write the analysis")
    if outcome not in AssessmentOutcome.values:
        raise AssessmentError("outcome", "say what the assessment concluded")
    assessment.completed_on, assessment.completed_by = completed_on, by
    assessment.outcome, assessment.analysis = outcome, analysis.strip()
    assessment.fathers_assessed = fathers_assessed
    assessment.fathers_note = "" if fathers_assessed else fathers_note.strip()
    assessment.significant_adults_assessed = significant_adults_assessed.strip()
    assessment.child_seen_on = child_seen_on or assessment.child_seen_on
    assessment.child_seen_alone_on = child_seen_alone_on or assessment.child_seen_alone_on
    assessment.child_views = child_views.strip() or assessment.child_views
    assessment.save()
    chronicle.write([*chronicle.seen(assessment, by), chronicle.completed(assessment)])
    return assessment


@transaction.atomic
def authorise_assessment(
    assessment: Assessment, *, by: Practitioner, on: dt.date | None = None, note: str = ""
) -> Assessment:
    """A practice, team or service manager of the assessing agency signs the assessment off."""
    if assessment.completed_on is None:
        raise AssessmentError(
            "assessment", f"only a completed assessment can be authorised; the {assessment} is not"
        )
    _still_open(assessment)
    if by.role not in MANAGERS:
        raise AssessmentError(
            "user", "an assessment is authorised by a practice, team or service manager"
        )
    if by.agency_id != assessment.agency_id:
        raise AssessmentError(
            "user", f"the assessment is authorised by a manager of {assessment.agency}"
        )
    if by.pk == assessment.completed_by_id:
        raise AssessmentError("user", "a manager cannot authorise an assessment they completed")
    on = on or clock.today()
    _not_future("on", on, "the authorisation date")
    if on < assessment.completed_on:
        raise AssessmentError(
            "on", f"the assessment was completed on {_shown(assessment.completed_on)}, after that"
        )
    assessment.authorised_on, assessment.authorised_by = on, by
    assessment.authorisation_note = note.strip()
    assessment.save(update_fields=["authorised_on", "authorised_by", "authorisation_note"])
    chronicle.write([chronicle.authorised(assessment)])
    return assessment


# The DASH risk checklist.


@transaction.atomic
def complete_dash(
    victim: Person,
    *,
    by: Practitioner,
    answers: Mapping[int, str],
    completed_on: dt.date | None = None,
    perpetrator: Person | None = None,
    professional_judgement: bool = False,
    judgement_reason: str = "",
    repeat_incident: bool = False,
) -> DashChecklist:
    """Record a DASH checklist completed with ``victim``: 24 answers, the risk level they give."""
    agency = _agency_of(by)
    completed_on = completed_on or clock.today()
    _not_future("completed_on", completed_on, "the date of the checklist")
    age = _years_on(victim, completed_on)
    if age is not None and age < DASH_MINIMUM_AGE:
        raise AssessmentError(
            "victim",
            f"the DASH checklist is for victims aged {DASH_MINIMUM_AGE} or over; "
            "use the child's risk tool for a younger person",
        )
    extra = sorted(set(answers) - set(dash.NUMBERS))
    if extra:
        raise AssessmentError("answers", f"the checklist has no question {extra[0]}")
    missing = dash.unanswered(answers)
    if missing:
        listed = ", ".join(str(n) for n in missing)
        raise AssessmentError(
            f"q{missing[0]}",
            f"answer every question yes, no or not known; not answered: {listed}",
        )
    if professional_judgement and not judgement_reason.strip():
        raise AssessmentError("judgement_reason", "give the reason for judging the risk high")
    if perpetrator is not None and perpetrator.pk == victim.pk:
        raise AssessmentError("perpetrator", "the victim cannot be the alleged perpetrator")
    yes = dash.count_yes(answers)
    checklist = DashChecklist.objects.create(
        victim=victim,
        perpetrator=perpetrator,
        agency=agency,
        completed_on=completed_on,
        completed_by=by,
        completed_at=clock.now(),
        yes_count=yes,
        professional_judgement=professional_judgement,
        judgement_reason=judgement_reason.strip() if professional_judgement else "",
        repeat_incident=repeat_incident,
        level=dash.risk_level(yes, judgement=professional_judgement),
    )
    DashAnswer.objects.bulk_create(
        [DashAnswer(checklist=checklist, question=n, answer=answers[n]) for n in dash.NUMBERS]
    )
    chronicle.write([chronicle.dash_completed(checklist, dict(answers))])
    return checklist


@transaction.atomic
def refer_to_marac(
    checklist: DashChecklist,
    *,
    by: Practitioner,
    basis: SharingBasis,
    on: dt.date | None = None,
) -> DashChecklist:
    """Refer a high-risk (or repeat) victim to MARAC; the checklist goes with the referral,
    so the sharing decision is recorded with it."""
    agency = _agency_of(by)
    basis = _sharing_basis(basis)
    if not checklist.marac_due:
        raise AssessmentError(
            "level",
            "a MARAC referral follows a high-risk checklist or a repeat incident; this one is "
            f"{checklist.get_level_display().lower()}",
        )
    if checklist.marac_referred_on is not None:
        raise AssessmentError(
            "marac", f"already referred to MARAC on {_shown(checklist.marac_referred_on)}"
        )
    on = on or clock.today()
    _not_future("on", on, "the referral date")
    if on < checklist.completed_on:
        raise AssessmentError(
            "on", f"the checklist was completed on {_shown(checklist.completed_on)}, after that"
        )
    checklist.marac_referred_on, checklist.marac_referred_by = on, by
    checklist.save(update_fields=["marac_referred_on", "marac_referred_by"])
    record_for_each(
        [checklist.victim],
        by=by,
        from_agency=agency,
        kind=SharingKind.ASSESSMENT,
        shared_with="MARAC",
        basis=basis,
        dash=checklist,
    )
    chronicle.write([chronicle.marac_referral(checklist)])
    return checklist


def _sharing_basis(basis: SharingBasis) -> SharingBasis:
    try:
        return checked(basis)
    except SharingError as error:
        raise AssessmentError(error.field, error.message) from error


@transaction.atomic
def share_assessment(
    assessment: Assessment,
    *,
    by: Practitioner,
    agencies: Sequence[Agency],
    basis: SharingBasis,
) -> list[Agency]:
    """Send a completed assessment, its analysis included, to the agencies that need it (Child
    BE lesson 2.1): the sharing decision is recorded and each share is in the chronology."""
    _of_assessing_agency(assessment, by)
    if assessment.completed_on is None:
        raise AssessmentError("assessment", "share the assessment once it is completed")
    basis = _sharing_basis(basis)
    told = sorted(
        {a.pk: a for a in agencies if a.pk != assessment.agency_id}.values(),
        key=lambda a: a.name,
    )
    if not told:
        raise AssessmentError("agencies", "choose at least one other agency to share it with")
    record_for_each(
        [assessment.child],
        by=by,
        from_agency=assessment.agency,
        kind=SharingKind.ASSESSMENT,
        shared_with=", ".join(a.name for a in told),
        basis=basis,
        assessment=assessment,
    )
    chronicle.write(chronicle.shared(assessment, told, by, clock.today()))
    return told


# The child-focused domestic abuse risk tool.


@transaction.atomic
def assess_child_risk(
    child: Person,
    *,
    by: Practitioner,
    grades: Mapping[str, int],
    completed_on: dt.date | None = None,
    raised_to: int | None = None,
    judgement_reason: str = "",
    notes: str = "",
) -> ChildRiskAssessment:
    """Grade each factor in the child's experience of domestic abuse; the overall level is the
    highest grade, or higher by professional judgement with the reason."""
    agency = _agency_of(by)
    completed_on = completed_on or clock.today()
    _not_future("completed_on", completed_on, "the date of the assessment")
    age = _years_on(child, completed_on)
    if age is not None and age >= ADULT_AGE:
        raise AssessmentError("child", f"{child} is an adult; use the DASH checklist")
    for factor in childrisk.FACTORS:
        if grades.get(factor.field) not in range(5):
            raise AssessmentError(factor.field, f"grade this factor: {factor.question}")
    given = childrisk.factor_level(grades)
    if raised_to is not None and raised_to not in range(1, 5):
        raise AssessmentError("raised_to", "the overall level is 1, 2, 3 or 4")
    if raised_to is not None and raised_to < given:
        raise AssessmentError(
            "raised_to",
            f"the factors give level {given}; the level can be raised by judgement, not lowered",
        )
    raised = raised_to is not None and raised_to > given
    if raised and not judgement_reason.strip():
        raise AssessmentError(
            "judgement_reason", f"give the reason for raising the level above {given}"
        )
    assessment = ChildRiskAssessment.objects.create(
        child=child,
        agency=agency,
        completed_on=completed_on,
        completed_by=by,
        completed_at=clock.now(),
        **{field: grades[field] for field in childrisk.FIELDS},
        level=childrisk.overall_level(grades, raised_to),
        judgement_reason=judgement_reason.strip() if raised else "",
        notes=notes.strip(),
    )
    chronicle.write([chronicle.child_risk(assessment)])
    return assessment
