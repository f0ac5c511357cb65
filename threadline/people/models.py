"""People in the shared record, the agencies' own records of them, and how they are related."""

from __future__ import annotations

from django.db import models

from threadline.agencies.models import Agency
from threadline.people.names import fold, soundex


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    UNKNOWN = "unknown", "Not known"
    INDETERMINATE = "indeterminate", "Indeterminate"


class Person(models.Model):
    """One person as Threadline knows them, joined up from every agency's record of them."""

    given_name = models.CharField(max_length=100, blank=True)
    family_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    expected_date_of_birth = models.DateField(
        null=True, blank=True, help_text="For an unborn child: the expected date of delivery."
    )
    date_of_death = models.DateField(null=True, blank=True)
    sex = models.CharField(max_length=15, choices=Sex.choices, default=Sex.UNKNOWN)
    nhs_number = models.CharField(max_length=10, blank=True, db_index=True)
    language = models.CharField(max_length=50, blank=True)
    family_key = models.CharField(max_length=4, blank=True, editable=False)
    given_key = models.CharField(max_length=4, blank=True, editable=False)
    family_folded = models.CharField(max_length=100, blank=True, editable=False)
    created_at = models.DateTimeField()
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="absorbed",
        help_text="Set while this person is merged into another (see matching.Merge).",
    )

    class Meta:
        verbose_name_plural = "people"
        indexes = [
            models.Index(fields=["family_key", "given_key"], name="person_name_keys"),
            models.Index(fields=["family_folded"], name="person_family_folded"),
            models.Index(fields=["date_of_birth"], name="person_dob"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["nhs_number"],
                condition=~models.Q(nhs_number=""),
                name="person_unique_nhs_number",
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.given_name, self.family_name) if part) or "Unnamed"

    @property
    def is_unborn(self) -> bool:
        return self.date_of_birth is None and self.expected_date_of_birth is not None

    def refresh_name_keys(self) -> None:
        self.family_key = soundex(self.family_name)
        self.given_key = soundex(self.given_name)
        self.family_folded = fold(self.family_name)


class PersonRecord(models.Model):
    """One agency's record of a person, as that agency sent it: kept whole so matching can be
    revisited and a wrong join undone."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="person_records")
    source_id = models.CharField(max_length=100)
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="records")
    given_name = models.CharField(max_length=100, blank=True)
    family_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    sex = models.CharField(max_length=15, choices=Sex.choices, default=Sex.UNKNOWN)
    nhs_number = models.CharField(max_length=10, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    content_hash = models.CharField(max_length=64)
    received_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "source_id"], name="person_record_source")
        ]

    def __str__(self) -> str:
        return f"{self.agency.code}:{self.source_id}"


class NameKind(models.TextChoices):
    LEGAL = "legal", "Legal name"
    KNOWN_AS = "known_as", "Known as"
    ALIAS = "alias", "Alias"
    PREVIOUS = "previous", "Previous name"


class PersonName(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="names")
    given_name = models.CharField(max_length=100, blank=True)
    family_name = models.CharField(max_length=100, blank=True)
    kind = models.CharField(max_length=15, choices=NameKind.choices, default=NameKind.LEGAL)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT)
    family_key = models.CharField(max_length=4, blank=True)
    given_key = models.CharField(max_length=4, blank=True)

    class Meta:
        indexes = [models.Index(fields=["family_key", "given_key"], name="name_keys")]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "given_name", "family_name", "kind", "agency"],
                name="person_name_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


class PersonIdentifier(models.Model):
    """Another agency's identifier for a person: PNC id, local authority id, UPN and the like."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="identifiers")
    scheme = models.CharField(max_length=40)
    value = models.CharField(max_length=100)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "scheme", "value"], name="identifier_unique")
        ]

    def __str__(self) -> str:
        return f"{self.scheme}: {self.value}"


class Address(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="addresses")
    line1 = models.CharField(max_length=200)
    line2 = models.CharField(max_length=200, blank=True)
    town = models.CharField(max_length=100, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    local_authority = models.CharField(max_length=100, blank=True)
    lived_from = models.DateField(null=True, blank=True)
    lived_to = models.DateField(null=True, blank=True)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT)

    class Meta:
        ordering = ["-lived_from"]
        verbose_name_plural = "addresses"
        indexes = [models.Index(fields=["postcode"], name="address_postcode")]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "line1", "postcode", "lived_from", "agency"],
                name="address_unique",
            )
        ]

    def __str__(self) -> str:
        return ", ".join(part for part in (self.line1, self.town, self.postcode) if part)


class RelationshipKind(models.TextChoices):
    """Read as: ``person`` is the <kind> of ``relative``."""

    PARENT = "parent", "Parent"
    STEP_PARENT = "step_parent", "Step-parent"
    PARTNER = "partner", "Partner"
    FORMER_PARTNER = "former_partner", "Former partner"
    SIBLING = "sibling", "Sibling"
    HALF_SIBLING = "half_sibling", "Half-sibling"
    GRANDPARENT = "grandparent", "Grandparent"
    CARER = "carer", "Carer"
    SIGNIFICANT_ADULT = "significant_adult", "Significant adult"
    ASSOCIATE = "associate", "Associate"


class LegalUnion(models.TextChoices):
    """A partnership's standing in law, which the genogram draws: a divorce is not a separation."""

    NOT_RECORDED = "", "Not recorded"
    MARRIED = "married", "Married"
    CIVIL_PARTNERSHIP = "civil_partnership", "Civil partnership"
    DIVORCED = "divorced", "Divorced"
    DISSOLVED = "dissolved", "Civil partnership dissolved"


SYMMETRIC_KINDS = frozenset(
    {
        RelationshipKind.PARTNER,
        RelationshipKind.FORMER_PARTNER,
        RelationshipKind.SIBLING,
        RelationshipKind.HALF_SIBLING,
        RelationshipKind.ASSOCIATE,
    }
)
INVERSE_LABELS = {
    RelationshipKind.PARENT: "Child",
    RelationshipKind.STEP_PARENT: "Step-child",
    RelationshipKind.GRANDPARENT: "Grandchild",
    RelationshipKind.CARER: "Cared for",
    RelationshipKind.SIGNIFICANT_ADULT: "Significant to",
}


class Relationship(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT)
    source_id = models.CharField(max_length=100)
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="relationships_from")
    relative = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="relationships_to")
    kind = models.CharField(max_length=20, choices=RelationshipKind.choices)
    parental_responsibility = models.BooleanField(default=False)
    legal_union = models.CharField(
        max_length=20, choices=LegalUnion.choices, blank=True, help_text="Partners only."
    )
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    content_hash = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "source_id"], name="relationship_source"),
            models.CheckConstraint(
                condition=~models.Q(person=models.F("relative")), name="relationship_not_to_self"
            ),
        ]
        indexes = [
            models.Index(fields=["person"], name="rel_person"),
            models.Index(fields=["relative"], name="rel_relative"),
        ]

    def __str__(self) -> str:
        return f"{self.person} is {self.get_kind_display().lower()} of {self.relative}"

    @property
    def is_current(self) -> bool:
        return self.ended_on is None
