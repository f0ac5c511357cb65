"""Children's social care journeys: contact, early help, child in need, child protection and care.

A household's ``risks.level`` decides how far its journey goes; its domestic abuse incidents,
if any, are what brings it to the front door. Practice is good in most households and patchy in
some (a child not seen alone, a school not invited), so the learning checks have both to see.
"""

from __future__ import annotations

import datetime as dt

from threadline.demo import practice
from threadline.demo.adults import Incident
from threadline.demo.journey import Journey, child_in_need, early_help
from threadline.demo.population import Household
from threadline.demo.protection import child_protection
from threadline.demo.records import Recorder
from threadline.demo.timeline import between, days, window_start


def record_social_care(rec: Recorder, incidents: list[Incident]) -> None:
    household = rec.household
    private_law(rec, household)
    children = [child for child in household.children if child.age_on(rec.today) < 18]
    if household.risks.level == 0 or not children:
        return
    side = "North" if household.index % 2 else "South"
    journey = Journey(rec, household, children, side, rec.rng.random() < 0.65)
    journey.factors = _factors(household)
    start, source, reason = _referral(journey, incidents)
    journey.children = [child for child in children if child.dob <= start]
    if not journey.children:
        return
    _front_door(journey, start, source, reason)
    level = household.risks.level
    if level >= 2:
        pre_birth(journey)
    if level == 1:
        _early_help_or_advice(journey, start + days(3), reason)
    elif level == 2:
        child_in_need(journey, start, source, reason)
    else:
        child_protection(journey, start, source, reason)


def pre_birth(journey: Journey) -> None:
    """A baby due in a family already known to children's social care is assessed before
    birth; the unborn child has a record of their own, under the expected date."""
    rec, household = journey.rec, journey.household
    unborn, mother = household.unborn, household.mother
    if unborn is None or mother is None or not household.risks.current:
        return
    start = rec.today - days(journey.rng.randint(5, 40))
    team = f"Assessment Team {journey.side}"
    lead = rec.involvement("csc", unborn, team, start, reason="Pre-birth assessment")
    rec.event(
        "csc",
        "assessment_started",
        start,
        [(unborn, "subject"), (mother, "mentioned")],
        "Pre-birth assessment started",
        practitioner=lead or "",
    )


def _factors(household: Household) -> list[str]:
    risks = household.risks
    codes = [
        ("1B", risks.alcohol),
        ("2B", risks.drugs),
        ("3B", risks.domestic_abuse),
        ("4B", risks.mental_health),
        ("16A", risks.neglect),
    ]
    return [code for code, present in codes if present] or ["21"]


def _referral(journey: Journey, incidents: list[Incident]) -> tuple[dt.date, str, str]:
    rec = journey.rec
    if journey.household.risks.current:
        first, last = rec.today - days(330), rec.today - days(20)
    else:
        first, last = window_start(rec), rec.today - days(400)
    for incident in incidents:
        if incident.children and first <= incident.when < last:
            return incident.when + days(1), "6", "Police notification: domestic abuse incident"
    youngest = min(child.age_on(rec.today) for child in journey.children)
    if youngest < 5:
        source, reason = "3B", "Health visitor concerned about the home conditions and neglect"
    else:
        source, reason = "2A", "School concerned about attendance and the children's presentation"
    return between(journey.rng, first, last), source, reason


def _front_door(journey: Journey, start: dt.date, source: str, reason: str) -> None:
    rec = journey.rec
    referrer = {"3B": "health-visiting", "2A": "schools"}.get(source)
    if referrer:
        for child in journey.children:
            if rec.knows(referrer, child):
                rec.event(
                    referrer,
                    "referral",
                    start,
                    [(child, "subject")],
                    "Referral made to children's social care (MASH)",
                    significance="significant",
                    counterpart="csc",
                )
    worker = rec.staff.pick(journey.rng, "csc", "MASH")
    for child in journey.children:
        rec.involvement(
            "csc",
            child,
            "MASH",
            start,
            closed=start + days(journey.rng.randint(1, 3)),
            reason=reason,
            lead=worker,
        )
    rec.event(
        "csc",
        "contact",
        start,
        journey.family(),
        reason,
        practitioner=worker,
        significance="significant",
    )


def _early_help_or_advice(journey: Journey, start: dt.date, reason: str) -> None:
    rec, rng = journey.rec, journey.rng
    mash = rec.staff.pick(rng, "csc", "MASH")
    if rng.random() < 0.45:
        summary = "MASH decision: no further action; advice and signposting to the family"
        practice.decision(journey, start - days(2), summary, "no_further_action", mash)
        return
    practice.decision(journey, start - days(2), "MASH decision: early help", "early_help", mash)
    early_help(journey, start, reason, journey.finish(start + days(rng.randint(90, 300))))


def private_law(rec: Recorder, household: Household) -> None:
    """Separated parents in court over the children's arrangements: CAFCASS reports."""
    absent = [father for father in household.fathers.values() if not father.lives_in]
    if not absent or rec.rng.random() > 0.05:
        return
    children = [c for c in household.children if household.fathers[c.key] is absent[0]]
    opened = between(rec.rng, window_start(rec), rec.today - days(10))
    closed = opened + days(rec.rng.randint(90, 300))
    for child in children:
        lead = rec.involvement(
            "cafcass",
            child,
            "Private Law Team",
            opened,
            closed=closed,
            reason="Child arrangements application (section 8)",
        )
        if lead:
            rec.event(
                "cafcass",
                "court",
                opened,
                [(child, "subject"), (absent[0], "mentioned")],
                "First hearing and dispute resolution appointment; safeguarding checks requested",
                practitioner=lead,
            )
