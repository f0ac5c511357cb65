"""Assessments and risk tools into the shared chronology.

Every step the other agencies and the learning checks need to see becomes a chronology event,
written through the same ingest as any agency's feed and in the same transaction as the record:
an assessment started (its outcome word says which kind), the child seen, seen alone and heard
(dated on the days given), the assessment completed and authorised; a DASH checklist with its risk
level and the MARAC referral; the child's risk level. Event ids derive from the record's, so
writing a step twice changes nothing and a changed step is a new version of its event.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from threadline.agencies.models import Agency, Practitioner
from threadline.assessments import childrisk, dash
from threadline.assessments.models import (
    Answer,
    Assessment,
    ChildRiskAssessment,
    DashChecklist,
    RiskLevel,
)
from threadline.chronology.models import SubjectRole
from threadline.chronology.vocabulary import EventType
from threadline.feeds.services import ingest_feed
from threadline.people.models import Person, PersonRecord


def started_id(assessment: Assessment) -> str:
    return f"tl-assessment-{assessment.pk}-started"


def completed_id(assessment: Assessment) -> str:
    return f"tl-assessment-{assessment.pk}-completed"


def dash_id(checklist: DashChecklist) -> str:
    return f"tl-dash-{checklist.pk}"


def reference(person: Person, agency: Agency) -> dict[str, str]:
    """A feed reference to ``person``: ``agency``'s own record of them where it has one."""
    records = PersonRecord.objects.filter(person=person).select_related("agency")
    record = min(records, key=lambda r: (r.agency_id != agency.pk, r.pk))
    return {"agency": record.agency.code, "id": record.source_id}


def _event(
    agency: Agency,
    source_id: str,
    event_type: str,
    occurred: str,
    people: list[dict[str, Any]],
    summary: str,
    by: Practitioner,
    **fields: Any,
) -> dict[str, Any]:
    record: dict[str, Any] = {
        "kind": "event",
        "agency": agency.code,
        "id": source_id,
        "type": event_type,
        "occurred": occurred,
        "people": people,
        "summary": summary[:500],
        "practitioner": by.get_full_name() or by.username,
        "practitioner_username": by.username,
        "reliability": "verified",
    }
    record.update({key: value for key, value in fields.items() if value not in (None, "")})
    return record


def write(records: Iterable[dict[str, Any]]) -> None:
    lines = [json.dumps(record) for record in records]
    if lines:
        ingest_feed(lines)


# Assessments.


def _about_child(assessment: Assessment) -> list[dict[str, Any]]:
    return [reference(assessment.child, assessment.agency)]


def _name(assessment: Assessment) -> str:
    return assessment.get_kind_display()


def started(assessment: Assessment) -> dict[str, Any]:
    lead = assessment.lead_practitioner
    return _event(
        assessment.agency,
        started_id(assessment),
        EventType.ASSESSMENT_STARTED,
        assessment.started_on.isoformat(),
        _about_child(assessment),
        f"{_name(assessment)} started, due by {assessment.due_on:%d %B %Y}",
        assessment.started_by,
        outcome=assessment.kind,
        due=assessment.due_on.isoformat(),
        detail=f"Referral on {assessment.referred_on:%d %B %Y}. "
        f"Lead practitioner: {lead.get_full_name() or lead.username}.",
    )


def seen(assessment: Assessment, by: Practitioner) -> list[dict[str, Any]]:
    """The child seen, seen alone and heard, each on the day it happened."""
    name = _name(assessment).lower()
    records = []
    if assessment.child_seen_on is not None:
        records.append(
            _event(
                assessment.agency,
                f"tl-assessment-{assessment.pk}-seen",
                EventType.CHILD_SEEN,
                assessment.child_seen_on.isoformat(),
                _about_child(assessment),
                f"Child seen for the {name}",
                by,
                refers_to=started_id(assessment),
            )
        )
    if assessment.child_seen_alone_on is not None:
        records.append(
            _event(
                assessment.agency,
                f"tl-assessment-{assessment.pk}-seen-alone",
                EventType.CHILD_SEEN_ALONE,
                assessment.child_seen_alone_on.isoformat(),
                _about_child(assessment),
                f"Child seen alone for the {name}",
                by,
                refers_to=started_id(assessment),
            )
        )
    if assessment.child_views:
        heard_on = (
            assessment.child_seen_alone_on or assessment.child_seen_on or assessment.completed_on
        )
        assert heard_on is not None
        records.append(
            _event(
                assessment.agency,
                f"tl-assessment-{assessment.pk}-views",
                EventType.CHILD_VIEWS_RECORDED,
                heard_on.isoformat(),
                _about_child(assessment),
                f"Child's wishes, feelings or lived experience recorded in the {name}",
                by,
                detail=assessment.child_views,
                refers_to=started_id(assessment),
            )
        )
    return records


def completed(assessment: Assessment) -> dict[str, Any]:
    assert assessment.completed_on is not None and assessment.completed_by is not None
    return _event(
        assessment.agency,
        completed_id(assessment),
        EventType.ASSESSMENT_COMPLETED,
        assessment.completed_on.isoformat(),
        _about_child(assessment),
        f"{_name(assessment)} completed: {assessment.get_outcome_display()}",
        assessment.completed_by,
        outcome=assessment.outcome,
        detail=_findings(assessment),
        significance="significant",
        refers_to=started_id(assessment),
    )


