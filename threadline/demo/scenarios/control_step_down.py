"""Control: a child protection plan stepped down to child in need, then closed, each step done
well. The actions set for stepping down are all completed; each step is discussed by the
agencies together, with a risk appraisal first; a manager reviews the child in need plan before
six months; every agency is told of each change and acknowledges; at closure every agency still
working with the family, the parents' adult services too, is told what should bring the family
back. Nothing should be raised."""

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

HOME = Place("31 Bramble Lane", "Millbrook Vale", "NT4 6FS")
SOCIAL_WORKER = "Rebecca Stannard"
CHILD = "csd-child"
FAMILY = Household((CHILD,), "csd-mother", "csd-father", ("schools", "gp", "school-nursing"))
ADULT_SERVICES = ("mental-health", "drug-alcohol")
EVERYONE = ("csc", "police", "gp", "school-nursing", "schools", "mental-health", "drug-alcohol")
# The same concern throughout, so the thread from the first referral is never lost.
REASON = "Emotional harm: father's alcohol misuse and mother's depression; Mia caring for mother"
FACTORS = ["1B", "4B", "17A"]
ICPC = "2023-06-01"
RCPC = "2023-08-31"
STEP_DOWN = "2024-02-29"
CLOSED = "2024-07-16"


def build() -> Scenario:
    s = Scenario(
        key="csd",
        file_name="control-step-down.jsonl",
        title="Control: child protection to child in need to closure, each step done well",
        review="",
        incident_date="2024-08-16",
        states=["A synthetic family, written as good practice: every check should stay quiet"],
        filled_in=["Everything: people, dates and records are synthetic"],
        children=[CHILD],
        control=True,
    )
    s.agencies(*EVERYONE)
    _family(s)
    _incident_and_enquiry(s)
    _protection_plan(s)
    _step_down(s)
    _child_in_need_plan(s)
    _closure(s)
    return s


def _family(s: Scenario) -> None:
    for person, given, sex, born in (
        (CHILD, "Mia", "female", "2013-11-19"),
        ("csd-mother", "Gemma", "female", "1988-04-12"),
        ("csd-father", "Craig", "male", "1985-09-30"),
    ):
        s.person(
            person,
            given,
            "Thornbury",
            at=EVERYONE,
            sex=sex,
            born=born,
            nhs=s.new_nhs_number(),
            addresses=[HOME.address("2019-05-24")],
        )
    s.relationship("csc", "csd-mother", CHILD, "parent", pr=True, since="2013-11-19")
    s.relationship("csc", "csd-father", CHILD, "parent", pr=True, since="2013-11-19")
    s.relationship("csc", "csd-mother", "csd-father", "partner", since="2009-08-01")
    for code, team, lead, reason in (
        ("gp", "Hollowfield Health Centre", "Dr Owen Pritchard", "Registered patient"),
        ("schools", "Millbrook Vale Primary School", "Karen Oduya", "Pupil"),
        ("school-nursing", "School Nursing Team", "Lucy Brand", "Healthy Child Programme"),
    ):
        s.involvement(code, CHILD, team, "2019-06-03", lead=lead, reason=reason)
    s.involvement(
        "mental-health",
        "csd-mother",
        "Community Mental Health Team",
        "2022-03-14",
        lead="Daniel Osei",
        reason="Recurrent depression",
    )


