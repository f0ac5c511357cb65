"""Child Q (Oxfordshire SCB learning summary): a 14-month-old on a child protection plan for
neglect who drowned in the bath, after two moves that broke the professional network and a
father who was never drawn into the plan."""

from __future__ import annotations

from threadline.demo.scenarios import meetings as m
from threadline.demo.scenarios.builder import Place, Scenario
from threadline.demo.scenarios.good_practice import day

FIRST_HOME = Place("Flat 12, 4 Rhys Estates", "Northtown", "NT2 3KD")
SECOND_HOME = Place("56 Adrian Harbors", "Stanmoor", "NT8 6TB")
LAST_HOME = Place("2 Fen Lane Cottages", "Carrow End", "WQ4 1NX", "Westmere")
FATHERS_HOME = Place("19 Rosemary Fords", "Hollowfield", "NT7 2AE")

FIRST_WORKER = "Graham Richardson"
SECOND_WORKER = "Hannah Chapman"
CP_CHAIR = "Maureen Pugh"
CENTRE_WORKER = "Georgina Noble"
CHILDREN = ["q-child", "q-half-brother"]
REFERRAL = "Health visitor's referral: neglect (a dirty home, little food) and mother's low mood"
ICPC = "Initial child protection conference"
RCPC = "Review child protection conference"
CORE_GROUP = "Core group meeting"


def build() -> Scenario:
    s = Scenario(
        key="q",
        file_name="child-q.jsonl",
        title="Child Q: CP plan for neglect, moves across boundaries, father not engaged, "
        "drowned in the bath",
        review="004_01058cc2a747051e.txt",
        incident_date="2013-08-14",
        states=[
            "Child Q, a girl of 14 months, drowned after being left unattended in the bath",
            "She lived with her mother and an older half-sibling; both children were on "
            "child protection plans for neglect and parental inability to protect",
            "Mother had a difficult history and little consistent support from her family; "
            "Q's father and paternal relatives gave regular respite care",
            "Concerns: mother's immaturity, her poorly understood drug and alcohol misuse, "
            "periodic depression, and exposing the children to unsuitable teenagers and adults",
            "Children's Centres taught parenting and monitored the children's care; mother "
            "used services inconsistently and could not sustain improvements",
            "She moved twice in the children's early years, the last move making the family "
            "more isolated; the moves broke relationships with professionals",
            "The plan did not spell out the specific risks or the consequences if outcomes "
            "were not achieved",
            "Professionals did not respond proactively to incidents and allegations, feeling "
            "they did not have enough evidence",
            "Handover was delayed when the family moved, leading to 'start again'",
            "Mother's cooperation was prioritised; father was not engaged in the child "
            "protection process",
            "Professionals assumed they could not meet without the parents present",
            "Child protection plans and minutes were shared late",
            "There was no multi-agency chronology of significant events",
            "Agencies should tell children's social care when they do not receive the minutes "
            "of conferences, core groups and strategy meetings in time (key messages)",
            "Any professional from any agency can ask for a professionals' meeting without a "
            "parent (key messages)",
        ],
        filled_in=[
            "All names, addresses and dates; Q's birth in June 2012 and death in August 2013, "
            "from her age",
            "The half-sibling being a brother, aged about 3",
            "The moves: first across the borough's locality teams (North to South), then "
            "across the boundary into a neighbouring authority, Westmere, with the transfer "
            "not yet made when Q died",
            "The referral by the health visitor, the conference dates and the plan's wording",
            "The incidents: a bruise on the half-brother explained by mother and not passed "
            "to the social worker, and a third-party report of the children left with "
            "teenagers",
            "The health visitor's request for a professionals' meeting without mother, "
            "which was not held",
            "The conferences and core groups booked with mother invited and father not; the "
            "health visitor, Children's Centre and GP invited, the GP sending apologies to the "
            "initial conference",
            "When minutes went out: the initial conference's minutes and plan, with the first "
            "core group's notes, five weeks after it and only to the health visitor and the "
            "Children's Centre; the first review's a month late; core group notes on time "
            "once, never once, late once; none after the July meetings; only the health "
            "visitor ever confirming, and no agency chasing (finding 6, key messages)",
            "The plan's three outcomes: one without a date or consequence, one without a risk "
            "or consequence, one whole (finding 1: 'not consistently')",
            "The social worker's reply to the health visitor's request: her concerns to wait "
            "for the next core group, with mother there (finding 5)",
            "The July conference's action to tell Westmere and ask for a transfer-in "
            "conference, not done by the day Q died (finding 3)",
            "The agencies are the synthetic borough's (the review is Oxfordshire's)",
        ],
        children=["q-child"],
    )
    s.agencies(
        "csc",
        "police",
        "gp",
        "midwifery",
        "health-visiting",
        "hospital",
        "ambulance",
        "schools",
        "drug-alcohol",
    )
    _people(s)
    _birth_and_referral(s)
    _conference_and_plan(s)
    _first_move(s)
    _incidents(s)
    _last_move_and_death(s)
    # What the checks must have raised before the harm, finding by finding.
    s.expect(
        "PLN-2",
        "q-child",
        "2013-08-13",
        "finding 1: the CP plan did not spell out the risks and consequences",
    )
    s.expect(
        "SHR-10",
        "q-child",
        "2013-08-13",
        "finding 2 and key messages: marks and allegations shared with the social worker",
    )
    s.expect(
        "SHR-11",
        "q-child",
        "2013-08-13",
        "finding 3: delayed handover when the family moved across the boundary",
    )
    s.expect(
        "NET-2",
        "q-child",
        "2013-08-13",
        "finding 4: father not engaged in the child protection process",
    )
    s.expect(
        "WRK-3",
        "q-child",
        "2013-08-13",
        "finding 5 and key messages: a professionals' meeting without parents",
    )
    s.expect("SHR-3", "q-child", "2013-08-13", "finding 6: delay in sharing CP plans and minutes")
    s.expect(
        "SHR-2",
        "q-child",
        "2013-08-13",
        "finding 6 and key messages: core group notes shared late and inconsistently",
    )
    s.expect(
        "RSK-2",
        "q-child",
        "2013-08-13",
        "learning for managers: review the risk assessment after any incident",
    )
    # Both children were on child protection plans: the plan's findings hold for Q's brother too.
    for check in ("PLN-2", "SHR-3", "SHR-2", "SHR-11", "WRK-3", "SHR-10"):
        s.expect(check, "q-half-brother", "2013-08-13", "as for Q: both children were on plans")
    return s


