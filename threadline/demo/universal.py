"""What universal services record for every household: GP, health visiting, midwifery, schools,
school nursing, hospital and ambulance, housing."""

from __future__ import annotations

import datetime as dt

from threadline.demo.education import school_nursing, schools
from threadline.demo.population import YEAR, Household, Resident
from threadline.demo.records import Recorder
from threadline.demo.timeline import arrived, between, days, left_borough, window_start

PRACTICES = (
    "Riverside Medical Centre",
    "Park Lane Surgery",
    "Market Street Practice",
    "Hollowfield Health Centre",
)


def record_universal_services(rec: Recorder) -> None:
    household = rec.household
    gp(rec, household)
    maternity(rec, household)
    health_visiting(rec, household)
    schools(rec, household)
    school_nursing(rec, household)
    hospital(rec, household)
    housing(rec, household)


# --- GP -------------------------------------------------------------------------------------

GP_CHILD = (
    ("appointment_attended", "Childhood immunisations given", "routine"),
    ("appointment_attended", "Seen with a chest infection; antibiotics prescribed", "routine"),
    ("missed_appointment", "Was not brought to a booked appointment", "routine"),
    ("appointment_attended", "Seen with eczema; emollients prescribed", "routine"),
)
GP_ADULT = (
    ("appointment_attended", "Annual review of asthma", "routine"),
    ("appointment_attended", "Seen with back pain; referred to physiotherapy", "routine"),
    ("missed_appointment", "Did not attend a booked appointment", "routine"),
)


def gp(rec: Recorder, household: Household) -> None:
    practice = PRACTICES[household.index % len(PRACTICES)]
    gone = left_borough(household)
    for person in household.people:
        if not any(home.in_borough for home in person.homes):
            continue  # registered with a practice elsewhere
        team = practice if person.lives_in else rec.rng.choice(PRACTICES)
        closed = gone + days(rec.rng.randint(10, 60)) if gone and person.lives_in else None
        opened = arrived(person)
        lead = rec.involvement(
            "gp", person, team, opened, reason="Registered patient", closed=closed
        )
        _gp_events(rec, household, person, lead or "")
    if rec.household.risks.level >= 2:
        _practice_safeguarding_meeting(rec, household, practice)


def _gp_events(rec: Recorder, household: Household, person: Resident, lead: str) -> None:
    rng = rec.rng
    adult = person.age_on(rec.today) >= 18
    options = GP_ADULT if adult else GP_CHILD
    count = rng.choices((0, 1, 2, 3), weights=(35, 35, 20, 10))[0]
    start = max(window_start(rec), arrived(person))
    for _ in range(count):
        event_type, summary, significance = rng.choice(options)
        if event_type == "missed_appointment" and not adult and household.risks.level >= 2:
            significance = "significant"  # repeated 'was not brought' is a neglect indicator
        when = between(rng, start, rec.today)
        rec.event(
            "gp",
            event_type,
            when,
            [(person, "subject")],
            summary,
            practitioner=lead,
            significance=significance,
        )
    if adult and household.risks.mental_health and rng.random() < 0.6:
        rec.event(
            "gp",
            "appointment_attended",
            between(rng, start, rec.today),
            [(person, "subject")],
            "Seen with low mood and anxiety; medication reviewed",
            practitioner=lead,
        )
    if adult and household.risks.alcohol and rng.random() < 0.4:
        rec.event(
            "gp",
            "substance_use",
            between(rng, start, rec.today),
            [(person, "subject")],
            "Disclosed drinking well above recommended limits; alcohol advice given",
            practitioner=lead,
            reliability="self_reported",
            significance="significant",
        )


def _practice_safeguarding_meeting(rec: Recorder, household: Household, practice: str) -> None:
    children = [(child, "subject") for child in household.children]
    carers = [(adult, "mentioned") for adult in household.carers]
    when = between(rec.rng, window_start(rec, 2), rec.today)
    lead = rec.staff.pick(rec.rng, "gp", practice)
    meeting = rec.event(
        "gp",
        "gp_safeguarding_meeting",
        when,
        [*children, *carers],
        "Practice safeguarding meeting discussed the family",
        practitioner=lead,
        detail="Health visitor and practice safeguarding lead present. Actions: share "
        "attendance concerns with the allocated social worker.",
        significance="significant",
    )
    if meeting and rec.rng.random() < 0.7:
        rec.event(
            "gp",
            "information_shared",
            when + days(rec.rng.randint(1, 4)),
            children,
            "Attendance concerns from the practice safeguarding meeting shared with the "
            "allocated social worker",
            practitioner=lead,
            counterpart="csc",
            refers_to=meeting,
        )