def _incident_and_enquiry(s: Scenario) -> None:
    incident = s.event(
        "2023-05-09T22:10",
        "police",
        "police_incident",
        [CHILD, ("csd-father", "subject")],
        "Concern for welfare: father drunk in the town centre at 10pm with Mia, aged 9",
        by="PC Graham Lowe",
        outcome="intoxicated",
        significance="significant",
    )
    s.event(
        "2023-05-10T08:30",
        "police",
        "referral",
        [CHILD],
        "Referral to MASH after last night's call",
        counterpart="csc",
        refers_to=incident,
    )
    s.involvement(
        "csc",
        CHILD,
        "Assessment Team South",
        "2023-05-10",
        lead=SOCIAL_WORKER,
        reason="Father's drinking; mother's depression",
        closed=ICPC,
    )
    s.event(
        "2023-05-10",
        "csc",
        "referral",
        [CHILD],
        "MASH: police referral; school has months of concern about lateness and tiredness",
    )
    sd = s.event(
        "2023-05-11",
        "csc",
        "strategy_discussion",
        [CHILD, ("csd-father", "mentioned"), ("csd-mother", "mentioned")],
        "Strategy discussion with police, school, GP and school nurse: section 47 enquiry",
        outcome="section_47",
        significance="significant",
    )
    s.event(
        "2023-05-12",
        "csc",
        "management_review",
        [CHILD],
        "Team manager agrees the section 47 decision",
        refers_to=sd,
    )
    s.event(
        "2023-05-12",
        "csc",
        "assessment_started",
        [CHILD],
        "Section 47 enquiry started",
        outcome="section_47",
    )
    circulate(s, FAMILY, sd, "2023-05-11", others=("police",))
    children_seen_and_heard(s, FAMILY, "2023-05-12", "at school")
    s.event(
        "2023-05-15",
        "csc",
        "home_visit",
        [CHILD, ("csd-mother", "present"), ("csd-father", "present")],
        "Home visit: Mia makes the meals and gets herself to school; father drinks daily",
    )
    s.event("2023-05-16", "csc", "genogram_updated", [CHILD], "Genogram and ecomap drawn")
    s.event(
        "2023-05-16",
        "csc",
        "risk_assessment",
        [CHILD, ("csd-father", "subject"), ("csd-mother", "subject")],
        "Risk assessment: father's drinking and mother's depression together",
    )
    s.event(
        "2023-05-23",
        "csc",
        "assessment_completed",
        [CHILD],
        "Section 47 enquiry completed: ICPC",
        outcome="icpc",
    )


def _protection_plan(s: Scenario) -> None:
    book(
        s,
        FAMILY,
        "2023-05-23",
        ICPC,
        "icpc",
        "Initial child protection conference",
        ("police", "mental-health"),
    )
    children_seen_and_heard(s, FAMILY, "2023-05-31", "at school before the conference")
    conference = hold(
        s,
        FAMILY,
        ICPC,
        "conference",
        "Initial child protection conference: plan for emotional harm; both parents attend",
        outcome="cp_plan",
        others=("police", "mental-health"),
    )
    s.involvement(
        "csc",
        CHILD,
        "Child Protection Team South",
        ICPC,
        lead=SOCIAL_WORKER,
        reason="Child protection plan",
        closed=STEP_DOWN,
    )
    plan = s.episode(
        CHILD,
        "cp",
        ICPC,
        STEP_DOWN,
        reason=REASON,
        referral_source="6",
        primary_need="N1",
        category_of_abuse="EMO",
        closure_reason="RC7",
        factors=FACTORS,
    )
    s.plan_outcome(
        plan,
        ICPC,
        risk="Mia is unsafe and frightened when her father is drunk",
        change_wanted="Father in treatment, sober when caring for Mia, shown by tests",
        achieve_by="2023-11-30",
        consequence="A legal planning meeting to consider proceedings",
    )
    s.plan_outcome(
        plan,
        ICPC,
        risk="Mia cares for her mother and misses school",
        change_wanted="Mother's care plan covers the home; Mia on time at school every day",
        achieve_by="2023-11-30",
        consequence="The plan continues and a parenting assessment is started",
    )
    tell_household(s, FAMILY, ICPC, "Child protection plan started", ADULT_SERVICES[:1], conference)
    s.involvement(
        "drug-alcohol",
        "csd-father",
        "Adult Drug and Alcohol Service",
        "2023-06-05",
        lead="Siobhan Keane",
        reason="Alcohol treatment",
    )
    s.event(
        "2023-06-05",
        "drug-alcohol",
        "information_shared",
        ["csd-father", CHILD],
        "Father's alcohol treatment has started: social worker told",
        counterpart="csc",
    )
    book(s, FAMILY, ICPC, "2023-06-14", "cp_plan", "First core group", ADULT_SERVICES)
    _core_group(s, "2023-06-14", "Core group: plan in detail", "2023-07-19")
    _core_group(s, "2023-07-19", "Core group: father attending weekly", None)
    conference = "Review child protection conference"
    book(s, FAMILY, "2023-08-17", RCPC, "rcpc", conference, ("police", *ADULT_SERVICES))
    children_seen_and_heard(s, FAMILY, "2023-08-30", "at home before the review conference")
    hold(
        s,
        FAMILY,
        RCPC,
        "conference",
        "Review conference: progress; plan continues; what must be done before stepping down",
        outcome="cp_plan",
        others=("police", *ADULT_SERVICES),
    )
    s.event(RCPC, "csc", "plan_reviewed", [CHILD], "Plan and risk assessment reviewed")
    book(s, FAMILY, day(RCPC, 1), "2023-10-04", "cp_plan", "Core group", ADULT_SERVICES)
    _core_group(s, "2023-10-04", "Core group: young carers assessment done", "2023-11-15")
    _relapse(s)
    _core_group(s, "2023-11-15", "Core group: father back on track", "2024-01-10")
    _core_group(s, "2024-01-10", "Core group: three months of negative tests", None)


