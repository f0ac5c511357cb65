"""Child in need and child protection plans: what they address, the actions with owners, review
dates, and written agreements whose conditions someone named must monitor (Ag: a condition nobody
monitored; Q: plans that did not spell out the risk and the consequence). The plan's outcomes
are ``casework.PlanOutcome`` rows, the same as an agency's feed sends."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from threadline.agencies.models import Agency
from threadline.casework.models import StatusEpisode
from threadline.people.models import Person


class Plan(models.Model):
    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="plans")
    episode = models.ForeignKey(StatusEpisode, on_delete=models.PROTECT, related_name="plans")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    reason_for_referral = models.TextField(help_text="Why the child was first referred.")
    focus = models.TextField(help_text="What the plan addresses now.")
    focus_change_rationale = models.TextField(blank=True)
    started_on = models.DateField()
    review_by = models.DateField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-started_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.episode.get_kind_display()} plan for {self.child} from {self.started_on:%d %b %Y}"


class PlanAction(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField()
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    owner_name = models.CharField(max_length=200, blank=True)
    due_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.description[:80]


class ContactTerms(models.TextChoices):
    NONE = "", "Not about contact"
    NO_CONTACT = "no_contact", "No contact with the children"
    SUPERVISED = "supervised_contact_only", "Supervised contact only"


class Condition(models.Model):
    """A condition of a written agreement, about one adult, with a named monitor."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="conditions")
    text = models.TextField()
    about = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="conditions")
    contact = models.CharField(max_length=30, choices=ContactTerms.choices, blank=True)
    monitor_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    monitor_name = models.CharField(max_length=200)
    agreed_on = models.DateField()

    class Meta:
        ordering = ["agreed_on", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class ConditionEvidence(models.Model):
    """What the monitor found: the condition kept, or a sign it was broken."""

    condition = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="evidence")
    on = models.DateField()
    note = models.TextField()
    breach = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-on", "-pk"]

    def __str__(self) -> str:
        return f"{'Breach' if self.breach else 'Kept'} on {self.on:%d %b %Y}"