# --- maternity and health visiting -----------------------------------------------------------


def maternity(rec: Recorder, household: Household) -> None:
    mother = household.mother
    if mother is None or not mother.lives_in:
        return
    for child in household.children:
        if child.dob >= window_start(rec) and child.homes[0].in_borough:
            _pregnancy(rec, household, mother, child.dob, child)
    if household.unborn is not None:
        _pregnancy(rec, household, mother, household.unborn.dob, None)


def _midwifery_team(household: Household) -> str:
    if household.risks.level >= 2 or household.risks.drugs:
        return "Vulnerable Women Midwifery Team"
    return "Community Midwives North" if household.index % 2 else "Community Midwives South"


def _pregnancy(
    rec: Recorder, household: Household, mother: Resident, due: dt.date, baby: Resident | None
) -> None:
    rng = rec.rng
    booked = due - days(280 - rng.randint(56, 84))
    team = _midwifery_team(household)
    closed = due + days(28) if baby else None
    lead = rec.involvement(
        "midwifery", mother, team, booked, closed=closed, reason="Antenatal and postnatal care"
    )
    if lead is None:
        return
    rec.event(
        "midwifery",
        "pregnancy_booked",
        booked,
        [(mother, "subject")],
        "Pregnancy booked with the community midwife",
        practitioner=lead,
    )
    disclosed = household.risks.domestic_abuse and rng.random() < 0.4
    rec.event(
        "midwifery",
        "disclosure" if disclosed else "advice_given",
        booked,
        [(mother, "subject")],
        "Routine enquiry about domestic abuse: "
        + ("disclosed past abuse by a partner" if disclosed else "no disclosure"),
        practitioner=lead,
        significance="significant" if disclosed else "routine",
    )
    for week in (16, 28, 36):
        when = due - days((40 - week) * 7)
        missed = rng.random() < (0.25 if household.risks.level >= 2 else 0.06)
        rec.event(
            "midwifery",
            "missed_appointment" if missed else "appointment_attended",
            when,
            [(mother, "subject")],
            f"Antenatal appointment at {week} weeks" + (": did not attend" if missed else ""),
            practitioner=lead,
        )
    if baby is None:
        return
    rec.event(
        "midwifery",
        "birth",
        baby.dob,
        [(baby, "subject"), (mother, "present")],
        "Born at Northshire General Hospital",
        practitioner=lead,
    )
    rec.event(
        "midwifery",
        "advice_given",
        baby.dob + days(rng.randint(2, 9)),
        [(mother, "subject"), (baby, "subject")],
        "Postnatal home visit; safe sleep advice given",
        practitioner=lead,
    )


REVIEWS = (
    (12, "home_visit", "New birth visit; safe sleep advice given"),
    (45, "appointment_attended", "6 to 8 week review"),
    (380, "appointment_attended", "One year review"),
    (820, "appointment_attended", "Two to two-and-a-half year review"),
)


def health_visiting(rec: Recorder, household: Household) -> None:
    team = "Health Visiting North" if household.index % 2 else "Health Visiting South"
    gone = left_borough(household)
    for child in household.children:
        fifth = child.dob + days(5 * YEAR)
        if fifth < window_start(rec) or (not child.home.in_borough and gone is None):
            continue
        closed = min(fifth, gone) if gone else fifth
        lead = rec.involvement(
            "health-visiting",
            child,
            team,
            arrived(child),
            closed=closed,
            reason="Healthy Child Programme",
        )
        if lead is None:
            continue
        _hv_reviews(rec, household, child, lead, closed)
    if household.unborn is not None and household.mother is not None:
        antenatal = household.unborn.dob - days(rec.rng.randint(40, 70))
        rec.involvement(
            "health-visiting",
            household.mother,
            team,
            antenatal,
            reason="Antenatal contact, Healthy Child Programme",
        )


