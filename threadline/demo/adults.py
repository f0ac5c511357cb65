"""What adult-facing services record: police, probation, adult mental health, drug and alcohol
services, and the voluntary sector's domestic abuse support."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from threadline.demo.population import Household, Resident
from threadline.demo.records import Recorder
from threadline.demo.timeline import between, days, left_borough, window_start


@dataclass(frozen=True)
class Incident:
    when: dt.date
    victim: Resident
    perpetrator: Resident
    children: tuple[Resident, ...]
    high_risk: bool


def record_adult_services(rec: Recorder) -> list[Incident]:
    """Adult services' records; returns the domestic abuse incidents, which start referrals."""
    household = rec.household
    incidents = domestic_abuse(rec, household)
    for adult in household.carers + [r for r in household.relatives if r.sex == "male"]:
        if household.risks.offending and adult.sex == "male":
            offending(rec, adult)
    for adult in household.carers:
        if household.risks.mental_health and _chance(rec, adult, 0.7):
            mental_health(rec, household, adult)
        if (household.risks.drugs or household.risks.alcohol) and _chance(rec, adult, 0.6):
            drug_and_alcohol(rec, household, adult)
    return incidents


def _chance(rec: Recorder, adult: Resident, probability: float) -> bool:
    return adult.age_on(rec.today) >= 18 and rec.rng.random() < probability


# --- domestic abuse -------------------------------------------------------------------------


def _abuser_and_victim(household: Household) -> tuple[Resident, Resident] | None:
    women = [adult for adult in household.carers if adult.sex == "female"]
    men = [
        adult
        for adult in household.people
        if adult.sex == "male" and adult.age_on(household.today) >= 18
    ]
    if not women or not men:
        return None
    partner = household.partner
    return (partner if partner in men else men[0]), women[0]


def domestic_abuse(rec: Recorder, household: Household) -> list[Incident]:
    pair = _abuser_and_victim(household) if household.risks.domestic_abuse else None
    if pair is None:
        return []
    perpetrator, victim = pair
    _history(rec, perpetrator)
    incidents = []
    count = rec.rng.choices((1, 2, 3, 4), weights=(40, 30, 20, 10))[0]
    for number in range(count):
        when = between(rec.rng, window_start(rec), rec.today - days(3))
        if number == 0 and household.risks.current:
            when = between(rec.rng, rec.today - days(330), rec.today - days(25))
        children = tuple(child for child in household.children if child.dob < when)
        incident = Incident(when, victim, perpetrator, children, rec.rng.random() < 0.3)
        _police_attend(rec, incident)
        incidents.append(incident)
    return sorted(incidents, key=lambda incident: incident.when)


def _history(rec: Recorder, perpetrator: Resident) -> None:
    """Earlier violence against other partners: on police systems, years before the window."""
    if rec.rng.random() < 0.5:
        return
    when = window_start(rec) - days(rec.rng.randint(200, 2500))
    if when.year - perpetrator.dob.year < 18:
        return
    rec.event(
        "police",
        "charge_or_conviction",
        when,
        [(perpetrator, "subject")],
        "Convicted of assault by beating of a former partner",
        precision="year",
        significance="significant",
    )


def _police_attend(rec: Recorder, incident: Incident) -> None:
    rng = rec.rng
    officer = rec.staff.pick(rng, "police", "Neighbourhood Policing")
    risk = "high" if incident.high_risk else rng.choice(("standard", "medium"))
    people = [(incident.victim, "victim"), (incident.perpetrator, "alleged_perpetrator")]
    people += [(child, "present") for child in incident.children]
    rec.event(
        "police",
        "domestic_abuse_incident",
        incident.when,
        people,
        "Domestic abuse incident at the family home"
        if incident.children
        else "Domestic abuse incident",
        practitioner=officer,
        timed=True,
        detail=f"Verbal argument escalated; victim reported being pushed. DASH risk "
        f"assessment completed: {risk} risk.",
        significance="significant",
        outcome=f"{risk}_risk",
    )
    ppu = rec.staff.pick(rng, "police", "Public Protection Unit")
    # Victim care and the investigation stay open for some months after an incident.
    rec.involvement(
        "police",
        incident.victim,
        "Public Protection Unit",
        incident.when,
        closed=incident.when + days(rng.randint(90, 240)),
        lead=ppu,
        reason=f"Domestic abuse: {risk} risk",
    )
    if rng.random() < 0.4:
        rec.event(
            "police",
            "arrest",
            incident.when,
            [(incident.perpetrator, "subject")],
            "Arrested on suspicion of assault; released under investigation",
            practitioner=officer,
            significance="significant",
        )
    if incident.high_risk:
        _marac(rec, incident, ppu)
    _notify_children(rec, incident, ppu)
    if incident.children and rng.random() < 0.9:
        rec.event(
            "police",
            "information_shared",
            incident.when + days(1),
            [(child, "present") for child in incident.children],
            "Domestic abuse notification to children's social care (MASH)",
            practitioner=ppu,
            counterpart="csc",
        )


