"""Child BE (Cumbria LSCB response, 2019): an infant on a child in need plan that several
agencies did not know about, in a household with domestic abuse, substance misuse and
mental ill-health, whose injury as a non-mobile baby was explained away."""

from __future__ import annotations

from threadline.demo.scenarios import meetings as m
from threadline.demo.scenarios.builder import Place, Scenario

HOME = Place("31 Simmons Terrace", "Ashby Cross", "NT5 8EN")
FATHERS_EX_HOME = Place("2 Taylor Ranch", "Hollowfield", "NT7 5WA")

SOCIAL_WORKER = "Marcus Shaw"
HEALTH_VISITOR = "Maria Barton"
GP = "Dr Howard Newton"
SCHOOL_LEAD = "Karen Oduya"
CHILDREN = ["be-sister", "be-brother", "be-child"]
OLDER = ["be-sister", "be-brother"]
SIBLINGS_REFERRAL = "School's referral: the older children's poor attendance and neglect at home"
REFERRAL = (
    "A new baby in a household on a child in need plan, with domestic abuse, substance misuse "
    "and mental health concerns"
)
CIN_REVIEW = "Child in need review"


def build() -> Scenario:
    s = Scenario(
        key="be",
        file_name="child-be.jsonl",
        title="Child BE: CIN status unknown to agencies; domestic abuse, substance misuse and "
        "mental health; injury to a non-mobile infant",
        review="002_16b4bb53bf3a44c8.txt",
        incident_date="2017-02-11",
        states=[
            "Cumbria LSCB began the serious case review in March 2017; the practice reviewed "
            "was about two years before June 2019",
            "Agencies: children's services, GP, Cumbria Health On Call, North West Ambulance "
            "111, police, health visiting, two hospital trusts",
            "Key information was not shared across the network; some agencies were unaware "
            "of Child BE's child in need status; discussions about risk centred on the older "
            "siblings",
            "Risk was assessed with different tools in different agencies; domestic abuse "
            "needed a more in-depth risk assessment",
            "Multi-agency meetings took place but the plan's purpose and key actions were not "
            "followed up",
            "The family history was long and complex, with children of other relationships; "
            "assessments relied on self-report rather than recorded history",
            "The practitioners' focus became the parents rather than BE",
            "Holiday periods and absence affected services and ongoing work",
            "Injuries to non-mobile infants should always be reported to children's social "
            "care, whatever the explanation",
            "Domestic abuse, substance misuse and parental mental health were all present, "
            "with historical domestic abuse",
            "Rec BE1: child in need planning should include invitations, the sharing of plans "
            "and minutes, and the sharing of assessments between agencies",
            "Lesson BE2.1: on completing a child in need plan, professionals must consider who "
            "else needs to know",
        ],
        filled_in=[
            "All names, addresses and dates; BE being a boy born in July 2016",
            "How the trio showed in the record: mother open to adult mental health for low "
            "mood after the birth, father smelling of cannabis at the domestic abuse incident",
            "The household: mother, BE's father, and two older half-siblings from mother's "
            "earlier relationship; BE's father's child by a former partner",
            "The child in need plan for the older siblings from 2015 and BE's own from August 2016",
            "The DASH risk grade recorded with each police domestic abuse incident",
            "The domestic abuse incident of October 2016, the parents' self-reports, the "
            "social worker's leave over Christmas",
            "The December 2016 mark near BE's eye, seen through 111 and the out-of-hours GP "
            "(Cumbria Health On Call is placed with the ambulance and 111 service) and "
            "explained as a sibling's toy, with no referral",
            "The serious injury in February 2017, seen at the local hospital and transferred "
            "to a specialist children's hospital (the response does not describe the harm)",
            "The agencies are the synthetic borough's (the review is Cumbria's)",
            "The older children's school, told of their plan and acknowledging it",
            "The plan's outcomes (the older children's attendance and care at home), copied to "
            "BE's plan when he was added, with nothing about him",
            "The child in need reviews booked with mother (in November father too) and the "
            "older children's school invited, BE's health visitor and GP never; the minutes "
            "sent to the school and confirmed",
            "The November review's actions: a domestic abuse risk assessment, sharing the plan "
            "with BE's health visitor and GP, a drug service referral for father (none done), "
            "and the school's weekly attendance reports (done)",
            "The December review booked for 22 December, postponed for the social worker's "
            "leave and rebooked on the return for 16 February 2017",
        ],
        children=["be-child"],
    )
    s.agencies(
        "csc",
        "police",
        "gp",
        "health-visiting",
        "hospital",
        "ambulance",
        "mental-health",
        "schools",
    )
    _people(s)
    _history(s)
    _older_siblings_plan(s)
    _bes_first_months(s)
    _winter(s)
    # What the checks must have raised before the harm, finding by finding.
    s.expect(
        "SHR-1",
        "be-child",
        "2017-02-10",
        "finding BE1: agencies unaware of Child BE's child in need status",
    )
    s.expect(
        "SHR-9",
        "be-child",
        "2017-02-10",
        "Rec BE3: injuries to non-mobile infants always reported to CSC",
    )
    s.expect(
        "DEC-6",
        "be-child",
        "2017-02-10",
        "finding BE2: assessments based on self-reporting rather than recorded history",
    )
    s.expect("RSK-1", "be-child", "2017-02-10", "finding B4: the trigger trio's cumulative risk")
    s.expect(
        "SHR-4",
        "be-child",
        "2017-02-10",
        "Rec BE1: invitations to child in need meetings; agencies unaware of BE's CIN status",
    )
    s.expect(
        "NET-3",
        "be-child",
        "2017-02-10",
        "Rec BE2: genograms; previous relationships linked in assessments",
    )
    return s


