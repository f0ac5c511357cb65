"""Writing and running a plan: outcomes that say the risk, the change, by when and the
consequence; actions with owners; written agreements with a named monitor and their evidence.
Each change is written to the shared record through the feed ingest, in one transaction; bad
input raises ``PlanError`` naming the field, and nothing is written."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from threadline import clock
from threadline.agencies.models import Agency, AgencyKind, Practitioner
from threadline.casework.models import EpisodeKind, StatusEpisode
from threadline.chronology.models import SubjectRole
from threadline.chronology.vocabulary import EventType
from threadline.feeds.services import ingest_feed
from threadline.meetings.selectors import reason_for_referral
from threadline.meetings.timescales import add_months, timescales
from threadline.people.models import Person, PersonRecord
from threadline.plans.models import Condition, ConditionEvidence, Plan, PlanAction

PLANNED_KINDS = (EpisodeKind.CHILD_PROTECTION, EpisodeKind.CHILD_IN_NEED)


class PlanError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class OutcomeSpec:
    risk: str
    change_wanted: str
    achieve_by: dt.date | None
    consequence: str


def _check_outcomes(outcomes: Sequence[OutcomeSpec]) -> None:
    if not outcomes:
        raise PlanError("outcomes", "a plan needs at least one outcome")
    for number, outcome in enumerate(outcomes, start=1):
        parts = {
            "risk": (outcome.risk, "the risk it addresses"),
            "change_wanted": (outcome.change_wanted, "the change wanted"),
            "achieve_by": (outcome.achieve_by, "by when"),
            "consequence": (outcome.consequence, "what happens if it is not achieved"),
        }
        for field, (value, words) in parts.items():
            if not (value.strip() if isinstance(value, str) else value):
                raise PlanError(f"outcome-{number}-{field}", f"outcome {number} must say {words}")


def _reference(person: Person, agency_id: int) -> dict[str, str]:
    records = PersonRecord.objects.filter(person=person).select_related("agency")
    record = min(records, key=lambda r: (r.agency_id != agency_id, r.pk))
    return {"agency": record.agency.code, "id": record.source_id}


def _event(
    plan: Plan,
    suffix: str,
    event_type: str,
    day: dt.date,
    summary: str,
    by: Practitioner,
    *,
    agency: Agency | None = None,
    people: Iterable[dict[str, Any]] = (),
    **fields: Any,
) -> dict[str, Any]:
    sender = agency or plan.agency
    record: dict[str, Any] = {
        "kind": "event",
        "agency": sender.code,
        "id": f"tl-plan-{plan.pk}-{suffix}",
        "type": event_type,
        "occurred": day.isoformat(),
        "people": [_reference(plan.child, sender.pk), *people],
        "summary": summary[:500],
        "practitioner": by.get_full_name() or by.username,
        "practitioner_username": by.username,
        "reliability": "verified",
    }
    record.update({key: value for key, value in fields.items() if value not in (None, "")})
    return record


def _write(records: Iterable[dict[str, Any]]) -> None:
    ingest_feed([json.dumps(record) for record in records])


def current_episode(child: Person, day: dt.date) -> StatusEpisode | None:
    episodes = StatusEpisode.objects.filter(
        person=child, kind__in=PLANNED_KINDS, started_on__lte=day
    )
    open_ones = [e for e in episodes if e.ended_on is None or e.ended_on > day]
    return min(
        open_ones,
        key=lambda e: (PLANNED_KINDS.index(EpisodeKind(e.kind)), e.started_on),
        default=None,
    )


@transaction.atomic
def write_plan(
    child: Person,
    *,
    by: Practitioner,
    focus: str,
    outcomes: Sequence[OutcomeSpec],
    focus_change_rationale: str = "",
) -> Plan:
    """A child in need or child protection plan for the child's open episode, opening with the
    original reason for referral."""
    if by.agency is None or by.agency.kind != AgencyKind.CHILDRENS_SOCIAL_CARE:
        raise PlanError("user", "plans are written by children's social care")
    today = clock.today()
    episode = current_episode(child, today)
    if episode is None:
        raise PlanError("episode", f"{child} has no open child in need or child protection episode")
    if not focus.strip():
        raise PlanError("focus", "say what the plan addresses")
    _check_outcomes(outcomes)
    plan = Plan.objects.create(
        child=child,
        episode=episode,
        agency=by.agency,
        reason_for_referral=reason_for_referral([child]),
        focus=focus.strip(),
        focus_change_rationale=focus_change_rationale.strip(),
        started_on=today,
        review_by=add_months(today, timescales().first_review_after_icpc_months),
        created_by=by,
        created_at=clock.now(),
    )
    records = [
        _event(
            plan,
            "started",
            EventType.PLAN_STARTED,
            today,
            f"{episode.get_kind_display()} plan written: {plan.focus}",
            by,
            detail=f"Original reason for referral: {plan.reason_for_referral}\nThis plan addresses: {plan.focus}",
            due=plan.review_by.isoformat(),
        )
    ]
    if plan.focus_change_rationale:
        records.append(
            _event(
                plan,
                "focus",
                EventType.FOCUS_CHANGE_RATIONALE,
                today,
                "Why the plan's focus differs from the original referral",
                by,
                detail=plan.focus_change_rationale,
            )
        )
    records += [_outcome(plan, number, spec) for number, spec in enumerate(outcomes, start=1)]
    _write(records)
    return plan


def _outcome(plan: Plan, number: int, spec: OutcomeSpec) -> dict[str, Any]:
    assert spec.achieve_by is not None
    return {
        "kind": "plan_outcome",
        "agency": plan.episode.agency.code,
        "id": f"tl-plan-{plan.pk}-outcome-{number}",
        "episode": plan.episode.source_id,
        "risk": spec.risk.strip(),
        "change_wanted": spec.change_wanted.strip(),
        "achieve_by": spec.achieve_by.isoformat(),
        "consequence": spec.consequence.strip(),
        "written": plan.started_on.isoformat(),
    }


@transaction.atomic
def add_plan_action(
    plan: Plan,
    *,
    by: Practitioner,
    description: str,
    agency: Agency,
    due_on: dt.date,
    owner_name: str = "",
) -> PlanAction:
    if not description.strip():
        raise PlanError("description", "say what the action is")
    action = PlanAction.objects.create(
        plan=plan,
        description=description.strip(),
        agency=agency,
        owner_name=owner_name,
        due_on=due_on,
    )
    _write(
        [
            _event(
                plan,
                f"action-{action.pk}",
                EventType.ACTION_SET,
                clock.today(),
                f"Plan action for {agency.name}: {action.description}",
                by,
                due=due_on.isoformat(),
                counterpart=agency.code if agency.pk != plan.agency_id else "",
            )
        ]
    )
    return action


@transaction.atomic
def complete_plan_action(action: PlanAction, *, by: Practitioner, on: dt.date) -> PlanAction:
    if action.completed_on is not None:
        raise PlanError("action", f"completed already, on {action.completed_on:%d %B %Y}")
    if on > clock.today():
        raise PlanError("on", "an action cannot be completed in the future")
    action.completed_on = on
    action.save(update_fields=["completed_on"])
    plan = action.plan
    _write(
        [
            _event(
                plan,
                f"action-{action.pk}-done",
                EventType.ACTION_COMPLETED,
                on,
                f"Plan action completed: {action.description}",
                by,
                agency=by.agency or plan.agency,
                refers_to={
                    "agency": plan.agency.code,
                    "id": f"tl-plan-{plan.pk}-action-{action.pk}",
                },
            )
        ]
    )
    return action


@transaction.atomic
def add_condition(
    plan: Plan,
    *,
    by: Practitioner,
    text: str,
    about: Person,
    monitor_agency: Agency,
    monitor_name: str,
    contact: str = "",
) -> Condition:
    """A written agreement's condition, owned from the start by a named monitor (PLN-7)."""
    if not text.strip():
        raise PlanError("text", "say what the condition is")
    if not monitor_name.strip():
        raise PlanError("monitor_name", "name who will monitor the condition")
    if about == plan.child:
        raise PlanError("about", "a condition is about an adult in the child's life, not the child")
    condition = Condition.objects.create(
        plan=plan,
        text=text.strip(),
        about=about,
        contact=contact,
        monitor_agency=monitor_agency,
        monitor_name=monitor_name.strip(),
        agreed_on=clock.today(),
    )
    adult = {"person": _reference(about, plan.agency_id), "role": SubjectRole.MONITORED}
    _write(
        [
            _event(
                plan,
                f"condition-{condition.pk}",
                EventType.WRITTEN_AGREEMENT,
                condition.agreed_on,
                f"Written agreement: {condition.text}",
                by,
                people=[adult],
                outcome=contact,
                detail=f"Monitored by {condition.monitor_name}, {monitor_agency.name}",
            )
        ]
    )
    return condition