def shared(
    assessment: Assessment, agencies: Iterable[Agency], by: Practitioner, on: dt.date
) -> list[dict[str, Any]]:
    """One ``information_shared`` per agency told, as the information-sharing checks read it."""
    return [
        _event(
            assessment.agency,
            f"{completed_id(assessment)}-shared-{agency.code}",
            EventType.INFORMATION_SHARED,
            on.isoformat(),
            _about_child(assessment),
            f"{_name(assessment)} and its analysis shared with {agency.name}",
            by,
            counterpart=agency.code,
            refers_to=completed_id(assessment),
        )
        for agency in agencies
    ]


def _findings(assessment: Assessment) -> str:
    if assessment.fathers_assessed:
        fathers = "Fathers and male carers assessed."
    else:
        fathers = f"Fathers and male carers not assessed: {assessment.fathers_note}"
    lines = [fathers]
    if assessment.significant_adults_assessed:
        lines.append(f"Other significant adults assessed: {assessment.significant_adults_assessed}")
    lines.append(f"Analysis: {assessment.analysis}")
    return "\n".join(lines)


def authorised(assessment: Assessment) -> dict[str, Any]:
    manager = assessment.authorised_by
    assert assessment.authorised_on is not None and manager is not None
    detail = assessment.authorisation_note
    return _event(
        manager.agency or assessment.agency,
        f"tl-assessment-{assessment.pk}-authorised",
        EventType.MANAGEMENT_REVIEW,
        assessment.authorised_on.isoformat(),
        _about_child(assessment),
        f"{_name(assessment)} authorised by the {manager.get_role_display().lower()}",
        manager,
        detail=detail,
        refers_to=completed_id(assessment),
    )


# The DASH risk checklist.


def _about_victim(checklist: DashChecklist) -> list[dict[str, Any]]:
    people: list[dict[str, Any]] = [
        {"person": reference(checklist.victim, checklist.agency), "role": SubjectRole.VICTIM}
    ]
    if checklist.perpetrator is not None:
        people.append(
            {
                "person": reference(checklist.perpetrator, checklist.agency),
                "role": SubjectRole.ALLEGED_PERPETRATOR,
            }
        )
    return people


def dash_summary(checklist: DashChecklist) -> str:
    text = (
        f"DASH risk checklist: {checklist.yes_count} of {len(dash.QUESTIONS)} yes, "
        f"{checklist.get_level_display().lower()}"
    )
    if checklist.professional_judgement:
        text += " (professional judgement)"
    if checklist.repeat_incident:
        text += "; a repeat incident within 12 months of a MARAC referral"
    return text


def dash_completed(checklist: DashChecklist, answers: dict[int, str]) -> dict[str, Any]:
    yes = [f"{n}. {dash.QUESTIONS[n - 1]}" for n in dash.NUMBERS if answers[n] == Answer.YES]
    detail = "Answered yes:\n" + ("\n".join(yes) or "none")
    if checklist.professional_judgement:
        detail += f"\nProfessional judgement: {checklist.judgement_reason}"
    return _event(
        checklist.agency,
        dash_id(checklist),
        EventType.DASH_COMPLETED,
        checklist.completed_on.isoformat(),
        _about_victim(checklist),
        dash_summary(checklist),
        checklist.completed_by,
        outcome=checklist.level,
        detail=detail,
        significance="significant" if checklist.level == RiskLevel.HIGH else "routine",
    )


def marac_referral(checklist: DashChecklist) -> dict[str, Any]:
    by = checklist.marac_referred_by
    assert checklist.marac_referred_on is not None and by is not None
    why = "a repeat incident" if checklist.level != RiskLevel.HIGH else "high risk"
    return _event(
        by.agency or checklist.agency,
        f"{dash_id(checklist)}-marac",
        EventType.MARAC_REFERRAL,
        checklist.marac_referred_on.isoformat(),
        _about_victim(checklist),
        f"Referred to MARAC: {why} on the DASH checklist of {checklist.completed_on:%d %B %Y}",
        by,
        refers_to={"agency": checklist.agency.code, "id": dash_id(checklist)},
    )


# The child-focused domestic abuse risk tool.


def child_risk(assessment: ChildRiskAssessment) -> dict[str, Any]:
    level = childrisk.LEVELS[assessment.level]
    lines = [level.meaning]
    for factor in childrisk.FACTORS:
        grade = getattr(assessment, factor.field)
        shown = f"level {grade}: {factor.grades[grade - 1]}" if grade else "not present"
        lines.append(f"{factor.question} {shown}.")
    if assessment.judgement_reason:
        lines.append(f"Raised by professional judgement: {assessment.judgement_reason}")
    if assessment.notes:
        lines.append(assessment.notes)
    return _event(
        assessment.agency,
        f"tl-childrisk-{assessment.pk}",
        EventType.RISK_ASSESSMENT,
        assessment.completed_on.isoformat(),
        [reference(assessment.child, assessment.agency)],
        f"Child's domestic abuse risk: {level}",
        assessment.completed_by,
        detail="\n".join(lines),
        significance="significant" if assessment.level >= 3 else "routine",
    )