def _hv_reviews(
    rec: Recorder, household: Household, child: Resident, lead: str, closed: dt.date
) -> None:
    carer = household.mother or household.partner
    for offset, event_type, summary in REVIEWS:
        when = child.dob + days(offset + rec.rng.randint(0, 20))
        if when > closed or when < window_start(rec):
            continue
        missed = rec.rng.random() < (0.3 if household.risks.level >= 2 else 0.07)
        people = [(child, "subject")] + ([(carer, "present")] if carer else [])
        if missed:
            rec.event(
                "health-visiting",
                "missed_appointment",
                when,
                people,
                f"{summary}: not brought, no reply at home",
                practitioner=lead,
                significance="significant" if household.risks.level >= 2 else "routine",
            )
        else:
            rec.event("health-visiting", event_type, when, people, summary, practitioner=lead)
    _safe_sleep_plan(rec, household, child, lead)


def _safe_sleep_plan(rec: Recorder, household: Household, child: Resident, lead: str) -> None:
    """Where parents drink or use drugs, advice alone is not enough: most health visitors agree
    a safe-sleep plan for the baby."""
    risky = household.risks.drugs or household.risks.alcohol
    when = child.dob + days(rec.rng.randint(14, 30))
    if risky and when >= window_start(rec) and rec.rng.random() < 0.7:
        carers = [(carer, "present") for carer in household.carers]
        rec.event(
            "health-visiting",
            "safe_sleep_plan",
            when,
            [(child, "subject"), *carers],
            "Safe-sleep plan agreed with the parents: where the baby sleeps, no co-sleeping "
            "after drinking",
            practitioner=lead,
        )


# --- hospital and ambulance -----------------------------------------------------------------

ED_REASONS = (
    "Attended with a head injury after a fall; discharged",
    "Attended with breathing difficulty; observed and discharged",
    "Attended with abdominal pain; discharged with advice",
    "Attended with a wrist injury; X-ray, no fracture",
    "Attended with a high temperature; discharged",
)


def hospital(rec: Recorder, household: Household) -> None:
    rng = rec.rng
    for person in household.people:
        if not person.home.in_borough:
            continue
        child = person.age_on(rec.today) < 18
        chance = 0.35 if child and person.age_on(rec.today) < 5 else 0.18
        if household.risks.level >= 2 or household.risks.alcohol:
            chance += 0.2
        while rng.random() < chance:
            chance /= 2
            when = between(rng, max(window_start(rec), person.dob), rec.today)
            by_ambulance = rng.random() < 0.25
            if by_ambulance:
                rec.event(
                    "ambulance",
                    "ambulance_call",
                    when,
                    [(person, "subject")],
                    "999 call; conveyed to the emergency department",
                    timed=True,
                )
            rec.event(
                "hospital",
                "emergency_attendance",
                when,
                [(person, "subject")],
                rng.choice(ED_REASONS),
                timed=True,
                significance="significant" if child and household.risks.level else "routine",
            )
    _paediatric_outpatients(rec, household)


def _paediatric_outpatients(rec: Recorder, household: Household) -> None:
    for child in household.children:
        if rec.rng.random() < 0.05 and child.home.in_borough:
            opened = between(rec.rng, max(child.dob, window_start(rec)), rec.today)
            rec.involvement(
                "hospital", child, "Paediatrics", opened, reason="Paediatric outpatient follow-up"
            )


# --- housing --------------------------------------------------------------------------------


def housing(rec: Recorder, household: Household) -> None:
    if not household.risks.housing_need:
        return
    tenant = household.carers[0] if household.carers else household.adults[0]
    opened = between(rec.rng, window_start(rec), rec.today)
    closed = opened + days(rec.rng.randint(60, 400)) if rec.rng.random() < 0.5 else None
    lead = rec.involvement(
        "housing",
        tenant,
        "Housing Options",
        opened,
        closed=closed,
        reason="Homelessness application",
    )
    if lead is None:
        return
    rec.event(
        "housing",
        "service_opened",
        opened,
        [(tenant, "subject")],
        "Homelessness application taken; temporary accommodation offered",
        practitioner=lead,
        significance="significant",
    )
    for home in household.homes[1:]:
        if home.moved_in:
            rec.event(
                "housing",
                "address_move",
                home.moved_in,
                [(tenant, "subject")],
                f"Moved to {home.line1}, {home.town} ({home.local_authority})",
                practitioner=lead,
            )
