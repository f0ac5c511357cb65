"""Stepping a child's plan down, or closing the case.

A step-down is refused while its prerequisites are unmet (the actions set are not done, no
multi-agency discussion, active risk without an appraisal) unless a manager overrides with a
reason. An agreed step-down ends the plan and starts the next one carrying the original reason
for referral; a closure tells every agency still in contact what should bring the child back.
All of it goes into the shared record through the feed ingest, in one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Q

from threadline import clock
from threadline.agencies.models import AgencyKind, Practitioner, Role
from threadline.casework.models import EpisodeKind, Involvement, StatusEpisode
from threadline.chronology.vocabulary import EventType, Outcome
from threadline.feeds.services import ingest_feed
from threadline.meetings.models import Meeting
from threadline.meetings.selectors import meetings_of, parents_and_carers
from threadline.people.models import Person, PersonRecord
from threadline.stepdown.models import Destination, StepDownDecision
from threadline.stepdown.selectors import readiness

MANAGERS = frozenset({Role.PRACTICE_MANAGER, Role.TEAM_MANAGER, Role.SERVICE_MANAGER})
# Where each plan may step down to.
ALLOWED: dict[str, frozenset[str]] = {
    EpisodeKind.LOOKED_AFTER: frozenset(Destination.values),
    EpisodeKind.CHILD_PROTECTION: frozenset(Destination.values),
    EpisodeKind.CHILD_IN_NEED: frozenset({Destination.EARLY_HELP, Destination.CLOSURE}),
}
NEXT_EPISODE = {
    Destination.CHILD_IN_NEED: EpisodeKind.CHILD_IN_NEED,
    Destination.EARLY_HELP: EpisodeKind.EARLY_HELP,
}


class StepDownError(ValueError):
    def __init__(self, field: str, message: str, unmet: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
        self.unmet = list(unmet)


@transaction.atomic
def decide_step_down(
    child: Person,
    *,
    by: Practitioner,
    destination: str,
    reason: str,
    meeting: Meeting | None = None,
    risk_appraisal: str = "",
    re_referral_signs: str = "",
    override_reason: str = "",
) -> StepDownDecision:
    if by.agency is None or by.agency.kind != AgencyKind.CHILDRENS_SOCIAL_CARE:
        raise StepDownError("user", "a step-down or closure is decided by children's social care")
    if destination not in Destination.values:
        raise StepDownError("destination", f"{destination!r} is not a step-down or closure")
    if not reason.strip():
        raise StepDownError("reason", "give the reason for the decision")
    if meeting is not None and not meetings_of(child).filter(pk=meeting.pk, status="held").exists():
        raise StepDownError("meeting", f"the {meeting} was not a held meeting about this child")
    state = readiness(child, meeting)
    episode = state.episode
    if episode is None:
        raise StepDownError("destination", f"{child} has no open plan to step down from")
    if destination not in ALLOWED[episode.kind]:
        label = Destination(destination).label.lower()
        raise StepDownError(
            "destination", f"a {episode.get_kind_display().lower()} plan cannot {label}"
        )
    if destination == Destination.CLOSURE and not re_referral_signs.strip():
        raise StepDownError(
            "re_referral_signs",
            "on closure, tell the agencies still in contact what should bring the child back",
        )
    unmet = state.unmet(risk_appraisal=risk_appraisal)
    if unmet and not override_reason.strip():
        raise StepDownError("override_reason", "the step-down is not ready", unmet)
    if unmet and by.role not in MANAGERS:
        raise StepDownError(
            "override_reason", "only a manager can step down with prerequisites unmet", unmet
        )
    decision = StepDownDecision.objects.create(
        child=child,
        episode=episode,
        destination=destination,
        reason=reason.strip(),
        meeting=meeting,
        risk_appraisal=risk_appraisal.strip(),
        re_referral_signs=re_referral_signs.strip(),
        unmet=unmet,
        override_reason=override_reason.strip() if unmet else "",
        decided_by=by,
        decided_at=clock.now(),
    )
    _write([*_records(decision, episode)])
    return decision


def _write(records: list[dict[str, Any]]) -> None:
    ingest_feed([json.dumps(record) for record in records])


def _records(decision: StepDownDecision, episode: StatusEpisode) -> Iterable[dict[str, Any]]:
    today = clock.today().isoformat()
    agency = decision.decided_by.agency
    assert agency is not None
    csc = agency.code
    yield _event(decision, csc, "decision", EventType.DECISION, _decision_summary(decision))
    if decision.risk_appraisal:
        yield _event(
            decision,
            csc,
            "appraisal",
            EventType.RISK_ASSESSMENT,
            "Risk appraisal before step-down",
            detail=decision.risk_appraisal,
        )
    yield _episode(episode, end=today, end_reason=decision.reason[:1000])
    next_kind = NEXT_EPISODE.get(Destination(decision.destination))
    if next_kind is not None:
        yield _episode(
            episode,
            source_id=f"tl-stepdown-{decision.pk}",
            status=next_kind,
            start=today,
            reason=_original_reason(decision.child, episode),
            category_of_abuse="",
        )
    yield from _notices(decision, csc)


def _decision_summary(decision: StepDownDecision) -> str:
    text = f"{decision.get_destination_display()}: {decision.reason}"
    if decision.unmet:
        text += f" (manager's override: {decision.override_reason})"
    return text[:500]


def _reference(person: Person, agency_id: int) -> dict[str, str]:
    records = PersonRecord.objects.filter(person=person).select_related("agency")
    record = min(records, key=lambda r: (r.agency_id != agency_id, r.pk))
    return {"agency": record.agency.code, "id": record.source_id}


def _event(
    decision: StepDownDecision,
    agency: str,
    suffix: str,
    event_type: str,
    summary: str,
    **fields: Any,
) -> dict[str, Any]:
    by = decision.decided_by
    record: dict[str, Any] = {
        "kind": "event",
        "agency": agency,
        "id": f"tl-stepdown-{decision.pk}-{suffix}",
        "type": event_type,
        "occurred": decision.decided_at.isoformat(),
        "people": [_reference(decision.child, by.agency_id or 0)],
        "summary": summary[:500],
        "practitioner": by.get_full_name() or by.username,
        "practitioner_username": by.username,
        "reliability": "verified",
    }
    if event_type == EventType.DECISION:
        closing = decision.destination == Destination.CLOSURE
        record["outcome"] = Outcome.CLOSURE if closing else Outcome.STEP_DOWN
        record["significance"] = "significant"
    if decision.meeting is not None:
        record["refers_to"] = f"tl-meeting-{decision.meeting.pk}"
    record.update(fields)
    return record


def _episode(episode: StatusEpisode, **changes: Any) -> dict[str, Any]:
    """The episode as its agency's feed would send it, with ``changes``."""
    record: dict[str, Any] = {
        "kind": "status_episode",
        "agency": episode.agency.code,
        "id": episode.source_id,
        "person": _reference(episode.person, episode.agency_id),
        "status": episode.kind,
        "start": episode.started_on.isoformat(),
        "reason": episode.reason,
        "referral_source": episode.referral_source,
        "primary_need": episode.primary_need,
        "category_of_abuse": episode.category_of_abuse,
        "closure_reason": episode.closure_reason,
        "end_reason": episode.end_reason,
        "factors": sorted(episode.factors.values_list("code", flat=True)),
    }
    if episode.ended_on is not None:
        record["end"] = episode.ended_on.isoformat()
    record.update(changes)
    if "source_id" in record:
        record["id"] = record.pop("source_id")
        record.pop("end", None)
        record["end_reason"] = record["closure_reason"] = ""
    return {key: value for key, value in record.items() if value != ""}


