"""Assessments of a child (single, section 47, pre-birth, parenting), the DASH risk checklist for
a victim of domestic abuse, and the child-focused domestic abuse risk tool.

Each is a record of its own with real columns; every step of it is also written into the shared
chronology (``chronicle.py``), which is what the other agencies and the learning checks read."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from threadline.agencies.models import Agency
from threadline.people.models import Person


class AssessmentKind(models.TextChoices):
    """The values are the chronology's outcome words, so the start event says what started."""

    SINGLE_ASSESSMENT = "single_assessment", "Single assessment"
    SECTION_47 = "section_47", "Section 47 enquiry"
    PRE_BIRTH = "pre_birth", "Pre-birth assessment"
    PARENTING = "parenting", "Parenting assessment"


class AssessmentOutcome(models.TextChoices):
    """What the assessment concluded, in the chronology's outcome words."""

    NO_FURTHER_ACTION = "no_further_action", "No further action"
    EARLY_HELP = "early_help", "Early help"
    CIN_PLAN = "cin_plan", "Child in need plan"
    SECTION_47 = "section_47", "Strategy discussion and section 47 enquiry"
    ICPC = "icpc", "Initial child protection conference"
    CP_PLAN = "cp_plan", "Continue the child protection plan"


class Assessment(models.Model):
    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="assessments")
    kind = models.CharField(max_length=30, choices=AssessmentKind.choices)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="assessments")
    lead_practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="led_assessments"
    )
    referred_on = models.DateField(help_text="The referral date: the timescale runs from here.")
    started_on = models.DateField()
    due_on = models.DateField(help_text="The last day the timescale allows.")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField()
    # At completion.
    completed_on = models.DateField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    child_seen_on = models.DateField(null=True, blank=True)
    child_seen_alone_on = models.DateField(null=True, blank=True)
    child_views = models.TextField(
        blank=True, help_text="The child's wishes and feelings, or their lived experience."
    )
    fathers_assessed = models.BooleanField(
        null=True, blank=True, help_text="Whether the father or male carers were assessed."
    )
    fathers_note = models.TextField(blank=True, help_text="Why not, if they were not.")
    significant_adults_assessed = models.TextField(blank=True)
    analysis = models.TextField(blank=True)
    outcome = models.CharField(max_length=30, choices=AssessmentOutcome.choices, blank=True)
    # A manager's sign-off.
    authorised_on = models.DateField(null=True, blank=True)
    authorised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    authorisation_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_on", "-pk"]
        indexes = [models.Index(fields=["child", "kind"], name="assessment_child_kind")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(started_on__gte=models.F("referred_on")),
                name="assessment_starts_after_referral",
            ),
            models.CheckConstraint(
                condition=models.Q(completed_on__isnull=True)
                | models.Q(completed_on__gte=models.F("started_on")),
                name="assessment_completes_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(authorised_on__isnull=True)
                | models.Q(completed_on__isnull=False, authorised_on__gte=models.F("completed_on")),
                name="assessment_authorised_after_completion",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} started {self.started_on:%d %b %Y}"

    @property
    def is_completed(self) -> bool:
        return self.completed_on is not None

    @property
    def is_authorised(self) -> bool:
        return self.authorised_on is not None

    @property
    def status(self) -> str:
        if self.is_authorised:
            return "Authorised"
        if self.is_completed:
            return "Completed, awaiting authorisation"
        return "In progress"


class Answer(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    NOT_KNOWN = "not_known", "Not known"


class RiskLevel(models.TextChoices):
    """DASH risk levels, in the chronology's outcome words."""

    STANDARD = "standard_risk", "Standard risk"
    MEDIUM = "medium_risk", "Medium risk"
    HIGH = "high_risk", "High risk"


class DashChecklist(models.Model):
    """The SafeLives DASH risk identification checklist, completed with a victim."""

    victim = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="dash_checklists")
    perpetrator = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    completed_on = models.DateField()
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    completed_at = models.DateTimeField()
    yes_count = models.PositiveSmallIntegerField()
    professional_judgement = models.BooleanField(default=False)
    judgement_reason = models.TextField(blank=True)
    repeat_incident = models.BooleanField(
        default=False, help_text="Within 12 months of a previous MARAC referral."
    )
    level = models.CharField(max_length=20, choices=RiskLevel.choices)
    marac_referred_on = models.DateField(null=True, blank=True)
    marac_referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-completed_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(yes_count__lte=24), name="dash_at_most_24_yes"
            ),
            models.CheckConstraint(
                condition=models.Q(professional_judgement=False) | ~models.Q(judgement_reason=""),
                name="dash_judgement_has_a_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"DASH checklist of {self.completed_on:%d %b %Y}"

    @property
    def marac_due(self) -> bool:
        """High risk, or a repeat incident, goes to MARAC."""
        return self.level == RiskLevel.HIGH or self.repeat_incident


class DashAnswer(models.Model):
    checklist = models.ForeignKey(DashChecklist, on_delete=models.CASCADE, related_name="answers")
    question = models.PositiveSmallIntegerField()
    answer = models.CharField(max_length=10, choices=Answer.choices)

    class Meta:
        ordering = ["question"]
        constraints = [
            models.UniqueConstraint(fields=["checklist", "question"], name="dash_answer_once"),
            models.CheckConstraint(
                condition=models.Q(question__gte=1, question__lte=24), name="dash_question_1_to_24"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.answer}"


class Grade(models.IntegerChoices):
    """How far one factor in the child's experience goes; the levels are the tool's levels."""

    ABSENT = 0, "Not present or not known"
    LEVEL_1 = 1, "Level 1"
    LEVEL_2 = 2, "Level 2"
    LEVEL_3 = 3, "Level 3"
    LEVEL_4 = 4, "Level 4"


class ChildRiskAssessment(models.Model):
    """The child-focused domestic abuse risk tool: each factor graded, and an overall level."""

    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="child_risks")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    completed_on = models.DateField()
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    completed_at = models.DateTimeField()
    present_or_injured = models.PositiveSmallIntegerField(choices=Grade.choices)
    under_one_or_unborn = models.PositiveSmallIntegerField(choices=Grade.choices)
    child_affected = models.PositiveSmallIntegerField(choices=Grade.choices)
    used_to_control = models.PositiveSmallIntegerField(choices=Grade.choices)
    contact_conflict = models.PositiveSmallIntegerField(choices=Grade.choices)
    perpetrator_problems = models.PositiveSmallIntegerField(choices=Grade.choices)
    escalation = models.PositiveSmallIntegerField(choices=Grade.choices)
    level = models.PositiveSmallIntegerField(
        choices=[(n, f"Level {n}") for n in range(1, 5)],
        help_text="The overall level: the highest factor's, or higher by judgement.",
    )
    judgement_reason = models.TextField(
        blank=True, help_text="Why the level is higher than the factors alone give."
    )
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-completed_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=4), name="child_risk_level_1_to_4"
            )
        ]

    def __str__(self) -> str:
        return f"Child's domestic abuse risk, level {self.level}, {self.completed_on:%d %b %Y}"
