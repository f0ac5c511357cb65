"""Which agencies are involved with a person, and the statutory episodes of a child's journey."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from threadline.agencies.models import Agency, Team
from threadline.casework.census import (
    AssessmentFactor,
    CategoryOfAbuse,
    PrimaryNeed,
    ReasonForClosure,
    ReferralSource,
)
from threadline.people.models import Person


class Involvement(models.Model):
    """An agency's open (or closed) work with a person: the basis of need-to-know access."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="involvements")
    source_id = models.CharField(max_length=100)
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="involvements")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True)
    lead_practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="allocations",
    )
    lead_practitioner_name = models.CharField(max_length=200, blank=True)
    reason = models.CharField(max_length=500, blank=True)
    opened_on = models.DateField()
    closed_on = models.DateField(null=True, blank=True)
    content_hash = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "source_id"], name="involvement_source"),
            models.CheckConstraint(
                condition=models.Q(closed_on__isnull=True)
                | models.Q(closed_on__gte=models.F("opened_on")),
                name="involvement_closes_after_opening",
            ),
        ]
        indexes = [
            models.Index(fields=["person", "agency"], name="involvement_person_agency"),
            models.Index(fields=["lead_practitioner"], name="involvement_lead"),
        ]

    def __str__(self) -> str:
        return f"{self.agency} with {self.person}"

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


class EpisodeKind(models.TextChoices):
    EARLY_HELP = "early_help", "Early help"
    CHILD_IN_NEED = "cin", "Child in need"
    CHILD_PROTECTION = "cp", "Child protection"
    LOOKED_AFTER = "looked_after", "Looked after"


class StatusEpisode(models.Model):
    """A period of early help, child in need, child protection or care, with census codes."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT)
    source_id = models.CharField(max_length=100)
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="episodes")
    kind = models.CharField(max_length=20, choices=EpisodeKind.choices)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    reason = models.CharField(
        max_length=1000, blank=True, help_text="Why the episode started, in the referrer's words."
    )
    referral_source = models.CharField(max_length=2, choices=ReferralSource.choices, blank=True)
    primary_need = models.CharField(max_length=2, choices=PrimaryNeed.choices, blank=True)
    category_of_abuse = models.CharField(max_length=3, choices=CategoryOfAbuse.choices, blank=True)
    closure_reason = models.CharField(max_length=3, choices=ReasonForClosure.choices, blank=True)
    end_reason = models.CharField(max_length=1000, blank=True)
    content_hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["-started_on"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "source_id"], name="episode_source"),
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="episode_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["person", "started_on"], name="episode_person_start")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.person} from {self.started_on}"

    @property
    def is_open(self) -> bool:
        return self.ended_on is None


class EpisodeFactor(models.Model):
    """A factor identified at the end of assessment (census codes 1A to 24A)."""

    episode = models.ForeignKey(StatusEpisode, on_delete=models.CASCADE, related_name="factors")
    code = models.CharField(max_length=3, choices=AssessmentFactor.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["episode", "code"], name="episode_factor_unique")
        ]

    def __str__(self) -> str:
        return self.get_code_display()


class PlanOutcome(models.Model):
    """One outcome of a child's plan: the risk it addresses, the change wanted, by when, and what
    happens if the change is not made (Child Q: plans that did not spell these out)."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    source_id = models.CharField(max_length=100)
    episode = models.ForeignKey(StatusEpisode, on_delete=models.PROTECT, related_name="outcomes")
    risk = models.TextField(blank=True)
    change_wanted = models.TextField(blank=True)
    achieve_by = models.DateField(null=True, blank=True)
    consequence = models.TextField(blank=True)
    written_on = models.DateField()
    content_hash = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "source_id"], name="plan_outcome_source")
        ]

    def __str__(self) -> str:
        return f"Outcome for {self.episode}: {self.change_wanted[:60]}"

    @property
    def missing_parts(self) -> list[str]:
        parts = {
            "the risk": self.risk,
            "the change wanted": self.change_wanted,
            "by when": self.achieve_by,
            "what happens if it is not achieved": self.consequence,
        }
        return [name for name, value in parts.items() if not value]
