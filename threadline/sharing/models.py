"""Sharing decisions: each time information about a person leaves for another agency or
authority, the lawful basis, the reason and consent are recorded with it (UK GDPR articles 6
and 9, the Data Protection Act 2018, Working Together's information-sharing principles)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from threadline.agencies.models import Agency
from threadline.people.models import Person


class LawfulBasis(models.TextChoices):
    PUBLIC_TASK = "public_task", "Public task: a statutory duty (UK GDPR 6(1)(e))"
    LEGAL_OBLIGATION = "legal_obligation", "Legal obligation (UK GDPR 6(1)(c))"
    VITAL_INTERESTS = "vital_interests", "Vital interests: a life at risk (UK GDPR 6(1)(d))"
    CONSENT = "consent", "Consent (UK GDPR 6(1)(a))"


class SpecialCondition(models.TextChoices):
    """For health, sex life and criminal information, a condition of article 9 or 10 as well."""

    NOT_NEEDED = "", "None: no special category or criminal information"
    SAFEGUARDING = (
        "safeguarding",
        "Safeguarding of children and individuals at risk (DPA 2018 Sch. 1 para 18)",
    )
    HEALTH_AND_CARE = "health_and_care", "Health or social care (UK GDPR 9(2)(h))"
    SUBSTANTIAL_PUBLIC_INTEREST = "statutory", "Statutory purposes (DPA 2018 Sch. 1 para 6)"


class Consent(models.TextChoices):
    GIVEN = "given", "Given"
    REFUSED_OVERRIDDEN = "overridden", "Refused, and shared without it"
    NOT_SOUGHT = "not_sought", "Not sought: unsafe or inappropriate to ask"


class SharingKind(models.TextChoices):
    TRANSFER_PACK = "transfer_pack", "Transfer pack"
    MINUTES = "minutes", "Meeting minutes"
    NOTIFICATION = "notification", "Notification"
    ASSESSMENT = "assessment", "Shared assessment"


class SharingDecision(models.Model):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="sharing_decisions")
    kind = models.CharField(max_length=20, choices=SharingKind.choices)
    from_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    shared_with = models.CharField(max_length=300)
    lawful_basis = models.CharField(max_length=20, choices=LawfulBasis.choices)
    special_condition = models.CharField(
        max_length=20, choices=SpecialCondition.choices, blank=True
    )
    reason = models.TextField(help_text="Why sharing is necessary and proportionate.")
    consent = models.CharField(max_length=12, choices=Consent.choices)
    consent_note = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField()
    transfer = models.OneToOneField(
        "transfers.TransferOut",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sharing",
    )
    minutes = models.ForeignKey(
        "meetings.Minutes",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sharing",
    )
    assessment = models.ForeignKey(
        "assessments.Assessment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sharing",
    )
    dash = models.ForeignKey(
        "assessments.DashChecklist",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sharing",
        help_text="A DASH checklist sent with a MARAC referral.",
    )

    class Meta:
        ordering = ["-decided_at", "-pk"]

    def __str__(self) -> str:
        return (
            f"{self.get_kind_display()} to {self.shared_with} ({self.get_lawful_basis_display()})"
        )