def _original_reason(child: Person, episode: StatusEpisode) -> str:
    """The next plan opens with why the child was first referred (Ag Rec 1)."""
    first = (
        StatusEpisode.objects.filter(person=child)
        .exclude(reason="")
        .order_by("started_on", "pk")
        .first()
    )
    return (first or episode).reason


def _notices(decision: StepDownDecision, csc: str) -> Iterable[dict[str, Any]]:
    """Every agency still working with the child or the parents is told (SHR-1, PLN-6)."""
    today = clock.today()
    family = [decision.child, *(adult for adult, _ in parents_and_carers([decision.child], today))]
    still_in_contact = (
        Involvement.objects.filter(person__in=family, opened_on__lte=today)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gt=today))
        .exclude(agency__kind=AgencyKind.CHILDRENS_SOCIAL_CARE)
        .select_related("agency")
        .order_by("agency__name")
    )
    told: set[int] = set()
    for involvement in still_in_contact:
        if involvement.agency_id in told:
            continue
        told.add(involvement.agency_id)
        yield _event(
            decision,
            csc,
            f"told-{involvement.agency.code}",
            EventType.INFORMATION_SHARED,
            f"{decision.get_destination_display()}: {involvement.agency.name} told",
            counterpart=involvement.agency.code,
            detail=_notice(decision),
        )


def _notice(decision: StepDownDecision) -> str:
    text = (
        f"{decision.get_destination_display()} on {decision.decided_at:%d %B %Y}: {decision.reason}"
    )
    if decision.re_referral_signs:
        text += f"\nRe-refer to children's social care if: {decision.re_referral_signs}"
    return text
