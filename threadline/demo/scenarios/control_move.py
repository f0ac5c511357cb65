"""Control: a child on a child protection plan whose family moves to another local authority,
handed over well. The receiving authority is told the next working day with the chronology, the
plan and named contacts; a transfer-in conference is held within 15 working days; the home
authority closes its plan only then, and tells every agency. Nothing should be raised."""

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

HOME = Place("9 Kestrel Way", "Northtown", "NT2 5JP")
NEW_HOME = Place("4 Sandpiper Row", "Carrow End", "WQ3 7LP", "Westmere")
SOCIAL_WORKER = "Marcus Ellery"
RECEIVING_WORKER = "Tomasz Adamczyk, Carrow End Children's Team, Westmere"
CHILD = "cmv-child"
FAMILY = Household((CHILD,), "cmv-mother", "cmv-father", ("schools", "gp", "school-nursing"))
# After the summer term Harvey has left his Northshire school; the GP keeps him until Westmere's
# practice registers him.
AFTER_THE_MOVE = Household((CHILD,), "cmv-mother", "cmv-father", ("gp",))
EVERYONE = ("csc", "police", "gp", "school-nursing", "schools", "hospital", "mental-health")
CORE_GROUPS = (
    "2024-02-14",
    "2024-03-20",
    "2024-04-24",
    "2024-05-22",
    "2024-06-26",
    "2024-07-17",
)
MOVE = "2024-07-22"
TRANSFER_IN = "2024-08-09"  # 14 working days after the move
CLOSED = "2024-08-12"


def build() -> Scenario:
    s = Scenario(
        key="cmv",
        file_name="control-move.jsonl",
        title="Control: a family on a child protection plan moves away, handed over well",
        review="",
        incident_date="2024-09-13",
        states=["A synthetic family, written as good practice: every check should stay quiet"],
        filled_in=["Everything: people, dates and records are synthetic"],
        children=[CHILD],
        control=True,
    )
    s.agencies(*EVERYONE)
    _family(s)
    _injury_and_enquiry(s)
    _plan(s)
    _move(s)
    _transfer_and_closure(s)
    return s


def _family(s: Scenario) -> None:
    homes = [HOME.address("2018-06-01", "2024-07-21"), NEW_HOME.address(MOVE)]
    s.person(
        CHILD,
        "Harvey",
        "Whitlock",
        at=EVERYONE,
        sex="male",
        born="2019-01-28",
        nhs=s.new_nhs_number(),
        addresses=[HOME.address("2019-01-28", "2024-07-21"), NEW_HOME.address(MOVE)],
    )
    s.person(
        "cmv-mother",
        "Shannon",
        "Whitlock",
        at=EVERYONE,
        sex="female",
        born="1995-10-03",
        nhs=s.new_nhs_number(),
        addresses=homes,
    )
    s.person(
        "cmv-father",
        "Liam",
        "Whitlock",
        at=EVERYONE,
        sex="male",
        born="1993-05-17",
        nhs=s.new_nhs_number(),
        addresses=homes,
    )
    s.relationship("csc", "cmv-mother", CHILD, "parent", pr=True, since="2019-01-28")
    s.relationship("csc", "cmv-father", CHILD, "parent", pr=True, since="2019-01-28")
    s.relationship("csc", "cmv-mother", "cmv-father", "partner", since="2016-04-01")
    s.involvement(
        "gp",
        CHILD,
        "Market Street Practice",
        "2022-03-07",
        lead="Dr Imran Siddiqui",
        reason="Registered patient",
        closed="2024-08-16",
    )
    s.involvement(
        "schools",
        CHILD,
        "Northgate Primary School",
        "2023-09-04",
        lead="Sarah Brennan",
        reason="Pupil (Reception)",
        closed="2024-07-19",
    )
    s.involvement(
        "school-nursing",
        CHILD,
        "School Nursing Team",
        "2023-09-04",
        lead="Chloe Adams",
        reason="Healthy Child Programme",
        closed="2024-07-19",
    )
    s.involvement(
        "mental-health",
        "cmv-mother",
        "Community Mental Health Team",
        "2023-11-06",
        lead="Ruth Kaminski",
        reason="Depression",
        closed="2024-08-14",
    )


