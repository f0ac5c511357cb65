"""Control: two children on child protection plans for neglect, the plan done well. A strategy
discussion decides a section 47 enquiry; the initial conference is held in time with every agency
and the father there; outcomes are specific; core groups, minutes, the children's voices, the
family map and the response to incidents are all kept up. Nothing should be raised."""

from __future__ import annotations

from threadline.demo.scenarios.builder import Place, Scenario
from threadline.demo.scenarios.good_practice import (
    Household,
    book,
    children_seen_and_heard,
    circulate,
    day,
    hold,
    tell_household,
)

HOME = Place("14 Linnet Close", "Hollowfield", "NT7 4RB")
FATHERS_HOME = Place("3 Tanners Row", "Ashby Cross", "NT5 8HD")
GRANDMOTHERS_HOME = Place("27 Cobden Street", "Hollowfield", "NT7 2PW")
SOCIAL_WORKER = "Joanna Fairley"
CHILDREN = ("cng-tyler", "cng-ruby")
BEFORE_PLAN = Household(CHILDREN, "cng-mother", "cng-father", ("schools", "gp", "school-nursing"))
ON_PLAN = Household(
    CHILDREN, "cng-mother", "cng-father", ("schools", "gp", "school-nursing", "voluntary")
)
EVERYONE = (
    "csc",
    "police",
    "gp",
    "school-nursing",
    "schools",
    "hospital",
    "ambulance",
    "voluntary",
)
# Core groups: the first within ten working days of the conference, then about monthly.
CORE_GROUPS = ("2023-11-02", "2023-12-07", "2024-01-10", "2024-02-21", "2024-03-27")


def build() -> Scenario:
    s = Scenario(
        key="cng",
        file_name="control-neglect.jsonl",
        title="Control: a child protection plan for neglect, done well",
        review="",
        incident_date="2024-04-19",
        states=["A synthetic family, written as good practice: every check should stay quiet"],
        filled_in=["Everything: people, dates and records are synthetic"],
        children=list(CHILDREN),
        control=True,
    )
    s.agencies(*EVERYONE)
    _family(s)
    _referral_and_enquiry(s)
    _initial_conference(s)
    _core_groups_and_incidents(s)
    _review_conference(s)
    return s


def _family(s: Scenario) -> None:
    s.person(
        "cng-tyler",
        "Tyler",
        "Hollins",
        at=EVERYONE,
        sex="male",
        born="2015-09-23",
        nhs=s.new_nhs_number(),
        addresses=[HOME.address("2020-01-20")],
    )
    s.person(
        "cng-ruby",
        "Ruby",
        "Hollins",
        at=EVERYONE,
        sex="female",
        born="2018-04-07",
        nhs=s.new_nhs_number(),
        addresses=[HOME.address("2020-01-20")],
    )
    s.person(
        "cng-mother",
        "Kirsty",
        "Hollins",
        at=EVERYONE,
        sex="female",
        born="1991-06-11",
        nhs=s.new_nhs_number(),
        addresses=[HOME.address("2020-01-20")],
    )
    s.person(
        "cng-father",
        "Gary",
        "Pryce",
        at=EVERYONE,
        sex="male",
        born="1988-02-20",
        nhs=s.new_nhs_number(),
        addresses=[FATHERS_HOME.address("2021-11-01")],
    )
    s.person(
        "cng-grandmother",
        "Pauline",
        "Hollins",
        at=EVERYONE,
        sex="female",
        born="1964-12-02",
        addresses=[
            GRANDMOTHERS_HOME.address("1998-05-01", "2024-01-07"),
            HOME.address("2024-01-08"),
        ],
    )
    for child, born in (("cng-tyler", "2015-09-23"), ("cng-ruby", "2018-04-07")):
        s.relationship("csc", "cng-mother", child, "parent", pr=True, since=born)
        s.relationship("csc", "cng-father", child, "parent", pr=True, since=born)
        s.relationship("csc", "cng-grandmother", child, "grandparent", since=born)
    s.relationship("csc", "cng-tyler", "cng-ruby", "sibling", since="2018-04-07")
    s.relationship("csc", "cng-mother", "cng-father", "former_partner", since="2021-11-01")
    for child, school_from in (("cng-tyler", "2020-02-03"), ("cng-ruby", "2022-09-05")):
        s.involvement(
            "gp",
            child,
            "Hollowfield Health Centre",
            "2020-01-27",
            lead="Dr Farida Noor",
            reason="Registered patient",
        )
        s.involvement(
            "schools",
            child,
            "St Anne's CE Primary School",
            school_from,
            lead="Helen Marsh",
            reason="Pupil",
        )
        s.involvement(
            "school-nursing",
            child,
            "School Nursing Team",
            "2022-09-05",
            lead="Bethan Lloyd",
            reason="Healthy Child Programme",
        )


