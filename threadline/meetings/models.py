"""Multi-agency meetings about a child: who was invited, who came, what was decided, the
actions set, and the minutes with each agency's receipt. One authoritative record per meeting."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from threadline.agencies.models import Agency
from threadline.people.models import Person


class MeetingKind(models.TextChoices):
    STRATEGY_DISCUSSION = "strategy_discussion", "Strategy discussion"
    ICPC = "icpc", "Initial child protection conference"
    RCPC = "rcpc", "Review child protection conference"
    CORE_GROUP = "core_group", "Core group"
    CIN_REVIEW = "cin_review", "Child in need review"
    TEAM_AROUND_FAMILY = "team_around_family", "Team around the family"
    PROFESSIONALS = "professionals", "Professionals' meeting (without parents)"
    MARAC = "marac", "MARAC"
    GP_SAFEGUARDING = "gp_safeguarding", "GP practice safeguarding meeting"
    TRANSFER_IN = "transfer_in", "Transfer-in conference"


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"


class Meeting(models.Model):
    kind = models.CharField(max_length=30, choices=MeetingKind.choices)
    status = models.CharField(
        max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    children = models.ManyToManyField(Person, related_name="meetings")
    convened_by = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="meetings")
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="chaired_meetings",
    )
    scheduled_for = models.DateTimeField()
    venue = models.CharField(max_length=200, blank=True)
    held_at = models.DateTimeField(null=True, blank=True)
    follows = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="followed_by",
        help_text="The meeting that decided this one (a strategy discussion for an ICPC).",
    )
    latest_date = models.DateField(
        null=True, blank=True, help_text="The last day the statutory timescale allows."
    )
    delay_reason = models.TextField(
        blank=True, help_text="Why the meeting is booked after its statutory timescale."
    )
    reason_for_referral = models.TextField(
        help_text="The original reason for referral, kept at the head of the minutes and plan."
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="booked_meetings"
    )
    booked_at = models.DateTimeField()

    class Meta:
        ordering = ["-scheduled_for"]
        indexes = [models.Index(fields=["kind", "scheduled_for"], name="meeting_kind_when")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.scheduled_for:%d %b %Y}"

    @property
    def is_held(self) -> bool:
        return self.status == MeetingStatus.HELD


class Response(models.TextChoices):
    INVITED = "invited", "Invited, no reply"
    ACCEPTED = "accepted", "Accepted"
    APOLOGIES = "apologies", "Sent apologies"
    ATTENDED = "attended", "Attended"
    DID_NOT_ATTEND = "did_not_attend", "Did not attend"


class Invitation(models.Model):
    """An agency, or a family member, invited to a meeting, and how they answered."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="invitations")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, null=True, blank=True)
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text="A parent, carer or the child, invited in their own right.",
    )
    why = models.CharField(max_length=200, blank=True)
    response = models.CharField(max_length=20, choices=Response.choices, default=Response.INVITED)
    invited_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(agency__isnull=False, person__isnull=True)
                | models.Q(agency__isnull=True, person__isnull=False),
                name="invitation_is_agency_or_person",
            ),
            models.UniqueConstraint(
                fields=["meeting", "agency"],
                condition=models.Q(agency__isnull=False),
                name="invitation_agency_once",
            ),
            models.UniqueConstraint(
                fields=["meeting", "person"],
                condition=models.Q(person__isnull=False),
                name="invitation_person_once",
            ),
        ]

    def __str__(self) -> str:
        return str(self.agency or self.person)


class Decision(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    outcome = models.CharField(max_length=30, blank=True)
    text = models.TextField()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.text[:80]


class MeetingAction(models.Model):
    """Something the meeting asked an agency to do, by when. The chair's actions set for a
    step-down must be done before it happens (Ag)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField()
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True
    )
    owner_name = models.CharField(max_length=200, blank=True)
    due_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.description[:80]

    @property
    def is_open(self) -> bool:
        return self.completed_on is None


class Minutes(models.Model):
    """The minutes (or core group notes) of a held meeting, written here or uploaded."""

    meeting = models.OneToOneField(Meeting, on_delete=models.PROTECT, related_name="minutes")
    text = models.TextField(blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    file_type = models.CharField(max_length=100, blank=True)
    file_content = models.BinaryField(blank=True, editable=False)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField()
    due_on = models.DateField(help_text="The day they must be with every agency.")
    circulated_at = models.DateTimeField(null=True, blank=True)
    circulated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name_plural = "minutes"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(text="") | ~models.Q(file_name=""),
                name="minutes_have_content",
            )
        ]

    def __str__(self) -> str:
        return f"Minutes of {self.meeting}"


class MinutesCopy(models.Model):
    """The minutes sent to one agency, and its confirmation that it has them."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="copies")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT)
    sent_at = models.DateTimeField()
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["minutes", "agency"], name="minutes_copy_once")
        ]

    def __str__(self) -> str:
        return f"{self.minutes} to {self.agency}"