def _people(s: Scenario) -> None:
    homes = [
        FIRST_HOME.address("2011-03-01", "2012-12-02"),
        SECOND_HOME.address("2012-12-03", "2013-06-23"),
        LAST_HOME.address("2013-06-24"),
    ]
    everywhere = ("csc", "gp", "health-visiting", "schools", "police", "hospital", "ambulance")
    s.person(
        "q-child",
        "Q",
        "Barker",
        at=(*everywhere, "midwifery"),
        sex="female",
        born="2012-06-11",
        died="2013-08-14",
        nhs=s.new_nhs_number(),
        addresses=homes,
        known_as="Child Q",
    )
    s.person(
        "q-half-brother",
        "Q's half-brother",
        "Griffiths",
        at=everywhere,
        sex="male",
        born="2009-10-03",
        nhs=s.new_nhs_number(),
        addresses=homes,
    )
    s.person(
        "q-mother",
        "Q's mother",
        "Griffiths",
        at=(*everywhere, "midwifery", "drug-alcohol"),
        sex="female",
        born="1992-02-27",
        nhs=s.new_nhs_number(),
        addresses=homes,
    )
    fathers = [FATHERS_HOME.address("2010-01-01")]
    s.person(
        "q-father",
        "Q's father",
        "Barker",
        at=("csc", "gp", "police"),
        sex="male",
        born="1989-05-19",
        nhs=s.new_nhs_number(),
        addresses=fathers,
    )
    s.person(
        "q-grandmother",
        "Q's paternal grandmother",
        "Barker",
        at=("csc",),
        sex="female",
        born="1964-11-08",
        nhs=s.new_nhs_number(),
        addresses=fathers,
    )
    for person, relative, kind, pr, since in (
        ("q-mother", "q-child", "parent", True, "2012-06-11"),
        ("q-father", "q-child", "parent", True, "2012-06-11"),
        ("q-mother", "q-half-brother", "parent", True, "2009-10-03"),
        ("q-mother", "q-father", "former_partner", False, "2011-06-01"),
        ("q-half-brother", "q-child", "half_sibling", False, "2012-06-11"),
        ("q-grandmother", "q-child", "grandparent", False, "2012-06-11"),
        ("q-grandmother", "q-father", "parent", False, "1989-05-19"),
        ("q-grandmother", "q-child", "carer", False, "2012-09-01"),
    ):
        s.relationship("csc", person, relative, kind, pr=pr, since=since)