def _core_group(s: Scenario, held: str, summary: str, next_one: str | None) -> None:
    hold(s, FAMILY, held, "core_group", summary, others=ADULT_SERVICES)
    if next_one:
        book(s, FAMILY, day(held, 1), next_one, "cp_plan", "Core group", ADULT_SERVICES)


def _relapse(s: Scenario) -> None:
    incident = s.event(
        "2023-10-21T20:40",
        "police",
        "police_incident",
        [CHILD, ("csd-father", "subject")],
        "Neighbour's call: father drunk and shouting in the garden; Mia at home with mother",
        by="PC Graham Lowe",
        outcome="intoxicated",
        significance="significant",
    )
    s.event(
        "2023-10-23T08:30",
        "police",
        "information_shared",
        [CHILD],
        "Saturday's call shared with the allocated social worker",
        counterpart="csc",
        refers_to=incident,
    )
    children_seen_and_heard(s, FAMILY, "2023-10-23", "at school after the weekend")
    s.event(
        "2023-10-23",
        "csc",
        "risk_assessment",
        [CHILD, ("csd-father", "subject")],
        "Relapse assessed with the drug and alcohol service: safety plan; father to stay "
        "with his brother when drinking",
    )
    s.event("2023-10-23", "csc", "plan_reviewed", [CHILD], "Plan reviewed after the relapse")
    s.event(
        "2023-11-06",
        "csc",
        "engagement",
        ["csd-father"],
        "Father says he has not drunk since the night of the incident",
        reliability="self_reported",
    )
    s.event(
        "2023-11-08",
        "drug-alcohol",
        "drug_test",
        ["csd-father"],
        "Alcohol test negative; attending every session",
        outcome="negative",
    )


# What the review conference asked for before the plan could step down.
STEP_DOWN_ACTIONS = (
    ("Young carers assessment for Mia, with support in place", "2023-10-31", "csc", "2023-10-04"),
    (
        "Mother's care plan reviewed, taking in Mia's caring role",
        "2023-11-30",
        "mental-health",
        "2023-11-28",
    ),
    ("Mia's attendance above 95% for the autumn term", "2023-12-20", "schools", "2023-12-20"),
    ("Father: three months of negative alcohol tests", "2024-02-16", "drug-alcohol", "2024-02-09"),
)


