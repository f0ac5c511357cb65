"""Changes to alerts: raise, remind, escalate, acknowledge, resolve. Each writes its step.

Each change is planned in memory (``plan_*``: the alert's fields, and the steps, inbox entries and
e-mails it needs, gathered in a ``Writes``); the single-alert functions write one plan at once,
``tick`` writes a whole batch of them in bulk."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import chain
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import connection, models, transaction

from threadline import clock
from threadline.agencies.models import Agency, Practitioner
from threadline.checks.base import Actor
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
from threadline.feeds.context import chunked
from threadline.feeds.services import ingest_feed
from threadline.people.models import PersonRecord


class AlertError(ValueError):
    pass


@dataclass(slots=True)
class ClaimedAlert:
    """An alert as ``tick`` reads it: only what raising, reminding, telling and escalating read
    and change, as plain values (building 50,000 full model instances cost more than the rest of
    a tick's Python). ``tick`` writes the changed fields back itself."""

    pk: int
    check_id: str
    subject_id: int
    state: str
    rung: int
    told_rung: int | None
    due_at: dt.datetime
    nation: str
    next_action_at: dt.datetime | None
    # Written when the alert is raised, never read by ``tick``: not fetched (parsing a timestamp
    # for every alert costs a tick a good part of a second), so None until raised here.
    raised_at: dt.datetime | None = None


# What the plans below work on: a full alert (the web views, evaluate) or a claimed one (tick).
Routable = Alert | ClaimedAlert


def _email(alert: Alert, recipients: list[str]) -> EmailMessage:
    subject = f"[Threadline] {alert.check_id}: {alert.what[:120]}"
    body = (
        f"{alert.what}\n\nDue: {alert.due_at:%d %B %Y}\nWhy: {alert.why}\n\n"
        f"Open the child's record in Threadline to act on it."
    )
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


def send_emails(pending: list[tuple[int, list[str]]]) -> None:
    """One message per alert (by key), all sent over one connection."""
    alerts = Alert.objects.in_bulk([pk for pk, _ in pending])
    messages = [_email(alerts[pk], to) for pk, to in pending if pk in alerts]
    get_connection(fail_silently=True).send_messages(messages)


# A step to write: (alert, kind, at, actor id, detail); an inbox told: (alert, practitioner id,
# team id, rung, told at). The alert's key is read only when they are written: a new alert's
# key comes from the same batch's insert.
StepRow = tuple[Routable, str, dt.datetime, int | None, str]
RecipientRow = tuple[Routable, int | None, int | None, int, dt.datetime]


STEP_FIELDS = ("alert", "kind", "at", "actor", "detail")
RECIPIENT_FIELDS = ("alert", "practitioner", "team", "rung", "told_at")


def insert_rows(model: type[models.Model], names: tuple[str, ...], rows: list[tuple]) -> None:
    """INSERT many rows of plain values (ints, strings, None, datetimes): on PostgreSQL by COPY,
    elsewhere by multi-row VALUES, as many rows a statement as the database takes parameters.

    Not ``bulk_create``: it builds a model instance per row and prepares every value through its
    field; for a full tick's 108,000 steps that took 3.2 s on SQLite where this takes 0.3 s. Not
    ``INSERT ... UNNEST`` on PostgreSQL either: Django's psycopg binds parameters on the client,
    in Python, which for arrays that size cost more than the insert itself."""
    if not rows:
        return
    fields = [f for name in names if isinstance(f := model._meta.get_field(name), models.Field)]
    if len(fields) != len(names):
        raise ValueError(f"not all of {names} are concrete fields of {model.__name__}")
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(field_.column) for field_ in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        values = _adapted_for_sqlite(fields, rows)
        per_statement = (connection.features.max_query_params or 10_000) // len(fields)
        row_marks = "(" + ", ".join(["%s"] * len(fields)) + ")"
        for chunk in chunked(values, per_statement):
            marks = ", ".join([row_marks] * len(chunk))
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {marks}",
                list(chain.from_iterable(chunk)),
            )


def _adapted_for_sqlite(fields: list[models.Field], rows: list[tuple]) -> list[tuple]:
    """Datetimes as Django writes them to SQLite (text); each distinct value adapted once."""
    columns: list[Sequence[Any]] = list(zip(*rows, strict=True))
    adapted: dict[dt.datetime, Any] = {}
    for index, field_ in enumerate(fields):
        if isinstance(field_, models.DateTimeField):
            columns[index] = [
                adapted.get(value)
                or adapted.setdefault(value, connection.ops.adapt_datetimefield_value(value))
                for value in columns[index]
            ]
    return list(zip(*columns, strict=True))


