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
    ESCALATION = "escalation", "Professional disagreement or escalation raised"
    ESCALATION_RESOLVED = "escalation_resolved", "Professional disagreement resolved"
    NOTE = "note", "Case note"
    # Decisions, assessments and management oversight.
    DECISION = "decision", "Decision recorded"
    MANAGEMENT_REVIEW = "management_review", "Manager's review of a decision or plan"
    CHILD_VIEWS_RECORDED = (
        "child_views_recorded",
        "Child's wishes, feelings or lived experience recorded",
    )
    RISK_ASSESSMENT = "risk_assessment", "Risk assessment or appraisal completed"
    DASH_COMPLETED = "dash_completed", "DASH risk checklist completed"
    PAEDIATRIC_ASSESSMENT = "paediatric_assessment", "Paediatric assessment"
    PROGRAMME_COMPLETED = "programme_completed", "Parenting or treatment programme completed"
    ENGAGEMENT = "engagement", "Engagement or progress with a service"
    GENOGRAM_UPDATED = "genogram_updated", "Genogram and ecomap brought up to date"
    FOCUS_CHANGE_RATIONALE = "focus_change_rationale", "Rationale for a change of focus recorded"
    SAFE_SLEEP_PLAN = "safe_sleep_plan", "Targeted safe-sleep plan agreed"
    DRUG_EXPOSURE = "drug_exposure", "Child may have had access to drugs"
    # Meetings, their records and what follows them.
    MEETING_SCHEDULED = "meeting_scheduled", "Meeting scheduled"
    INVITATION = "invitation", "Invitation sent"
    APOLOGIES = "apologies", "Apologies sent"
    CORE_GROUP = "core_group", "Core group meeting"
    CIN_REVIEW = "cin_review", "Child in need review"
    PROFESSIONALS_MEETING_REQUESTED = (
        "professionals_meeting_requested",
        "Professionals' meeting requested",
    )
    PROFESSIONALS_MEETING = "professionals_meeting", "Professionals' meeting (without parents)"
    MARAC_REFERRAL = "marac_referral", "MARAC referral"
    MARAC = "marac", "MARAC meeting"
    GP_SAFEGUARDING_MEETING = "gp_safeguarding_meeting", "GP practice safeguarding meeting"
    JOINT_DISCUSSION = "joint_discussion", "Joint discussion between lead practitioners"
    MINUTES_CIRCULATED = "minutes_circulated", "Minutes or notes circulated"
    MINUTES_RECEIVED = "minutes_received", "Minutes or notes received"
    MEETING_RECORD_AGREED = "meeting_record_agreed", "One authoritative meeting record agreed"
    ACTION_SET = "action_set", "Action set"
    ACTION_COMPLETED = "action_completed", "Action completed"
    WRITTEN_AGREEMENT = "written_agreement", "Written agreement or condition set"
    CONDITION_MONITORED = "condition_monitored", "Condition monitored, evidence recorded"
    CONTACT_RESTRICTION = "contact_restriction", "Restriction or condition on contact with children"
    # Information moving between agencies.
    ACKNOWLEDGEMENT = "acknowledgement", "Receipt acknowledged"
    RELEASE_PLANNED = "release_planned", "Release from custody planned"
    RISK_TO_CHILDREN_ASSESSED = "risk_to_children_assessed", "Assessed as a risk to children"
    TRANSFER_NOTIFIED = "transfer_notified", "Transfer to another authority notified"


class Outcome(models.TextChoices):
    """What a decision, assessment, meeting or test came to: one controlled word."""

    SINGLE_ASSESSMENT = "single_assessment", "Single assessment"
    SECTION_47 = "section_47", "Section 47 enquiry"
    ICPC = "icpc", "Initial child protection conference"
    RCPC = "rcpc", "Review child protection conference"
    TRANSFER_IN = "transfer_in", "Transfer-in conference"
    PRE_BIRTH = "pre_birth", "Pre-birth assessment"
    PARENTING = "parenting", "Parenting assessment"
    NO_FURTHER_ACTION = "no_further_action", "No further action"
    EARLY_HELP = "early_help", "Early help"
    CIN_PLAN = "cin_plan", "Child in need plan"
    CP_PLAN = "cp_plan", "Child protection plan"
    STEP_DOWN = "step_down", "Step down"
    CLOSURE = "closure", "Closure"
    HIGH_RISK = "high_risk", "High risk"
    MEDIUM_RISK = "medium_risk", "Medium risk"
    STANDARD_RISK = "standard_risk", "Standard risk"
    POSITIVE = "positive", "Positive"
    NEGATIVE = "negative", "Negative"
    INTOXICATED = "intoxicated", "Intoxicated"
    NO_CONTACT = "no_contact", "No contact with children"
    SUPERVISED_CONTACT_ONLY = "supervised_contact_only", "Supervised contact only"
    UNSUPERVISED = "unsupervised", "Unsupervised"
    MOVED_OUT_OF_AREA = "moved_out_of_area", "Moved to another local authority"
    DID_NOT_ATTEND = "did_not_attend", "Did not attend"


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


class Sensitivity(models.TextChoices):
    """Categories read more narrowly than the rest of the record (``access.sensitive``)."""

    NONE = "", "Not sensitive"
    SEXUAL_HEALTH = "sexual_health", "Sexual health"
    MENTAL_HEALTH = "mental_health", "Mental health notes"
    POLICE_INTELLIGENCE = "police_intelligence", "Police intelligence"
    ADOPTION = "adoption", "Adoption"
