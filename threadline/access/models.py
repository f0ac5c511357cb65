"""The audit log: who looked at whose record, when, from where and why."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from threadline.people.models import Person


class AuditAction(models.TextChoices):
    VIEW = "view", "Viewed record"
    SEARCH = "search", "Searched"
    EXPORT = "export", "Exported"
    PRINT = "print", "Printed"
    DENIED = "denied", "Refused access"
    EMERGENCY = "emergency", "Emergency access"


class AuditEntry(models.Model):
    """Append-only: rows are written once and never changed or deleted, each chained to the
    one before it by digest (``access.chain``)."""

    at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="audit_entries"
    )
    action = models.CharField(max_length=10, choices=AuditAction.choices)
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="audit_entries"
    )
    purpose = models.CharField(max_length=200, blank=True)
    detail = models.CharField(max_length=500, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    previous_digest = models.CharField(max_length=64, unique=True, editable=False)
    digest = models.CharField(max_length=64, editable=False)

    class Meta:
        verbose_name_plural = "audit entries"
        indexes = [models.Index(fields=["person", "-at"], name="audit_person_at")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.person_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("audit entries are append-only")
        from threadline.access.chain import append  # the chain decides the digests

        append([self])

    def save_new(self) -> None:
        """The insert itself, once ``access.chain`` has set the digests."""
        super().save(force_insert=True)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("audit entries are append-only")


class ReviewOutcome(models.TextChoices):
    JUSTIFIED = "justified", "Justified"
    NOT_JUSTIFIED = "unjustified", "Not justified"


class EmergencyAccess(models.Model):
    """A practitioner's access to someone outside any legitimate relationship, for a stated
    reason, for a few hours, and reviewed afterwards by their manager."""

    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="emergency_access"
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="emergency_access")
    reason = models.TextField()
    opened_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="emergency_reviews",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=12, choices=ReviewOutcome.choices, blank=True)
    review_note = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "emergency access"
        indexes = [
            models.Index(fields=["practitioner", "person", "expires_at"], name="emergency_live")
        ]

    def __str__(self) -> str:
        return f"{self.practitioner} opened {self.person_id} at {self.opened_at:%Y-%m-%d %H:%M}"
