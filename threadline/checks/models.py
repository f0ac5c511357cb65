"""Alerts raised by the learning checks, and every step of their life."""

from __future__ import annotations

import json
from collections.abc import Collection

from django.conf import settings
from django.db import connection, models
from django.db.models.expressions import RawSQL

from threadline.agencies.models import Agency, Team
from threadline.people.models import Person


class AlertState(models.TextChoices):
    WATCHING = "watching", "Watching (not yet due)"
    RAISED = "raised", "Raised"
    ACKNOWLEDGED = "acknowledged", "Acknowledged"
    RESOLVED = "resolved", "Resolved"


OPEN_STATES = (AlertState.WATCHING, AlertState.RAISED, AlertState.ACKNOWLEDGED)
VISIBLE_STATES = (AlertState.RAISED, AlertState.ACKNOWLEDGED)


class AlertLevel(models.TextChoices):
    REMINDER = "reminder", "Reminder"
    ALERT = "alert", "Alert"
    URGENT = "urgent", "Urgent"


class Resolution(models.TextChoices):
    DONE = "done", "Done: the record shows it"
    JUDGEMENT = "judgement", "Professional judgement recorded"
    NO_LONGER_APPLIES = "no_longer_applies", "No longer applies: the record changed"


class Alert(models.Model):
    """One occurrence of a check's condition for one person.

    While the required action is not yet due the alert is only *watched* (nobody sees it); it is
    *raised* when the deadline passes with nothing done (or at once for urgent checks), and then
    climbs the check's escalation ladder until the record shows the action or someone records a
    professional judgement. It is never dismissed silently.
    """

    # Few indexes, because ``tick`` rewrites tens of thousands of alerts a pass and every index
    # is written with them: the subject's alerts are found by ``alert_subject_state``, a check's
    # open ones by ``one_open_alert_per_occurrence``; the practitioners' keys are never searched.
    check_id = models.CharField(max_length=10)
    subject = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="alerts", db_index=False
    )
    occurrence = models.CharField(max_length=120)
    state = models.CharField(max_length=15, choices=AlertState.choices)
    level = models.CharField(max_length=10, choices=AlertLevel.choices, default=AlertLevel.ALERT)
    what = models.CharField(max_length=500, help_text="What must happen, for whom.")
    why = models.CharField(max_length=1000, help_text="The review finding it comes from.")
    trigger_at = models.DateTimeField()
    due_at = models.DateTimeField()
    remind_at = models.DateTimeField(null=True, blank=True)
    raised_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolution = models.CharField(max_length=20, choices=Resolution.choices, blank=True)
    resolution_reason = models.TextField(blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    rung = models.PositiveSmallIntegerField(default=0, help_text="Step reached on the ladder.")
    told_rung = models.SmallIntegerField(
        null=True, blank=True, help_text="The highest rung whose inboxes have been told."
    )
    nation = models.CharField(max_length=3, default="ENG")
    responsible_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    next_action_at = models.DateTimeField(null=True, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    claim_token = models.CharField(max_length=32, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["check_id", "subject", "occurrence"],
                condition=~models.Q(state="resolved"),
                name="one_open_alert_per_occurrence",
            )
        ]
        indexes = [
            models.Index(
                fields=["next_action_at"],
                condition=~models.Q(state="resolved"),
                name="alert_next_action_open",
            ),
            models.Index(fields=["subject", "state"], name="alert_subject_state"),
        ]

    def __str__(self) -> str:
        return f"{self.check_id} for {self.subject_id}: {self.state}"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def is_overdue(self) -> bool:
        return self.state in VISIBLE_STATES


class StepKind(models.TextChoices):
    WATCHED = "watched", "Watching started"
    RAISED = "raised", "Raised"
    REMINDED = "reminded", "Reminder sent"
    NOTIFIED = "notified", "Notified"
    ACKNOWLEDGED = "acknowledged", "Acknowledged"
    ESCALATED = "escalated", "Escalated"
    RESOLVED = "resolved", "Resolved"


class AlertStep(models.Model):
    """The alert's history: who did what, when. Written once, never changed."""

    # No foreign key in the database: ``tick`` writes 100,000 steps a pass, and PostgreSQL's
    # check of each (a row lock on the alert) cost more than writing them. Steps are written
    # only with their alert (``services.Writes``), and alerts are never deleted.
    alert = models.ForeignKey(
        Alert, on_delete=models.CASCADE, related_name="steps", db_constraint=False
    )
    kind = models.CharField(max_length=15, choices=StepKind.choices)
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    detail = models.CharField(max_length=1000, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.alert_id} {self.kind} at {self.at:%Y-%m-%d %H:%M}"


class AlertRecipient(models.Model):
    """Who an alert was sent to, at which rung: a practitioner's or a team's inbox."""

    # No foreign key in the database, as for steps.
    alert = models.ForeignKey(
        Alert, on_delete=models.CASCADE, related_name="recipients", db_constraint=False
    )
    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="inbox",
    )
    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, null=True, blank=True, related_name="inbox"
    )
    rung = models.PositiveSmallIntegerField(default=0)
    told_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["practitioner"], name="recipient_practitioner"),
            models.Index(fields=["team"], name="recipient_team"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(practitioner__isnull=False) | models.Q(team__isnull=False),
                name="recipient_is_someone",
            )
        ]

    def __str__(self) -> str:
        return f"alert {self.alert_id} to {self.practitioner_id or self.team_id}"


def among(keys: Collection[int]) -> RawSQL:
    """For ``field__in=among(keys)``: the keys travel as one parameter (an array on PostgreSQL,
    a JSON array elsewhere) rather than one parameter each, which Django prepares value by value:
    for a tick's 200,000 keys that cost more than the statements."""
    if connection.vendor == "postgresql":
        # An array literal, one string: Django's psycopg binds on the client, and a list of
        # 50,000 ints is adapted value by value in Python.
        return RawSQL("SELECT unnest(%s::bigint[])", ("{" + ",".join(map(str, keys)) + "}",))
    return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(list(keys)),))
