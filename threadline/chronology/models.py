"""The multi-agency chronology: append-only events, corrected by new versions."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from threadline.agencies.models import Agency
from threadline.chronology.vocabulary import (
    DatePrecision,
    EventType,
    Outcome,
    Reliability,
    Sensitivity,
    Significance,
)
from threadline.people.models import Person


class Event(models.Model):
    """A significant event, as one agency recorded it.

    Never updated in place: a correction is a new row with ``version + 1`` that ``supersedes``
    the old one, and the old one stops being current.
    """

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="events")
    source_id = models.CharField(max_length=100)
    version = models.PositiveIntegerField(default=1)
    supersedes = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="superseded_by"
    )
    is_current = models.BooleanField(default=True)
    event_type = models.CharField(max_length=40, choices=EventType.choices)
    occurred_at = models.DateTimeField()
    precision = models.CharField(
        max_length=10, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    recorded_at = models.DateTimeField()
    received_at = models.DateTimeField()
    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True
    )
    practitioner_name = models.CharField(max_length=200, blank=True)
    summary = models.CharField(max_length=500)
    detail = models.TextField(blank=True)
    reliability = models.CharField(
        max_length=20, choices=Reliability.choices, default=Reliability.VERIFIED
    )
    significance = models.CharField(
        max_length=15, choices=Significance.choices, default=Significance.ROUTINE
    )
    sensitivity = models.CharField(max_length=20, choices=Sensitivity.choices, blank=True)
    outcome = models.CharField(max_length=30, choices=Outcome.choices, blank=True)
    due_on = models.DateField(
        null=True, blank=True, help_text="A date the event points to: a planned release, a meeting."
    )
    counterpart = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The other agency: the one told, invited, or whose information is acknowledged.",
    )
    refers_to = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="answers",
        help_text="The event this one answers: the meeting minutes are for, the action completed.",
    )
    content_hash = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "source_id", "version"], name="event_source_version"
            ),
            models.UniqueConstraint(
                fields=["agency", "source_id"],
                condition=models.Q(is_current=True),
                name="event_one_current_version",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d} {self.get_event_type_display()}: {self.summary}"


class SubjectRole(models.TextChoices):
    SUBJECT = "subject", "Subject"
    VICTIM = "victim", "Victim"
    ALLEGED_PERPETRATOR = "alleged_perpetrator", "Alleged perpetrator"
    WITNESS = "witness", "Witness"
    PRESENT = "present", "Present"
    INVITED = "invited", "Invited"
    APOLOGIES = "apologies", "Sent apologies"
    MONITORED = "monitored", "Person a condition applies to"
    MENTIONED = "mentioned", "Mentioned"


class EventPerson(models.Model):
    """Who an event concerns. Time, type, agency and currency are copied here from the event so
    a person's chronology is read from one index, newest first, at any size."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="people")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="event_links")
    role = models.CharField(max_length=25, choices=SubjectRole.choices, default=SubjectRole.SUBJECT)
    occurred_at = models.DateTimeField()
    event_type = models.CharField(max_length=40, choices=EventType.choices)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    significance = models.CharField(max_length=15, choices=Significance.choices)
    is_current = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="event_person_unique")
        ]
        indexes = [
            models.Index(
                fields=["person", "-occurred_at"],
                condition=models.Q(is_current=True),
                name="chronology_current",
            ),
            # A person's entries of given types (the risk panel's arrests and incidents of the
            # adults around a child) without reading the rest of a long record. Type first, so
            # that SQLite never prefers it to chronology_current for the chronology itself.
            models.Index(
                fields=["event_type", "person", "-occurred_at"],
                condition=models.Q(is_current=True),
                name="chronology_current_by_type",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} in {self.event}"
