"""Handing a child's case to another local authority, and taking one in (Child Q, finding 3: a
move across a boundary made every professional "start again").

A transfer pack is signed by the sending Threadline; the receiving Threadline accepts packs only
from the authorities whose public keys it holds. Both sides keep the signed pack exactly as it
was sent, so what was handed over can always be shown and checked again."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models

from threadline.agencies.models import Agency
from threadline.meetings.models import Meeting
from threadline.people.models import Person

# An authority's code becomes part of an agency code here ("la-<code>"), which allows 40.
AUTHORITY_CODE_PATTERN = r"^[a-z0-9][a-z0-9-]{0,36}$"
AUTHORITY_CODE_WORDS = (
    "lower-case letters, digits and hyphens, at most 37, starting with a letter or digit"
)
AUTHORITY_CODE = RegexValidator(AUTHORITY_CODE_PATTERN, AUTHORITY_CODE_WORDS)


class TrustedAuthority(models.Model):
    """Another local authority whose transfer packs this Threadline accepts: its public key."""

    code = models.CharField(max_length=37, unique=True, validators=[AUTHORITY_CODE])
    name = models.CharField(max_length=200)
    public_key_pem = models.TextField(help_text="Its Ed25519 public key, PEM.")
    added_at = models.DateTimeField()

    class Meta:
        verbose_name_plural = "trusted authorities"
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class TransferOut(models.Model):
    """A child's case sent to another authority: the signed pack, as sent."""

    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="transfers_out")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    receiving_code = models.CharField(
        max_length=40, blank=True, help_text="The receiving authority's code, where known here."
    )
    receiving_name = models.CharField(max_length=200)
    reason = models.TextField(help_text="Why the case transfers: the move, and what it means.")
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField()
    signed = models.TextField(blank=True, help_text="The signed pack, as downloaded.")
    digest = models.CharField(max_length=64, blank=True, help_text="SHA-256 of the pack.")

    class Meta:
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return f"Transfer of {self.child} to {self.receiving_name} on {self.sent_at:%d %b %Y}"


class TransferIn(models.Model):
    """A signed pack from another authority, verified and written into this Threadline."""

    authority = models.ForeignKey(TrustedAuthority, on_delete=models.PROTECT, related_name="+")
    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="transfers_in")
    digest = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the pack.")
    generated_at = models.DateTimeField(help_text="When the sending Threadline made the pack.")
    signed = models.TextField(help_text="The signed pack, as received.")
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    imported_at = models.DateTimeField()
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The transfer-in conference booked on import.",
    )

    class Meta:
        ordering = ["-imported_at", "-pk"]

    def __str__(self) -> str:
        return f"Transfer of {self.child} from {self.authority.name} on {self.imported_at:%d %b %Y}"
