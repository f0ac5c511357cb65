"""Changes to alerts: raise, remind, escalate, acknowledge, resolve. Each writes its step."""

from __future__ import annotations

import datetime as dt
import json
import uuid

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from threadline import clock
from threadline.agencies.models import Agency, Practitioner
from threadline.checks.models import (
    Alert,
    AlertLevel,
    AlertRecipient,
    AlertState,
    AlertStep,
    Resolution,
    StepKind,
)
from threadline.checks.recipients import Directory, Inbox
from threadline.checks.registry import get_check
from threadline.feeds.services import ingest_feed
from threadline.people.models import PersonRecord


class AlertError(ValueError):
    pass


def add_step(
    alert: Alert, kind: StepKind, *, actor: Practitioner | None = None, detail: str = ""
) -> None:
    AlertStep.objects.create(alert=alert, kind=kind, at=clock.now(), actor=actor, detail=detail)


def notify(alert: Alert, *, rung: int, directory: Directory | None = None) -> list[Inbox]:
    """Put the alert in the inboxes of the actor at ``rung`` and e-mail them after commit."""
    check = get_check(alert.check_id)
    rungs = check.rungs()
    actor = rungs[min(rung, len(rungs) - 1)]
    directory = directory or Directory([alert.subject_id])
    inboxes = directory.inboxes_for(actor, alert.subject_id)
    alert.told_rung = rung
    now = clock.now()
    AlertRecipient.objects.bulk_create(
        [
            AlertRecipient(
                alert=alert, practitioner=i.practitioner, team=i.team, rung=rung, told_at=now
            )
            for i in inboxes
        ]
    )
    names = ", ".join(str(inbox) for inbox in inboxes)
    add_step(alert, StepKind.NOTIFIED, detail=f"{actor}: {names}"[:1000])
    emails = sorted(
        {i.practitioner.email for i in inboxes if i.practitioner and i.practitioner.email}
    )
    if emails:
        transaction.on_commit(lambda: _email(alert, emails))
    return inboxes


def _email(alert: Alert, recipients: list[str]) -> None:
    subject = f"[Threadline] {alert.check_id}: {alert.what[:120]}"
    body = (
        f"{alert.what}\n\nDue: {alert.due_at:%d %B %Y}\nWhy: {alert.why}\n\n"
        f"Open the child's record in Threadline to act on it."
    )
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients, fail_silently=True)


def raise_alert(alert: Alert, directory: Directory | None = None) -> None:
    """Raise now; the inboxes are told now too when a directory is given, else at the next tick."""
    alert.state = AlertState.RAISED
    alert.raised_at = clock.now()
    add_step(alert, StepKind.RAISED, detail=f"due {alert.due_at:%Y-%m-%d}")
    if directory is not None:
        notify(alert, rung=0, directory=directory)


def remind(alert: Alert, directory: Directory) -> None:
    add_step(alert, StepKind.REMINDED, detail=f"due {alert.due_at:%Y-%m-%d}")
    notify(alert, rung=0, directory=directory)


def escalate(alert: Alert, directory: Directory) -> bool:
    """Tell the next rung up; False when the top of the ladder has already been told."""
    if alert.rung + 1 >= len(get_check(alert.check_id).rungs()):
        return False
    alert.rung += 1
    add_step(alert, StepKind.ESCALATED, detail=f"rung {alert.rung}")
    notify(alert, rung=alert.rung, directory=directory)
    return True


def resolve(
    alert: Alert,
    resolution: Resolution,
    *,
    actor: Practitioner | None = None,
    reason: str = "",
) -> None:
    alert.state = AlertState.RESOLVED
    alert.resolution = resolution
    alert.resolution_reason = reason
    alert.resolved_by = actor
    alert.resolved_at = clock.now()
    alert.next_action_at = None
    add_step(alert, StepKind.RESOLVED, actor=actor, detail=f"{resolution.label}. {reason}"[:1000])


@transaction.atomic
def acknowledge_alert(alert: Alert, *, actor: Practitioner) -> Alert:
    if alert.state != AlertState.RAISED:
        raise AlertError(f"only a raised alert can be acknowledged; this one is {alert.state}")
    alert.state = AlertState.ACKNOWLEDGED
    alert.acknowledged_at = clock.now()
    alert.acknowledged_by = actor
    alert.save()
    add_step(alert, StepKind.ACKNOWLEDGED, actor=actor)
    return alert


@transaction.atomic
def record_judgement(alert: Alert, *, actor: Practitioner, reason: str) -> Alert:
    """Close an alert on a practitioner's professional judgement; the reason stays visible."""
    reason = reason.strip()
    if len(reason) < 10:
        raise AlertError("a professional judgement needs a reason a manager can read")
    if not alert.is_open:
        raise AlertError("this alert is already resolved")
    resolve(alert, Resolution.JUDGEMENT, actor=actor, reason=reason)
    alert.save()
    return alert


def level_for(alert: Alert) -> AlertLevel:
    return AlertLevel(alert.level)


def moment(value: dt.datetime | None) -> str:
    return "" if value is None else f"{value:%Y-%m-%d %H:%M}"


def _reference(person_id: int) -> dict[str, str]:
    """A feed reference to a person: any agency's record of them will do."""
    record = PersonRecord.objects.select_related("agency").filter(person_id=person_id).first()
    if record is None:
        raise AlertError("this person has no agency record to refer to")
    return {"agency": record.agency.code, "id": record.source_id}


def _answered_event(alert: Alert) -> dict[str, str] | None:
    """The event that triggered the alert, for the action to answer (``refers_to``)."""
    parts = alert.occurrence.split(":", 2)
    if len(parts) != 3 or parts[0] != "event":
        return None
    agency = Agency.objects.filter(pk=int(parts[1])).first()
    return {"agency": agency.code, "id": parts[2]} if agency else None


def record_action(
    alert: Alert,
    *,
    actor: Practitioner,
    event_type: str,
    occurred: dt.date,
    summary: str,
    outcome: str = "",
) -> Alert:
    """Record what was done as a chronology entry from the actor's agency, through the same
    ingest as every agency feed; the checks then decide whether the alert is resolved."""
    if actor.agency is None:
        raise AlertError("only a practitioner of an agency can record an action")
    record: dict[str, object] = {
        "kind": "event",
        "agency": actor.agency.code,
        "id": f"tl-{uuid.uuid4().hex[:16]}",
        "type": event_type,
        "occurred": occurred.isoformat(),
        "people": [_reference(alert.subject_id)],
        "summary": summary,
        "practitioner": actor.get_full_name() or actor.username,
        "practitioner_username": actor.username,
    }
    if outcome:
        record["outcome"] = outcome
    answered = _answered_event(alert)
    if answered is not None:
        record["refers_to"] = answered
    ingest_feed([json.dumps(record)], sender=actor.agency)
    alert.refresh_from_db()
    return alert