def _people(s: Scenario) -> None:
    home = [HOME.address("2014-09-01")]
    everywhere = (
        "csc",
        "gp",
        "health-visiting",
        "hospital",
        "ambulance",
        "police",
        "mental-health",
    )
    s.person(
        "be-child",
        "BE",
        "Harrison",
        at=everywhere,
        sex="male",
        born="2016-07-28",
        nhs=s.new_nhs_number(),
        addresses=[HOME.address("2016-07-30")],
        known_as="Child BE",
    )
    s.person(
        "be-mother",
        "BE's mother",
        "Kelly",
        at=everywhere,
        sex="female",
        born="1991-04-03",
        nhs=s.new_nhs_number(),
        addresses=home,
    )
    s.person(
        "be-father",
        "BE's father",
        "Harrison",
        at=("csc", "gp", "police", "ambulance"),
        sex="male",
        born="1988-10-19",
        nhs=s.new_nhs_number(),
        addresses=[HOME.address("2015-10-01")],
    )
    for source_id, given, born, sex in (
        ("be-sister", "BE's elder half-sister", "2008-06-12", "female"),
        ("be-brother", "BE's elder half-brother", "2010-11-30", "male"),
    ):
        s.person(
            source_id,
            given,
            "Roberts",
            at=("csc", "gp", "police", "schools"),
            sex=sex,
            born=born,
            nhs=s.new_nhs_number(),
            addresses=home,
        )
    s.person(
        "be-siblings-father",
        "Older children's father",
        "Roberts",
        at=("csc", "police"),
        sex="male",
        born="1985-02-08",
        nhs=s.new_nhs_number(),
    )
    s.person(
        "be-fathers-ex",
        "Father's former partner",
        "Hopkins",
        at=("csc", "police"),
        sex="female",
        born="1990-01-17",
        nhs=s.new_nhs_number(),
        addresses=[FATHERS_EX_HOME.address("2012-05-01")],
    )
    s.person(
        "be-paternal-half-sister",
        "BE's paternal half-sister",
        "Hopkins",
        at=("csc", "police"),
        sex="female",
        born="2013-02-21",
        nhs=s.new_nhs_number(),
        addresses=[FATHERS_EX_HOME.address("2013-02-21")],
    )
    for person, relative, kind, pr, since in (
        ("be-mother", "be-child", "parent", True, "2016-07-28"),
        ("be-father", "be-child", "parent", True, "2016-07-28"),
        ("be-mother", "be-father", "partner", False, "2015-06-01"),
        ("be-mother", "be-sister", "parent", True, "2008-06-12"),
        ("be-mother", "be-brother", "parent", True, "2010-11-30"),
        ("be-siblings-father", "be-sister", "parent", True, "2008-06-12"),
        ("be-siblings-father", "be-brother", "parent", True, "2010-11-30"),
        ("be-siblings-father", "be-mother", "former_partner", False, "2007-01-01"),
        ("be-father", "be-sister", "step_parent", False, "2015-10-01"),
        ("be-father", "be-brother", "step_parent", False, "2015-10-01"),
        ("be-sister", "be-brother", "sibling", False, "2010-11-30"),
        ("be-sister", "be-child", "half_sibling", False, "2016-07-28"),
        ("be-brother", "be-child", "half_sibling", False, "2016-07-28"),
        ("be-father", "be-paternal-half-sister", "parent", True, "2013-02-21"),
        ("be-fathers-ex", "be-paternal-half-sister", "parent", True, "2013-02-21"),
        ("be-father", "be-fathers-ex", "former_partner", False, "2011-01-01"),
        ("be-paternal-half-sister", "be-child", "half_sibling", False, "2016-07-28"),
    ):
        s.relationship("csc", person, relative, kind, pr=pr, since=since)