def _injury_and_enquiry(s: Scenario) -> None:
    mark = s.event(
        "2024-01-15T09:10",
        "schools",
        "injury_observed",
        [CHILD],
        "Finger-tip bruises on Harvey's upper arm; he says daddy grabbed him when he was slow",
        by="Amy Rowe",
        significance="significant",
    )
    s.event(
        "2024-01-15T09:30",
        "schools",
        "information_shared",
        [CHILD],
        "Class teacher told the designated safeguarding lead",
        by="Amy Rowe",
        counterpart="schools",
        refers_to=mark,
    )
    s.event(
        "2024-01-15T10:00",
        "schools",
        "referral",
        [CHILD],
        "Referral to MASH: bruising, and Harvey's account",
        by="Sarah Brennan",
        counterpart="csc",
        refers_to=mark,
        significance="significant",
    )
    s.involvement(
        "csc",
        CHILD,
        "Assessment Team North",
        "2024-01-15",
        lead=SOCIAL_WORKER,
        reason="Physical abuse: bruising",
        closed="2024-02-02",
    )
    s.event(
        "2024-01-15",
        "csc",
        "referral",
        [CHILD],
        "MASH: school's referral; strategy discussion the same day",
    )
    sd = s.event(
        "2024-01-15T14:00",
        "csc",
        "strategy_discussion",
        [CHILD, ("cmv-father", "mentioned")],
        "Strategy discussion with police, GP, school nurse and school: section 47 enquiry",
        outcome="section_47",
        significance="significant",
    )
    circulate(s, FAMILY, sd, "2024-01-15", others=("police",))
    children_seen_and_heard(s, FAMILY, "2024-01-15", "at school, on the joint visit with police")
    s.event(
        "2024-01-16",
        "csc",
        "management_review",
        [CHILD],
        "Team manager agrees the section 47 decision",
        refers_to=sd,
    )
    s.event(
        "2024-01-16",
        "csc",
        "assessment_started",
        [CHILD],
        "Section 47 enquiry started",
        outcome="section_47",
    )
    s.event(
        "2024-01-16",
        "hospital",
        "paediatric_assessment",
        [CHILD, ("cmv-mother", "present")],
        "Child protection medical: bruising consistent with a forceful grip",
        by="Dr Helen Quayle",
    )
    s.event(
        "2024-01-18",
        "csc",
        "home_visit",
        [CHILD, ("cmv-mother", "present"), ("cmv-father", "present")],
        "Home visit: father accepts he grabbed Harvey; mother's depression weighs on the home",
    )
    s.event("2024-01-18", "csc", "genogram_updated", [CHILD], "Genogram and ecomap drawn")
    s.event(
        "2024-01-19",
        "csc",
        "risk_assessment",
        [CHILD, ("cmv-father", "subject")],
        "Risk assessment: father's rough handling under stress; mother's depression",
    )
    s.event(
        "2024-01-24",
        "csc",
        "assessment_completed",
        [CHILD],
        "Section 47 enquiry completed: ICPC",
        outcome="icpc",
    )


def _plan(s: Scenario) -> None:
    icpc = "2024-02-02"  # 14 working days after the strategy discussion
    book(s, FAMILY, "2024-01-24", icpc, "icpc", "Initial child protection conference", ("police",))
    children_seen_and_heard(s, FAMILY, "2024-02-01", "at school before the conference")
    conference = hold(
        s,
        FAMILY,
        icpc,
        "conference",
        "Initial child protection conference: plan for physical abuse; both parents attend",
        outcome="cp_plan",
        others=("police",),
    )
    s.involvement(
        "csc",
        CHILD,
        "Child Protection Team North",
        icpc,
        lead=SOCIAL_WORKER,
        reason="Child protection plan: physical abuse",
        closed=CLOSED,
    )
    plan = s.episode(
        CHILD,
        "cp",
        icpc,
        CLOSED,
        reason="Physical abuse: bruising from rough handling by father",
        referral_source="2A",
        primary_need="N1",
        category_of_abuse="PHY",
        closure_reason="RC5",
        factors=["18C", "4B"],
    )
    s.plan_outcome(
        plan,
        icpc,
        risk="Harvey is hurt when his father handles him roughly under stress",
        change_wanted="No physical chastisement; father completes anger-management work",
        achieve_by="2024-05-02",
        consequence="A legal planning meeting to consider proceedings",
    )
    s.plan_outcome(
        plan,
        icpc,
        risk="Mother's depression leaves Harvey without comfort and routine",
        change_wanted="Mother keeps her mental health appointments; a daily routine for Harvey",
        achieve_by="2024-05-02",
        consequence="The plan continues and a parenting assessment is started",
    )
    tell_household(s, FAMILY, icpc, "Child protection plan started", refers_to=conference)
    book(s, FAMILY, icpc, CORE_GROUPS[0], "cp_plan", "First core group")
    _core_group(s, CORE_GROUPS[0], "Core group: plan in detail", CORE_GROUPS[1])
    _core_group(s, CORE_GROUPS[1], "Core group: father attending anger-management", CORE_GROUPS[2])
    _core_group(s, CORE_GROUPS[2], "Core group: no new marks; routines better", None)
    rcpc = "2024-05-02"
    book(s, FAMILY, "2024-04-18", rcpc, "rcpc", "Review child protection conference", ("police",))
    children_seen_and_heard(s, FAMILY, "2024-05-01", "at school before the review conference")
    hold(
        s,
        FAMILY,
        rcpc,
        "conference",
        "Review conference: progress; plan continues for three months",
        outcome="cp_plan",
        others=("police",),
    )
    s.event(rcpc, "csc", "plan_reviewed", [CHILD], "Plan and risk assessment reviewed")
    book(s, FAMILY, day(rcpc, 1), CORE_GROUPS[3], "cp_plan", "Core group")
    _core_group(s, CORE_GROUPS[3], "Core group: plan on track", CORE_GROUPS[4])
    _core_group(
        s,
        CORE_GROUPS[4],
        "Core group: family offered a tenancy in Carrow End, Westmere, near the grandmother",
        CORE_GROUPS[5],
    )
    _core_group(
        s, CORE_GROUPS[5], "Core group before the move: the handover to Westmere planned", None
    )


