"""Deciding that two records are one person, and undoing it.

A merge moves every row that named the absorbed person to the survivor and writes down each one
it moved, with both people's own fields as they were, so an unmerge puts back exactly what was
there. The absorbed person is kept (``Person.merged_into``), never deleted.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from threadline.people.models import Person


class CandidateState(models.TextChoices):
    PENDING = "pending", "Waiting for review"
    LINKED = "linked", "Same person: merged"
    DECLINED = "declined", "Not the same person"
    SUPERSEDED = "superseded", "No longer needed"


class Candidate(models.Model):
    """A pair that scored between the thresholds: a practitioner decides whether it is one person."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    other = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    probability = models.FloatField()
    match_weight = models.FloatField()
    evidence = models.JSONField(default=dict)
    state = models.CharField(
        max_length=12, choices=CandidateState.choices, default=CandidateState.PENDING
    )
    found_at = models.DateTimeField()
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reason = models.CharField(max_length=500, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "other"], name="candidate_pair"),
            models.CheckConstraint(
                condition=models.Q(person__lt=models.F("other")), name="candidate_pair_ordered"
            ),
        ]
        indexes = [models.Index(fields=["state", "-probability"], name="candidate_queue")]

    def __str__(self) -> str:
        return f"{self.person_id} ~ {self.other_id} ({self.probability:.2f})"


class MergeOrigin(models.TextChoices):
    AUTOMATIC = "automatic", "Linked automatically"
    REVIEW = "review", "Decided at review"
    PRACTITIONER = "practitioner", "Merged by a practitioner"


class Merge(models.Model):
    survivor = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="merges_in")
    absorbed = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="merges_out")
    origin = models.CharField(max_length=12, choices=MergeOrigin.choices)
    probability = models.FloatField(null=True, blank=True)
    evidence = models.JSONField(default=dict)
    merged_at = models.DateTimeField()
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reason = models.CharField(max_length=500, blank=True)
    # Both people's own fields before the merge, restored by an unmerge.
    survivor_before = models.JSONField(default=dict)
    absorbed_before = models.JSONField(default=dict)
    unmerged_at = models.DateTimeField(null=True, blank=True)
    unmerged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    unmerge_reason = models.CharField(max_length=500, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["absorbed"],
                condition=models.Q(unmerged_at__isnull=True),
                name="merge_one_live_per_absorbed",
            )
        ]

    def __str__(self) -> str:
        return f"{self.absorbed_id} into {self.survivor_id}"

    @property
    def is_live(self) -> bool:
        return self.unmerged_at is None


class MovedRow(models.Model):
    """One row a merge re-pointed from the absorbed person to the survivor."""

    merge = models.ForeignKey(Merge, on_delete=models.PROTECT, related_name="moved")
    model = models.CharField(max_length=100)  # app_label.ModelName
    field = models.CharField(max_length=100)
    row_id = models.BigIntegerField()

    class Meta:
        indexes = [models.Index(fields=["merge", "model"], name="moved_row_merge")]

    def __str__(self) -> str:
        return f"{self.model}.{self.field} #{self.row_id}"