def _history(s: Scenario) -> None:
    s.event(
        "2012",
        "police",
        "domestic_abuse_incident",
        [("be-fathers-ex", "victim"), ("be-father", "alleged_perpetrator")],
        "Domestic abuse: assault on his then partner",
        significance="significant",
        outcome="standard_risk",
    )
    s.event(
        "2013",
        "police",
        "charge_or_conviction",
        ["be-father"],
        "Convicted: possession of cannabis and cocaine",
        significance="significant",
    )
    s.event(
        "2013-09",
        "police",
        "domestic_abuse_incident",
        [
            ("be-mother", "victim"),
            ("be-siblings-father", "alleged_perpetrator"),
            ("be-sister", "present"),
            ("be-brother", "present"),
        ],
        "Domestic abuse by the older children's father",
        significance="significant",
        outcome="standard_risk",
    )
    s.event(
        "2014-05-14T23:30",
        "police",
        "domestic_abuse_incident",
        [
            ("be-fathers-ex", "victim"),
            ("be-father", "alleged_perpetrator"),
            ("be-paternal-half-sister", "present"),
        ],
        "Domestic abuse: former partner assaulted, their daughter present",
        significance="significant",
        outcome="standard_risk",
    )
    s.involvement(
        "gp",
        "be-mother",
        "Market Street Practice",
        "2014-09-15",
        lead=GP,
        reason="Registered patient",
    )
    s.event(
        "2015-03-03",
        "gp",
        "appointment_attended",
        ["be-mother"],
        "Depression and anxiety: antidepressants started",
        by=GP,
    )


# What the family's child in need plan was for: the older children. BE was added to it in August
# 2016 with the same outcomes, none about him (finding BE3, lesson BE1.2).
FAMILY_OUTCOMES = (
    (
        "The older children missing school",
        "Both older children attending at least 90% of the time",
        "2016-05-23",
        "A school attendance panel and a review of the plan",
    ),
    (
        "A neglected home with little routine",
        "A clean home, regular meals and bedtimes for the older children",
        "2016-05-23",
        "The plan is reviewed and a strategy discussion considered",
    ),
)


def _older_siblings_plan(s: Scenario) -> None:
    for child in OLDER:
        s.involvement(
            "schools",
            child,
            "St Anne's CE Primary School",
            "2013-09-04",
            lead=SCHOOL_LEAD,
            reason="On roll (primary)",
        )
        plan = s.episode(
            child,
            "cin",
            "2015-11-23",
            reason="Neglect and domestic abuse history",
            referral_source="2A",
            primary_need="N1",
            factors=["3B", "4B", "2B"],
        )
        for risk, change, by, consequence in FAMILY_OUTCOMES:
            s.plan_outcome(
                plan,
                "2015-11-23",
                risk=risk,
                change_wanted=change,
                achieve_by=by,
                consequence=consequence,
            )
    m.plan_started(
        s,
        "2015-11-23",
        OLDER,
        "Child in need plan for the older children",
        reason=SIBLINGS_REFERRAL,
        addresses="the older children's school attendance and the care they get at home",
        by=SOCIAL_WORKER,
        review_by="2016-05-23",
    )
    # The older children's school was told of their plan and said so; BE's agencies never were.
    s.event(
        "2015-11-23",
        "csc",
        "information_shared",
        OLDER,
        "The older children's school told of their child in need plan",
        by=SOCIAL_WORKER,
        counterpart="schools",
    )
    s.event(
        "2015-11-24",
        "schools",
        "acknowledgement",
        OLDER,
        "Told of the older children's child in need plan",
        by=SCHOOL_LEAD,
        counterpart="csc",
    )