def _core_group(s: Scenario, held: str, summary: str, next_one: str | None) -> None:
    hold(s, FAMILY, held, "core_group", summary)
    if next_one:
        book(s, FAMILY, day(held, 1), next_one, "cp_plan", "Core group")


def _move(s: Scenario) -> None:
    s.event(
        "2024-06-27",
        "csc",
        "note",
        [CHILD],
        "Move to Westmere planned for 22 July: Westmere's front door told informally; "
        "transfer to be notified formally on the move",
    )
    children_seen_and_heard(s, FAMILY, "2024-07-17", "at school: his last week; views on moving")
    s.event(
        MOVE,
        "csc",
        "address_move",
        [CHILD, ("cmv-mother", "subject"), ("cmv-father", "subject")],
        "Family moved to 4 Sandpiper Row, Carrow End, Westmere",
        outcome="moved_out_of_area",
        significance="significant",
    )
    s.event(
        day(MOVE, 1),
        "csc",
        "transfer_notified",
        [CHILD],
        "Transfer notified to Westmere Children's Services: chronology, CP plan, assessments, "
        "conference minutes and Northshire's named contacts sent",
        by=SOCIAL_WORKER,
        detail="Receiving worker: " + RECEIVING_WORKER,
    )
    s.event(
        day(MOVE, 2),
        "csc",
        "genogram_updated",
        [CHILD],
        "Genogram and ecomap updated: new home, maternal grandmother now close by",
    )
    s.event(
        day(MOVE, 2),
        "mental-health",
        "information_shared",
        ["cmv-mother", CHILD],
        "Mother's care to transfer to Westmere's community mental health team",
        counterpart="csc",
    )


def _transfer_and_closure(s: Scenario) -> None:
    booked_on = day(MOVE, 2)
    booking = s.event(
        booked_on,
        "csc",
        "meeting_scheduled",
        [CHILD],
        "Westmere books the transfer-in conference",
        outcome="transfer_in",
        due=TRANSFER_IN,
    )
    for agency in ("gp", "mental-health"):
        s.event(
            booked_on,
            "csc",
            "invitation",
            [CHILD, ("cmv-mother", "invited"), ("cmv-father", "invited")],
            f"Westmere's invitation to the transfer-in conference passed to {agency}",
            counterpart=agency,
            refers_to=booking,
        )
    s.event(
        booked_on,
        "csc",
        "information_shared",
        [CHILD],
        f"Westmere's contacts given to the GP: {RECEIVING_WORKER}",
        counterpart="gp",
    )
    s.event(
        "2024-07-30",
        "csc",
        "home_visit",
        [CHILD, ("cmv-mother", "present"), ("cmv-father", "present")],
        "Joint visit with Westmere's social worker at the new home",
    )
    children_seen_and_heard(s, AFTER_THE_MOVE, "2024-07-30", "at the new home")
    conference = hold(
        s,
        AFTER_THE_MOVE,
        TRANSFER_IN,
        "conference",
        "Transfer-in conference in Westmere: plan continues there; Northshire hands over",
        outcome="transfer_in",
        others=("mental-health",),
    )
    s.event(
        TRANSFER_IN,
        "csc",
        "decision",
        [CHILD],
        "Northshire's plan to close on transfer, agreed at the transfer-in conference",
        outcome="closure",
        refers_to=conference,
    )
    tell_household(
        s,
        AFTER_THE_MOVE,
        CLOSED,
        "Northshire's child protection plan closed: Westmere now holds the plan; "
        f"contact {RECEIVING_WORKER}",
        others=("mental-health",),
    )
    s.event(
        "2024-08-14",
        "mental-health",
        "information_shared",
        ["cmv-mother", CHILD],
        "Mother's Northshire case closed: care transferred to Westmere",
        counterpart="csc",
    )