def _referral_and_enquiry(s: Scenario) -> None:
    s.event(
        "2023-09-25",
        "schools",
        "concern",
        list(CHILDREN),
        "Both children hungry and in unwashed clothes; Ruby has had toothache for weeks",
        by="Helen Marsh",
    )
    s.event(
        "2023-09-29",
        "schools",
        "home_visit",
        [*CHILDREN, ("cng-mother", "present")],
        "Home visit by the school: little food in, children share a mattress on the floor",
        by="Helen Marsh",
    )
    s.event(
        "2023-10-02",
        "schools",
        "referral",
        list(CHILDREN),
        "Referral to MASH: neglect of food, hygiene, sleep and dental care",
        by="Helen Marsh",
        counterpart="csc",
        significance="significant",
    )
    s.involvement(
        "csc",
        "cng-tyler",
        "Assessment Team North",
        "2023-10-02",
        lead=SOCIAL_WORKER,
        reason="Neglect",
        closed="2023-10-23",
    )
    s.involvement(
        "csc",
        "cng-ruby",
        "Assessment Team North",
        "2023-10-02",
        lead=SOCIAL_WORKER,
        reason="Neglect",
        closed="2023-10-23",
    )
    s.event(
        "2023-10-02",
        "csc",
        "referral",
        list(CHILDREN),
        "MASH: school's referral with GP and school nurse checks; strategy discussion convened",
    )
    sd = s.event(
        "2023-10-03",
        "csc",
        "strategy_discussion",
        [*CHILDREN, ("cng-mother", "mentioned"), ("cng-father", "mentioned")],
        "Strategy discussion with police, GP, school nurse and school: section 47 enquiry",
        outcome="section_47",
        significance="significant",
    )
    s.event(
        "2023-10-04",
        "csc",
        "management_review",
        list(CHILDREN),
        "Team manager agrees the section 47 decision and the plan for the enquiry",
        refers_to=sd,
    )
    s.event(
        "2023-10-04",
        "csc",
        "assessment_started",
        list(CHILDREN),
        "Section 47 enquiry started",
        outcome="section_47",
    )
    circulate(s, BEFORE_PLAN, sd, "2023-10-03", others=("police",))
    children_seen_and_heard(s, BEFORE_PLAN, "2023-10-04", "at school")
    s.event(
        "2023-10-04",
        "csc",
        "home_visit",
        [*CHILDREN, ("cng-mother", "present")],
        "Home visit: children's bedroom and kitchen seen; mother overwhelmed but cooperative",
    )
    s.event(
        "2023-10-05",
        "hospital",
        "paediatric_assessment",
        [*CHILDREN, ("cng-mother", "present")],
        "Child protection medical: Ruby's untreated dental abscess; both children underweight",
        by="Dr Kwame Asante",
    )
    s.event(
        "2023-10-06",
        "csc",
        "home_visit",
        [*CHILDREN, ("cng-father", "present")],
        "Father seen at his home: wants to help; has the children every other weekend",
    )
    s.event(
        "2023-10-06",
        "csc",
        "genogram_updated",
        list(CHILDREN),
        "Genogram and ecomap: both parents, maternal grandmother, the children's weekends",
    )
    s.event(
        "2023-10-06",
        "csc",
        "risk_assessment",
        list(CHILDREN),
        "Risk assessment: chronic neglect of food, sleep, hygiene and health needs",
    )
    s.event(
        "2023-10-12",
        "csc",
        "assessment_completed",
        list(CHILDREN),
        "Section 47 enquiry completed: significant harm through neglect; ICPC",
        outcome="icpc",
    )