def _marac(rec: Recorder, incident: Incident, ppu: str) -> None:
    pair = [(incident.victim, "victim"), (incident.perpetrator, "alleged_perpetrator")]
    rec.event(
        "police",
        "marac_referral",
        incident.when + days(1),
        pair,
        "Referred to MARAC: high risk",
        practitioner=ppu,
    )
    when = incident.when + days(rec.rng.randint(7, 21))
    rec.event(
        "police",
        "marac",
        when,
        [(incident.victim, "victim"), (incident.perpetrator, "alleged_perpetrator")],
        "MARAC: high-risk domestic abuse case heard",
        practitioner=ppu,
        significance="significant",
    )
    lead = rec.involvement(
        "voluntary",
        incident.victim,
        "Domestic Abuse Support Service",
        incident.when + days(3),
        reason="IDVA support after MARAC referral",
        closed=incident.when + days(rec.rng.randint(90, 240)),
    )
    if lead:
        engaged = rec.rng.random() < 0.6
        rec.event(
            "voluntary",
            "appointment_attended" if engaged else "missed_appointment",
            incident.when + days(10),
            [(incident.victim, "subject")],
            "IDVA safety planning session" + ("" if engaged else ": did not attend"),
            practitioner=lead,
        )


def _notify_children(rec: Recorder, incident: Incident, ppu: str) -> None:
    """Operation Encompass: usually, not always, the school (and school nurse or health
    visitor) hears before the next school day."""
    for child in incident.children:
        if rec.rng.random() < 0.15:
            continue
        age = (incident.when - child.dob).days / 365.25
        for receiver in _told_of_incident(rec, child, age):
            _notify(rec, incident, ppu, child, receiver)


def _told_of_incident(rec: Recorder, child: Resident, age: float) -> list[str]:
    receivers = []
    if 4 <= age < 16:
        receivers.append("schools")
    if age < 5 and rec.knows("health-visiting", child):
        receivers.append("health-visiting")
    if 5 <= age < 16 and rec.knows("school-nursing", child):
        receivers.append("school-nursing")
    return receivers


def _notify(rec: Recorder, incident: Incident, ppu: str, child: Resident, receiver: str) -> None:
    what = (
        "Operation Encompass notification"
        if receiver == "schools"
        else "Domestic abuse notification"
    )
    sent = rec.event(
        "police",
        "information_shared",
        incident.when + days(1),
        [(child, "subject")],
        f"{what} sent about last night's incident",
        practitioner=ppu,
        counterpart=receiver,
    )
    if sent and rec.knows(receiver, child):
        rec.event(
            receiver,
            "acknowledgement",
            incident.when + days(1),
            [(child, "subject")],
            f"{what} received from police",
            reliability="third_party",
            significance="significant",
            counterpart="police",
            refers_to={"agency": "police", "id": sent},
        )


# --- offending and probation ----------------------------------------------------------------


def offending(rec: Recorder, adult: Resident) -> None:
    rng = rec.rng
    when = between(rng, window_start(rec), rec.today - days(30))
    officer = rec.staff.pick(rng, "police", "Neighbourhood Policing")
    rec.event(
        "police",
        "arrest",
        when,
        [(adult, "subject")],
        "Arrested for possession of a controlled drug with intent to supply",
        practitioner=officer,
        timed=True,
        significance="significant",
    )
    rec.involvement(
        "police",
        adult,
        "Neighbourhood Policing",
        when,
        lead=officer,
        closed=when + days(rng.randint(200, 900)),
        reason="Integrated offender management",
    )
    sentenced = when + days(rng.randint(40, 200))
    custody = rng.random() < 0.35
    rec.event(
        "police",
        "charge_or_conviction",
        sentenced,
        [(adult, "subject")],
        "Convicted: " + ("sentenced to custody" if custody else "community order"),
        practitioner=officer,
        significance="significant",
    )
    if sentenced > rec.today:
        return
    probation_from = sentenced
    if custody:
        rec.event(
            "probation",
            "custody_start",
            sentenced,
            [(adult, "subject")],
            "Sentenced to 20 months' imprisonment",
            significance="significant",
        )
        probation_from = sentenced + days(300)
        rec.event(
            "probation",
            "release_from_custody",
            probation_from,
            [(adult, "subject")],
            "Released on licence",
            significance="significant",
        )
    _supervision(rec, adult, sentenced, probation_from)


def _supervision(rec: Recorder, adult: Resident, sentenced: dt.date, start: dt.date) -> None:
    rng = rec.rng
    team = "Northshire Probation Delivery Unit"
    closed = start + days(rng.randint(300, 720))
    lead = rec.involvement(
        "probation",
        adult,
        team,
        sentenced,
        closed=closed,
        reason="Supervision on licence or community order",
    )
    if lead is None:
        return
    when = start + days(14)
    while when <= min(closed, rec.today):
        attended = rng.random() < 0.8
        rec.event(
            "probation",
            "appointment_attended" if attended else "missed_appointment",
            when,
            [(adult, "subject")],
            "Supervision appointment" + ("" if attended else ": failed to attend, warning issued"),
            practitioner=lead,
        )
        when += days(rng.randint(21, 56))
    if rng.random() < 0.5:
        rec.event(
            "probation",
            "information_shared",
            start + days(7),
            [(adult, "subject")],
            "Risk to children assessed; MASH informed",
            counterpart="csc",
            practitioner=lead,
        )