def _birth_and_referral(s: Scenario) -> None:
    s.involvement(
        "midwifery",
        "q-mother",
        "Community Midwives North",
        "2011-11-21",
        lead="Caroline Shah-Craig",
        reason="Antenatal and postnatal care",
        closed="2012-07-09",
    )
    s.event(
        "2012-06-11",
        "midwifery",
        "birth",
        ["q-child", ("q-mother", "present")],
        "Born at Northshire General Hospital",
        by="Caroline Shah-Craig",
    )
    s.involvement(
        "health-visiting",
        "q-child",
        "Health Visiting North",
        "2012-06-11",
        lead="Maria Barton",
        reason="Healthy Child Programme",
        closed="2013-01-27",
    )
    s.event(
        "2012-06-22",
        "health-visiting",
        "home_visit",
        ["q-child", "q-half-brother", ("q-mother", "present")],
        "New birth visit: home dirty, little food in the flat",
        by="Maria Barton",
        significance="significant",
    )
    s.event(
        "2012-08-14",
        "gp",
        "appointment_attended",
        ["q-mother"],
        "Low mood: depression, medication started",
        by="Dr Hilary Lee",
    )
    s.event(
        "2012-09-01",
        "csc",
        "contact_session",
        ["q-child", ("q-father", "present"), ("q-grandmother", "present")],
        "Q stays with her father and paternal grandmother most weekends for respite",
        reliability="third_party",
    )
    s.event(
        "2012-09-05",
        "health-visiting",
        "referral",
        ["q-child", "q-half-brother"],
        "Referral to children's social care: neglect",
        by="Maria Barton",
        significance="significant",
        counterpart="csc",
    )
    for child in CHILDREN:
        s.involvement(
            "csc",
            child,
            "Child Protection Team North",
            "2012-09-05",
            lead=FIRST_WORKER,
            reason="Neglect",
            closed="2013-01-14",
        )
        s.involvement(
            "schools",
            child,
            "Northgate Children's Centre",
            "2012-07-02",
            lead=CENTRE_WORKER,
            reason="Parenting support and monitoring",
            closed="2012-12-02",
        )
    s.event(
        "2012-09-05",
        "csc",
        "referral",
        CHILDREN,
        "Health visitor's referral: neglect, mother's low mood",
        by=FIRST_WORKER,
        significance="significant",
    )
    s.event(
        "2012-09-07",
        "csc",
        "assessment_started",
        CHILDREN,
        "Single assessment started",
        by=FIRST_WORKER,
    )
    s.event(
        "2012-10-12",
        "csc",
        "assessment_completed",
        CHILDREN,
        "Single assessment completed: neglect, mother's drug and alcohol use unclear",
        by=FIRST_WORKER,
        detail="Father not seen: he 'has the children at weekends'.",
        significance="significant",
    )


