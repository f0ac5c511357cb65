"""Agency systems that send feeds through the API, each with its own revocable token."""

from __future__ import annotations

import hashlib
import secrets

from django.db import models

from threadline.agencies.models import Agency


def hash_token(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class FeedSystem(models.Model):
    """An agency's case-management system. Only the token's hash is stored."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="feed_systems")
    name = models.CharField(max_length=200)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.agency.code})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    @property
    def is_authenticated(self) -> bool:
        return True

    @staticmethod
    def new_key() -> str:
        return secrets.token_urlsafe(32)