# --- adult mental health and drug and alcohol services --------------------------------------


def mental_health(rec: Recorder, household: Household, adult: Resident) -> None:
    rng = rec.rng
    opened = between(rng, window_start(rec), rec.today - days(20))
    closed = opened + days(rng.randint(90, 540)) if rng.random() < 0.45 else None
    gone = left_borough(household)
    closed = min(closed, gone) if closed and gone else (closed or gone)
    lead = rec.involvement(
        "mental-health",
        adult,
        "Community Mental Health Team",
        opened,
        closed=closed,
        reason="Depression and anxiety",
    )
    if lead is None:
        return
    rec.event(
        "mental-health",
        "service_opened",
        opened,
        [(adult, "subject")],
        "Accepted by the community mental health team",
        practitioner=lead,
    )
    think_family(rec, household, adult, "mental-health", opened, "opened", lead)
    if rng.random() < 0.3:
        crisis = between(rng, opened, min(closed or rec.today, rec.today))
        rec.event(
            "mental-health",
            "mental_health_crisis",
            crisis,
            [(adult, "subject")],
            "Seen by the crisis team after expressing suicidal thoughts",
            practitioner=rec.staff.pick(
                rng, "mental-health", "Crisis Resolution and Home Treatment"
            ),
            timed=True,
            significance="significant",
        )
    if closed and closed <= rec.today:
        rec.event(
            "mental-health",
            "service_closed",
            closed,
            [(adult, "subject")],
            "Discharged to the GP",
            practitioner=lead,
        )
        think_family(rec, household, adult, "mental-health", closed, "closed", lead)


def _relapse_referral(
    rec: Recorder, household: Household, adult: Resident, when: dt.date, lead: str
) -> None:
    """A relapse in a parent of children: most workers refer the children the same week."""
    children = [child for child in household.children if child.dob < when]
    if children and rec.rng.random() < 0.7:
        rec.event(
            "drug-alcohol",
            "referral",
            when + days(rec.rng.randint(0, 3)),
            [*((child, "subject") for child in children), (adult, "mentioned")],
            "Referral to children's social care: parent's relapse, children at home",
            practitioner=lead,
            counterpart="csc",
            significance="significant",
        )


def think_family(
    rec: Recorder,
    household: Household,
    adult: Resident,
    code: str,
    when: dt.date,
    change: str,
    lead: str,
) -> None:
    """An adult service telling children's social care that a parent's case opened or closed:
    done in most cases, not all (the gap Child E's review found)."""
    if household.children and rec.rng.random() < 0.6:
        rec.event(
            code,
            "information_shared",
            when + days(rec.rng.randint(0, 2)),
            [(adult, "subject")],
            f"Think Family: children's social care told the case has {change}",
            practitioner=lead,
            counterpart="csc",
        )


def drug_and_alcohol(rec: Recorder, household: Household, adult: Resident) -> None:
    rng = rec.rng
    substance = "alcohol" if household.risks.alcohol else "opiates and crack cocaine"
    opened = between(rng, window_start(rec), rec.today - days(20))
    closed = opened + days(rng.randint(120, 600)) if rng.random() < 0.5 else None
    lead = rec.involvement(
        "drug-alcohol",
        adult,
        "Adult Drug and Alcohol Service",
        opened,
        closed=closed,
        reason=f"Treatment for {substance} use",
    )
    if lead is None:
        return
    rec.event(
        "drug-alcohol",
        "service_opened",
        opened,
        [(adult, "subject")],
        f"Assessed and started treatment for {substance} use",
        practitioner=lead,
    )
    think_family(rec, household, adult, "drug-alcohol", opened, "opened", lead)
    when = opened + days(14)
    last = min(closed or rec.today, rec.today)
    tests = 0
    while when <= last:
        # Early tests show the use that brought the parent to treatment; later ones are
        # mostly clear, and a positive after clear ones is a relapse.
        tests += 1
        clear = rng.random() < (0.3 if tests <= 2 else 0.92)
        result = "negative" if clear else "positive"
        if not clear and tests > 2:
            _relapse_referral(rec, household, adult, when, lead)
        rec.event(
            "drug-alcohol",
            "drug_test",
            when,
            [(adult, "subject")],
            f"Test {result} for {substance}",
            practitioner=lead,
            significance="routine" if clear else "significant",
            outcome=result,
        )
        when += days(rng.randint(28, 70))
    if rng.random() < 0.3:
        lapse = between(rng, opened, last)
        _relapse_referral(rec, household, adult, lapse, lead)
        rec.event(
            "drug-alcohol",
            "substance_use",
            lapse,
            [(adult, "subject")],
            f"Reported a lapse in {substance} use",
            reliability="self_reported",
            practitioner=lead,
            significance="significant",
        )