def _conference_and_plan(s: Scenario) -> None:
    s.event(
        "2012-10-15",
        "csc",
        "strategy_discussion",
        CHILDREN,
        "Strategy discussion: section 47 enquiry for neglect",
        by=FIRST_WORKER,
        significance="critical",
        outcome="section_47",
    )
    s.event(
        "2012-10-15",
        "csc",
        "assessment_started",
        CHILDREN,
        "Section 47 enquiry started",
        by=FIRST_WORKER,
    )
    s.event(
        "2012-10-26",
        "csc",
        "assessment_completed",
        CHILDREN,
        "Section 47 enquiry completed: initial child protection conference requested",
        by=FIRST_WORKER,
        significance="significant",
    )
    # Booked with the health visitor, the Children's Centre and the GP invited and mother on the
    # booking; father not invited (finding 4).
    booking = m.book(
        s,
        "2012-10-26",
        "2012-11-01",
        ICPC,
        CHILDREN,
        reason=REFERRAL,
        invite=("health-visiting", "schools", "gp"),
        family=("q-mother",),
        kind="icpc",
        by=FIRST_WORKER,
    )
    m.apologies(s, "2012-10-31", "gp", CHILDREN, booking, ICPC, by="Dr Hilary Lee")
    icpc = s.event(
        "2012-11-01",
        "csc",
        "conference",
        [*CHILDREN, ("q-mother", "present")],
        "Initial child protection conference: plans for neglect",
        by=CP_CHAIR,
        detail=f"Original reason for referral: {REFERRAL}\nAttended: mother, the health "
        "visitor, the Children's Centre. Apologies: the GP. Father not invited.\nDecision: "
        "child protection plans for neglect. Outcome: mother to keep the home clean and attend "
        "the Children's Centre.",
        significance="critical",
        outcome="cp_plan",
    )
    for child in CHILDREN:
        plan = s.episode(
            child,
            "cp",
            "2012-11-01",
            "2013-08-14" if child == "q-child" else None,
            reason="Neglect; mother unable to protect",
            referral_source="3B",
            primary_need="N1",
            category_of_abuse="NEG",
            closure_reason="RC2" if child == "q-child" else None,
            factors=["16A", "4B", "1B", "2B"],
        )
        # The plan does not consistently spell out the risks and the consequences (finding 1):
        # the first outcome has no date and no consequence, the second names no risk and no
        # consequence; only the third is whole.
        s.plan_outcome(
            plan,
            "2012-11-01",
            risk="Neglect: a dirty home and little food",
            change_wanted="Mother keeps the home clean and attends the Children's Centre",
        )
        s.plan_outcome(
            plan,
            "2012-11-01",
            change_wanted="Mother attends the drug and alcohol service for an assessment",
            achieve_by="2013-01-31",
        )
        s.plan_outcome(
            plan,
            "2012-11-01",
            risk="The children's health needs neglected: immunisations and checks missed",
            change_wanted="The children's immunisations and health reviews up to date",
            achieve_by="2013-01-31",
            consequence="The review conference considers whether the plan is working and "
            "seeks legal advice if it is not",
        )
    m.plan_started(
        s,
        "2012-11-01",
        CHILDREN,
        "Child protection plan: improve home conditions; attend the Children's Centre",
        reason=REFERRAL,
        addresses="neglect: home conditions, the children's health needs, mother's drug and "
        "alcohol use. Father not named in the plan.",
        by=FIRST_WORKER,
        review_by="2013-01-31",
    )
    first_core_group = _core_group(s, "2012-11-01", "2012-11-14", FIRST_WORKER)
    # The conference's minutes and plan, and the first core group's notes, went out together
    # five weeks after the conference (finding 6): to the health visitor and the Children's
    # Centre, not to the GP who sent apologies. Only the health visitor confirmed; no one chased.
    to = ("health-visiting", "schools")
    minutes = m.circulate(s, "2012-12-10", icpc, CHILDREN, to, ICPC, by=FIRST_WORKER)
    notes = m.circulate(
        s, "2012-12-10", first_core_group, CHILDREN, to, CORE_GROUP, by=FIRST_WORKER, noun="Notes"
    )
    m.received(
        s,
        "2012-12-12",
        "health-visiting",
        CHILDREN,
        minutes["health-visiting"],
        ICPC,
        by="Maria Barton",
    )
    m.received(
        s,
        "2012-12-12",
        "health-visiting",
        CHILDREN,
        notes["health-visiting"],
        CORE_GROUP,
        by="Maria Barton",
    )