def _bes_first_months(s: Scenario) -> None:
    s.involvement(
        "health-visiting",
        "be-child",
        "Health Visiting South",
        "2016-07-28",
        lead=HEALTH_VISITOR,
        reason="Healthy Child Programme",
    )
    s.involvement(
        "gp",
        "be-child",
        "Market Street Practice",
        "2016-08-05",
        lead=GP,
        reason="Registered patient",
    )
    s.event(
        "2016-08-09",
        "health-visiting",
        "home_visit",
        ["be-child", ("be-mother", "present")],
        "New birth visit; safe sleep advice",
        by=HEALTH_VISITOR,
    )
    s.involvement(
        "csc",
        "be-child",
        "Child in Need Team South",
        "2016-08-15",
        lead=SOCIAL_WORKER,
        reason="New baby in a household on a child in need plan",
    )
    plan = s.episode(
        "be-child",
        "cin",
        "2016-08-15",
        reason="New baby in a household with domestic "
        "abuse, substance misuse and mental health concerns",
        referral_source="5A",
        primary_need="N1",
        factors=["2B", "3B", "4B"],
    )
    m.plan_started(
        s,
        "2016-08-15",
        ["be-child"],
        "BE added to the family's child in need plan",
        reason=REFERRAL,
        addresses="the older children's school attendance and the care they get at home",
        by=SOCIAL_WORKER,
        review_by="2016-09-08",
    )
    for risk, change, _by, consequence in FAMILY_OUTCOMES:
        s.plan_outcome(
            plan,
            "2016-08-15",
            risk=risk,
            change_wanted=change,
            achieve_by="2016-11-15",
            consequence=consequence,
        )
    # The reviews were booked with the older children's school alone: BE's health visitor and GP
    # were never invited, and never sent the minutes (finding BE1, Rec BE1).
    m.book(
        s,
        "2016-08-25",
        "2016-09-08",
        CIN_REVIEW,
        CHILDREN,
        reason=SIBLINGS_REFERRAL,
        invite=("schools",),
        family=("be-mother",),
        kind="cin_plan",
        by=SOCIAL_WORKER,
    )
    review = s.event(
        "2016-09-08",
        "csc",
        "cin_review",
        ["be-sister", "be-brother", "be-child", ("be-mother", "present")],
        "Child in need review: discussion of the older children's school attendance",
        by=SOCIAL_WORKER,
        detail=f"Original reason for referral: {SIBLINGS_REFERRAL}\nAttended: mother, the "
        "older children's school.",
    )
    _minutes_to_school(s, review, "2016-09-08")
    s.involvement(
        "mental-health",
        "be-mother",
        "Community Mental Health Team",
        "2016-09-26",
        lead="Nina Osborne",
        reason="Low mood and anxiety after the birth, referred by the GP",
    )
    s.event(
        "2016-09-20",
        "health-visiting",
        "appointment_attended",
        ["be-child", ("be-mother", "present")],
        "6 to 8 week review",
        by=HEALTH_VISITOR,
    )
    s.event(
        "2016-10-22T22:50",
        "police",
        "domestic_abuse_incident",
        [
            ("be-mother", "victim"),
            ("be-father", "alleged_perpetrator"),
            ("be-child", "present"),
            ("be-sister", "present"),
            ("be-brother", "present"),
        ],
        "Domestic abuse: father pushed mother; all three children in the house",
        by="PC Liam Hill",
        detail="Father smelt of cannabis. DASH completed: standard risk.",
        significance="significant",
        outcome="standard_risk",
    )
    s.event(
        "2016-10-22T23:30",
        "police",
        "substance_use",
        ["be-father"],
        "Father smelt strongly of cannabis at the incident",
        by="PC Liam Hill",
    )
    s.event(
        "2016-10-23",
        "police",
        "information_shared",
        ["be-child", "be-sister", "be-brother"],
        "Domestic abuse notification to children's social care",
        by="DS Gavin Hall",
        counterpart="csc",
    )
    m.book(
        s,
        "2016-10-24",
        "2016-11-03",
        CIN_REVIEW,
        CHILDREN,
        reason=SIBLINGS_REFERRAL,
        invite=("schools",),
        family=("be-mother", "be-father"),
        kind="cin_plan",
        by=SOCIAL_WORKER,
    )
    review = s.event(
        "2016-11-03",
        "csc",
        "cin_review",
        ["be-sister", "be-brother", "be-child", ("be-mother", "present"), ("be-father", "present")],
        "Child in need review after the incident",
        by=SOCIAL_WORKER,
        detail="Father said he has stopped using "
        "cannabis. Mother said the argument was a one-off. Discussion of the older "
        "children's wishes.",
    )
    # Key actions set and not followed up (lesson BE1.2): only the school's, about the older
    # children, was done.
    *_undone, attendance = m.actions(
        s,
        "2016-11-03",
        review,
        CHILDREN,
        [
            ("csc", "Complete a domestic abuse risk assessment with mother", "2016-11-24"),
            ("csc", "Share the plan and this review with BE's health visitor and GP", "2016-11-10"),
            ("csc", "Refer father to the drug service to confirm he has stopped", "2016-12-01"),
            ("schools", "Report the older children's attendance each week", "2016-12-16"),
        ],
        by=SOCIAL_WORKER,
    )
    m.completed(
        s,
        "2016-12-16",
        "schools",
        OLDER,
        attendance,
        "Older children's attendance reported each week",
        by=SCHOOL_LEAD,
    )
    _minutes_to_school(s, review, "2016-11-03")
    m.book(
        s,
        "2016-11-03",
        "2016-12-22",
        CIN_REVIEW,
        CHILDREN,
        reason=SIBLINGS_REFERRAL,
        invite=("schools",),
        family=("be-mother", "be-father"),
        kind="cin_plan",
        by=SOCIAL_WORKER,
    )
    s.event(
        "2016-11-03",
        "csc",
        "engagement",
        ["be-father"],
        "Father says he no longer uses cannabis",
        by=SOCIAL_WORKER,
        reliability="self_reported",
    )


