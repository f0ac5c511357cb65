"""The controlled vocabulary of chronology events, and how much of a date is known."""

from __future__ import annotations

from django.db import models


class EventType(models.TextChoices):
    REFERRAL = "referral", "Referral"
    CONTACT = "contact", "Contact"
    HOME_VISIT = "home_visit", "Home visit"
    CHILD_SEEN = "child_seen", "Child seen"
    CHILD_SEEN_ALONE = "child_seen_alone", "Child seen alone"
    CHILD_NOT_SEEN = "child_not_seen", "Visit where the child was not seen"
    POLICE_INCIDENT = "police_incident", "Police incident"
    DOMESTIC_ABUSE_INCIDENT = "domestic_abuse_incident", "Domestic abuse incident"
    ARREST = "arrest", "Arrest"
    CHARGE_OR_CONVICTION = "charge_or_conviction", "Charge or conviction"
    CUSTODY_START = "custody_start", "Remanded or sentenced to custody"
    RELEASE_FROM_CUSTODY = "release_from_custody", "Release from custody"
    EMERGENCY_ATTENDANCE = "emergency_attendance", "Emergency department attendance"
    AMBULANCE_CALL = "ambulance_call", "Ambulance or 111 call"
    HOSPITAL_ADMISSION = "hospital_admission", "Hospital admission"
    INJURY_OBSERVED = "injury_observed", "Injury or mark observed"
    ALLEGATION = "allegation", "Allegation of harm"
    DISCLOSURE = "disclosure", "Disclosure"
    MEETING = "meeting", "Meeting"
    STRATEGY_DISCUSSION = "strategy_discussion", "Strategy discussion"
    CONFERENCE = "conference", "Child protection conference"
    ASSESSMENT_STARTED = "assessment_started", "Assessment started"
    ASSESSMENT_COMPLETED = "assessment_completed", "Assessment completed"
    PLAN_STARTED = "plan_started", "Plan started"
    PLAN_REVIEWED = "plan_reviewed", "Plan reviewed"
    PLAN_ENDED = "plan_ended", "Plan ended"
    ADDRESS_MOVE = "address_move", "Move of address"
    MISSED_APPOINTMENT = "missed_appointment", "Missed appointment"
    APPOINTMENT_ATTENDED = "appointment_attended", "Appointment attended"
    SERVICE_OPENED = "service_opened", "Service opened"
    SERVICE_CLOSED = "service_closed", "Service closed"
    BIRTH = "birth", "Birth"
    PREGNANCY_BOOKED = "pregnancy_booked", "Pregnancy booked"
    DEATH = "death", "Death"
    SCHOOL_ABSENCE = "school_absence", "School absence"
    EXCLUSION = "exclusion", "School exclusion"
    MISSING_EPISODE = "missing_episode", "Missing episode"
    MENTAL_HEALTH_CRISIS = "mental_health_crisis", "Mental health crisis"
    SUBSTANCE_USE = "substance_use", "Substance use observed or disclosed"
    DRUG_TEST = "drug_test", "Drug or alcohol test"
    ADVICE_GIVEN = "advice_given", "Advice given"
    INFORMATION_SHARED = "information_shared", "Information shared"
    COURT = "court", "Court hearing or order"
    CONTACT_SESSION = "contact_session", "Family contact session"
    CONCERN = "concern", "Concern raised"
    ESCALATION = "escalation", "Professional escalation"
    NOTE = "note", "Case note"


class DatePrecision(models.TextChoices):
    """How much of ``occurred_at`` the source actually knew."""

    MINUTE = "minute", "Date and time"
    DAY = "day", "Date"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


class Reliability(models.TextChoices):
    VERIFIED = "verified", "Verified"
    SELF_REPORTED = "self_reported", "Self-reported"
    THIRD_PARTY = "third_party", "Third party"


class Significance(models.TextChoices):
    ROUTINE = "routine", "Routine"
    SIGNIFICANT = "significant", "Significant"
    CRITICAL = "critical", "Critical"
