"""Code lists of the DfE Children in Need census, as the census specification gives them."""

from __future__ import annotations

from django.db import models


class CategoryOfAbuse(models.TextChoices):
    NEGLECT = "NEG", "Neglect"
    PHYSICAL = "PHY", "Physical abuse"
    EMOTIONAL = "EMO", "Emotional abuse"
    SEXUAL = "SAB", "Sexual abuse"
    MULTIPLE = "MUL", "Multiple"


class ReferralSource(models.TextChoices):
    INDIVIDUAL_FAMILY = "1A", "Individual: family member, relative or carer"
    INDIVIDUAL_ACQUAINTANCE = "1B", "Individual: acquaintance"
    INDIVIDUAL_SELF = "1C", "Individual: self"
    INDIVIDUAL_OTHER = "1D", "Individual: other"
    SCHOOLS = "2A", "Schools"
    EDUCATION_OTHER = "2B", "Education services"
    HEALTH_GP = "3A", "Health services: GP"
    HEALTH_VISITOR = "3B", "Health services: health visitor"
    HEALTH_SCHOOL_NURSE = "3C", "Health services: school nurse"
    HEALTH_OTHER_PRIMARY = "3D", "Health services: other primary health services"
    HEALTH_AE = "3E", "Health services: A&E"
    HEALTH_OTHER = "3F", "Health services: other"
    HOUSING = "4", "Housing"
    LA_SOCIAL_CARE = "5A", "Local authority: social care"
    LA_OTHER_DEPARTMENT = "5B", "Local authority: other internal department"
    LA_EXTERNAL = "5C", "Local authority: external, e.g. from another authority"
    LA_OTHER = "5D", "Local authority: other"
    POLICE = "6", "Police"
    OTHER_LEGAL = "7", "Other legal agency"
    OTHER = "8", "Other"
    ANONYMOUS = "9", "Anonymous"
    UNKNOWN = "10", "Unknown"


class PrimaryNeed(models.TextChoices):
    ABUSE_OR_NEGLECT = "N1", "Abuse or neglect"
    DISABILITY = "N2", "Child's disability"
    PARENTAL_ILLNESS = "N3", "Parental illness or disability"
    FAMILY_IN_ACUTE_STRESS = "N4", "Family in acute stress"
    FAMILY_DYSFUNCTION = "N5", "Family dysfunction"
    SOCIALLY_UNACCEPTABLE_BEHAVIOUR = "N6", "Socially unacceptable behaviour"
    LOW_INCOME = "N7", "Low income"
    ABSENT_PARENTING = "N8", "Absent parenting"
    CASES_OTHER_THAN_CHILDREN_IN_NEED = "N9", "Cases other than children in need"
    NOT_STATED = "N0", "Not stated"


class ReasonForClosure(models.TextChoices):
    ADOPTED = "RC1", "Adopted"
    DIED = "RC2", "Died"
    RESIDENCE_ORDER = "RC3", "Child arrangements order"
    SPECIAL_GUARDIANSHIP = "RC4", "Special guardianship order"
    TRANSFERRED = "RC5", "Transferred to services of another local authority"
    TRANSFERRED_ADULT_SERVICES = "RC6", "Transferred to adult social care"
    OTHER = "RC7", "Services ceased for any other reason, including child no longer in need"
    NO_FURTHER_ACTION = "RC8", "Case closed after assessment, no further action"
    REFERRED_TO_EARLY_HELP = "RC9", "Case closed after assessment, referred to early help"


class AssessmentFactor(models.TextChoices):
    ALCOHOL_CHILD = "1A", "Alcohol misuse: child"
    ALCOHOL_PARENT = "1B", "Alcohol misuse: parent or carer"
    ALCOHOL_OTHER = "1C", "Alcohol misuse: another person in the household"
    DRUGS_CHILD = "2A", "Drug misuse: child"
    DRUGS_PARENT = "2B", "Drug misuse: parent or carer"
    DRUGS_OTHER = "2C", "Drug misuse: another person in the household"
    DOMESTIC_VIOLENCE_CHILD = "3A", "Domestic violence: child"
    DOMESTIC_VIOLENCE_PARENT = "3B", "Domestic violence: parent or carer"
    DOMESTIC_VIOLENCE_OTHER = "3C", "Domestic violence: another person in the household"
    MENTAL_HEALTH_CHILD = "4A", "Mental health: child"
    MENTAL_HEALTH_PARENT = "4B", "Mental health: parent or carer"
    MENTAL_HEALTH_OTHER = "4C", "Mental health: another person in the household"
    LEARNING_DISABILITY_CHILD = "5A", "Learning disability: child"
    LEARNING_DISABILITY_PARENT = "5B", "Learning disability: parent or carer"
    LEARNING_DISABILITY_OTHER = "5C", "Learning disability: another person in the household"
    PHYSICAL_DISABILITY_CHILD = "6A", "Physical disability or illness: child"
    PHYSICAL_DISABILITY_PARENT = "6B", "Physical disability or illness: parent or carer"
    PHYSICAL_DISABILITY_OTHER = "6C", "Physical disability or illness: another person"
    YOUNG_CARER = "7A", "Young carer"
    PRIVATELY_FOSTERED_OVERSEAS_EDUCATION = "8B", "Privately fostered: overseas for education"
    PRIVATELY_FOSTERED_OVERSEAS_FAMILY = (
        "8C",
        "Privately fostered: overseas, family intends to leave",
    )
    PRIVATELY_FOSTERED_UK_EDUCATION = "8D", "Privately fostered: UK family, for education"
    PRIVATELY_FOSTERED_UK_FAMILY = "8E", "Privately fostered: UK family, parents cannot care"
    PRIVATELY_FOSTERED_OTHER = "8F", "Privately fostered: other"
    UNACCOMPANIED_ASYLUM_SEEKER = "9A", "Unaccompanied asylum seeker"
    MISSING = "10A", "Going or being missing"
    SEXUAL_EXPLOITATION = "11A", "Child sexual exploitation"
    TRAFFICKING = "12A", "Trafficking"
    GANGS = "13A", "Gangs"
    SOCIALLY_UNACCEPTABLE_BEHAVIOUR = "14A", "Socially unacceptable behaviour"
    SELF_HARM = "15A", "Self-harm"
    NEGLECT = "16A", "Neglect"
    EMOTIONAL_ABUSE = "17A", "Emotional abuse"
    PHYSICAL_ABUSE_BY_CHILD = "18B", "Physical abuse by a child"
    PHYSICAL_ABUSE_BY_ADULT = "18C", "Physical abuse by an adult"
    SEXUAL_ABUSE_BY_CHILD = "19B", "Sexual abuse by a child"
    SEXUAL_ABUSE_BY_ADULT = "19C", "Sexual abuse by an adult"
    OTHER = "20", "Other"
    NO_FACTORS = "21", "No factors identified"
    FGM = "22A", "Female genital mutilation"
    FAITH_OR_BELIEF = "23A", "Abuse linked to faith or belief"
    CRIMINAL_EXPLOITATION = "24A", "Child criminal exploitation"