def _minutes_to_school(s: Scenario, review: str, held: str) -> None:
    sent, confirmed = {
        "2016-09-08": ("2016-09-13", "2016-09-14"),
        "2016-11-03": ("2016-11-08", "2016-11-09"),
    }[held]
    copies = m.circulate(s, sent, review, CHILDREN, ("schools",), CIN_REVIEW, by=SOCIAL_WORKER)
    m.received(s, confirmed, "schools", OLDER, copies["schools"], CIN_REVIEW, by=SCHOOL_LEAD)


def _winter(s: Scenario) -> None:
    s.event(
        "2016-12-19",
        "csc",
        "note",
        ["be-child", "be-sister", "be-brother"],
        "Social worker on leave until 6 January; child in need review due 22 December postponed",
        by="Kathleen Stokes",
    )
    s.event(
        "2016-12-27T20:14",
        "ambulance",
        "ambulance_call",
        ["be-child", ("be-mother", "present")],
        "NHS 111: baby with a red mark by his left eye; passed to the out-of-hours GP",
        by="NHS 111 call handler",
    )
    s.event(
        "2016-12-27T22:05",
        "ambulance",
        "injury_observed",
        ["be-child", ("be-mother", "present")],
        "Out-of-hours GP: bruise by the eye; mother says his "
        "brother hit him with a toy; no referral",
        by="Dr Roy Hudson",
        reliability="self_reported",
    )
    s.event(
        "2017-01-09",
        "health-visiting",
        "home_visit",
        ["be-child", ("be-mother", "present")],
        "Home visit: fading mark by BE's eye; explanation accepted",
        by=HEALTH_VISITOR,
        reliability="self_reported",
    )
    s.event(
        "2017-01-09",
        "health-visiting",
        "injury_observed",
        ["be-child", ("be-mother", "present")],
        "Fading bruise by BE's left eye; mother says his brother hit him with a toy",
        by=HEALTH_VISITOR,
        reliability="self_reported",
    )
    # Rebooked on the social worker's return, for after the Christmas backlog; still to come when
    # BE was harmed.
    m.book(
        s,
        "2017-01-09",
        "2017-02-16",
        CIN_REVIEW,
        CHILDREN,
        reason=SIBLINGS_REFERRAL,
        invite=("schools",),
        family=("be-mother", "be-father"),
        kind="cin_plan",
        by=SOCIAL_WORKER,
    )
    s.event(
        "2017-01-19",
        "csc",
        "home_visit",
        ["be-sister", "be-brother", "be-child", ("be-mother", "present")],
        "Home visit: older children seen; BE asleep upstairs",
        by=SOCIAL_WORKER,
    )
    s.event(
        "2017-02-11T09:40",
        "ambulance",
        "ambulance_call",
        ["be-child", ("be-father", "present")],
        "999 call: baby floppy and unresponsive",
        by="Paramedic Elliott Ford-Wilson",
        significance="critical",
    )
    s.event(
        "2017-02-11T10:15",
        "hospital",
        "emergency_attendance",
        ["be-child"],
        "Brought in floppy with facial bruising; transferred to the regional children's hospital",
        by="Dr Raymond Gordon",
        significance="critical",
    )
    s.event(
        "2017-02-11T10:40",
        "hospital",
        "injury_observed",
        ["be-child"],
        "Serious injuries to a 6-month-old, non-mobile infant; no explanation given",
        by="Dr Raymond Gordon",
        significance="critical",
    )
    s.event(
        "2017-02-11T15:00",
        "csc",
        "strategy_discussion",
        ["be-child", "be-sister", "be-brother"],
        "Strategy discussion: section 47 enquiry; older children to stay with maternal relatives",
        by="Kathleen Stokes",
        significance="critical",
        outcome="section_47",
    )