def _core_group(
    s: Scenario, booked_on: str, held: str, worker: str, invite: tuple[str, ...] = ()
) -> str:
    """A core group booked at the meeting before, mother invited and there; father not."""
    m.book(
        s,
        booked_on,
        held,
        CORE_GROUP,
        CHILDREN,
        reason=REFERRAL,
        invite=invite or ("health-visiting", "schools"),
        family=("q-mother",),
        kind="cp_plan",
        by=worker,
    )
    return s.event(
        held,
        "csc",
        "core_group",
        [*CHILDREN, ("q-mother", "present")],
        "Core group meeting",
        by=worker,
    )


def _first_move(s: Scenario) -> None:
    s.event(
        "2012-12-03",
        "csc",
        "address_move",
        [*CHILDREN, ("q-mother", "subject")],
        "Family moved to Stanmoor (south of the borough)",
        by=FIRST_WORKER,
    )
    for child in CHILDREN:
        s.involvement(
            "csc",
            child,
            "Child Protection Team South",
            "2013-01-14",
            lead=SECOND_WORKER,
            reason="Neglect: transferred from the north team",
        )
        s.involvement(
            "schools",
            child,
            "Stanmoor Children's Centre",
            "2013-02-04",
            lead="Roy Hudson",
            reason="Parenting support and monitoring",
            closed="2013-06-23",
        )
    s.involvement(
        "health-visiting",
        "q-child",
        "Health Visiting South",
        "2013-01-28",
        lead="Alice Booth-Foster",
        reason="Healthy Child Programme (moved in)",
        closed="2013-07-05",
    )
    m.book(
        s,
        "2013-01-14",
        "2013-01-31",
        RCPC,
        CHILDREN,
        reason=REFERRAL,
        invite=("health-visiting", "gp"),
        family=("q-mother",),
        kind="rcpc",
        by=SECOND_WORKER,
    )
    rcpc = s.event(
        "2013-01-31",
        "csc",
        "conference",
        [*CHILDREN, ("q-mother", "present")],
        "Review child protection conference: plans continue",
        by=CP_CHAIR,
        detail=f"Original reason for referral: {REFERRAL}\nAttended: mother, the new health "
        "visitor. New social worker and health visitor; history summarised from the file. "
        "The plan's outcomes carried forward unchanged.",
        significance="significant",
        outcome="cp_plan",
    )
    # The review's minutes a month late, confirmed by the health visitor only.
    minutes = m.circulate(
        s, "2013-03-01", rcpc, CHILDREN, ("health-visiting", "gp"), RCPC, by=SECOND_WORKER
    )
    m.received(
        s,
        "2013-03-04",
        "health-visiting",
        CHILDREN,
        minutes["health-visiting"],
        RCPC,
        by="Alice Booth-Foster",
    )
    # The core group notes: on time once, never once, late once (finding 6: not "timely and
    # consistent").
    booked_on = "2013-01-31"
    for held in ("2013-02-06", "2013-03-20", "2013-05-01"):
        meeting = _core_group(s, booked_on, held, SECOND_WORKER)
        booked_on = held
        sent = {"2013-02-06": day(held, 2), "2013-05-01": "2013-05-28"}.get(held)
        if sent is None:
            continue
        notes = m.circulate(
            s,
            sent,
            meeting,
            CHILDREN,
            ("health-visiting", "schools"),
            CORE_GROUP,
            by=SECOND_WORKER,
            noun="Notes",
        )
        m.received(
            s,
            day(sent, 1),
            "health-visiting",
            CHILDREN,
            notes["health-visiting"],
            CORE_GROUP,
            by="Alice Booth-Foster",
        )
        if held == "2013-02-06":
            m.received(
                s,
                day(sent, 1),
                "schools",
                CHILDREN,
                notes["schools"],
                CORE_GROUP,
                by="Roy Hudson",
            )
    s.event(
        "2013-03-12",
        "drug-alcohol",
        "missed_appointment",
        ["q-mother"],
        "Did not attend assessment appointment",
        by="Glenn Collins",
    )