def _step_down(s: Scenario) -> None:
    for summary, due, agency, done in STEP_DOWN_ACTIONS:
        action = s.event(
            RCPC, "csc", "action_set", [CHILD], f"Before step-down: {summary}", due=due
        )
        s.event(
            done,
            agency,
            "action_completed",
            [CHILD],
            f"Done: {summary}",
            refers_to={"agency": "csc", "id": action},
        )
    children_seen_and_heard(s, FAMILY, "2024-02-26", "at school: what has changed at home")
    s.event(
        "2024-02-26",
        "csc",
        "risk_assessment",
        [CHILD, ("csd-father", "subject"), ("csd-mother", "subject")],
        "Risk appraisal for the review conference: sustained sobriety; mother well; step-down",
    )
    conference = "Review child protection conference"
    book(s, FAMILY, "2024-02-15", STEP_DOWN, "rcpc", conference, ("police", *ADULT_SERVICES))
    hold(
        s,
        FAMILY,
        STEP_DOWN,
        "conference",
        "Review conference: the agencies agree to step down to a child in need plan",
        outcome="step_down",
        others=("police", *ADULT_SERVICES),
    )
    s.event(STEP_DOWN, "csc", "plan_reviewed", [CHILD], "Plan reviewed: child in need plan written")
    s.event(
        STEP_DOWN,
        "csc",
        "decision",
        [CHILD],
        "Step down to a child in need plan, as the conference agreed",
        outcome="step_down",
    )


def _child_in_need_plan(s: Scenario) -> None:
    s.involvement(
        "csc",
        CHILD,
        "Child in Need Team South",
        STEP_DOWN,
        lead=SOCIAL_WORKER,
        reason="Child in need plan after child protection",
        closed=CLOSED,
    )
    s.episode(
        CHILD,
        "cin",
        STEP_DOWN,
        CLOSED,
        reason=REASON,
        referral_source="6",
        primary_need="N1",
        closure_reason="RC7",
        factors=FACTORS,
    )
    tell_household(s, FAMILY, STEP_DOWN, "Stepped down to a child in need plan", ADULT_SERVICES)
    for review, booked_on in (("2024-04-11", "2024-03-28"), ("2024-05-23", "2024-05-09")):
        book(s, FAMILY, booked_on, review, "cin_plan", "Child in need review", ADULT_SERVICES)
        children_seen_and_heard(s, FAMILY, day(review, -1), "before the child in need review")
        hold(
            s,
            FAMILY,
            review,
            "cin_review",
            "Child in need review: progress held",
            others=ADULT_SERVICES,
        )
        s.event(review, "csc", "plan_reviewed", [CHILD], "Child in need plan reviewed")
    s.event(
        "2024-06-20",
        "csc",
        "management_review",
        [CHILD],
        "Team manager's review of the child in need plan at four months: closure to be "
        "considered at the July review",
    )


# Set at the review that proposed closure, and done before the decision.
CLOSURE_ACTIONS = (
    ("Father's relapse prevention plan shared with the GP", "drug-alcohol", "2024-07-08"),
    ("Mia's young carer support to carry on through school", "schools", "2024-07-09"),
    ("Mother's crisis plan names who to call about Mia", "mental-health", "2024-07-10"),
)


def _closure(s: Scenario) -> None:
    review = "2024-07-04"
    book(s, FAMILY, "2024-06-20", review, "cin_plan", "Child in need review", ADULT_SERVICES)
    children_seen_and_heard(s, FAMILY, day(review, -1), "before the last child in need review")
    hold(
        s,
        FAMILY,
        review,
        "cin_review",
        "Child in need review: the agencies agree to close once the last actions are done",
        outcome="closure",
        others=ADULT_SERVICES,
    )
    s.event(review, "csc", "plan_reviewed", [CHILD], "Child in need plan reviewed")
    for summary, agency, done in CLOSURE_ACTIONS:
        action = s.event(review, "csc", "action_set", [CHILD], f"Before closure: {summary}")
        s.event(
            done,
            agency,
            "action_completed",
            [CHILD],
            f"Done: {summary}",
            refers_to={"agency": "csc", "id": action},
        )
    s.event(
        "2024-07-12",
        "csc",
        "risk_assessment",
        [CHILD, ("csd-father", "subject"), ("csd-mother", "subject")],
        "Risk appraisal before closure: change sustained for a year",
    )
    s.event(
        "2024-07-15", "csc", "decision", [CHILD], "Close the child in need plan", outcome="closure"
    )
    tell_household(
        s,
        FAMILY,
        CLOSED,
        "Child in need plan closed. Re-refer if father drinks again, mother's mental health "
        "worsens, or Mia is late, tired or caring at home again",
        ADULT_SERVICES,
    )
