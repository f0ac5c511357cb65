"""Agencies around a child, their teams, and the practitioners who sign in."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models


class AgencyKind(models.TextChoices):
    CHILDRENS_SOCIAL_CARE = "csc", "Children's social care"
    POLICE = "police", "Police"
    GP = "gp", "GP practice"
    MIDWIFERY = "midwifery", "Midwifery"
    HEALTH_VISITING = "health_visiting", "Health visiting"
    SCHOOL_NURSING = "school_nursing", "School nursing"
    HOSPITAL = "hospital", "Hospital and emergency department"
    AMBULANCE = "ambulance", "Ambulance and 111"
    EDUCATION = "education", "School or early years"
    PROBATION = "probation", "Probation"
    ADULT_MENTAL_HEALTH = "adult_mental_health", "Adult mental health"
    DRUG_ALCOHOL = "drug_alcohol", "Drug and alcohol service"
    HOUSING = "housing", "Housing"
    CAFCASS = "cafcass", "CAFCASS"
    VOLUNTARY = "voluntary", "Voluntary sector"


class Nation(models.TextChoices):
    """UK nations, for their bank holidays when counting working days."""

    ENGLAND = "ENG", "England"
    WALES = "WLS", "Wales"
    SCOTLAND = "SCT", "Scotland"
    NORTHERN_IRELAND = "NIR", "Northern Ireland"


class Agency(models.Model):
    code = models.SlugField(max_length=40, unique=True, help_text="Used in feeds, e.g. 'csc'.")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=AgencyKind.choices)
    nation = models.CharField(max_length=3, choices=Nation.choices, default=Nation.ENGLAND)
    local_authority = models.CharField(max_length=100, blank=True)

    class Meta:
        verbose_name_plural = "agencies"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TeamKind(models.TextChoices):
    MASH = "mash", "MASH (front door)"
    ASSESSMENT = "assessment", "Assessment"
    CHILD_IN_NEED = "cin", "Child in need"
    CHILD_PROTECTION = "cp", "Child protection"
    CONFERENCE = "conference", "Conference and review"
    EARLY_HELP = "early_help", "Early help"
    LOOKED_AFTER = "looked_after", "Looked after children"
    PUBLIC_PROTECTION = "public_protection", "Public protection"
    SAFEGUARDING = "safeguarding", "Safeguarding leads"
    UNIVERSAL = "universal", "Universal service"
    SPECIALIST = "specialist", "Specialist service"
    PARTNERSHIP = "partnership", "Partnership business unit"


class Team(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=TeamKind.choices)

    class Meta:
        ordering = ["agency__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "name"], name="team_unique_name_in_agency")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.agency.name})"


class Role(models.TextChoices):
    PRACTITIONER = "practitioner", "Practitioner"
    PRACTICE_MANAGER = "practice_manager", "Practice manager"
    TEAM_MANAGER = "team_manager", "Team manager"
    SERVICE_MANAGER = "service_manager", "Service manager"
    MASH = "mash", "MASH practitioner"
    CP_CHAIR = "cp_chair", "Child protection chair"
    SAFEGUARDING_LEAD = "safeguarding_lead", "Designated safeguarding lead"
    ANALYST = "analyst", "Partnership analyst"
    ADMIN = "admin", "System administrator"


class Practitioner(AbstractUser):
    """A person who signs in: always a member of one agency, usually of one team."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="practitioners", null=True, blank=True
    )
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="members", null=True, blank=True
    )
    role = models.CharField(max_length=30, choices=Role.choices, default=Role.PRACTITIONER)
    job_title = models.CharField(max_length=200, blank=True)
    manager = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="reports"
    )

    class Meta:
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_mash(self) -> bool:
        return self.role == Role.MASH or (self.team is not None and self.team.kind == TeamKind.MASH)


class Absence(models.Model):
    """A practitioner away from work (leave, sickness): their actions need cover meanwhile."""

    practitioner = models.ForeignKey(
        Practitioner, on_delete=models.CASCADE, related_name="absences"
    )
    starts_on = models.DateField()
    ends_on = models.DateField()
    reason = models.CharField(max_length=100, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="absence_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.practitioner} away {self.starts_on} to {self.ends_on}"