def _incidents(s: Scenario) -> None:
    s.event(
        "2013-02-20",
        "schools",
        "injury_observed",
        ["q-half-brother", ("q-mother", "present")],
        "Bruise on the half-brother's cheek; mother says he fell off the sofa",
        by="Roy Hudson",
        reliability="self_reported",
        significance="significant",
    )
    s.event(
        "2013-04-09T23:20",
        "police",
        "allegation",
        [*CHILDREN, ("q-mother", "mentioned")],
        "Anonymous report: children left with teenagers while mother out drinking",
        by="PC Owen Holden",
        reliability="third_party",
        detail="Officers attended next day; mother at home; not enough evidence to take further.",
        significance="significant",
    )
    request = s.event(
        "2013-04-23",
        "health-visiting",
        "professionals_meeting_requested",
        ["q-child", "q-half-brother"],
        "Health visitor asked the social worker for a professionals' meeting without mother",
        by="Alice Booth-Foster",
        significance="significant",
    )
    # Finding 5: the assumption that professionals could not meet without the parent.
    s.event(
        "2013-04-25",
        "csc",
        "note",
        CHILDREN,
        "Reply to the health visitor: her concerns to be raised at the next core group, with "
        "mother there",
        by=SECOND_WORKER,
        refers_to={"agency": "health-visiting", "id": request},
    )
    s.event(
        "2013-05-01",
        "gp",
        "missed_appointment",
        ["q-mother"],
        "Did not attend depression review",
        by="Dr Hilary Lee",
    )


def _last_move_and_death(s: Scenario) -> None:
    s.event(
        "2013-06-24",
        "csc",
        "address_move",
        [*CHILDREN, ("q-mother", "subject")],
        "Family moved to Carrow End, Westmere: an isolated village across the boundary",
        by=SECOND_WORKER,
        significance="significant",
        outcome="moved_out_of_area",
    )
    _core_group(s, "2013-05-01", "2013-07-24", SECOND_WORKER, ("health-visiting", "schools", "gp"))
    m.book(
        s,
        "2013-07-11",
        "2013-07-25",
        RCPC,
        CHILDREN,
        reason=REFERRAL,
        invite=("gp",),
        family=("q-mother",),
        kind="rcpc",
        by=SECOND_WORKER,
    )
    rcpc = s.event(
        "2013-07-25",
        "csc",
        "conference",
        [*CHILDREN, ("q-mother", "present")],
        "Review child protection conference: plans continue; transfer to Westmere to be arranged",
        by=CP_CHAIR,
        detail=f"Original reason for referral: {REFERRAL}\nAttended: mother. Apologies: "
        "none recorded. No professional from Westmere invited.",
        significance="significant",
        outcome="cp_plan",
    )
    # The chair's action for the handover (finding 3): not done by the day Q died, and the
    # conference's minutes not yet sent.
    m.actions(
        s,
        "2013-07-25",
        rcpc,
        CHILDREN,
        [
            (
                "csc",
                "Notify Westmere children's social care and request a transfer-in conference",
                "2013-08-08",
            )
        ],
        by=CP_CHAIR,
    )
    s.event(
        "2013-08-14T18:32",
        "ambulance",
        "ambulance_call",
        ["q-child", ("q-mother", "present")],
        "999 call: baby found under the water in the bath",
        by="Paramedic Brian Carter-Black",
        significance="critical",
    )
    s.event(
        "2013-08-14T19:20",
        "hospital",
        "death",
        ["q-child"],
        "Died: drowning after being left unattended in the bath",
        by="Dr Raymond Gordon",
        significance="critical",
    )