def _initial_conference(s: Scenario) -> None:
    icpc = "2023-10-23"  # 14 working days after the strategy discussion
    booking = book(
        s,
        BEFORE_PLAN,
        "2023-10-12",
        icpc,
        "icpc",
        "Initial child protection conference",
        ("police",),
    )
    # Family support starts while the conference is awaited, and is invited to it.
    for child in CHILDREN:
        s.involvement(
            "voluntary",
            child,
            "Family Support Project",
            "2023-10-16",
            lead="Dawn Ellison",
            reason="Family support: routines, meals and the home",
        )
    s.event(
        "2023-10-16",
        "csc",
        "invitation",
        BEFORE_PLAN.invited,
        "Initial child protection conference: invitation to the family support worker",
        counterpart="voluntary",
        refers_to=booking,
    )
    children_seen_and_heard(s, ON_PLAN, "2023-10-20", "at school before the conference")
    conference = hold(
        s,
        ON_PLAN,
        icpc,
        "conference",
        "Initial child protection conference: both children on plans for neglect; father attends",
        outcome="cp_plan",
        others=("police",),
    )
    for child in CHILDREN:
        s.involvement(
            "csc",
            child,
            "Child Protection Team North",
            icpc,
            lead=SOCIAL_WORKER,
            reason="Child protection plan: neglect",
        )
        plan = s.episode(
            child,
            "cp",
            icpc,
            reason="Neglect: hunger, poor home conditions and untreated dental decay",
            referral_source="2A",
            primary_need="N1",
            category_of_abuse="NEG",
            factors=["16A"],
        )
        _plan_outcomes(s, plan, icpc)
    tell_household(s, ON_PLAN, icpc, "Child protection plans started", refers_to=conference)
    book(s, ON_PLAN, icpc, CORE_GROUPS[0], "cp_plan", "First core group")


def _plan_outcomes(s: Scenario, plan: str, written: str) -> None:
    s.plan_outcome(
        plan,
        written,
        risk="The children go hungry and miss meals at home",
        change_wanted="Three meals a day, food in the house, checked at unannounced visits",
        achieve_by="2024-01-19",
        consequence="A legal planning meeting to consider proceedings",
    )
    s.plan_outcome(
        plan,
        written,
        risk="Untreated dental and health needs cause the children pain",
        change_wanted="Dental treatment completed and every health appointment kept",
        achieve_by="2023-12-22",
        consequence="A legal planning meeting to consider proceedings",
    )
    s.plan_outcome(
        plan,
        written,
        risk="The children sleep on a shared mattress in a cold, dirty room",
        change_wanted="A bed each, a clean and heated bedroom, kept so for three months",
        achieve_by="2024-01-19",
        consequence="A legal planning meeting to consider proceedings",
    )


def _core_group(s: Scenario, held: str, summary: str, next_one: str | None) -> None:
    hold(s, ON_PLAN, held, "core_group", summary)
    if next_one:  # the next date agreed at the meeting, the invitations sent the day after
        book(s, ON_PLAN, day(held, 1), next_one, "cp_plan", "Core group")


def _core_groups_and_incidents(s: Scenario) -> None:
    _core_group(
        s, CORE_GROUPS[0], "Core group: plan in detail; family support twice a week", CORE_GROUPS[1]
    )
    _core_group(
        s, CORE_GROUPS[1], "Core group: dental treatment done; beds delivered", CORE_GROUPS[2]
    )
    _left_alone(s)
    s.relationship("csc", "cng-grandmother", "cng-tyler", "significant_adult", since="2024-01-08")
    s.relationship("csc", "cng-grandmother", "cng-ruby", "significant_adult", since="2024-01-08")
    s.event(
        "2024-01-08",
        "csc",
        "note",
        [*CHILDREN, ("cng-grandmother", "subject")],
        "Maternal grandmother has moved in to help with the mornings and evenings",
    )
    _core_group(s, CORE_GROUPS[2], "Core group: grandmother joins the plan", None)
    s.event(
        "2024-01-11",
        "csc",
        "genogram_updated",
        list(CHILDREN),
        "Genogram and ecomap updated: grandmother now lives in the household",
    )