@transaction.atomic
def record_evidence(
    condition: Condition, *, by: Practitioner, on: dt.date, note: str, breach: bool = False
) -> ConditionEvidence:
    """The monitor's evidence; a sign of breach is recorded on the child and the adult together,
    which the learning check treats as urgent."""
    if not note.strip():
        raise PlanError("note", "say what was found")
    if on > clock.today():
        raise PlanError("on", "evidence cannot be dated in the future")
    evidence = ConditionEvidence.objects.create(
        condition=condition, on=on, note=note.strip(), breach=breach, recorded_by=by
    )
    plan = condition.plan
    agreement = {"agency": plan.agency.code, "id": f"tl-plan-{plan.pk}-condition-{condition.pk}"}
    sender = by.agency or plan.agency
    records = [
        _event(
            plan,
            f"condition-{condition.pk}-evidence-{evidence.pk}",
            EventType.CONDITION_MONITORED,
            on,
            f"Condition monitored: {condition.text[:200]}",
            by,
            agency=sender,
            detail=evidence.note,
            refers_to=agreement,
        )
    ]
    if breach:
        adult = {"person": _reference(condition.about, sender.pk), "role": SubjectRole.MONITORED}
        records.append(
            _event(
                plan,
                f"condition-{condition.pk}-breach-{evidence.pk}",
                EventType.CONCERN,
                on,
                f"Sign the written agreement was broken: {evidence.note[:300]}",
                by,
                agency=sender,
                people=[adult],
                significance="critical",
                refers_to=agreement,
            )
        )
    _write(records)
    return evidence


@transaction.atomic
def review_plan(plan: Plan, *, by: Practitioner, on: dt.date, note: str) -> Plan:
    if on > clock.today():
        raise PlanError("on", "a review cannot be dated in the future")
    plan.review_by = add_months(on, timescales().later_reviews_months)
    plan.save(update_fields=["review_by"])
    _write(
        [
            _event(
                plan,
                f"review-{on.isoformat()}",
                EventType.PLAN_REVIEWED,
                on,
                f"Plan reviewed: {note[:200]}",
                by,
                detail=f"Original reason for referral: {plan.reason_for_referral}\n{note}",
                due=plan.review_by.isoformat(),
            )
        ]
    )
    return plan
