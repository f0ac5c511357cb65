"""What the partnership agreed to do about each recommendation, and how it is going."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from threadline.agencies.models import Agency
from threadline.learning.models import Item


class Status(models.TextChoices):
    RED = "red", "Red: off track"
    AMBER = "amber", "Amber: at risk"
    GREEN = "green", "Green: on track"
    COMPLETE = "complete", "Complete"


class Action(models.Model):
    """One thing an owner will do towards a review's recommendation, by a deadline."""

    recommendation = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="actions")
    description = models.TextField()
    owner_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    owner_subgroup = models.CharField(max_length=120, blank=True)
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The named person answerable to the board, where there is one.",
    )
    deadline = models.DateField()
    expected_impact = models.TextField()
    how_we_will_know = models.TextField()
    indicator = models.CharField(
        max_length=60, blank=True, help_text="The live-record indicator that will show it."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.AMBER)
    completed_on = models.DateField(null=True, blank=True)
    escalated_on = models.DateField(
        null=True, blank=True, help_text="When the board was told it was overdue."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["deadline", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(owner_agency__isnull=False, owner_subgroup="")
                    | models.Q(owner_agency__isnull=True) & ~models.Q(owner_subgroup="")
                ),
                name="action_has_one_owner",
            ),
            models.CheckConstraint(
                condition=models.Q(status="complete", completed_on__isnull=False)
                | ~models.Q(status="complete") & models.Q(completed_on__isnull=True),
                name="action_complete_has_a_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recommendation}: action {self.pk}"

    @property
    def owner(self) -> str:
        return str(self.owner_agency) if self.owner_agency_id else self.owner_subgroup

    @property
    def is_complete(self) -> bool:
        return self.status == Status.COMPLETE


class Update(models.Model):
    """A dated entry in an action's history: progress, evidence, a change of status or the
    board being told that it is overdue. Never edited; the action's state is the latest."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    written_at = models.DateTimeField()
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices)
    note = models.TextField()
    evidence = models.TextField(blank=True)
    escalation = models.BooleanField(default=False)

    class Meta:
        ordering = ["written_at", "pk"]

    def __str__(self) -> str:
        return f"{self.action}: {self.get_status_display()} at {self.written_at:%Y-%m-%d}"
