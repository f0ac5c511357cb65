"""Step-down and closure decisions: each with the prerequisites it was taken against, and any
manager's override of an unmet one with the reason (Ag: the chair's actions not done; Ak Rec 6:
closure on poor engagement without a risk appraisal)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from threadline.casework.models import StatusEpisode
from threadline.meetings.models import Meeting
from threadline.people.models import Person


class Destination(models.TextChoices):
    CHILD_IN_NEED = "cin", "Step down to a child in need plan"
    EARLY_HELP = "early_help", "Step down to early help"
    CLOSURE = "closure", "Close the case"


class StepDownDecision(models.Model):
    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="step_downs")
    episode = models.ForeignKey(
        StatusEpisode, on_delete=models.PROTECT, help_text="The plan stepped down from."
    )
    destination = models.CharField(max_length=20, choices=Destination.choices)
    reason = models.TextField()
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text="The multi-agency meeting at which it was agreed.",
    )
    risk_appraisal = models.TextField(blank=True)
    re_referral_signs = models.TextField(
        blank=True, help_text="On closure: what should bring the child back to social care."
    )
    unmet = models.JSONField(
        default=list, help_text="Prerequisites not met when the decision was taken."
    )
    override_reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()

    class Meta:
        ordering = ["-decided_at"]

    def __str__(self) -> str:
        return f"{self.get_destination_display()} for {self.child} on {self.decided_at:%d %b %Y}"
