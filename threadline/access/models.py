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


class AuditEntry(models.Model):
    """Append-only: rows are written once and never changed or deleted."""

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

    class Meta:
        verbose_name_plural = "audit entries"
        indexes = [models.Index(fields=["person", "-at"], name="audit_person_at")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.person_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("audit entries are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("audit entries are append-only")