@dataclass
class Writes:
    """What changes to alerts write besides the alerts' own fields: their steps, the inboxes
    told and the e-mails to send. The ``plan_*`` functions below change an alert in memory and
    add here what it needs written; ``save`` writes it all in bulk, so one alert (the web views)
    and thousands (``tick``) go through the same logic. The caller saves the alerts themselves."""

    steps: list[StepRow] = field(default_factory=list)
    recipients: list[RecipientRow] = field(default_factory=list)
    emails: list[tuple[int, list[str]]] = field(default_factory=list)

    def step(
        self,
        alert: Routable,
        kind: StepKind,
        at: dt.datetime,
        *,
        actor: Practitioner | None = None,
        detail: str = "",
    ) -> None:
        self.steps.append((alert, kind.value, at, actor.pk if actor else None, detail))

    def save(self) -> None:
        """Write the steps and inbox entries, and send the e-mails once the transaction commits."""
        steps = [(a.pk, kind, at, actor, detail) for a, kind, at, actor, detail in self.steps]
        insert_rows(AlertStep, STEP_FIELDS, steps)
        recipients = [(a.pk, p, t, rung, at) for a, p, t, rung, at in self.recipients]
        insert_rows(AlertRecipient, RECIPIENT_FIELDS, recipients)
        if self.emails:
            transaction.on_commit(partial(send_emails, self.emails))
        self.steps, self.recipients, self.emails = [], [], []


def ladder(check_id: str) -> tuple[Actor, ...]:
    return _ladders.get(check_id) or _ladders.setdefault(check_id, get_check(check_id).rungs())


_ladders: dict[str, tuple[Actor, ...]] = {}


def plan_notify(
    alert: Routable, *, rung: int, directory: Directory, now: dt.datetime, writes: Writes
) -> list[Inbox]:
    """Put the alert in the inboxes of the actor at ``rung``; e-mail them after commit."""
    rungs = ladder(alert.check_id)
    actor = rungs[min(rung, len(rungs) - 1)]
    audience = directory.audience(actor, alert.subject_id)
    alert.told_rung = rung
    writes.recipients.extend(
        (alert, practitioner_id, team_id, rung, now) for practitioner_id, team_id in audience.keys
    )
    writes.step(alert, StepKind.NOTIFIED, now, detail=f"{actor}: {audience.names}"[:1000])
    if audience.emails:
        writes.emails.append((alert.pk, audience.emails))
    return audience.inboxes


def plan_raise(
    alert: Routable,
    *,
    now: dt.datetime,
    writes: Writes,
    directory: Directory | None = None,
    detail: str | None = None,
) -> None:
    """Raise now; the inboxes are told now too when a directory is given, else at the next tick."""
    alert.state = AlertState.RAISED
    alert.raised_at = now
    writes.step(alert, StepKind.RAISED, now, detail=detail or f"due {alert.due_at:%Y-%m-%d}")
    if directory is not None:
        plan_notify(alert, rung=0, directory=directory, now=now, writes=writes)


def plan_remind(alert: Routable, *, now: dt.datetime, directory: Directory, writes: Writes) -> None:
    writes.step(alert, StepKind.REMINDED, now, detail=f"due {alert.due_at:%Y-%m-%d}")
    plan_notify(alert, rung=0, directory=directory, now=now, writes=writes)


def plan_escalate(
    alert: Routable, *, now: dt.datetime, directory: Directory, writes: Writes
) -> bool:
    """Tell the next rung up; False when the top of the ladder has already been told."""
    if alert.rung + 1 >= len(ladder(alert.check_id)):
        return False
    alert.rung += 1
    writes.step(alert, StepKind.ESCALATED, now, detail=f"rung {alert.rung}")
    plan_notify(alert, rung=alert.rung, directory=directory, now=now, writes=writes)
    return True


def plan_resolve(
    alert: Alert,
    resolution: Resolution,
    *,
    now: dt.datetime,
    writes: Writes,
    actor: Practitioner | None = None,
    reason: str = "",
) -> None:
    alert.state = AlertState.RESOLVED
    alert.resolution = resolution
    alert.resolution_reason = reason
    alert.resolved_by = actor
    alert.resolved_at = now
    alert.next_action_at = None
    detail = f"{resolution.label}. {reason}" if reason else resolution.label
    writes.step(alert, StepKind.RESOLVED, now, actor=actor, detail=detail[:1000])


# One alert at a time, for the web views and the tests: the same plans, written at once.


def add_step(
    alert: Alert, kind: StepKind, *, actor: Practitioner | None = None, detail: str = ""
) -> None:
    AlertStep.objects.create(alert=alert, kind=kind, at=clock.now(), actor=actor, detail=detail)


def notify(alert: Alert, *, rung: int, directory: Directory | None = None) -> list[Inbox]:
    writes = Writes()
    directory = directory or Directory([alert.subject_id])
    inboxes = plan_notify(alert, rung=rung, directory=directory, now=clock.now(), writes=writes)
    writes.save()
    return inboxes


def raise_alert(alert: Alert, directory: Directory | None = None) -> None:
    """Raise now; the inboxes are told now too when a directory is given, else at the next tick."""
    writes = Writes()
    plan_raise(alert, now=clock.now(), writes=writes, directory=directory)
    writes.save()


def remind(alert: Alert, directory: Directory) -> None:
    writes = Writes()
    plan_remind(alert, now=clock.now(), directory=directory, writes=writes)
    writes.save()


def escalate(alert: Alert, directory: Directory) -> bool:
    """Tell the next rung up; False when the top of the ladder has already been told."""
    writes = Writes()
    escalated = plan_escalate(alert, now=clock.now(), directory=directory, writes=writes)
    writes.save()
    return escalated


def resolve(
    alert: Alert,
    resolution: Resolution,
    *,
    actor: Practitioner | None = None,
    reason: str = "",
) -> None:
    writes = Writes()
    plan_resolve(alert, resolution, now=clock.now(), writes=writes, actor=actor, reason=reason)
    writes.save()


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