def _left_alone(s: Scenario) -> None:
    incident = s.event(
        "2023-12-14T21:15",
        "police",
        "police_incident",
        [*CHILDREN, ("cng-mother", "subject")],
        "Neighbour's call: Tyler and Ruby alone at home for two hours; mother at a friend's",
        by="PC Leah Dunmore",
        significance="significant",
    )
    s.event(
        "2023-12-15T08:30",
        "police",
        "information_shared",
        list(CHILDREN),
        "Children left home alone last night: allocated social worker told",
        counterpart="csc",
        refers_to=incident,
    )
    s.event(
        "2023-12-15T08:35",
        "police",
        "information_shared",
        list(CHILDREN),
        "Children left home alone last night: school safeguarding lead told",
        counterpart="schools",
        refers_to=incident,
    )
    children_seen_and_heard(s, ON_PLAN, "2023-12-15", "at school the morning after")
    s.event(
        "2023-12-15",
        "csc",
        "risk_assessment",
        [*CHILDREN, ("cng-mother", "present")],
        "Risk assessment reviewed: a written safety plan; grandmother or father to babysit",
    )
    s.event(
        "2023-12-15", "csc", "plan_reviewed", list(CHILDREN), "Plan reviewed after the incident"
    )


def _review_conference(s: Scenario) -> None:
    rcpc = "2024-01-23"  # three months after the initial conference
    book(s, ON_PLAN, "2024-01-09", rcpc, "rcpc", "Review child protection conference", ("police",))
    children_seen_and_heard(s, ON_PLAN, "2024-01-22", "at home before the review conference")
    hold(
        s,
        ON_PLAN,
        rcpc,
        "conference",
        "Review conference: real progress; plans continue for three more months",
        outcome="cp_plan",
        others=("police",),
    )
    s.event(rcpc, "csc", "plan_reviewed", list(CHILDREN), "Plan and risk assessment reviewed")
    book(s, ON_PLAN, day(rcpc, 1), CORE_GROUPS[3], "cp_plan", "Core group")
    _asthma_attack(s)
    _core_group(s, CORE_GROUPS[3], "Core group: asthma plan; attendance 96%", CORE_GROUPS[4])
    _core_group(s, CORE_GROUPS[4], "Core group: home conditions sustained", None)


def _asthma_attack(s: Scenario) -> None:
    call = s.event(
        "2024-02-12T19:05",
        "ambulance",
        "ambulance_call",
        [("cng-ruby", "subject"), ("cng-tyler", "present"), ("cng-grandmother", "present")],
        "999 call: Ruby's asthma attack; her inhaler had run out; treated at home",
        by="Paramedic Owen Hale",
        significance="significant",
    )
    for told in ("csc", "gp"):
        s.event(
            "2024-02-13",
            "ambulance",
            "information_shared",
            ["cng-ruby"],
            f"Ruby's asthma attack with an empty inhaler: {told} told",
            counterpart=told,
            refers_to=call,
        )
    children_seen_and_heard(s, ON_PLAN, "2024-02-14", "at school after Ruby's asthma attack")
    s.event(
        "2024-02-14",
        "csc",
        "risk_assessment",
        list(CHILDREN),
        "Risk assessment reviewed: repeat prescriptions now collected by grandmother",
    )
    s.event(
        "2024-02-15",
        "gp",
        "appointment_attended",
        ["cng-ruby", ("cng-mother", "present")],
        "Asthma review: new inhaler and spacer; prescription reminders set up",
    )
