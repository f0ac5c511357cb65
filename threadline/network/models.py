"""Who cares for a child and who sees them: contact arrangements, with their basis and terms.

Child Ak had unsupervised contact with a father known to be a risky adult; Recommendation 4 asks
that the level of care or contact each parent or carer has is established and recorded."""

from __future__ import annotations

from django.db import models

from threadline.agencies.models import Agency
from threadline.people.models import Person


class Arrangement(models.TextChoices):
    LIVES_WITH = "lives_with", "Lives with (day-to-day care)"
    STAYING = "staying", "Staying contact"
    UNSUPERVISED = "unsupervised", "Unsupervised contact"
    SUPERVISED = "supervised", "Supervised contact"
    INDIRECT = "indirect", "Indirect contact (letters, calls)"
    NONE = "none", "No contact"


class Basis(models.TextChoices):
    COURT_ORDER = "court_order", "Court order"
    WRITTEN_AGREEMENT = "written_agreement", "Written agreement"
    INFORMAL = "informal", "Informal, between the family"
    NOT_KNOWN = "not_known", "Not known"


UNWATCHED = frozenset({Arrangement.LIVES_WITH, Arrangement.STAYING, Arrangement.UNSUPERVISED})


class ContactArrangement(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    source_id = models.CharField(max_length=100)
    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="contact_arrangements")
    adult = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="contact_with")
    arrangement = models.CharField(max_length=15, choices=Arrangement.choices)
    basis = models.CharField(max_length=20, choices=Basis.choices, default=Basis.NOT_KNOWN)
    frequency = models.CharField(max_length=200, blank=True)
    supervised_by = models.CharField(max_length=200, blank=True)
    conditions = models.TextField(blank=True)
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    content_hash = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "source_id"], name="contact_source"),
            models.CheckConstraint(
                condition=~models.Q(child=models.F("adult")), name="contact_not_with_self"
            ),
        ]
        indexes = [models.Index(fields=["child"], name="contact_child")]

    def __str__(self) -> str:
        return f"{self.child} with {self.adult}: {self.get_arrangement_display()}"

    @property
    def is_unwatched(self) -> bool:
        """Care or contact no professional is there to see."""
        return self.arrangement in UNWATCHED
